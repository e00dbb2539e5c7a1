"""One raw article in, one validated `ExtractedDocument` out.

Stages: read/decode -> (HTML to text) -> clean -> convert (Simplified view with
offset map) -> plan the paragraphs (their quantities, found with one regex scan, and which
sentences pass the gates; the paragraphs after the last whose gated sentences give a draft
are not read) -> per paragraph: analyse only the sentences that pass (the finders by characters;
jieba segments a block of a sentence only when a rule asks where its words start), keep the
state later paragraphs read (the place state is updated only when a record reads it) ->
assemble -> validate (pydantic, once, at the end).

`Extractor` holds what is costly to build (OpenCC, the finders, the gazetteer; jieba's
dictionary on first use) and is made once per process; `Extractor.process` never raises for a
bad document: each failure becomes a coded `DocError` on the returned document.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, NamedTuple

from pydantic import ValidationError

from pipeline.budget import check as check_budget
from pipeline.budget import time_budget
from pipeline.document import RawDocument
from pipeline.errors import PipelineError, doc_error
from pipeline.extract.findings import Found
from pipeline.extract.gazetteer import Gazetteer, Place, lies_in, shared_gazetteer
from pipeline.extract.learned_places import attach as attach_learned_places
from pipeline.extract.lexicon import Topic, shared_lexicon
from pipeline.extract.numbers import Quantity, QuantityFinder
from pipeline.extract.sentence import SentenceFinder
from pipeline.extract.timex import TimeFinder, TimeMention
from pipeline.ingest.clean import CleanedPage, Cleaner, PageMeta, parse_hint_date
from pipeline.ingest.convert import Converter, TextView
from pipeline.ingest.html import html_to_text
from pipeline.ingest.read import declared_charset, decode, unstorable_replaced
from pipeline.ingest.sentences import iter_sentences, paragraph_parts
from pipeline.resolve.assemble import record_dict
from pipeline.resolve.context import ArticleContext, ParagraphContext
from pipeline.resolve.date import last_day, last_period
from pipeline.resolve.learned_metric import attach as attach_learned_metric
from pipeline.resolve.metric import LIST_UNITS
from pipeline.resolve.region import (
    PrimaryRegionResolver,
    firm_place,
    learn_firms,
    learn_places,
    paragraph_place,
)
from pipeline.resolve.sentence import SentenceResolver
from pipeline.resolve.subject import learn_subjects
from pipeline.settings import Settings
from pipeline.validate import Plausibility, body_notes
from schemas import ArticleMeta, DocError, ExtractedDocument, Script, Sector, StatRecord

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_NON_SPACE = re.compile(r"\S")


class Extractor:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.converter = Converter()
        self.gazetteer = shared_gazetteer()
        self.cleaner = Cleaner(places=self.gazetteer)
        self.quantities = QuantityFinder()
        self.times = TimeFinder()
        self.lexicon = shared_lexicon()
        self.sentences = SentenceFinder(self.quantities, self.lexicon, self.times, self.gazetteer)
        self.resolver = SentenceResolver(self.lexicon)
        # the learned components (issue 12), switched by the settings; missing models: rules only
        attach_learned_metric(self.resolver.metrics, self.settings.learned_metric,
                              policy=self.settings.learned_metric_policy)
        attach_learned_places(self.sentences, self.settings.learned_places)
        self.primary_regions = PrimaryRegionResolver(self.gazetteer, self.lexicon)
        self.plausibility = Plausibility()

    # -- the document ----------------------------------------------------------------
    def process(self, raw: RawDocument) -> ExtractedDocument:
        """The document of `raw`, within the time budget; what went wrong is on its errors."""
        notes: list[DocError] = []  # what reading found wrong and read past
        with time_budget(self.settings.time_budget):
            try:
                document = self._process(raw, notes)
            except PipelineError as error:  # the budget ran out outside the paragraph loop
                document = _failed(raw.doc_id or content_id(raw.content), raw.source, "",
                                   error.to_doc_error())
        if notes:
            document = document.model_copy(update={"errors": [*notes, *document.errors]})
        return document

    def _process(self, raw: RawDocument, notes: list[DocError]) -> ExtractedDocument:
        doc_id = raw.doc_id or content_id(raw.content)
        errors: list[DocError] = []
        try:
            text, hints = self._read(raw, notes)
        except PipelineError as error:
            return _failed(doc_id, raw.source, "", error.to_doc_error())
        try:
            page = self.cleaner.clean(text, self.converter, hints)
        except PipelineError as error:
            return _failed(doc_id, raw.source, text, error.to_doc_error(),
                           self.converter.detect_script(text))
        view = self.converter.view(text)
        ranges = self._paragraph_ranges(view, page)
        article = self._article_context(page.meta, view, ranges)
        records: list[dict[str, Any]] = []
        parts: list[_Part] = []
        last = -1
        try:
            parts, last = self._plan(view, ranges, article.published)
            check_budget()  # what ran out while reading stops here, as in the loop below
        except PipelineError as error:
            errors.append(error.to_doc_error())
            last = -1
        except Exception as exc:  # as in the loop: a coded error, never an exception
            logger.exception("extraction failed in %s", doc_id)
            errors.append(doc_error("extract.failed", reason=f"{type(exc).__name__}: {exc}"))
            last = -1
        # the place state is updated only when a record reads it (most documents have none)
        places = _PlaceWork(self.gazetteer, view.text)
        # and the times of a part only when a sentence or a record reads them
        times = _TimeChain(self.times, article.published)
        lead: str | None = None  # the last part that is no item of a ——list: the list's lead-in
        for index, part in enumerate(parts[: last + 1]):
            places.later(self._open_part, view, part, article)
            # the place a part leaves is read only by the next part, when it continues it
            carry = index < last and parts[index + 1].continues
            item = part.text.lstrip(_LEAD_SPACE).startswith(_LIST_DASHES)
            lead_in = lead if item else None
            if not item:
                lead = part.text
            try:
                check_budget()
                records.extend(self._paragraph_records(view, part, article, carry, index == last,
                                                       places, times, lead_in))
            except PipelineError as error:  # the time budget: keep what was found
                errors.append(error.to_doc_error())
                break
            except Exception as exc:
                logger.exception("extraction failed in %s", doc_id)
                errors.append(doc_error("extract.failed", reason=f"{type(exc).__name__}: {exc}"))
        body = "\n".join(text[p.start : p.end] for p in page.paragraphs)
        return self._validated(doc_id, raw.source, text, body, page.meta, article, records, errors)

    def _read(self, raw: RawDocument, notes: list[DocError]) -> tuple[str, dict[str, Any]]:
        """The text and the metadata hints of `raw`; what is wrong but readable goes to `notes`.

        NUL characters and lone surrogates, which no output can store, become U+FFFD
        (one for one, so offsets hold); a date hint that is no date is noted.
        """
        if raw.read_error is not None:
            code, details = raw.read_error
            raise PipelineError(code, **details)
        notes.extend(doc_error(code, **details) for code, details in raw.notes)
        hints = dict(raw.metadata)
        content = raw.content
        encodable = False  # known to hold no lone surrogate
        if isinstance(content, str):
            try:  # one encoding gives the size and tells that no lone surrogate is in it
                size = len(content.encode("utf-8"))
                encodable = True
            except UnicodeEncodeError:
                size = len(content.encode("utf-8", "surrogatepass"))
        else:
            size = len(content)
        if size > self.settings.max_bytes:
            raise PipelineError("read.too_large", size=size, limit=self.settings.max_bytes)
        if isinstance(content, bytes):
            declared = declared_charset(content) if raw.media_type == "html" else None
            decoded = decode(content, declared)
            notes.extend(decoded.notes)
            text = decoded.text
        else:
            text = content
        text, hints = unstorable_replaced(text, hints, notes, text_encodable=encodable)
        published = hints.get("published_at") or hints.get("date")
        if isinstance(published, str) and published.strip() \
                and parse_hint_date(published) is None:
            notes.append(doc_error("read.bad_date", value=published[:40]))
        if not text.strip():
            raise PipelineError("read.empty")
        if raw.media_type == "html":
            page = html_to_text(text)
            hints = {**{k: v for k, v in page.meta.items() if v}, **hints}
            if page.title and not hints.get("title"):
                hints["title"] = page.title
            text = page.text
        return text, hints

    # -- context -----------------------------------------------------------------------
    def _article_context(self, meta: PageMeta, view: TextView, ranges: list[tuple[int, int]]
                         ) -> ArticleContext:
        paragraphs = [view.text[start:end] for start, end in ranges]
        traditional = self.converter.detect_script(view.original) is not Script.simplified
        primary, national = self.primary_regions.resolve(
            meta.place_hints, meta.title, meta.outlet, view.text, paragraphs, traditional
        )
        lead_ins = self.lexicon.modifiers.target_lead_ins
        return ArticleContext(
            published=_parse_date(meta.published_at), primary=primary,
            gazetteer=self.gazetteer, national=national, outlet=meta.outlet,
            names_targets=any(word in view.text for word in lead_ins),
        )

    @staticmethod
    def _paragraph_ranges(view: TextView, page: CleanedPage) -> list[tuple[int, int]]:
        """Body paragraphs as [start, end) ranges of the analysis view (found once)."""
        ranges = []
        offsets = view.offsets
        for paragraph in page.paragraphs:
            start = bisect.bisect_left(offsets, paragraph.start)
            end = bisect.bisect_left(offsets, paragraph.end)
            if start < end:
                ranges.append((start, end))
        return ranges

    @staticmethod
    def _paragraph_parts(view: TextView, ranges: list[tuple[int, int]]
                         ) -> Iterator[tuple[int, int, bool]]:
        """Paragraphs as the contract reads them: transcripts split at turns and points."""
        for start, end in ranges:
            yield from paragraph_parts(view.text, start, end)

    # -- paragraphs and sentences --------------------------------------------------------
    def _plan(self, view: TextView, ranges: list[tuple[int, int]], published: dt.date | None
              ) -> tuple[list[_Part], int]:
        """The parts of the body, and the index of the last that can yield a record (-1: none).

        State flows only forward through the parts (places seen, targets, the last day and
        period, a carried place), so the parts after that one change nothing that is written
        and are not read at all. A part can yield a record only when a sentence of it holds a
        figure and passes the gate of `_paragraph_records`, and when its gated sentences give
        a draft (`_may_yield`: whether they do is decided within the part); the parts are
        tried from the end, and a part whose text names no gate word at all is passed over
        without its figures.
        """
        # a numbered point goes on with its speaker, a quote with the scene before it
        parts = [_Part(start, end, continues or _opens_quote(view.text, start), view.text[start:end])
                 for start, end, continues in self._paragraph_parts(view, ranges)]
        _mark_repeats(view.text, parts)
        # the gate's words are found in the whole text at once (one scan, not one a part)
        words = self.lexicon.gate_words(view.text)
        for part in parts:  # one scan a part: the loops below and `_read_part` read the answer
            named = None if words is None else _names(words, part.start, part.end)
            part.gates = self.lexicon.may_pass_gate(part.text, named) or "其中" in part.text
        last = -1
        for index in range(len(parts) - 1, -1, -1):
            part = parts[index]
            if part.repeats:
                continue  # a summary box that repeats the body yields nothing (the contract)
            if part.gates and not self._off_topic(part):
                self._read_part(view, part, words)
                if part.last_gated >= 0 and self._may_yield(part, published):
                    last = index
                    break
        for part in parts[: max(last, 0)]:
            if part.repeats:
                continue  # read as a part without figures: its words still carry state
            if len(part.text) > self.settings.max_sentence_chars or part.gates:
                self._read_part(view, part, words)
            else:  # no sentence of it passes the gate: whether it holds a figure is enough
                self._read_figures(view, part)
        return parts, last

    def _read_figures(self, view: TextView, part: _Part) -> None:
        """Whether a part that yields no record holds figures (its state differs then), and
        its sentences; which sentences hold a figure matters only where one is cut short."""
        text = part.text
        part.figures = (self.quantities.any_in(text) or (
            ("倍" in text or "比" in text) and bool(self.lexicon.ratio_positions(text)))
        ) and not self._is_heading(view, part.start, part.end)
        if part.figures:
            part.sentences = [_Sentence(s_start, s_end)
                              for s_start, s_end in iter_sentences(text, budgeted=False)]

    def _read_part(self, view: TextView, part: _Part, words: list[tuple[int, int]] | None
                   ) -> None:
        """The figures of `part`, and for a part with figures its sentences and their gates;
        `words`: the gate words of the whole text (`Lexicon.gate_words`), None when unknown."""
        text = part.text
        part.quantities = self.quantities.find(text)
        part.ratios = self.lexicon.ratio_positions(text) if "倍" in text or "比" in text else []
        part.figures = bool(part.quantities or part.ratios) and not self._is_heading(
            view, part.start, part.end)
        if not part.figures:
            return
        positions = sorted([q.start for q in part.quantities] + part.ratios)
        gates = part.gates
        # a topic carries from the sentence that opens it: only then is the topic read
        topical = gates and self.lexicon.topic_words_in(text)
        topic_seen = False
        after_list = False  # the sentence before was gated and ended with ；: a list goes on
        for s_start, s_end in iter_sentences(text, budgeted=False):
            index = bisect.bisect_left(positions, s_start)
            positioned = index < len(positions) and positions[index] < s_end
            gated = own = False
            continues_list = after_list
            if positioned:
                sentence = text[s_start:s_end][: self.settings.max_sentence_chars]
                own = gates and (
                    self.lexicon.mentions_work(sentence, None if words is None else _names(
                        words, part.start + s_start, part.start + s_start + len(sentence)))
                    or self.lexicon.cue_patterns_match(sentence)
                    or sentence.lstrip().startswith("其中")  # 其中，长春市已达75.7%: a breakdown
                    or topic_seen  # 减班休息…；实施单位320家: the topic carries (v2)
                )
                # 工业部门就业人数为406万人；农业部门为51万人: the list goes on
                gated = own or (gates and after_list)
            else:
                sentence = text[s_start:s_end]
            after_list = gated and _ends_list(text, s_start, s_end)
            if gated:
                part.last_gated = len(part.sentences)
            part.sentences.append(_Sentence(s_start, s_start + len(sentence), positioned, gated,
                                            continues_list, gated and not own))
            if topical and not topic_seen:
                topic_seen = self.lexicon.topic_of(sentence) is not None

    def _lead_period(self, lead_in: str, published: dt.date | None) -> str | None:
        """The time the lead-in of a ——list names last (去年，…完成全年主要目标任务): the time of
        its items' figures that name none."""
        return last_period(self.times.find(lead_in, published), len(lead_in))

    def _off_topic(self, part: _Part) -> bool:
        """A part not about work whose words give no sentence of it a metric outside the
        generic ones (`SentenceResolver.paragraph_gives_no_draft_off_topic`): it gives no
        draft, which the plan then knows without reading its figures and sentences."""
        return not self.lexicon.is_labour_topic(part.text) and (
            self.resolver.paragraph_gives_no_draft_off_topic(part.text))

    def _may_yield(self, part: _Part, published: dt.date | None) -> bool:
        """False when no gated sentence of `part` gives a draft in `_paragraph_records`,
        whatever the parts before it left; True when one may (or the test fails: the loop
        then meets the failure and reports it).

        Whether a sentence gives a draft reads only the part (`SentenceFindings` of the
        sentence; the part's topicality, topic and list; the metric hints, which stay empty
        up to a part's first draft, as `listed_drafts` stays false and the list items are
        skipped) and the publication day. The state the parts before leave (the place state,
        targets, the last day and period, subject hints) decides fields of a draft, not
        whether there is one; only where a 同期 stands does whether a period was named before
        change which times a sentence holds, and then the part may yield. A document whose
        gated parts give no draft (about two fifths of the archive) runs no paragraph loop.
        """
        try:
            return self._gives_draft(part, published)
        except Exception:  # as the loop would fail: it reports what went wrong
            return True

    def _gives_draft(self, part: _Part, published: dt.date | None) -> bool:
        """The loop of `_paragraph_records` up to a part's first draft, with what a draft
        reads of it: its gated sentences in order and the topic they carry."""
        text = part.text
        topical = self.lexicon.is_labour_topic(text)  # (a part with a gated sentence)
        topics = self.lexicon.topic_words_in(text)
        topic: Topic | None = None  # the topic carried to the sentence (`_carry_forward`)
        for s_start, s_end, _positioned, gated, continues_list, list_only in part.sentences[
                : part.last_gated + 1]:
            sentence = text[s_start:s_end]
            if gated and not list_only:  # (an item of a list goes on only after a draft)
                quantities = _sentence_quantities(text, part.quantities, s_start, s_end,
                                                  self.settings.max_sentence_chars)
                if quantities is None:
                    quantities = self.quantities.find(sentence)
                if not self._gives_no_draft(sentence, quantities, not topical, topic) and self._drafts_in(
                        sentence, quantities, published, topical, topic, continues_list):
                    return True
            if topics:
                topic = self.lexicon.topic_of(sentence) or topic
        return False

    def _gives_no_draft(self, sentence: str, quantities: list[Quantity], off_topic: bool,
                        topic: Topic | None) -> bool:
        """True when the linker gives `sentence` no draft, told without its findings: its
        numbers are all words under ten, or (`off_topic`) its paragraph is not about work, no
        sentence before it in the paragraph gave a draft (whose metric a breakdown or a list
        item may take), and it names nothing that gives a metric outside the generic ones
        (`SentenceResolver.gives_no_draft_off_topic`)."""
        resolver = self.resolver
        return resolver.gives_no_draft(sentence, quantities) or (
            off_topic and resolver.gives_no_draft_off_topic(sentence, topic))

    def _drafts_in(self, sentence: str, quantities: list[Quantity], published: dt.date | None,
                   topical: bool, topic: Topic | None, continues_list: bool) -> bool:
        """Whether the linker may give `sentence` a draft (no metric hints, no targets, no
        day or period named before), or its times depend on a period named before."""
        asked = False

        def when() -> tuple[dt.date | None, str | None]:
            nonlocal asked
            asked = True
            return None, None

        found = self.sentences.find(sentence, published=published, topical=topical, topic=topic,
                                    continues_list=continues_list, when=when,
                                    quantities=quantities)
        if self.resolver.link(found):
            return True
        # the rules read the times' places only; 同期 is one only after a named period
        return asked and _period_places(self.times, sentence, published)

    def _paragraph_records(
        self, view: TextView, part: _Part, article: ArticleContext, carry: bool, final: bool,
        places: _PlaceWork, times: _TimeChain, lead_in: str | None = None,
    ) -> list[dict[str, Any]]:
        """The records of one part, and the state it leaves for the parts after it.

        `carry`: the next part reads the place this one leaves; `final`: no part after this
        one is read, so nothing after its last gated sentence is; `places`: the document's
        place work, which keeps the updates of the place state (places seen, firms, the carried
        and the paragraph's place) in order until a record reads them: they read and write
        nothing else, and only a record (`record_dict`) reads them; `times`: the document's
        times, each part's found when first read (`_TimeChain`).
        """
        start, text = part.start, part.text
        if not part.figures:
            sentences = []
            for s_start, s_end in iter_sentences(text):
                sentence = text[s_start:s_end]
                sentences.append(sentence)
                self._learn_targets(sentence, article)
            places.later(self._learn_scene, sentences, article, carry)
            return []
        candidate = part.last_gated >= 0
        topical = candidate and self.lexicon.is_labour_topic(text)
        paragraph_times, step = times.open(text)
        paragraph = ParagraphContext(
            sector=self._framed_sector(text) if candidate else None,
            times=Found(lambda: [_shift(t, start) for t in paragraph_times]),
            lead_period=None if lead_in is None else partial(
                self._lead_period, lead_in, article.published),
        )
        places.later(_carried_into, paragraph, article)
        records = []
        hints: dict[Any, str] = {}
        metric_hints: dict[Any, Any] = {}
        listed_drafts = False  # the gated sentence before gave figures (a list may go on)
        for number, (s_start, s_end, positioned, gated, continues_list, list_only) in enumerate(
                part.sentences):
            check_budget()
            sentence = text[s_start:s_end]
            if number > part.last_gated:
                if final:
                    break  # nothing after the last gated sentence of the last part is read
                # what the parts after this one read: places seen, targets, the carried place
                places.later(self._learn_sentence_places, places, part, s_start, s_end,
                             sentence, article, paragraph, carry, False)
                self._learn_targets(sentence, article)
                continue
            if not gated:
                if not positioned and (self.lexicon.mentions_work(sentence)
                                       or self.lexicon.cue_patterns_match(sentence)):
                    learn_subjects(self.lexicon, sentence, hints)  # needs a metric cue to learn
                self._learn_context(sentence, article, paragraph, places, part, s_start, s_end)
                listed_drafts = False
                continue  # numbers in a sentence that names no work, population or metric
            if list_only and not listed_drafts:
                self._learn_context(sentence, article, paragraph, places, part, s_start, s_end)
                continue  # the item before gave no figure: this one has nothing to go on with
            quantities = _sentence_quantities(text, part.quantities, s_start, s_end,
                                              self.settings.max_sentence_chars)
            if quantities is None:
                quantities = self.quantities.find(sentence)
            off_topic = not topical and not metric_hints  # (a hint may name a specific metric)
            drafts = [] if self._gives_no_draft(sentence, quantities, off_topic, paragraph.topic
                                                ) else self.resolver.link(
                self.sentences.find(
                    sentence, published=article.published, subject_hints=dict(hints),
                    metric_hints=dict(metric_hints), topical=topical,
                    topic=paragraph.topic, targets=article.targets_follow,
                    continues_list=continues_list,
                    when=partial(times.anchor, step, paragraph_times, s_start),
                    quantities=quantities, paragraph=text,
                ))
            if list_only:  # an item of the list keeps only the figures that go on with it
                drafts = [d for d in drafts if d.unit in LIST_UNITS
                          and metric_hints.get(d.unit) == (d.metric, d.indicator, d.unit)]
            listed_drafts = bool(drafts)
            # 长沙县…全县: the county it names; then the firm the sentence names
            places.later(self._learn_sentence_places, places, part, s_start, s_end,
                         sentence, article, paragraph, False, True)
            if drafts:
                places.settle()  # the records read the place state
            for draft in drafts:
                metric_hints[draft.unit] = (draft.metric, draft.indicator, draft.unit)
                record = record_dict(draft, view, start + s_start, paragraph, article)
                if record is not None:
                    records.append(record)
            learn_subjects(self.lexicon, sentence, hints)
            self._carry_forward(sentence, article, paragraph, places, part, s_start, s_end)
        places.later(_carried_out, paragraph, article)
        times.close(text, paragraph_times)  # (not a part cut short: its times are not read)
        return records

    # -- the place state, updated when a record reads it (`_PlaceWork`) ------------------
    def _open_part(self, view: TextView, part: _Part, article: ArticleContext) -> None:
        """The place a part starts from: its section's (or the part before's, when it goes on)."""
        if self._is_heading(view, part.start, part.end):
            # a subhead that names a place sets the scene of the section under it, until
            # the next subhead (江苏昆山民营企业负责人盛玉林—— over a national story's scenes)
            article.section_place = paragraph_place(self.gazetteer, part.text,
                                                    self._context(article))
            article.section_scene = None
        if not part.continues:
            article.carried_place = article.section_scene or article.section_place

    def _learn_scene(self, sentences: list[str], article: ArticleContext, carry: bool) -> None:
        """The firms a part without figures introduces, and the place it carries on."""
        for sentence in sentences:
            learn_firms(self.gazetteer, sentence, article)  # 记者来到位于番禺区的浩洋电子股份有限公司
            if carry or article.section_place is not None:
                place = paragraph_place(self.gazetteer, sentence, self._context(article))
                if carry:
                    article.carried_place = place or article.carried_place
                _narrow_scene(article, place)

    def _learn_sentence_places(
        self, places: _PlaceWork, part: _Part, s_start: int, s_end: int, sentence: str,
        article: ArticleContext, paragraph: ParagraphContext, carry: bool, firm: bool,
    ) -> None:
        """The places a sentence of a part with figures names (where one can start); `carry`:
        the place it leaves for the next part; `firm`: the firm it names, for its records."""
        named = _holds(places.part_heads(part), s_start, s_end)
        if named:
            learn_places(self.gazetteer, sentence, article)
        if named and carry:
            self._leave_place(sentence, article, paragraph)
        if firm:
            paragraph.firm = firm_place(sentence, article) if article.firm_places else None

    def _paragraph_place(self, places: _PlaceWork, part: _Part, s_start: int, s_end: int,
                         sentence: str, article: ArticleContext,
                         paragraph: ParagraphContext) -> None:
        """The place a sentence leaves for the next sentences of its paragraph."""
        if _holds(places.part_heads(part), s_start, s_end):
            self._leave_place(sentence, article, paragraph)

    def _leave_place(self, sentence: str, article: ArticleContext,
                     paragraph: ParagraphContext) -> None:
        """The place `sentence` ties the account to, if any, becomes the paragraph's."""
        paragraph.place = paragraph_place(self.gazetteer, sentence, self._context(article)) or (
            paragraph.place)

    def _learn_context(self, sentence: str, article: ArticleContext, paragraph: ParagraphContext,
                       places: _PlaceWork, part: _Part, s_start: int, s_end: int) -> None:
        """What a sentence without figures tells the sentences after it: places and topic."""
        places.later(self._learn_sentence_places, places, part, s_start, s_end,
                     sentence, article, paragraph, False, False)
        self._carry_forward(sentence, article, paragraph, places, part, s_start, s_end)

    def _carry_forward(self, sentence: str, article: ArticleContext, paragraph: ParagraphContext,
                       places: _PlaceWork, part: _Part, s_start: int, s_end: int) -> None:
        """The paragraph state a sentence leaves for the next: announced targets, place, topic."""
        self._learn_targets(sentence, article)
        places.later(self._paragraph_place, places, part, s_start, s_end, sentence,
                     article, paragraph)
        paragraph.topic = self.lexicon.topic_of(sentence) or paragraph.topic

    def _learn_targets(self, sentence: str, article: ArticleContext) -> None:
        """预期目标是：… announces targets for what follows; a sentence without the colon ends them."""
        if not article.names_targets:
            return  # no sentence of the text names a lead-in: none announces, none has to end
        stripped = sentence.rstrip(" \u3000\n\r")
        lead_ins = self.lexicon.modifiers.target_lead_ins
        # 预期目标是：…；(the list goes on after the colon, item by item, to the full stop)
        announced = (stripped.endswith(("：", ":")) and any(word in stripped for word in lead_ins)) or (
            stripped.endswith(("；", ";")) and any(
                word in stripped[-12:] or stripped.startswith(("：", ":"), stripped.find(word) + len(word))
                for word in lead_ins if word in stripped))
        met = self.lexicon.modifiers.target_met_words
        if announced and not any(word in stripped[-16:] for word in met):
            article.targets_follow = True  # (提前完成全年目标任务；: a target met announces nothing)
        elif stripped.endswith(("。", "！", "？")) and not stripped.lstrip(" \u3000").startswith(
                _LIST_DASHES):
            article.targets_follow = False  # (——城镇新增就业900万人以上。: an item of the list goes on)

    @staticmethod
    def _context(article: ArticleContext) -> list[Place]:
        return [p for p in (article.primary, *article.places_seen[-3:]) if p is not None]

    @staticmethod
    def _is_heading(view: TextView, start: int, end: int) -> bool:
        """<p><strong>...</strong></p> or ● lines: a heading, and numbers in headings are not records."""
        o_start, o_end = view.to_original(start, end)
        original = view.original
        text = view.text[start:end].strip()
        if len(text) > 60 or text.endswith(("。", "；", "！", "？")):
            return False
        if not _NON_SPACE.search(view.text, 0, start) and not _NON_SPACE.search(view.text, end):
            return False  # the whole text is this one line (a news flash): no heading
        bold = original[max(0, o_start - 8) : o_start].endswith(("<strong>", "<b>")) and (
            original.startswith(("</strong>", "</b>"), o_end)
        )
        # a short line with no punctuation at all is a subhead (3.6万余人就近就业)
        bare = len(text) <= 25 and not any(mark in text for mark in "，。；：,;:、！？（(“")
        return bold or bare or original[o_start:o_end].lstrip().startswith(("●", "■", "▲", "◆"))

    def _framed_sector(self, paragraph: str) -> Sector | None:
        """一产方面，...: a paragraph introduced by a sector word is about that sector."""
        for marker in self.lexicon.markers(paragraph[:12]):
            if marker.label.startswith("sector:") and marker.start <= 2:
                return Sector(marker.label.split(":", 1)[1])
        return None

    # -- validation ----------------------------------------------------------------------
    def _validated(
        self,
        doc_id: str,
        source: str,
        text: str,
        body: str,
        meta: PageMeta,
        article: ArticleContext,
        records: list[dict[str, Any]],
        errors: list[DocError],
    ) -> ExtractedDocument:
        errors.extend(body_notes(body, self.quantities, self.settings.max_sentence_chars))
        records, implausible = self.plausibility.split(records)
        errors.extend(implausible)
        valid: list[StatRecord] = []
        for record in records:
            try:
                valid.append(StatRecord.model_validate(record))
            except ValidationError as exc:
                errors.append(doc_error("validate.record", reason=_first_error(exc)))
        region = article.primary_region()
        try:
            article_meta = ArticleMeta(
                title=meta.title, published_at=meta.published_at, outlet=meta.outlet,
                site=meta.site, authors=list(meta.authors), editor=meta.editor,
                dateline=meta.dateline, region=region,
            )
        except ValidationError as exc:
            errors.append(doc_error("validate.meta", reason=_first_error(exc)))
            article_meta = ArticleMeta(region=region)
        return ExtractedDocument(
            doc_id=doc_id, source=source, script=self.converter.detect_script(body or text),
            article=article_meta, text=text, records=valid, errors=errors,
        )


