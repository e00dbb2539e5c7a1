"""Scoring against a hand-computed example, and the matching rules one by one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.evaluate import match_records, score
from pipeline.evaluate.scoring import Counts
from schemas import ExtractedDocument, GoldDocument, StatRecord

Pair = tuple[list[GoldDocument], list[ExtractedDocument]]


def test_scoring_value_level_matches_hand_computation(tiny_pair: Pair) -> None:
    report = score(*tiny_pair)
    assert (report.value.tp, report.value.fp, report.value.fn) == (4, 2, 2)
    assert report.value.precision == pytest.approx(4 / 6)
    assert report.value.recall == pytest.approx(4 / 6)
    assert report.value.f1 == pytest.approx(2 / 3)


def test_scoring_strict_level_matches_hand_computation(tiny_pair: Pair) -> None:
    report = score(*tiny_pair)
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (2, 4, 4)
    assert report.strict.precision == pytest.approx(1 / 3)
    assert report.strict.recall == pytest.approx(1 / 3)
    assert report.strict.f1 == pytest.approx(1 / 3)


@pytest.mark.parametrize(("field", "correct"), [
    ("metric", 3), ("qualifier", 3), ("kind", 4), ("projected", 4), ("date", 4),
    ("region", 3), ("subject", 3), ("sector", 4), ("indicator", 3),
])
def test_scoring_field_accuracy_on_matched_pairs(tiny_pair: Pair, field: str,
                                                 correct: int) -> None:
    accuracy = {f.field: f for f in score(*tiny_pair).fields}[field]
    assert (accuracy.correct, accuracy.total) == (correct, 4)
    assert accuracy.accuracy == pytest.approx(correct / 4)


@pytest.mark.parametrize(("metric", "value", "strict"), [
    ("jobs_created", (1, 0, 0), (1, 1, 0)),  # strict FP of the mislabelled 2.5万人 counts here
    ("workers_at_work", (1, 0, 0), (0, 0, 1)),
    ("resumption_rate", (1, 0, 0), (0, 1, 1)),
    ("support_amount", (0, 1, 1), (0, 1, 1)),
    ("trainees", (0, 0, 1), (0, 0, 1)),
    ("other", (0, 1, 0), (0, 1, 0)),
    ("enterprises_resumed", (1, 0, 0), (1, 0, 0)),
])
def test_scoring_per_metric_keys_gold_for_tp_fn_and_pred_for_fp(
    tiny_pair: Pair, metric: str, value: tuple[int, int, int], strict: tuple[int, int, int]
) -> None:
    row = {r.metric: r for r in score(*tiny_pair).per_metric}[metric]
    assert (row.value.tp, row.value.fp, row.value.fn) == value
    assert (row.strict.tp, row.strict.fp, row.strict.fn) == strict


def test_scoring_per_document_rows_and_pairing(tiny_pair: Pair) -> None:
    rows = {d.doc_id: d for d in score(*tiny_pair).per_document}
    assert (rows["a"].value.tp, rows["a"].value.fp, rows["a"].value.fn) == (2, 1, 2)
    assert rows["a"].paired_by == "doc_id"
    assert (rows["b"].value.tp, rows["b"].value.fp, rows["b"].value.fn) == (2, 1, 0)
    assert rows["b"].paired_by == "text_sha256"
    assert rows["b"].pred_doc_id == "other-id"


def test_scoring_error_analysis_lists_every_error_with_reason(tiny_pair: Pair) -> None:
    errors = score(*tiny_pair).errors
    kinds = sorted(e.kind for e in errors)
    assert kinds == ["attribute_mismatch", "field_mismatch", "field_mismatch", "missing",
                     "missing", "spurious", "spurious"]
    mislabelled = next(e for e in errors if e.value_text == "2.5万人")
    assert {d.field: (d.gold, d.pred) for d in mislabelled.diffs} == {
        "metric": ("workers_at_work", "jobs_created"),
        "region": ({"name": "大庆市", "level": "city"}, {"name": "林甸县", "level": "county"}),
    }
    assert "metric: gold 'workers_at_work', pred 'jobs_created'" in mislabelled.reason
    missed = next(e for e in errors if e.value_text == "500人次")
    assert missed.kind == "missing" and missed.reason.startswith("missing:")
    assert missed.evidence.startswith("甲地")


def test_scoring_gold_without_prediction_counts_all_missed(tiny_pair: Pair) -> None:
    gold, pred = tiny_pair
    report = score(gold, pred[:1])
    row = {d.doc_id: d for d in report.per_document}["b"]
    assert row.paired_by == "none"
    assert (row.value.tp, row.value.fp, row.value.fn) == (0, 0, 2)


def test_scoring_unpaired_prediction_is_reported_not_scored(tiny_pair: Pair) -> None:
    gold, pred = tiny_pair
    report = score(gold[:1], pred)
    assert report.unpaired_pred == ["other-id"]
    assert report.pred_records == 3


@pytest.mark.parametrize(("tp", "fp", "fn", "expected"), [
    (0, 0, 0, (1.0, 1.0, 1.0)),
    (0, 0, 3, (0.0, 0.0, 0.0)),
    (0, 2, 0, (0.0, 0.0, 0.0)),
    (3, 1, 2, (0.75, 0.6, 6 / 9)),
])
def test_scoring_counts_edge_cases(tp: int, fp: int, fn: int,
                                   expected: tuple[float, float, float]) -> None:
    counts = Counts.of(tp, fp, fn)
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx(expected)


TEXT = "共计新增就业1200人和1200人。"


@pytest.mark.parametrize(("pred_spans", "expected"), [
    # largest overlap wins over an earlier partial one
    ([("1200", 0), ("1200人", 0)], [(0, 1)]),
    # equal overlap: the earliest predicted span wins
    ([("1200人", 1), ("1200人", 0)], [(0, 1)]),
    # no overlap: no match
    ([("1200人", 1)], []),
])
def test_scoring_match_prefers_largest_overlap_then_earliest(
    record_factory: Callable[..., StatRecord],
    pred_spans: list[tuple[str, int]], expected: list[tuple[int, int]],
) -> None:
    gold = [record_factory(TEXT, "1200人", "jobs_created", "1200", "person")]
    pred = [record_factory(TEXT, value_text, "jobs_created", "1200", "person", occurrence=k)
            for value_text, k in pred_spans]
    matches = match_records(gold, pred)
    assert [(m.gold_index, m.pred_index) for m in matches] == expected


@pytest.mark.parametrize(("value", "unit", "matched"), [
    ("1200", "person", True),
    ("1200.0", "person", True),  # equal as decimals
    ("1201", "person", False),
    ("1200", "enterprise", False),
])
def test_scoring_match_needs_equal_value_and_unit(
    record_factory: Callable[..., StatRecord], value: str, unit: str, matched: bool
) -> None:
    gold = [record_factory(TEXT, "1200人", "jobs_created", "1200", "person")]
    pred = [record_factory(TEXT, "1200人", "jobs_created", value, unit)]
    assert bool(match_records(gold, pred)) is matched


def test_scoring_match_is_one_to_one(record_factory: Callable[..., StatRecord]) -> None:
    gold = [record_factory(TEXT, "1200人", "jobs_created", "1200", "person")] * 2
    pred = [record_factory(TEXT, "1200人", "jobs_created", "1200", "person")]
    assert len(match_records(gold, pred)) == 1


@pytest.mark.parametrize(("update", "strict"), [
    ({}, True),
    ({"region": {"name": "大庆市", "level": "city", "code": None, "parent": None}}, True),
    ({"region": None}, False),
    ({"date": "2020-04"}, False),
    ({"projected": True}, False),
    ({"kind": "change"}, False),
    ({"sector": "tertiary"}, True),
])
def test_scoring_strict_match_fields(record_factory: Callable[..., StatRecord],
                                     update: dict[str, object], strict: bool) -> None:
    gold = [record_factory(TEXT, "1200人", "jobs_created", "1200", "person")]
    pred = [record_factory(TEXT, "1200人", "jobs_created", "1200", "person", **update)]
    (match,) = match_records(gold, pred)
    assert match.strict is strict
