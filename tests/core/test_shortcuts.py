"""The Extractor's shortcuts hold: what it skips would have changed nothing.

`Extractor._paragraph_records` skips the place rules for a sentence that holds no first
characters of a place name (`Gazetteer.head_starts`), and learns subjects only from a sentence
with a metric cue; it updates the place state only when a record reads it, and asks whether a
metric cue is a word of its own (jieba) after its other tests, and scores the cues from the
least score each can have up; a text that names no lead-in of targets is not read for them; a sentence whose numbers are all
words under ten that no rule keeps is not analysed; a sentence in which the gate words of the
whole text show none is not scanned for metric words;
a sentence's times and places are
found when first read (and its word boundaries kept for the sentences found lately), and
so are the times of a part; a sentence's quantities are taken from
its part's; a line is compared with the headline from its start first; a body's places
ask whether they are quoted of marks found once; the Simplified form of a text converted
lately is kept; a part whose gated sentences give no draft whatever the parts before it
left is passed over by the plan; a sentence of a paragraph not about work that names no word
of a metric outside the generic ones is not linked. A rule that starts reading
something else must update the shortcut; these properties fail first.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.document import RawDocument
from pipeline.extract.findings import Found
from pipeline.extract.sentence import find_places
from pipeline.ingest.clean import _same_words, _word_key
from pipeline.ingest.sentences import iter_sentences
from pipeline.process import Extractor, _period_places, _PlaceWork, _sentence_quantities
from pipeline.resolve.context import ArticleContext
from pipeline.resolve.draft import Quotes, quoted
from pipeline.resolve.region import learn_places, paragraph_place
from pipeline.resolve.subject import learn_subjects
from tests.snapshot import snapshot

_WORDS = ["全市", "全县", "全省", "全国", "本市", "该县", "市", "县", "区", "省", "大庆", "黑龙江", "高新区",
          "人社部", "农民工", "返岗复工", "就业", "万人", "6.5", "，", "。", "（", "“", "记者", "籍", "来自",
          "赴", "新区", "开发区", "香港", "台湾", "美国", "长三角", "了", "的", "在", " "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14).map("".join))
def test_shortcuts_no_place_head_no_place_state(extractor: Extractor, sentence: str) -> None:
    gazetteer = extractor.gazetteer
    if gazetteer.head_starts(sentence):
        return
    primary = gazetteer.by_name("大庆市")[0]
    article = ArticleContext(published=dt.date(2020, 4, 28), primary=primary, gazetteer=gazetteer)
    assert paragraph_place(gazetteer, sentence, [primary]) is None
    learn_places(gazetteer, sentence, article)
    assert article.places_seen == []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14).map("".join))
def test_shortcuts_no_cue_no_subject_learnt(extractor: Extractor, sentence: str) -> None:
    lexicon = extractor.lexicon
    if lexicon.mentions_work(sentence) or lexicon.cue_patterns_match(sentence):
        return
    hints: dict[Any, str] = {}
    learn_subjects(lexicon, sentence, hints)
    assert hints == {}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=10).map("".join), max_size=8))
def test_shortcuts_recent_answers_are_fresh_ones(extractor: Extractor, sentences: list[str]) -> None:
    # the kept answers of scan, cues and nouns are those a new scan gives, each a list of its own
    gazetteer, lexicon = extractor.gazetteer, extractor.lexicon
    for sentence in [*sentences, *reversed(sentences)]:
        for kept, fresh in ((gazetteer.scan, gazetteer._scan), (lexicon.cues, lexicon._cues),
                            (lexicon.nouns, lexicon._find_nouns)):
            answer = kept(sentence)
            assert answer == fresh(sentence)
            answer.append(None)  # a caller changing its list changes no later answer
            assert kept(sentence) == fresh(sentence)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "招聘", "岗位", "人次", "求人倍率", "用工缺口", "返岗率"]),
                max_size=14).map("".join))
def test_shortcuts_joined_cue_patterns_answer_as_each(extractor: Extractor, sentence: str) -> None:
    # one alternation of the cue patterns matches exactly where one of them does
    lexicon = extractor.lexicon
    assert lexicon.cue_patterns_match(sentence) == any(
        pattern.search(sentence) for pattern, _ in lexicon._cue_patterns)


_CUE_WORDS = [*_WORDS, "招聘", "岗位", "就业", "用工", "上工", "以上工业", "开工", "新开工项目", "服务业", "服务",
              "企业", "复工", "复工率", "达", "为", "名", "家", "个", "%", "3000", "1.2", "帮助", "找到了工作",
              "毕业生", "求职者", "员工", "其中", "同比增长", "个百分点", "累计", "新增"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=16).map("".join))
def test_shortcuts_cue_word_test_asked_last_changes_no_draft(extractor: Extractor,
                                                              sentence: str) -> None:
    # `MetricResolver._by_cue` asks whether a cue is a word of its own (jieba) after its other
    # tests: the drafts are those of asking it first, before the cue's fit
    found = extractor.sentences.find(sentence, published=dt.date(2020, 4, 28), topical=True)
    resolver = copy.copy(extractor.resolver)
    metrics = resolver.metrics = copy.copy(resolver.metrics)
    fit = metrics._fit

    def stands_first(cue: Any, *args: Any) -> Any:
        return fit(cue, *args) if metrics._cue_stands(found, cue) else None

    metrics._fit = stands_first  # type: ignore[method-assign]
    assert extractor.resolver.link(found) == resolver.link(found)


_SCORED_WORDS = [*_CUE_WORDS, "招用", "用工需求", "就业岗位", "务工人员", "贫困劳动力", "以上", "、", "和", "，其中",
                 "返岗复工率", "万人", "人次", "提供", "招聘会", "稳岗", "补贴", "发放", "亿元", "外出务工"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_SCORED_WORDS), max_size=18).map("".join))
def test_shortcuts_cues_scored_from_the_least_up_change_no_draft(extractor: Extractor,
                                                                 sentence: str) -> None:
    # `MetricResolver._by_cue` scores the cues that fit from the least score they can have up
    # and stops where none can win (`_least_first`): the drafts are those of scoring every cue
    # in text order and keeping a strictly less score, and no score leaves its bounds
    from pipeline.resolve import metric

    def every_cue(candidates: Any, stands: Any, score: Any) -> Any:
        best = None
        for candidate in candidates:  # (built in text order)
            if not stands(candidate):
                continue
            value = score(candidate)
            assert candidate.least <= value <= candidate.most
            if best is None or value < best[0]:
                best = (value, candidate)
        return best[1] if best is not None else None

    def find() -> Any:  # a new sentence each time: no word boundaries kept between the runs
        extractor.sentences._boundaries.cache_clear()  # type: ignore[attr-defined]
        return extractor.sentences.find(sentence, published=dt.date(2020, 4, 28), topical=True)

    lazy = extractor.resolver.link(find())
    least_first, metric._least_first = metric._least_first, every_cue  # type: ignore[assignment]
    try:
        assert extractor.resolver.link(find()) == lazy
    finally:
        metric._least_first = least_first


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.booleans(), st.booleans()), max_size=8))
def test_shortcuts_least_first_is_the_first_least_score(cues: list[tuple[int, bool, bool]]) -> None:
    # `_least_first` over candidates of equal and close scores (ties, bounds met): the one
    # scoring each in order and keeping a strictly less score keeps
    from pipeline.resolve.metric import _Candidate, _least_first

    candidates = [_Candidate(least / 2, least / 2 + 2.0, order, None, None, None, 0)  # type: ignore[arg-type]
                  for order, (least, _, _) in enumerate(cues)]
    inside = {order: word for order, (_, word, _) in enumerate(cues)}
    standing = {order: stands for order, (_, _, stands) in enumerate(cues)}

    def score(candidate: _Candidate) -> float:
        return candidate.most if inside[candidate.order] else candidate.least

    best = None
    for candidate in candidates:
        if standing[candidate.order] and (best is None or score(candidate) < score(best)):
            best = candidate
    assert _least_first(candidates, lambda c: standing[c.order], score) == best


_TARGET_WORDS = ["预期目标是", "目标为", "力争实现", "完成", "实现了", "：", "；", "。", "！", ":", ";", "——", "城镇新增就业",
                 "900万人", "以上", "全年", " ", "\u3000", "目标", "实现"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_TARGET_WORDS), max_size=8).map("".join), max_size=8))
def test_shortcuts_text_without_target_lead_in_learns_no_target(extractor: Extractor,
                                                               sentences: list[str]) -> None:
    # `Extractor._learn_targets` reads nothing when the text names no lead-in of targets
    # (`ArticleContext.names_targets`): it then announces nothing and has nothing to end
    names = any(word in "".join(sentences) for word in extractor.lexicon.modifiers.target_lead_ins)
    gazetteer = extractor.gazetteer
    shortcut = ArticleContext(published=None, primary=None, gazetteer=gazetteer, names_targets=names)
    reading = ArticleContext(published=None, primary=None, gazetteer=gazetteer)
    for sentence in sentences:
        extractor._learn_targets(sentence, shortcut)
        extractor._learn_targets(sentence, reading)
        assert shortcut.targets_follow == reading.targets_follow


def test_shortcuts_texts_without_target_lead_in_change_no_record(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # the corpus gives the same documents when every sentence is read for targets
    documents = list(snapshot.corpus_documents(snapshot.find_archive()))
    shortcut = [extractor.process(raw) for raw in documents]
    article_context = Extractor._article_context

    def reading(self: Extractor, *args: Any) -> ArticleContext:
        article = article_context(self, *args)
        article.names_targets = True
        return article

    monkeypatch.setattr(Extractor, "_article_context", reading)
    assert [extractor.process(raw) for raw in documents] == shortcut


_UNDER_TEN_WORDS = [*_CUE_WORDS, "一家", "两名", "三个", "五位", "八成", "两辆客车", "三趟专列", "百分之五", "一半", "六七个",
                    "求人倍率为1.2", "求人倍率", "岗位需求比", "9", "7名", "两", "三", "项目", "复工", "倍", "减班休息", "实施单位"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_UNDER_TEN_WORDS), max_size=16).map("".join), st.booleans(),
       st.booleans(), st.booleans())
def test_shortcuts_sentence_of_words_under_ten_gives_no_draft(
        extractor: Extractor, sentence: str, topical: bool, listed: bool, topic: bool) -> None:
    # `SentenceResolver.gives_no_draft`: the Extractor makes no findings of such a sentence,
    # whatever the paragraph before it left (hints of every unit, a topic, a list going on)
    from schemas import Metric, Unit

    quantities = extractor.quantities.find(sentence)
    if not extractor.resolver.gives_no_draft(sentence, quantities):
        return
    hints = {unit: (Metric.other, "其他", unit) for unit in Unit}
    found = extractor.sentences.find(
        sentence, published=dt.date(2020, 4, 28), topical=topical, metric_hints=hints,
        subject_hints={metric: "员工" for metric in Metric}, continues_list=listed,
        topic=extractor.lexicon.modifiers.topics[0] if topic else None, targets=listed,
        quantities=quantities)
    assert extractor.resolver.link(found) == []


def test_shortcuts_sentences_of_words_under_ten_change_no_record(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # the corpus gives the same documents when every gated sentence is linked
    documents = list(snapshot.corpus_documents(snapshot.find_archive()))
    shortcut = [extractor.process(raw) for raw in documents]
    monkeypatch.setattr(type(extractor.resolver), "gives_no_draft", lambda *args: False)
    assert [extractor.process(raw) for raw in documents] == shortcut


_GATE_WORDS = [*_CUE_WORDS, "减班休息", "轮休", "农民工", "劳动力", "复工复产", "用工", "就业岗", "位", "，", "。"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS), max_size=14).map("".join), st.integers(0, 40),
       st.integers(0, 40))
def test_shortcuts_gate_words_of_the_text_answer_mentions_work(extractor: Extractor, text: str,
                                                               start: int, size: int) -> None:
    # `Lexicon.mentions_work` told by the gate words of the whole text where they show none
    # in a slice (`_names`): the answer of the scan of the slice
    from pipeline.process import _names

    lexicon = extractor.lexicon
    words = lexicon.gate_words(text)
    assert words is not None
    start, end = min(start, len(text)), min(start + size, len(text))
    sentence = text[start:end]
    assert lexicon.mentions_work(sentence, _names(words, start, end)) == lexicon.mentions_work(sentence)


def test_shortcuts_place_updates_made_late_change_no_record(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # the Extractor updates the place state only when a record reads it (`_PlaceWork`): the
    # corpus gives the same documents as when each update is made at once
    documents = list(snapshot.corpus_documents(snapshot.find_archive()))
    late = [extractor.process(raw) for raw in documents]
    monkeypatch.setattr(_PlaceWork, "later", lambda self, update, *args: update(*args))
    at_once = [extractor.process(raw) for raw in documents]
    assert sum(len(document.records) for document in at_once) > 1000
    assert late == at_once


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_CUE_WORDS, "3月", "当天", "同期", "今年", "去年"]), max_size=16)
       .map("".join))
def test_shortcuts_times_and_places_found_late_are_found_at_once(extractor: Extractor,
                                                                  sentence: str) -> None:
    # `SentenceFinder.find` finds a sentence's times and places when a rule first reads them
    published, anchor = dt.date(2020, 4, 28), dt.date(2020, 4, 20)
    found = extractor.sentences.find(sentence, published=published, anchor=anchor, period="2020-03")
    times = extractor.times.find(sentence, published, anchor, "2020-03")
    places = find_places(extractor.gazetteer, sentence, extractor.lexicon.markers(sentence))
    for late, at_once in ((found.times, times), (found.places, places)):
        assert len(late) == len(at_once) and bool(late) == bool(at_once)
        assert list(late) == at_once and list(reversed(late)) == at_once[::-1]
        assert late[1:] == at_once[1:] and [late[i] for i in range(len(late))] == at_once


def test_shortcuts_times_found_late_change_no_record(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # a part's times (`_TimeChain`) and a sentence's times and places (`Found`) are found when
    # first read: the corpus gives the same documents as when each is found at once
    documents = list(snapshot.corpus_documents(snapshot.find_archive()))
    late = [extractor.process(raw) for raw in documents]
    found_at_once = Found.__init__

    def at_once(self: Found[Any], find: Any) -> None:
        found_at_once(self, find)
        len(self)  # found now

    monkeypatch.setattr(Found, "__init__", at_once)
    assert [extractor.process(raw) for raw in documents] == late


_NUMBER_WORDS = ["3", "5.2", "12", "1,200", "2 318 700", "２", "０", "万", "亿", "人", "%", "个百分点", "、", "和",
                 "。", "；", "！", "？", ";", "!", "?", ".", " ", "约", "超过", "以上", "多", "第", "号", "/", "2/3",
                 "三分之一", "百分之", "五六", "三千余", "个", "家", "名", "成", "至", "—", "-", "增长", "就业",
                 "岗位", "，", "\n", "上万", "数百", "倍", "2020年", "月", "日", "G"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_WORDS), max_size=30).map("".join))
def test_shortcuts_sentence_quantities_from_the_part_are_found_again(extractor: Extractor,
                                                                     text: str) -> None:
    # the quantities of a sentence taken from its part's (`_sentence_quantities`) are those
    # `QuantityFinder.find` gives for the sentence, wherever the shortcut answers
    finder = extractor.quantities
    in_part = finder.find(text)
    for start, end in iter_sentences(text, budgeted=False):
        sentence = text[start:end][:12]  # cut as the plan cuts a long sentence
        taken = _sentence_quantities(text, in_part, start, start + len(sentence), 12)
        if taken is not None:
            assert taken == finder.find(sentence), (text, start, end)


_TITLE_CHARS = ["返", "岗", "复", "工", "6", "5", "A", "b", "_", " ", "\u3000", "，", "：", "“", "”", "—",
                "·", "é", "٣", "\t", "-", "."]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_CHARS), max_size=24).map("".join),
       st.lists(st.sampled_from(_TITLE_CHARS), max_size=12).map("".join), st.booleans())
def test_shortcuts_same_words_reads_the_start_first(text: str, title: str, as_key: bool) -> None:
    # a line is a repeated headline when its letters and digits are the title's: the test that
    # reads the line's start first (`_same_words`) answers as comparing the whole word keys
    key = _word_key(title) if as_key else title  # (a key with other characters never matches)
    assert _same_words(text, key) == (_word_key(text) == key)
    assert _same_words(title + text, _word_key(title)) == (_word_key(title + text) == _word_key(title))


_QUOTED_WORDS = ["“", "”", "《", "》", "「", "」", "『", "』", "苏州", "就在", "招聘活动", "，", "。", "公司在东莞的生产基地"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_QUOTED_WORDS), max_size=20).map("".join))
def test_shortcuts_quotes_found_once_answer_as_quoted(text: str) -> None:
    # a body's places ask whether they stand in quotes with the marks found once (`Quotes`):
    # the answer at every position is `quoted`'s, which counts the marks before it again
    quotes = Quotes(text)
    assert [quotes.quoted(i) for i in range(len(text) + 1)] == [
        quoted(text, i) for i in range(len(text) + 1)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*_WORDS, "臺灣", "後", "乾隆", "０", "％", "<b>", "\ud800"]),
                         max_size=10).map("".join), max_size=8))
def test_shortcuts_kept_simplified_forms_are_fresh_ones(extractor: Extractor, texts: list[str]) -> None:
    # the clean stage and the view convert the same text: the kept answer is a new conversion's
    converter = extractor.converter
    for text in [*texts, *reversed(texts)]:
        fresh = converter._apply_fixes(converter._convert_run(text))
        assert converter.to_simplified(text) == fresh
        view = converter.view(text)
        assert view.text == converter._apply_fixes(converter._convert_run(
            "".join(view.original[i] for i in view.offsets)))


# what the parts before a part leave (a period and a day named, targets announced, a topic,
# places) and sentences whose drafts read it, or seem to: 同期, firms and their verbs, lists
_BEFORE_PARTS = ["", "2020年3月，全市城镇新增就业1.2万人，同比增长5%。\n",
                 "今年主要预期目标是：\n", "记者4月20日获悉，大庆市减班休息企业增多。\n",
                 "一季度，全省规上企业复工率达98%，比上年同期提高3个百分点。\n"]
_PART_WORDS = [*_SCORED_WORDS, "同期", "上年同期", "比上年同期", "同比", "减班休息", "实施单位", "；", "农业部门为",
               "32家企业", "2月15日前", "全部复工", "低于", "全国", "。", "\n", "一季度", "当天", "分别为", "91.3%",
               "和", "1,200人", "两家", "三名", "贷款", "项目", "6.5万人", "万元", "每人"]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(_BEFORE_PARTS), st.lists(st.sampled_from(_PART_WORDS), max_size=40).map("".join),
       st.sampled_from(["", "\n据悉，就业形势稳定。", "\n全市新增就业3000人。"]))
def test_shortcuts_parts_without_a_draft_change_no_document(
        extractor: Extractor, before: str, part: str, after: str) -> None:
    # `Extractor._may_yield`: a part the plan passes over as giving no draft, whatever the
    # parts before it left, changes nothing: the documents are those of reading every part
    # that holds a gated sentence (as before the shortcut)
    reading = copy.copy(extractor)
    reading._may_yield = lambda part, published: True  # type: ignore[method-assign]
    raw = RawDocument(content=before + part + after, source="test", doc_id="test",
                      metadata={"published_at": "2020-04-28", "title": "就业"})
    assert extractor.process(raw) == reading.process(raw)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_PART_WORDS), max_size=16).map("".join), st.booleans(), st.booleans(),
       st.booleans())
@example("全国32家企业比家平均高于上年同期复工", False, False, False)  # 同期 after a period: a firm's verb
def test_shortcuts_sentence_without_a_draft_gives_none_after_any_part(
        extractor: Extractor, sentence: str, topical: bool, topic: bool, listed: bool) -> None:
    # `Extractor._drafts_in`: a sentence it finds no draft in gives none whatever the parts
    # before left (a day and a period named, targets announced, subject hints); the metric
    # hints stay empty up to a part's first draft
    from schemas import Metric

    published = dt.date(2020, 4, 28)
    quantities = extractor.quantities.find(sentence)
    paragraph_topic = extractor.lexicon.modifiers.topics[0] if topic else None
    if extractor._drafts_in(sentence, quantities, published, topical, paragraph_topic, listed):
        return
    for anchor, period in ((None, None), (dt.date(2020, 4, 20), "2020-03"), (None, "2019")):
        found = extractor.sentences.find(
            sentence, published=published, anchor=anchor, period=period, topical=topical,
            subject_hints={metric: "员工" for metric in Metric}, topic=paragraph_topic,
            targets=period is not None, continues_list=listed, quantities=quantities)
        assert extractor.resolver.link(found) == []


def test_shortcuts_period_places_tell_a_same_period_word(extractor: Extractor) -> None:
    # 同期 is a time only after a period was named: the shortcut then lets the part be read
    published = dt.date(2020, 4, 28)
    assert _period_places(extractor.times, "比上年同期增长5%", published)
    assert not _period_places(extractor.times, "3月城镇新增就业1万人，当天", published)


def test_shortcuts_parts_without_a_draft_change_no_record(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # the corpus gives the same documents when every part that holds a gated sentence is read
    documents = list(snapshot.corpus_documents(snapshot.find_archive()))
    passed: list[bool] = []
    may_yield = Extractor._may_yield

    def counted(self: Extractor, *args: Any) -> bool:
        passed.append(may_yield(self, *args))
        return passed[-1]

    monkeypatch.setattr(Extractor, "_may_yield", counted)
    shortcut = [extractor.process(raw) for raw in documents]
    assert passed.count(False) > 50  # the shortcut is taken
    monkeypatch.setattr(Extractor, "_may_yield", lambda *args: True)
    assert [extractor.process(raw) for raw in documents] == shortcut


_OFF_TOPIC_WORDS = [*_PART_WORDS, "农民工", "本地农民工", "外出务工", "我国有", "项目", "重大项目", "开工", "全面复工", "累计",
                    "转移就业", "新增就业", "城镇新增就业", "招聘会", "求职者", "提供岗位", "失业率", "复工率", "员工中有", "劳动力",
                    "吸纳", "培训", "补贴", "发放", "资金", "亿元", "家企业", "名工人", "人次", "求人倍率为1.35", "其中",
                    "稳岗返还企业", "为", "向", "罢工", "乘坐", "抵达", "满负荷生产的有", "万个", "2.88亿"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_OFF_TOPIC_WORDS), max_size=18).map("".join), st.booleans(),
       st.booleans())
@example("我国有2.88亿农民工", False, False)  # a workforce noun, no cue
@example("全县300个重大项目全面复工", False, False)  # projects resuming work
def test_shortcuts_off_topic_sentence_without_a_specific_word_gives_no_draft(
        extractor: Extractor, sentence: str, listed: bool, targets: bool) -> None:
    # `SentenceResolver.gives_no_draft_off_topic`: in a paragraph not about work, with no
    # draft before it in the paragraph (no metric hints), such a sentence links to no draft
    # whatever else the paragraph left (subject hints, a list going on, a day and period)
    from schemas import Metric

    if not extractor.resolver.gives_no_draft_off_topic(sentence, None):
        return
    found = extractor.sentences.find(
        sentence, published=dt.date(2020, 4, 28), anchor=dt.date(2020, 4, 20), period="2020-03",
        topical=False, subject_hints={metric: "员工" for metric in Metric}, continues_list=listed,
        targets=targets)
    assert extractor.resolver.link(found) == []


def test_shortcuts_off_topic_words_tell_a_specific_metric(extractor: Extractor) -> None:
    # each way to a metric outside the generic ones keeps the sentence linked
    resolver = extractor.resolver
    topic = extractor.lexicon.modifiers.topics[0]
    for sentence in ("我国有2.88亿农民工", "300个重大项目全面复工", "累计帮扶转移就业1213万人",
                     "举办招聘会12场", "求职者3000人", "城镇调查失业率为5.2%"):
        assert not resolver.gives_no_draft_off_topic(sentence, None), sentence
    assert not resolver.gives_no_draft_off_topic("实施单位320家", topic)
    assert resolver.gives_no_draft_off_topic("发放资金3000万元", None)


def test_shortcuts_off_topic_sentences_change_no_record(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # the corpus gives the same documents when every gated sentence off the topic is linked
    documents = list(snapshot.corpus_documents(snapshot.find_archive()))
    told: list[bool] = []
    off_topic = type(extractor.resolver).gives_no_draft_off_topic

    def counted(self: Any, *args: Any) -> bool:
        told.append(off_topic(self, *args))
        return told[-1]

    monkeypatch.setattr(type(extractor.resolver), "gives_no_draft_off_topic", counted)
    shortcut = [extractor.process(raw) for raw in documents]
    assert told.count(True) > 50  # the shortcut is taken
    monkeypatch.setattr(type(extractor.resolver), "gives_no_draft_off_topic", lambda *args: False)
    assert [extractor.process(raw) for raw in documents] == shortcut


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*_OFF_TOPIC_WORDS, "“外来务工”人员", "“农民”工", "外来务工", "人员", "高校应届毕业生",
                                 "“", "”", "；", "。", "！"]), max_size=30).map("".join))
@example("全县“外来务工”人员2.1万人。")  # a quoted group makes the noun 外来务工人员
def test_shortcuts_paragraph_off_topic_scan_answers_as_its_sentences(
        extractor: Extractor, paragraph: str) -> None:
    # `SentenceResolver.paragraph_gives_no_draft_off_topic`: one scan of a paragraph tells
    # what `gives_no_draft_off_topic` tells of each sentence, and no sentence opens a topic
    resolver, lexicon = extractor.resolver, extractor.lexicon
    assert resolver._specific_scan is not None  # (the shipped data can be scanned)
    if not resolver.paragraph_gives_no_draft_off_topic(paragraph):
        return
    for start, end in iter_sentences(paragraph, budgeted=False):
        sentence = paragraph[start:end]
        assert lexicon.topic_of(sentence) is None
        assert resolver.gives_no_draft_off_topic(sentence, None)


def test_shortcuts_off_topic_parts_change_no_record(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # the corpus gives the same documents when the plan reads every gated part off the topic
    documents = list(snapshot.corpus_documents(snapshot.find_archive()))
    told: list[bool] = []
    scan = type(extractor.resolver).paragraph_gives_no_draft_off_topic

    def counted(self: Any, *args: Any) -> bool:
        told.append(scan(self, *args))
        return told[-1]

    monkeypatch.setattr(type(extractor.resolver), "paragraph_gives_no_draft_off_topic", counted)
    shortcut = [extractor.process(raw) for raw in documents]
    assert told.count(True) > 20  # the shortcut is taken
    monkeypatch.setattr(type(extractor.resolver), "paragraph_gives_no_draft_off_topic",
                        lambda *args: False)
    assert [extractor.process(raw) for raw in documents] == shortcut


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SCORED_WORDS), max_size=12).map("".join), max_size=6),
       st.lists(st.integers(0, 40), max_size=12))
def test_shortcuts_word_boundaries_kept_answer_as_new_ones(
        extractor: Extractor, sentences: list[str], offsets: list[int]) -> None:
    # `SentenceFinder.find` keeps the word boundaries of its last sentences: the kept ones,
    # asked again in any order, answer as boundaries made anew
    from pipeline.extract.segment import WordBoundaries

    finder = extractor.sentences
    for sentence in [*sentences, *reversed(sentences)]:
        kept = finder.find(sentence).token_starts, finder.find(sentence).token_ends
        fresh = WordBoundaries(sentence)
        for offset in [*offsets, *reversed(offsets)]:
            assert (offset in kept[0], offset in kept[1]) == (offset in fresh.starts,
                                                              offset in fresh.ends)
