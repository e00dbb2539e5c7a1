"""All the findings of one sentence, without building a spaCy Doc: what the resolvers read.

`SentenceFinder.find` runs the same finders as the spaCy components of
`pipeline.extract.components` (quantities, metric cues, nouns and markers, time expressions,
places) over the sentence's characters and hands the resolvers jieba's word boundaries as a
lazy `WordBoundaries`: a block of the sentence is segmented only when a rule asks about an
offset inside it. The components call the same functions, so a Doc and this path agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from pipeline.extract.findings import Found, PlaceRef, SentenceFindings
from pipeline.extract.gazetteer import Gazetteer
from pipeline.extract.lexicon import Lexicon, Marker, Topic
from pipeline.extract.numbers import Quantity, QuantityFinder
from pipeline.extract.segment import WordBoundaries
from pipeline.extract.timex import TimeFinder, TimeMention

# (sentence, places found) -> places with the recognizer's added
PlaceRecognizer = Callable[[str, list[PlaceRef]], list[PlaceRef]]

def find_places(gazetteer: Gazetteer, text: str, markers: list[Marker],
                learned: PlaceRecognizer | None = None) -> list[PlaceRef]:
    """Places and scope words (全市, 全国, 人社部) of a sentence, in text order; `learned` (the
    place recognizer of `pipeline.extract.learned_places`, when switched on) adds places the
    gazetteer's surface forms miss."""
    places = _merge_named_zones(text, [
        PlaceRef(m.start, m.end, m.surface, zone=m.zone) for m in gazetteer.scan(text)
    ])
    if learned is not None:
        places = learned(text, places)
    for marker in markers:
        if marker.label.startswith("scope:"):
            places.append(PlaceRef(marker.start, marker.end, marker.text,
                                   scope=marker.label.split(":", 1)[1]))
    places.sort(key=lambda p: p.start)
    return places


def _merge_named_zones(text: str, places: list[PlaceRef]) -> list[PlaceRef]:
    """宁波 + 石化 + 经济技术开发区: one zone named after its place, not a city and a bare zone."""
    merged: list[PlaceRef] = []
    for place in places:
        if merged and place.zone and not merged[-1].zone:
            gap = text[merged[-1].end : place.start]
            if 0 < len(gap) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in gap):
                previous = merged.pop()
                place = PlaceRef(previous.start, place.end, text[previous.start : place.end],
                                 zone=True)
        merged.append(place)
    return merged


class SentenceFinder:
    """The finders of a sentence, built once per process (they are read-only)."""

    def __init__(self, quantities: QuantityFinder, lexicon: Lexicon, times: TimeFinder,
                 gazetteer: Gazetteer) -> None:
        self.quantities = quantities
        self.lexicon = lexicon
        self.times = times
        self.gazetteer = gazetteer
        self.learned_places: PlaceRecognizer | None = None  # set by the Extractor when switched on
        # the word boundaries of the last sentences found, with the blocks jieba segmented in
        # them: the Extractor's plan links the sentences of a part that may yield a record up
        # to its first draft, and its loop then links them again (a pure function of the
        # text; a question asked of either finding segments a block once)
        self._boundaries: Callable[[str], WordBoundaries] = lru_cache(maxsize=32)(WordBoundaries)

    def find(
        self,
        text: str,
        *,
        published: dt.date | None = None,
        anchor: dt.date | None = None,
        period: str | None = None,
        subject_hints: dict[Any, str] | None = None,
        metric_hints: dict[Any, Any] | None = None,
        topical: bool | None = None,
        topic: Topic | None = None,
        targets: bool = False,
        continues_list: bool = False,
        when: Callable[[], tuple[dt.date | None, str | None]] | None = None,
        quantities: Sequence[Quantity] | None = None,
        paragraph: str = "",
    ) -> SentenceFindings:
        """What the components would write on a Doc of `text`, as the linker reads it.

        `when`: the anchor and the period, asked only when the times are found (instead of
        `anchor` and `period`); `quantities`: the sentence's quantities when the caller has
        them (`QuantityFinder.find(text)`); `paragraph`: the text of the sentence's paragraph.
        """
        markers = self.lexicon.markers(text)
        boundaries = self._boundaries(text)
        learned = self.learned_places

        def times() -> list[TimeMention]:
            day, last = when() if when is not None else (anchor, period)
            return self.times.find(text, published, day, last)

        return SentenceFindings(
            text=text,
            quantities=self.quantities.find(text) if quantities is None else quantities,
            cues=self.lexicon.cues(text),
            nouns=self.lexicon.nouns(text),
            markers=markers,
            # found when a rule first reads them (for a draft, mostly)
            times=Found(times),
            places=Found(lambda: find_places(self.gazetteer, text, markers, learned)),
            token_starts=boundaries.starts,
            token_ends=boundaries.ends,
            subject_hints=subject_hints or {},
            metric_hints=metric_hints or {},
            topical=topical is not False,
            topic=topic,
            published=published,
            targets=bool(targets),
            continues_list=continues_list,
            paragraph=paragraph,
        )
