"""The metric resolver against contract v2's rules, with made-up sentences."""

from __future__ import annotations

import pytest

from tests.resolve.conftest import Extract, Find


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


@pytest.mark.parametrize(
    ("body", "surface"),
    [
        # a number that defines a class is part of the subject, not a record
        ("全市用工100人以上的企业320家已全部复工。", "100人"),
        ("复产率超70%的企业占81.2%。", "70%"),
        # money lent that is not tied to jobs is out of scope
        ("银行向企业发放流动资金贷款5亿元。", "5亿元"),
        # one person's wage in an anecdote
        ("他说，一个月工资不到2000元。", "2000元"),
    ],
)
def test_metric_v2_not_records(extract: Extract, body: str, surface: str) -> None:
    assert surface not in [r.value_text for r in extract(body).records]


@pytest.mark.parametrize(
    ("body", "surface", "metric"),
    [
        ("全市用工100人以上的企业320家已全部复工。", "320家", "enterprises_resumed"),
        ("复产率超70%的企业占81.2%。", "81.2%", "other"),
        ("全市八成以上的企业已陆续开工。", "八成", "resumption_rate"),
        ("今年以来已发放创业担保贷款2860万元。", "2860万元", "support_amount"),
        ("公司现有员工近1000名。", "1000名", "workers_at_work"),
        ("全市城镇就业人数为56.3万人。", "56.3万人", "workers_at_work"),
        ("全市为9000名农民工追回欠薪500万元。", "9000名", "support_recipients"),
        ("开通返岗专列12趟。", "12趟", "transport_services"),
    ],
)
def test_metric_v2_records(record: Find, body: str, surface: str, metric: str) -> None:
    assert record(body, surface).metric.value == metric
