"""Read what evaluation compares: gold documents with their texts, and predictions.

A gold directory is either a corpus root (`manifest.yaml`, `gold/`, `texts/`; see
`pipeline.evaluate.corpus`) or a plain directory of `<doc_id>.gold.json` files with their
texts beside them as `<doc_id>.txt` (the layout of `shared/spec/gold`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.document import RawDocument
from pipeline.evaluate.corpus import attach_texts, load_corpus, read_gold
from schemas import ExtractedDocument, GoldDocument


class EvaluationInputError(Exception):
    """Gold or predictions cannot be read; the message says which file and what to do."""


@dataclass(frozen=True)
class GoldText:
    """A gold document with the text its spans point into."""

    gold: GoldDocument
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class GoldSet:
    documents: list[GoldText]
    skipped: dict[str, str]  # doc_id -> why its text could not be had

    @property
    def golds(self) -> list[GoldDocument]:
        return [doc.gold for doc in self.documents]

    @property
    def texts(self) -> dict[str, str]:
        return {doc.gold.doc_id: doc.text for doc in self.documents}

    def restricted_to(self, doc_ids: set[str]) -> GoldSet:
        """The documents of this set whose id is in `doc_ids` (what a second annotator did)."""
        kept = [doc for doc in self.documents if doc.gold.doc_id in doc_ids]
        return GoldSet(kept, {k: v for k, v in self.skipped.items() if k in doc_ids})


def load_gold_dir(path: Path, archive: Path | None) -> GoldSet:
    """Gold documents of a corpus root or of a plain directory of `*.gold.json` files."""
    if not path.is_dir():
        raise EvaluationInputError(f"gold directory {path} does not exist; pass --gold DIR")
    try:
        if (path / "manifest.yaml").exists():
            loaded = load_corpus(path, archive)
            return GoldSet(
                [GoldText(d.gold, d.text, d.metadata) for d in loaded.documents], loaded.skipped
            )
        return _load_plain(path, archive)
    except (OSError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
        raise EvaluationInputError(f"cannot read gold in {path}: {exc}") from exc


def _load_plain(path: Path, archive: Path | None) -> GoldSet:
    files = sorted(path.glob("*.gold.json"))
    if not files:
        raise EvaluationInputError(
            f"{path} holds neither manifest.yaml nor *.gold.json files; point --gold at a corpus"
            " root or a directory of gold files"
        )
    golds = [read_gold(file) for file in files]
    try:
        found, skipped = attach_texts(golds, path, archive)
    except ValueError as exc:
        raise EvaluationInputError(str(exc)) from exc
    return GoldSet([GoldText(doc.gold, doc.text, doc.metadata) for doc in found], skipped)


def read_predictions(path: Path) -> list[ExtractedDocument]:
    """Predicted documents from a JSONL file of `ExtractedDocument` (`out/records.jsonl`)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationInputError(f"cannot read predictions {path}: {exc}") from exc
    documents: list[ExtractedDocument] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            documents.append(ExtractedDocument.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise EvaluationInputError(
                f"{path}:{number} is not an ExtractedDocument ({where}: {first['msg']});"
                " pass the pipeline's records.jsonl"
            ) from exc
    return documents


def as_predictions(gold_set: GoldSet) -> list[ExtractedDocument]:
    """Another annotator's gold as predicted documents, to measure agreement between annotators."""
    return [
        ExtractedDocument(
            doc_id=doc.gold.doc_id, source=doc.gold.source, script=doc.gold.script,
            article=doc.gold.article, text=doc.text, records=doc.gold.records,
        )
        for doc in gold_set.documents
    ]


def predict(documents: Sequence[GoldText]) -> list[ExtractedDocument]:
    """Run the pipeline on the gold texts."""
    from pipeline.logs import quiet_jieba
    from pipeline.process import Extractor  # local: building the extractor is costly

    quiet_jieba()
    extractor = Extractor()
    return [
        extractor.process(RawDocument(
            source=doc.gold.source, content=doc.text, doc_id=doc.gold.doc_id,
            metadata=doc.metadata,
        ))
        for doc in documents
    ]
