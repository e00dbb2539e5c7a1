"""The spaCy form of the extraction stage: jieba through spaCy's Chinese tokenizer, then our
components.

The Extractor does not use it (it runs the same finders without a Doc,
`pipeline.extract.sentence`); it is kept for users who want a Doc per sentence with its
spans, and a test holds both paths to the same drafts. jieba is used through a private
`jieba.Tokenizer` that loads the domain dictionary (`pipeline/data/jieba_user_dict.txt`):
jieba's module-level default tokenizer is never touched, so nothing global changes and
nothing happens at import.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline.extract import components
from pipeline.extract.segment import make_jieba
from pipeline.resolve import component as resolve_component  # noqa: F401  (registers employment_linker)

COMPONENTS = (
    "employment_quantities",
    "employment_cues",
    "employment_times",
    "employment_places",
    "employment_linker",
)


@registry.tokenizers("employment.jieba_tokenizer.v1")
def create_jieba_tokenizer() -> Callable[[Language], ChineseTokenizer]:
    """spaCy's Chinese tokenizer in jieba mode, segmenting with our private instance."""

    def make(nlp: Language) -> ChineseTokenizer:
        tokenizer = ChineseTokenizer(nlp.vocab, segmenter=Segmenter.char)
        tokenizer.segmenter = Segmenter.jieba
        tokenizer.jieba_seg = make_jieba()
        return tokenizer

    return make


def build_nlp() -> Language:
    """A blank Chinese pipeline with the jieba tokenizer and the extraction components."""
    components.register_extensions()
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "employment.jieba_tokenizer.v1"}}}
    )
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def run(nlp: Language, text: str, **extensions: object) -> Doc:
    """Segment `text`, set the context extensions, then run the components in order."""
    doc = nlp.make_doc(text)
    for name, value in extensions.items():
        setattr(doc._, name, value)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def vocab_of(nlp: Language) -> Vocab:
    return nlp.vocab
