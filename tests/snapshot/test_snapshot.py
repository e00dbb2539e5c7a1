"""The records hold still: the output of the corpus and of an archive sample against snapshots.

A failure names the documents whose output changed. When records change on purpose,
rewrite the snapshots with `scripts/snapshot.py --update` in a commit that says why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.process import Extractor
from tests.snapshot import snapshot


def _check(name: str, actual: snapshot.Snapshot, partial: bool = False) -> None:
    lines = snapshot.differences(snapshot.load(name), actual, partial)
    assert not lines, (
        f"{len(lines)} documents of the {name} snapshot changed (scripts/snapshot.py --update"
        " rewrites it, in a commit that says why the records changed):\n" + "\n".join(lines)
    )


def test_snapshot_corpus_records_unchanged(extractor: Extractor) -> None:
    """The corpus sets; without the archive only their written articles are compared."""
    archive = snapshot.find_archive()
    actual = snapshot.build(snapshot.corpus_documents(archive), extractor.process)
    _check("corpus", actual, partial=archive is None)


@pytest.mark.archive
def test_snapshot_archive_sample_records_unchanged(
    extractor: Extractor, snapshot_archive: Path
) -> None:
    _check("archive", snapshot.build(snapshot.archive_documents(snapshot_archive), extractor.process))
