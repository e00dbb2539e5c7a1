"""The pipeline as one spaCy component: `nlp.add_pipe("employment_records")`.

The factory is registered through the package's `spacy_factories` entry point, so
after installing the package a user's own pipeline finds it by name:

    nlp = spacy.blank("zh")
    nlp.add_pipe("employment_records")
    doc = nlp("截至4月16日，全市已返岗复工6.5万人。")
    doc._.employment_records        # [DocRecord(metric=workers_at_work, ...)]
    doc.spans["employment_records"]  # one Span per record, labelled with its metric
    doc._.employment_errors         # [DocError] when the text could not be read (too large)

The component runs the whole extractor over `doc.text` (its own Simplified view,
jieba segmentation and rules; the user's tokenizer is not consulted) and writes
back what it found in terms of the user's Doc: each record is a `DocRecord`, a
`StatRecord` whose `doc_span` is the `Span` of its `span` (expanded to token
boundaries; with spaCy's default character segmentation for Chinese it is exact).
Article metadata that anchors dates goes in `doc._.employment_meta` before the
component runs: `doc = nlp.make_doc(text); doc._.employment_meta = {"published_at":
"2020-04-18"}; doc = nlp(doc)`.

What is stored on the Doc is plain data (record dicts in `doc.user_data`, spans in
`doc.spans`), so such Docs serialise (`DocBin`, `Doc.to_bytes`, `nlp.pipe(n_process=2)`).
This module imports nothing costly: spaCy loads it whenever a pipeline is created.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import PrivateAttr
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.api import raw_document
from schemas import DocError, StatRecord

if TYPE_CHECKING:
    from pipeline.api import Extractor

__all__ = ["DocRecord", "EmploymentRecords", "make_employment_records"]

NAME = "employment_records"
EXTENSION = "employment_records"  # doc._.employment_records: list[DocRecord]
META_EXTENSION = "employment_meta"  # doc._.employment_meta: published_at, url, title, outlet
SPANS_KEY = "employment_records"  # doc.spans[...]: one Span per record, label = metric
DATA_KEY = "employment_records:data"  # doc.user_data[...]: the records as JSON dicts
ERRORS_EXTENSION = "employment_errors"  # doc._.employment_errors: list[DocError]
ERRORS_KEY = "employment_records:errors"  # doc.user_data[...]: the errors as JSON dicts
META_FIELDS = frozenset({"published_at", "url", "title", "outlet", "doc_id"})


class DocRecord(StatRecord):
    """A `StatRecord` read from a spaCy Doc: `span` holds character offsets into
    `doc.text` (the contract), `doc_span` the matching `Span` of the Doc."""

    _doc_span: Span | None = PrivateAttr(default=None)

    @property
    def doc_span(self) -> Span:
        if self._doc_span is None:
            raise ValueError(f"record {self.value_text!r} was not read from a Doc")
        return self._doc_span


class EmploymentRecords:
    """`Doc -> Doc`: find the employment records of `doc.text` and write them to the Doc."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        # doc.text is read as plain text, also when it holds markup: the spans index into it.
        document = self.extractor._process(
            raw_document(doc.text, media_type="text", **self._meta(doc)))
        records = [record.model_dump(mode="json") for record in document.records]
        doc.user_data[DATA_KEY] = records
        doc.user_data[ERRORS_KEY] = [error.model_dump(mode="json") for error in document.errors]
        doc.spans[SPANS_KEY] = [_char_span(doc, r["span"], r["metric"]) for r in records]
        return doc

    @staticmethod
    def _meta(doc: Doc) -> dict[str, Any]:
        meta = getattr(doc._, META_EXTENSION) or {}
        unknown = set(meta) - META_FIELDS
        if unknown:
            raise ValueError(f"[{NAME}] doc._.{META_EXTENSION} has unknown keys"
                             f" {sorted(unknown)}; use {sorted(META_FIELDS)}")
        return dict(meta)


def _char_span(doc: Doc, span: list[int], label: str) -> Span:
    found = doc.char_span(span[0], span[1], label=label, alignment_mode="expand")
    if found is None:  # only for offsets outside the Doc, which a grounded record never has
        raise ValueError(f"[{NAME}] span {span} does not lie in the Doc of {len(doc.text)} chars")
    return found


def _records_of(doc: Doc) -> list[DocRecord]:
    """Getter of `doc._.employment_records`: records with their Spans, built from stored data."""
    records = []
    for data in doc.user_data.get(DATA_KEY) or []:
        record = DocRecord.model_validate(data)
        record._doc_span = _char_span(doc, data["span"], data["metric"])
        records.append(record)
    return records


def _errors_of(doc: Doc) -> list[DocError]:
    """Getter of `doc._.employment_errors`: why a Doc has no records (e.g. `read.too_large`)."""
    return [DocError.model_validate(data) for data in doc.user_data.get(ERRORS_KEY) or []]


def register_extensions() -> None:
    """`doc._.employment_records`, `doc._.employment_errors` (read-only) and
    `doc._.employment_meta`; idempotent."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, getter=_records_of)
    if not Doc.has_extension(ERRORS_EXTENSION):
        Doc.set_extension(ERRORS_EXTENSION, getter=_errors_of)
    if not Doc.has_extension(META_EXTENSION):
        Doc.set_extension(META_EXTENSION, default=None)


@cache
def _extractor(settings_items: tuple[tuple[str, Any], ...]) -> Extractor:
    from dataclasses import fields

    from pipeline.api import Extractor
    from pipeline.settings import Settings

    known = {field.name for field in fields(Settings)}
    unknown = sorted(name for name, _ in settings_items if name not in known)
    if unknown:
        raise ValueError(f"[{NAME}] unknown settings {unknown}; pipeline.Settings has {sorted(known)}")
    return Extractor(Settings(**dict(settings_items)))


@Language.factory(
    NAME,
    default_config={"settings": {}},
    assigns=[f"doc._.{EXTENSION}", f"doc._.{ERRORS_EXTENSION}"],
)
def make_employment_records(nlp: Language, name: str, settings: dict[str, Any]) -> EmploymentRecords:
    """The component; `settings` holds fields of `pipeline.Settings` (e.g. max_bytes).

    Components with the same settings share one extractor per process.
    """
    register_extensions()
    return EmploymentRecords(_extractor(tuple(sorted(settings.items()))))
