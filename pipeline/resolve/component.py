"""The spaCy component that runs the resolvers on a sentence: `employment_linker`.

It reads what the extraction components wrote on `doc._` and writes `doc._.drafts`.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.findings import SentenceFindings
from pipeline.extract.lexicon import Lexicon, shared_lexicon
from pipeline.resolve.sentence import SentenceResolver


class LinkerComponent:
    def __init__(self, lexicon: Lexicon) -> None:
        self.resolver = SentenceResolver(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        offsets = doc.to_array([IDX, LENGTH])  # without building a Token per word
        starts, lengths = offsets[:, 0], offsets[:, 1]
        findings = SentenceFindings(
            text=doc.text,
            quantities=doc._.quantities or [],
            cues=doc._.cues or [],
            nouns=doc._.nouns or [],
            markers=doc._.markers or [],
            times=doc._.times or [],
            places=doc._.places or [],
            token_starts=frozenset(int(i) for i in starts),
            token_ends=frozenset(int(i + n) for i, n in zip(starts, lengths, strict=True)),
            subject_hints=doc._.subject_hints or {},
            metric_hints=doc._.metric_hints or {},
            topical=doc._.topical is not False,
            topic=doc._.topic,
            published=doc._.published,
            targets=bool(doc._.targets),
        )
        doc._.drafts = self.resolver.link(findings)
        return doc


@Language.factory("employment_linker")
def make_linker(nlp: Language, name: str) -> LinkerComponent:
    return LinkerComponent(shared_lexicon())
