"""Validate: what must hold before a record or a document reaches an output.

Two checks, both cheap and both reported as coded `DocError`s (nothing is dropped
silently):

- `Plausibility` keeps records whose value is possible for its unit: no negative or
  non-finite value, no fractional count, no level of more than 1,000 percent, no more
  persons than China has (`pipeline/data/plausibility.yaml`). A record outside the
  bounds is left out with `validate.implausible_value`, which names the number.
- `body_notes` reports what the extraction could not read in the body: numbers in a
  form no statistic takes (1.2.3万人, 10^30人), numbers of more digits than any
  statistic, and sentences cut before analysis because they run too long.

Values are never rounded here: a record keeps the precision it was written in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, Field

from pipeline.errors import doc_error
from pipeline.extract.numbers import MAX_DIGITS, QuantityFinder
from pipeline.ingest.sentences import iter_sentences
from pipeline.resources import load_data
from schemas import DocError, Kind, Unit

# What a unit counts, for messages: "a count of persons", "a percentage".
_WHAT = {
    Unit.person: "a number of persons",
    Unit.enterprise: "a number of enterprises",
    Unit.position: "a number of positions",
    Unit.event: "a number of events",
    Unit.count: "a count",
    Unit.yuan: "an amount of yuan",
    Unit.percent: "a percentage",
    Unit.percentage_point: "a change in percentage points",
    Unit.ratio: "a ratio",
}
_SHOWN_DIGITS = 24  # a number longer than this is shown by its ends and its length
_MAX_NOTES = 20  # per kind of note and document: a page of thousands of bad numbers gets 20


class UnitBounds(BaseModel):
    min: Decimal = Decimal(0)
    max: Decimal
    change_max: Decimal | None = None
    whole: bool = False


class PlausibilityRules(BaseModel):
    """`pipeline/data/plausibility.yaml`."""

    units: dict[Unit, UnitBounds]
    max_decimal_places: int = Field(ge=0)


class Plausibility:
    """Checks record values against the bounds of their unit; build once per process."""

    def __init__(self, rules: PlausibilityRules | None = None) -> None:
        self.rules = rules or load_data("plausibility.yaml", PlausibilityRules)

    def problem(self, record: Mapping[str, Any]) -> str | None:
        """Why the record's value (or value_max) is impossible for its unit, or None.

        A record whose unit, kind or value is not even of its type is left to the
        contract's models, which name what is wrong (`validate.record`).
        """
        try:
            unit = Unit(record.get("unit"))
            kind = Kind(record.get("kind") or Kind.level)
        except ValueError:
            return None
        for field in ("value", "value_max"):
            value = record.get(field)
            if value is None:
                continue
            try:
                number = Decimal(value)
            except (InvalidOperation, TypeError, ValueError):
                return None
            reason = self._value_problem(number, unit, kind)
            if reason is not None:
                return reason if field == "value" else f"the top of the range: {reason}"
        return None

    def _value_problem(self, value: Decimal, unit: Unit, kind: Kind) -> str | None:
        if not value.is_finite():
            return "it is not a finite number"
        bounds = self.rules.units.get(unit)
        if bounds is None:
            return None
        if value < bounds.min:
            return f"it is below {bounds.min}"
        top = bounds.change_max if kind is Kind.change and bounds.change_max is not None \
            else bounds.max
        if value > top:
            return f"it is over {_plain(top)}"
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > self.rules.max_decimal_places \
                and value != value.to_integral_value():
            return f"it has more than {self.rules.max_decimal_places} decimal places"
        if bounds.whole and value != value.to_integral_value():
            return "it counts things but is not a whole number"
        return None

    def split(
        self, records: Iterable[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[DocError]]:
        """The plausible records, and one `validate.implausible_value` error per other one."""
        kept: list[dict[str, Any]] = []
        errors: list[DocError] = []
        for record in records:
            reason = self.problem(record)
            if reason is None:
                kept.append(record)
                continue
            errors.append(doc_error(
                "validate.implausible_value", value=shown_number(record["value"]),
                value_text=_shorten(str(record["value_text"])),
                what=_WHAT.get(Unit(record["unit"]), "its unit"), reason=reason,
            ))
        return kept, errors


def body_notes(
    body: str, finder: QuantityFinder, max_sentence_chars: int
) -> list[DocError]:
    """What the extraction could not read in the body text, as coded errors."""
    notes: list[DocError] = []
    malformed = too_long = 0
    for number in finder.unreadable(body):
        surface = body[number.start : number.end]
        if number.reason == "too_long":
            too_long += 1
            if too_long <= _MAX_NOTES:
                digits = sum(char.isdigit() for char in surface)
                notes.append(doc_error("extract.number_too_long", digits=digits,
                                       number=f"{surface[:8]}…{surface[-8:]}", limit=MAX_DIGITS))
        else:
            malformed += 1
            if malformed <= _MAX_NOTES:
                context = body[max(0, number.start - 6) : number.end + 4]
                notes.append(doc_error("extract.malformed_number", number=surface,
                                       context=context.strip()))
    cut = 0
    for start, end in _long_sentences(body, max_sentence_chars):
        if not finder.any_in(body[start + max_sentence_chars : end]):
            continue  # nothing was lost by the cut
        cut += 1
        if cut <= _MAX_NOTES:
            notes.append(doc_error("segment.sentence_cut", length=end - start,
                                   limit=max_sentence_chars))
    return notes


def _long_sentences(body: str, limit: int) -> Iterable[tuple[int, int]]:
    for line_start, line in _lines(body):
        if len(line) <= limit:
            continue  # no sentence of a short line can be long
        for start, end in iter_sentences(line, budgeted=False):
            if end - start > limit:
                yield line_start + start, line_start + end


def _lines(text: str) -> Iterable[tuple[int, str]]:
    position = 0
    for line in text.splitlines(keepends=True):
        yield position, line
        position += len(line)


def shown_number(value: object) -> str:
    """A number for a message: in full, or its ends and length when it is very long."""
    text = value if isinstance(value, str) else _plain(Decimal(str(value)))
    digits = sum(char.isdigit() for char in text)
    if len(text) <= _SHOWN_DIGITS:
        return text
    return f"{text[:8]}…{text[-8:]} ({digits} digits)"


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:18]}…{text[-18:]}"


def _plain(value: Decimal) -> str:
    """1E+21 -> 1000000000000000000000, 1E-7 -> 0.0000001: a number as a person writes it."""
    if not value.is_finite():
        return str(value)
    if abs(value.adjusted()) > 60:
        return str(value)
    return f"{value:f}"
