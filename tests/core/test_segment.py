"""The Extractor's lazy word boundaries and Doc-free findings agree with the spaCy pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.evaluate.corpus import CorpusLoad
from pipeline.extract.segment import WordBoundaries
from pipeline.ingest.sentences import iter_sentences
from pipeline.nlp import run
from pipeline.process import Extractor

SENTENCES = [
    "截至4月16日，全市已返岗复工6.5万人，复工率达98%。",
    "全市 城镇新增就业  1.2万人\n同比增长3.1%",
    "台北市4月失業率為3.7%。\r\n（記者 王小明）",
    "  开头有空格，结尾也有 ",
    "\u3000\u3000一季度全省城镇新增就业12.3万人\t新增岗位 3,000个",
    "COVID-19 期间 A+B 企业 & 员工 50% 返岗 2020.5.1",
    "",
    " ",
]


def _spacy_boundaries(nlp: Language, text: str) -> tuple[set[int], set[int]]:
    doc = nlp.make_doc(text)
    return {t.idx for t in doc}, {t.idx + len(t.text) for t in doc}


def _lazy_boundaries(text: str) -> tuple[set[int], set[int]]:
    boundaries = WordBoundaries(text)
    offsets = range(len(text) + 2)
    return ({i for i in offsets if i in boundaries.starts},
            {i for i in offsets if i in boundaries.ends})


@pytest.mark.parametrize("text", SENTENCES)
def test_segment_boundaries_match_spacy_tokens(spacy_nlp: Language, text: str) -> None:
    assert _lazy_boundaries(text) == _spacy_boundaries(spacy_nlp, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("就业岗位返岗复工万人率，。 \u3000\n\r\tab1.%-+#&_（）")),
               max_size=40))
def test_segment_boundaries_match_spacy_on_any_text(spacy_nlp: Language, text: str) -> None:
    assert _lazy_boundaries(text) == _spacy_boundaries(spacy_nlp, text)


def test_segment_findings_give_the_drafts_of_the_spacy_pipeline(
    spacy_nlp: Language, extractor: Extractor, corpus: CorpusLoad
) -> None:
    """Every sentence of the written corpus: the same drafts with and without a Doc."""
    published = dt.date(2020, 4, 28)
    compared = 0
    for document in corpus.documents[:40]:
        for start, end in iter_sentences(document.text):
            sentence = document.text[start:end]
            if not extractor.quantities.find(sentence):
                continue
            doc = run(spacy_nlp, sentence, published=published, topical=True)
            found = extractor.sentences.find(sentence, published=published, topical=True)
            assert extractor.resolver.link(found) == doc._.drafts, sentence
            compared += 1
    assert compared > 100
