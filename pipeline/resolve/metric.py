"""Metric, indicator and unit of a quantity: which measure a number answers to.

The contract's rules, in the order the functions below apply them:

1. A number counting an excluded noun (成员单位39个, 6所高校) or named inside a name is no record;
   nor is one that an out-of-scope word governs (增加值, 再贷款, 货运量: macro indicators, finance,
   business-cost relief), nor one person's money in an anecdote (她月薪4500元), v2; nor casualties
   (造成3名员工受伤), nor support in a sentence that names no work or firms' operation (建设保障性
   住房…惠及1.4亿多人).
2. Money per head or under a cap (最高可申领2万元, 300元/人), or what a rule grants each member
   of a class (对引进的博士给予18万元补贴), is `policy_cap`.
3. Recipients of support — whoever received money or a service (为35家企业发放补贴,
   向120名人员提供岗位援助) — are `support_recipients`, not an enterprise population.
4. N家 + an enterprise noun is a population (`enterprises_total`) unless the words after it say
   what those enterprises did (复工 → `enterprises_resumed`, at a fair → `employers_recruiting`,
   挂牌/升规/申报 → `other`). Workers on strike are `other`.
5. Otherwise the nearest metric word (cue) that fits the number's unit wins; cues of the
   same clause beat cues across commas; a share of a population takes that population's rate.
6. A topic carries through its paragraph: after 减班休息/无薪假, units counted are
   `furlough_employers` and persons `furloughed_workers` (v2).
7. With no fitting cue: a breakdown (其中, 分别) takes the metric of the figure before it; any
   counted number or rate in a paragraph about work is `other` (recall first, v2).
8. Generic metrics (money, enterprise counts, shares) are records only in paragraphs about work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import NamedTuple

from pipeline.extract.findings import SentenceFindings
from pipeline.extract.lexicon import Cue, Lexicon, Marker, Noun
from pipeline.extract.numbers import Quantity
from pipeline.resolve.draft import Draft, clause, clause_marks, marker_before, noun_before
from schemas import Metric, Qualifier, Unit

# 300元/人, 500元每人的标准: a rate per beneficiary, i.e. a policy's amount per head
_PER_HEAD = re.compile(r"[/／](?:人|户|家|月|岗)|每(?:人|户|家|名)")
_BARE_RATIO = re.compile(r"[^，。；,;\d]{0,6}?(?P<number>\d+(?:\.\d+)?)(?![\d.%万亿个人家])")
# 18.3万名劳工: a count that stands between a class's number and its noun
_COUNT_AHEAD = re.compile(r"^[近约超]?[\d.,万亿千]+[余多]?[名个人位家户]")
# words that only describe what a number counts (来自不同地区的, 中央定点): no verb of motion or
# service, so 吸纳200人到社区 is no count of communities
_DESCRIPTION = re.compile(r"[^，。；,;、\d到在去进为给向赴入回返于从至和与及、]{1,10}")
_DESCRIBED_GAP = 10
_HEAD_END = "、，,。；;和及与"  # what closes the noun phrase after a number
# “7.7亿人”——守住就业基本盘: a quoted figure that heads a section
_DISPLAY_AFTER = ("”——", "”—", "”──")
# how far a hiring word may stand from its own figure (发布招聘岗位19096个, 3000多个岗位)
_HIRING_REACH = 8
_LIST = re.compile(r"[、和及与]")
# 复工企业中满负荷生产的有56家: a band (的有 / 的) defined among the firms named before 中, right
# before the number, or after 其中 (not 企业中已复工的: what the firms did, nor 中国/中关村)
_BAND = re.compile(r"(?:(?<=企业)|(?<=单位)|(?<=工厂)|(?<=公司)|(?<=商户)|(?<=主体)|(?<=其))中"
                   r"(?P<band>(?:(?!复工|复产|开工|复业)[^，。；,;\d]){1,20}的)(?:有|共有|达)?$")
# 25户…工业企业中，有15家产能利用率达到95%以上: a subset of the firms named before, whose band
# (a rate they reach) is said after the number
_SUBSET_HEAD = re.compile(r"(?:企业|单位|工厂|公司|商户|主体|其)中[，,]?(?:有|共有)?$")
_RATE_METRICS = frozenset((Metric.resumption_rate, Metric.at_work_rate))
MAX_CUE_GAP = 26
_PERSON_CLASSIFIERS = frozenset(("人", "名", "位", "人次"))  # 带动社区1809名: people counted
_STOCK_ENDS = frozenset("，。；,;、！？")  # what may follow a workforce counted after its number
# 为全市重点保供的1.7万家企业: how far 为/向/对 may stand before the number it serves
_SERVICE_GAP = 12
# 为N户企业 + one of these (减免, 推荐用工, 培训) makes the N beneficiaries of a service.
_SERVICE_METRICS = {Metric.support_amount, Metric.job_matches, Metric.trainees}
_COUNT_UNITS = frozenset({Unit.person, Unit.enterprise, Unit.position})
# what stands between a count of firms and the staff it involves: 120家，涉及职工3000人
_INVOLVED = re.compile(r"[^，。；,;\d]{0,16}[，,]涉及[^，。；,;\d]{0,8}")
# what stands between a count and its share: 192家，占比69.3%
_SHARE_GAPS = ("，占比", "，占比为", "，占比达", "，占比达到", ",占比", "，占")
_SUPPORT_METRICS = frozenset({Metric.support_amount, Metric.support_recipients})

Choice = tuple[Metric, str, Unit]
_RECALL_UNITS = {Unit.person, Unit.enterprise, Unit.ratio}
# metrics a topic carried through the paragraph may replace: they say no more than "a count"
_TOPIC_OPEN = {Metric.enterprises_total, Metric.other, Metric.workers_at_work,
               Metric.furlough_employers, Metric.furloughed_workers}


# 农业部门为: the short label of a list item before its count
LIST_UNITS = (Unit.person, Unit.enterprise)  # also the loop's filter of list items (process.py)
_LIST_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{1,8}(?:为|有|达|计)")


def _recruiting_cue(found: SentenceFindings, after: int = 0) -> Cue | None:
    """The first word of the sentence about hiring (岗位, 招聘会, 求职者) from `after` on that
    names a figure of its own (提供岗位3000多个; not 提供了大量就业岗位), if any."""
    return next((cue for cue in found.cues if cue.start >= after and cue.metric in (
        Metric.job_vacancies, Metric.recruitment_events, Metric.job_seekers)
        and _has_figure(found, cue)), None)


def _hiring_after(found: SentenceFindings, quantity: Quantity) -> Cue | None:
    """A hiring word with a figure of its own after the number, in a sentence that creates no
    jobs (带动上万个就业岗位): the firms counted are employers recruiting."""
    if any(cue.metric is Metric.jobs_created and _has_figure(found, cue) for cue in found.cues):
        return None  # (助就业 in a campaign's name creates nothing)
    return _recruiting_cue(found, quantity.end)


def _has_figure(found: SentenceFindings, cue: Cue) -> bool:
    """A number stands within reach of the word (提供岗位3000多个, 3000多个岗位)."""
    return any(-_HIRING_REACH <= q.start - cue.end <= _HIRING_REACH
               or -_HIRING_REACH <= cue.start - q.end <= _HIRING_REACH for q in found.quantities)


def _excluded_ahead(found: SentenceFindings, quantity: Quantity, post_words: Sequence[str]) -> bool:
    """5名来自不同地区的第一书记, 37家中央定点帮扶单位, 8800多家“共富工坊”: the first noun after
    the number, behind words that only describe it, is one the contract leaves out."""
    ahead = [n for n in found.nouns if quantity.end <= n.start <= quantity.end + _DESCRIBED_GAP
             and n.end - n.start > 1]  # one character (地区's 区) is too often part of a word
    if not ahead:
        return False
    noun = min(ahead, key=lambda n: n.start)
    gap = found.text[quantity.end : noun.start]
    if not _DESCRIPTION.fullmatch(gap):
        return False
    if noun.kind != "excluded" or found.text.startswith(tuple(post_words), noun.end):
        # 5万余名机关企事业单位党员、干部: the head is the noun that closes the phrase
        return _excluded_head(found, quantity)
    return gap.endswith(("的", "“", "「")) or len(gap) <= 4


def _excluded_head(found: SentenceFindings, quantity: Quantity) -> bool:
    """The noun that ends the phrase after the number (before 、，。 or 和) is left out by the
    contract, and only nouns and describing words stand before it."""
    text = found.text
    heads = [n for n in found.nouns if quantity.end < n.end <= quantity.end + _DESCRIBED_GAP + 2
             and n.end - n.start > 1 and (n.end == len(text) or text[n.end] in _HEAD_END)]
    if not heads:
        return False
    head = min(heads, key=lambda n: (n.end, n.start))
    return head.kind == "excluded" and bool(_DESCRIPTION.fullmatch(text[quantity.end : head.start]
                                                                  or "的"))


def _per_head_before(found: SentenceFindings, quantity: Quantity) -> Marker | None:
    """每招用一名就业困难人员，企业可以拿到100元: a per-head marker earlier in the sentence."""
    hits = [m for m in found.markers if m.label == "policy_cap" and m.end <= quantity.start
            and m.text.startswith("每") and m.text.endswith(("一名", "招用", "1人", "1名"))]
    return hits[-1] if hits else None


# 对…员工分别给予18万元（5年）、5.4万元（3年）: what a rule grants each of a class, no total paid
_GRANT = re.compile(r"给予[^\d，。；、]{0,5}(?:[\d.,]+[万千百]*元(?:[（(][^）)]{0,8}[）)])?、)*$")
_GRANT_REACH = 60  # characters from 对 to the amount


def _granted_by_rule(found: SentenceFindings, quantity: Quantity) -> bool:
    """对创业企业引进的博士给予18万元补贴: an amount a rule grants each member of a class (the
    class is named without a number between 对 and 给予: 对320家企业给予 is a total)."""
    before = found.text[max(0, quantity.start - _GRANT_REACH) : quantity.start]
    head = before.rfind("对")
    if head < 0:
        return False
    grant = _GRANT.search(before, head)
    return grant is not None and not any(c.isdigit() for c in before[head : grant.start()])


class _Distance(NamedTuple):
    """How far a cue is from naming a quantity, but for the segmentation's word starts."""

    near: float  # 1.5 when the cue comes after the number, and the characters between
    penalty: float  # what lies between (clauses, list marks, numbers), a population's name
    cue: Cue

    def score(self, inside_word: bool, weak: int) -> float:
        """The cue's score; `inside_word`: it starts inside a word of the segmentation (2 more,
        as the penalty, which holds whole numbers only, so the sum is the same in any order);
        `weak`: 1 when the noun counted or the population names it (4 more), 2 when the people
        so named reach an outcome their clause names (8 more again). Adding to a float sum
        never makes it smaller: False gives the least score, True the most."""
        penalty = self.penalty + 2.0 if inside_word else self.penalty
        score = self.near + penalty - self.cue.weight - 0.05 * len(self.cue.text)
        if weak >= 1:
            score += 4.0
        if weak >= 2:
            score += 8.0
        return score


