"""brat standoff: per document `<doc_id>.txt`, `<doc_id>.ann` and `<doc_id>.meta.json`.

For record k (numbered from 1):

    Tk   <metric> <start> <end>\t<value_text>     the span (code points, end exclusive)
    Ak   Unit Tk person                            closed-set fields: Unit, Qualifier, Kind,
                                                   Sector, RegionLevel; Projected is binary
    Nk   Reference Tk GB2260:<code>\t<region name>  the region (GB2260:none without a code)
    #k   AnnotatorNotes Tk\t{"value": ...}         free-text fields as one JSON object:
                                                   value, indicator, subject, date,
                                                   region_parent, evidence

`annotation.conf` declares the labels and attributes so brat can open the folder.
The `.meta.json` sidecar carries the gold's document fields; without it they are
derived from the text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import Enum
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

# attribute field -> brat attribute name
_BRAT_ATTRIBUTES = {"unit": "Unit", "qualifier": "Qualifier", "kind": "Kind", "direction": "Direction",
                    "sector": "Sector", "region_level": "RegionLevel", "projected": "Projected"}
_FROM_BRAT = {brat: name for name, brat in _BRAT_ATTRIBUTES.items()}
_NOTES = [name for name, kind in ATTRIBUTES.items()
          if kind == "str" and name not in ("region_name", "region_code")]
_NO_CODE = "none"


def annotation_conf() -> str:
    values: dict[str, type[Enum]] = {"Unit": Unit, "Qualifier": Qualifier, "Kind": Kind,
                                     "Direction": Direction, "Sector": Sector, "RegionLevel": Level}
    lines = ["[entities]", *(m.value for m in Metric), "", "[relations]", "", "[events]", "",
             "[attributes]", "Projected\tArg:<ENTITY>"]
    lines += [f"{name}\tArg:<ENTITY>, Value:{'|'.join(v.value for v in enum)}"
              for name, enum in values.items()]
    return "\n".join(lines) + "\n"


def to_ann(gold: GoldDocument) -> str:
    lines: list[str] = []
    attribute_id = 0
    for k, record in enumerate(gold.records, start=1):
        lines.append(f"T{k}\t{record.metric.value} {record.span[0]} {record.span[1]}"
                     f"\t{record.value_text}")
        fields = record_attributes(record)
        for name, brat in _BRAT_ATTRIBUTES.items():
            value = fields[name]
            if value is None or value is False:
                continue
            attribute_id += 1
            suffix = "" if value is True else f" {value}"
            lines.append(f"A{attribute_id}\t{brat} T{k}{suffix}")
        if fields["region_name"] is not None:
            lines.append(f"N{k}\tReference T{k} GB2260:{fields['region_code'] or _NO_CODE}"
                         f"\t{fields['region_name']}")
        notes = {name: fields[name] for name in _NOTES if fields[name] is not None}
        lines.append(f"#{k}\tAnnotatorNotes T{k}\t{json.dumps(notes, ensure_ascii=False)}")
    return "".join(line + "\n" for line in lines)


def from_ann(ann: str, text: str, where: str) -> list[StatRecord]:
    spans: dict[str, tuple[str, int, int]] = {}
    attributes: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(ann.splitlines(), start=1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        fields = line.split("\t")
        kind = fields[0][:1]
        try:
            if kind == "T":
                label, offsets = fields[1].split(" ", 1)
                if ";" in offsets:
                    raise FormatError(f"{here}: discontinuous spans are not records")
                start, end = (int(part) for part in offsets.split())
                spans[fields[0]] = (label, start, end)
                attributes.setdefault(fields[0], {})
            elif kind == "A" or kind == "M":
                parts = fields[1].split()
                name = _FROM_BRAT.get(parts[0])
                if name is not None:
                    value: Any = True if len(parts) == 2 else parts[2]
                    attributes.setdefault(parts[1], {})[name] = value
            elif kind == "N":
                _, target, rid = fields[1].split()
                code = rid.split(":", 1)[1] if ":" in rid else _NO_CODE
                entry = attributes.setdefault(target, {})
                entry["region_name"] = fields[2]
                entry["region_code"] = None if code == _NO_CODE else code
            elif kind == "#":
                _, target = fields[1].split()
                notes = json.loads(fields[2])
                attributes.setdefault(target, {}).update(
                    {key: value for key, value in notes.items() if key in _NOTES})
        except (IndexError, ValueError) as exc:
            if isinstance(exc, FormatError):
                raise
            raise FormatError(f"{here}: cannot read the line {line!r}: {exc}") from exc
    return [build_record(text, start, end, label, attributes[tid], f"{where} {tid}")
            for tid, (label, start, end) in spans.items()]


def export_brat(documents: Sequence[tuple[GoldDocument, str]], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
    for gold, text in documents:
        if "/" in gold.doc_id or gold.doc_id.startswith("."):
            raise FormatError(f"doc_id {gold.doc_id!r} cannot be a file name")
        with (directory / f"{gold.doc_id}.txt").open("w", encoding="utf-8", newline="") as out:
            out.write(text)
        (directory / f"{gold.doc_id}.ann").write_text(to_ann(gold), encoding="utf-8")
        (directory / f"{gold.doc_id}.meta.json").write_text(
            json.dumps(gold_meta(gold), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def import_brat(directory: Path) -> list[tuple[GoldDocument, str]]:
    if not directory.is_dir():
        raise FormatError(f"{directory} is not a brat directory")
    documents = []
    for ann_path in sorted(directory.glob("*.ann")):
        stem = ann_path.name[: -len(".ann")]
        text_path = directory / f"{stem}.txt"
        if not text_path.exists():
            raise FormatError(f"{text_path} is missing: brat needs the text beside the .ann")
        with text_path.open(encoding="utf-8", newline="") as source:
            text = source.read()
        meta_path = directory / f"{stem}.meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else None
        records = from_ann(ann_path.read_text(encoding="utf-8"), text, str(ann_path))
        documents.append((build_gold(meta, text, records, stem, str(ann_path)), text))
    return documents
