"""First-character guards change no match: the same matches with and without the guard."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.numbers import QuantityFinder
from pipeline.extract.prefilter import (
    RequiredScan,
    first_char_class,
    first_two_classes,
    guarded,
    matches_in_wider_text,
    required_class,
    widened,
    word_trie,
)
from pipeline.extract.timex import TimeFinder
from pipeline.ingest.convert import Converter


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


@pytest.mark.parametrize(("pattern", "expected"), [
    ("ab|cd", ("[ac]", "[bd]")),
    (r"(?<![x])y\d", ("[y]", r"[\d]")),
    (r"(?:19|20)\d{2}年", ("[12]", "[90]")),
    ("[0-9一二]+万", ("[0-9一二]", "[0-9一二万]")),
    ("x(?=y)z", ("[x]", "[z]")),  # a lookahead matches no character
    ("a{2}", ("[a]", "[a]")),
    ("a?b", None),  # b alone is a match of one character
    ("a|bc", None),
    ("a{1,3}", None),
    ("(?:a?){2}b", None),
    ("[^a]b", None),  # a negated class: not followed
    ("ab[^c]", ("[a]", "[b]")),  # what comes after the second character is not read
])
def test_prefilter_first_two_classes(pattern: str, expected: tuple[str, str] | None) -> None:
    assert first_two_classes(pattern) == expected


_TWO_ALPHABET = list("ab12年万一x-")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TWO_ALPHABET), max_size=12),
       st.sampled_from([r"(?<![x])1\d", r"(?:19|20)\d{2}年", "[0-9一]+万", "a{2}|b[12]?x",
                        r"(?:a|1)(?:b|2)*-", "x(?=1)1a"]))
def test_prefilter_two_class_guard_keeps_every_match(text: str, pattern: str) -> None:
    """Where every match is two characters or more, both guard classes change no match."""
    guard = first_two_classes(pattern)
    assert guard is not None
    guarded_pattern = re.compile(f"(?={guard[0]}{guard[1]})(?:{pattern})")
    assert [m.span() for m in guarded_pattern.finditer(text)] == [
        m.span() for m in re.finditer(pattern, text)]


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


@pytest.mark.parametrize(("pattern", "expected"), [
    ("产能恢复率", True),
    ("(?:帮助|协助)(?=[^，。；]{1,20}返岗)", True),  # a positive lookahead reads what it matches
    ("劳动力(?=为|达)", True),
    ("a(?!b)", False),  # at a slice's end the lookahead sees nothing; in the text it sees b
    ("(?<=a)b", False),
    ("^a", False),
    (r"a\b", False),
    ("(?i)a", False),
])
def test_prefilter_matches_in_wider_text(pattern: str, expected: bool) -> None:
    assert matches_in_wider_text(pattern) is expected


_GATE_ALPHABET = list("其中复工就业人员企业减班休息实施单位帮助返岗产能恢复率2万人家，。；！ 有新增近约")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_GATE_ALPHABET), max_size=20), max_size=4))
def test_lexicon_gate_scan_of_a_paragraph_finds_every_sentence_gate(sentences: list[str]) -> None:
    """A paragraph the one scan rejects has no sentence that names work, a cue or a topic."""
    from pipeline.extract.lexicon import shared_lexicon

    lexicon = shared_lexicon()
    paragraph = "".join(sentences)
    if not lexicon.may_pass_gate(paragraph):
        for sentence in sentences:
            assert not (lexicon.mentions_work(sentence) or lexicon.cue_patterns_match(sentence)
                        or lexicon.topic_of(sentence) is not None)


@pytest.mark.parametrize(("pattern", "expected"), [
    ("(?<![新增])有(?=[近约]?\\d+人就业)", "有(?=[近约]?\\d+人就业)"),  # a lookahead that reads ahead stays
    ("a(?!b)c", "ac"),
    ("(?:(?<=x)b|c(?!d))+", "(?:b|c)+"),
    ("[(?<!]z", "[(?<!]z"),  # inside a class: characters
    ("\\(?<!q", "\\(?<!q"),  # an escaped parenthesis opens no group
    ("^a", None),  # an anchor stays: no widened form
    ("a\\b", None),
])
def test_prefilter_widened(pattern: str, expected: str | None) -> None:
    assert widened(pattern) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("新增有近约12人就业，")), max_size=16), st.integers(0, 16),
       st.integers(0, 16))
def test_prefilter_widened_matches_in_the_wider_text_wherever_the_pattern_matches_a_slice(
    text: str, start: int, end: int
) -> None:
    pattern = "(?<![新增])有(?=[近约]?\\d+人就业)"
    if re.search(pattern, text[start:end]):
        assert re.search(widened(pattern) or "", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="长沙县期市a.", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="长沙县期市a.x", max_size=30))
def test_prefilter_word_trie_matches_the_alternation(words: list[str], text: str) -> None:
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    trie = re.compile(word_trie(words))
    assert [m.span() for m in trie.finditer(text)] == [
        m.span() for m in re.finditer(alternation, text)]


_REMOVABLE_PIECES = ["业", "(", "（", ")", "）", "yè", "ā", "3", "<", ">", "b", "/", "\n", "\u200b", "\ufeff",
                     "中", " ", "a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_REMOVABLE_PIECES), max_size=30).map("".join))
def test_prefilter_sparse_scan_finds_what_finditer_finds(converter: Converter, text: str) -> None:
    # the converter's pattern of what the view removes (tags, inline pinyin, invisible characters)
    scan = converter._removable
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.pattern.finditer(text)]


def test_lexicon_gate_scan_is_on_with_the_shipped_data() -> None:
    """A cue pattern the gate scan cannot hold switches it off silently (every paragraph then
    goes through the sentence rules): the shipped patterns must all fit in it."""
    from pipeline.extract.lexicon import shared_lexicon

    lexicon = shared_lexicon()
    assert lexicon.gate_words("今天天气晴朗。") is not None
    assert not lexicon.may_pass_gate("今天天气晴朗，游客在湖边散步。")


@pytest.mark.parametrize(("pattern", "expected"), [
    ("ab|cd", "[ac]"),
    (r"[^x]{2,20}?(?:\s*(?:>|›)\s*[^x]{1,20}){1,6}", "[>›]"),
    (r"[^x]{2,20}?(?:\s+/\s+[^x]{1,20}){2,6}", "[/]"),
    ("x?(?:ab|c)d", "[d]"),  # the item with the fewest characters
    ("a*b?", None),  # nothing must match
    ("(?i:a)b", "[b]"),  # a flagged group requires nothing: another item does
    ("(?i)ab", None),
    ("[a-c]x|y", "[xy]"),
    ("[a-c]|y", None),  # an alternative with nothing known: none
    (".+", None),
])
def test_prefilter_required_class(pattern: str, expected: str | None) -> None:
    assert required_class(pattern) == expected


_CRUMB_ALPHABET = ["首页", "新闻", "正文", ">", " > ", "›", "»", "＞", ">>", " / ", "/", "，", "。", "：", "您现在的位置",
                   "新华网", "产经", " ", "记者", "来源：", "http://a.cn/x", "编辑：", "张三"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_CRUMB_ALPHABET), max_size=10).map("".join))
def test_prefilter_required_scan_finds_every_full_match(text: str) -> None:
    """A text without a character every match holds holds no match: the chrome patterns
    (breadcrumbs, byline, editor, URL line) answer as their full match does."""
    from pipeline.ingest.clean import ChromeRules
    from pipeline.resources import load_data

    rules = load_data("chrome.yaml", ChromeRules)
    for pattern in [*rules.breadcrumb, rules.byline, rules.editor, rules.url_line]:
        compiled = re.compile(pattern)
        full = compiled.fullmatch(text)
        scanned = RequiredScan(compiled).fullmatch(text)
        assert (scanned and scanned.span()) == (full and full.span())
        required = required_class(pattern)
        assert full is None or required is None or re.search(required, text)
