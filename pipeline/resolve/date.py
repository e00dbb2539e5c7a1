"""Date: the time a figure refers to.

The contract's rules, in order (`sentence_date` decides what the sentence can, `date_for`
completes it from the paragraph and the article):

1. A policy cap has no date.
2. A projected figure takes its target: a year, month or period before the number in its
   sentence; a target month after the publication month is its next occurrence; with no
   target, null.
3. A 截至 time before the number wins; else the nearest time before it in the sentence (a pair
   compared across two periods, 由A下跌至B, gives A the earlier one; when the sentence names
   only the two periods it compares, 比較2月至4月與1月至3月…由A下跌至B, B takes the later one).
   A time written after a figure never dates it (v2).
4. Comparison bases (比23日, 较上一期, 同比), release and reporting days (18日公布, 记者6日获悉,
   dropped by the time finder) and times inside names date nothing.
5. Else the latest explicit time earlier in the paragraph (not 春节前, which qualifies a noun,
   and not 今年 after a 截至 time of the paragraph).
6. Else, for what has happened, the publication date (null when the input gives none).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from pipeline.extract.findings import SentenceFindings
from pipeline.extract.numbers import Quantity
from pipeline.extract.timex import TimeMention
from pipeline.resolve.context import ArticleContext, ParagraphContext
from pipeline.resolve.draft import Draft, clause
from schemas import Metric, Unit

# 由A上升至B / 由A下跌到B: after A, a verb of change and 至/到 before the later value
_TO_VALUE = re.compile(r"[^，。；,;\d]{0,6}?(?:至|到)")
_LATER_VALUE = re.compile(r"由[^，。；,;由]*?\d[^，。；,;由]*?(?:至|到)\Z")  # 由6.0%下跌至|5.2%
_AFTER_BASE = re.compile(r"的[^，。；,;]*?\d[^，。；,;]*?(?:至|到)")
_NOW_WORDS = ("目前", "当前", "现在", "如今")  # unlike 今年以来, these leave a 截至 day behind
_PREVIOUS_PERIOD = ("由上期的", "由上月的", "由上年的", "由上季度的")
_TARGET_KINDS = {"year", "relative_year", "same_year", "within_year", "ym", "ymd", "month_range", "quarter",
                 "half", "festival", "holiday", "season"}


def sentence_date(
    found: SentenceFindings, quantity: Quantity, projected: bool, metric: Metric,
    published: dt.date | None = None,
) -> tuple[str | None, bool]:
    """The date the sentence decides, and whether that is final (None final = no date)."""
    if metric is Metric.policy_cap:
        return None, True
    own = _base_value_time(found, quantity)
    if own is not None:
        return own, True  # 较上一期（2021年11月至2022年1月）的3.9%: the base value's own period (v2)
    times = [
        t for t in found.times
        if (t.value is not None or t.year_only is not None) and not t.comparison
    ]
    if projected:
        _, clause_end = clause(found.text, quantity.start, quantity.end)
        target = _target(times, quantity, published, clause_end)
        if target is None and found.targets and published is not None:
            return str(published.year), True  # 今年发展主要预期目标是：…: the year's targets
        return target, True
    compared = _compared_periods(found, quantity)
    if compared is not None:
        return compared, True
    latest = [t for t in times if t.end <= quantity.start and t.value]
    if latest and _pair_base_time(found.text, latest[-1], quantity):
        times = [t for t in times if t is not latest[-1]]  # 由2018年的3万人增加到4万人: 4万 not 2018's
        latest = latest[:-1]
    if latest and _previous_period_value(found.text, quantity, latest[-1]):
        earlier = _period_before(latest[-1].value)
        if earlier is not None:
            return earlier, True  # 2月，失业人数由上期的14万人增至17万人: 14万 is January's
    if not latest and found.text.endswith(_PREVIOUS_PERIOD, 0, quantity.start):
        current = [t for t in times if t.kind == "same_period" and t.value]
        earlier = _period_before(current[0].value) if current else None
        if earlier is not None:
            return earlier, True  # 由上期的5.5%升至最新一期的7.7%: 5.5% is the period before
    before = [t for t in times if t.end <= quantity.start and t.value]
    if before and _from_value(found.text, quantity.start, before[-1].end):
        # a base period in brackets (较上一期（…1月）) is one of the two periods compared
        named = [t for t in found.times if t.end <= quantity.start and t.value]
        periods = _distinct_periods(named)
        if len(periods) >= 2:
            return periods[-2], True  # …由1.2%下跌至1.1% after two periods: the earlier one
    as_of = [t for t in times if t.as_of and t.end <= quantity.start and t.value]
    if as_of:
        now = [t for t in times if t.kind == "now" and as_of[-1].end <= t.start and t.end <= quantity.start
               and found.text[t.start : t.end].endswith(_NOW_WORDS)]
        # 截至4月26日，签约4100余人，…，目前已有约8000人落实去向: 目前 moves the count to now
        return (now[-1] if now else as_of[-1]).value, True
    before = [t for t in times if t.end <= quantity.start and t.value]
    if before:
        return before[-1].value, True
    return None, False


def _base_value_time(found: SentenceFindings, quantity: Quantity) -> str | None:
    """A value written right after its own (comparison) time: 较上一期（…1月）的3.9%, 2019年的10%."""
    for mention in found.times:
        gap = found.text[mention.end : quantity.start]
        if mention.comparison and mention.value and gap in ("的", "）的", ")的") and not (
                mention.kind == "spring_festival" and quantity.unit is Unit.percent):
            return mention.value  # (到岗率只有春节前的22%: a share of that level, not its value)
    return None


def _distinct_periods(times: Sequence[TimeMention]) -> list[str]:
    """The different values of `times`, earliest first (ISO values sort by time)."""
    return sorted({t.value for t in times if t.value})


def _compared_periods(found: SentenceFindings, quantity: Quantity) -> str | None:
    """比較2023年2月至4月與2023年1月至3月，…由6.0%下跌至5.2%: when the sentence names only the
    two periods it compares, the pair's first value is the earlier period's, its second the
    later's (Hong Kong's rolling three-month releases); else None."""
    named = [t for t in found.times if t.end <= quantity.start and t.value]
    if not named or not all(t.comparison for t in named):
        return None
    periods = _distinct_periods(named)
    if len(periods) != 2:
        return None
    head = found.text[named[-1].end : quantity.start]
    if head.endswith("由") and _TO_VALUE.match(found.text, quantity.end):
        return periods[0]
    if _LATER_VALUE.search(head):
        return periods[1]
    return None


def _from_value(text: str, start: int, last_time_end: int) -> bool:
    """由1.2%下跌至1.1%: the number after 由 is the earlier value of a compared pair (v2)."""
    head = text[last_time_end:start]
    return head.endswith("由") or head.endswith("由上期的")


def _previous_period_value(text: str, quantity: Quantity, last: TimeMention) -> bool:
    """由上期的A上升至B (or 同期…由A上升至B): A is the value of the period before the one named."""
    head = text[last.end : quantity.start]
    previous = head.endswith(_PREVIOUS_PERIOD) or (last.kind == "same_period" and head.endswith("由"))
    return previous and bool(_TO_VALUE.match(text, quantity.end))


def _pair_base_time(text: str, last: TimeMention, quantity: Quantity) -> bool:
    """由2018年的3万人增加到4万人: the time is the earlier value's own, not the later one's."""
    return text.endswith(("由", "从"), 0, last.start) and bool(
        _AFTER_BASE.fullmatch(text, last.end, quantity.start))  # 从3月份的18.3%下降至3.5% too


def _period_before(value: str | None) -> str | None:
    """The period before a month or a year (2022-02 -> 2022-01, 2022 -> 2021); else None."""
    if value is None:
        return None
    if len(value) == 4 and value.isdigit():
        return f"{int(value) - 1:04d}"
    if len(value) == 7 and value[4] == "-":
        year, month = int(value[:4]), int(value[5:])
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return f"{year:04d}-{month:02d}"
    return None


def _target(times: Sequence[TimeMention], quantity: Quantity, published: dt.date | None,
            clause_end: int) -> str | None:
    targets = [
        t for t in times
        if t.year_only is not None and t.kind in _TARGET_KINDS and t.end <= quantity.start
        and not _past_year(t, published)  # 返还其上年度…，预计惠及42万人: a past year is no target
    ]
    if not targets:
        # 102家企业计划3月初之前开工: a plan's own deadline may follow its number in the clause
        targets = [t for t in times if t.year_only is not None and t.kind in _TARGET_KINDS
                   and quantity.end <= t.start and t.end <= clause_end][:1]
    if not targets:
        return None
    target = targets[-1]
    if target.kind in ("relative_year", "year", "same_year", "within_year", "now") or target.value is None:
        return target.year_only
    value = target.value or ""
    if target.rolled_back:  # a target month after publication is this year's, not last
        return f"{int(value[:4]) + 1:04d}{value[4:]}"
    if (published is not None and not target.year_written and len(value) >= 7
            and value[:7] < published.isoformat()[:7]):
        return f"{int(value[:4]) + 1:04d}{value[4:]}"  # 力争到2月底, published in March: next February
    return value


def _past_year(time: TimeMention, published: dt.date | None) -> bool:
    """A year before the publication year (上年度, 2019年 in a 2020 text) cannot be a plan's target."""
    return (published is not None and not time.rolled_back and time.year_only is not None
            and time.year_only.isdigit() and int(time.year_only) < published.year)


