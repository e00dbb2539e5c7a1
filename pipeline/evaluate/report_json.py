"""The evaluation report as JSON: keys are stable and documented in docs/evaluation.md."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.scoring import EvaluationReport


def write_json(report: EvaluationReport, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report.to_json() + "\n", encoding="utf-8")


def read_json(path: Path) -> EvaluationReport:
    """A report written by `write_json` (e.g. to compare two runs)."""
    return EvaluationReport.model_validate(json.loads(path.read_text(encoding="utf-8")))
