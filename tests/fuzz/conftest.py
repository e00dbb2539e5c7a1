"""Fixtures of the fuzz tests: the stages built once per session, a sample of the archive."""

from __future__ import annotations

import gzip
from itertools import islice
from pathlib import Path

import pytest

from pipeline.validate import Plausibility

REPO = Path(__file__).resolve().parents[2]
# The archive sits in shared/ beside the repository (or beside the main checkout of a worktree).
ARCHIVE_CANDIDATES = [REPO.parent / "shared" / "data" / "news-archive.jsonl.gz",
                      REPO.parents[1] / "shared" / "data" / "news-archive.jsonl.gz"]
ARCHIVE_SAMPLE = 300






@pytest.fixture(scope="session")
def plausibility() -> Plausibility:
    return Plausibility()


@pytest.fixture(scope="session")
def archive_lines() -> list[bytes]:
    """Raw lines of the first records of the news archive (held in memory, never written)."""
    archive = next((path for path in ARCHIVE_CANDIDATES if path.exists()), None)
    if archive is None:
        pytest.skip(f"news archive not found at {ARCHIVE_CANDIDATES[0]}; place"
                    " news-archive.jsonl.gz there to fuzz with mutated archive records")
    with gzip.open(archive, "rb") as lines:
        return [line for line in islice(lines, ARCHIVE_SAMPLE) if line.strip()]
