"""Text, JSON and HTML renderings of the report."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.evaluate import read_json, render_errors, render_html, render_text, score, write_json
from pipeline.evaluate.report_html import _Mark, marked_text
from schemas import ExtractedDocument, GoldDocument

Pair = tuple[list[GoldDocument], list[ExtractedDocument]]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "evaluation.md"
TOP_KEYS = ["format", "documents", "gold_records", "pred_records", "value", "strict", "fields",
            "per_metric", "per_document", "errors", "unpaired_pred", "skipped"]


def test_report_json_keys_are_stable_and_documented(tiny_pair: Pair, tmp_path: Path) -> None:
    report = score(*tiny_pair)
    data = json.loads(report.to_json())
    assert list(data) == TOP_KEYS
    assert data["format"] == "evaluation-report/1"
    assert list(data["value"]) == ["tp", "fp", "fn", "precision", "recall", "f1"]
    assert list(data["errors"][0]) == ["doc_id", "kind", "value_text", "span", "evidence",
                                       "metric", "gold_index", "pred_index", "diffs", "reason"]
    documented = DOCS.read_text(encoding="utf-8")
    for key in [*TOP_KEYS, *data["per_document"][0], *data["errors"][0]]:
        assert f"`{key}`" in documented, f"{key} is not documented in docs/evaluation.md"
    write_json(report, tmp_path / "r.json")
    assert read_json(tmp_path / "r.json") == report


def test_report_text_has_tables_and_numbers(tiny_pair: Pair) -> None:
    text = render_text(score(*tiny_pair))
    assert re.search(r"^value\s+4\s+2\s+2\s+0\.667\s+0\.667\s+0\.667$", text, re.M)
    assert re.search(r"^strict\s+2\s+4\s+4\s+0\.333\s+0\.333\s+0\.333$", text, re.M)
    assert re.search(r"^qualifier\s+3\s+4\s+0\.750$", text, re.M)
    assert "per metric" in text


def test_report_errors_text_names_document_value_evidence_and_reason(tiny_pair: Pair) -> None:
    text = render_errors(score(*tiny_pair))
    assert "a [33:38] MISSING 500人次 (trainees)" in text
    assert "evidence: 乙市返岗职工2.5万人,复工企业80家。" in text
    assert "reason:   strict fields differ: metric: gold 'workers_at_work'" in text
    assert text.count("\n    reason:") == 7


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.max_depth = 0
        self.opened = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.depth += 1
            self.opened += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.depth -= 1
            assert self.depth >= 0


@pytest.mark.parametrize(("spans", "depth"), [
    ([(0, 3), (5, 7)], 1),
    ([(0, 5), (1, 3)], 2),  # nested
    ([(0, 4), (2, 6)], 2),  # crossing: the second is cut to nest
    ([(2, 4), (2, 4)], 2),  # same span twice
])
def test_report_html_marks_nest_and_keep_text(spans: list[tuple[int, int]], depth: int) -> None:
    text = "甲<乙>丙&丁戊己"
    marks = [_Mark(s, e, i, "match", "jobs_created", f"r{i}", "t", (s, e))
             for i, (s, e) in enumerate(spans)]
    markup = marked_text(text, marks)
    parser = _Balance()
    parser.feed(markup)
    assert (parser.opened, parser.depth, parser.max_depth) == (len(spans), 0, depth)
    assert re.sub(r"<[^>]+>", "", markup) == "甲&lt;乙&gt;丙&amp;丁戊己"


def test_report_html_has_one_mark_per_gold_and_spurious_record(
    seed_documents: list[tuple[GoldDocument, str]], perturbed: list[ExtractedDocument]
) -> None:
    golds = [gold for gold, _ in seed_documents]
    report = score(golds, perturbed)
    page = render_html(report, golds, perturbed, {g.doc_id: t for g, t in seed_documents})
    spurious = sum(len(d.spurious) for d in report.per_document)
    assert page.count("<mark class='rec ") == report.gold_records + spurious
    assert page.count("<mark class='rec spurious") == spurious
    assert page.count("<mark class='rec miss") == report.value.fn
    assert page.count("<svg") == 2
    assert not re.search(r"""(src|href)=['"]?(https?:)?//|url\(|@import""", page), (
        "the report must not load network assets")
