"""First-character guards: a regex scan that fails at once where no match can start.

Python's `re` tries every alternative of a large alternation at every position of the
text. When each match must begin with one of a known set of characters, a lookahead
`(?=[...])` in front fails fast everywhere else and changes nothing about what matches.
The set is read from the parsed pattern itself (so it follows the data files the pattern
is built from); when the pattern holds something the reader does not follow (a negated
class, `.`, back-references, flags), or can match the empty string, there is no guard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


class _Unsupported(Exception):
    pass


def first_char_class(pattern: str) -> str | None:
    """A character class (`[...]`) holding every character a match of `pattern` can start
    with, or None when that cannot be told (or a match can be empty)."""
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & ~(sre.SRE_FLAG_UNICODE):
            return None
        items: list[str] = []
        if _sequence(list(parsed), items):
            return None  # a match can be empty: it can start anywhere
    except (_Unsupported, re.error):
        return None
    return "[" + "".join(dict.fromkeys(items)) + "]" if items else None


def guard(pattern: str) -> str:
    """The lookahead that fails where no match of `pattern` can start ("" when none).

    Where every match is two characters or more, the lookahead reads the second character
    too: a number's first character (一, 十, 万) stands at many places where what follows
    it (一些, 统一的, 数据) can go on with no match, and the whole pattern is then not tried.
    """
    pair = first_two_classes(pattern)
    if pair is not None:
        return f"(?={pair[0]}{pair[1]})"
    first = first_char_class(pattern)
    return f"(?={first})" if first else ""


def guarded(pattern: str) -> str:
    """`pattern` behind its first-character guard (itself when there is none)."""
    lookahead = guard(pattern)
    return f"{lookahead}(?:{pattern})" if lookahead else pattern


class SparseScan:
    """`finditer` of a pattern whose matches start at rare characters (an HTML tag's <, a
    bracket, an invisible character), tried only where one of those stands.

    `re` cannot skip ahead to the start characters of an alternation whose alternatives
    begin differently, so it tries every alternative at every position of the text. Here a
    one-class scan (which `re` runs in compiled code) finds each place a match can start, and
    the pattern is tried there alone: the same matches, in the same order (a match cannot be
    empty when the first characters are known, and neither scan looks back differently).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        first = first_char_class(pattern.pattern) if not pattern.flags & ~re.UNICODE else None
        self._first = re.compile(first) if first else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._first is None:
            yield from self.pattern.finditer(text)
            return
        position = 0
        while (candidate := self._first.search(text, position)) is not None:
            match = self.pattern.match(text, candidate.start())
            if match is None:
                position = candidate.start() + 1
            else:
                yield match
                position = match.end()


def required_class(pattern: str) -> str | None:
    """A character class one of whose characters every match of `pattern` holds (the
    literal characters of a part every match goes through), or None when that cannot be
    told: a text without any of them holds no match. Read from the parsed pattern like
    `first_char_class`; what the reader does not follow (flags, negated classes, `.`,
    back-references) requires nothing."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & ~(sre.SRE_FLAG_UNICODE):
        return None
    required = _required(list(parsed))
    return _class(tuple(re.escape(char) for char in sorted(required))) if required else None


def _required(sequence: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Characters one of which every match of the items of `sequence` holds: those of the
    item that must match with the fewest (None when no item tells)."""
    best: frozenset[str] | None = None
    for op, av in sequence:
        chars = _required_item(op, av)
        if chars is not None and (best is None or len(chars) < len(best)):
            best = chars
    return best


def _required_item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.LITERAL:
        return frozenset(chr(av))
    if op is sre.IN:  # a class of literal characters only (no range, category or negation)
        if all(kind is sre.LITERAL for kind, _ in av):
            return frozenset(chr(value) for _, value in av)
        return None
    if op is sre.BRANCH:  # every alternative must tell
        alternatives = [_required(list(alternative)) for alternative in av[1]]
        if any(chars is None for chars in alternatives):
            return None
        return frozenset().union(*alternatives)  # type: ignore[arg-type]
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _required(list(sub))
    if op in _REPEATS:
        minimum, _maximum, sub = av
        return _required(list(sub)) if minimum > 0 else None
    return None  # zero-width, `.`, NOT_LITERAL, GROUPREF, ...: nothing required


