"""Quantities: the number, what stands between it and its counting word, the counting word."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.extract.numbers import QuantityFinder, parse_number
from schemas import Qualifier, Unit


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [
        ("已返岗复工6.5万人", "6.5万人", "65000", Unit.person, Qualifier.exact),
        ("3000余名建设者", "3000余名", "3000", Unit.person, Qualifier.over),
        ("500多名", "500多名", "500", Unit.person, Qualifier.over),
        ("三千余名工人", "三千余名", "3000", Unit.person, Qualifier.over),
        ("一万二千人", "一万二千人", "12000", Unit.person, Qualifier.exact),
        ("百分之九十八点二", "百分之九十八点二", "98.2", Unit.percent, Qualifier.exact),
        ("两成企业", "两成", "20", Unit.percent, Qualifier.exact),
        ("逾八成", "八成", "80", Unit.percent, Qualifier.over),
        ("六成以上", "六成", "60", Unit.percent, Qualifier.over),
        ("3万4000人", "3万4000人", "34000", Unit.person, Qualifier.exact),
        ("1万2,604人", "1万2,604人", "12604", Unit.person, Qualifier.exact),
        # one digit after the magnitude is the next place down, as spoken: 4万5 = 45000
        ("月薪4万5元", "4万5元", "45000", Unit.yuan, Qualifier.exact),
        ("1.2万人", "1.2万人", "12000", Unit.person, Qualifier.exact),
        ("3至5万人", "3至5万人", "30000", Unit.person, Qualifier.exact),
        ("10%—20%", "10%—20%", "10", Unit.percent, Qualifier.exact),
        ("１２３人", "１２３人", "123", Unit.person, Qualifier.exact),
        ("1,204,500人", "1,204,500人", "1204500", Unit.person, Qualifier.exact),
        ("2 318 700人", "2 318 700人", "2318700", Unit.person, Qualifier.exact),
        ("提高3.1个百分点", "3.1个百分点", "3.1", Unit.percentage_point, Qualifier.exact),
        ("超过2万个", "2万个", "20000", None, Qualifier.over),
        ("到岗率超过了85%", "85%", "85", Unit.percent, Qualifier.over),
        ("30%以上", "30%", "30", Unit.percent, Qualifier.over),
        ("约3.77亿元", "3.77亿元", "377000000", Unit.yuan, Qualifier.approx),
        ("3000多万元", "3000多万元", "30000000", Unit.yuan, Qualifier.over),
        ("不足500家", "500家", "500", Unit.enterprise, Qualifier.under),
        ("10.79万户", "10.79万户", "107900", Unit.enterprise, Qualifier.exact),
        ("1000人左右", "1000人", "1000", Unit.person, Qualifier.approx),
        # fractions are shares
        ("大约2/3的劳动力", "2/3", "66.67", Unit.percent, Qualifier.approx),
        ("三分之一的企业", "三分之一", "33.33", Unit.percent, Qualifier.exact),
        # 多 before the magnitude of a bare count: over
        ("吸纳40多万农民就业", "40多万", "400000", None, Qualifier.over),
    ],
)
def test_numbers_find_quantity(
    quantities: QuantityFinder, text: str, surface: str, value: str, unit: Unit | None,
    qualifier: Qualifier,
) -> None:
    found = quantities.find(text)
    assert len(found) == 1
    quantity = found[0]
    assert text[quantity.start : quantity.end] == surface
    assert quantity.value == Decimal(value)
    assert quantity.unit == unit
    assert quantity.qualifier == qualifier


def test_numbers_v2_range_has_upper_bound_in_words_too(quantities: QuantityFinder) -> None:
    found = {q.value: q.value_max for q in quantities.find("还有五六个姐妹，二三十人就业，三四百家企业，七八成")}
    assert found == {Decimal(5): Decimal(6), Decimal(20): Decimal(30), Decimal(300): Decimal(400),
                     Decimal(70): Decimal(80)}


@pytest.mark.parametrize(
    ("text", "value", "value_max"),
    [("3至5万人", "30000", "50000"), ("10%—20%", "10", "20"), ("约1000~5000元", "1000", "5000"),
     ("百分之六七十", "60", "70"), ("6.5万人", "65000", None)],
)
def test_numbers_v2_range_has_upper_bound(
    quantities: QuantityFinder, text: str, value: str, value_max: str | None
) -> None:
    quantity = quantities.find(text)[0]
    assert quantity.value == Decimal(value)
    assert quantity.value_max == (Decimal(value_max) if value_max else None)


def test_numbers_a_list_writes_its_counting_word_once(quantities: QuantityFinder) -> None:
    text = "分别比3月份高0.5、0.1个百分点，分别增长5.2、3.1和2.0%"
    found = [(text[q.start : q.end], q.unit) for q in quantities.find(text)]
    assert found == [("0.5", Unit.percentage_point), ("0.1个百分点", Unit.percentage_point),
                     ("5.2", Unit.percent), ("3.1", Unit.percent), ("2.0%", Unit.percent)]


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [("失业率上升10.3个百分点至14.7%", ["10.3个百分点", "14.7%"]),
     ("提高2个百分点至5%", ["2个百分点", "5%"])],
)
def test_numbers_a_change_to_a_level_is_two_quantities_not_a_range(
    quantities: QuantityFinder, text: str, surfaces: list[str]
) -> None:
    found = quantities.find(text)
    assert [text[q.start : q.end] for q in found] == surfaces
    assert all(q.value_max is None for q in found)
    assert quantities.any_in(text)


@pytest.mark.parametrize(
    "text", ["2020/3/1", "3/2", "第3家企业", "550万吨/年", "4月16日", "2020年", "G20峰会", "17时", "18条措施",
             "（6/27）", "办理业务128万笔", "证书已达到4万多本"]
)
def test_numbers_skip_what_is_not_a_quantity(quantities: QuantityFinder, text: str) -> None:
    assert quantities.find(text) == []


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_parse_arabic_round_trip(number: int) -> None:
    assert parse_number(str(number)) == Decimal(number)
    assert parse_number(f"{number:,}") == Decimal(number)


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["人", "家", "元", "名"]))
def test_numbers_offsets_are_grounded(number: int, classifier: str) -> None:
    finder = QuantityFinder()
    text = f"截至目前，共有{number}{classifier}。"
    found = finder.find(text)
    assert [text[q.start : q.end] for q in found] == [f"{number}{classifier}"]


@pytest.mark.parametrize(
    ("text", "surface", "value", "qualifier"),
    [("到岗人数超过一半", "一半", "50", Qualifier.over), ("半数企业关停", "半数", "50", Qualifier.exact),
     ("接送上万名员工", "万名", "10000", Qualifier.over), ("近百家企业", "百家", "100", Qualifier.approx),
     ("增加数百个岗位", "数百个", "100", Qualifier.over)],
)
def test_numbers_v2_halves_and_magnitudes_without_digits(
    quantities: QuantityFinder, text: str, surface: str, value: str, qualifier: Qualifier
) -> None:
    found = quantities.find(text)[0]
    assert (text[found.start : found.end], found.value, found.qualifier) == (surface, Decimal(value), qualifier)


_DIGIT_PIECES = ["2", "0", "5", "12", "500", "2020", ",", ".", " ", "\u202f", "百分之", "成", "人", "万", "多", "至",
                 "年", "%", "/", "第", "、"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DIGIT_PIECES), max_size=14).map("".join))
@example("2020 500人")  # 020 500人 matches inside the run (a group space follows it)
@example("百分之1,2345.6万人")  # a match ends inside a run, after ,234
@example("2020年3月16日，12.5万人")
def test_numbers_scan_skipping_digit_runs_matches_the_full_scan(
    quantities: QuantityFinder, text: str,
) -> None:
    # the scan of whole texts does not retry inside a digit run: it must match where the plain
    # pattern matches, with the same groups
    def matches(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    assert matches(quantities._scan) == matches(quantities._pattern)
