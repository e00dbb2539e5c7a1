"""Time expressions resolve against the publication date as the contract says."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.timex import TimeFinder


@pytest.mark.parametrize(
    ("text", "value", "as_of"),
    [
        ("截至4月16日", "2020-04-16", True),
        ("截至3月5日17时", "2020-03-05", True),
        ("1-7月", "2019-07", False),  # counted from the year's start: a finished total
        ("3至6月", "2020-06", False),  # a period under way: this year's
        ("2至4月份", "2020-04", False),
        ("一季度", "2020-03", False),
        ("上半年", "2020-06", False),
        ("今年以来", "2020-04-28", False),
        ("截至目前", "2020-04-28", True),
        ("昨天", "2020-04-27", False),
        ("去年12月", "2019-12", False),
        ("16日", "2020-04-16", False),
        ("2019年", "2019", False),
        ("今年", "2020-04-28", False),
        ("今年底", "2020", False),
    ],
)
def test_timex_resolves(
    times: TimeFinder, published: dt.date, text: str, value: str, as_of: bool
) -> None:
    found = times.find(text, published)
    assert [(m.value, m.as_of) for m in found] == [(value, as_of)]


@pytest.mark.parametrize(("published", "year"), [(dt.date(2020, 5, 23), "2019"),
                                                 (dt.date(2020, 12, 20), "2020")])
def test_timex_past_year_of_a_review(times: TimeFinder, published: dt.date, year: str) -> None:
    found = times.find("过去一年，城镇新增就业1352万人", published)
    assert [m.value for m in found] == [year]


def test_timex_december_figure_in_a_january_article(times: TimeFinder) -> None:
    found = times.find("12月全市新增就业", dt.date(2021, 1, 10))
    assert found[0].value == "2020-12"


def test_timex_dateline_is_not_a_figure_time(times: TimeFinder, published: dt.date) -> None:
    assert times.find("新华社西安3月2日电", published) == []


def test_timex_without_publication_date_leaves_relative_times_open(times: TimeFinder) -> None:
    found = times.find("昨天", None)
    assert found[0].value is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("截至2018年末", "2018"), ("去年底", "2019"), ("5月以来", "2020-04-28"),
     ("春节前", "2020-01")],
)
def test_timex_period_ends(times: TimeFinder, published: dt.date, text: str, value: str) -> None:
    assert times.find(text, published)[0].value == value


def test_timex_pointing_back_words(times: TimeFinder, published: dt.date) -> None:
    found = times.find("当天同期", published, anchor=dt.date(2020, 4, 20), period="2020-03")
    assert [m.value for m in found] == ["2020-04-20", "2020-03"]


def test_timex_comparison_bases_are_marked(times: TimeFinder, published: dt.date) -> None:
    found = times.find("2月26日复工率为32.8%，比23日提高了3.2个百分点", published)
    assert [(m.value, m.comparison) for m in found] == [("2020-02-26", False), ("2020-04-23", True)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("国庆期间", "2020-10"), ("五一假期", "2020-05"), ("今年春招中，", "2020"),
     ("2019年初", "2019"), ("自2001年被列为试点开始，", "2020-04-28")],
)
def test_timex_v2_holidays_seasons_and_periods_up_to_now(
    times: TimeFinder, published: dt.date, text: str, value: str
) -> None:
    assert times.find(text, published)[-1].value == value


@pytest.mark.parametrize("text", ["记者6日获悉", "18日公布的数据", "首场春季双选会"])
def test_timex_v2_release_days_and_names_date_nothing(
    times: TimeFinder, published: dt.date, text: str
) -> None:
    assert times.find(text, published) == []


def test_timex_v2_compared_pair_keeps_each_time(times: TimeFinder, published: dt.date) -> None:
    found = times.find("由2019年1月至3月的3.1%下跌至2019年2月至4月的3.0%", published)
    assert [(m.value, m.comparison) for m in found] == [("2019-03", False), ("2019-04", False)]


def test_timex_a_period_under_way_ends_in_its_start_year(times: TimeFinder) -> None:
    found = times.find("7月27日至8月2日，共举办招聘专场4个", dt.date(2026, 7, 28))
    assert [t.value for t in found] == ["2026-07-27", "2026-08-02"]