# a summary box (数字 + 截至4月21日…开工率和复岗率分别达99.1%和95.1%) is a short line without a full
# stop that a longer paragraph of the body says again; shorter lines are labels, longer paragraphs
_REPEAT_MIN, _REPEAT_MAX = 12, 120
# ——城镇新增就业900万人以上，…。: the dashes that open the items of a list of targets
_LIST_DASHES = ("—", "－－")  # (—— starts with —)


# ■据不完全统计，…: a paragraph opened by this mark is a pull-out box of the page (人民日报's
# 导读 boxes), display text whether or not the body repeats it (ANNOTATION.md reading 1)
_DISPLAY_MARKS = ("■",)


def _mark_repeats(text: str, parts: list[_Part]) -> None:
    """Mark the parts whose words a longer part of the same body repeats, and pull-out boxes."""
    for part in parts:
        key = part.text.strip(" \u3000\n\r")
        if key.startswith(_DISPLAY_MARKS):
            part.repeats = True
            continue
        if key.endswith(("。", "！", "？", "；", ";")):
            continue  # a sentence said twice is a record each time (the contract); a box has no stop
        if not _REPEAT_MIN <= len(key) <= _REPEAT_MAX or text.count(key) < 2:
            continue
        part.repeats = any(other is not part and len(other.text) > len(part.text) and key in other.text
                           for other in parts)