class _Candidate(NamedTuple):
    """A cue that fits a quantity, and the least and most score it can have (`_by_cue`)."""

    least: float
    most: float
    order: int  # its place among the sentence's cues: the first wins among equal scores
    distance: _Distance
    unit: Unit
    metric: Metric
    weak: int  # as `_Distance.score` reads it


def _least_first(candidates: Sequence[_Candidate], stands: Callable[[_Candidate], bool],
                 score: Callable[[_Candidate], float]) -> _Candidate | None:
    """The candidate that `stands` of the least `score`, the first in order among equal ones:
    what scoring each in order and keeping a strictly less score gives. No score is less than
    its candidate's `least` nor more than its `most`, so the candidates are tried from the
    least `least` up; one whose least cannot beat the best so far is not tried, and the best's
    own score is asked only when a later candidate may beat its `most`."""
    best: _Candidate | None = None
    best_score: float | None = None  # asked when needed
    for candidate in sorted(candidates, key=lambda c: (c.least, c.order)):
        if best is not None:
            if (candidate.least, candidate.order) >= (best.most, best.order):
                break  # neither this one nor any after it can score less (or as little, earlier)
            if best_score is None:
                best_score = score(best)
            if (candidate.least, candidate.order) >= (best_score, best.order):
                break
        if not stands(candidate):
            continue
        if best is None:
            best = candidate
            continue
        value = score(candidate)
        if (value, candidate.order) < (best_score, best.order):
            best, best_score = candidate, value
    return best


