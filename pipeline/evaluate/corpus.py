"""The annotated corpus: gold files, the texts they point into, and the manifest.

Layout of a corpus directory (the bundled one is `corpus/`):

    manifest.yaml            one entry per document: doc_id, origin, source, notes
    texts/<doc_id>.txt       the text of seed and written articles, as read
    gold/<doc_id>.gold.json  a `GoldDocument`

Articles of `shared/data/news-archive.jsonl.gz` keep their text out of the
repository: their gold has `archive_ref` and the text is read from the archive
when it is present. `text_sha256` pins the text every span points into.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict

from schemas import GoldDocument

Origin = Literal["seed", "written", "archive"]
DEFAULT_ARCHIVE = Path(__file__).resolve().parents[3] / "shared/data/news-archive.jsonl.gz"


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_id: str
    origin: Origin
    source: str
    notes: str | None = None
    patterns: list[str] = []


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[ManifestEntry]


@dataclass(frozen=True)
class CorpusDocument:
    """A gold document with the text its spans point into."""

    entry: ManifestEntry
    gold: GoldDocument
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class CorpusLoad:
    documents: list[CorpusDocument]
    skipped: dict[str, str]  # doc_id -> why it could not be loaded


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_gold(path: Path) -> GoldDocument:
    return GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))


def read_manifest(root: Path) -> Manifest:
    raw = yaml.safe_load((root / "manifest.yaml").read_text(encoding="utf-8"))
    return Manifest.model_validate(raw)


def archive_metadata(record: dict[str, Any]) -> dict[str, Any]:
    """What an archive record says besides its text (everything but `text`)."""
    return {key: value for key, value in record.items() if key != "text"}


def iter_archive(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def fetch_archive_records(path: Path, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = set(record_ids)
    found: dict[str, dict[str, Any]] = {}
    if not wanted:
        return found
    for record in iter_archive(path):
        if record.get("id") in wanted:
            found[record["id"]] = record
            if len(found) == len(wanted):
                break
    return found


@dataclass(frozen=True)
class GoldWithText:
    gold: GoldDocument  # evidence filled from the text
    text: str
    metadata: dict[str, Any]


def attach_texts(
    golds: list[GoldDocument], text_dir: Path, archive: Path | None
) -> tuple[list[GoldWithText], dict[str, str]]:
    """The text of each gold: `text_dir/<doc_id>.txt`, or its archive record.

    Returns the documents whose text could be had and, for the others, why not (an
    archive article when the archive is absent). Raises ValueError for a missing text
    file or a text that does not match the gold's `text_sha256`.
    """
    archive_ids = [g.archive_ref.record_id for g in golds if g.archive_ref]
    records: dict[str, dict[str, Any]] = {}
    if archive_ids and archive is not None and archive.exists():
        records = fetch_archive_records(archive, archive_ids)
    found: list[GoldWithText] = []
    skipped: dict[str, str] = {}
    for gold in golds:
        metadata: dict[str, Any] = {}
        if gold.archive_ref is not None:
            record = records.get(gold.archive_ref.record_id)
            if record is None:
                skipped[gold.doc_id] = (
                    f"archive record {gold.archive_ref.record_id} not available (looked in"
                    f" {archive}); place news-archive.jsonl.gz in shared/data or pass --archive"
                )
                continue
            text = record["text"]
            metadata = archive_metadata(record)
        else:
            text_path = text_dir / f"{gold.doc_id}.txt"
            if not text_path.exists():
                raise ValueError(f"{text_path} is missing: the text of gold {gold.doc_id}")
            text = text_path.read_text(encoding="utf-8")
        if sha256_text(text) != gold.text_sha256:
            raise ValueError(
                f"{gold.doc_id}: the text does not match the gold's text_sha256; the gold"
                " spans point into another version of the text"
            )
        found.append(GoldWithText(fill_evidence(gold, text), text, metadata))
    return found, skipped


def load_corpus(root: Path, archive: Path | None = DEFAULT_ARCHIVE) -> CorpusLoad:
    """Every document of the manifest whose text can be had, checked against its hash."""
    manifest = read_manifest(root)
    entries = {entry.doc_id: entry for entry in manifest.documents}
    golds = [read_gold(root / "gold" / f"{doc_id}.gold.json") for doc_id in entries]
    found, skipped = attach_texts(golds, root / "texts", archive)
    documents = [
        CorpusDocument(entries[doc.gold.doc_id], doc.gold, doc.text, doc.metadata)
        for doc in found
    ]
    return CorpusLoad(documents, skipped)


def fill_evidence(gold: GoldDocument, text: str) -> GoldDocument:
    """Archive gold leaves `evidence` empty (the text stays out of the repo): fill it."""
    from pipeline.ingest.sentences import sentence_around  # local: keeps corpus light to import

    if all(record.evidence for record in gold.records):
        return gold
    records = [
        record if record.evidence
        else record.model_copy(update={"evidence": sentence_around(text, *record.span)})
        for record in gold.records
    ]
    return gold.model_copy(update={"records": records})


def corpus_hash(root: Path) -> str:
    """One hash over the manifest, every gold file and every text of the corpus."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
