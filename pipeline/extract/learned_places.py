"""The learned place recognizer: a spaCy `ner` trained on gazetteer-labelled archive sentences.

It finds place names the gazetteer's surface forms miss (a county written without its suffix
inside a longer word, a zone's short name); a mention is kept only when it resolves to a
division through the gazetteer (the mention itself or its longest resolvable prefix) and
overlaps no place the rules found. The model is package data (`pipeline/models/places_ner`,
built by `make train`); when it is missing the pipeline runs on rules only and says so once.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pipeline.extract.findings import PlaceRef
from pipeline.extract.gazetteer import Gazetteer
from pipeline.extract.sentence import PlaceRecognizer
from pipeline.learn.features import PLACES_MODEL

if TYPE_CHECKING:  # spaCy is imported when a model is loaded, not at start-up
    from spacy.language import Language

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

LABELS = ("PLACE", "ORG")
_missing_logged: set[Path] = set()


class PlaceModel:
    """Callable on (sentence, rule places) -> the rule places plus the resolvable new ones."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of each entity the model finds in `text`."""
        return [(ent.start_char, ent.end_char, ent.label_) for ent in self.nlp(text).ents]

    def resolvable(self, surface: str) -> str | None:
        """The surface itself or its longest prefix (two characters at least) the gazetteer knows."""
        for size in range(len(surface), 1, -1):
            if self.gazetteer.candidates(surface[:size]):
                return surface[:size]
        return None

    def __call__(self, text: str, places: list[PlaceRef]) -> list[PlaceRef]:
        added = []
        for start, end, label in self.mentions(text):
            if label != "PLACE" or any(p.start < end and start < p.end for p in places):
                continue
            surface = self.resolvable(text[start:end])
            if surface is not None:
                added.append(PlaceRef(start, start + len(surface), surface))
        return sorted([*places, *added], key=lambda p: p.start) if added else places


@lru_cache(maxsize=4)
def _load_nlp(path: Path) -> Language | None:
    import spacy

    if not (path / "meta.json").exists():
        return None
    return spacy.load(path)


def load(gazetteer: Gazetteer, path: Path = PLACES_MODEL) -> PlaceModel | None:
    """The packaged model, or None (rules only, logged once per path) when it is missing."""
    nlp = _load_nlp(path)
    if nlp is None:
        if path not in _missing_logged:
            _missing_logged.add(path)
            logger.warning("learned place model not found at %s: places from the gazetteer only"
                           " (run `make train` to build it)", path)
        return None
    return PlaceModel(nlp, gazetteer)


class _PlaceHolder(Protocol):
    gazetteer: Gazetteer
    learned_places: PlaceRecognizer | None


def attach(holder: _PlaceHolder, enabled: bool, path: Path = PLACES_MODEL) -> None:
    """Give a place finder the model (or take it away): the Extractor's sentence finder
    (`extractor.sentences`) or the spaCy pipeline's `employment_places` component."""
    holder.learned_places = load(holder.gazetteer, path) if enabled else None
