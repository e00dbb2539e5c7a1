"""Subject: the population or group a figure is about.

The contract's rules, in order:

1. The noun the number counts (452家[规上企业], 3000名[农民工]) when it fits the unit.
2. Else the last population noun of the number's clause before it (the longest of those
   ending there: 企业职工 over 职工).
3. Else the subject of the figure just before, for a share or a figure of the same unit.
4. Else a population named right before the metric word earlier in the paragraph
   (帮助农民工返岗复工 … 返岗3万人 → 农民工).
A 分别 list pairs each number with its own noun, in order. Only persons, enterprises,
shares, money and points carry a subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.extract.findings import SentenceFindings
from pipeline.extract.lexicon import Lexicon, Noun
from pipeline.extract.numbers import Quantity
from pipeline.resolve.draft import Draft, clause
from schemas import Metric, Unit

SUBJECT_UNITS = {Unit.person, Unit.enterprise, Unit.percent, Unit.yuan, Unit.percentage_point}


def subject_of(
    found: SentenceFindings,
    quantity: Quantity,
    unit: Unit,
    counted: Noun | None,
    previous: Sequence[Draft],
    metric: Metric,
) -> str | None:
    if unit not in SUBJECT_UNITS:
        return None
    if counted is not None and counted.kind != "excluded" and _compatible(counted, unit):
        return counted.text
    clause_start, _ = clause(found.text, quantity.start, quantity.end)
    before = [
        noun for noun in found.nouns
        if clause_start <= noun.start and noun.end <= quantity.start
        and noun.kind != "excluded" and _compatible(noun, unit)
    ]
    if before:
        last_end = max(noun.end for noun in before)
        return max((n for n in before if n.end == last_end), key=lambda n: n.end - n.start).text
    for draft in reversed(previous):
        if draft.subject and (unit is Unit.percent or draft.unit is unit):
            return draft.subject
        break
    return found.subject_hints.get(metric)


def distribute_subjects(found: SentenceFindings, drafts: Sequence[Draft], clause_start: int,
                        position: int) -> None:
    nouns = [
        n for n in found.nouns
        if clause_start <= n.start and n.end <= position and n.kind != "excluded"
    ]
    if len(nouns) == len(drafts):
        for draft, noun in zip(drafts, nouns, strict=True):
            draft.subject = noun.text


def learn_subjects(lexicon: Lexicon, sentence: str, hints: dict[Any, str]) -> None:
    """帮助农民工返岗复工: a population named right before a metric word."""
    nouns = [n for n in lexicon.nouns(sentence) if n.kind != "excluded"]
    for cue in lexicon.cues(sentence):
        for noun in nouns:
            if 0 <= cue.start - noun.end <= 1:
                hints[cue.metric] = noun.text


def _compatible(noun: Noun, unit: Unit) -> bool:
    if unit is Unit.person:
        return noun.kind == "person"
    if unit is Unit.enterprise:
        return noun.kind == "enterprise"
    return True
