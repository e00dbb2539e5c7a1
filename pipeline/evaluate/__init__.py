"""Evaluation against gold: scoring, error analysis, reports and annotation formats."""

from pipeline.evaluate.inputs import (
    EvaluationInputError,
    GoldSet,
    GoldText,
    as_predictions,
    load_gold_dir,
    predict,
    read_predictions,
)
from pipeline.evaluate.report_html import render_html
from pipeline.evaluate.report_json import read_json, write_json
from pipeline.evaluate.report_text import render_errors, render_text
from pipeline.evaluate.scoring import (
    Counts,
    DocumentResult,
    ErrorItem,
    EvaluationReport,
    FieldAccuracy,
    MetricRow,
    match_records,
    score,
)

__all__ = [
    "Counts",
    "DocumentResult",
    "ErrorItem",
    "EvaluationInputError",
    "EvaluationReport",
    "FieldAccuracy",
    "GoldSet",
    "GoldText",
    "MetricRow",
    "as_predictions",
    "load_gold_dir",
    "match_records",
    "predict",
    "read_json",
    "read_predictions",
    "render_errors",
    "render_html",
    "render_text",
    "score",
    "write_json",
]
