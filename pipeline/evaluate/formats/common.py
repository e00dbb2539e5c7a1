"""What the three annotation formats share: a record as a flat set of attributes.

Every tool stores a span with a label (the metric); the other fields of a record
ride along as per-span attributes with the names of `ATTRIBUTES`. Document
metadata of the gold (doc_id, source, text_sha256, script, article, notes,
archive_ref) travels as `gold_meta`; a file without it gets metadata derived from
its text (doc_id from the file or task, empty article).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from pipeline.evaluate.corpus import sha256_text
from pipeline.ingest.sentences import sentence_around
from schemas import ArticleMeta, GoldDocument, Script, StatRecord

# Field name -> kind of value: "str" free text, "enum" a closed set, "bool".
ATTRIBUTES: dict[str, str] = {
    "value": "str", "value_max": "str", "unit": "enum", "qualifier": "enum", "kind": "enum",
    "direction": "enum", "projected": "bool",
    "subject": "str", "sector": "enum", "indicator": "str", "date": "str",
    "region_name": "str", "region_level": "enum", "region_code": "str", "region_parent": "str",
    "evidence": "str",
}
REQUIRED = ("value", "unit")


class FormatError(ValueError):
    """An annotation file cannot be turned into gold; the message names the place."""


def record_attributes(record: StatRecord) -> dict[str, Any]:
    """Every field of `record` but metric, span and value_text, flat, JSON-ready; None = unset."""
    region = record.region
    return {
        "value": str(record.value),
        "value_max": str(record.value_max) if record.value_max is not None else None,
        "unit": record.unit.value,
        "qualifier": record.qualifier.value,
        "kind": record.kind.value,
        "direction": record.direction.value if record.direction else None,
        "projected": record.projected,
        "subject": record.subject,
        "sector": record.sector.value if record.sector else None,
        "indicator": record.indicator,
        "date": record.date,
        "region_name": region.name if region else None,
        "region_level": region.level.value if region else None,
        "region_code": region.code if region else None,
        "region_parent": region.parent if region else None,
        "evidence": record.evidence,
    }


def build_record(text: str, start: int, end: int, metric: str, attributes: Mapping[str, Any],
                 where: str) -> StatRecord:
    """A record from a span of `text` (code points, end exclusive) and its attributes."""
    if not 0 <= start < end <= len(text):
        raise FormatError(f"{where}: span [{start}, {end}) is outside the text "
                          f"of {len(text)} characters")
    missing = [name for name in REQUIRED if attributes.get(name) in (None, "")]
    if missing:
        raise FormatError(f"{where}: the span has no {', '.join(missing)} attribute;"
                          " annotate value and unit for every span")
    region: dict[str, Any] | None = None
    if attributes.get("region_name"):
        region = {"name": attributes["region_name"], "level": attributes.get("region_level"),
                  "code": attributes.get("region_code") or None,
                  "parent": attributes.get("region_parent") or None}
    evidence = attributes.get("evidence")
    fields: dict[str, Any] = {
        "metric": metric, "value": attributes["value"], "unit": attributes["unit"],
        "indicator": attributes.get("indicator") or "",
        "value_text": text[start:end], "span": (start, end),
        "evidence": sentence_around(text, start, end) if evidence is None else evidence,
        "subject": attributes.get("subject") or None,
        "sector": attributes.get("sector") or None,
        "date": attributes.get("date") or None,
        "region": region,
        "projected": bool(attributes.get("projected")),
        "value_max": attributes.get("value_max") or None,
        "direction": attributes.get("direction") or None,
    }
    for name in ("qualifier", "kind"):
        if attributes.get(name):
            fields[name] = attributes[name]
    try:
        return StatRecord.model_validate(fields)
    except ValidationError as exc:
        raise FormatError(f"{where}: not a valid record: {exc}") from exc


def gold_meta(gold: GoldDocument) -> dict[str, Any]:
    return gold.model_dump(mode="json", exclude={"records"})


def build_gold(meta: Mapping[str, Any] | None, text: str, records: list[StatRecord],
               fallback_id: str, where: str) -> GoldDocument:
    """A gold document from its metadata (or metadata derived from the text) and records."""
    if meta is None:
        from pipeline.ingest.convert import Converter  # local: only needed without metadata

        meta = {"doc_id": fallback_id, "source": fallback_id, "text_sha256": sha256_text(text),
                "script": Script(Converter().detect_script(text)).value,
                "article": ArticleMeta().model_dump(mode="json")}
    try:
        return GoldDocument.model_validate({**meta, "records": records})
    except ValidationError as exc:
        raise FormatError(f"{where}: document metadata is not valid: {exc}") from exc
