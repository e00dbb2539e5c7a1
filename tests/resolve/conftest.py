"""Fixtures of the resolver tests: made-up pages run end to end, one record looked up by its text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pipeline.document import RawDocument
from pipeline.process import Extractor
from schemas import ExtractedDocument, StatRecord

HEAD = "2020-03-10 09:00:00 来源：大庆日报\n"
Extract = Callable[..., ExtractedDocument]
Find = Callable[..., StatRecord]



@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Extract:
    """The document of a made-up page: a date line (2020-03-10, 大庆日报) and `body`."""

    def run(body: str, head: str = HEAD, **metadata: Any) -> ExtractedDocument:
        return extractor.process(RawDocument(source="t.txt", content=head + body, metadata=metadata))

    return run


@pytest.fixture(scope="session")
def record(extract: Extract) -> Find:
    """The one record of `body` whose value_text is `surface`."""

    def find(body: str, surface: str, head: str = HEAD, **metadata: Any) -> StatRecord:
        found = [r for r in extract(body, head, **metadata).records if r.value_text == surface]
        assert len(found) == 1, f"{surface!r}: {len(found)} records"
        return found[0]

    return find