class MetricResolver:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # the learned classifier (`pipeline.resolve.learned_metric`), when switched on: it
        # relabels a record the rules kept (`SentenceResolver`), never makes or drops one
        self.learned: Callable[[SentenceFindings, Quantity, Choice | None], Choice | None] | None = None

    # -- rule 1: not a record --------------------------------------------------------
    def excluded(self, found: SentenceFindings, quantity: Quantity, counted: Noun | None) -> bool:
        if found.text.startswith(_DISPLAY_AFTER, quantity.end) and found.text.endswith(
                "“", 0, quantity.start):
            return True  # “1361万人”——去年我国城镇新增就业1361万人: a display headline of the body
        if counted is not None and counted.kind == "excluded":
            return True
        if counted is not None and counted.kind == "enterprise" and found.text.startswith(
                self.lexicon.modifiers.firm_bodies, counted.end):
            return True  # 21家规模以上企业党委: party committees, not firms
        if found.text.endswith(self.lexicon.modifiers.per_head_count, 0, quantity.start):
            return True  # 每招用1人不超过1500元: the 1 is the head the money is counted by
        if quantity.unit in (Unit.percent, Unit.yuan, Unit.percentage_point):
            return False
        if counted is not None and counted.kind in ("person", "enterprise"):
            return False  # 社区1809名搬迁群众: the number counts the people, not the community
        if counted is None and _excluded_ahead(found, quantity, self.lexicon.modifiers.job_post_words):
            return True
        return any(
            # 成员单位39个; one-character nouns (全市452家) are too ambiguous here
            noun.kind == "excluded" and noun.end == quantity.start and noun.end - noun.start > 1
            for noun in found.nouns
        )

    def defines_class(self, found: SentenceFindings, quantity: Quantity) -> bool:
        """用工100人以上的企业, 复产率超70%的企业: a number inside a class's name (v2)."""
        modifiers = self.lexicon.modifiers
        after = found.text[quantity.end : quantity.end + 12]
        before = found.text[max(0, quantity.start - 4) : quantity.start].rstrip("超过低于高不足到达在")
        if quantity.unit in (Unit.percent, Unit.percentage_point) and not before.endswith(("率", "水平")):
            return False  # 八成以上的企业已开工: a share of enterprises; 开工率八成以上的企业: a class
        rest = next((after[len(w):] for w in modifiers.class_after if after.startswith(w)), None)
        if rest is not None and quantity.unit is Unit.enterprise and not rest.startswith("的"):
            rest = None  # 1.5万户以上小微企业: over so many firms, not a class of firms
        if rest is None and after.startswith("的") and before.endswith(("率", "水平")):
            rest = after[1:]  # 复产率超70%的企业
        raw_before = found.text[max(0, quantity.start - 4) : quantity.start]
        if rest is None and after.startswith("的") and raw_before.endswith(modifiers.class_before):
            rest = after[1:]  # 月薪低于2万元的18.3万名劳工
        if rest is None:
            return False
        head = re.split(r"[，。；,;、\d]", _COUNT_AHEAD.sub("", rest), maxsplit=1)[0][:8]
        return any(noun in head for noun in modifiers.class_nouns)

    def out_of_scope(self, found: SentenceFindings, quantity: Quantity, metric: Metric) -> bool:
        """An out-of-scope word closer before the number than any metric word, in its clause."""
        start, end = clause(found.text, quantity.start, quantity.end)
        # 降低失业保险费率为企业减少成本456亿元, 融资成本……社保减免6000亿元: insurance relief is support
        insurance = quantity.unit is Unit.yuan and any(
            w in found.text[start:end] for w in self.lexicon.modifiers.social_insurance_words)
        if not insurance and self._lent_money(found, quantity, metric):
            return True
        if any(w in found.text for w in self.lexicon.modifiers.always_out_words):
            return True  # 19家企业劳动纠纷, 社保卡持卡人数…覆盖97.3%的人口: out, whatever is counted
        if metric is Metric.support_recipients and self._general_relief(found, start, end):
            return True  # 为27万家中小微企业减负60亿元: recipients of business-cost relief (v2)
        if metric is Metric.resumption_rate and self._macro_rate(found, quantity):
            return True  # 全年全国工业产能利用率为76.6%: a macro indicator, not firms resuming
        if quantity.unit in (Unit.person, None) and any(
                w in found.text[start:end] for w in self.lexicon.modifiers.casualty_words):
            return True  # 撞死2名铁路工人, 造成3名员工受伤: casualties, not workers
        if metric is Metric.workers_transported and not self._carries_workers(found):
            return True  # 206名日本人乘包机回国: people carried, not workers
        if metric is Metric.trainees and self._non_work_training(found, start, end):
            return True  # 培训骨干教师640名: training in a public service, not for work
        if metric in _SUPPORT_METRICS and not any(
                w in found.text for w in self.lexicon.modifiers.employment_support_words):
            return True  # 建设保障性住房，惠及1.4亿多人: support that is not about work (v2)
        if metric is Metric.support_amount and not any(
                w in found.text for w in self.lexicon.modifiers.support_money_words):
            return True  # 下达疫情防控补助资金470亿元: money that pays for no job or firm (v2)
        if insurance or (quantity.unit is Unit.enterprise and (
                quantity.classifier != "户"
                or found.text.startswith(self.lexicon.modifiers.firms_counted_by_hu, quantity.end))):
            return False  # 有进出口实绩的民营企业近4.7万家: a population, whatever defines it
            # (户 counts households too: 完成贫困户危房改造1561户 is welfare)
        if self._out_after(found, quantity, metric, start, end) or self._out_noun_after(
                found, quantity, end):
            return True
        if quantity.unit is Unit.yuan and self._general_relief(found, start, quantity.start):
            return True  # 为企业减负超过300亿元: business-cost relief, not support for jobs
        window = found.text[start : quantity.start]
        word_end = self.lexicon.last_out_of_scope(window)
        if word_end < 0 and start > 0 and self._bare_change(found, window, start, end):
            # 订单量同比增长18%，3月份增长了30%: a clause that only says how much inherits the
            # measure of the clauses before it
            start, window = 0, found.text[: quantity.start]
            word_end = self.lexicon.last_out_of_scope(window)
        if word_end < 0:
            return self._anecdote_money(found, quantity, metric, start)
        cue_ends = [c.end - start for c in found.cues
                    if start <= c.start and c.end <= quantity.start and c.metric is not Metric.other]
        # an out-of-scope word that ends with the metric word holds it (帮扶资金 over 资金)
        return word_end >= max(cue_ends, default=-1)

    def _macro_rate(self, found: SentenceFindings, quantity: Quantity) -> bool:
        """The rate word nearest before the number is a macro indicator's (产能利用率) and the
        paragraph is not about work and names neither resumption nor the epidemic (v2: macro
        indicators are out unless the text uses them as a measure of enterprises resuming work)."""
        modifiers = self.lexicon.modifiers
        if found.topical or not found.paragraph:
            return False
        before = [c for c in found.cues
                  if c.metric is Metric.resumption_rate and c.end <= quantity.start]
        if not before or before[-1].text not in modifiers.macro_rate_terms:
            return False
        return not any(word in found.paragraph for word in modifiers.resumption_context_words)

    def _carries_workers(self, found: SentenceFindings) -> bool:
        """The sentence names workers or work, or breaks down the figure before it (其中，甲县、乙县
        分别接回2100人和1650人), whose sentence did."""
        text = found.text
        return (text.lstrip().startswith("其中") or "分别" in text
                or any(w in text for w in self.lexicon.modifiers.transported_worker_words))

    def _non_work_training(self, found: SentenceFindings, start: int, end: int) -> bool:
        modifiers = self.lexicon.modifiers
        return any(w in found.text[start:end] for w in modifiers.non_work_trainees) and not any(
            w in found.text for w in modifiers.skills_training_words)

    def _out_after(self, found: SentenceFindings, quantity: Quantity, metric: Metric, start: int,
                   end: int) -> bool:
        """601人实现脱贫, 12人当上干部: what the people did is outside the contract (v2)."""
        if quantity.unit not in (Unit.person, None):
            return False  # None: 24万建档立卡贫困人口, counted by the noun after it
        after = found.text[quantity.end : end]
        spots = [after.find(word) for word in self.lexicon.modifiers.out_after_words if word in after]
        if not spots:
            return False
        # 带动50人就业后脱贫: a metric word between the number and the out word counts them
        return metric is Metric.other or not self._cue_in(found, quantity.end, quantity.end + min(spots))

    def multiple_of_dropped(self, found: SentenceFindings, index: int, previous: Sequence[Draft]
                            ) -> bool:
        """是上年的3倍 after a figure that is no record (帮扶资金177亿元, 工业项目34个): a multiple
        of nothing the contract counts; its clause names no measure or noun of its own."""
        quantity = found.quantities[index]
        if quantity.unit is not Unit.ratio or index == 0:
            return False
        start, end = clause(found.text, quantity.start, quantity.end)
        if "的" not in found.text[start : quantity.start] or self._cue_in(found, start, end) or any(
                start <= n.start < end and n.kind != "excluded" for n in found.nouns):
            return False
        base = found.quantities[index - 1]
        return not any(draft.quantity is base for draft in previous)

    def _bare_change(self, found: SentenceFindings, window: str, start: int, end: int) -> bool:
        """A clause with no metric word and no noun of its own that says only a change."""
        if self._cue_in(found, start, end) or any(
                start <= n.start < end and n.kind != "excluded" for n in found.nouns):
            return False
        modifiers = self.lexicon.modifiers
        return any(word in window for word in (*modifiers.change_up, *modifiers.change_down))

    def _out_noun_after(self, found: SentenceFindings, quantity: Quantity, end: int) -> bool:
        """下拨3.96亿元困难帮扶资金: the noun after the number that names it is out of scope."""
        after = [c for c in found.cues if quantity.end <= c.start and c.end <= end
                 and c.metric is not Metric.other
                 and quantity.unit in self.lexicon.metric_units[c.metric]]
        if not after:
            return False
        first = min(after, key=lambda c: c.start)
        window = found.text[quantity.end : first.end]
        # the out-of-scope word ends the noun or stands right before its head (困难帮扶 + 资金)
        return self.lexicon.last_out_of_scope(window) >= len(window) - len(first.text)

    def _general_relief(self, found: SentenceFindings, start: int, number_start: int) -> bool:
        modifiers = self.lexicon.modifiers
        window = found.text[start:number_start]
        if not any(word in window for word in modifiers.general_relief_words):
            return False
        return not any(w in found.text for w in (*modifiers.social_insurance_words,
                                                 *modifiers.job_finance_words,
                                                 *modifiers.general_relief_exempt))

    @staticmethod
    def _cue_in(found: SentenceFindings, start: int, end: int) -> bool:
        return any(start <= c.start and c.end <= end and c.metric is not Metric.other
                   for c in found.cues)

    def _lent_money(self, found: SentenceFindings, quantity: Quantity, metric: Metric) -> bool:
        """发放流动资金贷款5亿元, 50亿元专项再贷款: money lent in a sentence not about jobs (reading 4),
        and those it was lent to (为700多家小微企业发放贷款)."""
        if quantity.unit is not Unit.yuan and metric is not Metric.support_recipients:
            return False
        modifiers = self.lexicon.modifiers
        # 帮助解决…融资需求等问题: financing as a need names no loan made to those counted
        words = modifiers.finance_words if quantity.unit is Unit.yuan else modifiers.loan_words
        # the whole sentence: 专项贷款已完成投放，共发放1200亿元 lends the 1200亿元 too
        return any(w in found.text for w in words) and not any(
            w in found.text for w in modifiers.job_finance_words)

    def _anecdote_money(self, found: SentenceFindings, quantity: Quantity, metric: Metric,
                        start: int) -> bool:
        """一个月工资不到2000元: one person's wage, no record; 平均月薪6200元 is one."""
        if metric is not Metric.other or quantity.unit is not Unit.yuan:
            return False
        window = found.text[start : quantity.start]
        modifiers = self.lexicon.modifiers
        if not any(word in window for word in modifiers.wage_words):
            return False
        if any(word in found.text for word in modifiers.population_money_words):
            return False
        text = found.text
        for word in modifiers.single_person_false_friends:
            text = text.replace(word, "")
        return any(word in text for word in modifiers.single_person_words)

    def resuming_projects(self, found: SentenceFindings, counted: Noun | None, quantity: Quantity
                          ) -> bool | None:
        """300个重大项目全面复工: projects resuming work are other (v2); other project counts are
        no records (None when the number does not count projects)."""
        modifiers = self.lexicon.modifiers
        if counted is None or counted.text not in modifiers.project_nouns:
            return None
        start, end = clause(found.text, quantity.start, quantity.end)
        return any(word in found.text[start:end] for word in modifiers.project_resume_words)

    def unit_of(self, quantity: Quantity, counted: Noun | None) -> Unit | None:
        unit = quantity.unit
        if unit is None and counted is not None:
            unit = Unit.enterprise if counted.kind == "enterprise" else None
            if counted.kind == "person" and quantity.classifier in ("", "个", "位"):
                unit = Unit.person  # 200万劳工, 6197个贫困人口: a number counting people
        return unit

    # -- rule 2: caps ----------------------------------------------------------------
    def policy_cap(self, found: SentenceFindings, quantity: Quantity, unit: Unit | None) -> Choice | None:
        if unit is not Unit.yuan:
            return None
        clause_start, _ = clause(found.text, quantity.start, quantity.end)
        cap = marker_before(found, "policy_cap", clause_start, quantity.start) or _per_head_before(
            found, quantity)
        if cap is None and not _PER_HEAD.match(found.text, quantity.end) \
                and not _granted_by_rule(found, quantity):
            return None
        if not any(word in found.text for word in self.lexicon.modifiers.cap_context_words):
            return None  # 每人每天120多元, 每小时1美元: a wage, not a policy's amount per head
        indicator = self.indicator_near(found, quantity, Unit.yuan) or (
            cap.text if cap is not None else "标准"
        )
        return Metric.policy_cap, indicator, Unit.yuan

    # -- rules 3-7 -------------------------------------------------------------------
    def choose(
        self,
        found: SentenceFindings,
        index: int,
        quantity: Quantity,
        unit: Unit | None,
        counted: Noun | None,
        is_change: bool,
        previous: Sequence[Draft],
    ) -> Choice | None:
        choice = self._by_cue(found, index, quantity, unit, counted, is_change)
        choice = self._breakdown(found, quantity, unit, choice, previous) or choice
        choice = self._rate_of_figure(found, quantity, unit, is_change, previous) or choice
        choice = self._share_of_resumed(found, quantity, unit, choice, previous) or choice
        choice = self._furloughed_staff(found, quantity, unit, previous) or choice
        topical = self._by_topic(found, unit, choice)
        if topical is not None:
            return topical
        if choice is None:
            choice = self._fallback(found, quantity, unit, counted, previous)
        choice = self._on_strike(found, quantity, self._moved(found, quantity, choice))
        return self._band(found, quantity, choice)

    @staticmethod
    def _band(found: SentenceFindings, quantity: Quantity, choice: Choice | None) -> Choice | None:
        """复工企业中满负荷生产的有56家, 其中产值过亿元的114家: firms of a performance band among
        those counted are `other` (v2), not the population or what it did."""
        if choice is None or choice[2] is not Unit.enterprise or choice[0] is Metric.other:
            return choice
        start, _ = clause(found.text, quantity.start, quantity.end)
        band = _BAND.search(found.text, start, quantity.start)
        if band:
            return Metric.other, band.group("band"), Unit.enterprise
        # the rate right after the count (444家复工、复工率98.2%: the firms' own verb comes first)
        rate = next((c for c in found.cues if c.metric in _RATE_METRICS
                     and c.start == quantity.end), None)
        if rate is not None and _SUBSET_HEAD.search(found.text, max(0, quantity.start - 8),
                                                    quantity.start):
            return Metric.other, rate.text, Unit.enterprise  # 中，有15家产能利用率达到95%以上
        return choice

    def _on_strike(self, found: SentenceFindings, quantity: Quantity, choice: Choice | None
                   ) -> Choice | None:
        """约2万名铁路员工举行罢工: workers on strike are no workforce at work; `other`."""
        if choice is None or choice[0] not in (Metric.workers_at_work, Metric.support_recipients):
            return choice
        start, end = clause(found.text, quantity.start, quantity.end)
        if not any(word in found.text[start:end] for word in self.lexicon.modifiers.strike_words):
            return choice
        return Metric.other, choice[1], choice[2]

    def _moved(self, found: SentenceFindings, quantity: Quantity, choice: Choice | None
               ) -> Choice | None:
        """1800余名转移就业人员乘坐专列，抵达乌鲁木齐: people who rode and arrived were moved."""
        if choice is None or choice[0] is not Metric.workers_at_work or choice[2] is not Unit.person:
            return choice
        after = found.text[quantity.end :]
        modifiers = self.lexicon.modifiers
        ride = next((word for word in modifiers.ride_words if word in after), None)
        if ride is None or not any(word in after for word in modifiers.arrival_words):
            return choice
        return Metric.workers_transported, ride, Unit.person

    def _rate_of_figure(self, found: SentenceFindings, quantity: Quantity, unit: Unit | None,
                        is_change: bool, previous: Sequence[Draft]) -> Choice | None:
        """较上年同月增加6万4千人或0.55%, 总量1.87亿人，同比增长2.1%: a rate of change written
        right after a count is that count's change, in its metric."""
        if unit is not Unit.percent or not is_change or not previous:
            return None
        figure = previous[-1]
        if figure.unit not in _COUNT_UNITS or (
                figure.metric is Metric.other and self.lexicon.is_unrelated_rate(found.text)):
            return None  # (a count with no metric word keeps the unrelated-rate check of shares)
        if not self.lexicon.is_change_gap(found.text[figure.quantity.end : quantity.start]):
            return None
        return figure.metric, figure.indicator, Unit.percent

    @staticmethod
    def _share_of_resumed(found: SentenceFindings, quantity: Quantity, unit: Unit | None,
                          choice: Choice | None, previous: Sequence[Draft]) -> Choice | None:
        """已复工复产192家，占比69.3%: a bare share right after a count of firms that resumed is
        their share, the resumption rate (v2: 复工企业占比)."""
        if unit is not Unit.percent or not previous or (choice is not None and choice[0] is not Metric.other):
            return None
        figure = previous[-1]
        if figure.metric is not Metric.enterprises_resumed:
            return None
        if found.text[figure.quantity.end : quantity.start] not in _SHARE_GAPS:
            return None
        return Metric.resumption_rate, "占比", Unit.percent

    @staticmethod
    def _furloughed_staff(found: SentenceFindings, quantity: Quantity, unit: Unit | None,
                          previous: Sequence[Draft]) -> Choice | None:
        """实施减班休息的企业120家，涉及职工3000人: the staff a count of furloughing firms involves
        are the furloughed workers."""
        if unit is not Unit.person or not previous or previous[-1].metric is not Metric.furlough_employers:
            return None
        if _INVOLVED.fullmatch(found.text, previous[-1].quantity.end, quantity.start) is None:
            return None
        return Metric.furloughed_workers, "涉及", Unit.person

    @staticmethod
    def _breakdown(found: SentenceFindings, quantity: Quantity, unit: Unit | None,
                   choice: Choice | None, previous: Sequence[Draft]) -> Choice | None:
        """输送务工人员4.2万人，其中赴新疆务工人员1.1万人: a breakdown whose only metric word is
        inside the name of the group counted keeps the metric of the figure it breaks down."""
        if choice is None or unit is None:
            return None
        start, _end = clause(found.text, quantity.start, quantity.end)
        if not found.text[start:quantity.start].lstrip().startswith("其中"):
            return None
        same_unit = [d for d in previous if d.unit is unit]
        if not same_unit or same_unit[-1].metric is choice[0]:
            return None
        in_name = any(
            noun.kind != "excluded" and noun.start <= cue.start and cue.end <= noun.end
            and start <= cue.start < quantity.start and cue.text == choice[1]
            for cue in found.cues for noun in found.nouns
        )
        if not in_name:
            return None
        return same_unit[-1].metric, same_unit[-1].indicator, same_unit[-1].unit

    @staticmethod
    def _by_topic(found: SentenceFindings, unit: Unit | None, choice: Choice | None) -> Choice | None:
        """Rule 6: 减班休息…；实施单位N家、人数N人: the paragraph's topic names the counts."""
        topic = found.topic
        if topic is None or (choice is not None and choice[0] not in _TOPIC_OPEN):
            return None
        if unit is Unit.enterprise:
            return topic.units, "实施单位", Unit.enterprise
        if unit is Unit.person:
            return topic.persons, "人数", Unit.person
        return None

    def _by_cue(
        self,
        found: SentenceFindings,
        index: int,
        quantity: Quantity,
        unit: Unit | None,
        counted: Noun | None,
        is_change: bool,
    ) -> Choice | None:
        if unit is Unit.enterprise and counted is not None and counted.kind == "enterprise":
            return self._enterprise_count(found, quantity, counted)
        if unit is Unit.person and self._support_for(found, quantity, counted):
            indicator = self.indicator_near(found, quantity, Unit.yuan) or "为"
            return Metric.support_recipients, indicator, Unit.person
        if unit is Unit.enterprise and counted is None and self._support_for(found, quantity, None):
            # 发放稳岗返还企业4698家: the support noun stands before the count
            indicator = self.indicator_near(found, quantity, Unit.yuan) or "为"
            return Metric.support_recipients, indicator, Unit.enterprise
        helped = unit is Unit.person and self._outcome_after(found, quantity.end)
        # The cue of the least score wins (the first in text order among equal scores). Every
        # test of a cue is pure and only skips it, so their order changes nothing but the work:
        # the tests that may segment a block with jieba (whether the cue starts inside a word,
        # which adds to its score, and whether it is a word of its own) are asked last, and
        # only of a cue whose least possible score can still win (`_least_first`).
        candidates: list[_Candidate] = []
        for order, cue in enumerate(found.cues):
            if helped and cue.metric is Metric.support_recipients:
                continue  # 帮助3000多名毕业生找到了工作: the outcome names the metric
            fit = self._fit(cue, quantity, unit, is_change)
            if fit is None:
                continue
            cue_unit, metric = fit
            population = counted if counted is not None else noun_before(found, quantity)
            if (unit is Unit.percent and population is not None and population.kind != "excluded"
                    and metric is not cue.metric):
                # 八成规上企业复工: a share of what is counted takes that population's rate
                counted_unit = Unit.enterprise if population.kind == "enterprise" else Unit.person
                if counted_unit not in self.lexicon.metric_units[cue.metric]:
                    continue
            distance = self._distance(found, index, quantity, cue)
            if distance is None:
                continue
            named_by_noun = (counted is not None and counted.start <= cue.start
                             and cue.end <= counted.end)
            weak = 0
            if named_by_noun or (cue.weight < 0 and population is not None
                                 and population.start <= cue.start and cue.end <= population.end):
                # 4,300名求职者: the counted noun names the metric only weakly (and 招收贫困地区员工
                # 超500名: a generic staff word names who, not what); 1.36万名求职者与用人单位达成
                # 就业意向: what they achieved names it
                weak = 2 if named_by_noun and counted is not None and self._outcome_after(
                    found, counted.end) else 1
            candidates.append(_Candidate(distance.score(False, weak), distance.score(True, weak),
                                         order, distance, cue_unit, metric, weak))

        def score(candidate: _Candidate) -> float:
            cue = candidate.distance.cue
            return candidate.distance.score(cue.start > 0 and cue.start not in found.token_starts,
                                            candidate.weak)

        best = _least_first(candidates, lambda c: self._cue_stands(found, c.distance.cue), score)
        if best is None:
            return None
        cue, cue_unit, metric = best.distance.cue, best.unit, best.metric
        if metric is Metric.jobs_created and cue_unit is Unit.person and self._cumulative_stock(
                found, quantity, cue):
            return Metric.workers_at_work, cue.text, Unit.person  # 累计帮扶…就业1213万人 (v2)
        return metric, cue.text, cue_unit

    def _cumulative_stock(self, found: SentenceFindings, quantity: Quantity, cue: Cue) -> bool:
        """累计转移就业, 累计帮扶…就业N人: a stock of people in work, not new jobs of a period."""
        new_work_words = self.lexicon.modifiers.new_work_words
        if any(word in cue.text for word in new_work_words):
            return False
        head = found.text[: min(cue.start, quantity.start)]
        if "累计" not in head or "新增" in head:  # 累计…就业1213万人，较上年末增加225万人
            return False
        # 累计培训…2.56万人次，带动7200多名残疾人就业: what follows 累计 is another count's
        return not any(word in head[head.rindex("累计"):] for word in new_work_words)

    def _fallback(
        self,
        found: SentenceFindings,
        quantity: Quantity,
        unit: Unit | None,
        counted: Noun | None,
        previous: Sequence[Draft],
    ) -> Choice | None:
        """No metric word fits: what the number counts, or the figure before it, decides."""
        before = noun_before(found, quantity)
        if unit in (Unit.enterprise, None) and before is not None and before.kind == "enterprise":
            start, end = clause(found.text, quantity.start, quantity.end)
            other = self._new_or_surveyed(found.text, start, quantity, before, end)
            if other is not None:
                return Metric.other, other, Unit.enterprise  # 新增个体工商户2.1万户
            recruiting = _hiring_after(found, quantity)
            if recruiting is not None:  # 入驻企业已近5万家，提供职位超过500万个: employers hiring
                return Metric.employers_recruiting, recruiting.text, Unit.enterprise
            return Metric.enterprises_total, before.text, Unit.enterprise  # 工业企业达386家
        recruiting = _hiring_after(found, quantity) if unit is Unit.enterprise else None
        if recruiting is not None:
            return Metric.employers_recruiting, recruiting.text, Unit.enterprise  # 236家单位进行现场招聘
        same_unit = [d for d in previous if d.unit is unit and unit is not None]
        if same_unit:  # 其中省内52.4万人、省外31.7万人: a breakdown of the figure before
            return same_unit[-1].metric, same_unit[-1].indicator, same_unit[-1].unit
        rates = [d for d in previous if d.unit is Unit.percent]
        if unit is Unit.percentage_point and rates:
            # 失业率为4.5%，较上一期（…）的3.9%上升0.6个百分点: the change of the rate before it
            return rates[-1].metric, rates[-1].indicator, Unit.percentage_point
        hint = found.metric_hints.get(unit) if unit is not None else None
        clause_start, _clause_end = clause(found.text, quantity.start, quantity.end)
        listed = "分别" in found.text[max(0, clause_start - 12) : quantity.start]
        if hint is not None and (found.text.lstrip().startswith("其中") or listed):
            return hint
        if hint is not None and found.continues_list and unit in LIST_UNITS and _LIST_LABEL.fullmatch(
                found.text[clause_start : quantity.start]):
            return hint  # …就业人数为406万7千人；农业部门为51万7千人: the list's next item
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
            if self._worker_stock(found, quantity, noun):
                return Metric.workers_at_work, noun.text, Unit.person  # 我国有2.88亿农民工 (v2)
            return Metric.other, noun.text, Unit.person
        if unit is Unit.ratio and self.lexicon.is_unrelated_rate(found.text):
            return None  # 效率提升了十倍, 产能较原来提高了1倍: a multiple of an output, as a share
        if found.topical and unit is not None and unit in _RECALL_UNITS:
            # recall first (v2): people, units and ratios counted in a paragraph about work are
            # records; bare 个/条/次 counts are mostly measures, months and places, so they are not
            label = before.text if before is not None else (counted.text if counted else quantity.classifier)
            return Metric.other, label, unit
        return None

    def _worker_stock(self, found: SentenceFindings, quantity: Quantity, noun: Noun) -> bool:
        """本地农民工11652万人, 我国有2.88亿农民工: the size of a workforce; not 100多名农民工工资被
        冒领 or 8名农民工组成的突击队, where the people counted are the subject of something else."""
        if noun.text not in self.lexicon.modifiers.worker_stock_nouns:
            return False
        after = found.text[noun.end : noun.end + 1] if noun.start >= quantity.end else ""
        return not after or after in _STOCK_ENDS

    def _cue_stands(self, found: SentenceFindings, cue: Cue) -> bool:
        """A cue is a word of its own: not 上工 in 以上工业, not 开工 in 新开工项目, not 服务 in 服务业."""
        if found.text.startswith("业", cue.end):
            return False
        if len(cue.text) <= 2 and (
            cue.start not in found.token_starts and cue.end not in found.token_ends
        ):
            return False
        # 开工项目: the word names the excluded noun after it; but in 带动社区1809名 the noun
        # only qualifies the people counted right after it
        return not any(
            noun.kind == "excluded" and cue.end <= noun.start <= cue.end + 1
            and noun.end - noun.start > 1
            and not any(q.start == noun.end and q.classifier in _PERSON_CLASSIFIERS
                        for q in found.quantities)
            for noun in found.nouns
        )

    def _fit(
        self, cue: Cue, quantity: Quantity, unit: Unit | None, is_change: bool
    ) -> tuple[Unit, Metric] | None:
        """The unit and metric a cue gives this quantity, or None when they do not fit."""
        if cue.classifiers and quantity.classifier not in cue.classifiers:
            return None  # 岗位信息8.7万条 are postings; 岗位信息50多万个 are positions
        allowed = self.lexicon.metric_units[cue.metric]
        if cue.unit is not None:
            allowed = {cue.unit}
        if unit is None and not quantity.classifier:
            # 37.9万 with no counting word: the metric's own unit (劳动人口为37.9万); money is
            # always written with 元, so 补偿资金…，58.41万农牧户受益 counts no money
            units = self.lexicon.metric_table.metrics[cue.metric].units
            own = Unit.person if Unit.person in units else units[0]  # 58.41万 (people) 受益
            return (own, cue.metric) if own is not Unit.yuan else None
        if (unit is None and cue.unit is Unit.person and quantity.classifier == "个"
                and (cue.metric is Metric.jobs_created
                     or (cue.metric is Metric.workers_at_work and "岗位" in cue.text))):
            # 创造2000余个就业岗位, 非农就业岗位减少2050万个: jobs, counted in people
            return Unit.person, cue.metric
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
        if unit in (Unit.percent, Unit.percentage_point) and cue.unit is None:
            # a word that counts people (员工, 就业人数) gives no rate: 员工中有98%在当地招聘
            rate = self.lexicon.metric_table.metrics[cue.metric].rate
            if is_change:
                return unit, cue.metric
            if rate is not None:
                return unit, rate
        return None

    @staticmethod
    def _distance(found: SentenceFindings, index: int, quantity: Quantity, cue: Cue
                  ) -> _Distance | None:
        """How far `cue` is from naming `quantity` (None: it cannot name it), but for whether
        the cue starts inside a word of the segmentation (`_Distance.score`)."""
        text = found.text
        if cue.end <= quantity.start:
            if cue.where == "after":
                return None
            gap_start, gap_end = cue.end, quantity.start
            base = 0.0
        elif cue.start >= quantity.end:
            if cue.where == "before":
                return None
            if any(0 <= q.start - cue.end <= 1 and not clause_marks(text[cue.end : q.start])
                   for q in found.quantities):
                return None  # 共1.66万家，复工8125家: the word names the number right after it
            _, cue_clause_end = clause(text, cue.start, cue.end)
            if clause_marks(text[quantity.end : cue.start]) and any(
                    cue.end <= q.start < cue_clause_end for q in found.quantities):
                return None  # …3 642 000人，劳动人口则由3 874 900人: the word is the later number's
            gap_start, gap_end = quantity.end, cue.start
            base = 1.5
            if clause_marks(text[gap_start:gap_end]) >= 2:
                # 毕业生将达到31843人，中国残联联动…，推出就业指导: two clauses on, the word is
                # another subject's (one clause on it may still be the number's own predicate)
                return None
        else:
            return None
        gap_text = text[gap_start:gap_end]
        if len(gap_text) > MAX_CUE_GAP:
            return None
        penalty = 9.0 * clause_marks(gap_text) + 3.0 * len(_LIST.findall(gap_text))
        between = [q for q in found.quantities if gap_start <= q.start and q.end <= gap_end]
        penalty += 7.0 * len(between)
        if any(n.kind == "person" and n.start <= cue.start and cue.end <= n.end
               and n.end - n.start > cue.end - cue.start for n in found.nouns):
            penalty += 6.0  # 贫困劳动力: a population's name, not the measure of the number
        return _Distance(base + len(gap_text), penalty, cue)

    def _enterprise_count(self, found: SentenceFindings, quantity: Quantity, counted: Noun) -> Choice:
        """452家规上企业: the population, unless the words after say what they did."""
        text = found.text
        if self._support_for(found, quantity, counted):
            indicator = self.indicator_near(found, quantity, Unit.yuan) or counted.text
            return Metric.support_recipients, indicator, Unit.enterprise
        clause_start, clause_end = clause(text, counted.end, counted.end)
        other = self._new_or_surveyed(text, clause_start, quantity, counted, clause_end)
        if other is not None:
            return Metric.other, other, Unit.enterprise
        for cue in found.cues:
            if cue.start < counted.end or cue.start >= clause_end:
                continue
            # 32家企业2月15日前全部复工: a time between the firms and their verb does not count
            timed = sum(t.end - t.start for t in found.times if counted.end <= t.start and t.end <= cue.start)
            if cue.start - counted.end - timed > 6:
                continue
            if cue.unit is not None and cue.unit is not Unit.enterprise:
                continue  # 170余家重点企业招聘信息: the postings' word counts postings, not firms
            if cue.metric is Metric.enterprises_resumed and self._rate_follows(found, cue.end):
                continue  # 10.79万户个体工商户陆续复业，复业率93.3%: the base of the rate
            if any(q.unit is Unit.enterprise and 0 <= q.start - cue.end <= 1
                   and not clause_marks(text[cue.end : q.start]) for q in found.quantities):
                continue  # 37家…企业已复工36家: the verb is the second number's (not 复工，3家)
            if Unit.enterprise in self.lexicon.metric_units[cue.metric]:
                return cue.metric, cue.text, Unit.enterprise
        recruiting = _recruiting_cue(found)
        if recruiting is not None:  # 邀请317家企业，提供1.8万多个岗位: employers at a fair or posting jobs
            return Metric.employers_recruiting, recruiting.text, Unit.enterprise
        return Metric.enterprises_total, counted.text, Unit.enterprise

    def _new_or_surveyed(self, text: str, clause_start: int, quantity: Quantity, counted: Noun,
                         clause_end: int) -> str | None:
        """新增个体工商户2.1万户, 对9900多家企业的问卷调查, 27家企业挂牌: `other` (v2); the
        indicator, else None."""
        modifiers = self.lexicon.modifiers
        after = text[counted.end : clause_end]
        if any(word in after[:8] for word in modifiers.survey_words):
            return "调查" + counted.text
        event = next((w for w in modifiers.enterprise_event_words if w in after), None)
        if event is not None and counted.start > quantity.start and not any(
                w in after for w in modifiers.hiring_words):
            return counted.text + event  # 27家企业在科创板挂牌, 11家企业成功升规: what they did
        noun_before_number = counted.start < quantity.start
        head = text[clause_start : min(quantity.start, counted.start)]
        near = head[-8:] if not noun_before_number else head
        word = next((w for w in modifiers.new_enterprise_words if w in near), None)
        return f"{word}{counted.text}" if word is not None else None

    @staticmethod
    def _rate_follows(found: SentenceFindings, position: int) -> bool:
        return any(
            cue.start >= position and cue.metric is Metric.resumption_rate for cue in found.cues
        )

    def indicator_near(self, found: SentenceFindings, quantity: Quantity, unit: Unit) -> str | None:
        """The nearest support word of the clause (补贴, 减免...), for support records."""
        start, end = clause(found.text, quantity.start, quantity.end)
        candidates = [
            cue for cue in found.cues
            if cue.metric is Metric.support_amount and start <= cue.start and cue.end <= end
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda cue: abs(cue.start - quantity.end)).text

    def _support_for(self, found: SentenceFindings, quantity: Quantity, counted: Noun | None) -> bool:
        """Rule 3: 为10151户企业减免, 帮扶1亿市场主体, 稳岗返还企业4698家: recipients of support,
        not 人数为24,201人."""
        modifiers = self.lexicon.modifiers
        text = found.text
        clause_start, clause_end = clause(text, quantity.start, quantity.end)
        before = text[clause_start : quantity.start]
        if any(before.endswith(noun) or before.rstrip("共计达为有").endswith(noun)
               for noun in modifiers.support_nouns):
            return True  # 发放稳岗返还企业4698家
        if (text[clause_end : clause_end + 1] in "，," and text.startswith(
                modifiers.service_openers, clause_end + 1)
                and self._service_verb_before(text, max(clause_start, quantity.start - 4), quantity.start)):
            return True  # 为32家企业新吸纳的416人，发放一次性吸纳就业补贴: the service's next clause
        window = text[max(clause_start, quantity.start - 4) : quantity.start]
        verb = next((w for w in modifiers.support_before if window.endswith(w)), None)
        if counted is None:
            if verb is not None and verb in modifiers.support_verbs:
                return True  # 核定补助8,731人
            # 向农民工等重点群体1200多万人发放职业培训补贴: 为/向/对 before, a service after (not
            # 为20名青年提供培训 or 向3000多名毕业生发放录用通知: trainees and hires)
            after = text[quantity.end : clause_end]
            if self._outcome_after(found, quantity.end) or ("培训" in after and "补贴" not in after):
                return False
            return self._service_verb_before(text, clause_start, quantity.start) and any(
                word in after for word in modifiers.service_words)
        after_noun = text[counted.end : clause_end]
        if counted.kind == "person" and any(word in after_noun for word in modifiers.outcome_words):
            return False  # 帮助10万多毕业生签订了就业协议: what they achieved is the metric
        if counted.kind == "enterprise" and after_noun.startswith(modifiers.recipient_words):
            return True  # 2,314家企业申领扩岗补助
        if verb is not None and verb in modifiers.support_verbs:
            return True  # 帮扶1亿市场主体, 共服务了2661家企业
        if verb is None and not self._service_verb_before(text, clause_start, quantity.start):
            return False
        if any(word in after_noun for word in modifiers.service_words):
            return True  # 为36家重点企业提供“一对一”服务, 向42家企业发放补贴
        return any(
            cue.metric in _SERVICE_METRICS and quantity.end <= cue.start < clause_end
            for cue in found.cues
        )

    def _outcome_after(self, found: SentenceFindings, position: int) -> bool:
        """An outcome of work (签订, 达成就业意向) follows `position` in its clause: 帮助10万多毕业生
        签订了就业协议, 1.36万名求职者与用人单位达成就业意向."""
        _, clause_end = clause(found.text, position, position)
        after = found.text[position:clause_end]
        return any(word in after for word in self.lexicon.modifiers.outcome_words)

    def _service_verb_before(self, text: str, clause_start: int, start: int) -> bool:
        """为全市1.7万家企业免征, 对保供的42家企业发放: 为/向/对 a few words before the number."""
        window = text[max(clause_start, start - _SERVICE_GAP) : start]
        verbs = [w for w in self.lexicon.modifiers.support_before
                 if w not in self.lexicon.modifiers.support_verbs and w in window]
        return any(not re.search(r"\d", window[window.rindex(w) + len(w):]) for w in verbs)

    # -- bare ratios -------------------------------------------------------------------
    @staticmethod
    def ratio_quantities(found: SentenceFindings) -> list[Quantity]:
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

    # -- 分别 lists --------------------------------------------------------------------
    def listed_cues(self, found: SentenceFindings, start: int, end: int, unit: Unit) -> list[Cue]:
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


__all__ = ["Choice", "MetricResolver"]