def _ends_list(text: str, start: int, end: int) -> bool:
    """工业部门就业人数为406万7千人；: a sentence that closes an item of a list with ；."""
    return text[start:end].rstrip(" \u3000\n\r").endswith(("；", ";"))


def _opens_quote(text: str, start: int) -> bool:
    """“我们招募了6名…” opens with a quote: the speaker of the scene before goes on talking."""
    return text[start:start + 4].lstrip(" \u3000").startswith(("“", "\"", "「"))


class _Sentence(NamedTuple):
    """A sentence of a part with figures, as the plan read it."""

    start: int
    end: int  # cut to max_sentence_chars where it holds a figure
    positioned: bool = False  # it holds a figure
    gated: bool = False  # it passes the gate of `_paragraph_records`
    continues_list: bool = False  # the gated sentence before it closed a list item with ；
    list_only: bool = False  # it passes the gate only because that list goes on


@dataclass
class _Part:
    """A paragraph part of the analysis text and what the plan read of it."""

    start: int
    end: int
    continues: bool  # a numbered point or a quote after the part before: its carried place goes on
    text: str
    quantities: list[Quantity] = field(default_factory=list)
    ratios: list[int] = field(default_factory=list)
    figures: bool = False  # holds a quantity or ratio and is no heading
    gates: bool = False  # a sentence of it may pass the gate (`Lexicon.may_pass_gate`, 其中)
    # a part with figures: each sentence's [start, end) (cut to max_sentence_chars where it
    # holds a figure), whether it holds a figure, whether it passes the gate
    sentences: list[_Sentence] = field(default_factory=list)
    last_gated: int = -1  # the index of its last sentence that passes the gate: a candidate
    repeats: bool = False  # a short part the body says again in a longer one (a summary box)


