"""Convert: the original text -> a Simplified analysis view with an offset map.

The analysis text is what the rules read: Simplified script, HTML tags, inline
pinyin (業(yè)) and invisible format characters (zero-width spaces, bidi marks)
removed. `TextView.offsets[i]` is the index in the original text
of analysis character `i`, so every span found in the view maps back to the exact
characters of the original (`TextView.to_original`).

OpenCC's `t2s` keeps the length of what it converts (one character for one), so
within a kept run the map is one-to-one; where a run would change length we fall
back to converting it character by character, which always keeps it.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import opencc
from pydantic import BaseModel, field_validator

from pipeline.extract.prefilter import SparseScan
from pipeline.resources import load_data
from schemas import Script

# Full-width digits and signs read as their ASCII forms (１２３ -> 123); one for one.
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．：", "0123456789%.:")
_FULLWIDTH_PAIRS = tuple((chr(source), chr(target)) for source, target in _FULLWIDTH.items())
_SURROGATE = re.compile("[\ud800-\udfff]")
_IDENTITY_MAX = 1 << 20  # offsets kept for slicing: 8 MB at most


class ConversionTable(BaseModel):
    opencc_config: str
    fixes: dict[str, str]
    inline_pinyin_pattern: str
    html_tag_pattern: str
    invisible_pattern: str

    @field_validator("fixes")
    @classmethod
    def _fixes_keep_length(cls, fixes: dict[str, str]) -> dict[str, str]:
        for source, target in fixes.items():
            if len(source) != len(target):
                raise ValueError(f"fix {source}->{target} changes the length")
        return fixes


@dataclass(frozen=True)
class TextView:
    """A Simplified view of `original` and the map from view to original offsets."""

    original: str
    text: str
    offsets: array  # array('l'): offsets[i] = original index of text[i]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span [start, end) to the original span covering it."""
        if start >= end:
            raise ValueError(f"empty span [{start}, {end})")
        return self.offsets[start], self.offsets[end - 1] + 1

    def original_slice(self, start: int, end: int) -> str:
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end]

    def is_contiguous(self, start: int, end: int) -> bool:
        """True when nothing was removed inside [start, end) of the view."""
        return self.offsets[end - 1] - self.offsets[start] == end - start - 1


