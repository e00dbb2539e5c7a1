"""Time expressions: find them in Simplified text and resolve them to dates.

A resolved date is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the contract wants.
Resolution is against the publication date; a month after the publication
month belongs to the year before (a December figure in a January article).
Periods give their end: 一季度 -> YYYY-03, 1-7月 -> YYYY-07, 今年以来 -> the
publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from pipeline.extract.numbers import UnitTable
from pipeline.extract.prefilter import guarded
from pipeline.resources import load_data

Kind = Literal[
    "ymd", "month_range", "ym", "quarter", "half", "day", "year", "relative_year", "past_year",
    "relative_day", "now", "spring_festival", "festival", "same_period", "same_year", "within_year",
    "holiday", "season", "run_years", "plan_period",
]


class TimexPattern(BaseModel):
    kind: Kind
    pattern: str


class TimexTable(BaseModel):
    patterns: list[TimexPattern]
    as_of_markers: list[str]
    comparison_before: list[str]
    comparison_after: tuple[str, ...]
    release_after: tuple[str, ...]
    since_before: tuple[str, ...]
    name_words: tuple[str, ...]
    since_after: tuple[str, ...]
    holiday_months: dict[str, int]
    plan_period_end_years: dict[str, int]
    relative_years: dict[str, int]
    relative_days: dict[str, int]
    spring_festival: dict[int, dt.date]


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    kind: str
    value: str | None  # resolved date, None when it cannot be told
    as_of: bool  # introduced by 截至 and the like: governs the figures after it
    year_only: str | None  # the year, for projected figures (今年底 -> 2020)
    comparison: bool = False  # the base of a comparison (比23日, 较3月6日): dates no figure
    rolled_back: bool = False  # put in last year because its month is after publication
    year_written: bool = False  # the text gives the year (2020年3月, 去年3月), not the publication


_SAME_DAY = ("当天", "当日")
# 下跌至2023年2月至4月: after a change verb, 至 starts the later of two periods, not a cut-off
_CHANGE_VERB_ENDS = frozenset("跌升增降高少加落长减")
# after a year, these keep it a time (2019年以来, 2019年全国…), not the start of a name
_TIME_CONTINUES = ("以来", "底", "末", "初", "全年", "上半年", "下半年", "前", "后", "年", "度", "起", "至",
                   "到", "共", "以后", "以前")
_NAME_QUOTES = frozenset("“\"《「")
_QUARTER_END = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_REVIEW_MONTHS = 6  # 过去一年 written up to June reviews the year before (past_year)


_CALENDAR = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-\d{2})?)?")


def _is_calendar_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD of a year 1-9999 and a month 1-12."""
    match = _CALENDAR.fullmatch(value)
    return bool(match and int(match["y"]) >= 1 and (match["m"] is None or 1 <= int(match["m"]) <= 12))