def _failed(
    doc_id: str, source: str, text: str, error: DocError, script: Script = Script.simplified
) -> ExtractedDocument:
    return ExtractedDocument(doc_id=doc_id, source=source, script=script,
                             article=ArticleMeta(), text=text, errors=[error])


def _names(words: list[tuple[int, int]], start: int, end: int) -> bool | None:
    """Whether text[start:end] names a gate word, from `Lexicon.gate_words` of the text: True
    when one lies inside it, False when none does and none runs across `start`, else None
    (a word across the start may hide one inside: the part is scanned on its own)."""
    index = bisect.bisect_left(words, (start, start))
    if index < len(words) and words[index][0] < end and words[index][1] <= end:
        return True  # the words do not overlap: the first that starts inside ends first
    if index > 0 and words[index - 1][1] > start:
        return None
    return False


class _PlaceWork:
    """The updates of a document's place state, kept in order and made only when a record is
    about to read that state (`settle`): most documents yield no record, and then none is made.

    The place state is what `learn_places`, `learn_firms`, `paragraph_place` and `firm_place`
    read and write (the places seen, the firms placed, the carried, section and paragraph
    place); those updates read nothing else, and nothing but a record (`record_dict`) reads
    what they write: the finders, the linker and the other paragraph state take no place. So
    making them later, in the same order and before the record, gives the same records.
    """

    def __init__(self, gazetteer: Gazetteer, text: str) -> None:
        self._gazetteer = gazetteer
        self._text = text
        self._heads: list[int] | None = None
        self._part_heads: dict[int, list[int]] = {}
        self._updates: list[tuple[Callable[..., None], tuple[Any, ...]]] = []

    def later(self, update: Callable[..., None], *args: Any) -> None:
        """Keep `update(*args)` to be made (the call, not a partial of it: most are never made)."""
        self._updates.append((update, args))

    def settle(self) -> None:
        """Make the updates kept so far, in order."""
        updates, self._updates = self._updates, []
        for update, args in updates:
            update(*args)

    def part_heads(self, part: _Part) -> list[int]:
        """Where a place name can start in the part (its offsets), from the gazetteer's
        `head_starts` of the whole analysis text (found once): a sentence with none names no
        place."""
        heads = self._part_heads.get(part.start)
        if heads is None:
            if self._heads is None:
                self._heads = self._gazetteer.head_starts(self._text)
            text_heads, start = self._heads, part.start
            heads = self._part_heads[part.start] = [head - start for head in text_heads[
                bisect.bisect_left(text_heads, start):bisect.bisect_right(text_heads, part.end - 2)]]
        return heads


