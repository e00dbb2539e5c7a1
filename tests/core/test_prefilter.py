"""First-character guards change no match: the same matches with and without the guard."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.numbers import QuantityFinder
from pipeline.extract.prefilter import first_char_class, guarded
from pipeline.extract.timex import TimeFinder


@pytest.mark.parametrize(("pattern", "expected"), [
    ("ab|cd", "[ac]"),
    ("a?b", "[ab]"),
    (r"(?<![x])y\d", "[y]"),
    (r"(?:19|20)\d{2}年", "[12]"),
    ("[0-9一二]+万", r"[0-9一二]"),
    ("[^a]b", None),  # a negated class: no guard
    ("a*", None),  # can match empty: no guard
    ("(?i)ab", None),  # flags: no guard
    (".b", None),
])
def test_prefilter_first_char_class(pattern: str, expected: str | None) -> None:
    assert first_char_class(pattern) == expected


_ALPHABET = list("截至2020年1-3月今去上半季度同期全年昨天当日以来万人名家个百分之一二三五十成%.，。率就业岗位abc ")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=50))
def test_prefilter_guard_keeps_every_match(
    quantities: QuantityFinder, times: TimeFinder, text: str
) -> None:
    for pattern in (quantities._pattern, times._pattern):
        plain = re.compile(pattern.pattern.split(")(?:", 1)[1][:-1])
        assert [m.groupdict() | {"span": m.span()} for m in pattern.finditer(text)] == [
            m.groupdict() | {"span": m.span()} for m in plain.finditer(text)
        ]
        assert pattern.pattern == guarded(plain.pattern)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=50))
def test_timex_alternative_is_the_group_that_closed_last(times: TimeFinder, text: str) -> None:
    """`TimeFinder.find` takes the matched alternative from `lastgroup`: the first k<i> set."""
    for match in times._pattern.finditer(text):
        first = next(i for i in range(len(times.table.patterns)) if match.group(f"k{i}"))
        assert match.lastgroup == f"k{first}"
