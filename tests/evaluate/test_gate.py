"""The F1 gate: the corpus is the pinned one, and extraction on it meets the pinned floors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.cli.evaluate import main
from pipeline.evaluate.corpus import corpus_hash

REPO = Path(__file__).resolve().parents[2]
GATE = yaml.safe_load((Path(__file__).with_name("gate.yaml")).read_text(encoding="utf-8"))


def test_gate_corpus_hash_is_pinned() -> None:
    assert corpus_hash(REPO / "corpus") == GATE["corpus_sha256"], (
        "corpus/ changed: if on purpose, re-pin corpus_sha256 (and the floors) in"
        " tests/evaluate/gate.yaml as docs/evaluation.md describes"
    )


def test_gate_extraction_meets_the_floors(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["evaluate", "--gold", str(REPO / "corpus"),
                 "--min-value-f1", str(GATE["min_value_f1"]),
                 "--min-strict-f1", str(GATE["min_strict_f1"])])
    captured = capsys.readouterr()
    assert code == 0, captured.err + captured.out


def test_gate_dev_corpus_meets_the_issue_floors(corpus_report: Any) -> None:
    """The development corpus's floors: value and strict F1, and field accuracy."""
    floors = GATE["dev_corpus"]
    assert corpus_report.value.f1 >= floors["min_value_f1"], corpus_report.value
    assert corpus_report.strict.f1 >= floors["min_strict_f1"], corpus_report.strict
    accuracy = {row.field: row.accuracy for row in corpus_report.fields}
    for field, floor in floors["min_field_accuracy"].items():
        assert accuracy[field] is not None and accuracy[field] >= floor, (field, accuracy[field])
