"""Fixtures of the robustness tests: the extractor, and the bad inputs written to temp dirs."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.batch.sources import iter_documents
from pipeline.process import Extractor
from pipeline.validate import Plausibility
from schemas import ExtractedDocument
from tests.robustness.inputs import FILES, write_archive

if TYPE_CHECKING:
    from tests.conftest import PostgresCluster


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def plausibility() -> Plausibility:
    return Plausibility()


@pytest.fixture(scope="session")
def dirty_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every bad file and the dirty archive in one directory (the 50 MB file included)."""
    directory = tmp_path_factory.mktemp("dirty")
    for bad in FILES:
        bad.write(directory)
    write_archive(directory)
    return directory


@pytest.fixture(scope="session")
def archive_documents(extractor: Extractor, tmp_path_factory: pytest.TempPathFactory
                      ) -> list[ExtractedDocument]:
    """The documents of the dirty archive, one per line, as the batch reads them."""
    path = write_archive(tmp_path_factory.mktemp("archive"))
    return [extractor.process(raw) for raw in iter_documents([str(path)])]


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """A fresh, empty database on the session's PostgreSQL server (one per test)."""
    import psycopg
    from psycopg import sql

    name = f"r_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_cluster.url, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return postgres_cluster.url.rsplit("/", 1)[0] + f"/{name}"