class RequiredScan:
    """`fullmatch` of a pattern whose matches can start with any character, not tried on a
    text without any character every match of it holds (`required_class`): one class search
    instead of the pattern reading far into the text first (`[^。，]{2,20}?` before the
    separator it needs). A pattern with known first characters fails at once where they do
    not stand, and is tried as it is."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        required = None
        if not pattern.flags & ~re.UNICODE and first_char_class(pattern.pattern) is None:
            required = required_class(pattern.pattern)
        self._required = re.compile(required) if required else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if self._required is not None and self._required.search(text) is None:
            return None
        return self.pattern.fullmatch(text)


def first_two_classes(pattern: str) -> tuple[str, str] | None:
    """Two character classes: every match of `pattern` starts with a character of the first
    followed by one of the second. None when a match can be shorter than two characters, or
    when the pattern holds what the reader does not follow (as in `first_char_class`)."""
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & ~(sre.SRE_FLAG_UNICODE):
            return None
        shape = _seq_shape(list(parsed))
    except (_Unsupported, re.error):
        return None
    if shape.empty or shape.one or not shape.first or not shape.second:
        return None
    return _class(shape.first), _class(shape.second)


class _Shape(NamedTuple):
    """What a piece of a pattern can match, over-approximated (more never changes a match):
    whether empty, whether one character exactly, its first characters, and the second
    characters of its matches of two characters or more."""

    empty: bool
    one: bool
    first: tuple[str, ...]
    second: tuple[str, ...]


_ZERO_WIDTH = _Shape(True, False, (), ())


def _class(items: tuple[str, ...]) -> str:
    return "[" + "".join(dict.fromkeys(items)) + "]"


def _seq_shape(sequence: list[tuple[Any, Any]]) -> _Shape:
    """The shape of items matched one after the other."""
    shape = _ZERO_WIDTH
    for op, av in sequence:
        if not shape.empty and not shape.one:
            break  # two characters are read before what follows: it changes nothing here
        shape = _then(shape, _item_shape(op, av))
    return shape


def _then(a: _Shape, b: _Shape) -> _Shape:
    """The shape of `a` followed by `b`: the second character is a's second, b's first after
    one character of a, or b's second after none."""
    return _Shape(
        empty=a.empty and b.empty,
        one=(a.one and b.empty) or (a.empty and b.one),
        first=a.first + (b.first if a.empty else ()),
        second=a.second + (b.first if a.one else ()) + (b.second if a.empty else ()),
    )


def _item_shape(op: Any, av: Any) -> _Shape:
    if op is sre.LITERAL:
        return _Shape(False, True, (re.escape(chr(av)),), ())
    if op is sre.IN:
        items: list[str] = []
        _item(op, av, items)  # raises for a negated class and what it does not follow
        return _Shape(False, True, tuple(items), ())
    if op is sre.BRANCH:
        shapes = [_seq_shape(list(alternative)) for alternative in av[1]]
        return _Shape(any(s.empty for s in shapes), any(s.one for s in shapes),
                      tuple(c for s in shapes for c in s.first),
                      tuple(c for s in shapes for c in s.second))
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unsupported
        return _seq_shape(list(sub))
    if op in _REPEATS:
        minimum, maximum, sub = av
        inner = _seq_shape(list(sub))
        if maximum == 0:
            return _ZERO_WIDTH
        # a second repetition starts at the second character after a first of one character
        again = inner.first if maximum > 1 and inner.one else ()
        # one character: one repetition of one, the others empty
        one = inner.one and (minimum <= 1 or inner.empty)
        return _Shape(inner.empty or minimum == 0, one, inner.first, inner.second + again)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _ZERO_WIDTH  # reads around, matches no character
    raise _Unsupported


def _sequence(sequence: list[tuple[Any, Any]], items: list[str]) -> bool:
    """Add the first characters of `sequence`; True when it can match the empty string."""
    return all(_item(op, av, items) for op, av in sequence)


