"""Score predicted documents against gold, by the matching rules of the contract.

A predicted record matches a gold record of the same document when their values
are equal as decimals, their units are equal and their spans overlap. Matching is
one-to-one: candidate pairs are taken by largest overlap first, then earliest gold
span, then earliest predicted span. A matched pair is *strict* when metric,
qualifier, kind, projected, date and region (name and level) agree as well.

The per-metric table is keyed by the GOLD metric for true positives and false
negatives and by the PREDICTED metric for false positives.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, Field

from schemas import ExtractedDocument, GoldDocument, StatRecord

REPORT_FORMAT = "evaluation-report/1"
STRICT_FIELDS: tuple[str, ...] = ("metric", "qualifier", "kind", "projected", "date", "region")
FIELDS: tuple[str, ...] = (*STRICT_FIELDS, "subject", "sector", "indicator")

PairedBy = Literal["doc_id", "text_sha256", "none"]
ErrorKind = Literal["missing", "spurious", "field_mismatch", "attribute_mismatch"]


class Counts(BaseModel):
    """True/false positives and negatives with the scores they give.

    With nothing to find and nothing found, precision, recall and F1 are 1.0;
    an empty denominator otherwise gives 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 1.0
    recall: float = 1.0
    f1: float = 1.0

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> Counts:
        precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        return cls(tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=f1)


class FieldAccuracy(BaseModel):
    field: str
    correct: int
    total: int
    accuracy: float | None  # None when no record matched


class MetricRow(BaseModel):
    metric: str
    value: Counts
    strict: Counts


class FieldDiff(BaseModel):
    field: str
    gold: Any
    pred: Any


class Match(BaseModel):
    """A gold record and the predicted record it was matched with (indexes into the docs)."""

    gold_index: int
    pred_index: int
    overlap: int
    strict: bool
    diffs: list[FieldDiff] = Field(default_factory=list)


class DocumentResult(BaseModel):
    doc_id: str
    paired_by: PairedBy
    pred_doc_id: str | None
    gold_records: int
    pred_records: int
    value: Counts
    strict: Counts
    pred_errors: list[str] = Field(default_factory=list)  # DocError codes of the prediction
    matches: list[Match] = Field(default_factory=list)
    missing: list[int] = Field(default_factory=list)  # gold indexes without a match
    spurious: list[int] = Field(default_factory=list)  # pred indexes without a match


class ErrorItem(BaseModel):
    """One line of the error analysis."""

    doc_id: str
    kind: ErrorKind
    value_text: str
    span: tuple[int, int]
    evidence: str
    metric: str  # gold metric, or pred metric for a spurious record
    gold_index: int | None
    pred_index: int | None
    diffs: list[FieldDiff] = Field(default_factory=list)
    reason: str


