"""Fixtures of the learned components: the packaged models, loaded once per session."""

from __future__ import annotations

import pytest

from pipeline.extract.gazetteer import shared_gazetteer
from pipeline.extract.learned_places import PlaceModel
from pipeline.extract.learned_places import load as load_places
from pipeline.extract.lexicon import shared_lexicon
from pipeline.process import Extractor
from pipeline.resolve.learned_metric import MetricModel
from pipeline.resolve.learned_metric import load as load_metric


@pytest.fixture(scope="session")
def metric_model() -> MetricModel:
    model = load_metric(shared_lexicon().metric_units)
    assert model is not None, "pipeline/models/metric_textcat is missing: run `make train`"
    return model


@pytest.fixture(scope="session")
def place_model() -> PlaceModel:
    model = load_places(shared_gazetteer())
    assert model is not None, "pipeline/models/places_ner is missing: run `make train`"
    return model


@pytest.fixture
def fresh_extractor() -> Extractor:
    """An Extractor of its own, for tests that attach or detach models."""
    return Extractor()
