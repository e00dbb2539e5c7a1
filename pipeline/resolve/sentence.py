"""One sentence's findings -> record drafts: each field from its own resolver.

For each candidate quantity, in text order: the metric resolver decides whether it is a
record and what it measures (`pipeline.resolve.metric`), the kind resolver its kind,
direction and projection (`pipeline.resolve.kind`), then subject, place and the sentence's
date (`subject`, `region`, `date`). A 分别 list is then paired item by item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import ahocorasick_rs

from pipeline.extract.findings import SentenceFindings
from pipeline.extract.lexicon import Lexicon, Noun, Topic
from pipeline.extract.numbers import Quantity
from pipeline.extract.prefilter import guarded, matches_in_wider_text, widened
from pipeline.resolve.date import sentence_date
from pipeline.resolve.draft import Draft, clause, counted_noun
from pipeline.resolve.kind import KindResolver, direction_of
from pipeline.resolve.metric import MetricResolver
from pipeline.resolve.region import distribute_places, place_in_sentence
from pipeline.resolve.subject import distribute_subjects, subject_of
from schemas import Metric, Qualifier, Sector, Unit

# the units a number under ten written in words is still a record in (八成, 百分之五, 求人倍率)
_SHARE_UNITS = (Unit.percent, Unit.percentage_point, Unit.ratio)


class SentenceResolver:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.metrics = MetricResolver(lexicon)
        self.kinds = KindResolver(lexicon)
        # the metrics a cue can give a draft outside the generic ones (`_draft`'s test of a
        # paragraph not about work): its own, its rate (a share of what it counts), and for a
        # cue of new jobs the workforce 累计…就业 makes of it (`MetricResolver._by_cue`)
        generic, table = lexicon.generic_metrics, lexicon.metric_table.metrics
        self._specific_cues = frozenset(
            metric for metric, spec in table.items()
            if metric not in generic or (spec.rate is not None and spec.rate not in generic)
            or metric is Metric.jobs_created)
        modifiers = lexicon.modifiers
        self._specific_nouns = frozenset((*modifiers.worker_stock_nouns, *modifiers.project_nouns))
        self._specific_scan = _specific_scan(lexicon, self._specific_cues, self._specific_nouns)

    def gives_no_draft(self, text: str, quantities: Sequence[Quantity]) -> bool:
        """True when `link` gives no draft for the findings of the sentence `text` whose
        quantities are `quantities`, whatever else it finds: every quantity is a word for a
        number under ten (一家, 两名) that `_draft` drops (no share, no vehicles counted: the
        unit a counted noun gives it is a person's or a firm's), and no ratio word (求人倍率)
        adds a number of its own. A third of the sentences the Extractor links are of this
        kind; their findings are not made."""
        return all(self._word_under_ten(text, quantity, quantity.unit) for quantity in quantities
                   ) and not any(cue.unit is Unit.ratio for cue in self.lexicon.cues(text))

    def gives_no_draft_off_topic(self, text: str, topic: Topic | None) -> bool:
        """True when `link` gives no draft for the sentence `text` of a paragraph not about
        work (`SentenceFindings.topical` false), whatever else it finds. There `_draft` keeps
        no generic metric (money, firm counts, shares, `other`, ...); a metric outside them
        comes only from a cue (its metric or its rate; new jobs made a workforce by 累计), the
        paragraph's topic (减班休息), a workforce noun (`_worker_stock`: 我国有2.88亿农民工) or
        the first draft before it in the sentence (a breakdown, a rate of a figure); and a
        count of projects resuming work is a draft without that test. With the learned
        classifier, which may choose any metric, nothing is told. Nine in ten paragraphs
        whose sentences the Extractor links are not about work, and they give almost none."""
        if self.metrics.learned is not None or topic is not None:
            return False
        specific = self._specific_cues
        if any(cue.metric in specific for cue in self.lexicon.cues(text)):
            return False
        nouns = self._specific_nouns
        return not any(noun.text in nouns for noun in self.lexicon.nouns(text))

    def paragraph_gives_no_draft_off_topic(self, text: str) -> bool:
        """True when `gives_no_draft_off_topic` holds for every sentence of the paragraph
        `text` (not about work) with no topic carried, told by one scan of it: it names no
        topic word (so no sentence opens a topic) and none of the words and patterns a
        sentence's specific cues and nouns come from (`_specific_scan`), each of which is
        found in a paragraph wherever it is found in a sentence of it."""
        if self.metrics.learned is not None or self._specific_scan is None:
            return False
        if self.lexicon.topic_words_in(text):
            return False
        words, patterns = self._specific_scan
        return not words.find_matches_as_indexes(text) and patterns.search(text) is None

    def _word_under_ten(self, text: str, quantity: Quantity, unit: Unit | None) -> bool:
        """一家, 两名: a word for a number under ten, no share and no vehicles counted, which
        `_draft` drops (with the unit a counted noun gives it; `unit_of` adds no share unit, so
        the quantity's own unit tells the same before the nouns are read)."""
        return (quantity.value < 10 and unit not in _SHARE_UNITS
                and not text[quantity.start].isdigit()
                and quantity.classifier not in self.lexicon.modifiers.vehicle_classifiers)

    def link(self, found: SentenceFindings) -> list[Draft]:
        drafts: list[Draft] = []
        ratios = self.metrics.ratio_quantities(found)
        if ratios:
            merged = sorted([*found.quantities, *ratios], key=lambda q: q.start)
            found = replace(found, quantities=merged)
        class_end = -1  # where the last number that defines a class ends (用工100人以上的企业)
        for index, quantity in enumerate(found.quantities):
            if self.metrics.defines_class(found, quantity):
                class_end = quantity.end
                continue
            draft = self._draft(found, index, quantity, drafts, class_end)
            if draft is not None:
                drafts.append(draft)
        self._distribute(found, drafts)
        return drafts

    def _draft(
        self, found: SentenceFindings, index: int, quantity: Quantity, previous: list[Draft],
        class_end: int = -1,
    ) -> Draft | None:
        text = found.text
        counted = counted_noun(found, quantity)
        projects = self.metrics.resuming_projects(found, counted, quantity)
        if projects is not None:
            words_only = quantity.value < 10 and not text[quantity.start].isdigit()
            # 一批重点项目开工: a word, not a count of projects
            return self._projects(found, quantity, counted) if projects and not words_only else None
        if self.metrics.excluded(found, quantity, counted):
            return None
        if class_end >= 0:
            # 复产率超70%的企业占81.2%: the words before the class's number name the class
            found = replace(found, cues=[c for c in found.cues if c.start >= class_end])
        unit = self.metrics.unit_of(quantity, counted)
        if self.metrics.multiple_of_dropped(found, index, previous):
            return None  # 帮扶资金177亿元，是上年的3倍: the multiple of a figure that is no record
        if unit is Unit.enterprise and self._households(text, quantity):
            unit = Unit.count  # 惠及贫困户19657户: households, not businesses
        if self._word_under_ten(text, quantity, unit):
            return None  # 一家, 两名: words, not statistics (两辆客车, 三趟专列 are counted)
        is_change = self.kinds.is_change(found, quantity, unit, previous)
        choice = self.metrics.policy_cap(found, quantity, unit) or self.metrics.choose(
            found, index, quantity, unit, counted, is_change, previous
        )
        if choice is None and unit is not None and self.kinds.policy_parameter(found, quantity):
            choice = Metric.other, found.text[max(0, quantity.start - 6) : quantity.start], unit
        if choice is None:
            return None
        metric, indicator, unit = choice
        if metric is Metric.transport_services and not any(
                word in text for word in self.lexicon.modifiers.people_transport_words):
            return None  # 中欧班列4186列, 7架包机的货物: goods, not people (v2)
        if not found.topical and metric in self.lexicon.generic_metrics:
            return None  # money, enterprise counts, shares in a paragraph not about work
        if self.metrics.out_of_scope(found, quantity, metric):
            return None  # 增加值, 再贷款, 货运量, one person's wage: outside the contract (v2)
        if self.metrics.learned is not None and class_end < 0:
            # the learned metric classifier (issue 12); not after a class's number: 复产率超70%的
            # 企业占81.2% is `other` by the contract's reading, however much it reads like a rate
            metric, indicator, unit = self.metrics.learned(found, quantity, choice) or choice
        if is_change and metric is Metric.jobs_created and unit is Unit.person \
                and not self.kinds.compared(found, quantity):
            is_change = False  # 增加约20万个就业岗位: jobs a period adds are a level, not a difference
        kind = self.kinds.kind(is_change)
        projected = self.kinds.projected(found, quantity, metric)
        date, date_final = sentence_date(found, quantity, projected, metric, found.published)
        qualifier = Qualifier.exact if metric is Metric.policy_cap else quantity.qualifier
        if self.kinds.named_target(found, quantity):
            # 低于5.5%的预期控制目标: the number is the year's target; 低于 compares another figure
            projected, qualifier = True, Qualifier.exact
            year = date[:4] if date else (str(found.published.year) if found.published else None)
            date, date_final = year, True
        if metric is not Metric.policy_cap and (self.kinds.policy_parameter(found, quantity)
                                                or self.kinds.rule_ratio(found, quantity)):
            # a rule's ratio or threshold: other, exact, no date (v2)
            named = "失业率" in text[max(0, quantity.start - 16) : quantity.start]
            metric = metric if metric is Metric.unemployment_rate and named else Metric.other
            qualifier, projected, date, date_final = Qualifier.exact, False, None, True
        return Draft(
            quantity=quantity,
            metric=metric,
            indicator=indicator,
            unit=unit,
            # a cap's 最高/不超过 is part of the metric (the contract): exact
            qualifier=qualifier,
            kind=kind,
            direction=direction_of(self.lexicon, found, quantity, kind, previous),
            projected=projected,
            subject=subject_of(found, quantity, unit, counted, previous, metric),
            sector=self._sector(found, quantity),
            place=place_in_sentence(found, quantity, self.lexicon.modifiers.agency_words),
            date=date,
            date_final=date_final,
            value_max=quantity.value_max,
        )

    def _projects(self, found: SentenceFindings, quantity: Quantity, counted: Noun | None) -> Draft:
        """A count of projects resuming work: other, unit count (v2)."""
        date, date_final = sentence_date(found, quantity, False, Metric.other, found.published)
        return Draft(
            quantity=quantity, metric=Metric.other, indicator=counted.text if counted else "项目",
            unit=Unit.count, qualifier=quantity.qualifier, kind=self.kinds.kind(False), projected=False,
            subject=None, sector=self._sector(found, quantity),
            place=place_in_sentence(found, quantity, self.lexicon.modifiers.agency_words),
            date=date, date_final=date_final,
        )

    def _households(self, text: str, quantity: Quantity) -> bool:
        """户 that counts households: a household noun right before the number or after it."""
        if quantity.classifier != "户":
            return False
        near = text[max(0, quantity.start - 6) : quantity.end + 4]
        return any(word in near for word in self.lexicon.modifiers.household_nouns)

    @staticmethod
    def _sector(found: SentenceFindings, quantity: Quantity) -> Sector | None:
        hits = [
            m for m in found.markers if m.label.startswith("sector:") and m.end <= quantity.start
        ]
        return Sector(hits[-1].label.split(":", 1)[1]) if hits else None

    def _distribute(self, found: SentenceFindings, drafts: list[Draft]) -> None:
        """哈尔滨、齐齐哈尔分别为91.3%和88.6%: the i-th number goes with the i-th name."""
        for match in re.finditer("分别", found.text):  # every list of the sentence
            position = match.start()
            clause_start, clause_end = clause(found.text, position, position)
            after = [d for d in drafts if position < d.quantity.start < clause_end]
            if len(after) < 2:
                continue
            distribute_places(found, after, clause_start, position)
            distribute_subjects(found, after, clause_start, position)
            rates = self.metrics.listed_cues(found, clause_start, position, after[0].unit)
            if len(rates) == len(after):  # 开工率和人员复岗率分别回升至99.1%和95.4%
                for draft, cue in zip(after, rates, strict=True):
                    draft.metric, draft.indicator = cue.metric, cue.text


def _specific_scan(lexicon: Lexicon, metrics: frozenset[Metric], nouns: frozenset[str]
                   ) -> tuple[ahocorasick_rs.AhoCorasick, re.Pattern[str]] | None:
    """What a paragraph holds wherever a sentence of it has a cue of one of `metrics` or a noun
    of `nouns` (`Lexicon.cues`, `Lexicon.nouns`): the terms of those cues and the nouns as
    words (a word in a sentence is in its paragraph; a cue's context words only drop it), and
    as patterns those of the cues, the quoted groups (“外来务工”人员 is the noun 外来务工人员) and
    the subject patterns of those nouns, each as it matches in a wider text (`widened`).
    None when a pattern cannot be so widened, or they cannot be joined."""
    groups = [group for group in lexicon.metric_table.cues if group.metric in metrics]
    words = [*dict.fromkeys(term for group in groups for term in group.terms), *sorted(nouns)]
    table = lexicon.nouns_table
    patterns = [*(pattern for group in groups for pattern in group.patterns),
                table.quoted_group_pattern,
                *(entry.pattern for entry in table.subject_patterns if entry.subject in nouns)]
    wide = [pattern if matches_in_wider_text(pattern) else widened(pattern) for pattern in patterns]
    if not words or any(pattern is None for pattern in wide):
        return None
    try:
        joined = re.compile(guarded("|".join(f"(?:{pattern})" for pattern in wide)))
    except re.error:  # clashing group names
        return None
    return ahocorasick_rs.AhoCorasick(words), joined
