"""Export and summary of the bundled corpus's databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from pipeline.analysis import AnalysisError, export_flat, load_summary, render_summary
from pipeline.batch.sinks import SqlSink
from pipeline.batch.sinks.flat import COLUMNS
from pipeline.cli import main
from schemas import ExtractedDocument
from tests.conftest import Chromium


def _expected(documents: list[ExtractedDocument]) -> list[tuple[Any, ...]]:
    """(doc_id, ordinal, metric, value, unit, region_name, date, projected, title), from JSONL."""
    rows = [
        (d.doc_id, n, r.metric.value, r.value, r.unit.value, r.region.name if r.region else None,
         r.date, r.projected, d.article.title)
        for d in documents for n, r in enumerate(d.records)
    ]
    return sorted(rows, key=lambda row: (row[0], row[1]))


def _read_back(fmt: str, path: Path) -> list[dict[str, Any]]:
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as stream:
            rows: list[dict[str, Any]] = list(csv.DictReader(stream))
        for row in rows:
            row.update(ordinal=int(row["ordinal"]), value=Decimal(row["value"]),
                       projected={"true": True, "false": False}[row["projected"]])
            row.update({k: None for k, v in row.items() if v == ""})
        return rows
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        assert table.schema.field("value").type.scale == 9
        return table.to_pylist()
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True)["records_flat"]
    header, *values = [list(row) for row in sheet.iter_rows(values_only=True)]
    return [dict(zip(header, row, strict=True)) for row in values]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_analysis_export_holds_every_record(
    fmt: str, corpus_db: str, corpus_documents: list[ExtractedDocument], tmp_path: Path
) -> None:
    out = tmp_path / f"flat.{fmt}"
    count = export_flat(corpus_db, out)
    rows = _read_back(fmt, out)
    expected = _expected(corpus_documents)
    assert count == len(rows) == len(expected) > 300
    assert list(rows[0]) == list(COLUMNS)
    got = [(r["doc_id"], r["ordinal"], r["metric"], Decimal(str(r["value"])), r["unit"],
            r["region_name"], r["date"], r["projected"], r["doc_title"]) for r in rows]
    assert got == expected
    assert not list(tmp_path.glob(".*partial"))


def test_analysis_export_recreates_a_missing_view(corpus_db: str, tmp_path: Path) -> None:
    engine = sa.create_engine(SqlSink(corpus_db).url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP VIEW records_flat")
    engine.dispose()
    assert export_flat(corpus_db, tmp_path / "flat.csv") > 300


@pytest.mark.parametrize(("args", "message"), [
    (["export", "--db", "sqlite:///{tmp}/out.db", "--out", "{tmp}/flat.txt"], "cannot tell the format"),
    (["export", "--db", "mysql://x/y", "--out", "{tmp}/flat.csv"], "not supported"),
    (["export", "--db", "sqlite:///{tmp}/missing.db", "--out", "{tmp}/flat.csv"], "no database at"),
    (["summary", "--db", "sqlite:///{tmp}/missing.db", "--out", "{tmp}/s.html"], "no database at"),
])
def test_analysis_cli_usage_errors(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "out.db").touch()
    assert main([arg.format(tmp=tmp_path) for arg in args]) == 2
    assert message in capsys.readouterr().err


def test_analysis_cli_export_and_summary(
    corpus_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", corpus_db, "--format", "csv", "--out",
                 str(tmp_path / "flat.data")]) == 0
    assert (tmp_path / "flat.data").read_text(encoding="utf-8").startswith("doc_id,ordinal,")
    assert main(["summary", "--db", corpus_db, "--out", str(tmp_path / "s.html"),
                 "--metric", "workers_at_work", "--region", "230600"]) == 0
    out = capsys.readouterr().out
    assert "series: workers_at_work in 大庆市 (230600)" in out
    assert main(["summary", "--db", corpus_db, "--out", str(tmp_path / "s.html"),
                 "--metric", "workers_at_work", "--region", "大庆"]) == 2
    assert "大庆市 (230600)" in capsys.readouterr().err


def test_analysis_summary_counts_the_records(
    corpus_db: str, corpus_documents: list[ExtractedDocument]
) -> None:
    summary = load_summary(corpus_db)
    records = [r for d in corpus_documents for r in d.records]
    assert summary.records == len(records)
    assert summary.documents == len(corpus_documents)
    assert {m: n for m, n, _ in summary.per_metric} == Counter(r.metric.value for r in records)
    assert sum(n for _, n, _ in summary.per_province) == len(records)
    provinces = {p for p, _, _ in summary.per_province}
    assert {"黑龙江省", "台湾", "香港特别行政区"} <= provinces


def test_analysis_summary_series_of_a_region(
    corpus_db: str, corpus_documents: list[ExtractedDocument]
) -> None:
    summary = load_summary(corpus_db, metric="workers_at_work", region="大庆市")
    expected = sorted(
        (r.date, r.value) for d in corpus_documents for r in d.records
        if r.metric.value == "workers_at_work" and r.region and r.region.code == "230600"
        and r.kind.value == "level" and not r.projected and r.date and r.unit.value == "person"
    )
    assert summary.region is not None and summary.region.code == "230600"
    assert sorted((p.date, p.value) for p in summary.series) == expected
    assert len(expected) >= 3


def test_analysis_summary_rejects_a_region_without_records(corpus_db: str) -> None:
    with pytest.raises(AnalysisError, match="for region '火星'"):
        load_summary(corpus_db, metric="workers_at_work", region="火星")


@pytest.mark.browser
def test_analysis_summary_renders_in_chromium(
    corpus_db: str, chromium: Chromium, count_png_colours: Any, tmp_path: Path
) -> None:
    summary = load_summary(corpus_db)
    page = tmp_path / "summary.html"
    page.write_text(render_summary(summary), encoding="utf-8")
    screenshot = tmp_path / "shot.png"

    chromium(tmp_path, f"--screenshot={screenshot}", "--window-size=1280,1800", page.as_uri())
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout.decode("utf-8")

    assert count_png_colours(screenshot) > 50, "the screenshot is (nearly) blank"
    bars = len(re.findall(r'<rect class="bar"', dom))
    assert bars == len(summary.per_metric) + len(summary.per_province)
    assert len(re.findall(r'<circle class="point"', dom)) == len(summary.series) >= 2
    assert dom.count("<polyline") == 1
    assert f"Time series: {summary.metric} in {summary.region.label}" in dom  # type: ignore[union-attr]