def _item(op: Any, av: Any, items: list[str]) -> bool:
    """Add the first characters of one parsed item; True when it can match empty."""
    if op is sre.LITERAL:
        items.append(re.escape(chr(av)))
        return False
    if op is sre.IN:
        for kind, value in av:
            if kind is sre.LITERAL:
                items.append(re.escape(chr(value)))
            elif kind is sre.RANGE:
                items.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                items.append(_CATEGORIES[value])
            else:  # NEGATE and anything else
                raise _Unsupported
        return False
    if op is sre.BRANCH:
        empty = False
        for alternative in av[1]:
            empty = _sequence(list(alternative), items) or empty
        return empty
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unsupported
        return _sequence(list(sub), items)
    if op in _REPEATS:
        minimum, _maximum, sub = av
        empty = _sequence(list(sub), items)
        return empty or minimum == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return True  # zero-width: the characters come from what follows
    raise _Unsupported  # ANY, NOT_LITERAL, GROUPREF, ...


def matches_in_wider_text(pattern: str) -> bool:
    """True when every match of `pattern` in a slice of a text is also a match in the whole
    text: the pattern reads nothing outside what it matches, except through positive
    lookaheads (no anchors, word boundaries, lookbehinds or negative lookaheads). A test
    of a paragraph with such patterns finds everything that the test of its sentences finds."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return False
    return not parsed.state.flags & ~sre.SRE_FLAG_UNICODE and _reads_only_ahead(list(parsed))


def widened(pattern: str) -> str | None:
    """`pattern` without its lookbehinds and negative lookaheads: it matches wherever
    `pattern` matches (a condition less), and `matches_in_wider_text` holds for it, so a test
    of a paragraph with it finds every sentence the pattern matches in. None when that cannot
    be had (anchors, word boundaries, or what does not compile once they are gone)."""
    kept: list[str] = []
    position = 0
    while position < len(pattern):
        if pattern.startswith(("(?<=", "(?<!", "(?!"), position):
            position = _group_end(pattern, position)
            continue
        step = _token_end(pattern, position)
        kept.append(pattern[position:step])
        position = step
    result = "".join(kept)
    try:
        re.compile(result)
    except re.error:
        return None
    return result if matches_in_wider_text(result) else None


def _token_end(pattern: str, position: int) -> int:
    """The end of the token at `position`: an escape, a character class, or one character."""
    if pattern[position] == "\\":
        return position + 2
    if pattern[position] == "[":
        end = position + 1
        if end < len(pattern) and pattern[end] == "^":
            end += 1
        if end < len(pattern) and pattern[end] == "]":
            end += 1  # a ] first in a class is a character of it
        while end < len(pattern) and pattern[end] != "]":
            end += 2 if pattern[end] == "\\" else 1
        return end + 1
    return position + 1


def _group_end(pattern: str, position: int) -> int:
    """The end of the group that opens at `position` (past its closing parenthesis)."""
    depth = 0
    while position < len(pattern):
        char = pattern[position]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position + 1
        position = _token_end(pattern, position)
    raise re.error("unbalanced parenthesis")


def _reads_only_ahead(sequence: list[tuple[Any, Any]]) -> bool:
    for op, av in sequence:
        if op in (sre.AT, sre.ASSERT_NOT, sre.GROUPREF):
            return False
        if op is sre.ASSERT:
            direction, sub = av
            if direction < 0 or not _reads_only_ahead(list(sub)):
                return False
        elif op is sre.BRANCH:
            if not all(_reads_only_ahead(list(alternative)) for alternative in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags or not _reads_only_ahead(list(sub)):
                return False
        elif op in _REPEATS and not _reads_only_ahead(list(av[2])):
            return False
    return True


def word_trie(words: list[str]) -> str:
    """An alternation of literal `words` arranged as a trie (长期|长沙 -> 长(?:期|沙)).

    It matches what the alternation sorted longest first matches (the longest word at the
    leftmost position: a greedy optional group gives way to a shorter word only when the
    longer fails), but `re` tries each first character once instead of every word."""
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            raise ValueError("an empty word matches everywhere")
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: what follows is optional
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body
