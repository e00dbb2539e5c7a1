"""Fixtures of the ingest tests (read, html, clean)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.extract.gazetteer import shared_gazetteer
from pipeline.ingest.clean import Cleaner

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO.parent / "shared" / "spec" / "gold"
ARCHIVE = REPO.parent / "shared" / "data" / "news-archive.jsonl.gz"
SEED = "dbw-daqing-2020-04-28"



@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner(places=shared_gazetteer())


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = GOLD_DIR / f"{SEED}.txt"
    if not path.exists():
        pytest.skip(f"seed article {path} is absent")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold_article() -> dict[str, Any]:
    path = GOLD_DIR / f"{SEED}.gold.json"
    if not path.exists():
        pytest.skip(f"seed gold {path} is absent")
    article: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["article"]
    return article


@pytest.fixture(scope="session")
def archive_path() -> Path:
    if not ARCHIVE.exists():
        pytest.skip(f"news archive {ARCHIVE} is absent; see ../shared/data/README.md")
    return ARCHIVE