class Converter:
    """Builds `TextView`s. One instance per process: it holds the OpenCC handle."""

    def __init__(self, table: ConversionTable | None = None) -> None:
        self.table = table or load_data("conversion.yaml", ConversionTable)
        self._t2s = opencc.OpenCC(self.table.opencc_config)
        # the Traditional form, read only where a page holds a character t2s changes (about one
        # page in a hundred of the archive): loaded then, not with the Converter (70 ms)
        self._s2t: opencc.OpenCC | None = None
        # tags, pinyin and invisible characters start at a few rare characters: a page is
        # scanned for those, not tried at every position with every alternative
        self._removable = SparseScan(re.compile(
            f"(?:{self.table.html_tag_pattern})|(?:{self.table.inline_pinyin_pattern})"
            f"|(?:{self.table.invisible_pattern})+"
        ))
        self._fix_pattern = (
            re.compile("|".join(sorted(map(re.escape, self.table.fixes), key=len, reverse=True)))
            if self.table.fixes
            else None
        )
        # A document's text is converted by the clean stage, the view and the script test
        # (the same string, when nothing is removed and it is short): the last few answers,
        # with and without the fixes, are kept (both are pure functions of the text).
        self._t2s_convert: Callable[[str], str] = lru_cache(maxsize=4)(self._t2s.convert)
        self._simplified: Callable[[str], str] = lru_cache(maxsize=4)(self._fixed_simplified)
        self._identity = array("l")  # 0, 1, 2, ...: the offsets of a kept run are a slice of it

    def to_simplified(self, text: str) -> str:
        """Simplified form of a short string (metadata fields), length kept."""
        return self._simplified(text)

    def view(self, original: str) -> TextView:
        """Analysis view of the whole original text."""
        kept_runs: list[str] = []
        offsets = array("l")
        position = 0
        for match in self._removable.finditer(original):
            self._keep(original, position, match.start(), kept_runs, offsets)
            position = match.end()
        self._keep(original, position, len(original), kept_runs, offsets)
        converted = self._simplified("".join(kept_runs))
        return TextView(original=original, text=converted, offsets=offsets)

    def detect_script(self, text: str, sample: int = 4000) -> Script:
        """Traditional, Simplified or mixed, from characters that differ between scripts.

        The first `sample` characters tell: scripts do not change halfway through a page.
        """
        text = _masked(text[:sample])
        simplified_form = self._t2s_convert(text)
        traditional = 0 if simplified_form == text else sum(
            1 for a, b in zip(text, simplified_form, strict=True) if a != b)
        if traditional == 0:
            return Script.simplified  # whatever the other count (s2t is the costly conversion)
        simplified = sum(1 for a, b in zip(text, self.to_traditional(text), strict=False) if a != b)
        return script_from_counts(traditional, simplified)

    def to_traditional(self, text: str) -> str:
        """OpenCC's `s2t` form of `text` (its converter loaded on the first call)."""
        if self._s2t is None:
            self._s2t = opencc.OpenCC("s2t.json")
        return self._s2t.convert(text)

    def _keep(
        self, original: str, start: int, end: int, runs: list[str], offsets: array
    ) -> None:
        if start < end:
            runs.append(original[start:end])
            if end > _IDENTITY_MAX:  # a huge page: not worth keeping its offsets around
                offsets.extend(range(start, end))
                return
            if len(self._identity) < end:  # grown as needed, so a slice is one copy
                self._identity.extend(range(len(self._identity), max(end, 2 * len(self._identity))))
            offsets.extend(self._identity[start:end])

    def _fixed_simplified(self, text: str) -> str:
        """The Simplified form of `text` with the fixes made (kept by `_simplified`)."""
        return self._apply_fixes(self._convert_run(text))

    def _convert_run(self, run: str) -> str:
        masked = _masked(run)
        converted = self._t2s_convert(masked)
        if len(converted) != len(run):
            # Rare: a phrase rule changed the length. Character by character keeps it.
            chars = []
            for char in masked:
                single = self._t2s.convert(char)
                chars.append(single if len(single) == 1 else char)
            converted = "".join(chars)
        if masked is not run:  # lone surrogates stay what they were
            converted = "".join(o if _SURROGATE.match(o) else c
                                for o, c in zip(run, converted, strict=True))
        return converted

    def _apply_fixes(self, text: str) -> str:
        for source, target in _FULLWIDTH_PAIRS:  # text.translate(_FULLWIDTH), faster
            if source in text:
                text = text.replace(source, target)
        if self._fix_pattern is None:
            return text
        return self._fix_pattern.sub(lambda m: self.table.fixes[m.group(0)], text)


@lru_cache(maxsize=4)
def _masked(text: str) -> str:
    """`text` with lone surrogates (which OpenCC cannot encode) as U+FFFD; `text` itself
    when it has none. Kept for the last few texts (a pure function of the text): the clean
    stage and the script test ask it about the same page, whose hash the conversion's own
    cache has computed by then, so the page is not encoded again."""
    try:  # UTF-8 cannot encode a surrogate: encoding in C tells faster than a regex search
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def script_from_counts(traditional: int, simplified: int) -> Script:
    """Script label from counts of script-specific characters.

    Pages mix in a few characters of the other script (quotes, names, URLs), so a
    script is called mixed only when the minority passes a tenth of the total.
    """
    total = traditional + simplified
    if total == 0 or traditional <= total * 0.1:
        return Script.simplified
    if simplified <= total * 0.1:
        return Script.traditional
    return Script.mixed
