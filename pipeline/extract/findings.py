"""What the finders saw in one sentence: the input of the resolvers.

`PlaceRef` and `SentenceFindings` are extraction output (offsets relative to the
sentence of the Simplified analysis text); the `pipeline.resolve` modules read
them and decide the record fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, overload

from pipeline.extract.lexicon import Cue, Marker, Noun, Topic
from pipeline.extract.numbers import Quantity
from pipeline.extract.timex import TimeMention
from schemas import Metric, Unit

T = TypeVar("T")


class Found(Sequence[T]):
    """A finder's answer, found when it is first read: most sentences the Extractor finds give
    no draft, and the linker reads their times and places only for a draft. The finder is a
    pure function of the sentence, so finding later gives the same answer."""

    __slots__ = ("_find", "_items")

    def __init__(self, find: Callable[[], Sequence[T]]) -> None:
        self._find: Callable[[], Sequence[T]] | None = find
        self._items: Sequence[T] = ()

    def _found(self) -> Sequence[T]:
        if self._find is not None:
            self._items, self._find = self._find(), None
        return self._items

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self._found()[index]

    def __len__(self) -> int:
        return len(self._found())

    def __iter__(self) -> Iterator[T]:
        return iter(self._found())


@dataclass(frozen=True)
class PlaceRef:
    """A place or scope word in the sentence: resolved later against the article."""

    start: int
    end: int
    surface: str
    scope: str | None = None  # city/province/country/... for 全市, 全省, 全国
    zone: bool = False  # a development zone (高新区), not an administrative division
    members: tuple[str, ...] = ()  # several places named together (甲县、乙县): their surfaces


@dataclass(frozen=True)
class SentenceFindings:
    text: str
    quantities: Sequence[Quantity]
    cues: Sequence[Cue]
    nouns: Sequence[Noun]
    markers: Sequence[Marker]
    times: Sequence[TimeMention]
    places: Sequence[PlaceRef]
    # character offsets where a jieba word starts / ends (asked with `in` only; the Extractor
    # passes a lazy `pipeline.extract.segment.WordBoundaries`, the spaCy linker a frozenset)
    token_starts: Container[int]
    token_ends: Container[int]
    subject_hints: dict[Metric, str] = field(default_factory=dict)  # from earlier sentences
    # the last metric of each unit earlier in the paragraph, for 其中 breakdowns
    metric_hints: dict[Unit, tuple[Metric, str, Unit]] = field(default_factory=dict)
    topical: bool = True  # the paragraph is about work: generic metrics may be records
    published: dt.date | None = None  # the article's publication date (targets' next occurrence)
    topic: Topic | None = None  # a topic carried from earlier in the paragraph (减班休息)
    targets: bool = False  # the sentence follows a lead-in that announces targets (预期目标是：)
    # the sentence goes on with a list the sentence before it opened and closed with ；
    # (工业部门就业人数为406万人；农业部门为51万人): its labelled numbers take that list's metric
    continues_list: bool = False
    # the paragraph's analysis text, for rules that read past the sentence ("": not known, as
    # in the spaCy linker, and such rules then hold back)
    paragraph: str = ""
