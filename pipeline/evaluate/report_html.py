"""The evaluation report as one self-contained HTML page (no network assets).

At the top: the P/R/F1 tables and two inline SVG charts (per-metric F1, field
accuracy). Then, per document, its text with one `<mark class="rec">` per gold
record and per spurious predicted record, and a side table of the fields.
A matched record takes the colour of its gold metric; a miss is outlined dashed,
a spurious record is striped, a field disagreement is underlined in red.
Overlapping spans are nested; a span that crosses another is cut at the end of
the one it crosses (its full span stays in the mark's `data-span`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from string import Template

from pipeline.evaluate.scoring import (
    FIELDS,
    Counts,
    DocumentResult,
    EvaluationReport,
    field_value,
)
from pipeline.resources import data_path
from schemas import ExtractedDocument, GoldDocument, Metric, StatRecord

TEMPLATE = "evaluation_report.html"
_METRICS = [m.value for m in Metric]


def metric_colour(metric: str, lightness: int = 78) -> str:
    """A colour per metric: hues spread by the golden angle over the metric enum."""
    index = _METRICS.index(metric) if metric in _METRICS else len(_METRICS)
    return f"hsl({index * 137.508 % 360:.0f}, 70%, {lightness}%)"


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _show(value: object) -> str:
    if isinstance(value, dict):
        return f"{value.get('name')} ({value.get('level')})"
    return "—" if value is None else str(value)


# ---------------------------------------------------------------- summary ----

def _counts_table(report: EvaluationReport) -> str:
    def row(name: str, c: Counts) -> str:
        return (f"<tr><th class='l'>{name}</th><td>{c.tp}</td><td>{c.fp}</td><td>{c.fn}</td>"
                f"<td>{c.precision:.3f}</td><td>{c.recall:.3f}</td><td>{c.f1:.3f}</td></tr>")

    return ("<table class='counts'><tr><th></th><th>TP</th><th>FP</th><th>FN</th><th>P</th>"
            "<th>R</th><th>F1</th></tr>"
            + row("value", report.value) + row("strict", report.strict) + "</table>")


def _fields_table(report: EvaluationReport) -> str:
    rows = "".join(
        f"<tr><td class='l'>{f.field}</td><td>{f.correct}/{f.total}</td>"
        f"<td>{'—' if f.accuracy is None else f'{f.accuracy:.3f}'}</td></tr>"
        for f in report.fields
    )
    return ("<table class='fields'><tr><th class='l'>field (on matched)</th><th>right</th>"
            f"<th>accuracy</th></tr>{rows}</table>")


def _metric_table(report: EvaluationReport) -> str:
    rows = "".join(
        f"<tr><td class='swatch' style='--c:{metric_colour(r.metric)}'></td>"
        f"<td class='l'>{_e(r.metric)}</td><td>{r.value.tp}</td><td>{r.value.fp}</td>"
        f"<td>{r.value.fn}</td><td>{r.value.f1:.3f}</td><td>{r.strict.f1:.3f}</td></tr>"
        for r in report.per_metric
    )
    return ("<table class='metrics'><tr><th></th><th class='l'>metric</th><th>TP</th><th>FP</th>"
            f"<th>FN</th><th>value F1</th><th>strict F1</th></tr>{rows}</table>"
            "<p class='muted'>TP and FN count under the gold metric,"
            " FP under the predicted one.</p>")


def _document_table(report: EvaluationReport) -> str:
    rows = "".join(
        f"<tr><td class='l'><a href='#doc-{i}'>{_e(d.doc_id)}</a></td><td>{d.gold_records}</td>"
        f"<td>{d.pred_records}</td><td>{d.value.tp}</td><td>{d.value.fp}</td><td>{d.value.fn}</td>"
        f"<td>{d.value.f1:.3f}</td><td>{d.strict.f1:.3f}</td></tr>"
        for i, d in enumerate(report.per_document)
    )
    return ("<table class='documents'><tr><th class='l'>document</th><th>gold</th><th>pred</th>"
            "<th>TP</th><th>FP</th><th>FN</th><th>value F1</th><th>strict F1</th></tr>"
            f"{rows}</table>")


def bar_chart(rows: Sequence[tuple[str, Sequence[float | None]]], series: Sequence[str],
              colours: Sequence[str]) -> str:
    """A horizontal bar chart in SVG; values are in [0, 1]; None draws no bar."""
    label_w, bar_w, bar_h, gap = 170, 300, 10, 8
    group_h = bar_h * len(series) + gap
    height = 24 + group_h * max(1, len(rows))
    width = label_w + bar_w + 50
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}'"
             f" viewBox='0 0 {width} {height}' font-size='11' font-family='sans-serif'>"]
    for k, name in enumerate(series):
        parts.append(f"<rect x='{label_w + k * 110}' y='2' width='10' height='10'"
                     f" fill='{colours[k]}'/><text x='{label_w + k * 110 + 14}' y='11'>"
                     f"{_e(name)}</text>")
    for i, (label, values) in enumerate(rows):
        y = 20 + i * group_h
        parts.append(f"<text x='{label_w - 6}' y='{y + group_h / 2}' text-anchor='end'"
                     f" dominant-baseline='middle'>{_e(label)}</text>")
        for k, value in enumerate(values):
            if value is None:
                continue
            top = y + k * bar_h
            parts.append(f"<rect class='bar' x='{label_w}' y='{top}' width='{value * bar_w:.1f}'"
                         f" height='{bar_h - 1}' fill='{colours[k]}'><title>{_e(label)} "
                         f"{_e(series[k])}: {value:.3f}</title></rect>"
                         f"<text x='{label_w + value * bar_w + 4:.1f}' y='{top + bar_h - 2}'"
                         f" font-size='9'>{value:.2f}</text>")
    parts.append(f"<line x1='{label_w}' y1='18' x2='{label_w}' y2='{height}' stroke='#888'/>")
    parts.append("</svg>")
    return "".join(parts)


def _summary(report: EvaluationReport) -> str:
    metric_chart = bar_chart(
        [(r.metric, [r.value.f1, r.strict.f1]) for r in report.per_metric],
        ["value F1", "strict F1"], ["#4a7fc1", "#e08a2c"],
    )
    field_chart = bar_chart(
        [(f.field, [f.accuracy]) for f in report.fields], ["accuracy on matched"], ["#3a9a5b"],
    )
    legend = (
        "<p class='legend'><span><mark class='key match' style='--c:#cde'>matched</mark></span>"
        "<span><mark class='key mismatch' style='--c:#cde'>strict field wrong</mark></span>"
        "<span><mark class='key attr' style='--c:#cde'>other field wrong</mark></span>"
        "<span><mark class='key miss' style='--c:#fff'>missed (gold only)</mark></span>"
        "<span><mark class='key spurious' style='--c:#cde'>spurious (pred only)</mark></span></p>"
    )
    return (
        "<section class='summary-block'><div class='summary'>"
        f"<div>{_counts_table(report)}{_fields_table(report)}</div>"
        f"<div>{_metric_table(report)}</div><div>{_document_table(report)}</div></div>"
        "<div class='charts'>"
        "<figure class='chart-metric'><figcaption>F1 per metric</figcaption>"
        f"{metric_chart}</figure>"
        "<figure class='chart-fields'><figcaption>Field accuracy</figcaption>"
        f"{field_chart}</figure>"
        f"</div>{legend}</section>"
    )


# -------------------------------------------------------------- documents ----

@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    order: int
    status: str  # match | mismatch | attr | miss | spurious
    metric: str
    row_id: str
    title: str
    span: tuple[int, int]


def _record_title(record: StatRecord, other: StatRecord | None, status: str) -> str:
    lines = [f"{status}: {record.value_text} = {record.value} {record.unit.value}"]
    for name in FIELDS:
        mine = field_value(record, name)
        if other is not None and field_value(other, name) != mine:
            lines.append(f"{name}: gold {_show(mine)} / pred {_show(field_value(other, name))}")
        else:
            lines.append(f"{name}: {_show(mine)}")
    return "\n".join(lines)


def _nest(marks: list[_Mark]) -> list[_Mark]:
    """Cut spans that cross an enclosing one so that marks nest properly."""
    result: list[_Mark] = []
    open_ends: list[int] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.order)):
        while open_ends and open_ends[-1] <= mark.start:
            open_ends.pop()
        end = min(mark.end, open_ends[-1]) if open_ends else mark.end
        result.append(_Mark(mark.start, end, mark.order, mark.status, mark.metric, mark.row_id,
                            mark.title, mark.span))
        open_ends.append(end)
    return result


def marked_text(text: str, marks: list[_Mark]) -> str:
    """`text` escaped, with one `<mark class="rec ...">` per mark (properly nested)."""
    nested = _nest(marks)
    opens: dict[int, list[_Mark]] = {}
    for mark in nested:
        opens.setdefault(mark.start, []).append(mark)
    out: list[str] = []
    stack: list[int] = []
    for pos in range(len(text) + 1):
        while stack and stack[-1] == pos:
            stack.pop()
            out.append("</mark>")
        for mark in opens.get(pos, []):  # already sorted outer-first
            out.append(
                f"<mark class='rec {mark.status}' id='{mark.row_id}-m' data-status='{mark.status}'"
                f" data-metric='{_e(mark.metric)}' data-span='{mark.span[0]},{mark.span[1]}'"
                f" style='--c:{metric_colour(mark.metric)}' title='{_e(mark.title)}'>"
            )
            stack.append(mark.end)
        if pos < len(text):
            out.append(_e(text[pos]))
    return "".join(out)


def _cells(record: StatRecord, other: StatRecord | None) -> str:
    cells = []
    for name in FIELDS:
        mine = field_value(record, name)
        if other is not None and field_value(other, name) != mine:
            cells.append(f"<td class='l diff'>{_e(_show(mine))} → "
                         f"{_e(_show(field_value(other, name)))}</td>")
        else:
            cells.append(f"<td class='l'>{_e(_show(mine))}</td>")
    return "".join(cells)


def _document(index: int, result: DocumentResult, gold: GoldDocument,
              pred: ExtractedDocument | None, text: str) -> str:
    pred_records = pred.records if pred is not None else []
    marks: list[_Mark] = []
    rows: list[tuple[tuple[int, int], str]] = []
    order = 0

    def add(record: StatRecord, other: StatRecord | None, status: str, label: str) -> None:
        nonlocal order
        row_id = f"doc-{index}-r{order}"
        marks.append(_Mark(record.span[0], record.span[1], order, status, record.metric.value,
                           row_id, _record_title(record, other, label), record.span))
        rows.append((record.span, (
            f"<tr id='{row_id}' class='{status}'><td class='swatch'"
            f" style='--c:{metric_colour(record.metric.value)}'></td>"
            f"<td class='l status'>{label}</td><td>{record.span[0]}</td>"
            f"<td class='l'><a href='#{row_id}-m'>{_e(record.value_text)}</a></td>"
            f"<td>{_e(record.value)}</td><td class='l'>{record.unit.value}</td>"
            f"{_cells(record, other)}</tr>"
        )))
        order += 1

    for match in result.matches:
        g_rec = gold.records[match.gold_index]
        status = "match" if not match.diffs else ("attr" if match.strict else "mismatch")
        label = {"match": "matched", "attr": "field wrong", "mismatch": "strict wrong"}[status]
        add(g_rec, pred_records[match.pred_index], status, label)
    for gi in result.missing:
        add(gold.records[gi], None, "miss", "missed")
    for pi in result.spurious:
        add(pred_records[pi], None, "spurious", "spurious")

    rows.sort(key=lambda item: item[0])
    header = "".join(f"<th class='l'>{name}</th>" for name in FIELDS)
    table = ("<table class='records'><tr><th></th><th class='l'>status</th><th>at</th>"
             f"<th class='l'>value_text</th><th>value</th><th class='l'>unit</th>{header}</tr>"
             + "".join(row for _, row in rows) + "</table>"
             "<p class='muted'>In a cell “gold → pred” shows a disagreement.</p>")
    errors = ""
    if result.pred_errors:
        errors = f"<p>prediction errors: {_e(', '.join(result.pred_errors))}</p>"
    return (
        f"<section class='doc' id='doc-{index}' data-doc-id='{_e(result.doc_id)}'>"
        f"<h2>{_e(result.doc_id)}</h2>"
        f"<p>{_e(gold.article.title or '')} · gold {result.gold_records}, predicted "
        f"{result.pred_records} · value F1 {result.value.f1:.3f}, strict F1 "
        f"{result.strict.f1:.3f} · paired by {result.paired_by}</p>{errors}"
        f"<div class='cols'><div class='text'>{marked_text(text, marks)}</div>"
        f"<div class='side'>{table}</div></div></section>"
    )


def render_html(
    report: EvaluationReport,
    gold: Sequence[GoldDocument],
    pred: Sequence[ExtractedDocument],
    texts: Mapping[str, str],
    title: str = "Extraction evaluation",
) -> str:
    """The page; `texts` maps gold doc_id to its text (a prediction's text is the fallback)."""
    gold_by_id = {g.doc_id: g for g in gold}
    pred_by_id = {p.doc_id: p for p in pred}
    sections = []
    for index, result in enumerate(report.per_document):
        p = pred_by_id.get(result.pred_doc_id) if result.pred_doc_id else None
        text = texts.get(result.doc_id, p.text if p is not None else "")
        sections.append(_document(index, result, gold_by_id[result.doc_id], p, text))
    template = Template(data_path(TEMPLATE).read_text(encoding="utf-8"))
    subtitle = (f"{report.documents} documents · {report.gold_records} gold records · "
                f"{report.pred_records} predicted · value F1 {report.value.f1:.3f} · "
                f"strict F1 {report.strict.f1:.3f}")
    return template.substitute(title=_e(title), subtitle=_e(subtitle),
                               summary=_summary(report), documents="".join(sections))
