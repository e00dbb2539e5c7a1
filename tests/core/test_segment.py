"""What makes the Extractor fast changes nothing: lazy word boundaries and Doc-free findings agree
with the spaCy pipeline, the split jieba cache with the whole dictionary, libyaml with PyYAML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.evaluate.corpus import CorpusLoad
from pipeline.extract.segment import WordBoundaries, _from_cache, _write_cache
from pipeline.ingest.sentences import iter_sentences
from pipeline.nlp import run
from pipeline.process import Extractor
from pipeline.resolve.sentence import SentenceResolver
from pipeline.resources import YAML_LOADER

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
    rules_only = SentenceResolver(extractor.lexicon)  # as the spaCy pipeline: no learned model
    compared = 0
    for document in corpus.documents[:40]:
        for start, end in iter_sentences(document.text):
            sentence = document.text[start:end]
            if not extractor.quantities.find(sentence):
                continue
            doc = run(spacy_nlp, sentence, published=published, topical=True)
            found = extractor.sentences.find(sentence, published=published, topical=True)
            assert rules_only.link(found) == doc._.drafts, sentence
            compared += 1
    assert compared > 100


def test_resources_yaml_loader_reads_every_data_file_as_the_python_loader(repo: Path) -> None:
    """libyaml's parser (start-up) gives the same tables as PyYAML's own."""
    for path in sorted((repo / "pipeline" / "data").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=YAML_LOADER) == yaml.safe_load(text), path.name


def test_segment_split_cache_segments_as_the_whole_dictionary(
    spacy_nlp: Language, corpus: CorpusLoad, tmp_path: Path
) -> None:
    """The tokenizer read from the split cache gives jieba's words with the whole dictionary."""
    whole = spacy_nlp.tokenizer.jieba_seg  # type: ignore[attr-defined]
    path = tmp_path / "jieba.cache"
    _write_cache(whole, path)
    split = _from_cache(path)
    assert split.total == whole.total
    for document in corpus.documents[:40]:
        assert split.lcut(document.text) == whole.lcut(document.text), document.gold.doc_id
