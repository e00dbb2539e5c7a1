"""The learned place recognizer: packaged, finds places in made-up sentences, optional."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pipeline.document import RawDocument
from pipeline.extract import learned_places
from pipeline.extract.findings import PlaceRef
from pipeline.extract.learned_places import PlaceModel
from pipeline.process import Extractor


def test_learned_places_packaged_model_loads(place_model: PlaceModel) -> None:
    assert {"PLACE", "ORG"} <= set(place_model.nlp.get_pipe("ner").labels)


@pytest.mark.parametrize(("sentence", "place"), [
    ("黑龙江省大庆市林甸县组织专场招聘会，提供岗位3000个。", "林甸县"),
    ("肇源县复工企业达到40家。", "肇源县"),
])
def test_learned_places_finds_places_in_made_up_sentences(
        place_model: PlaceModel, sentence: str, place: str) -> None:
    found = [sentence[s:e] for s, e, label in place_model.mentions(sentence) if label == "PLACE"]
    assert place in found


def test_learned_places_adds_only_resolvable_places_the_rules_missed(place_model: PlaceModel) -> None:
    text = "肇源县复工企业达到40家。"
    rules = [PlaceRef(0, 3, "肇源县")]
    assert place_model(text, rules) == rules  # overlapping the rules' place: nothing added
    added = place_model(text, [])
    assert [p.surface for p in added] == ["肇源县"]
    assert place_model.resolvable("肇源县城") == "肇源县"
    assert place_model.resolvable("某某园") is None


def test_learned_places_missing_model_runs_rules_only_and_logs_once(
        fresh_extractor: Extractor, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    missing = tmp_path / "no-model"
    with caplog.at_level(logging.WARNING, logger="pipeline.extract.learned_places"):
        learned_places.attach(fresh_extractor.sentences, True, missing)
        learned_places.attach(fresh_extractor.sentences, True, missing)
        document = fresh_extractor.process(RawDocument(source="t", content="林甸县已返岗复工6.5万人。"))
    lines = [r for r in caplog.records if "learned place model not found" in r.getMessage()]
    assert len(lines) == 1
    assert [r.region.name if r.region else None for r in document.records] == ["林甸县"]
