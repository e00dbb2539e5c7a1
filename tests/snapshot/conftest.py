"""Fixtures of the snapshot tests: where the news archive is (or a skip saying why not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.snapshot.snapshot import ARCHIVE_CANDIDATES, find_archive


@pytest.fixture(scope="session")
def snapshot_archive() -> Path:
    archive = find_archive()
    if archive is None:
        pytest.skip(f"news archive not found at {ARCHIVE_CANDIDATES[0]} or {ARCHIVE_CANDIDATES[1]}:"
                    " the archive sample and the archive articles of the corpus are not checked")
    return archive
