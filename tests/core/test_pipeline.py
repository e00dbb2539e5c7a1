"""The pipeline end to end: the seed article against its gold, grounding, bad input."""

from __future__ import annotations

from pipeline.document import RawDocument
from pipeline.evaluate.corpus import CorpusLoad
from pipeline.evaluate.scoring import score
from pipeline.process import Extractor
from schemas import ExtractedDocument

SEED = "dbw-daqing-2020-04-28"
SEED_VALUE_F1 = 0.97
SEED_STRICT_F1 = 0.90


def _run(extractor: Extractor, corpus: CorpusLoad, doc_id: str) -> ExtractedDocument:
    doc = next(d for d in corpus.documents if d.gold.doc_id == doc_id)
    return extractor.process(
        RawDocument(source=doc_id, content=doc.text, doc_id=doc_id, metadata=doc.metadata)
    )


def test_pipeline_seed_meets_its_gold(extractor: Extractor, corpus: CorpusLoad) -> None:
    gold = next(d.gold for d in corpus.documents if d.gold.doc_id == SEED)
    report = score([gold], [_run(extractor, corpus, SEED)])
    assert report.value.f1 >= SEED_VALUE_F1, report.value
    assert report.strict.f1 >= SEED_STRICT_F1, report.strict


def test_pipeline_seed_article_metadata(extractor: Extractor, corpus: CorpusLoad) -> None:
    gold = next(d.gold for d in corpus.documents if d.gold.doc_id == SEED)
    predicted = _run(extractor, corpus, SEED)
    assert predicted.article == gold.article
    assert predicted.script == gold.script


def test_pipeline_every_record_is_grounded(extractor: Extractor, corpus: CorpusLoad) -> None:
    assert corpus.documents
    for doc in corpus.documents:
        predicted = _run(extractor, corpus, doc.gold.doc_id)
        assert predicted.text == doc.text
        for record in predicted.records:
            start, end = record.span
            assert doc.text[start:end] == record.value_text
            assert record.value_text in record.evidence


def test_pipeline_bad_bytes_give_an_error_document(extractor: Extractor) -> None:
    result = extractor.process(RawDocument(source="bad.txt", content=b"\x00\x01\x02\xff" * 50))
    assert result.records == []
    assert [e.stage.value for e in result.errors] == ["decode"]
    assert result.errors[0].message


def test_pipeline_empty_input_gives_an_error_document(extractor: Extractor) -> None:
    result = extractor.process(RawDocument(source="empty.txt", content=b""))
    assert [e.code for e in result.errors] == ["read.empty"]


def test_pipeline_read_error_from_a_reader_is_kept(extractor: Extractor) -> None:
    raw = RawDocument(source="x.txt", content=b"", read_error=("read.not_found", {"path": "x.txt"}))
    result = extractor.process(raw)
    assert result.errors[0].code == "read.not_found"
    assert "x.txt" in result.errors[0].message


def test_pipeline_numbers_in_title_are_not_records(extractor: Extractor) -> None:
    text = "全市新增就业3万人\n2020-03-01 10:00:00 来源:某某日报\n截至2月底，全市企业复工率达到91.5%。\n"
    result = extractor.process(RawDocument(source="t.txt", content=text))
    assert [r.value_text for r in result.records] == ["91.5%"]
    assert result.records[0].date == "2020-02"
