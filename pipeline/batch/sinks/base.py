"""The sink protocol and the flat rows every tabular sink stores."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
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


def content_sha256(document: ExtractedDocument) -> str:
    """Hash of the text a document was extracted from."""
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def result_sha256(document: ExtractedDocument) -> str:
    """Hash of the whole extraction: changes when the text or what was found changes."""
    return hashlib.sha256(document.model_dump_json().encode("utf-8")).hexdigest()


def document_row(document: ExtractedDocument, processed_at: datetime) -> dict[str, Any]:
    article = document.article
    region = article.region
    return {
        "doc_id": document.doc_id,
        "content_sha256": content_sha256(document),
        "result_sha256": result_sha256(document),
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
        "processed_at": processed_at,
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