class _TimeChain:
    """The times of a document's parts with figures, each found when a sentence or a record
    first reads them: a part's times are resolved against the last day and period the parts
    before it named (当天, 同期), so they are found in order, from the first not yet found
    (no recursion), and those of a document that yields no record mostly never are.

    A part is `open`ed at the step the parts closed before it give, and `close`d when it has
    been read to its end; the step's state is the last day and period named up to it.
    """

    def __init__(self, finder: TimeFinder, published: dt.date | None) -> None:
        self._finder = finder
        self._published = published
        self._closed: list[tuple[str, Found[TimeMention]]] = []
        self._named: list[tuple[dt.date | None, str | None]] = [(None, None)]  # before each step

    def open(self, text: str) -> tuple[Found[TimeMention], int]:
        step = len(self._closed)
        return Found(lambda: self._finder.find(text, self._published, *self.named(step))), step

    def close(self, text: str, times: Found[TimeMention]) -> None:
        self._closed.append((text, times))

    def named(self, step: int) -> tuple[dt.date | None, str | None]:
        """The last day and period the parts closed before `step` named."""
        while len(self._named) <= step:
            text, times = self._closed[len(self._named) - 1]
            day, period = self._named[-1]
            self._named.append((last_day(times, len(text)) or day,
                                last_period(times, len(text)) or period))
        return self._named[step]

    def anchor(self, step: int, times: Found[TimeMention], position: int
               ) -> tuple[dt.date | None, str | None]:
        """What 当天 and 同期 point to at `position` of the part opened at `step`."""
        day, period = self.named(step)
        return last_day(times, position) or day, last_period(times, position) or period


