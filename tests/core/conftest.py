"""Fixtures of the core tests: one Extractor and the finders, built once per session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.evaluate.corpus import CorpusLoad, load_corpus

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO






@pytest.fixture(scope="session")
def published() -> dt.date:
    return dt.date(2020, 4, 28)


@pytest.fixture(scope="session")
def corpus() -> CorpusLoad:
    return load_corpus(REPO / "corpus")


@pytest.fixture(scope="session")
def spacy_nlp() -> Language:
    """The spaCy form of the extraction stage (jieba tokenizer + components), once per session."""
    from pipeline.nlp import build_nlp

    return build_nlp()
