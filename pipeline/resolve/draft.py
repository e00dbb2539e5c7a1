"""The record draft a sentence yields, and the words-around-a-number helpers every resolver uses.

A `Draft` holds the fields the sentence decides; `pipeline.resolve.assemble`
completes it from the paragraph and the article and turns it into a contract record.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.extract.findings import PlaceRef, SentenceFindings
from pipeline.extract.lexicon import Marker, Noun
from pipeline.extract.numbers import Quantity
from schemas import Direction, Kind, Metric, Qualifier, Sector, Unit

# a comma between digits groups thousands (3,600人), it ends no clause
_CLAUSE = re.compile(r"[，；;：:（(）)]|,(?!\d{3})")
# Between a number and the noun it counts: 的, a rank, a quoted label (2万多家省级“专精特新”中小企业).
_NOUN_GAP = re.compile(r"的?(?:(?:国家|省|市|县|区)级)?(?:“[^”，。]{1,8}”|「[^」，。]{1,8}」)?的?")
_MAX_NOUN_GAP = 14
# 15家[年产值50亿元以上]工业企业, 30家[用工100人以上的]企业: a class's definition between a count
# of firms and their noun (the class's own number is no record: `defines_class`)
_CLASS_GAP = re.compile(r"[\u4e00-\u9fff]{1,6}?[\d.]+[万亿千百]*[\u4e00-\u9fff]{0,2}?(?:及)?(?:以上|以下)的?")
_MODIFIER = re.compile(r"(?:(?:国家|省|市|县|区)级)?[\u4e00-\u9fff“”「」]{1,8}")
_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ("『", "』"))
_NAME_SPAN = 16  # “就在苏州”, “宁波欢迎你”返岗专列: names are short; speech is longer
_QUOTE_MARKS = re.compile("|".join(re.escape(mark) for pair in _QUOTES for mark in pair))


@dataclass
class Draft:
    quantity: Quantity
    metric: Metric
    indicator: str
    unit: Unit
    qualifier: Qualifier
    kind: Kind
    projected: bool
    subject: str | None
    sector: Sector | None
    place: PlaceRef | None
    date: str | None  # decided in the sentence; None: the assembler applies the paragraph rule
    date_final: bool = False  # True when None is the answer (policy caps, projections)
    direction: Direction | None = None
    value_max: Decimal | None = None
    notes: list[str] = field(default_factory=list)


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas, semicolons, colons, brackets) around [start, end)."""
    before = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
    after = _CLAUSE.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def clause_marks(text: str) -> int:
    return len(_CLAUSE.findall(text))


def quoted(text: str, position: int) -> bool:
    """Inside “...” or 《...》: part of a name (“就在苏州”招聘活动), not a place of its own.

    A long “...” is speech (“公司在东莞的生产基地又扩产了…”), whose places are places: only a
    quoted span of at most `_NAME_SPAN` characters is a name; 《...》 always is."""
    before = text[:position]
    for open_, close in _QUOTES:
        if before.count(open_) <= before.count(close):
            continue
        if open_ == "《":
            return True
        start = before.rindex(open_)
        end = text.find(close, position)
        span_end = end if end >= 0 else len(text)
        if span_end - start <= _NAME_SPAN:
            return True
    return False


class Quotes:
    """`quoted(text, position)` for many positions of one long text (a body's places): the
    quote marks are found once, and each answer counts them by bisection instead of
    counting them again in the text before the position (which grew with the body)."""

    def __init__(self, text: str) -> None:
        self._size = len(text)
        self._at: dict[str, list[int]] = {mark: [] for pair in _QUOTES for mark in pair}
        for match in _QUOTE_MARKS.finditer(text):
            self._at[match.group(0)].append(match.start())

    def quoted(self, position: int) -> bool:
        """As `quoted(text, position)`."""
        for open_, close in _QUOTES:
            opens, closes = self._at[open_], self._at[close]
            opened = bisect.bisect_left(opens, position)  # the marks before the position
            closed = bisect.bisect_left(closes, position)
            if opened <= closed:
                continue
            if open_ == "《":
                return True
            start = opens[opened - 1]
            span_end = closes[closed] if closed < len(closes) else self._size
            if span_end - start <= _NAME_SPAN:
                return True
        return False


# classifiers of firms and people: a number with one of them is no count of years
_HEAD_CLASSIFIERS = frozenset(("家", "户", "名", "人", "位"))


def counted_noun(found: SentenceFindings, quantity: Quantity) -> Noun | None:
    """The noun the quantity counts: 452家[规上企业], 1.2万名[『4555』人员]."""
    for noun in found.nouns:
        if found.text.startswith("级", noun.end):
            continue  # 省级, 市级: a rank, not what is counted
        if noun.text == "年" and quantity.classifier in _HEAD_CLASSIFIERS:
            continue  # 30家年产值亿元以上企业: 年 starts the class's words; 家 counts already
        if quantity.end <= noun.start <= quantity.end + _MAX_NOUN_GAP:
            gap = found.text[quantity.end : noun.start]
            if _NOUN_GAP.fullmatch(gap):
                return noun
            if _trade_before_firm(found, quantity, noun, gap):
                return noun
            if quantity.classifier in ("家", "户") and noun.kind == "enterprise" and (
                    _CLASS_GAP.fullmatch(gap)):
                return noun
    return None


def _trade_before_firm(found: SentenceFindings, quantity: Quantity, noun: Noun, gap: str) -> bool:
    """9711家饲料企业: firms counted by 家/户 with a trade before the firm that is no metric word."""
    return (quantity.classifier in ("家", "户") and noun.kind == "enterprise"
            and _MODIFIER.fullmatch(gap) is not None
            # 5万多家所属商会…摸排民营企业: another noun between counts instead (国家级 is a rank;
            # one character, as 市 in 上市企业, is part of a word)
            and not any(quantity.end <= other.start < noun.start and other.end - other.start > 1
                        and not found.text.startswith("级", other.end) for other in found.nouns)
            and not any(quantity.end <= cue.end and cue.start < noun.start for cue in found.cues))


# what may stand between a noun and the number it counts (达, 总数已达到, 从…的)
_LINKING_CHARS = frozenset("达为有共计约近超逾占了已总数的一是增至过到量突破累从由")


def _without_times(found: SentenceFindings, start: int, end: int) -> str:
    """text[start:end] without the time mentions wholly inside it."""
    text = found.text
    if not any(ch.isdigit() or ch in "年月日" for ch in text[start:end]):
        return text[start:end]  # no time can stand there: the times are not read
    pieces, position = [], start
    for time in found.times:
        if start <= time.start and time.end <= end and time.start >= position:
            pieces.append(text[position : time.start])
            position = time.end
    pieces.append(text[position:end])
    return "".join(pieces)


def noun_before(found: SentenceFindings, quantity: Quantity) -> Noun | None:
    """A noun right before the number, with at most a linking word between: 企业达386家."""
    for noun in reversed(found.nouns):
        if noun.end > quantity.start or noun.kind == "excluded":
            continue
        # 企业达386家, 家庭农场增至1.2万家, 龙头企业总量达到313家, 市场主体总数已达到1.1亿户, and
        # with a time left out: 市场主体从2015年的760家
        gap = _without_times(found, noun.end, quantity.start)
        if len(gap) <= 6 and all(ch in _LINKING_CHARS for ch in gap):
            return noun
        return None
    return None


def marker_before(found: SentenceFindings, label: str, start: int, end: int) -> Marker | None:
    hits = [m for m in found.markers if m.label == label and start <= m.start and m.end <= end]
    return hits[-1] if hits else None
