"""Label Studio JSON tasks: `data.text`, span results, per-region attributes.

A record is one region: a `labels` result (from_name `metric`) holding the span,
and one result per attribute with the same region `id` (`choices` for closed
sets, `textarea` for free text), as Label Studio writes for controls with
`perRegion="true"` (see `labeling_config()`). Label Studio counts offsets in
JavaScript string units, i.e. UTF-16 code units; the gold counts Unicode code
points, so offsets are converted both ways (they differ after any character
outside the Basic Multilingual Plane). Ends are exclusive in both.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.evaluate.formats.common import (
    ATTRIBUTES,
    FormatError,
    build_gold,
    build_record,
    gold_meta,
    record_attributes,
)
from schemas import Direction, GoldDocument, Kind, Level, Metric, Qualifier, Sector, StatRecord, Unit

_CHOICES: dict[str, list[str]] = {
    "unit": [u.value for u in Unit], "qualifier": [q.value for q in Qualifier],
    "kind": [k.value for k in Kind], "direction": [d.value for d in Direction],
    "projected": ["true", "false"],
    "sector": [s.value for s in Sector], "region_level": [lv.value for lv in Level],
}


class Utf16Offsets:
    """Code-point offsets of a text to UTF-16 code-unit offsets and back."""

    def __init__(self, text: str) -> None:
        self.units = [0]
        for ch in text:
            self.units.append(self.units[-1] + (2 if ord(ch) > 0xFFFF else 1))

    def to_utf16(self, index: int) -> int:
        return self.units[index]

    def to_code_point(self, unit: int) -> int:
        index = bisect_left(self.units, unit)
        if index == len(self.units) or self.units[index] != unit:
            raise FormatError(f"UTF-16 offset {unit} falls inside a surrogate pair or past the end")
        return index


def labeling_config() -> str:
    """The Label Studio labeling config that produces (and reads back) these tasks."""
    labels = "".join(f'<Label value="{m.value}"/>' for m in Metric)
    parts = ['<View>', '<Labels name="metric" toName="text">', labels, '</Labels>',
             '<Text name="text" value="$text"/>']
    for name, kind in ATTRIBUTES.items():
        if kind in ("enum", "bool"):
            options = "".join(f'<Choice value="{v}"/>' for v in _CHOICES[name])
            parts.append(f'<Header value="{name}"/><Choices name="{name}" toName="text"'
                         f' perRegion="true" choice="single">{options}</Choices>')
        else:
            parts.append(f'<Header value="{name}"/><TextArea name="{name}" toName="text"'
                         ' perRegion="true" maxSubmissions="1" editable="true"/>')
    parts.append('</View>')
    return "\n".join(parts)


def _results(record: StatRecord, region_id: str, offsets: Utf16Offsets) -> list[dict[str, Any]]:
    span = {"start": offsets.to_utf16(record.span[0]), "end": offsets.to_utf16(record.span[1]),
            "text": record.value_text}
    results: list[dict[str, Any]] = [{
        "id": region_id, "from_name": "metric", "to_name": "text", "type": "labels",
        "value": {**span, "labels": [record.metric.value]},
    }]
    for name, value in record_attributes(record).items():
        if value is None:
            continue
        if ATTRIBUTES[name] == "str":
            result_type, payload = "textarea", {"text": [value]}
        else:
            shown = str(value).lower() if isinstance(value, bool) else value
            result_type, payload = "choices", {"choices": [shown]}
        results.append({"id": region_id, "from_name": name, "to_name": "text",
                        "type": result_type, "value": {**span, **payload}})
    return results


def to_tasks(documents: Sequence[tuple[GoldDocument, str]]) -> list[dict[str, Any]]:
    """One Label Studio task per (gold, text), its records as one annotation."""
    tasks = []
    for number, (gold, text) in enumerate(documents, start=1):
        offsets = Utf16Offsets(text)
        results = [item for k, record in enumerate(gold.records)
                   for item in _results(record, f"r{k}", offsets)]
        tasks.append({"id": number,
                      "data": {"text": text, "doc_id": gold.doc_id, "gold_meta": gold_meta(gold)},
                      "annotations": [{"result": results}]})
    return tasks


def _attribute(result: dict[str, Any]) -> Any:
    value = result.get("value", {})
    if result.get("type") == "textarea":
        texts = value.get("text") or [""]
        return texts[0]
    choices = value.get("choices") or [None]
    choice = choices[0]
    if result.get("from_name") == "projected":
        return choice == "true"
    return choice


def from_task(task: dict[str, Any], where: str) -> tuple[GoldDocument, str]:
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise FormatError(f"{where}: the task has no data.text")
    annotations = task.get("annotations") or task.get("completions") or []
    results = annotations[0].get("result", []) if annotations else []
    offsets = Utf16Offsets(text)
    regions: dict[str, dict[str, Any]] = {}
    for result in results:
        region = regions.setdefault(str(result.get("id")), {"attributes": {}})
        if result.get("type") == "labels":
            value = result["value"]
            region["span"] = (offsets.to_code_point(value["start"]),
                              offsets.to_code_point(value["end"]))
            region["metric"] = value["labels"][0]
        elif result.get("from_name") in ATTRIBUTES:
            region["attributes"][result["from_name"]] = _attribute(result)
    records = []
    for region_id, region in regions.items():
        if "span" not in region:
            raise FormatError(f"{where}: region {region_id} has attributes but no labelled span")
        start, end = region["span"]
        records.append(build_record(text, start, end, region["metric"],
                                    region["attributes"], f"{where} region {region_id}"))
    fallback = str(data.get("doc_id") or task.get("id") or where)
    return build_gold(data.get("gold_meta"), text, records, fallback, where), text


def export_labelstudio(documents: Sequence[tuple[GoldDocument, str]], path: Path) -> None:
    """Write a Label Studio import file (a JSON list of tasks)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(to_tasks(documents), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")


def import_labelstudio(path: Path) -> list[tuple[GoldDocument, str]]:
    """Gold documents with their texts from a Label Studio JSON export."""
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise FormatError(f"{path}: not a readable Label Studio JSON file: {exc}") from exc
    if isinstance(tasks, dict):
        tasks = [tasks]
    return [from_task(task, f"{path} task {i}") for i, task in enumerate(tasks)]
