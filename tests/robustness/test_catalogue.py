"""The error catalogue: every code is stable, belongs to its stage and reads as a sentence."""

from __future__ import annotations

import string

import pytest

from pipeline.errors import CATALOGUE, PipelineError


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_catalogue_message_formats_as_a_sentence(code: str) -> None:
    stage, template = CATALOGUE[code]
    assert code.split(".", 1)[0] == stage.value
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    error = PipelineError(code, **{name: "X" for name in names})
    assert error.message.endswith(".") and "{" not in error.message
    assert error.to_doc_error().code == code
