"""Sentences as the contract defines them: up to 。；！？ (or ; ! ? .) or a line end."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.budget import check as check_budget

# A half-width full stop ends a sentence only when no digit follows (97.5% is one number).
_SENTENCE_END = re.compile(r"[。；！？;!?\n\r]|\.(?!\d)")
_EDGE_SPACE = " \t\u3000\xa0\r\n"
_ENDS = frozenset("。；！？;!?\n\r")
# In a long block without line breaks (a press-conference transcript), a new speaker's turn
# (宜昌市人社局局长李柏红：) or a numbered point (一是, 二是, （三）) starts a paragraph.
_PART_START = re.compile(
    r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[，,、]"
    r"|[^。；！？\s“”\"，,、]{2,40}?[：:](?!\d))"
)
_NUMBERED = re.compile(r"第[一二三四五六七八九十\d]+")
_LONG_BLOCK = 400  # characters: shorter blocks are paragraphs as they are


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[begin, finish) of the sentence holding text[start:end], terminator included."""
    begin = _sentence_start(text, start)
    stop = _SENTENCE_END.search(text, end)
    finish = len(text) if stop is None else stop.end()
    while begin < start and text[begin] in _EDGE_SPACE:
        begin += 1
    while finish > end and text[finish - 1] in _EDGE_SPACE:
        finish -= 1
    return begin, finish


def _sentence_start(text: str, before: int) -> int:
    """End of the last terminator before `before` (0 if none), found scanning backwards,
    so finding the sentences of many numbers of a long text stays linear."""
    position = before - 1
    while position >= 0:
        char = text[position]
        if char in _ENDS:
            return position + 1
        if char == "." and not (position + 1 < len(text) and text[position + 1].isdigit()):
            return position + 1
        position -= 1
    return 0


def sentence_around(text: str, start: int, end: int) -> str:
    begin, finish = sentence_bounds(text, start, end)
    return text[begin:finish]


def iter_sentences(
    text: str, start: int = 0, end: int | None = None, budgeted: bool = True
) -> Iterator[tuple[int, int]]:
    """[begin, finish) of each non-blank sentence of text[start:end].

    Between sentences the document's time budget is checked (`pipeline.budget`), unless
    `budgeted` is False (callers that cannot stop halfway: splitting, validation).
    """
    stop_at = len(text) if end is None else end
    begin = start
    for match in _SENTENCE_END.finditer(text, start, stop_at):
        if budgeted:
            check_budget()
        if text[begin : match.end()].strip(_EDGE_SPACE):
            yield begin, match.end()
        begin = match.end()
    if begin < stop_at and text[begin:stop_at].strip(_EDGE_SPACE):
        yield begin, stop_at


def paragraph_parts(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """[start, end) split where a sentence opens a new speaker's turn or numbered point,
    for blocks longer than `_LONG_BLOCK` (ANNOTATION.md reading 25); else the block itself.
    The flag is True where a part continues the same speaker (a numbered point), so what
    the speaker's place is carries into it."""
    if end - start <= _LONG_BLOCK:
        yield start, end, False
        return
    begin, continues = start, False
    for s_start, _s_end in iter_sentences(text, start, end, budgeted=False):
        lead = s_start
        while lead < end and text[lead] in _EDGE_SPACE:
            lead += 1
        match = _PART_START.match(text, lead)
        if lead > begin and match and text[begin:lead].strip(_EDGE_SPACE):
            yield begin, lead, continues
            label = match.group(0)
            # a numbered point (一是, 第一个平台：) continues its speaker; 某某局长： is a new turn
            begin, continues = lead, not label.endswith(("：", ":")) or _NUMBERED.match(label) is not None
    if text[begin:end].strip(_EDGE_SPACE):
        yield begin, end, continues
