"""The sink protocol and the flat rows every tabular sink stores."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from schemas import ExtractedDocument


class SinkError(Exception):
    """A sink cannot be opened or written: raised for the whole run, never per document."""


class Sink(Protocol):
    """A store of extracted documents, written a batch at a time.

    `open(resume)` prepares the store: with `resume`, what is there is kept and
    `completed_ids()` lists the documents it holds; without it, a file sink starts
    over and a database sink upserts. `write(batch)` stores a batch (skipping
    documents the store already holds complete when resuming) and makes it
    durable before returning.
    """

    name: str

    def open(self, resume: bool) -> None: ...

    def completed_ids(self) -> set[str]: ...

    def write(self, batch: Sequence[ExtractedDocument]) -> None: ...

    def close(self) -> None: ...


class PreparedSink(Sink, Protocol):
    """A sink that also stores documents serialised ahead (`Prepared`), the same way."""

    needs_rows: bool  # it reads the rows of a `Prepared` (else only its JSON)

    def write_prepared(self, batch: Sequence[Prepared]) -> None: ...


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document as the JSONL and SQL sinks store it, serialised once where it was made.

    A worker process prepares its documents, so the process that writes the sinks neither
    rebuilds pydantic models from pickles nor dumps them again: it only writes (and on two
    cores it competes less with the workers). The rows are those of `document_row` (without
    `processed_at`, which the sink sets per batch), `record_rows` and `error_rows`; they are
    empty when prepared without rows (no sink reads them).
    """

    doc_id: str
    json: bytes  # model_dump_json, UTF-8: the JSONL line without its newline
    n_records: int
    codes: tuple[str, ...]  # the codes of its errors, for the run's summary
    document_row: dict[str, Any]
    record_rows: list[dict[str, Any]]
    error_rows: list[dict[str, Any]]


def prepare(document: ExtractedDocument, rows: bool = True) -> Prepared:
    """`document` serialised for the sinks: one JSON dump serves the line and its hash."""
    dumped = document.model_dump_json().encode("utf-8")
    codes = tuple(error.code for error in document.errors)
    if not rows:
        return Prepared(document.doc_id, dumped, len(document.records), codes, {}, [], [])
    return Prepared(
        document.doc_id, dumped, len(document.records), codes,
        _document_fields(document, hashlib.sha256(dumped).hexdigest()),
        record_rows(document), error_rows(document),
    )


def content_sha256(document: ExtractedDocument) -> str:
    """Hash of the text a document was extracted from."""
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def result_sha256(document: ExtractedDocument) -> str:
    """Hash of the whole extraction: changes when the text or what was found changes."""
    return hashlib.sha256(document.model_dump_json().encode("utf-8")).hexdigest()


def document_row(document: ExtractedDocument, processed_at: datetime) -> dict[str, Any]:
    return {**_document_fields(document, result_sha256(document)), "processed_at": processed_at}


def _document_fields(document: ExtractedDocument, result_hash: str) -> dict[str, Any]:
    """The documents row of `document` but its `processed_at`."""
    article = document.article
    region = article.region
    return {
        "doc_id": document.doc_id,
        "content_sha256": content_sha256(document),
        "result_sha256": result_hash,
        "source": document.source,
        "script": document.script.value,
        "title": article.title,
        "published_at": article.published_at,
        "outlet": article.outlet,
        "site": article.site,
        "authors": list(article.authors),
        "editor": article.editor,
        "dateline": article.dateline,
        "region_name": region.name if region else None,
        "region_code": region.code if region else None,
        "text": document.text,
        "n_records": len(document.records),
        "n_errors": len(document.errors),
    }


def record_rows(document: ExtractedDocument) -> list[dict[str, Any]]:
    rows = []
    for ordinal, record in enumerate(document.records):
        region = record.region
        rows.append({
            "doc_id": document.doc_id,
            "ordinal": ordinal,
            "metric": record.metric.value,
            "indicator": record.indicator,
            "value": record.value,
            "value_max": record.value_max,
            "unit": record.unit.value,
            "qualifier": record.qualifier.value,
            "kind": record.kind.value,
            "direction": record.direction.value if record.direction else None,
            "projected": record.projected,
            "subject": record.subject,
            "sector": record.sector.value if record.sector else None,
            "region_name": region.name if region else None,
            "region_level": region.level.value if region else None,
            "region_code": region.code if region else None,
            "region_parent": region.parent if region else None,
            "date": record.date,
            "value_text": record.value_text,
            "span_start": record.span[0],
            "span_end": record.span[1],
            "evidence": record.evidence,
        })
    return rows


def error_rows(document: ExtractedDocument) -> list[dict[str, Any]]:
    return [
        {"doc_id": document.doc_id, "ordinal": ordinal, "stage": error.stage.value,
         "code": error.code, "message": error.message}
        for ordinal, error in enumerate(document.errors)
    ]
