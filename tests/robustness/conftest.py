"""Fixtures of the robustness tests: the extractor, and the bad inputs written to temp dirs."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.batch.sources import iter_documents
from pipeline.process import Extractor
from pipeline.settings import Settings
from pipeline.validate import Plausibility
from schemas import ExtractedDocument
from tests.robustness.inputs import FILES, write_archive

if TYPE_CHECKING:
    from tests.conftest import PostgresCluster



@pytest.fixture(scope="session")
def spent_extractor() -> Extractor:
    """An extractor whose time budget (a nanosecond) runs out at its first check."""
    return Extractor(Settings(time_budget=1e-9))


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


def _mount(target: Path, options: str) -> None:
    target.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); the disk-full and"
                    " read-only tests need root with mount rights")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB file system (tmpfs), unmounted after the test."""
    target = tmp_path / "small-disk"
    _mount(target, "size=1m")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (tmpfs mounted ro), unmounted after the test."""
    target = tmp_path / "read-only-disk"
    _mount(target, "size=1m,ro")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)
