"""The evaluation report as terminal tables, and the error analysis as text."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from pipeline.evaluate.scoring import Counts, EvaluationReport


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain aligned table; columns after the first are right-aligned."""
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(_pad(cell, widths[i], i > 0) for i, cell in enumerate(row)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def _prf(counts: Counts) -> list[str]:
    return [str(counts.tp), str(counts.fp), str(counts.fn),
            f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}"]


_PRF = ["tp", "fp", "fn", "P", "R", "F1"]


def render_text(report: EvaluationReport) -> str:
    """Summary, field accuracy, per-metric and per-document tables."""
    parts = [
        f"{report.documents} documents, {report.gold_records} gold records,"
        f" {report.pred_records} predicted records",
        "",
        table(["level", *_PRF], [["value", *_prf(report.value)], ["strict", *_prf(report.strict)]]),
        "",
        table(
            ["field", "correct", "matched", "accuracy"],
            [[f.field, str(f.correct), str(f.total),
              "-" if f.accuracy is None else f"{f.accuracy:.3f}"] for f in report.fields],
        ),
        "",
        "per metric (tp/fn by gold metric, fp by predicted metric)",
        table(
            ["metric", *_PRF, "strict F1"],
            [[row.metric, *_prf(row.value), f"{row.strict.f1:.3f}"] for row in report.per_metric],
        ),
        "",
        table(
            ["document", "gold", "pred", *_PRF, "strict F1"],
            [[doc.doc_id, str(doc.gold_records), str(doc.pred_records), *_prf(doc.value),
              f"{doc.strict.f1:.3f}"] for doc in report.per_document],
        ),
    ]
    if report.skipped:
        parts += ["", "skipped (not scored):"]
        parts += [f"  {doc_id}: {why}" for doc_id, why in sorted(report.skipped.items())]
    if report.unpaired_pred:
        parts += ["", "predicted documents with no gold: " + ", ".join(report.unpaired_pred)]
    return "\n".join(parts) + "\n"


def render_errors(report: EvaluationReport) -> str:
    """Every false positive, false negative and field disagreement, one block each."""
    lines: list[str] = []
    for item in report.errors:
        lines.append(
            f"{item.doc_id} [{item.span[0]}:{item.span[1]}] {item.kind.upper()} "
            f"{item.value_text} ({item.metric})"
        )
        lines.append(f"    reason:   {item.reason}")
        lines.append(f"    evidence: {item.evidence}")
    if not lines:
        lines.append("no errors: every gold record was found with all fields right")
    return "\n".join(lines) + "\n"
