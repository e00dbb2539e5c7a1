"""Find quantities (a number with its counting word) in Simplified text, by characters.

jieba fuses magnitude and classifier into one token (6.5 / 万人), so numbers are
found with one compiled regular expression over characters, and the spaCy
components map the character spans onto tokens afterwards.

A `Quantity` covers what the contract calls `value_text`: the number, what is
written between it and its counting word (多, 余, a magnitude) and the counting
word: 6.5万人, 3000余名, 百分之九十八点二, 两成, 3.1个百分点, 3至5万人.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation, localcontext
from functools import lru_cache

from pydantic import BaseModel, Field

from pipeline.extract.prefilter import guard, guarded
from pipeline.resources import load_data
from schemas import Qualifier, Unit


class Classifier(BaseModel):
    word: str
    unit: Unit | None
    scale: Decimal = Decimal(1)
    needs_chinese_numeral: bool = False


class UnitTable(BaseModel):
    classifiers: list[Classifier]
    magnitudes: dict[str, int]
    inner_qualifiers: dict[str, Qualifier]
    qualifiers_before: dict[str, Qualifier]
    qualifiers_after: dict[str, Qualifier]
    range_joiners: list[str] = Field(min_length=1)
    blocked_before: list[str]
    measure_chars: str
    blocked_after: dict[str, str] = {}


@dataclass(frozen=True)
class Quantity:
    """A number with its counting word, as found in the analysis text."""

    start: int
    end: int
    value: Decimal
    classifier: str  # the counting word as written (Simplified): 人, 家, %, 个百分点
    unit: Unit | None  # None when the counting word does not tell (个, 次)
    qualifier: Qualifier  # from 多/余 inside the quantity or words around it
    value_max: Decimal | None = None  # the upper bound of a range (3至5万人 -> 50000), v2


# Digit groups may be separated by commas or by a space: ASCII, no-break, thin, narrow
# no-break (the SI separator) or ideographic (1 000人, 2\u202f318\u202f700人).
_GROUP_SPACES = " \u00a0\u2009\u202f\u3000"
_ARABIC = (
    rf"\d+(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+(?![\d.])|\d+(?:\.\d+)?"
)
_CHINESE = (
    r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
    r"(?:点[零〇一二三四五六七八九]+)?"
)
_SMALL_MAGNITUDES = {"十": 10, "百": 100, "十万": 100000}
# 0.5、0.1个百分点: a bare number, then 、 and the quantity that carries the counting word
_LISTED_NUMBER = re.compile(r"(?<![\d.,/])(?P<number>\d+\.\d+|\d{1,3})(?:、|和)\Z")
_MAX_LISTED = 4
# 五六个, 二三十人, 三四百家, 七八成: two neighbouring digits name a range, not a two-digit number
_DIGIT_PAIR = re.compile(r"(?P<a>[一二两三四五六七八九])(?P<b>[二三四五六七八九])(?P<place>[十百千万]?)")
_PAIR_PLACES = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．，", "0123456789%.,")
_FULLWIDTH_PAIRS = tuple((chr(source), chr(target)) for source, target in _FULLWIDTH.items())


def _ascii_forms(text: str) -> str:
    """`text.translate(_FULLWIDTH)`, by one fast scan per character present (same result)."""
    for source, target in _FULLWIDTH_PAIRS:
        if source in text:
            text = text.replace(source, target)
    return text
# No statistic is written with more digits than this; longer numbers are not read.
MAX_DIGITS = 30
# Arithmetic on values is exact: numbers have at most MAX_DIGITS digits and magnitudes
# (万, 亿) add a few more, so this precision never rounds.
_EXACT = Context(prec=100, Emax=999_999, Emin=-999_999)
_LEADING_ZERO = re.compile(r"0\d")
_TOO_LONG = re.compile(rf"\d{{{MAX_DIGITS + 1}}}")
# Numbers written in a form no statistic takes: 1.2.3 (several decimal points), 10^30 (a
# power), 1e9 (an exponent), or more than MAX_DIGITS digits.
_UNREADABLE = re.compile(
    rf"(?<![\d.])(?:(?P<malformed>\d+(?:\.\d+){{2,}}|\d+\^\d+|\d+(?:\.\d+)?[eE][+-]?\d+)"
    rf"|(?P<too_long>\d{{{MAX_DIGITS + 1},}}(?:\.\d+)?))"
)

# Inside a run of digits (the 020 of 2020年) a scan fails where it failed one digit before:
# from the later digit every form reaches only a subset of the same ends, and what follows
# an end depends on its position alone (no back-reference, the one lookbehind wants no digit
# before). So the scan is not tried there, except where that is not so: a run before a group
# space (2020 000人, where 020 000人 matches) and a digit right after ,ddd (百分之1,2345 ends
# a match inside the run, at a position no failure came before).
_INSIDE_DIGITS = rf"(?!(?<=\d)(?<!,\d{{3}})\d(?!\d*[{_GROUP_SPACES}]\d))"

# the digit every form starts with stands outside the alternation: `re` then tries the
# alternatives only after a digit, not at every character (5x faster on article bodies)
_SUSPICIOUS = re.compile(rf"\d(?:\.\d+\.\d|\^\d|[eE][+-]?\d|\d{{{MAX_DIGITS}}})")


@dataclass(frozen=True)
class Unreadable:
    """A number before a counting word that `QuantityFinder.find` does not read, and why."""

    start: int
    end: int
    reason: str  # "malformed" or "too_long"


def _number_pattern(prefix: str, magnitudes: str) -> str:
    """An Arabic number with optional magnitude and tail (3万4000), or a Chinese numeral."""
    return (
        f"(?P<{prefix}ar>{_ARABIC})(?P<{prefix}mag>{magnitudes})?(?P<{prefix}tail>(?:\\d,\\d{{3}}|\\d{{1,4}})(?![\\d,])千?)?"
        f"|(?P<{prefix}cn>{_CHINESE})"
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


class QuantityFinder:
    """Compiled from `pipeline/data/units.yaml`; immutable, one per process."""

    def __init__(self, table: UnitTable | None = None) -> None:
        self.table = table or load_data("units.yaml", UnitTable)
        self._classifiers = {c.word: c for c in self.table.classifiers}
        mags = _alternation(self.table.magnitudes)
        inner = _alternation(self.table.inner_qualifiers)
        units = _alternation(self._classifiers)
        joiners = _alternation(self.table.range_joiners)
        low = _number_pattern("lo_", mags)
        high = _number_pattern("hi_", mags)
        body = (
            # 2/3的劳动力, 三分之一: a fraction is a share (percent)
            rf"(?<![\d/.])(?P<frac_a>[1-9]\d?)/(?P<frac_b>[1-9]\d?)(?![\d/.%])"
            rf"|(?P<cfrac_b>[二三四五六七八九十])分之(?P<cfrac_a>[一二三四五六七八九])"
            rf"|百分之(?P<pct_lo>[一二三四五六七八九])(?P<pct_hi>[一二三四五六七八九])十"
            rf"|(?P<cheng_a>[1-9一二三四五六七八九])成(?P<cheng_b>[1-9一二三四五六七八九])(?![\d成])"
            rf"|(?P<pct>百分之)?(?:{low})(?:(?:(?P<lo_mag2>{mags})?(?P<lo_unit>{units}))?(?P<join>{joiners})(?:{high}))?"
            rf"(?P<inner>{inner})?(?P<mag2>{mags})?(?P<unit>{units})"
            rf"|(?P<pct_only>百分之)(?P<pct_cn>{_CHINESE}|{_ARABIC})"
            # 一半, 半数: a share of one half (超过一半 -> 50, over)
            rf"|(?P<half>一半|半数)"
            # 上万名, 近百家, 数百个, 几十位: a magnitude with no digits (v2 reading 8)
            rf"|(?P<vague_pre>数|几)?(?P<vague_mag>十万|百万|千万|十|百|千|万|亿)(?P<vague_inner>{inner})?"
            rf"(?P<vague_unit>{units})"
            # 220万 / 37.9万 / 40多万 with no counting word: what is counted comes from the noun after
            rf"|(?P<bare_ar>{_ARABIC})(?P<bare_pre>多|余)?(?P<bare_mag>万|亿)(?P<bare_inner>多|余)?"
            rf"(?![余多]?[\d万亿千百{self.table.measure_chars}])"  # 10万余亩: a measure
        )
        self._pattern = re.compile(guarded(body))
        # the scan of whole texts; `_pattern` alone reads the sides of a range (a scan from
        # inside a match, where no failure came before). The digit check stands after the
        # first-character guard, which fails first at most positions.
        self._scan = re.compile(f"{guard(body)}{_INSIDE_DIGITS}(?:{body})")
        self._before = re.compile(rf"(?:{_alternation(self.table.qualifiers_before)})[了占为达有]?\Z")
        self._after = re.compile(rf"^(?:{_alternation(self.table.qualifiers_after)})")
        self._blocked = tuple(self.table.blocked_before)
        self._counting_start = re.compile(rf"(?:{mags})?(?:{units})|(?:{mags})")

    def find(self, text: str) -> list[Quantity]:
        """Every quantity of `text`, in order, non-overlapping."""
        normalised = _ascii_forms(text)
        found = []
        with localcontext(_EXACT):
            for match in self._scan.finditer(normalised):
                quantity = self._build(normalised, match)
                if quantity is not None:
                    found.append(quantity)
                elif match.group("join"):
                    found.extend(self._range_sides(normalised, match))
        return self._listed_before(normalised, found)

    @staticmethod
    def _listed_before(text: str, found: list[Quantity]) -> list[Quantity]:
        """分别比3月份高0.5、0.1个百分点: a bare number listed right before a share or points
        takes their counting word (the list writes it once, after the last item)."""
        listed: list[Quantity] = []
        for quantity in found:
            if quantity.unit not in (Unit.percent, Unit.percentage_point) or quantity.value_max:
                continue
            start = quantity.start
            for _ in range(_MAX_LISTED):  # 5.2、3.1和2.0%: walk back over the list
                bare = _LISTED_NUMBER.search(text, max(0, start - 12), start)
                if bare is None or any(q.end > bare.start() and q.start < start for q in found):
                    break
                value = parse_number(bare.group("number"))
                if value is None:
                    break
                listed.append(Quantity(bare.start("number"), bare.end("number"), value,
                                       quantity.classifier, quantity.unit, Qualifier.exact))
                start = bare.start("number")
        return sorted([*found, *listed], key=lambda q: q.start) if listed else found

    def _range_sides(self, text: str, match: re.Match[str]) -> list[Quantity]:
        """上升10.3个百分点至14.7%: no range (the units differ) but two quantities, each side read
        on its own."""
        sides = []
        for start, end in ((match.start(), match.start("join")), (match.end("join"), match.end())):
            for side in self._pattern.finditer(text, start, end):
                quantity = self._build(text, side) if not side.group("join") else None
                if quantity is not None:
                    sides.append(quantity)
        return sides

    def any_in(self, text: str) -> bool:
        """True when `text` holds a quantity (stops at the first)."""
        normalised = _ascii_forms(text)
        with localcontext(_EXACT):
            return any(self._build(normalised, match) is not None
                       or (match.group("join") and self._range_sides(normalised, match))
                       for match in self._scan.finditer(normalised))

    def unreadable(self, text: str) -> list[Unreadable]:
        """Numbers before a magnitude or counting word that `find` does not read:
        1.2.3万人, 10^30人, 1e9人, and numbers of more than MAX_DIGITS digits.

        The validate stage reports them, so they are not dropped silently.
        """
        normalised = _ascii_forms(text)
        found: list[Unreadable] = []
        if not _SUSPICIOUS.search(normalised):
            return found  # most texts: no number of these forms at all
        for match in _UNREADABLE.finditer(normalised):
            if self._counting_start.match(normalised, match.end()):
                reason = "malformed" if match.group("malformed") else "too_long"
                found.append(Unreadable(match.start(), match.end(), reason))
        return found

    def _build(self, text: str, match: re.Match[str]) -> Quantity | None:
        start, end = match.span()
        if self._blocked_at(text, start) or (end - start > MAX_DIGITS
                                             and _TOO_LONG.search(text, start, end)):
            return None
        if match.group("frac_a") or match.group("cfrac_a"):
            return self._fraction(text, match, start, end)
        if match.group("pct_lo"):  # 百分之六七十: sixty to seventy percent
            tens = parse_number(match.group("pct_lo"))
            if tens is None:
                return None
            high = parse_number(match.group("pct_hi"))
            return Quantity(start, end, tens * 10, "%", Unit.percent,
                            self._outer_qualifier(text, start, end, Qualifier.exact),
                            value_max=high * 10 if high is not None and high > tens else None)
        if match.group("cheng_a"):
            tens, units = parse_number(match.group("cheng_a")), parse_number(match.group("cheng_b"))
            if tens is None or units is None:
                return None
            return Quantity(start, end, tens * 10 + units, "成", Unit.percent,
                            self._outer_qualifier(text, start, end, Qualifier.exact))
        if match.group("bare_ar"):
            value = parse_number(match.group("bare_ar"))
            if value is None:
                return None
            value *= self.table.magnitudes[match.group("bare_mag")]
            inner = match.group("bare_inner") or match.group("bare_pre")  # 40多万农民: over
            base = self.table.inner_qualifiers[inner] if inner else Qualifier.exact
            return Quantity(start, end, normalise(value), "", None,
                            self._outer_qualifier(text, start, end, base))
        if match.group("pct_only"):
            value = parse_number(match.group("pct_cn"))
            if value is None:
                return None
            return Quantity(start, end, value, "%", Unit.percent,
                            self._outer_qualifier(text, start, end, Qualifier.exact))
        if match.group("half"):
            return Quantity(start, end, Decimal(50), "半", Unit.percent,
                            self._outer_qualifier(text, start, end, Qualifier.exact))
        if match.group("vague_mag"):
            return self._vague(text, match, start, end)
        classifier = self._classifiers[match.group("unit")]
        if end < len(text) and text[end] in self.table.blocked_after.get(classifier.word, ""):
            return None
        is_chinese = bool(match.group("lo_cn"))
        if classifier.needs_chinese_numeral and not is_chinese and not text.startswith(
            ("以上", "以下", "左右", "多", "，", ",", "。", "；", "、", "的"), end
        ) and end < len(text):
            return None  # 3成员 is a word; 8成 before a stop or 以上 is a share
        if match.group("join") and match.group("lo_cn"):
            return None  # 一至三年 and similar: ranges are written with Arabic digits here
        lo_cn = match.group("lo_cn")
        pair = _DIGIT_PAIR.fullmatch(lo_cn) if lo_cn else None  # two digits: no Arabic number
        if pair is not None and not match.group("join"):
            return self._digit_pair(text, match, pair, classifier, start, end)
        low = self._side(match, "lo_")
        if low is None:
            return None
        trailing_mag = match.group("mag2")
        value = low
        if match.group("lo_unit") and match.group("lo_unit") != match.group("unit"):
            return None
        if match.group("lo_mag2"):
            value = low * self.table.magnitudes[match.group("lo_mag2")]
        elif (match.group("join") and not match.group("lo_unit")
              and not match.group("lo_mag") and match.group("hi_mag")):
            # 3至5万人: the magnitude written once applies to both ends.
            value = low * self.table.magnitudes[match.group("hi_mag")]
        if trailing_mag:
            value *= self.table.magnitudes[trailing_mag]
        unit = classifier.unit
        if match.group("pct") or match.group("lo_unit") == "%":
            unit = Unit.percent
        value *= classifier.scale
        inner = match.group("inner")
        base = self.table.inner_qualifiers[inner] if inner else Qualifier.exact
        value_max = self._upper(match, classifier.scale) if match.group("join") else None
        if value_max is not None and value_max <= value:
            value_max = None  # 5至3: not a range we can trust; keep the first number
        qualifier = self._outer_qualifier(text, start, end, base)
        return Quantity(start, end, normalise(value), classifier.word, unit, qualifier,
                        value_max=normalise(value_max) if value_max is not None else None)

    def _fraction(self, text: str, match: re.Match[str], start: int, end: int) -> Quantity | None:
        """2/3 -> 66.67 percent, 三分之一 -> 33.33 percent (a share written as a fraction)."""
        top = parse_number(match.group("frac_a") or match.group("cfrac_a"))
        bottom = parse_number(match.group("frac_b") or match.group("cfrac_b"))
        if top is None or not bottom or top >= bottom:
            return None  # 3/2, 5/5: no share
        if match.group("frac_a") and top <= 12 and 12 < bottom <= 31:
            return None  # （6/27）: a month and day; news writes no share over 13 to 31
        value = (top * 100 / bottom).quantize(Decimal("0.01"))
        return Quantity(start, end, normalise(value), "/", Unit.percent,
                        self._outer_qualifier(text, start, end, Qualifier.exact))

    def _digit_pair(self, text: str, match: re.Match[str], pair: re.Match[str], classifier: Classifier,
                    start: int, end: int) -> Quantity | None:
        """五六个 -> 5 to 6, 三四百家 -> 300 to 400, 七八成 -> 70 to 80 percent (a range)."""
        low, high = parse_number(pair.group("a")), parse_number(pair.group("b"))
        if low is None or high is None or high != low + 1:
            return None  # 一二, 九八: no range as written in news
        place = Decimal(_PAIR_PLACES[pair.group("place")]) * classifier.scale
        if match.group("mag2"):
            place *= self.table.magnitudes[match.group("mag2")]
        inner = match.group("inner")
        base = self.table.inner_qualifiers[inner] if inner else Qualifier.exact
        return Quantity(start, end, normalise(low * place), classifier.word, classifier.unit,
                        self._outer_qualifier(text, start, end, base),
                        value_max=normalise(high * place))

    def _upper(self, match: re.Match[str], scale: Decimal) -> Decimal | None:
        """The upper bound of a range, in base units (3至5万人 -> 50000)."""
        high = self._side(match, "hi_")
        if high is None:
            return None
        if match.group("mag2"):
            high *= self.table.magnitudes[match.group("mag2")]
        return high * scale

    def _vague(self, text: str, match: re.Match[str], start: int, end: int) -> Quantity | None:
        """上万名 -> 10000 over; 近百家 -> 100 approx; 数百个 -> 100 over (数 is part of the number)."""
        qualifier = self._outer_qualifier(text, start, end, Qualifier.exact)
        if not match.group("vague_pre") and qualifier is Qualifier.exact:
            return None  # 千家万户, 百万人口: a bare magnitude is a word, not a figure
        if match.group("vague_pre") or match.group("vague_inner"):
            qualifier = Qualifier.over
        classifier = self._classifiers[match.group("vague_unit")]
        mag = match.group("vague_mag")
        value = self.table.magnitudes.get(mag) or _SMALL_MAGNITUDES[mag]
        return Quantity(start, end, normalise(Decimal(value) * classifier.scale), classifier.word,
                        classifier.unit, qualifier)

    def _side(self, match: re.Match[str], prefix: str) -> Decimal | None:
        if match.group(f"{prefix}cn"):
            return parse_number(match.group(f"{prefix}cn"))
        if _LEADING_ZERO.match(match.group(f"{prefix}ar")):
            return None  # 000人 (a number split by a stray space), 0123: no count is written so
        value = parse_number(match.group(f"{prefix}ar"))
        if value is None:
            return None
        mag = match.group(f"{prefix}mag")
        if mag:
            value *= self.table.magnitudes[mag]
            tail = match.group(f"{prefix}tail")
            if tail and len(tail) == 1 and tail.isdigit():  # 4万5 is 45000 as spoken, 1亿5 1.5亿
                value += Decimal(tail) * self.table.magnitudes[mag] / 10
            elif tail:  # 3万4000, 1205万4千
                value += Decimal(tail.rstrip("千").replace(",", "")) * (1000 if tail.endswith("千") else 1)
        elif match.group(f"{prefix}tail"):
            return None
        return value

    def _blocked_at(self, text: str, start: int) -> bool:
        if start > 0 and (text[start - 1].isascii() and text[start - 1].isalnum()):
            return True
        return text.endswith(self._blocked, 0, start)  # a tuple: any of its words

    def _outer_qualifier(self, text: str, start: int, end: int, base: Qualifier) -> Qualifier:
        if base is not Qualifier.exact:
            return base
        before = self._before.search(text, max(0, start - 4), start)
        if before and before.end() == start:
            return self.table.qualifiers_before[before.group(0).rstrip("了占为达有")]
        after = self._after.match(text[end : end + 4])
        if after:
            return self.table.qualifiers_after[after.group(0)]
        return base

    def qualifier_extent(self, text: str, quantity: Quantity) -> tuple[int, int]:
        """Span of the quantity widened by the qualifier words around it."""
        start, end = quantity.start, quantity.end
        before = self._before.search(text, max(0, start - 4), start)
        if before and before.end() == start:
            start = before.start()
        after = self._after.match(text[end : end + 4])
        if after:
            end += after.end()
        return start, end


_SEPARATORS = str.maketrans("", "", "," + _GROUP_SPACES)


@lru_cache(maxsize=1)
def chinese_numerals() -> Callable[[str, str], float]:
    """cn2an's reader of Chinese numerals, imported on first use: importing cn2an takes about
    0.15 s (it reads its YAML configuration for three converters), which a process whose texts
    write no Chinese numeral (a cold start on one short text) does not need."""
    import cn2an

    read: Callable[[str, str], float] = cn2an.cn2an
    return read


@lru_cache(maxsize=4096)
def parse_number(surface: str) -> Decimal | None:
    """Exact decimal value of an Arabic or Chinese numeral: 1,204,500 / 2 318 700 / 一万二千.

    Every written digit is kept (0.0000001 stays 1E-7), however long the number. Memoised:
    the value depends on `surface` alone (a Decimal is immutable), and numerals repeat.
    """
    cleaned = surface.translate(_SEPARATORS)
    if not cleaned:
        return None
    if cleaned[0].isdigit():
        try:
            return Decimal(cleaned)
        except InvalidOperation:
            return None
    try:
        converted = chinese_numerals()(cleaned.replace("〇", "零"), "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    value = Decimal(repr(converted))
    # cn2an computes in floats: keep the decimals written after 点 and no float noise.
    written = len(cleaned.partition("点")[2])
    return value.quantize(Decimal(1).scaleb(-written), context=_EXACT)


def normalise(value: Decimal) -> Decimal:
    """Drop trailing zeros, keep every written digit: 107900.00 -> 107900, 98.20 -> 98.2,
    0.0000001 -> 1E-7, 6.5E+4 -> 65000. Never raises, whatever the size of the number."""
    if not value.is_finite():
        return value
    _sign, written, exponent = value.as_tuple()
    if exponent == 0 or (isinstance(exponent, int) and exponent < 0 and written[-1] != 0):
        # 3000, 98.2: no trailing zero after the point, no exponent: already as written out
        # (the steps below give this same value back, same digits and exponent)
        return value
    digits = len(written)
    exact = _EXACT if digits <= _EXACT.prec else Context(prec=digits, Emax=999_999,
                                                         Emin=-999_999)
    reduced = value.normalize(exact)
    exponent = reduced.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:  # 6.5E+4 -> 65000, written out
        wide = _EXACT if reduced.adjusted() < _EXACT.prec else Context(
            prec=reduced.adjusted() + 1, Emax=999_999, Emin=-999_999)
        reduced = reduced.quantize(Decimal(1), context=wide)
    return reduced
