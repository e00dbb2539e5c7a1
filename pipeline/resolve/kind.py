"""Kind, direction and projection of a figure.

The contract's rules, in order:

1. Percentage points are a change of a rate; a change word before the number (增长, 下降,
   比…增加) makes a `change`; the second number of a list shares the first one's verb
   (分别增长36.5%和41.2%).
2. `change` is a net difference of a level (较上期增加9家, 日增1200人); counts of units that joined
   or left a group in a period (新增实施15家, 停止实施12家, 新增失业500人, 新增参保) are `level` (v2).
3. A change says its sense in `direction` (增长/提高/增加/上升 → up, 下降/减少/回落/降低 → down),
   null where the text gives none; every level has direction null.
4. A policy parameter — a ratio paid (返还…费的50%, 按60%返还) or an eligibility threshold
   (裁员率不超过20%的企业可申领, 一次性输送30人以上且…给予奖励) in a sentence that sets a rule — is
   `other`, `exact`, not projected, date null (v2).
5. A figure is projected when 预计/将/力争/计划/目标 governs it in its sentence, with no 已/目前 between,
   or when it follows a lead-in that announces targets (预期目标是：…) in the text before it
   (预计…，目前已… has happened); a plan written after its figure (102家企业计划3月初之前开工) too.
   A policy cap is never projected.
6. A figure dated in a year after the publication's (到2035年…新增将近1000万个岗位) cannot have
   happened: it is projected, whatever word governs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pipeline.extract.findings import SentenceFindings
from pipeline.extract.lexicon import Lexicon
from pipeline.extract.numbers import Quantity
from pipeline.resolve.draft import Draft, clause
from schemas import Direction, Kind, Metric, Unit


class KindResolver:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def is_change(
        self, found: SentenceFindings, quantity: Quantity, unit: Unit | None, previous: Sequence[Draft]
    ) -> bool:
        text = found.text
        if unit is Unit.percentage_point and self._group_gap(found, quantity):
            return False
        return unit is Unit.percentage_point or self.lexicon.is_change(
            text[max(0, quantity.start - 12) : quantity.start]
        ) or _listed_after_change(text, quantity, previous)

    def _group_gap(self, found: SentenceFindings, quantity: Quantity) -> bool:
        """低于全国城镇调查失业率0.6个百分点: two groups at one time, no change over time (v2)."""
        start, _ = clause(found.text, quantity.start, quantity.end)
        window = found.text[start : quantity.start]
        modifiers = self.lexicon.modifiers
        return any(word in window for word in modifiers.gap_words) and not any(
            word in window for word in modifiers.period_words) and not any(
            start <= t.start < quantity.start for t in found.times)

    def policy_parameter(self, found: SentenceFindings, quantity: Quantity) -> bool:
        """Rule 4: 返还…费的50%, 裁员率不超过20%, 输送30人以上且…给予奖励."""
        modifiers = self.lexicon.modifiers
        text = found.text
        if quantity.unit not in (Unit.percent, Unit.person) or not any(
                word in text for word in modifiers.policy_frame_words):
            return False
        clause_start, clause_end = clause(text, quantity.start, quantity.end)
        before = text[clause_start : quantity.start]
        after = text[quantity.end : min(clause_end, quantity.end + 4)]
        if quantity.unit is Unit.percent and (before.endswith("的") or "按" in before or "比例" in before):
            return True  # 返还…缴纳失业保险费的50%
        if quantity.unit is Unit.percent and any(
                w in text[: quantity.start] for w in modifiers.parameter_amount_words):
            return True  # 津贴的数额将从…的60%（…为67%）提高到70%: every rate the amount rule sets
        threshold = any(before.endswith(w) for w in modifiers.threshold_words) or after.startswith(
            modifiers.threshold_words)
        if not threshold:
            return False
        if quantity.unit is Unit.percent:
            return "率" in before  # 裁员率不超过20%
        return after.startswith(("以上且", "以上的", "以下的", "以上（含）"))  # 输送30人以上且…

    def rule_ratio(self, found: SentenceFindings, quantity: Quantity) -> bool:
        """入驻比例一般不低于30%, 中小微企业最高返还100%: a ratio a rule bounds or pays. Asked only
        of a figure already in scope, as such ratios stand in rules of every field."""
        if quantity.unit is not Unit.percent:
            return False
        clause_start, _ = clause(found.text, quantity.start, quantity.end)
        before = found.text[clause_start : quantity.start]
        modifiers = self.lexicon.modifiers
        return ("比例" in before and before.endswith(modifiers.threshold_words)) or before.endswith(
            modifiers.ratio_paid_verbs)

    def kind(self, is_change: bool) -> Kind:
        return Kind.change if is_change else Kind.level

    def compared(self, found: SentenceFindings, quantity: Quantity) -> bool:
        """同比增加5000人, 比上年增加: the number's clause compares it with another time."""
        start, _end = clause(found.text, quantity.start, quantity.end)
        window = found.text[start : quantity.start]
        return any(word in window for word in (*self.lexicon.modifiers.change_prefixes, "比", "较"))

    def named_target(self, found: SentenceFindings, quantity: Quantity) -> bool:
        """低于5.5%的预期控制目标, 5.5%左右的预期目标: the number is a target named after it."""
        text, end = found.text, quantity.end
        for word in self.lexicon.modifiers.qualifiers_skipped_before_target:
            if text.startswith(word, end):
                end += len(word)
                break
        return text.startswith(self.lexicon.modifiers.named_target_after, end)

    def projected(self, found: SentenceFindings, quantity: Quantity, metric: Metric) -> bool:
        """预计/将/力争 before the number, in its sentence, with no 已/目前 between."""
        if metric is Metric.policy_cap:
            return False
        text = found.text
        modifiers = self.lexicon.modifiers
        if found.targets and not any(word in text[: quantity.start] for word in modifiers.realised_words):
            return True  # 今年发展主要预期目标是：城镇新增就业900万人以上，…
        clause_start, clause_end = clause(text, quantity.start, quantity.end)
        for marker in found.markers:
            if marker.label != "projection":
                continue
            if marker.start >= quantity.end and marker.text == "将" and text[
                    quantity.end : marker.start] in modifiers.before_future:
                return True  # 其余350多人也将在疫情缓解后返厂: the people counted will do it
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
            if marker.text == "将" and marker.end == quantity.start:
                continue  # 将500名求职者组织到现场: 将 marks the object, not the future (v2)
            if marker.text in modifiers.plan_nouns and (
                    text.startswith(_CLAUSE_MARKS, marker.end)
                    or text[: marker.start].endswith(modifiers.programme_heads)):
                continue  # 参加充电再出发训练计划，…, 安心就业计划核定: a programme's name, not a plan
            between = text[marker.end : quantity.start]
            if marker.start < clause_start and any(word in between for word in modifiers.realised_words):
                continue  # 预计…，目前已…: what follows has happened
            if any(word in text[max(clause_start, marker.end) : quantity.start]
                   for word in modifiers.counted_so_far):
                continue  # 累计为肯尼亚创造近5万个, 现有…仅30万: counted so far, not planned
            return True
        return False


_CLAUSE_MARKS = ("，", "。", "；", "、", "”", ",", ";")


def _listed_after_change(text: str, quantity: Quantity, previous: Sequence[Draft]) -> bool:
    """分别增长36.5%和41.2%: the second of a list shares the first one's verb."""
    if not previous or previous[-1].kind is not Kind.change:
        return False
    return text[previous[-1].quantity.end : quantity.start] in ("和", "、", "及", "与", "或")


def direction_of(lexicon: Lexicon, found: SentenceFindings, quantity: Quantity, kind: Kind,
                 previous: Sequence[Draft]) -> Direction | None:
    """Rule 3: the sense a change word gives; a listed second number shares the first's."""
    if kind is Kind.level:
        return None
    sense = lexicon.change_direction(found.text[max(0, quantity.start - 12) : quantity.start])
    if sense is None and _listed_after_change(found.text, quantity, previous):
        return previous[-1].direction
    return Direction(sense) if sense else None


def after_publication_year(date: str | None, published: dt.date | None) -> bool:
    """Rule 6: the figure's date lies in a year after the publication's."""
    return bool(date and published and date[:4].isdigit() and int(date[:4]) > published.year)
