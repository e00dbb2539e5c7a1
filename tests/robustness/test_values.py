"""Values: kept at the precision they are written in, never an exception, and checked for
plausibility against their unit before any output sees them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.extract.numbers import QuantityFinder, normalise
from pipeline.extract.timex import TimeFinder
from pipeline.validate import Plausibility


@pytest.fixture(scope="module")
def finder() -> QuantityFinder:
    return QuantityFinder()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("岗位0.0000001个", "0.0000001"),
        ("户均0.125人", "0.125"),
        ("1.50万人", "15000"),
        ("12345678901234567890123456789人", "12345678901234567890123456789"),
        ("9999999999999999999999.5亿元", "999999999999999999999950000000"),
        ("百分之九十八点二五", "98.25"),
        ("1\u00a0000人", "1000"),
        ("2\u2009318\u2009700人", "2318700"),
    ],
)
def test_values_keep_their_written_precision(finder: QuantityFinder, text: str, value: str) -> None:
    [quantity] = finder.find(text)
    assert quantity.value == Decimal(value)


@pytest.mark.parametrize("digits", [31, 100, 5000])
def test_values_longer_than_max_digits_are_listed_not_read(finder: QuantityFinder,
                                                           digits: int) -> None:
    text = f"返岗{'9' * digits}人"
    assert finder.find(text) == []
    [unread] = finder.unreadable(text)
    assert (unread.reason, unread.end - unread.start) == ("too_long", digits)


@pytest.mark.parametrize("value", ["1E+5000", "1E-5000", "123456789" * 500, "NaN", "-Infinity"])
def test_values_normalise_never_raises(value: str) -> None:
    result = normalise(Decimal(value))
    assert result == Decimal(value) or not Decimal(value).is_finite()


@pytest.mark.parametrize(
    ("value", "unit", "kind", "problem"),
    [
        ("65000", "person", "level", None),
        ("1057000000", "person", "level", None),  # China's insured persons
        ("1500000001", "person", "level", "over"),
        ("-1", "enterprise", "level", "below"),
        ("1.5", "person", "level", "whole"),
        ("110", "percent", "level", None),  # 完成年度任务110%
        ("1000.5", "percent", "level", "over"),
        ("2500", "percent", "change", None),  # grew 25-fold
        ("2850000000000", "yuan", "level", None),
        ("0.0000001", "yuan", "level", "decimal places"),
        ("Infinity", "count", "level", "finite"),
        ("NaN", "ratio", "level", "finite"),
    ],
)
def test_values_plausibility_by_unit(value: str, unit: str, kind: str, problem: str | None) -> None:
    found = Plausibility().problem({"value": Decimal(value), "unit": unit, "kind": kind})
    assert (found is None) if problem is None else (found is not None and problem in found)


@pytest.mark.parametrize("text", ["昨天", "前年", "明年", "去年底", "3月", "今年以来"])
@pytest.mark.parametrize("published", [dt.date.min, dt.date.max])
def test_values_times_at_the_ends_of_the_calendar(text: str, published: dt.date) -> None:
    for mention in TimeFinder().find(text, published):
        assert mention.value is None or 1 <= int(mention.value[:4]) <= 9999


@pytest.mark.parametrize("record", [{"value": Decimal(1), "unit": None},
                                    {"value": "x", "unit": "person"},
                                    {"value": Decimal(1), "unit": "person", "kind": "sideways"}])
def test_values_malformed_records_are_left_to_the_models(record: dict[str, object]) -> None:
    assert Plausibility().problem(record) is None
