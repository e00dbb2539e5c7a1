"""Fixtures of the gazetteer tests: one `Gazetteer` for the session (it is immutable)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.extract.gazetteer import Gazetteer, Place


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def place_of(gazetteer: Gazetteer) -> Callable[[str], Place]:
    """The one place named `name` (full name), failing the test if there is not exactly one."""

    def lookup(name: str) -> Place:
        found = gazetteer.by_name(name)
        assert len(found) == 1, f"{name}: {found}"
        return found[0]

    return lookup
