"""An HTML overview of a batch, read from the `records_flat` view of its database.

One self-contained page (inline SVG, no network assets): totals; records per metric
and per province (bar charts with their tables); and the time series of one metric
for one region. The series holds the region's records of that metric that are
levels (not changes), not projections, and dated; those of its most common unit
are drawn, each as a point at the first day of its period (`2020-04` -> 1 April),
with a line through the median of each date (several articles may report one date).
Without `metric` and `region` the pair with the most dates is shown (`other` only when
nothing else is dated); with `metric` alone, its region with the most dates.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from string import Template

import sqlalchemy as sa

from pipeline.analysis.database import AnalysisError, connect, decimal, flat, plain_number
from pipeline.evaluate.report_html import metric_colour
from pipeline.resources import data_path

TEMPLATE = "summary_report.html"
NO_PROVINCE = "（全国或未知）"
TOP_REGIONS = 12


@dataclass(frozen=True)
class Point:
    date: str
    value: Decimal
    doc_id: str
    doc_title: str | None
    doc_url: str | None


@dataclass(frozen=True)
class RegionCount:
    name: str
    code: str | None
    records: int
    dates: int

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name


@dataclass
class Summary:
    """What the page shows; `load_summary` fills it from a database."""

    database: str
    documents: int
    documents_with_records: int
    records: int
    errors: int
    first_date: str | None
    last_date: str | None
    per_metric: list[tuple[str, int, int]]  # metric, records, documents
    per_province: list[tuple[str | None, int, int]]  # province, records, documents
    metric: str | None = None  # of the time series
    region: RegionCount | None = None
    unit: str | None = None
    series: list[Point] = field(default_factory=list)
    other_units: int = 0  # records of the series' metric and region in another unit
    regions: list[RegionCount] = field(default_factory=list)  # with most dates of `metric`


def _series_filter() -> list[sa.ColumnElement[bool]]:
    return [flat.c.kind == "level", sa.not_(flat.c.projected), flat.c.date.is_not(None),
            flat.c.region_name.is_not(None)]


def load_summary(db_url: str, metric: str | None = None, region: str | None = None) -> Summary:
    """Read the overview of the database at `db_url`.

    `region` is a division code or a full region name (大庆市). Raises `AnalysisError`
    when the database cannot be read, or `metric` / `region` have no such records.
    """
    documents = sa.table("documents", sa.column("doc_id"), sa.column("n_records"))
    errors = sa.table("errors", sa.column("doc_id"))
    with connect(db_url) as connection:
        n_documents, with_records = connection.execute(sa.select(
            sa.func.count(), sa.func.count().filter(documents.c.n_records > 0))).one()
        n_errors = connection.execute(sa.select(sa.func.count()).select_from(errors)).scalar_one()
        n_records, first, last = connection.execute(sa.select(
            sa.func.count(), sa.func.min(flat.c.date), sa.func.max(flat.c.date))).one()
        per_metric = connection.execute(
            sa.select(flat.c.metric, sa.func.count(), sa.func.count(flat.c.doc_id.distinct()))
            .group_by(flat.c.metric).order_by(sa.func.count().desc(), flat.c.metric)).all()
        per_province = connection.execute(
            sa.select(flat.c.province, sa.func.count(), sa.func.count(flat.c.doc_id.distinct()))
            .group_by(flat.c.province).order_by(sa.func.count().desc(), flat.c.province)).all()
        candidates = connection.execute(
            sa.select(flat.c.metric, flat.c.region_name, flat.c.region_code, sa.func.count(),
                      sa.func.count(flat.c.date.distinct()))
            .where(*_series_filter())
            .group_by(flat.c.metric, flat.c.region_name, flat.c.region_code)).all()
        summary = Summary(
            database=str(connection.engine.url.render_as_string(hide_password=True)),
            documents=n_documents, documents_with_records=with_records, records=n_records,
            errors=n_errors, first_date=first, last_date=last,
            per_metric=[(m, n, d) for m, n, d in per_metric],
            per_province=[(p, n, d) for p, n, d in per_province],
        )
        _choose_series(summary, candidates, metric, region)
        if summary.region is not None:
            _load_series(connection, summary)
    return summary


def _choose_series(summary: Summary, candidates: Sequence[sa.Row[tuple[str, str, str | None,
                   int, int]]], metric: str | None, region: str | None) -> None:
    pairs = [(row[0], RegionCount(name=row[1], code=row[2], records=row[3], dates=row[4]))
             for row in candidates]
    if metric is None:
        named = [pair for pair in pairs if pair[0] != "other"] or pairs
        if not named:
            return  # nothing dated to draw
        metric = min(named, key=lambda p: (-p[1].dates, -p[1].records, p[0], p[1].name))[0]
    regions = sorted((r for m, r in pairs if m == metric),
                     key=lambda r: (-r.dates, -r.records, r.name))
    summary.metric, summary.regions = metric, regions[:TOP_REGIONS]
    if not regions:
        having = ", ".join(sorted({m for m, _ in pairs})) or "none"
        raise AnalysisError(f"no dated level records of {metric} in {summary.database};"
                            f" metrics that have some: {having}")
    if region is None:
        summary.region = regions[0]
        return
    chosen = [r for r in regions if region in (r.code, r.name)]
    if not chosen:
        known = ", ".join(r.label for r in regions[:TOP_REGIONS])
        raise AnalysisError(f"no dated level records of {metric} for region {region!r}; give a"
                            f" division code or full name, e.g. {known}")
    summary.region = chosen[0]


def _load_series(connection: sa.Connection, summary: Summary) -> None:
    assert summary.region is not None
    region = summary.region
    same_region = (flat.c.region_code == region.code if region.code
                   else sa.and_(flat.c.region_code.is_(None), flat.c.region_name == region.name))
    rows = connection.execute(
        sa.select(flat.c.date, flat.c.value, flat.c.unit, flat.c.doc_id, flat.c.doc_title,
                  flat.c.doc_url)
        .where(*_series_filter(), flat.c.metric == summary.metric, same_region)
        .order_by(flat.c.date, flat.c.doc_id)).all()
    units = Counter(row.unit for row in rows)
    summary.unit = units.most_common(1)[0][0] if units else None
    summary.series = [Point(row.date, decimal(row.value), row.doc_id, row.doc_title, row.doc_url)
                      for row in rows if row.unit == summary.unit]
    summary.other_units = len(rows) - len(summary.series)


# ------------------------------------------------------------------ rendering --

def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def count_chart(rows: Sequence[tuple[str, int]], colours: Sequence[str]) -> str:
    """Horizontal bars of counts, one `<rect class='bar'>` per row."""
    label_w, bar_w, bar_h, gap = 190, 320, 14, 6
    height = 10 + (bar_h + gap) * max(1, len(rows))
    width = label_w + bar_w + 60
    top = max((count for _, count in rows), default=1) or 1
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}'"
             f" viewBox='0 0 {width} {height}' font-size='12' font-family='sans-serif'>"]
    for i, ((label, count), colour) in enumerate(zip(rows, colours, strict=True)):
        y = 5 + i * (bar_h + gap)
        length = max(count / top * bar_w, 1.0)
        parts.append(
            f"<text x='{label_w - 6}' y='{y + bar_h / 2}' text-anchor='end'"
            f" dominant-baseline='middle'>{_e(label)}</text>"
            f"<rect class='bar' x='{label_w}' y='{y}' width='{length:.1f}' height='{bar_h}'"
            f" fill='{colour}'><title>{_e(label)}: {count}</title></rect>"
            f"<text x='{label_w + length + 4:.1f}' y='{y + bar_h / 2}'"
            f" dominant-baseline='middle'>{count}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _day(date: str) -> dt.date:
    """The first day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period."""
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _nice_step(top: float) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about four grid lines."""
    raw = top / 4 if top > 0 else 1.0
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return next(f * magnitude for f in (1, 2, 2.5, 5, 10) if raw <= f * magnitude)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def series_chart(points: Sequence[Point], unit: str | None) -> str:
    """A time series: one `<circle class='point'>` per record, a line through daily medians."""
    left, right, top_m, bottom = 80, 20, 15, 40
    width, height = 760, 320
    plot_w, plot_h = width - left - right, height - top_m - bottom
    days = [_day(p.date).toordinal() for p in points]
    first, last = min(days), max(days)
    span = max(last - first, 1)
    values = [float(p.value) for p in points]
    step = _nice_step(max(values) if max(values) > 0 else 1.0)
    ceiling = step * max(1, -(-max(values) // step))

    def x(day: int) -> float:
        return left + (day - first) / span * plot_w if last > first else left + plot_w / 2

    def y(value: float) -> float:
        return top_m + plot_h - value / ceiling * plot_h

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}'"
             f" viewBox='0 0 {width} {height}' font-size='12' font-family='sans-serif'>"]
    tick = 0.0
    while tick <= ceiling + step / 2:
        parts.append(f"<line class='grid' x1='{left}' x2='{width - right}' y1='{y(tick):.1f}'"
                     f" y2='{y(tick):.1f}'/><text x='{left - 6}' y='{y(tick):.1f}'"
                     f" text-anchor='end' dominant-baseline='middle'>{_number(tick)}</text>")
        tick += step
    parts.append(f"<line class='axis' x1='{left}' x2='{width - right}' y1='{y(0):.1f}'"
                 f" y2='{y(0):.1f}'/><text x='{left}' y='{top_m - 4}' font-size='11'>"
                 f"{_e(unit)}</text>")
    labelled = sorted({first, last, *(days[len(days) // 2 : len(days) // 2 + 1])})
    for day in labelled:
        anchor = "start" if day == first else "end" if day == last else "middle"
        parts.append(f"<text x='{x(day):.1f}' y='{height - bottom + 18}' text-anchor='{anchor}'>"
                     f"{dt.date.fromordinal(day).isoformat()}</text>")
    by_day: dict[int, list[float]] = {}
    for day, value in zip(days, values, strict=True):
        by_day.setdefault(day, []).append(value)
    line = " ".join(f"{x(day):.1f},{y(statistics.median(vals)):.1f}"
                    for day, vals in sorted(by_day.items()))
    parts.append(f"<polyline class='series' points='{line}'/>")
    for point, day, value in zip(points, days, values, strict=True):
        parts.append(f"<circle class='point' cx='{x(day):.1f}' cy='{y(value):.1f}' r='4'>"
                     f"<title>{_e(point.date)}: {_e(plain_number(point.value))} {_e(unit)}"
                     f" — {_e(point.doc_title or point.doc_id)}</title></circle>")
    parts.append("</svg>")
    return "".join(parts)


def _totals(summary: Summary) -> str:
    period = (f"{summary.first_date} – {summary.last_date}" if summary.first_date else "—")
    cells = [("documents", summary.documents), ("with records", summary.documents_with_records),
             ("records", summary.records), ("errors", summary.errors), ("dates", period)]
    head = "".join(f"<th>{name}</th>" for name, _ in cells)
    body = "".join(f"<td>{_e(value)}</td>" for _, value in cells)
    return f"<table class='totals'><tr>{head}</tr><tr>{body}</tr></table>"


def _count_table(rows: Sequence[tuple[str, int, int]], colours: Sequence[str], name: str) -> str:
    body = "".join(
        f"<tr><td class='swatch' style='--c:{colour}'></td><td class='l'>{_e(label)}</td>"
        f"<td>{records}</td><td>{documents}</td></tr>"
        for (label, records, documents), colour in zip(rows, colours, strict=True))
    return (f"<table class='{name}'><tr><th></th><th class='l'>{name}</th><th>records</th>"
            f"<th>documents</th></tr>{body}</table>")


def _series_section(summary: Summary) -> str:
    if summary.region is None or not summary.series:
        return "<h2>Time series</h2><p class='muted'>No dated level records to draw.</p>"
    region = summary.region
    note = (f" {summary.other_units} records in other units are left out."
            if summary.other_units else "")
    rows = "".join(
        f"<tr><td class='l'>{_e(p.date)}</td><td>{_e(plain_number(p.value))}</td><td class='l'>"
        + (f"<a href='{_e(p.doc_url)}'>{_e(p.doc_title or p.doc_id)}</a>" if p.doc_url
           else _e(p.doc_title or p.doc_id))
        + "</td></tr>" for p in summary.series)
    others = "".join(f"<tr><td class='l'>{_e(r.label)}</td><td>{r.dates}</td><td>{r.records}</td>"
                     "</tr>" for r in summary.regions)
    return (f"<h2>Time series: {_e(summary.metric)} in {_e(region.label)}</h2>"
            f"<p class='muted'>{len(summary.series)} level records, not projected, in"
            f" {_e(summary.unit)}; a point per record, the line through each date's median."
            f"{note}</p><div class='row'><figure>{series_chart(summary.series, summary.unit)}"
            f"</figure><table class='series'><tr><th class='l'>date</th><th>value</th>"
            f"<th class='l'>document</th></tr>{rows}</table></div>"
            f"<p class='muted'>Regions with most dates of {_e(summary.metric)} (pass one with"
            f" --region):</p><table class='regions'><tr><th class='l'>region</th><th>dates</th>"
            f"<th>records</th></tr>{others}</table>")


def render_summary(summary: Summary) -> str:
    """The page, as one HTML string."""
    metric_colours = [metric_colour(m) for m, _, _ in summary.per_metric]
    province_colours = [f"hsl(210, 45%, {62 + 10 * (i % 2)}%)"
                        for i in range(len(summary.per_province))]
    provinces = [(p or NO_PROVINCE, n, d) for p, n, d in summary.per_province]
    body = (
        _totals(summary)
        + "<h2>Records per metric</h2><div class='row'>"
        + count_chart([(m, n) for m, n, _ in summary.per_metric], metric_colours)
        + _count_table(summary.per_metric, metric_colours, "metric") + "</div>"
        + "<h2>Records per province</h2><div class='row'>"
        + count_chart([(p, n) for p, n, _ in provinces], province_colours)
        + _count_table(provinces, province_colours, "province") + "</div>"
        + _series_section(summary)
    )
    template = Template(data_path(TEMPLATE).read_text(encoding="utf-8"))
    return template.substitute(
        title="Employment statistics: batch summary",
        subtitle=_e(f"{summary.database} — records_flat"),
        body=body,
    )