class EvaluationReport(BaseModel):
    """Everything `score` finds; `to_json()` gives the documented JSON report."""

    format: str = REPORT_FORMAT
    documents: int
    gold_records: int
    pred_records: int
    value: Counts
    strict: Counts
    fields: list[FieldAccuracy]
    per_metric: list[MetricRow]
    per_document: list[DocumentResult]
    errors: list[ErrorItem]
    unpaired_pred: list[str] = Field(default_factory=list)
    skipped: dict[str, str] = Field(default_factory=dict)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def field_value(record: StatRecord, name: str) -> Any:
    """The comparable, JSON-ready value of a field; a region compares by name and level."""
    value = getattr(record, name)
    if name == "region":
        return None if value is None else {"name": value.name, "level": value.level.value}
    if hasattr(value, "value") and not isinstance(value, bool):
        return value.value
    return value


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_records(gold: Sequence[StatRecord], pred: Sequence[StatRecord]) -> list[Match]:
    """One-to-one matches by value, unit and overlapping spans (largest overlap, then earliest)."""
    candidates: list[tuple[int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = overlap(g.span, p.span)
            if shared and g.value == p.value and g.unit == p.unit:
                candidates.append((-shared, g.span[0], p.span[0], gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches: list[Match] = []
    for neg_shared, _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        sides = [(name, field_value(gold[gi], name), field_value(pred[pi], name))
                 for name in FIELDS]
        diffs = [FieldDiff(field=name, gold=g, pred=p) for name, g, p in sides if g != p]
        strict = not any(diff.field in STRICT_FIELDS for diff in diffs)
        matches.append(Match(gold_index=gi, pred_index=pi, overlap=-neg_shared, strict=strict,
                             diffs=diffs))
    matches.sort(key=lambda m: (gold[m.gold_index].span, m.gold_index))
    return matches


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    strict_tp: int = 0
    strict_fp: int = 0
    strict_fn: int = 0

    def value(self) -> Counts:
        return Counts.of(self.tp, self.fp, self.fn)

    def strict(self) -> Counts:
        return Counts.of(self.strict_tp, self.strict_fp, self.strict_fn)


def pair_documents(
    gold: Sequence[GoldDocument], pred: Sequence[ExtractedDocument]
) -> tuple[list[tuple[GoldDocument, ExtractedDocument | None, PairedBy]], list[str]]:
    """Each gold document with its prediction (by doc_id, else by text hash) and unpaired preds."""
    by_id = {doc.doc_id: doc for doc in pred}
    by_hash: dict[str, ExtractedDocument] = {}
    for doc in pred:
        by_hash.setdefault(hashlib.sha256(doc.text.encode("utf-8")).hexdigest(), doc)
    used: set[int] = set()
    pairs: list[tuple[GoldDocument, ExtractedDocument | None, PairedBy]] = []
    for g in gold:
        found: ExtractedDocument | None = by_id.get(g.doc_id)
        how: PairedBy = "doc_id"
        if found is None or id(found) in used:
            found, how = by_hash.get(g.text_sha256), "text_sha256"
        if found is None or id(found) in used:
            found, how = None, "none"
        else:
            used.add(id(found))
        pairs.append((g, found, how))
    unpaired = [doc.doc_id for doc in pred if id(doc) not in used]
    return pairs, unpaired


def _describe(record: StatRecord) -> str:
    return f"{record.value_text!r} ({record.metric.value}, {record.value} {record.unit.value})"


def _diff_text(diffs: Sequence[FieldDiff]) -> str:
    return "; ".join(f"{d.field}: gold {d.gold!r}, pred {d.pred!r}" for d in diffs)


def _unmatched(
    doc_id: str,
    kind: Literal["missing", "spurious"],
    record: StatRecord,
    gold_index: int | None,
    pred_index: int | None,
    doc: _Tally,
    metric_tally: dict[str, _Tally],
) -> ErrorItem:
    """Count a missing (gold) or spurious (predicted) record and describe it."""
    row = metric_tally.setdefault(record.metric.value, _Tally())
    side, other = ("fn", "predicted") if kind == "missing" else ("fp", "gold")
    for tally in (doc, row):
        setattr(tally, side, getattr(tally, side) + 1)
        setattr(tally, f"strict_{side}", getattr(tally, f"strict_{side}") + 1)
    described = "gold" if kind == "missing" else "predicted"
    return ErrorItem(
        doc_id=doc_id, kind=kind, value_text=record.value_text, span=record.span,
        evidence=record.evidence, metric=record.metric.value, gold_index=gold_index,
        pred_index=pred_index,
        reason=f"{kind}: no {other} record with value {record.value} "
               f"{record.unit.value} overlaps {described} {_describe(record)}",
    )


def score(
    gold: Sequence[GoldDocument],
    pred: Sequence[ExtractedDocument],
    skipped: dict[str, str] | None = None,
) -> EvaluationReport:
    """Score `pred` against `gold`; a gold document without a prediction counts as all missed."""
    pairs, unpaired = pair_documents(gold, pred)
    total = _Tally()
    metric_tally: dict[str, _Tally] = {}
    field_correct = dict.fromkeys(FIELDS, 0)
    matched_total = 0
    results: list[DocumentResult] = []
    errors: list[ErrorItem] = []

    for g, p, how in pairs:
        pred_records = p.records if p is not None else []
        matches = match_records(g.records, pred_records)
        matched_gold = {m.gold_index for m in matches}
        matched_pred = {m.pred_index for m in matches}
        missing = [i for i in range(len(g.records)) if i not in matched_gold]
        spurious = [i for i in range(len(pred_records)) if i not in matched_pred]
        doc = _Tally()
        for m in matches:
            g_rec, p_rec = g.records[m.gold_index], pred_records[m.pred_index]
            row = metric_tally.setdefault(g_rec.metric.value, _Tally())
            doc.tp += 1
            row.tp += 1
            matched_total += 1
            for name in FIELDS:
                field_correct[name] += name not in {d.field for d in m.diffs}
            if m.strict:
                doc.strict_tp += 1
                row.strict_tp += 1
            else:
                doc.strict_fn += 1
                doc.strict_fp += 1
                row.strict_fn += 1
                metric_tally.setdefault(p_rec.metric.value, _Tally()).strict_fp += 1
            if m.diffs:
                errors.append(ErrorItem(
                    doc_id=g.doc_id,
                    kind="attribute_mismatch" if m.strict else "field_mismatch",
                    value_text=g_rec.value_text, span=g_rec.span, evidence=g_rec.evidence,
                    metric=g_rec.metric.value, gold_index=m.gold_index, pred_index=m.pred_index,
                    diffs=m.diffs,
                    reason=f"{'fields' if m.strict else 'strict fields'} differ: "
                           f"{_diff_text(m.diffs)}",
                ))
        for gi in missing:
            errors.append(_unmatched(g.doc_id, "missing", g.records[gi], gi, None, doc,
                                     metric_tally))
        for pi in spurious:
            errors.append(_unmatched(g.doc_id, "spurious", pred_records[pi], None, pi, doc,
                                     metric_tally))
        for attr in ("tp", "fp", "fn", "strict_tp", "strict_fp", "strict_fn"):
            setattr(total, attr, getattr(total, attr) + getattr(doc, attr))
        results.append(DocumentResult(
            doc_id=g.doc_id, paired_by=how, pred_doc_id=p.doc_id if p is not None else None,
            gold_records=len(g.records), pred_records=len(pred_records),
            value=doc.value(), strict=doc.strict(),
            pred_errors=[e.code for e in p.errors] if p is not None else [],
            matches=matches, missing=missing, spurious=spurious,
        ))

    errors.sort(key=lambda e: (e.doc_id, e.span, e.kind))
    return EvaluationReport(
        documents=len(pairs),
        gold_records=sum(len(g.records) for g in gold),
        pred_records=sum(r.pred_records for r in results),
        value=total.value(),
        strict=total.strict(),
        fields=[
            FieldAccuracy(field=name, correct=field_correct[name], total=matched_total,
                          accuracy=field_correct[name] / matched_total if matched_total else None)
            for name in FIELDS
        ],
        per_metric=[
            MetricRow(metric=name, value=tally.value(), strict=tally.strict())
            for name, tally in sorted(metric_tally.items())
        ],
        per_document=results,
        errors=errors,
        unpaired_pred=unpaired,
        skipped=dict(skipped or {}),
    )
