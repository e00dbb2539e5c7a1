"""doccano sequence-labelling JSONL: one line per document.

    {"id": 1, "text": "...", "entities": [{"id": 0, "label": "jobs_created",
      "start_offset": 10, "end_offset": 14}], "attributes": {"0": {...}}, "gold_meta": {...}}

`entities` use code-point offsets with exclusive ends, as doccano's (Python)
backend stores them. doccano keeps unknown top-level keys as document metadata,
so the record fields ride in `attributes` (keyed by entity id) and the gold's
document fields in `gold_meta`. The older `"label": [[start, end, "label"], ...]`
form is read too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.evaluate.formats.common import (
    FormatError,
    build_gold,
    build_record,
    gold_meta,
    record_attributes,
)
from schemas import GoldDocument


def to_line(gold: GoldDocument, text: str, number: int) -> dict[str, Any]:
    entities = [{"id": k, "label": r.metric.value, "start_offset": r.span[0],
                 "end_offset": r.span[1]} for k, r in enumerate(gold.records)]
    attributes = {str(k): record_attributes(r) for k, r in enumerate(gold.records)}
    return {"id": number, "text": text, "entities": entities, "attributes": attributes,
            "gold_meta": gold_meta(gold)}


def from_line(line: dict[str, Any], where: str) -> tuple[GoldDocument, str]:
    text = line.get("text")
    if not isinstance(text, str):
        raise FormatError(f"{where}: the line has no text")
    attributes = line.get("attributes") or {}
    spans: list[tuple[str, int, int, str]] = []
    if "entities" in line:
        for k, entity in enumerate(line["entities"]):
            spans.append((str(entity.get("id", k)), int(entity["start_offset"]),
                          int(entity["end_offset"]), str(entity["label"])))
    else:
        for k, (start, end, label) in enumerate(line.get("label") or []):
            spans.append((str(k), int(start), int(end), str(label)))
    records = [build_record(text, start, end, label, attributes.get(key, {}),
                            f"{where} entity {key}") for key, start, end, label in spans]
    fallback = str(line.get("id", where))
    return build_gold(line.get("gold_meta"), text, records, fallback, where), text


def export_doccano(documents: Sequence[tuple[GoldDocument, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for number, (gold, text) in enumerate(documents, start=1):
            out.write(json.dumps(to_line(gold, text, number), ensure_ascii=False) + "\n")


def import_doccano(path: Path) -> list[tuple[GoldDocument, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise FormatError(f"{path}: cannot read: {exc}") from exc
    documents = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise FormatError(f"{path}:{number}: not JSON: {exc}") from exc
        documents.append(from_line(line, f"{path}:{number}"))
    return documents
