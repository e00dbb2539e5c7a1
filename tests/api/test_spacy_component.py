"""The component in a user's own spaCy pipeline, found through the entry point."""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import DocBin

from schemas import StatRecord
from tests.api.conftest import RunPython

SENTENCE = "截至4月16日，全市已返岗复工6.5万人，复工率98%。"
FRESH_SPACY = """
import json, sys
import spacy
nlp = spacy.blank("zh")
nlp.add_pipe("employment_records")
doc = nlp.make_doc("截至4月16日，全市已返岗复工6.5万人。")
doc._.employment_meta = {"published_at": "2020-04-18"}
doc = nlp(doc)
from schemas import StatRecord
print(json.dumps([{"metric": r.metric.value, "date": r.date, "span_text": r.doc_span.text,
                   "span_doc": r.doc_span.doc is doc, "chars": [r.doc_span.start_char,
                   r.doc_span.end_char], "span": list(r.span),
                   "is_record": isinstance(r, StatRecord)} for r in doc._.employment_records],
                 ensure_ascii=False))
"""


def test_spacy_component_is_an_entry_point() -> None:
    [found] = [e for e in entry_points(group="spacy_factories") if e.name == "employment_records"]
    assert found.value == "pipeline.spacy_component:make_employment_records"


def test_spacy_component_in_a_fresh_interpreter(run_python: RunPython, tmp_path: Path) -> None:
    result = run_python(FRESH_SPACY, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    [record] = json.loads(result.stdout)
    assert record == {"metric": "workers_at_work", "date": "2020-04-16", "span_text": "6.5万人",
                      "span_doc": True, "chars": [15, 20], "span": [15, 20], "is_record": True}


def test_spacy_component_spans_cover_the_records(user_nlp: Language) -> None:
    doc = user_nlp(SENTENCE)
    records = doc._.employment_records
    assert [r.metric.value for r in records] == ["workers_at_work", "resumption_rate"]
    assert all(isinstance(r, StatRecord) for r in records)
    for record in records:
        assert doc.text[record.span[0]:record.span[1]] == record.value_text
        assert record.doc_span.text == record.value_text
    group = doc.spans["employment_records"]
    assert [(s.text, s.label_) for s in group] == [
        ("6.5万人", "workers_at_work"), ("98%", "resumption_rate")]


def test_spacy_component_reads_the_article_meta(user_nlp: Language) -> None:
    plain = user_nlp(SENTENCE)
    doc = user_nlp.make_doc(SENTENCE)
    doc._.employment_meta = {"published_at": "2020-04-18", "title": "大庆市复工"}
    dated = user_nlp(doc)
    assert [r.date for r in plain._.employment_records] != ["2020-04-16", "2020-04-16"]
    assert [r.date for r in dated._.employment_records] == ["2020-04-16", "2020-04-16"]
    assert {r.region.name for r in dated._.employment_records if r.region} == {"大庆市"}


def test_spacy_component_rejects_unknown_meta(user_nlp: Language) -> None:
    doc = user_nlp.make_doc(SENTENCE)
    doc._.employment_meta = {"date": "2020-04-18"}
    with pytest.raises(ValueError, match="unknown keys"):
        user_nlp(doc)


def test_spacy_component_docs_serialise(user_nlp: Language) -> None:
    docs = list(user_nlp.pipe([SENTENCE, "没有数字的句子。"]))
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    restored = list(DocBin(store_user_data=True).from_bytes(stored).get_docs(user_nlp.vocab))
    assert [len(d._.employment_records) for d in restored] == [2, 0]
    assert [r.model_dump() for r in restored[0]._.employment_records] == [
        r.model_dump() for r in docs[0]._.employment_records]
    assert restored[0]._.employment_records[0].doc_span.text == "6.5万人"


def test_spacy_component_rejects_unknown_settings() -> None:
    import spacy

    nlp = spacy.blank("zh")
    with pytest.raises(ValueError, match="unknown settings"):
        nlp.add_pipe("employment_records", config={"settings": {"max_byte": 10}})


def test_spacy_component_settings_reach_the_extractor() -> None:
    import spacy

    nlp = spacy.blank("zh")
    nlp.add_pipe("employment_records", config={"settings": {"max_bytes": 10}})
    doc = nlp(SENTENCE)
    assert doc._.employment_records == []
    assert [e.code for e in doc._.employment_errors] == ["read.too_large"]
