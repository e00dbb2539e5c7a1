"""Gold annotations to and from annotation tools: Label Studio, doccano, brat.

Each format module has `export_<format>(documents, path)` and
`import_<format>(path) -> documents`, where documents are `(GoldDocument, text)`
pairs. Offsets in the gold are Unicode code points with exclusive ends; Label
Studio's are UTF-16 code units (converted), doccano's and brat's code points.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.evaluate.formats.brat import export_brat, import_brat
from pipeline.evaluate.formats.common import FormatError
from pipeline.evaluate.formats.doccano import export_doccano, import_doccano
from pipeline.evaluate.formats.labelstudio import export_labelstudio, import_labelstudio
from schemas import GoldDocument

GoldPairs = list[tuple[GoldDocument, str]]
Exporter = Callable[[Sequence[tuple[GoldDocument, str]], Path], None]
Importer = Callable[[Path], GoldPairs]

FORMATS: dict[str, tuple[Exporter, Importer]] = {
    "labelstudio": (export_labelstudio, import_labelstudio),
    "doccano": (export_doccano, import_doccano),
    "brat": (export_brat, import_brat),
}


def export_gold_dir(documents: Sequence[tuple[GoldDocument, str]], directory: Path) -> None:
    """`<doc_id>.gold.json` files with their texts beside them.

    For archive gold neither the text nor the evidence sentences are written: they
    belong to the archive and are filled in again on load.
    """
    directory.mkdir(parents=True, exist_ok=True)
    for gold, text in documents:
        if gold.archive_ref is not None:  # archive text stays out: so does its evidence
            gold = gold.model_copy(update={"records": [
                record.model_copy(update={"evidence": ""}) for record in gold.records]})
        data = gold.model_dump(mode="json")
        for key in ("archive_ref", "notes"):
            if data[key] is None:
                del data[key]
        (directory / f"{gold.doc_id}.gold.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if gold.archive_ref is None:
            with (directory / f"{gold.doc_id}.txt").open("w", encoding="utf-8", newline="") as out:
                out.write(text)


__all__ = [
    "FORMATS", "FormatError", "GoldPairs", "export_brat", "export_doccano", "export_gold_dir",
    "export_labelstudio", "import_brat", "import_doccano", "import_labelstudio",
]