class TimeFinder:
    def __init__(self, table: TimexTable | None = None) -> None:
        self.table = table or load_data("timex.yaml", TimexTable)
        # 8月5日至11日: the words that join a range are the quantities' (units.yaml)
        self._range_joiners = tuple(load_data("units.yaml", UnitTable).range_joiners)
        # each alternative behind its own first-character guard too: at a position where the
        # whole guard holds (a digit, 年, 上...) `re` then leaves at once the alternatives that
        # cannot start there instead of trying them (the same matches, 1.8x faster)
        alternatives = [
            f"(?P<k{i}>{guarded(entry.pattern.replace('(?P<', f'(?P<k{i}_'))})"
            for i, entry in enumerate(self.table.patterns)
        ]
        self._pattern = re.compile(guarded("|".join(alternatives)))
        # per alternative: its own named groups (full name, name), in pattern order
        names = sorted(self._pattern.groupindex, key=self._pattern.groupindex.__getitem__)
        self._group_names = [
            [(name, name.split("_", 1)[1]) for name in names if name.startswith(f"k{i}_")]
            for i in range(len(self.table.patterns))
        ]
        markers = "|".join(sorted(map(re.escape, self.table.as_of_markers), key=len, reverse=True))
        self._as_of = re.compile(rf"(?:{markers})\Z")
        before = "|".join(sorted(map(re.escape, self.table.comparison_before), key=len, reverse=True))
        self._comparison_before = re.compile(rf"(?:{before})\Z")

    def find(
        self,
        text: str,
        published: dt.date | None,
        anchor: dt.date | None = None,
        period: str | None = None,
    ) -> list[TimeMention]:
        """Time mentions of `text`.

        `anchor` is the day the article last named (for 当天), `period` the last time it
        named (for 同期, 本期): pointing-back words take what they point to.
        """
        mentions: list[TimeMention] = []
        for match in self._pattern.finditer(text):
            if text.startswith(("电", "讯"), match.end()):
                continue  # the dateline (新华社西安3月2日电) dates the report, not a figure
            if text.startswith(self.table.release_after, match.end()) or _reported(text, match.start()):
                continue  # 18日公布, 记者6日获悉: the day of the report dates no figure (v2)
            # the alternative that matched: its group k<i> encloses the others, so closes last
            index = int(match.lastgroup[1:])  # type: ignore[index]
            groups = {
                short: value for name, short in self._group_names[index]
                if (value := match.group(name)) is not None
            }
            kind = self.table.patterns[index].kind
            if kind == "year" and self._in_name(text, match.end()):
                continue  # 2025年春风行动: a year inside a campaign's name
            if self._bracketed_after_name(text, match.start()):
                continue  # 五年行动计划（2026—2030年）: the years of a plan's name
            if _in_inclusion_bracket(text, match.start()):
                continue  # 已复工复产（含春节期间持续生产）192家: what is counted in, not when
            try:
                value, year = self._resolve(kind, groups, match.group(0), published)
            except (OverflowError, ValueError):  # 昨天 on 0001-01-01: no such day
                value, year = None, None
            if groups.get("rel") in _SAME_DAY and anchor is not None:
                value, year = anchor.isoformat(), str(anchor.year)  # 当天: the day just named
            if kind == "day" and mentions and mentions[-1].kind == "ymd" and mentions[-1].value and (
                    text[mentions[-1].end : match.start()] in self._range_joiners):
                # 8月5日至11日: the range's end day is in the month its start names
                value = f"{mentions[-1].value[:8]}{int(groups['day']):02d}"
                year = value[:4]
            if (kind == "ymd" and value is not None and mentions and mentions[-1].kind == "ymd"
                    and mentions[-1].value and not mentions[-1].rolled_back and not groups.get("year")
                    and text[mentions[-1].end : match.start()] in self._range_joiners
                    and value[:4] != mentions[-1].value[:4]):
                # 7月27日至8月2日, published 7月28日: a period under way ends in its start's year
                value = f"{mentions[-1].value[:4]}{value[4:]}"
                year = value[:4]
            if kind in ("same_year", "within_year"):  # 全年, 年内: the year under discussion
                named = [m.year_only for m in mentions if m.year_only and m.kind in ("year", "relative_year")]
                if named:  # 2019年就业形势…全年新增: the year this text just named
                    value, year = named[-1], named[-1]
                elif period is not None:
                    value, year = period[:4], period[:4]
                elif published is not None:
                    value, year = str(published.year), str(published.year)
            if kind == "same_period":
                if period is None:
                    continue  # 同期 with nothing named before it dates nothing
                value, year = period, period[:4]
            if published is not None and (text.startswith(("以来", "至今"), match.end())
                                          or _SINCE_EVENT.match(text, match.end()) is not None
                                          or self._since(text, match.start(), match.end())):
                value = published.isoformat()  # 5月以来, 自2001年…开始: a period up to now ends today
            as_of = bool(self._as_of.search(text, max(0, match.start() - 3), match.start())) and not (
                text.endswith(("至", "到"), 0, match.start())
                and text[max(0, match.start() - 2) : match.start() - 1] in _CHANGE_VERB_ENDS)
            as_of = as_of or match.group(0).startswith(("截至", "截止"))
            comparison = bool(self._comparison_before.search(text, max(0, match.start() - 4),
                                                             match.start())) or text.startswith(
                self.table.comparison_after, match.end()) or (
                kind == "spring_festival" and text.startswith("的", match.end()))  # 春节前的22%
            rolled = (
                kind in ("ymd", "ym", "month_range") and value is not None and published is not None
                and int(value[:4]) < published.year and not groups.get("year")
                and not groups.get("rel")
            )
            if value is not None and not _is_calendar_date(value):
                value, year = None, None  # 前年 of year 1, 明年 of 9999: outside the calendar
            # (春节前, 春节期间 name the festival, not a year: its year comes from publication)
            written = bool(groups.get("year") or groups.get("roc") or (
                groups.get("rel") and kind not in ("spring_festival", "festival")))
            if not comparison and mentions and mentions[-1].comparison and _same_bracket(
                    text, mentions[-1].start, match.start()):
                comparison, as_of = True, False  # 较上期（1月1日至1月15日）: the whole base period
            mentions.append(TimeMention(match.start(), match.end(), kind, value, as_of, year,
                                        comparison, rolled, written))
        return mentions

    def _bracketed_after_name(self, text: str, start: int) -> bool:
        """A time in brackets right after a name word (行动计划（2026—2030年）) names, not dates."""
        head = _RANGE_START.sub("", text[max(0, start - 16) : start])  # （2026—2030年）: the whole range
        # a name word and a bracket: one test of the bracket, then one of the words (a tuple)
        return head.endswith(("（", "(")) and head[:-1].endswith(self.table.name_words)

    def _in_name(self, text: str, end: int) -> bool:
        """2025年春风行动, 2023年秋季招聘月, 2025年“百日千万招聘专项行动”: a year followed, within
        its clause, by a name word."""
        if end < len(text) and text[end] in _NAME_QUOTES:
            end += 1  # 2025年“百日千万招聘专项行动”: the name is quoted
        if (end < len(text) and not "\u4e00" <= text[end] <= "\u9fff") or text.startswith(
                _TIME_CONTINUES, end):
            return False
        clause = re.split(r"[，。；,;：:（(]", text[end : end + 24], maxsplit=1)[0]
        return any(word in clause for word in self.table.name_words)

    def _since(self, text: str, start: int, end: int) -> bool:
        """自2001年阜新市被列为试点开始: a period from that time up to now."""
        if not text.endswith(self.table.since_before, max(0, start - 1), start):
            return False
        clause_end = min((i for i in (text.find(c, end) for c in "，。；,;") if i >= 0), default=len(text))
        return any(text.find(word, end, clause_end) >= 0 for word in self.table.since_after)

    def _resolve(
        self, kind: str, groups: dict[str, str], surface: str, published: dt.date | None
    ) -> tuple[str | None, str | None]:
        pub_year = published.year if published else None
        if kind == "now":
            value = published.isoformat() if published else None
            return value, str(pub_year) if pub_year else None
        if kind == "relative_day":
            if published is None:
                return None, None
            when = published + dt.timedelta(days=self.table.relative_days[groups["rel"]])
            return when.isoformat(), str(when.year)
        if kind == "relative_year":
            if pub_year is None:
                return None, None
            relative = pub_year + self.table.relative_years.get(groups["rel"], 0)
            if relative == pub_year and published and not surface.endswith(("底", "末", "全年")):
                # 今年 on a figure that has happened: so far this year, i.e. now
                return published.isoformat(), str(relative)
            return str(relative), str(relative)  # 去年底, 今年初: the year alone (v2)
        if kind == "past_year":
            if published is None:
                return None, None
            reviewed = published.year - (1 if published.month <= _REVIEW_MONTHS else 0)
            return str(reviewed), str(reviewed)
        if kind == "run_years":
            if pub_year is None:
                return None, None
            return str(pub_year - 1), str(pub_year - 1)
        if kind == "plan_period":
            end = self.table.plan_period_end_years[groups["plan"]]
            return str(end), str(end)
        if kind == "holiday":
            year = self._year(groups, published)
            month = self.table.holiday_months.get(groups.get("holiday", ""))
            if year is None or month is None:
                return None, str(year) if year else None
            return f"{year:04d}-{month:02d}", str(year)
        if kind == "season":
            year = self._year(groups, published)
            return (str(year), str(year)) if year else (None, None)
        if kind in ("spring_festival", "festival"):
            if pub_year is None:
                return None, None
            festival = self.table.spring_festival.get(pub_year)
            if festival is None:
                return None, str(pub_year)
            eve = festival - dt.timedelta(days=1)
            return f"{eve.year:04d}-{eve.month:02d}", str(festival.year)
        year = self._year(groups, published)
        if kind == "year":
            if not year:
                return None, None
            return str(year), str(year)  # 2018年末, 2019年初: the year alone (v2)
        if year is None:
            return None, None
        if kind == "ymd":
            month, day = int(groups["month"]), int(groups["day"])
            year = self._roll_back(year, month, groups, published)
            try:
                return dt.date(year, month, day).isoformat(), str(year)
            except ValueError:
                return None, str(year)
        if kind in ("ym", "month_range"):
            month = _month_number(groups.get("month_end") or groups["month"])
            # 2月至6月 written in March: a period under way is this year's, though it ends later.
            # 1—11月 written in January counts from the year's start: it is last year's total.
            first = _month_number(groups["month"]) if groups.get("month") else 1
            year = self._roll_back(year, month if first == 1 else first, groups, published)
            return f"{year:04d}-{month:02d}", str(year)
        if kind == "quarter":
            return f"{year:04d}-{_QUARTER_END[groups['quarter']]:02d}", str(year)
        if kind == "half":
            return f"{year:04d}-{6 if groups['half'] == '上半年' else 12:02d}", str(year)
        if kind == "day":
            if published is None:
                return None, None
            day_of_month = int(groups["day"])
            month_start = published.replace(day=1)
            if day_of_month > published.day:
                month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
            try:
                return month_start.replace(day=day_of_month).isoformat(), str(month_start.year)
            except ValueError:
                return None, None
        return None, None

    def _year(self, groups: dict[str, str], published: dt.date | None) -> int | None:
        if groups.get("year"):
            return int(groups["year"])
        if groups.get("roc"):
            return int(groups["roc"]) + 1911  # 中华民国 years: 112年 -> 2023
        if groups.get("rel"):
            if published is None:
                return None
            return published.year + self.table.relative_years.get(groups["rel"], 0)
        return published.year if published else None

    @staticmethod
    def _roll_back(year: int, month: int, groups: dict[str, str], published: dt.date | None) -> int:
        """A month after the publication month, with no year written, is last year's."""
        if (not groups.get("year") and not groups.get("rel") and not groups.get("roc") and published
                and month > published.month):
            return year - 1
        return year


