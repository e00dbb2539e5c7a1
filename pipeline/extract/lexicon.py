"""The word lists of the extraction rules, loaded from data files and compiled once.

- `metrics.yaml`: the metric lexicon (cue words and patterns -> metric) and the
  units each metric takes;
- `nouns.yaml`: populations a number can be about, and what a number counting
  them makes a non-record;
- `modifiers.yaml`: projection, change, policy-cap, scope and sector words.

Matching is by characters with one compiled alternation per list, longest term
first, so a new word is a data change, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import ahocorasick_rs
from pydantic import BaseModel, Field, model_validator

from pipeline.extract.prefilter import guarded, matches_in_wider_text, widened, word_trie
from pipeline.extract.recent import Recent
from pipeline.resources import load_data
from schemas import Level, Metric, Sector, Unit

Where = Literal["before", "after", "any"]


class MetricSpec(BaseModel):
    units: list[Unit] = Field(min_length=1)
    rate: Metric | None = None


class CueGroup(BaseModel):
    metric: Metric
    where: Where = "any"
    terms: list[str] = []
    patterns: list[str] = []
    subject: str | None = None
    unit: Unit | None = None
    weight: float = 0
    accepts_persons: bool = False  # a count in 人/名 is this metric's own unit (vacancies)
    classifiers: list[str] = []  # the cue names only numbers counted by these words (条: postings)
    context: list[str] = []  # the cue counts only in a text with one of these (empty: any text)

    @model_validator(mode="after")
    def _has_words(self) -> CueGroup:
        if not self.terms and not self.patterns:
            raise ValueError(f"cue group for {self.metric.value} has neither terms nor patterns")
        for pattern in self.patterns:
            re.compile(pattern)
        return self


class MetricTable(BaseModel):
    metrics: dict[Metric, MetricSpec]
    cues: list[CueGroup]

    @model_validator(mode="after")
    def _every_metric_has_units(self) -> MetricTable:
        missing = set(Metric) - set(self.metrics)
        if missing:
            raise ValueError(f"metrics without a units entry: {sorted(m.value for m in missing)}")
        return self


class SubjectPattern(BaseModel):
    pattern: str
    subject: str
    kind: Literal["person", "enterprise"]


class NounTable(BaseModel):
    subjects: dict[Literal["person", "enterprise"], list[str]]
    excluded_counted: list[str]
    quoted_group_pattern: str
    firm_heads: tuple[str, ...]
    firm_head_false_friends: tuple[str, ...]
    subject_patterns: list[SubjectPattern] = []


class Capital(BaseModel):
    places: list[str]
    region: str
    markers: list[str]
    min_markers: int = 2


class Topic(BaseModel):
    words: list[str] = Field(min_length=1)
    units: Metric
    persons: Metric


class ModifierTable(BaseModel):
    projection: list[str]
    policy_cap: list[str]
    change_verbs: list[str]
    change_prefixes: list[str]
    # 增加6万4千人或0.55%: what joins a count to its own rate of change
    change_joiners: list[str] = Field(min_length=1)
    worker_stock_nouns: tuple[str, ...]
    change_up: list[str]  # the words of change_verbs that say the sense is up (v2 direction)
    change_down: list[str]
    scopes: dict[str, Level]
    sectors: dict[Sector, list[str]]
    capitals: list[Capital]
    outlet_regions: dict[str, str]
    national_markers: list[str]
    national_agencies: list[str]
    taiwan_markers: list[str]
    unplaced_areas: list[str]
    topics: list[Topic]
    unrelated_rate_words: list[str]
    labour_topic_words: list[str]
    topic_false_friends: tuple[str, ...]
    out_after_words: tuple[str, ...]
    casualty_words: tuple[str, ...]
    non_work_trainees: tuple[str, ...]
    transported_worker_words: tuple[str, ...]
    skills_training_words: tuple[str, ...]
    enterprise_event_words: tuple[str, ...]
    hiring_words: tuple[str, ...]
    strike_words: tuple[str, ...]
    agency_words: tuple[str, ...]
    local_outlet_suffixes: tuple[str, ...]
    out_of_scope_words: list[str]
    always_out_words: tuple[str, ...]
    macro_rate_terms: tuple[str, ...]
    parameter_amount_words: tuple[str, ...]
    resumption_context_words: tuple[str, ...]
    finance_words: tuple[str, ...]
    loan_words: tuple[str, ...]
    general_relief_words: tuple[str, ...]
    general_relief_exempt: tuple[str, ...]
    social_insurance_words: tuple[str, ...]
    job_finance_words: tuple[str, ...]
    employment_support_words: tuple[str, ...]
    # money is support when paid for jobs, workers or firms: 补助/补贴 alone do not tell
    support_money_words: tuple[str, ...]
    class_after: tuple[str, ...]
    class_before: tuple[str, ...]
    policy_frame_words: tuple[str, ...]
    cap_context_words: tuple[str, ...]
    target_lead_ins: tuple[str, ...]
    target_met_words: tuple[str, ...]  # 提前完成全年目标任务；: a target met announces nothing
    people_transport_words: tuple[str, ...]
    ride_words: tuple[str, ...]
    arrival_words: tuple[str, ...]
    outcome_words: tuple[str, ...]  # 帮助N名毕业生签订了就业协议: people who got work, not recipients
    china_words: tuple[str, ...]  # 中国, 大陆: the whole country, in Taiwan news too
    vehicle_classifiers: tuple[str, ...]  # 两辆客车: a count of vehicles in words is still one
    household_nouns: tuple[str, ...]  # 贫困户19657户: 户 counts households (unit count)
    named_target_after: tuple[str, ...]  # 5.5%的预期控制目标: the number is the target itself
    qualifiers_skipped_before_target: tuple[str, ...]  # 5.5%左右的预期目标
    project_nouns: tuple[str, ...]
    project_resume_words: tuple[str, ...]
    threshold_words: tuple[str, ...]
    ratio_paid_verbs: tuple[str, ...]  # 最高返还100%: the share a rule pays
    class_nouns: tuple[str, ...]
    population_money_words: tuple[str, ...]
    wage_words: tuple[str, ...]
    job_post_words: tuple[str, ...]
    gap_words: tuple[str, ...]
    period_words: tuple[str, ...]
    firm_bodies: tuple[str, ...]
    firms_counted_by_hu: tuple[str, ...]
    realised_words: tuple[str, ...]
    counted_so_far: tuple[str, ...]
    before_future: tuple[str, ...]
    plan_nouns: tuple[str, ...]
    programme_heads: tuple[str, ...]  # 安心就业计划: a programme's name
    per_head_count: tuple[str, ...]
    new_work_words: tuple[str, ...]
    single_person_words: tuple[str, ...]  # 他说，一个月工资不到2000元: one person's money
    single_person_false_friends: tuple[str, ...]  # 他们, 其他, 我国: no one person
    service_words: tuple[str, ...]
    service_openers: tuple[str, ...]  # 为N家企业…，发放补贴: the service in the next clause
    recipient_words: tuple[str, ...]
    survey_words: tuple[str, ...]
    new_enterprise_words: tuple[str, ...]
    support_before: tuple[str, ...]
    support_verbs: tuple[str, ...]
    support_nouns: tuple[str, ...]
    generic_metrics: list[Metric]


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    metric: Metric
    where: Where
    weight: float
    unit: Unit | None = None
    accepts_persons: bool = False
    classifiers: tuple[str, ...] = ()  # empty: any counting word


@dataclass(frozen=True)
class Noun:
    start: int
    end: int
    text: str  # the subject as it should be reported (quotes removed)
    kind: Literal["person", "enterprise", "excluded"]


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    text: str
    label: str  # projection, policy_cap, change, scope:<level>, sector:<sector>


def _alternation(words: list[str]) -> str:
    unique = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word) for word in unique)


def _automaton(words: list[str],
               matchkind: ahocorasick_rs.MatchKind = ahocorasick_rs.MatchKind.Standard,
               ) -> ahocorasick_rs.AhoCorasick:
    """An automaton of `words` built as a DFA: the same matches as the default build, found
    in about half the time (the lists here are short: a few milliseconds to build)."""
    return ahocorasick_rs.AhoCorasick(words, matchkind=matchkind,
                                      implementation=ahocorasick_rs.Implementation.DFA)


def _longest_at_each_start(automaton: ahocorasick_rs.AhoCorasick, text: str) -> list[tuple[int, int]]:
    """[start, end) of the longest word of `automaton` at each offset where one starts, in order."""
    longest: dict[int, int] = {}
    for _, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
        if longest.get(start, start) < end:
            longest[start] = end
    return sorted(longest.items())


def _joined(patterns: list[str]) -> re.Pattern[str] | None:
    """One guarded alternation of `patterns`, or None when they cannot be joined as they are
    (back-references, clashing group names)."""
    if any(re.search(r"\\\d|\(\?P=", pattern) for pattern in patterns):
        return None
    try:
        return re.compile(guarded("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)"))
    except re.error:
        return None


def _any_of(words: list[str]) -> re.Pattern[str]:
    """A pattern that is found in a text exactly when one of `words` is in it."""
    return re.compile(_alternation(words) if words else "(?!)")


class Lexicon:
    """All word lists, compiled. Immutable; one per process."""

    def __init__(self) -> None:
        self.metric_table = load_data("metrics.yaml", MetricTable)
        self.nouns_table = load_data("nouns.yaml", NounTable)
        self.modifiers = load_data("modifiers.yaml", ModifierTable)
        self.metric_units = {m: set(spec.units) for m, spec in self.metric_table.metrics.items()}
        self.generic_metrics = frozenset(self.modifiers.generic_metrics)
        # a sentence's findings and the subjects it teaches read its cues and nouns in turn
        self._recent_cues = Recent(self._cues)
        self._recent_nouns = Recent(self._find_nouns)

        self._term_groups: dict[str, list[CueGroup]] = {}
        for group in self.metric_table.cues:
            for term in group.terms:
                self._term_groups.setdefault(term, []).append(group)
        # The longest term at every position, so nested terms (发布就业岗位 / 就业岗位) are
        # all seen; the linker picks the nearest. An Aho-Corasick automaton reports every
        # occurrence in one pass (a regex lookahead tried the alternation at each position).
        self._terms = _automaton(list(self._term_groups))
        self._cue_patterns = [
            (re.compile(pattern), group)
            for group in self.metric_table.cues
            for pattern in group.patterns
        ]
        # whether any of them matches, in one scan: an alternation matches exactly where one
        # of its alternatives does (patterns that refer back to a group are not joined)
        self._any_cue_pattern = _joined([pattern.pattern for pattern, _ in self._cue_patterns])

        self._noun_kind: dict[str, Literal["person", "enterprise", "excluded"]] = {}
        for kind, words in self.nouns_table.subjects.items():
            for word in words:
                self._noun_kind[word] = kind
        for word in self.nouns_table.excluded_counted:  # a listed non-record noun wins
            self._noun_kind[word] = "excluded"
        # leftmost-longest, non-overlapping: what the alternation sorted longest first finds
        self._nouns = _automaton(list(self._noun_kind), ahocorasick_rs.MatchKind.LeftmostLongest)
        self._quoted_group = re.compile(self.nouns_table.quoted_group_pattern)
        subject_words = [w for w, kind in self._noun_kind.items() if kind != "excluded"]
        # existence only: a trie tries each first character once (the cheap test per sentence)
        self._any_word = re.compile(word_trie(list(self._term_groups) + subject_words))
        self._subject_patterns = [
            (re.compile(entry.pattern), entry) for entry in self.nouns_table.subject_patterns
        ]

        labels: dict[str, str] = {}
        for word in self.modifiers.projection:
            labels[word] = "projection"
        for word in self.modifiers.policy_cap:
            labels[word] = "policy_cap"
        for word, level in self.modifiers.scopes.items():
            labels[word] = f"scope:{level.value}"
        for word in self.modifiers.national_agencies:
            labels[word] = "scope:country"
        for word in self.modifiers.unplaced_areas:
            labels[word] = "scope:none"
        for word in self.modifiers.china_words:
            labels[word] = "scope:china"
        self._agencies = frozenset(self.modifiers.national_agencies)
        # a lookahead finds overlapping words too: 紧急转移 and 转移安置 in 紧急转移安置
        self._out_of_scope = re.compile(f"(?=({_alternation(self.modifiers.out_of_scope_words)}))")
        for sector, words in self.modifiers.sectors.items():
            for word in words:
                labels[word] = f"sector:{sector.value}"
        self._marker_labels = labels
        self._markers = re.compile(_alternation(list(labels)))
        prefixes = _alternation(self.modifiers.change_prefixes)
        verbs = _alternation(self.modifiers.change_verbs)
        self._change = re.compile(
            rf"(?:(?:{prefixes})[^，。；,;\d]{{0,4}}?)?(?P<verb>{verbs})(?:分别)?(?:高达|达到|了|为|达|在)?"
            r"(?:约|近|超过|逾|超|不到|不足|将近)?$"
        )
        self._change_prefix_only = re.compile(rf"(?:{prefixes})(?:了|为)?$")
        # all that stands between a count and its rate of change: 或 / ，同比增长 / 较上年同月增加
        joiners = _alternation(self.modifiers.change_joiners)
        self._change_gap = re.compile(
            rf"(?:{joiners})|[，,]?(?:(?:{prefixes})[^，。；,;、\d]{{0,4}}?)?(?:{verbs})(?:了|为|达)?"
        )
        # one scan each for "does any of these words occur" (the same answer as `in` per word)
        self._labour_topic = _any_of(self.modifiers.labour_topic_words)
        self._topic_words = _any_of([w for topic in self.modifiers.topics for w in topic.words])
        # A paragraph none of whose sentences can pass the extractor's gate (a metric word, a
        # population, a cue pattern, a topic word) is told by one scan of it, when every cue
        # pattern that matches in a sentence also matches in its paragraph (else: no such scan).
        # A pattern that reads before its match ((?<![新增])有…) goes in widened: without its
        # lookbehinds and negative lookaheads it matches where it did, and in the paragraph too.
        # The words go to an Aho-Corasick automaton, the cue patterns to one guarded alternation.
        wide = [pattern if matches_in_wider_text(pattern) else widened(pattern)
                for group in self.metric_table.cues for pattern in group.patterns]
        cue_patterns = [pattern for pattern in wide if pattern is not None]
        self._gate: tuple[ahocorasick_rs.AhoCorasick, re.Pattern[str]] | None = None
        if len(cue_patterns) == len(wide):
            gate_words = list(dict.fromkeys([*self._term_groups, *subject_words, *(
                w for topic in self.modifiers.topics for w in topic.words)]))
            try:  # one alternation (patterns whose group names clash: no such scan)
                self._gate = (_automaton(gate_words), re.compile(
                    guarded("|".join(f"(?:{pattern})" for pattern in cue_patterns) or "(?!)")))
            except re.error:
                self._gate = None

    def cues(self, text: str) -> list[Cue]:
        """The metric cues of `text`, in order (the answer for a text asked lately is kept)."""
        return self._recent_cues(text)

    def _cues(self, text: str) -> list[Cue]:
        found = []
        for start, end in _longest_at_each_start(self._terms, text):
            term = text[start:end]
            for group in self._term_groups[term]:
                if group.context and not any(word in text for word in group.context):
                    continue  # 供电尚有缺口: the word names no metric in this text
                found.append(Cue(start, end, term, group.metric, group.where, group.weight,
                                 group.unit, group.accepts_persons, tuple(group.classifiers)))
        # one scan tells whether any cue pattern matches (most texts: none), not one a pattern
        patterns = self._cue_patterns if self.cue_patterns_match(text) else []
        for pattern, group in patterns:
            for match in pattern.finditer(text):
                found.append(Cue(match.start(), match.end(), match.group(0), group.metric, group.where,
                                 group.weight, group.unit, group.accepts_persons,
                                 tuple(group.classifiers)))
        found.sort(key=lambda cue: (cue.start, -cue.end))
        return found

    def mentions_work(self, sentence: str, named: bool | None = None) -> bool:
        """Cheap test before segmentation: a metric word or a population is named. `named`:
        whether `sentence` names a word of the gate scan, when the caller knows it from
        `gate_words` of a text that holds it: these words are among them, so one that
        names none names none of these (False) without a scan."""
        return named is not False and bool(self._any_word.search(sentence))

    def cue_patterns_match(self, sentence: str) -> bool:
        if self._any_cue_pattern is not None:
            return self._any_cue_pattern.search(sentence) is not None
        return any(pattern.search(sentence) for pattern, _ in self._cue_patterns)

    def ratio_positions(self, text: str) -> list[int]:
        """Where a ratio word (求人倍率) stands: its number has no counting word to find."""
        return [cue.start for cue in self.cues(text) if cue.unit is Unit.ratio]

    def nouns(self, text: str) -> list[Noun]:
        """The nouns of `text`, in order (the answer for a text asked lately is kept)."""
        return self._recent_nouns(text)

    def _find_nouns(self, text: str) -> list[Noun]:
        found = [
            Noun(start, end, text[start:end], self._noun_kind[text[start:end]])
            for _, start, end in self._nouns.find_matches_as_indexes(text)
        ]
        found.extend(self._firms_of_people(text, found))
        for match in self._quoted_group.finditer(text):
            head = match.group(2)
            kind: Literal["person", "enterprise"] = "enterprise" if head == "企业" else "person"
            found.append(Noun(match.start(), match.end(), match.group(1) + head, kind))
        for pattern, entry in self._subject_patterns:
            for match in pattern.finditer(text):
                found.append(Noun(match.start(), match.end(), entry.subject, entry.kind))
        found.sort(key=lambda noun: (noun.start, -noun.end))
        return found

    def _firms_of_people(self, text: str, found: list[Noun]) -> list[Noun]:
        """退役军人企业: a people's noun right before a firm head names their firms."""
        table = self.nouns_table
        return [
            Noun(noun.start, noun.end + len(head), text[noun.start : noun.end + len(head)],
                 "enterprise")
            for noun in found if noun.kind == "person"
            and not text.startswith(table.firm_head_false_friends, noun.end)
            for head in table.firm_heads if text.startswith(head, noun.end)
        ]

    def markers(self, text: str) -> list[Marker]:
        return [
            Marker(m.start(), m.end(), m.group(0), self._marker_labels[m.group(0)])
            for m in self._markers.finditer(text)
            # 人社部门, 劳动部门: a local department, not the national agency
            if not (m.group(0) in self._agencies and text.startswith(("门", "厅", "局"), m.end()))
            # 非洲裔, 拉美裔: descent names a group of people, not an area
            and not text.startswith("裔", m.end())
        ]

    def capital_region(self, place_hint: str, body: str) -> str | None:
        """A capital dateline on a story about the whole country: the region it covers."""
        for capital in self.modifiers.capitals:
            # the body is counted only for a capital the hint names (most hints name none)
            if place_hint in capital.places and (
                    sum(body.count(w) for w in capital.markers) >= capital.min_markers):
                return capital.region
        return None

    def outlet_region(self, outlet: str | None) -> str | None:
        if not outlet:
            return None
        return self.modifiers.outlet_regions.get(outlet.strip().lower())

    def national_weight(self, body: str) -> int:
        return sum(body.count(word) for word in self.modifiers.national_markers)

    def topic_of(self, sentence: str) -> Topic | None:
        """The topic a sentence opens for the rest of its paragraph (减班休息), if any."""
        if not self._topic_words.search(sentence):
            return None  # most sentences: no topic word at all (one scan)
        for topic in self.modifiers.topics:
            if any(word in sentence for word in topic.words):
                return topic
        return None

    def may_pass_gate(self, text: str, named: bool | None = None) -> bool:
        """False only when no sentence of `text` names a metric word, a population, a cue
        pattern or a topic word (`mentions_work`, `cue_patterns_match`, `topic_of` are all
        false for each of its sentences). `named`: whether `text` names one of those words,
        when the caller knows it (`gate_words` of a text that holds it)."""
        if self._gate is None:
            return True
        words, patterns = self._gate
        if named is None:
            named = bool(words.find_matches_as_indexes(text))
        return named or patterns.search(text) is not None

    def gate_words(self, text: str) -> list[tuple[int, int]] | None:
        """[start, end) of the words of the gate scan in `text`, in order, as one scan finds
        them (None when there is no gate scan). A slice names one when one of these lies
        inside it; when none does and none runs across its start, it names none (the scan
        reports the first word to end, then goes on after it)."""
        if self._gate is None:
            return None
        return [(start, end) for _, start, end in self._gate[0].find_matches_as_indexes(text)]

    def topic_words_in(self, text: str) -> bool:
        """True when a topic word stands in `text`: without one no sentence of it opens a topic."""
        return self._topic_words.search(text) is not None

    def is_labour_topic(self, paragraph: str) -> bool:
        if not self._labour_topic.search(paragraph):
            return False  # most paragraphs: one scan
        friends = [c for c in self.modifiers.topic_false_friends if c in paragraph]
        for compound in friends:  # 走上领导岗位: the labour word inside is not the topic
            paragraph = paragraph.replace(compound, "")
        return not friends or bool(self._labour_topic.search(paragraph))

    def last_out_of_scope(self, text: str) -> int:
        """End of the last out-of-scope word (增加值, 再贷款, 货运量) in `text`, or -1."""
        ends = [m.end(1) for m in self._out_of_scope.finditer(text)]
        return ends[-1] if ends else -1

    def is_unrelated_rate(self, sentence: str) -> bool:
        return any(word in sentence for word in self.modifiers.unrelated_rate_words)

    def is_change(self, text_before: str) -> bool:
        """True when the words right before a number make it a difference."""
        return bool(self._change.search(text_before) or self._change_prefix_only.search(text_before))

    def is_change_gap(self, gap: str) -> bool:
        """True when `gap` only joins a figure to its rate of change (或, ，同比增长)."""
        return self._change_gap.fullmatch(gap) is not None

    def change_direction(self, text_before: str) -> str | None:
        """'up' or 'down' when the change word right before a number says its sense, else None."""
        match = self._change.search(text_before)
        if match is None:
            return None
        verb = match.group("verb")
        if any(word in verb for word in self.modifiers.change_down):
            return "down"
        if any(word in verb for word in self.modifiers.change_up):
            return "up"
        return None


@lru_cache(maxsize=1)
def shared_lexicon() -> Lexicon:
    """The lexicon of the bundled data files, compiled once per process (it is read-only)."""
    return Lexicon()
