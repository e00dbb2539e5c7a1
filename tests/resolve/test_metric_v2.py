"""The metric resolver against contract v2's rules, with made-up sentences."""

from __future__ import annotations

import pytest

from tests.resolve.conftest import Find


@pytest.mark.parametrize(
    ("body", "surface", "metric"),
    [
        # a topic carries through its paragraph
        ("本周实施减班休息的企业有所减少。实施单位共320家，人数4500人。", "320家", "furlough_employers"),
        ("本周实施减班休息的企业有所减少。实施单位共320家，人数4500人。", "4500人", "furloughed_workers"),
        # recipients of support
        ("全市向350家企业发放稳岗补贴1200万元。", "350家", "support_recipients"),
    ],
)
def test_metric_v2_rules(record: Find, body: str, surface: str, metric: str) -> None:
    assert record(body, surface).metric.value == metric