def date_for(
    draft: Draft, paragraph: ParagraphContext, sentence_start: int, article: ArticleContext
) -> str | None:
    """Rules 5 and 6 for what the sentence left open."""
    if draft.date is not None or draft.date_final:
        return draft.date
    # 春节前 qualifies a noun (春节前返乡总数) more often than it dates a figure; 年内 is a plan's
    # deadline (将于年内完成…), not the time of what the next sentences report.
    earlier = [
        t for t in paragraph.times
        if t.end <= sentence_start and t.value and t.kind not in ("spring_festival", "within_year")
        and not t.comparison
    ]
    if any(t.as_of for t in earlier):
        # 截至5月19日，…今年新增…；…386家: 今年 (so far) does not undo the cut-off date
        earlier = [t for t in earlier if t.as_of or t.kind not in ("now", "relative_year")]
    if earlier:
        return earlier[-1].value
    lead = paragraph.lead_period() if paragraph.lead_period is not None else None
    if lead is not None:
        return lead  # 去年，……完成全年主要目标任务。——……城镇新增就业1352万人: the lead-in's year
    return article.published.isoformat() if article.published else None


def last_day(times: Sequence[TimeMention], before: int) -> dt.date | None:
    """The last full date named before `before`: what 当天 refers to."""
    days = [t for t in times if t.kind == "ymd" and t.value and t.end <= before]
    return dt.date.fromisoformat(days[-1].value) if days and days[-1].value else None


def last_period(times: Sequence[TimeMention], before: int) -> str | None:
    """The last time named before `before` that dates figures: what 同期 points to."""
    named = [
        t for t in times
        if t.value and t.end <= before and not t.comparison and t.kind not in ("now", "same_period")
    ]
    return str(named[-1].value) if named else None
