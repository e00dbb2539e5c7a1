"""Record snapshots: what the pipeline outputs, per document, as digests and text-free summaries.

A snapshot pins the output of the development corpus (`corpus/`, `corpus/validation`,
`corpus/blind`, `corpus/blind2`) and of a fixed sample of the news archive (every
`ARCHIVE_STEP`-th record, `ARCHIVE_SAMPLE` of them), so an optimisation can show that it
changes no record. It holds no article text: per document a sha256 of the canonical JSON of
its output (records, errors, article metadata, script), the counts, and per record its
metric, value, span, date and region code. `scripts/snapshot.py --update` rewrites it; a
snapshot is updated only by a commit that says why the records changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from pipeline.document import RawDocument
from schemas import ExtractedDocument

REPO = Path(__file__).resolve().parents[2]
SNAPSHOT_DIR = Path(__file__).resolve().parent
CORPUS_SETS = ("corpus", "corpus/validation", "corpus/blind", "corpus/blind2")
# The archive sits in shared/ beside the repository (or beside the main checkout of a worktree).
ARCHIVE_CANDIDATES = [REPO.parent / "shared" / "data" / "news-archive.jsonl.gz",
                      REPO.parents[1] / "shared" / "data" / "news-archive.jsonl.gz"]
ARCHIVE_STEP = 17  # every 17th record: 2,000 records spread over the 35,849 of the archive
ARCHIVE_SAMPLE = 2000

Snapshot = dict[str, dict[str, Any]]
ABOUT = {
    "corpus": "output of the corpus sets " + ", ".join(CORPUS_SETS) + " (doc ids: set:doc_id)",
    "archive": f"output of every {ARCHIVE_STEP}th record of news-archive.jsonl.gz, {ARCHIVE_SAMPLE}"
               " records, read as a batch run reads them",
}


def find_archive() -> Path | None:
    return next((path for path in ARCHIVE_CANDIDATES if path.exists()), None)


def corpus_documents(archive: Path | None) -> Iterator[RawDocument]:
    """The documents of the corpus sets, as `evaluate` reads them (archive texts when present)."""
    from pipeline.evaluate.corpus import load_corpus

    seen: set[str] = set()
    for name in CORPUS_SETS:
        loaded = load_corpus(REPO / name, archive)
        for document in loaded.documents:
            doc_id = f"{name}:{document.gold.doc_id}"
            if doc_id in seen:
                continue
            seen.add(doc_id)
            yield RawDocument(source=name, content=document.text, doc_id=doc_id,
                              metadata=document.metadata)


def archive_documents(archive: Path) -> Iterator[RawDocument]:
    """The fixed sample of the archive: every ARCHIVE_STEP-th record, as a batch run reads it."""
    from pipeline.batch.sources import read_jsonl

    return islice(islice(read_jsonl(archive), 0, None, ARCHIVE_STEP), ARCHIVE_SAMPLE)


def summary(document: ExtractedDocument) -> dict[str, Any]:
    """The text-free summary of one output document, with the digest of all of it but its text."""
    dumped = document.model_dump(mode="json", exclude={"text", "source"})
    canonical = json.dumps(dumped, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {
        "digest": hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        "records": len(document.records),
        "errors": sorted(error.code for error in document.errors),
        "summary": [
            [r.metric.value, str(r.value), list(r.span), r.date,
             r.region.code if r.region else None]
            for r in document.records
        ],
    }


def build(documents: Iterable[RawDocument], process: Any) -> Snapshot:
    """The snapshot of `documents`, each processed by `process(raw) -> ExtractedDocument`."""
    return {raw.doc_id or "": summary(process(raw)) for raw in documents}


def path_of(name: str) -> Path:
    return SNAPSHOT_DIR / f"{name}.json"


def load(name: str) -> Snapshot:
    loaded: Snapshot = json.loads(path_of(name).read_text(encoding="utf-8"))["documents"]
    return loaded


def write(name: str, snapshot: Snapshot, about: str) -> None:
    """One line per document, so a change reads as a diff of the documents that changed."""
    lines = [f"{json.dumps(doc_id)}: {json.dumps(snapshot[doc_id], sort_keys=True)}"
             for doc_id in sorted(snapshot)]
    body = ",\n".join(lines)
    path_of(name).write_text(f'{{"about": {json.dumps(about)},\n"documents": {{\n{body}\n}}}}\n',
                             encoding="utf-8")


def differences(expected: Snapshot, actual: Snapshot, partial: bool = False) -> list[str]:
    """One line per document whose output differs from the snapshot (or is new or missing).

    `partial`: only some documents could be produced (the corpus without the archive).
    """
    lines = []
    for doc_id in sorted(set(actual) if partial else set(expected) | set(actual)):
        old, new = expected.get(doc_id), actual.get(doc_id)
        if old is None:
            lines.append(f"{doc_id}: not in the snapshot")
        elif new is None:
            lines.append(f"{doc_id}: in the snapshot but not produced")
        elif old["digest"] != new["digest"]:
            changed = [key for key in ("records", "errors", "summary") if old[key] != new[key]]
            what = ", ".join(changed) if changed else "other fields (article, script, spans' details)"
            lines.append(f"{doc_id}: output changed ({what}); records {old['records']} -> {new['records']}")
    return lines
