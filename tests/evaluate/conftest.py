"""Fixtures of the evaluation tests: a hand-built gold/pred pair, the seed gold and
a perturbed prediction of it (headless chromium is in tests/conftest.py)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate.corpus import read_gold, sha256_text
from schemas import (
    ArticleMeta,
    ExtractedDocument,
    GoldDocument,
    Level,
    Metric,
    Qualifier,
    Region,
    Script,
    StatRecord,
)

REPO = Path(__file__).resolve().parents[2]

CITY = Region(name="大庆市", level=Level.city, code="230600", parent="黑龙江省")
COUNTY = Region(name="林甸县", level=Level.county, code="230623", parent="大庆市")


def make_record(text: str, value_text: str, metric: str, value: str, unit: str,
                occurrence: int = 0, **fields: Any) -> StatRecord:
    """A record grounded in `text` at the given occurrence of `value_text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value_text, start + 1)
    base: dict[str, Any] = {
        "metric": metric, "indicator": "词", "value": Decimal(value), "unit": unit,
        "region": CITY, "date": "2020-04-16", "value_text": value_text,
        "span": (start, start + len(value_text)), "evidence": text,
    }
    return StatRecord.model_validate({**base, **fields})


def make_gold(doc_id: str, text: str, records: list[StatRecord]) -> GoldDocument:
    return GoldDocument(doc_id=doc_id, source=f"{doc_id}.txt", text_sha256=sha256_text(text),
                        script=Script.simplified, article=ArticleMeta(title=doc_id),
                        records=records)


def make_pred(doc_id: str, text: str, records: list[StatRecord]) -> ExtractedDocument:
    return ExtractedDocument(doc_id=doc_id, source=f"{doc_id}.txt", script=Script.simplified,
                             article=ArticleMeta(), text=text, records=records)


TEXT_A = "甲地新增就业1200人,复工率95%,发放补贴300万元。另有培训500人次。"
TEXT_B = "乙市返岗职工2.5万人,复工企业80家。"


@pytest.fixture
def tiny_pair() -> tuple[list[GoldDocument], list[ExtractedDocument]]:
    """Two documents, six gold and six predicted records, worked out by hand.

    Doc a (paired by doc_id):
      1200人  gold jobs_created      pred identical                  -> strict TP
      95%     gold resumption_rate   pred qualifier approx, subject  -> value TP, strict FP+FN
      300万元 gold 3000000 yuan       pred 300 yuan                   -> FP + FN
      500人次 gold trainees          no pred                         -> FN
    Doc b (pred has another doc_id: paired by text hash):
      2.5万人 gold workers_at_work   pred metric, region wrong       -> value TP, strict FP+FN
      80家    gold enterprises_res.  pred indicator differs          -> strict TP
      80家    -                      pred 80 person (unit differs)   -> FP
    """
    gold_a = make_gold("a", TEXT_A, [
        make_record(TEXT_A, "1200人", "jobs_created", "1200", "person"),
        make_record(TEXT_A, "95%", "resumption_rate", "95", "percent"),
        make_record(TEXT_A, "300万元", "support_amount", "3000000", "yuan"),
        make_record(TEXT_A, "500人次", "trainees", "500", "person"),
    ])
    pred_a = make_pred("a", TEXT_A, [
        make_record(TEXT_A, "1200人", "jobs_created", "1200", "person"),
        make_record(TEXT_A, "95%", "resumption_rate", "95", "percent",
                    qualifier="approx", subject="企业"),
        make_record(TEXT_A, "300万元", "support_amount", "300", "yuan"),
    ])
    gold_b = make_gold("b", TEXT_B, [
        make_record(TEXT_B, "2.5万人", "workers_at_work", "25000", "person"),
        make_record(TEXT_B, "80家", "enterprises_resumed", "80", "enterprise"),
    ])
    pred_b = make_pred("other-id", TEXT_B, [
        make_record(TEXT_B, "2.5万人", "jobs_created", "25000", "person", region=COUNTY),
        make_record(TEXT_B, "80家", "enterprises_resumed", "80", "enterprise", indicator="复工"),
        make_record(TEXT_B, "80家", "other", "80", "person"),
    ])
    return [gold_a, gold_b], [pred_a, pred_b]


@pytest.fixture(scope="session")
def seed_documents() -> list[tuple[GoldDocument, str]]:
    """Corpus gold whose text is in the repository (seed and written articles)."""
    documents = []
    for path in sorted((REPO / "corpus" / "gold").glob("*.gold.json")):
        gold = read_gold(path)
        text_path = REPO / "corpus" / "texts" / f"{gold.doc_id}.txt"
        if gold.archive_ref is None and text_path.exists():
            documents.append((gold, text_path.read_text(encoding="utf-8")))
    if not documents:
        pytest.skip("corpus/ holds no gold with its text")
    return documents


@pytest.fixture(scope="session")
def seed_gold_dir(tmp_path_factory: pytest.TempPathFactory,
                  seed_documents: list[tuple[GoldDocument, str]]) -> Path:
    """The seed gold as a plain directory of `<doc_id>.gold.json` + `<doc_id>.txt`."""
    directory = tmp_path_factory.mktemp("plain-gold")
    for gold, text in seed_documents[:1]:
        shutil.copy(REPO / "corpus" / "gold" / f"{gold.doc_id}.gold.json", directory)
        with (directory / f"{gold.doc_id}.txt").open("w", encoding="utf-8", newline="") as out:
            out.write(text)
    return directory


def perturb(gold: GoldDocument, text: str) -> ExtractedDocument:
    """A prediction of `gold` with known faults: every 7th record missed, every 5th
    with a wrong qualifier, every 6th with a wrong subject, one spurious record."""
    records = []
    for i, record in enumerate(gold.records):
        if i % 7 == 3:
            continue
        update: dict[str, Any] = {}
        if i % 5 == 1:
            update["qualifier"] = (Qualifier.approx if record.qualifier != Qualifier.approx
                                   else Qualifier.exact)
        if i % 6 == 2:
            update["subject"] = "某某"
        records.append(record.model_copy(update=update))
    first = gold.records[0]
    records.append(first.model_copy(update={"value": Decimal(1), "metric": Metric.other}))
    return ExtractedDocument(doc_id=gold.doc_id, source=gold.source, script=gold.script,
                             article=gold.article, text=text, records=records)


@pytest.fixture(scope="session")
def perturbed(seed_documents: list[tuple[GoldDocument, str]]) -> list[ExtractedDocument]:
    return [perturb(gold, text) for gold, text in seed_documents]


@pytest.fixture(scope="session")
def record_factory() -> Callable[..., StatRecord]:
    return make_record


@pytest.fixture(scope="session")
def corpus_report() -> Any:
    """The pipeline scored on the whole development corpus (archive articles included)."""
    from pipeline.evaluate.corpus import DEFAULT_ARCHIVE
    from pipeline.evaluate.inputs import load_gold_dir, predict
    from pipeline.evaluate.scoring import score

    if not DEFAULT_ARCHIVE.exists():
        reason = f"{DEFAULT_ARCHIVE} is absent: the 24 archive articles of the corpus cannot be read"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    gold = load_gold_dir(REPO / "corpus", DEFAULT_ARCHIVE)
    assert not gold.skipped, gold.skipped
    return score([doc.gold for doc in gold.documents], predict(gold.documents))