def _carried_into(paragraph: ParagraphContext, article: ArticleContext) -> None:
    paragraph.place = article.carried_place  # a part starts from the place carried into it


def _carried_out(paragraph: ParagraphContext, article: ArticleContext) -> None:
    article.carried_place = paragraph.place  # the place a part leaves for the next
    _narrow_scene(article, paragraph.place)


def _narrow_scene(article: ArticleContext, place: Place | None) -> None:
    """A place inside the subhead's that a paragraph of the section names is the section's
    scene from then on (福建 over the section, 这里是福建漳州 in a paragraph: 漳州), until a
    paragraph names another inside it or the subhead's own again."""
    section = article.section_place
    if section is not None and place is not None and (
            place == section or lies_in(article.gazetteer, place, section)):
        article.section_scene = place


# an item of a list written as paragraphs that open with a dash (——经济运行总体平稳。…)
_LIST_DASHES = ("——", "—— ")
_LEAD_SPACE = " \u3000\t"

# the sentence ends (`iter_sentences`) but the full stop: what a quantity's tests may read
# right before a sentence, in a whole part, and read the same as nothing at its start
_PLAIN_ENDS = frozenset("。；！？;!?\n\r")


def _sentence_quantities(text: str, quantities: list[Quantity], start: int, end: int,
                         limit: int) -> list[Quantity] | None:
    """The quantities `QuantityFinder.find` gives for the sentence text[start:end], from those
    it gave for the whole part `text` (`quantities`), or None when that may differ.

    No form of a quantity holds a sentence end (a decimal point has a digit after it; no
    form holds 。；！？;!? or a line end), so the scan of the part finds in a sentence what
    the scan of the sentence finds; what a quantity's tests read around it lies in the
    sentence, but for the character before it (a lookbehind, a blocked word), which is a
    sentence end: only the full stop among them is read (a decimal point, a blocked word),
    so after one the sentence is found on its own, and so is one cut to `limit` characters.
    """
    if end - start >= limit or (start > 0 and text[start - 1] not in _PLAIN_ENDS):
        return None
    inside = []
    for quantity in quantities:
        if quantity.start >= end:
            break
        if quantity.start >= start:
            if quantity.end > end:
                return None
            inside.append(_shift(quantity, -start))
    return inside


def _period_places(finder: TimeFinder, sentence: str, published: dt.date | None) -> bool:
    """Whether the times `sentence` holds lie elsewhere after a period was named before it
    (同期 dates nothing, and is no time, before one): the day and period named before change
    only the values of the others."""
    alone = [(t.start, t.end) for t in finder.find(sentence, published, None, None)]
    return alone != [(t.start, t.end) for t in finder.find(sentence, published, None, "2000-01")]


def _holds(heads: list[int], start: int, end: int) -> bool:
    """True when a place surface can start in text[start:end] (it is two characters or more)."""
    index = bisect.bisect_left(heads, start)
    return index < len(heads) and heads[index] + 2 <= end


def _shift(mention: Any, offset: int) -> Any:
    return replace(mention, start=mention.start + offset, end=mention.end + offset)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"


def content_id(content: bytes | str) -> str:
    """Stable id of a document that has none: a hash of its content."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()[:16]
