"""Link each quantity of a sentence to what it measures: the record rules.

Input: what the finders saw in one sentence of the Simplified analysis text
(quantities, metric cues, nouns, markers, time and place mentions), all with
offsets relative to the sentence. Output: `Draft` records with the fields the
sentence itself decides; the assembler fills what comes from the paragraph or
the article (dates by the paragraph rule, the article's region, sector framing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pipeline.extract.lexicon import Cue, Lexicon, Marker, Noun
from pipeline.extract.numbers import Quantity
from pipeline.extract.timex import TimeMention
from schemas import Kind, Metric, Qualifier, Sector, Unit

# 台北報導, 西安3月2日电: the place a report was filed from, not what a number covers
_DATELINE_AFTER = re.compile(r"[\d月日 ]{0,8}(?:电|讯|报道|报导)")
# 300元/人, 500元每人的标准: a rate per beneficiary, i.e. a policy's amount per head
_PER_HEAD = re.compile(r"[/／](?:人|户|家|月|岗)|每(?:人|户|家|名)")
_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ("『", "』"))
_BARE_RATIO = re.compile(r"[^，。；,;\d]{0,6}?(?P<number>\d+(?:\.\d+)?)(?![\d.%万亿个人家])")
_CLAUSE = re.compile(r"[，,；;：:（(）)]")
_LIST = re.compile(r"[、和及与]")
_SUBJECT_UNITS = {Unit.person, Unit.enterprise, Unit.percent, Unit.yuan, Unit.percentage_point}
_ORIGIN_WORDS = (
    "从", "自", "来自", "赴", "到", "往", "前往", "发往", "输往", "送往", "返回", "回到", "省外", "市外",
)
_SUPPORT_BEFORE = ("为", "向", "帮助", "帮")
MAX_CUE_GAP = 26
_REALISED = ("已", "目前", "截至", "截止", "实际")
_TARGET_KINDS = {"year", "relative_year", "ym", "ymd", "month_range", "quarter", "half"}
# 为N户企业 + one of these (减免, 推荐用工, 培训) makes the N beneficiaries of a service.
_SERVICE_METRICS = {Metric.support_amount, Metric.job_matches, Metric.trainees}


@dataclass(frozen=True)
class PlaceRef:
    """A place or scope word in the sentence: resolved later against the article."""

    start: int
    end: int
    surface: str
    scope: str | None = None  # city/province/country/... for 全市, 全省, 全国
    zone: bool = False  # a development zone (高新区), not an administrative division


@dataclass
class Draft:
    quantity: Quantity
    metric: Metric
    indicator: str
    unit: Unit
    qualifier: Qualifier
    kind: Kind
    projected: bool
    subject: str | None
    sector: Sector | None
    place: PlaceRef | None
    date: str | None  # decided in the sentence; None: the assembler applies the paragraph rule
    date_final: bool = False  # True when None is the answer (policy caps, projections)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SentenceFindings:
    text: str
    quantities: Sequence[Quantity]
    cues: Sequence[Cue]
    nouns: Sequence[Noun]
    markers: Sequence[Marker]
    times: Sequence[TimeMention]
    places: Sequence[PlaceRef]
    token_starts: frozenset[int]  # character offsets where a jieba token starts
    token_ends: frozenset[int]
    subject_hints: dict[Metric, str] = field(default_factory=dict)  # from earlier sentences
    # the last metric of each unit earlier in the paragraph, for 其中 breakdowns
    metric_hints: dict[Unit, tuple[Metric, str, Unit]] = field(default_factory=dict)
    topical: bool = True  # the paragraph is about work: generic metrics may be records


class Linker:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def link(self, found: SentenceFindings) -> list[Draft]:
        drafts: list[Draft] = []
        ratios = self._ratio_quantities(found)
        if ratios:
            merged = sorted([*found.quantities, *ratios], key=lambda q: q.start)
            found = replace(found, quantities=merged)
        for index, quantity in enumerate(found.quantities):
            draft = self._link_one(found, index, quantity, drafts)
            if draft is not None:
                drafts.append(draft)
        self._distribute(found, drafts)
        return drafts

    def _ratio_quantities(self, found: SentenceFindings) -> list[Quantity]:
        """求人倍率为1.35: a ratio is written as a bare number after its word."""
        taken = [(q.start, q.end) for q in found.quantities]
        ratios = []
        for cue in found.cues:
            if cue.unit is not Unit.ratio:
                continue
            match = _BARE_RATIO.match(found.text, cue.end)
            if match is None:
                continue
            start, end = match.span("number")
            if any(s < end and start < e for s, e in taken):
                continue
            after = found.text[end : end + 2]
            qualifier = Qualifier.over if after == "以上" else Qualifier.exact
            value = Decimal(match.group("number"))
            ratios.append(Quantity(start, end, value, "", Unit.ratio, qualifier))
            taken.append((start, end))
        return ratios

    # -- one quantity -------------------------------------------------------------
    def _link_one(
        self, found: SentenceFindings, index: int, quantity: Quantity, previous: list[Draft]
    ) -> Draft | None:
        text = found.text
        counted = self._counted_noun(found, quantity)
        if counted is not None and counted.kind == "excluded":
            return None
        if self._excluded_before(found, quantity):
            return None
        unit = quantity.unit
        if unit is None and counted is not None:
            unit = Unit.enterprise if counted.kind == "enterprise" else None
            if counted.kind == "person" and not quantity.classifier:
                unit = Unit.person  # 200万劳工: a bare number counting people
        if quantity.value < 10 and unit not in (Unit.percent, Unit.percentage_point) and not text[
            quantity.start
        ].isdigit():
            return None  # 一家, 两名: words, not statistics
        is_change = unit is Unit.percentage_point or self.lexicon.is_change(
            text[max(0, quantity.start - 12) : quantity.start]
        ) or self._listed_after_change(text, quantity, previous)
        clause_start, _ = self._clause(text, quantity.start, quantity.end)
        cap = self._marker_before(found, "policy_cap", clause_start, quantity.start)
        per_head = _PER_HEAD.match(text, quantity.end)
        if (cap is not None or per_head) and unit is Unit.yuan:
            indicator = self._indicator_near(found, quantity, Unit.yuan) or (
                cap.text if cap is not None else "标准"
            )
            metric = Metric.policy_cap
        else:
            choice = self._choose_metric(found, index, quantity, unit, counted, is_change)
            if choice is None:
                choice = self._fallback(found, quantity, unit, counted, previous)
            if choice is None:
                return None
            metric, indicator, unit = choice
        if not found.topical and metric in self.lexicon.generic_metrics:
            return None  # money, enterprise counts, shares in a paragraph not about work
        if metric in self.lexicon.modifiers.stock_metrics and "新增" in text[
            max(clause_start, quantity.start - 12) : quantity.start
        ]:
            is_change = True  # 新增参保人数2.3万人: the growth of a stock
        projected = metric is not Metric.policy_cap and self._projected(found, clause_start, quantity)
        subject = self._subject(found, quantity, unit, counted, previous, metric)
        date, date_final = self._date(found, quantity, projected, metric)
        return Draft(
            quantity=quantity,
            metric=metric,
            indicator=indicator,
            unit=unit,
            # a cap's 最高/不超过 is part of the metric (the contract): exact
            qualifier=Qualifier.exact if metric is Metric.policy_cap else quantity.qualifier,
            kind=Kind.change if is_change else Kind.level,
            projected=projected,
            subject=subject if unit in _SUBJECT_UNITS else None,
            sector=self._sector(found, quantity),
            place=self._place(found, quantity),
            date=date,
            date_final=date_final,
        )

    def _choose_metric(
        self,
        found: SentenceFindings,
        index: int,
        quantity: Quantity,
        unit: Unit | None,
        counted: Noun | None,
        is_change: bool,
    ) -> tuple[Metric, str, Unit] | None:
        if unit is Unit.enterprise and counted is not None and counted.kind == "enterprise":
            return self._enterprise_count(found, quantity, counted)
        if unit is Unit.person and self._support_for(found, quantity, counted):
            indicator = self._indicator_near(found, quantity, Unit.yuan) or "为"
            return Metric.support_recipients, indicator, Unit.person
        best: tuple[float, Cue, Unit, Metric] | None = None
        for cue in found.cues:
            if not self._cue_stands(found, cue):
                continue
            fit = self._fit(cue, quantity, unit, is_change)
            if fit is None:
                continue
            cue_unit, metric = fit
            population = counted if counted is not None else self._noun_before(found, quantity)
            if (unit is Unit.percent and population is not None and population.kind != "excluded"
                    and metric is not cue.metric):
                # 八成规上企业复工: a share of what is counted takes that population's rate
                counted_unit = Unit.enterprise if population.kind == "enterprise" else Unit.person
                if counted_unit not in self.lexicon.metric_units[cue.metric]:
                    continue
            score = self._distance(found, index, quantity, cue)
            if score is None:
                continue
            if counted is not None and counted.start <= cue.start and cue.end <= counted.end:
                score += 4.0  # 4,300名求职者: the counted noun names the metric only weakly
            if best is None or score < best[0]:
                best = (score, cue, cue_unit, metric)
        if best is None:
            return None
        _, cue, cue_unit, metric = best
        return metric, cue.text, cue_unit

    @staticmethod
    def _listed_after_change(text: str, quantity: Quantity, previous: list[Draft]) -> bool:
        """分别增长36.5%和41.2%: the second of a list shares the first one's verb."""
        if not previous or previous[-1].kind is not Kind.change:
            return False
        return text[previous[-1].quantity.end : quantity.start] in ("和", "、", "及", "与")

    def _fallback(
        self,
        found: SentenceFindings,
        quantity: Quantity,
        unit: Unit | None,
        counted: Noun | None,
        previous: list[Draft],
    ) -> tuple[Metric, str, Unit] | None:
        """No metric word fits: what the number counts, or the figure before it, decides."""
        before = self._noun_before(found, quantity)
        if unit in (Unit.enterprise, None) and before is not None and before.kind == "enterprise":
            return Metric.enterprises_total, before.text, Unit.enterprise  # 工业企业达386家
        same_unit = [d for d in previous if d.unit is unit and unit is not None]
        if same_unit:  # 其中省内52.4万人、省外31.7万人: a breakdown of the figure before
            return same_unit[-1].metric, same_unit[-1].indicator, same_unit[-1].unit
        hint = found.metric_hints.get(unit) if unit is not None else None
        clause_start, _clause_end = self._clause(found.text, quantity.start, quantity.end)
        listed = "分别" in found.text[max(0, clause_start - 12) : quantity.start]
        if hint is not None and (found.text.lstrip().startswith("其中") or listed):
            return hint
        if not (found.cues or any(n.kind != "excluded" for n in found.nouns)):
            return None  # nothing in the sentence is about work: not a record
        if unit is Unit.percent and not self.lexicon.is_unrelated_rate(found.text):
            return Metric.other, (before.text if before else "占比"), Unit.percent
        noun = counted if counted is not None and counted.kind == "person" else before
        if noun is None and unit is Unit.person:  # 高校毕业生规模预计达1,158万人
            in_clause = [
                n for n in found.nouns
                if clause_start <= n.start and n.end <= quantity.start and n.kind == "person"
            ]
            noun = in_clause[-1] if in_clause else None
        if unit is Unit.person and noun is not None and noun.kind == "person":
            return Metric.other, noun.text, Unit.person
        return None

    def _noun_before(self, found: SentenceFindings, quantity: Quantity) -> Noun | None:
        """A noun right before the number, with at most a linking word between: 企业达386家."""
        for noun in reversed(found.nouns):
            if noun.end > quantity.start or noun.kind == "excluded":
                continue
            gap = found.text[noun.end : quantity.start]
            if len(gap) <= 3 and all(ch in "达为有共计约近超逾占了已总数的一是" for ch in gap):
                return noun
            return None
        return None

    def _cue_stands(self, found: SentenceFindings, cue: Cue) -> bool:
        """A cue is a word of its own: not 上工 in 以上工业, not 开工 in 新开工项目."""
        if len(cue.text) <= 2 and (
            cue.start not in found.token_starts and cue.end not in found.token_ends
        ):
            return False
        return not any(
            noun.kind == "excluded" and cue.end <= noun.start <= cue.end + 1
            and noun.end - noun.start > 1
            for noun in found.nouns
        )

    def _fit(
        self, cue: Cue, quantity: Quantity, unit: Unit | None, is_change: bool
    ) -> tuple[Unit, Metric] | None:
        """The unit and metric a cue gives this quantity, or None when they do not fit."""
        allowed = self.lexicon.metric_units[cue.metric]
        if cue.unit is not None:
            allowed = {cue.unit}
        if unit is None and not quantity.classifier:
            # 37.9万 with no counting word: the metric's own unit (劳动人口为37.9万)
            return self.lexicon.metric_table.metrics[cue.metric].units[0], cue.metric
        if unit is None:
            # 个 counts enterprises only when an enterprise noun follows (handled before)
            for candidate in (Unit.position, Unit.count, Unit.event):
                if candidate in allowed:
                    return candidate, cue.metric
            return None
        if unit is Unit.person and cue.accepts_persons:
            return self.lexicon.metric_table.metrics[cue.metric].units[0], cue.metric
        if unit is Unit.percentage_point:
            # points measure a change of a rate: only rate metrics (or other) take them
            rates = Unit.percent in allowed or cue.metric is Metric.other
            return (unit, cue.metric) if rates else None
        if unit in allowed:
            return unit, cue.metric
        if unit in (Unit.percent, Unit.percentage_point):
            rate = self.lexicon.metric_table.metrics[cue.metric].rate
            if is_change:
                return unit, cue.metric
            if rate is not None:
                return unit, rate
        return None

    def _distance(
        self, found: SentenceFindings, index: int, quantity: Quantity, cue: Cue
    ) -> float | None:
        text = found.text
        if cue.end <= quantity.start:
            if cue.where == "after":
                return None
            gap_start, gap_end = cue.end, quantity.start
            base = 0.0
        elif cue.start >= quantity.end:
            if cue.where == "before":
                return None
            if any(0 <= q.start - cue.end <= 1 for q in found.quantities):
                return None  # 共1.66万家，复工8125家: the word names the number right after it
            gap_start, gap_end = quantity.end, cue.start
            base = 1.5
        else:
            return None
        gap_text = text[gap_start:gap_end]
        if len(gap_text) > MAX_CUE_GAP:
            return None
        penalty = 9.0 * len(_CLAUSE.findall(gap_text)) + 3.0 * len(_LIST.findall(gap_text))
        between = [q for q in found.quantities if gap_start <= q.start and q.end <= gap_end]
        penalty += 7.0 * len(between)
        if cue.start not in found.token_starts and cue.start > 0:
            penalty += 2.0  # the cue starts inside a word of the segmentation
        if any(n.kind == "person" and n.start <= cue.start and cue.end <= n.end
               and n.end - n.start > cue.end - cue.start for n in found.nouns):
            penalty += 6.0  # 贫困劳动力: a population's name, not the measure of the number
        return base + len(gap_text) + penalty - cue.weight - 0.05 * len(cue.text)

    def _enterprise_count(
        self, found: SentenceFindings, quantity: Quantity, counted: Noun
    ) -> tuple[Metric, str, Unit]:
        """452家规上企业: the population, unless the words after say what they did."""
        text = found.text
        if self._support_for(found, quantity, counted):
            indicator = self._indicator_near(found, quantity, Unit.yuan) or counted.text
            return Metric.support_recipients, indicator, Unit.enterprise
        _, clause_end = self._clause(text, counted.end, counted.end)
        for cue in found.cues:
            if not counted.end <= cue.start <= counted.end + 6 or cue.start >= clause_end:
                continue
            if cue.metric is Metric.enterprises_resumed and self._rate_follows(found, cue.end):
                continue  # 10.79万户个体工商户陆续复业，复业率93.3%: the base of the rate
            if any(q.unit is Unit.enterprise and 0 <= q.start - cue.end <= 1
                   for q in found.quantities):
                continue  # 37家…企业已复工36家: the verb is the second number's
            if Unit.enterprise in self.lexicon.metric_units[cue.metric]:
                return cue.metric, cue.text, Unit.enterprise
        recruiting = [
            cue for cue in found.cues
            if cue.metric in (Metric.job_vacancies, Metric.recruitment_events, Metric.job_seekers)
        ]
        if recruiting:  # 邀请317家企业，提供1.8万多个岗位: employers at a fair or posting jobs
            return Metric.employers_recruiting, recruiting[0].text, Unit.enterprise
        return Metric.enterprises_total, counted.text, Unit.enterprise

    def _rate_follows(self, found: SentenceFindings, position: int) -> bool:
        return any(
            cue.start >= position and cue.metric is Metric.resumption_rate for cue in found.cues
        )

    def _indicator_near(self, found: SentenceFindings, quantity: Quantity, unit: Unit) -> str | None:
        """The nearest support word of the clause (补贴, 减免...), for support records."""
        start, end = self._clause(found.text, quantity.start, quantity.end)
        candidates = [
            cue for cue in found.cues
            if cue.metric is Metric.support_amount and start <= cue.start and cue.end <= end
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda cue: abs(cue.start - quantity.end)).text

    # -- context words ------------------------------------------------------------
    @staticmethod
    def _clause(text: str, start: int, end: int) -> tuple[int, int]:
        before = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
        after = _CLAUSE.search(text, end)
        return (before[-1] if before else 0), (after.start() if after else len(text))

    def _support_for(self, found: SentenceFindings, quantity: Quantity, counted: Noun | None) -> bool:
        """为10151户企业减免...: the beneficiaries of support, not 人数为24,201人."""
        if counted is None:
            return False
        _, clause_end = self._clause(found.text, quantity.end, quantity.end)
        after_noun = found.text[counted.end : clause_end]
        if counted.kind == "enterprise" and after_noun.startswith(self.lexicon.modifiers.service_words):
            return True  # 2,314家企业申领扩岗补助
        window = found.text[max(0, quantity.start - 3) : quantity.start]
        if not any(window.endswith(word) for word in _SUPPORT_BEFORE):
            return False
        if any(word in after_noun for word in self.lexicon.modifiers.service_words):
            return True  # 为36家重点企业提供“一对一”服务
        return any(
            cue.metric in _SERVICE_METRICS and quantity.end <= cue.start < clause_end
            for cue in found.cues
        )

    def _counted_noun(self, found: SentenceFindings, quantity: Quantity) -> Noun | None:
        """The noun the quantity counts: 452家[规上企业], 1.2万名[『4555』人员]."""
        for noun in found.nouns:
            if quantity.end <= noun.start <= quantity.end + 1:
                gap = found.text[quantity.end : noun.start]
                if gap in ("", "的"):
                    return noun
        return None

    def _excluded_before(self, found: SentenceFindings, quantity: Quantity) -> bool:
        if quantity.unit in (Unit.percent, Unit.yuan, Unit.percentage_point):
            return False
        return any(
            # 成员单位39个; one-character nouns (全市452家) are too ambiguous here
            noun.kind == "excluded" and noun.end == quantity.start and noun.end - noun.start > 1
            for noun in found.nouns
        )

    def _marker_before(
        self, found: SentenceFindings, label: str, start: int, end: int
    ) -> Marker | None:
        hits = [m for m in found.markers if m.label == label and start <= m.start and m.end <= end]
        return hits[-1] if hits else None

    def _projected(self, found: SentenceFindings, clause_start: int, quantity: Quantity) -> bool:
        """预计/将/力争 before the number, in its sentence, with no 已/目前 between."""
        text = found.text
        _, clause_end = self._clause(text, quantity.start, quantity.end)
        for marker in found.markers:
            if marker.label != "projection":
                continue
            if marker.start >= quantity.start:
                # 102家企业计划3月初之前开工, 低于5.5%的控制目标: the plan follows its figure
                share = quantity.unit is Unit.percent and marker.text != "目标"
                if marker.start < min(clause_end, quantity.end + 8) and not share and (
                    marker.start in found.token_starts and len(marker.text) > 1
                ):
                    return True
                continue
            # 可, 将, 能 are words only where the segmentation says so (认可, 将近, 能源 are not)
            if marker.start not in found.token_starts or (
                len(marker.text) == 1 and marker.end not in found.token_ends
            ):
                continue
            if text.startswith("的", marker.end) or "完成" in text[max(0, marker.start - 4):marker.start]:
                continue  # 参与计划的企业, 完成全年目标任务的58%: nouns, not plans
            between = text[marker.end : quantity.start]
            if marker.start < clause_start and any(word in between for word in _REALISED):
                continue  # 预计…，目前已…: what follows has happened
            return True
        return False

    def _sector(self, found: SentenceFindings, quantity: Quantity) -> Sector | None:
        hits = [
            m for m in found.markers if m.label.startswith("sector:") and m.end <= quantity.start
        ]
        return Sector(hits[-1].label.split(":", 1)[1]) if hits else None

    def _place(self, found: SentenceFindings, quantity: Quantity) -> PlaceRef | None:
        text = found.text
        before = [
            place for place in found.places
            if place.end <= quantity.start and not self._is_origin(text, place, found.places)
            and not self._is_demonym(found, place) and not _DATELINE_AFTER.match(text, place.end)
            and not _quoted(text, place.start)
        ]
        if (len(before) > 1 and text.startswith(self.lexicon.modifiers.agency_words, before[-1].end)
                and before[-1].start > before[-2].end):
            before = before[:-1]  # 阜新市争取辽宁省人社厅支持，…3000个: 阜新's figure
        if before:
            return before[-1]
        _, clause_end = self._clause(text, quantity.start, quantity.end)
        after = [
            p for p in found.places
            if quantity.end <= p.start < clause_end and not self._is_demonym(found, p)
        ]
        return after[0] if after else None

    @staticmethod
    def _is_demonym(found: SentenceFindings, place: PlaceRef) -> bool:
        """香港青年, 湖北籍员工, 贵州员工: a place that says where people are from."""
        if place.scope is not None:
            return False
        follow = place.end + (1 if found.text.startswith("籍", place.end) else 0)
        return any(n.start == follow and n.kind == "person" for n in found.nouns)

    def _is_origin(self, text: str, place: PlaceRef, places: Sequence[PlaceRef] = ()) -> bool:
        """从四川、云南等地: places workers come from or go to, not what is counted."""
        if place.scope is not None:
            return False
        window = text[max(0, place.start - 3) : place.start]
        if any(window.endswith(word) for word in _ORIGIN_WORDS):
            return True
        earlier = [p for p in places if p.end <= place.start]
        if earlier and text[earlier[-1].end : place.start] in ("、", "和", "及", "与", "，"):
            return self._is_origin(text, earlier[-1], earlier[:-1])
        return False

    def _subject(
        self,
        found: SentenceFindings,
        quantity: Quantity,
        unit: Unit,
        counted: Noun | None,
        previous: list[Draft],
        metric: Metric,
    ) -> str | None:
        if counted is not None and counted.kind != "excluded" and _compatible(counted, unit):
            return counted.text
        clause_start, _ = self._clause(found.text, quantity.start, quantity.end)
        before = [
            noun for noun in found.nouns
            if clause_start <= noun.start and noun.end <= quantity.start
            and noun.kind != "excluded" and _compatible(noun, unit)
        ]
        if before:
            # The longest of the nouns that end last: 企业职工 over 职工.
            last_end = max(noun.end for noun in before)
            return max((n for n in before if n.end == last_end), key=lambda n: n.end - n.start).text
        for draft in reversed(previous):
            if draft.subject and (unit is Unit.percent or draft.unit is unit):
                return draft.subject
            break
        return found.subject_hints.get(metric)

    def _date(
        self, found: SentenceFindings, quantity: Quantity, projected: bool, metric: Metric
    ) -> tuple[str | None, bool]:
        if metric is Metric.policy_cap:
            return None, True
        times = [
            t for t in found.times
            if (t.value is not None or t.year_only is not None) and not t.comparison
        ]
        if projected:
            # a target: a year, month or period before the number, or after it in its clause
            _, clause_end = self._clause(found.text, quantity.start, quantity.end)
            targets = [
                t for t in times
                if t.year_only is not None and t.kind in _TARGET_KINDS
                and (t.end <= quantity.start or quantity.end <= t.start < clause_end)
            ]
            if not targets:
                return None, True
            before = [t for t in targets if t.end <= quantity.start]
            target = before[-1] if before else targets[0]
            year_like = target.kind in ("relative_year", "year", "now") or target.value is None
            if year_like:
                return target.year_only, True
            value = target.value or ""
            if target.rolled_back:  # a target month after publication is this year's, not last
                value = f"{int(value[:4]) + 1:04d}{value[4:]}"
            return value, True
        as_of = [t for t in times if t.as_of and t.end <= quantity.start and t.value]
        if as_of:
            return as_of[-1].value, True
        before = [t for t in times if t.end <= quantity.start and t.value]
        if before:
            return before[-1].value, True
        _, clause_end = self._clause(found.text, quantity.start, quantity.end)
        after = [t for t in times if quantity.end <= t.start < clause_end and t.value]
        if after:
            return after[0].value, True
        return None, False

    # -- 分别 ----------------------------------------------------------------------
    def _distribute(self, found: SentenceFindings, drafts: list[Draft]) -> None:
        """哈尔滨、齐齐哈尔分别为91.3%和88.6%: the i-th number goes with the i-th name."""
        position = found.text.find("分别")
        if position < 0:
            return
        clause_start, clause_end = self._clause(found.text, position, position)
        after = [d for d in drafts if position < d.quantity.start < clause_end]
        if len(after) < 2:
            return
        places = [p for p in found.places if clause_start <= p.start and p.end <= position]
        if len(places) == len(after):
            for draft, place in zip(after, places, strict=True):
                draft.place = place
        nouns = [
            n for n in found.nouns
            if clause_start <= n.start and n.end <= position and n.kind != "excluded"
        ]
        if len(nouns) == len(after):
            for draft, noun in zip(after, nouns, strict=True):
                draft.subject = noun.text
        rates = self._listed_cues(found, clause_start, position, after[0].unit)
        if len(rates) == len(after):  # 开工率和人员复岗率分别回升至99.1%和95.4%
            for draft, cue in zip(after, rates, strict=True):
                draft.metric, draft.indicator = cue.metric, cue.text

    def _listed_cues(self, found: SentenceFindings, start: int, end: int, unit: Unit) -> list[Cue]:
        """Metric words listed before 分别, one per position, that fit the numbers' unit."""
        listed: list[Cue] = []
        for cue in found.cues:
            if not (start <= cue.start and cue.end <= end) or unit not in self.lexicon.metric_units[
                cue.metric
            ]:
                continue
            if listed and cue.start < listed[-1].end:
                if cue.end - cue.start > listed[-1].end - listed[-1].start:
                    listed[-1] = cue  # nested words: keep the longest
                continue
            listed.append(cue)
        return listed


def _quoted(text: str, position: int) -> bool:
    """Inside “...” or 《...》: part of a name (“就在苏州”招聘活动), not a place of its own."""
    before = text[:position]
    return any(before.count(open_) > before.count(close) for open_, close in _QUOTES)


def _compatible(noun: Noun, unit: Unit) -> bool:
    if unit is Unit.person:
        return noun.kind == "person"
    if unit is Unit.enterprise:
        return noun.kind == "enterprise"
    return True


__all__ = ["Draft", "Linker", "PlaceRef", "SentenceFindings", "replace"]