def _reported(text: str, start: int) -> bool:
    """记者6日获悉, 记者从…6日召开的…获悉: a time right after 记者 is the reporter's day."""
    return text.endswith(("记者", "记者从"), max(0, start - 3), start)


# the start of a range of years written before the year matched: 2026— in （2026—2030年）
_RANGE_START = re.compile(r"(?:19|20)\d{2}年?[—–\-~～至到]\Z")
# 2月3日复工以来: a period from an event on that day up to now
_SINCE_EVENT = re.compile(r"[\u4e00-\u9fff]{1,4}以来")
_CN_MONTHS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}


def _month_number(written: str) -> int:
    """11 or 十一 -> 11."""
    return int(written) if written.isdigit() else _CN_MONTHS[written]


def _same_bracket(text: str, first: int, second: int) -> bool:
    """`first` and `second` lie inside one pair of brackets: （1月1日至1月15日）."""
    opening = max(text.rfind("（", 0, first), text.rfind("(", 0, first))
    if opening < 0:
        return False
    closing = [i for i in (text.find("）", opening), text.find(")", opening)) if i >= 0]
    return bool(closing) and min(closing) > second


_INCLUSION_OPENERS = ("含", "包括", "包含", "不含", "不包括")


def _in_inclusion_bracket(text: str, start: int) -> bool:
    """The time stands in brackets that say what a count includes (（含春节期间持续生产）)."""
    opening = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
    if opening < 0 or max(text.rfind("）", opening, start), text.rfind(")", opening, start)) >= 0:
        return False
    return text.startswith(_INCLUSION_OPENERS, opening + 1)
