"""spaCy components of the extraction stage, each a `Doc -> Doc` class with its factory.

The Extractor does not build a Doc: it runs the same finders through
`pipeline.extract.sentence.SentenceFinder`. These components are the spaCy form of that
stage (`pipeline.nlp.build_nlp`), one sentence of the Simplified analysis text at a time. Finders
match by characters and write both an exact list on `doc._` (character
offsets, what the resolvers read) and `doc.spans[...]` aligned to jieba's tokens
(for inspection and displaCy); `pipeline.resolve.component` adds the linker:

- `employment_quantities` -> doc._.quantities, doc.spans["quantities"]
- `employment_cues`       -> doc._.cues / nouns / markers, doc.spans["cues"]
- `employment_times`      -> doc._.times, doc.spans["times"]  (needs doc._.published)
- `employment_places`     -> doc._.places, doc.spans["places"]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extract.gazetteer import Gazetteer, shared_gazetteer
from pipeline.extract.lexicon import Lexicon, shared_lexicon
from pipeline.extract.numbers import QuantityFinder
from pipeline.extract.sentence import PlaceRecognizer, find_places
from pipeline.extract.timex import TimeFinder

_EXTENSIONS = (
    "quantities", "cues", "nouns", "markers", "times", "places", "drafts", "published",
    "subject_hints", "metric_hints", "topical", "anchor", "period", "topic", "targets",
)


def register_extensions() -> None:
    """Doc extensions the components write; idempotent (spaCy's registry is global)."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _set_spans(doc: Doc, key: str, items: Iterable[Any], label_of: Any) -> None:
    spans = []
    for item in items:
        span = doc.char_span(item.start, item.end, label=label_of(item), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans


class QuantityComponent:
    def __init__(self, finder: QuantityFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        quantities = self.finder.find(doc.text)
        doc._.quantities = quantities
        _set_spans(doc, "quantities", quantities, lambda q: q.unit.value if q.unit else "unknown")
        return doc


class CueComponent:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.cues = self.lexicon.cues(doc.text)
        doc._.nouns = self.lexicon.nouns(doc.text)
        doc._.markers = self.lexicon.markers(doc.text)
        _set_spans(doc, "cues", doc._.cues, lambda c: c.metric.value)
        return doc


class TimeComponent:
    def __init__(self, finder: TimeFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = self.finder.find(doc.text, doc._.published, doc._.anchor, doc._.period)
        _set_spans(doc, "times", doc._.times, lambda t: t.kind)
        return doc


class PlaceComponent:
    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        # the learned recognizer (`pipeline.extract.learned_places`), when switched on
        self.learned_places: PlaceRecognizer | None = None

    def __call__(self, doc: Doc) -> Doc:
        places = find_places(self.gazetteer, doc.text, doc._.markers or self.lexicon.markers(doc.text),
                             self.learned_places)
        doc._.places = places
        _set_spans(doc, "places", places, lambda p: p.scope or "place")
        return doc


@Language.factory("employment_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityComponent:
    return QuantityComponent(QuantityFinder())


@Language.factory("employment_cues")
def make_cues(nlp: Language, name: str) -> CueComponent:
    return CueComponent(shared_lexicon())


@Language.factory("employment_times")
def make_times(nlp: Language, name: str) -> TimeComponent:
    return TimeComponent(TimeFinder())


@Language.factory("employment_places")
def make_places(nlp: Language, name: str) -> PlaceComponent:
    return PlaceComponent(shared_gazetteer(), shared_lexicon())


def quantity_spans(doc: Doc) -> list[Span]:
    return list(doc.spans.get("quantities", []))
