"""Fixtures of the public-API tests: a public Extractor, a user's spaCy pipeline, and a
fresh interpreter to run snippets in (what a user who just installed the package has)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline import Extractor

REPO = Path(__file__).resolve().parents[2]

RunPython = Callable[[str, Path], subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def user_nlp() -> Language:
    """A user's own blank Chinese pipeline with the component added by name."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("employment_records")
    return nlp


def _run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`code` in a new interpreter of this environment, run outside the repository."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=cwd, timeout=300, check=False)


@pytest.fixture(scope="session")
def run_python() -> RunPython:
    return _run_python
