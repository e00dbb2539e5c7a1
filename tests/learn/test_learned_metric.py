"""The learned metric classifier: packaged, right on made-up sentences, optional."""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.document import RawDocument
from pipeline.extract.findings import SentenceFindings
from pipeline.extract.numbers import Quantity
from pipeline.learn.features import metric_text
from pipeline.process import Extractor
from pipeline.resolve import learned_metric
from pipeline.resolve.learned_metric import MetricModel
from schemas import Metric, Qualifier, Unit


def _findings(text: str) -> SentenceFindings:
    return SentenceFindings(text=text, quantities=[], cues=[], nouns=[], markers=[], times=[],
                            places=[], token_starts=frozenset(), token_ends=frozenset())


def _quantity(text: str, surface: str, unit: Unit) -> Quantity:
    start = text.index(surface)
    return Quantity(start, start + len(surface), Decimal(1), "", unit,
                    Qualifier.exact)


def test_features_window_marks_the_number_and_hides_its_digits() -> None:
    text = "截至4月16日，全县已返岗复工6.5万人。占返乡总数的97.5%。"
    start = text.index("6.5万人")
    assert metric_text(text, start, start + 5) == "截至4月16日，全县已返岗复工【#万人】"


def test_learned_metric_packaged_model_loads(metric_model: MetricModel) -> None:
    assert set(metric_model.nlp.get_pipe("textcat").labels) == {m.value for m in Metric}


@pytest.mark.parametrize(("sentence", "surface", "metric"), [
    ("截至3月底，全县已返岗复工6.5万人。", "6.5万人", Metric.workers_at_work),
    ("今年以来，全市城镇新增就业1.2万人。", "1.2万人", Metric.jobs_created),
    ("本月共举办线上招聘会35场。", "35场", Metric.recruitment_events),
    ("全区开展职业技能培训5600人次。", "5600人次", Metric.trainees),
    ("一季度全省城镇调查失业率为5.3%。", "5.3%", Metric.unemployment_rate),
])
def test_learned_metric_predicts_metric_of_made_up_sentences(
        metric_model: MetricModel, sentence: str, surface: str, metric: Metric) -> None:
    start = sentence.index(surface)
    predicted, probability = metric_model.predict(sentence, start, start + len(surface))
    assert predicted is metric
    assert probability > 0.3


def test_learned_metric_replaces_only_other_within_the_unit(metric_model: MetricModel) -> None:
    text = "今年以来，全市城镇新增就业1.2万人。"
    found, quantity = _findings(text), _quantity(text, "1.2万人", Unit.person)
    chosen = metric_model(found, quantity, (Metric.other, "就业", Unit.person))
    assert chosen == (Metric.jobs_created, "就业", Unit.person)
    kept = (Metric.trainees, "培训", Unit.person)  # a rule's named metric stands
    assert metric_model(found, quantity, kept) == kept
    assert metric_model(found, quantity, None) is None  # the model names metrics, finds no records
    money = (Metric.other, "资金", Unit.yuan)  # jobs_created takes no yuan
    assert metric_model(found, _quantity(text, "1.2万人", Unit.yuan), money) == money


def test_learned_metric_missing_model_runs_rules_only_and_logs_once(
        fresh_extractor: Extractor, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    missing = tmp_path / "no-model"
    with caplog.at_level(logging.WARNING, logger="pipeline.resolve.learned_metric"):
        learned_metric.attach(fresh_extractor.resolver.metrics, True, missing)
        learned_metric.attach(fresh_extractor.resolver.metrics, True, missing)
        document = fresh_extractor.process(RawDocument(source="t", content="全县已返岗复工6.5万人。"))
    lines = [r for r in caplog.records if "learned metric model not found" in r.getMessage()]
    assert len(lines) == 1
    assert [r.metric for r in document.records] == [Metric.workers_at_work]


def test_learned_metric_relabels_records_and_never_adds_or_drops_one(fresh_extractor: Extractor) -> None:
    text = ("今年以来，全县新增城镇就业3200人，开展技能培训1500人次。"
            "在县里的工厂上班后，她每月保底工资1500元。其中规上工业企业占比为34.3%。")
    spans = {}
    for enabled in (False, True):
        learned_metric.attach(fresh_extractor.resolver.metrics, enabled)
        document = fresh_extractor.process(RawDocument(source="t", content=text))
        spans[enabled] = [tuple(r.span) for r in document.records]
    assert spans[False]
    assert spans[True] == spans[False]
