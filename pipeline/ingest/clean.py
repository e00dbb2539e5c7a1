"""Clean: separate page chrome from the article body and read the page metadata.

The text (a decoded page, the text of an HTML page, or an archive record that
may hold inline `<p>` fragments) is cut into lines at line ends and HTML block
tags. Each line is matched, on its Simplified key, against the chrome rules of
`pipeline/data/chrome.yaml`:

- breadcrumbs, the date + source line and the editor line are chrome that also
  feed the metadata;
- share widgets, search boxes, page tools, 原标题 notes, navigation bars and
  keyword lines are dropped wherever they are;
- 相关新闻 / 延伸阅读 / copyright footers end the body: they and all after go;
- everything before the first line of prose (or a dateline) is the page head:
  the title is found there and the rest is dropped; a headline repeated at the
  start of the body is dropped too.

What remains are the body paragraphs, as [start, end) offsets into the original
text, trimmed of whitespace and of HTML tags at their edges.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, Protocol
from xml.sax.saxutils import unescape as _unescape

from pydantic import BaseModel, field_validator

from pipeline.errors import PipelineError
from pipeline.extract.prefilter import RequiredScan
from pipeline.ingest.convert import Converter
from pipeline.resources import load_data

_TAG = re.compile(r"<[^<>\n]{0,400}>")
_NBSP = re.compile(r"&nbsp;?|&#160;|&ensp;|&emsp;")
_LEADING_JUNK = re.compile(r"(?:\s|&nbsp;?|<[^<>\n]{0,400}>)*")
_HAN = re.compile(r"[\u3400-\u9fff]")
_NOT_WORD = re.compile(r"[\W_]+")
_TZ = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９：", "0123456789:")
_FULLWIDTH_FORMS = frozenset(chr(code) for code in range(0xFF01, 0xFF5F))
_LATIN_WORDS = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?![A-Za-z])")
_REPEATED_TITLE_WITHIN = 3  # a headline repeated in the first lines of the body goes
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
    return pattern


class ChromeRules(BaseModel):
    """`pipeline/data/chrome.yaml`: every pattern is checked to compile on load."""

    line_break: str
    drop_lines: list[str]
    cut_lines: list[str]
    breadcrumb: list[str]
    breadcrumb_separator: str
    generic_crumbs: list[str]
    site_suffixes: list[str]
    site_line_suffixes: tuple[str, ...] = ()
    edition_suffixes: list[str]
    editor: str
    editor_label: str
    date: str
    date_line_max_chars: int
    date_line_labels: str
    source_label: str
    author_label: str
    byline: str
    outlet_name: str
    date_line_part_separator: str
    url_line: str
    datelines: list[str]
    reporters: str
    name_separator: str
    name: str
    item_separator: str
    list_min_items: int
    list_max_item_chars: int
    prose: str
    max_chrome_chars: int
    not_outlets: list[str]
    sentence_punctuation: str
    url_dates: list[str]

    @field_validator(
        "line_break",
        "breadcrumb_separator",
        "editor",
        "date",
        "date_line_labels",
        "source_label",
        "author_label",
        "reporters",
        "name_separator",
        "name",
        "item_separator",
        "editor_label",
        "byline",
        "outlet_name",
        "date_line_part_separator",
        "url_line",
        "prose",
        "sentence_punctuation",
    )
    @classmethod
    def _pattern(cls, pattern: str) -> str:
        return _compiles(pattern)

    @field_validator("drop_lines", "cut_lines", "breadcrumb", "datelines", "url_dates")
    @classmethod
    def _patterns(cls, patterns: list[str]) -> list[str]:
        return [_compiles(pattern) for pattern in patterns]


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: [start, end) offsets into the original text; never chrome."""

    start: int
    end: int


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself; text fields in Simplified Chinese."""

    title: str | None = None
    published_at: str | None = None  # YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+08:00 with a time
    outlet: str | None = None
    site: str | None = None
    authors: tuple[str, ...] = ()
    editor: str | None = None
    dateline: str | None = None
    place_hints: tuple[str, ...] = ()  # most authoritative first


@dataclass(frozen=True)
class CleanedPage:
    paragraphs: tuple[Paragraph, ...]
    title_span: tuple[int, int] | None
    meta: PageMeta


class _Line(NamedTuple):  # (a tuple: made for every line of every page, three times faster)
    start: int
    end: int
    key: str  # Simplified, tags removed, whitespace collapsed


@dataclass
class _Found:
    """Metadata collected while scanning the lines."""

    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    crumbs: list[str] = field(default_factory=list)
    byline_seen: bool = False
    dateline: str | None = None
    dateline_agency: str | None = None
    dateline_place: str | None = None
    dateline_month_day: tuple[int, int] | None = None
    site_line: str | None = None  # 于都县人民政府: a site's name heading the page


class PlaceLookup(Protocol):
    """What the clean stage asks of place knowledge: the gazetteer answers it
    (`pipeline.extract.gazetteer.Gazetteer`), so there is one list of place names."""

    def is_place(self, word: str) -> bool: ...

    def find_in(self, text: str) -> list[str]: ...


class Cleaner:
    """Holds the compiled chrome rules and the place lookup; build once per process."""

    def __init__(self, places: PlaceLookup, rules: ChromeRules | None = None) -> None:
        self.rules = rules or load_data("chrome.yaml", ChromeRules)
        self.places = places
        r = self.rules
        self._line_break = re.compile(r.line_break, re.IGNORECASE)
        self._drop = re.compile("|".join(f"(?:{p})" for p in r.drop_lines))
        self._cut = re.compile("|".join(f"(?:{p})" for p in r.cut_lines))
        # most lines hold no separator a breadcrumb needs (> or /): not read for one then
        self._breadcrumbs = [RequiredScan(re.compile(p)) for p in r.breadcrumb]
        self._crumb_separator = re.compile(r.breadcrumb_separator)
        self._editor = re.compile(r.editor)
        self._date = re.compile(r.date)
        self._date_labels = re.compile(r.date_line_labels)
        self._source = re.compile(r.source_label)
        self._author = re.compile(r.author_label)
        self._editor_label = re.compile(r.editor_label)
        self._byline = RequiredScan(re.compile(r.byline))
        self._outlet_name = re.compile(r.outlet_name)
        self._part_separator = re.compile(r.date_line_part_separator)
        self._url_line = re.compile(r.url_line)
        self._datelines = [re.compile(p) for p in r.datelines]
        self._reporters = re.compile(r.reporters)
        self._name_separator = re.compile(r.name_separator)
        self._name = re.compile(r.name)
        self._item_separator = re.compile(r.item_separator)
        self._prose = re.compile(r.prose)
        self._sentence = re.compile(r.sentence_punctuation)
        self._url_dates = [re.compile(p) for p in r.url_dates]

    # -- the stage -----------------------------------------------------------------

    def clean(
        self, text: str, converter: Converter, hints: Mapping[str, Any] | None = None
    ) -> CleanedPage:
        hints = hints or {}
        simplified = converter.to_simplified(text)
        to_simplified: Callable[[str], str] = converter.to_simplified
        if _is_simplified(text, simplified):
            # Converting Simplified again can harm it (乾 -> 干 in names): keep it.
            simplified = text
            to_simplified = _unchanged
        lines = list(self._lines(text, simplified))
        hint_title = _hint_text(hints, "title")
        hint_title = _collapse(to_simplified(hint_title)) if hint_title else None
        found = _Found()
        body, head, title_index, date_index = self._scan(lines, hint_title, found)
        if title_index is None and (body or not hint_title):
            # Without prose, a record whose title is given is all body.
            title_index = self._title_in_head(lines, head, date_index)
        if not body and not hint_title and len(head) == 1 and len(lines) == 1:
            # One line without sentence punctuation (a news flash, a social post: 返岗复工6.5万人)
            # is the article itself, not a headline over nothing.
            body, title_index = list(head), None
        if not body:
            body = [i for i in head if i != title_index]
        found.site_line = self._site_line(lines, head, title_index)
        title = (
            _keep_fullwidth(_plain(text, lines[title_index]), to_simplified)
            if title_index is not None
            else hint_title
        )
        body = self._drop_repeated_title(lines, body, title)
        if not body:
            raise PipelineError("clean.no_body")
        if hint_title:
            title = hint_title  # the input's own title (an archive record's) over a line of the page
        meta = self._meta(found, title, hints, to_simplified)
        title_span = (
            (lines[title_index].start, lines[title_index].end) if title_index is not None else None
        )
        return CleanedPage(
            paragraphs=tuple(Paragraph(lines[i].start, lines[i].end) for i in body),
            title_span=title_span,
            meta=meta,
        )

    # -- lines ---------------------------------------------------------------------

    def _lines(self, text: str, simplified: str) -> Iterator[_Line]:
        position = 0
        for match in self._line_break.finditer(text):
            line = self._line(text, simplified, position, match.start())
            if line is not None:
                yield line
            position = match.end()
        line = self._line(text, simplified, position, len(text))
        if line is not None:
            yield line

    @staticmethod
    def _line(text: str, simplified: str, start: int, end: int) -> _Line | None:
        start = _LEADING_JUNK.match(text, start, end).end()  # type: ignore[union-attr]
        end = _trailing_trim(text, start, end)
        if start >= end:
            return None
        key = simplified[start:end]
        if "<" in key:  # most lines hold no tag and no entity: nothing to remove then
            key = _TAG.sub("", key)
        if "&" in key:
            key = _unescape(_NBSP.sub(" ", key))
        key = _collapse(key)
        return _Line(start, end, key) if key else None

    def _scan(
        self, lines: list[_Line], hint_title: str | None, found: _Found
    ) -> tuple[list[int], list[int], int | None, int | None]:
        """Sort the lines into body and head; collect metadata from chrome lines."""
        body: list[int] = []
        head: list[int] = []
        title_index: int | None = None
        date_index: int | None = None
        hint_key = _word_key(hint_title) if hint_title else None
        for index, line in enumerate(lines):
            key = line.key
            if len(key) <= self.rules.max_chrome_chars:
                if self._cut.fullmatch(key):
                    if body and not self._prose_follows(lines, index):
                        self._read_tail(lines[index + 1 :], found)
                        break
                    continue
                # sentence punctuation rules out a date line, a byline and a list: searched once
                sentence = self._sentence.search(key) is not None
                if self._read_chrome(key, found, not body, sentence):
                    if date_index is None and (found.date is not None or found.byline_seen):
                        date_index = index
                    continue
                if self._is_list(key, sentence):
                    continue
            if not body:
                if title_index is None and hint_key and _same_words(key, hint_key):
                    title_index = index
                elif self._read_dateline(key, found) or self._prose.search(key):
                    body.append(index)
                else:
                    head.append(index)
                continue
            body.append(index)
        return body, head, title_index, date_index

    def _read_tail(self, lines: list[_Line], found: _Found) -> None:
        """After the cut only the editor line is still read (it often ends the page)."""
        for line in lines:
            if found.editor is None and (match := self._editor.fullmatch(line.key)):
                found.editor = match["name"]

    def _prose_follows(self, lines: list[_Line], index: int) -> bool:
        return index + 1 < len(lines) and self._prose.search(lines[index + 1].key) is not None

    def _read_chrome(self, key: str, found: _Found, in_head: bool, sentence: bool) -> bool:
        """True when the line is chrome; metadata it holds goes into `found`. `sentence`: the
        line holds sentence punctuation."""
        if match := self._editor.fullmatch(key):
            found.editor = found.editor or match["name"]
            return True
        for pattern in self._breadcrumbs:
            if match := pattern.fullmatch(key):
                if not found.crumbs:
                    found.crumbs = [
                        item for item in self._crumb_separator.split(match["path"]) if item
                    ]
                return True
        if self._read_date_line(key, found, in_head, sentence):
            return True
        if match := self._url_line.fullmatch(key):
            found.url = found.url or match["url"]
            return True
        if self._read_byline(key, found, sentence):
            return True
        return self._drop.fullmatch(key) is not None

    def _read_byline(self, key: str, found: _Found, sentence: bool) -> bool:
        if sentence or not (match := self._byline.fullmatch(key)):
            return False
        found.byline_seen = True
        self._read_labels(key, found)
        if match["outlet"] and found.outlet is None:
            found.outlet = match["outlet"]
        if match["names"]:
            found.authors.extend(self._names(match["names"]))
        return True

    def _read_labels(self, text: str, found: _Found) -> None:
        if found.outlet is None and (source := self._source.search(text)):
            found.outlet = source["value"]
        if author := self._author.search(text):
            found.authors.extend(self._names(author["value"]))
        if found.editor is None and (editor := self._editor_label.search(text)):
            found.editor = editor["value"]

    def _read_date_line(self, key: str, found: _Found, in_head: bool, sentence: bool) -> bool:
        if len(key) > self.rules.date_line_max_chars or sentence:
            return False
        digits = key.translate(_FULLWIDTH_DIGITS)
        match = self._date.search(digits)
        if match is None:
            return False
        rest = (digits[: match.start()] + digits[match.end() :]).strip()
        labelled = self._date_labels.search(rest) is not None
        if not labelled and (len(rest) > 4 or not in_head):
            return False
        if found.date is None:
            found.date = _iso(match)
        self._read_labels(rest, found)
        for part in self._part_separator.split(rest):
            if found.outlet is None and self._outlet_name.fullmatch(part):
                found.outlet = part
            elif found.dateline is None:
                self._read_dateline(part, found)
        return True

    def _read_dateline(self, key: str, found: _Found) -> bool:
        for pattern in self._datelines:
            match = pattern.fullmatch(key)
            if match is None:
                continue
            groups = match.groupdict()
            found.dateline = groups.get("dateline")
            found.dateline_agency = groups.get("agency")
            found.dateline_place = groups.get("place")
            if groups.get("month") and groups.get("day"):
                month, day = _small_number(groups["month"]), _small_number(groups["day"])
                if month and day:
                    found.dateline_month_day = (month, day)
            if groups.get("names"):
                found.authors.extend(self._names(groups["names"]))
            after = match.end("dateline") if found.dateline else len(key)
            if reporters := self._reporters.fullmatch(key, after):
                found.authors.extend(self._names(reporters["names"]))
            return True
        return False

    def _is_list(self, key: str, sentence: bool) -> bool:
        """A navigation bar or a keyword line: many short items, no sentence."""
        if sentence or not _HAN.search(key):
            return False
        items = [item for item in self._item_separator.split(key) if item]
        return len(items) >= self.rules.list_min_items and all(
            len(item) <= self.rules.list_max_item_chars for item in items
        )

    def _names(self, value: str) -> list[str]:
        return [
            name
            for name in self._name_separator.split(value)
            if name and self._name.fullmatch(name) and name not in {"记者", "通讯员", "本报"}
        ]

    # -- title ---------------------------------------------------------------------

    @staticmethod
    def _title_in_head(lines: list[_Line], head: list[int], date_index: int | None) -> int | None:
        """The head line just before the date line, else the longest head line."""
        if date_index is not None:
            before = [i for i in head if i < date_index]
            if before:
                return before[-1]
        return max(head, key=lambda i: (len(lines[i].key), -i)) if head else None

    @staticmethod
    def _drop_repeated_title(lines: list[_Line], body: list[int], title: str | None) -> list[int]:
        if not title or not body:
            return body
        title_key = _word_key(title)
        lead = [i for i in body[:_REPEATED_TITLE_WITHIN] if not _same_words(lines[i].key, title_key)]
        return lead + body[_REPEATED_TITLE_WITHIN:] if title_key else body

    # -- metadata ------------------------------------------------------------------

    def _meta(
        self,
        found: _Found,
        title: str | None,
        hints: Mapping[str, Any],
        to_simplified: Callable[[str], str],
    ) -> PageMeta:
        url = found.url or str(hints.get("url") or "")
        hint_date = _hint_text(hints, "published_at") or _hint_text(hints, "date")
        hint_outlet = _hint_text(hints, "outlet")
        outlet = found.outlet
        if outlet is None and found.dateline_agency not in (None, *self.rules.not_outlets):
            outlet = found.dateline_agency
        site = self._site(found.crumbs) or found.site_line
        if outlet is None and site is not None:
            for suffix in self.rules.edition_suffixes:
                if site.endswith(suffix) and len(site) > len(suffix):
                    outlet = site[: -len(suffix)]
        if outlet is None and hint_outlet:
            outlet = _collapse(to_simplified(hint_outlet))
        return PageMeta(
            title=title or None,
            published_at=self._published_at(found, url, hint_date),
            outlet=outlet,
            site=site,
            authors=tuple(dict.fromkeys(found.authors)),
            editor=found.editor,
            dateline=found.dateline,
            place_hints=self._place_hints(found, title),
        )

    def _published_at(self, found: _Found, url: str, hint_date: str | None) -> str | None:
        if found.date is not None:
            return found.date
        url_date = self._url_date(url)
        hint = parse_hint_date(hint_date) if hint_date else None
        # A dateline (本报北京2月17日电) dates the filing, often the day before the
        # paper is out: the record's own publication date, when given, wins over it.
        if hint is not None:
            return hint
        if found.dateline_month_day is not None:
            reference = hint or url_date
            if reference is not None:
                year, ref_month = int(reference[:4]), int(reference[5:7])
                month, day = found.dateline_month_day
                if month > ref_month:  # a December dateline printed in January
                    year -= 1
                if (dated := _valid_date(year, month, day)) is not None:
                    return dated
        return url_date or hint

    def _url_date(self, url: str) -> str | None:
        for pattern in self._url_dates:
            if match := pattern.search(url):
                dated = _valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
                if dated is not None:
                    return dated
        return None

    def _site_line(self, lines: list[_Line], head: list[int], title_index: int | None) -> str | None:
        """A head line before the title that names the site (于都县人民政府, 某某新闻网)."""
        for index in head:
            if title_index is not None and index >= title_index:
                break
            key = lines[index].key.strip()
            if 2 < len(key) <= 20 and key.endswith(self.rules.site_line_suffixes):
                return key
        return None

    def _site(self, crumbs: list[str]) -> str | None:
        if not crumbs or crumbs[0] in self.rules.generic_crumbs:
            return None
        site = _collapse(_LATIN_WORDS.sub(" ", crumbs[0]))  # 中央社 CNA -> 中央社
        for suffix in self.rules.site_suffixes:
            site = re.sub(f"(?:{suffix})$", "", site)
        return site or None

    def _place_hints(self, found: _Found, title: str | None) -> tuple[str, ...]:
        hints: list[str] = []
        if found.dateline_place:
            hints.append(found.dateline_place)
        crumb_places = [item for item in found.crumbs[1:] if self.places.is_place(item)]
        if crumb_places:
            hints.append(crumb_places[-1])
        if found.site_line:
            hints.extend(self.places.find_in(found.site_line)[:1])  # the site's own area (v2)
        if title:
            hints.extend(self.places.find_in(title))
        return tuple(dict.fromkeys(hints))


# -- helpers -------------------------------------------------------------------------


def _trailing_trim(text: str, start: int, end: int) -> int:
    """Move `end` back over whitespace, &nbsp; and HTML tags."""
    while end > start:
        char = text[end - 1]
        if char.isspace():
            end -= 1
        elif char == ">":
            opening = text.rfind("<", start, end)
            if opening < 0 or not _TAG.fullmatch(text, opening, end):
                break
            end = opening
        elif char in ";p" and (nbsp := _nbsp_before(text, start, end)):
            end -= nbsp
        else:
            break
    return end


def _nbsp_before(text: str, start: int, end: int) -> int:
    for entity in ("&nbsp;", "&nbsp"):
        if end - start >= len(entity) and text.startswith(entity, end - len(entity)):
            return len(entity)
    return 0


def _is_simplified(text: str, simplified: str) -> bool:
    """True when conversion changes only a few distinct characters, a tenth at most.

    A Traditional text changes at many distinct characters; a Simplified one only
    at the odd character OpenCC maps anyway (乾 in a name, 著), however often.
    """
    if simplified == text:
        return True  # nothing changed (most pages)
    if len(simplified) != len(text):
        changed = [
            a for a, b in zip(text, simplified, strict=True) if a != b and a not in _FULLWIDTH_FORMS
        ]
    else:  # compared a block at a time; only blocks that differ are read character by character
        changed = [
            a
            for block in range(0, len(text), 64)
            if text[block : block + 64] != simplified[block : block + 64]
            for a, b in zip(text[block : block + 64], simplified[block : block + 64], strict=True)
            if a != b and a not in _FULLWIDTH_FORMS
        ]
    if not changed:
        return True  # only full-width forms changed (no need to count the Han characters)
    return len(set(changed)) <= 3 and len(changed) <= len(_HAN.findall(text)) // 10


def _plain(text: str, line: _Line) -> str:
    return _collapse(_unescape(_NBSP.sub(" ", _TAG.sub("", text[line.start : line.end]))))


def _keep_fullwidth(original: str, to_simplified: Callable[[str], str]) -> str:
    """Simplified script, but full-width digits and signs as the page wrote them."""
    converted = to_simplified(original)
    if len(converted) != len(original):
        return converted
    return "".join(
        o if o in _FULLWIDTH_FORMS else c for o, c in zip(original, converted, strict=True)
    )


def _unchanged(text: str) -> str:
    return text


def _collapse(text: str) -> str:
    # re.sub(r"\s+", " ", text).strip() without a regex: `\s` and str.split() both take
    # whitespace as str.isspace() does, so the words and the single spaces are the same
    return " ".join(text.split())


def _word_key(text: str) -> str:
    """Letters and digits only: how two headlines are compared."""
    return _NOT_WORD.sub("", text)


def _same_words(text: str, key: str) -> bool:
    """`_word_key(text) == key`, with a long `text` (a paragraph) read whole only when its
    start fits: the letters and digits of its first len(key) characters begin its word key
    (the others are dropped one by one), so they must begin `key`."""
    return key.startswith(_word_key(text[: len(key)])) and _word_key(text) == key


def _hint_text(hints: Mapping[str, Any], name: str) -> str | None:
    value = hints.get(name)
    return str(value).strip() or None if value is not None else None


def _valid_date(year: int, month: int, day: int) -> str | None:
    if 100 <= year < 200:
        year += 1911  # a Taiwan date line in ROC years: 112-02-01 -> 2023-02-01
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso(match: re.Match[str]) -> str | None:
    dated = _valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if dated is None or match["H"] is None:
        return dated
    hour, minute = int(match["H"]), int(match["M"])
    if hour > 23:
        return dated
    # Seconds only where the page gives them: 2020-03-06T07:30+08:00.
    seconds = f":{int(match['S']):02d}" if match["S"] is not None else ""
    return f"{dated}T{hour:02d}:{minute:02d}{seconds}+08:00"


_HINT_DATE = re.compile(
    r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?"
    r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\.\d+)?)?"
)


def parse_hint_date(value: str) -> str | None:
    """A source record's date as 'YYYY-MM-DD' or ISO with an offset (+08:00 if none)."""
    match = _HINT_DATE.match(value.strip())
    if match is None:
        return None
    iso = _iso(match)
    if iso is None or "T" not in iso:
        return iso
    zone = _TZ.search(value.strip())
    if zone is None or zone.group(0) in ("+08:00", "+0800"):
        return iso
    offset = "+00:00" if zone.group(0) == "Z" else zone.group(0)
    if len(offset) == 5:
        offset = f"{offset[:3]}:{offset[3:]}"
    return iso[:-6] + offset


def _small_number(value: str) -> int | None:
    """1-31 written in digits or Chinese numerals (三, 十二, 二十三, 三十一)."""
    if value.isdigit():
        return int(value)
    if "十" not in value:
        return _CN_DIGITS.get(value)
    tens, _, units = value.partition("十")
    tens_value = _CN_DIGITS.get(tens, 0) if tens else 1
    units_value = _CN_DIGITS.get(units, 0) if units else 0
    if (tens and not tens_value) or (units and not units_value):
        return None
    return tens_value * 10 + units_value
