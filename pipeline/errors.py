"""The error catalogue: every failure a document can meet has a stable code.

A `PipelineError` carries the stage it happened in and a code from `CATALOGUE`;
`to_doc_error()` turns it into the contract's `DocError`, so a failed document
still yields an `ExtractedDocument` and the batch goes on.
"""

from __future__ import annotations

from schemas import DocError, Stage

# code -> (stage, message template). Messages say what a person can do about it.
CATALOGUE: dict[str, tuple[Stage, str]] = {
    "read.not_found": (Stage.read, "File {path} does not exist; check the path."),
    "read.unreadable": (Stage.read, "Could not read {path}: {reason}."),
    "read.too_large": (
        Stage.read,
        "Input is {size} bytes, over the limit of {limit}; split it or raise --max-bytes.",
    ),
    "read.empty": (Stage.read, "Input is empty; nothing to extract."),
    "read.bad_record": (
        Stage.read,
        "Archive record {where} is not a JSON object with a text field: {reason}.",
    ),
    "read.truncated": (
        Stage.read,
        "The archive {path} ends in the middle of a record ({reason}): the records before it"
        " were read; copy or download the archive again.",
    ),
    "read.corrupt": (
        Stage.read,
        "The archive {path} is damaged ({reason}): the records before the damage were read;"
        " copy or download the archive again.",
    ),
    "read.duplicate_id": (
        Stage.read,
        "Record {where} repeats the id {doc_id!r} of an earlier record, so it was stored as"
        " {new_id!r}; give every record of the archive its own id.",
    ),
    "read.bad_field": (
        Stage.read,
        "Field {field!r} of the record is {found}, not text, and was ignored; fix the archive"
        " or name another field with {option}.",
    ),
    "read.bad_date": (
        Stage.read,
        "The date {value!r} of the record is not a date like 2020-04-28 and was ignored, so"
        " figures that need the year may have no date; fix it or name another field with"
        " --date-field.",
    ),
    "decode.undetected": (
        Stage.decode,
        "Could not tell the text encoding; save the file as UTF-8, GB18030 or Big5.",
    ),
    "decode.invalid_utf8": (
        Stage.decode,
        "Bytes are not valid UTF-8 and no other encoding fits; re-save the file as UTF-8.",
    ),
    "decode.binary": (
        Stage.decode,
        "Input looks binary ({reason}), not text or HTML; give the article as a text or"
        " HTML file.",
    ),
    "decode.truncated_utf8": (
        Stage.decode,
        "The input ends inside a UTF-8 character (the last {count} bytes), so it was cut"
        " short; the text before was read: copy the file again to get its end.",
    ),
    "decode.invalid_bytes": (
        Stage.decode,
        "{count} bytes are not UTF-8 (the first at byte {offset}) and were read as U+FFFD;"
        " the file mixes encodings: re-save it as UTF-8.",
    ),
    "decode.mislabelled": (
        Stage.decode,
        "The page says its encoding is {declared} but its bytes are {actual}, so it was read"
        " as {actual}; fix the page's charset declaration or re-save it as {declared}.",
    ),
    "decode.nul": (
        Stage.decode,
        "{count} NUL characters (U+0000), which databases cannot store, were replaced by"
        " U+FFFD; the input was damaged or not plain text: check where it came from.",
    ),
    "decode.lone_surrogate": (
        Stage.decode,
        "{count} unpaired UTF-16 surrogates (\\ud800-\\udfff escapes) were replaced by"
        " U+FFFD: they are no characters; fix the program that wrote the archive.",
    ),
    "clean.no_body": (
        Stage.clean,
        "No article body was found after removing page chrome; check that the page holds an article.",
    ),
    "convert.failed": (Stage.convert, "Traditional-to-Simplified conversion failed: {reason}."),
    "segment.failed": (Stage.segment, "Segmentation failed: {reason}."),
    "segment.sentence_cut": (
        Stage.segment,
        "A sentence of {length} characters was analysed only up to its first {limit}, so"
        " numbers after that were not read; the text lacks sentence punctuation or line"
        " breaks: split it, or raise Settings.max_sentence_chars.",
    ),
    "extract.failed": (Stage.extract, "Extraction failed on a sentence: {reason}."),
    "extract.time_budget": (
        Stage.extract,
        "Extraction stopped at the time budget of {budget} s per document; the records found"
        " before that are kept: split the article or raise --time-budget.",
    ),
    "extract.malformed_number": (
        Stage.extract,
        "The number {number!r} (in {context!r}) is written in no form a statistic takes and"
        " was not read: check the source text.",
    ),
    "extract.number_too_long": (
        Stage.extract,
        "A number of {digits} digits ({number}) was not read: no statistic has more than"
        " {limit}; check the source text.",
    ),
    "validate.record": (
        Stage.validate,
        "A record failed validation and was left out: {reason}.",
    ),
    "validate.meta": (Stage.validate, "Article metadata failed validation: {reason}."),
    "validate.implausible_value": (
        Stage.validate,
        "The value {value} of {value_text!r} is not plausible for {what} ({reason}), so the"
        " record was not written: check the source text.",
    ),
    "sink.write_failed": (Stage.sink, "Could not write the document to {sink}: {reason}."),
}


class PipelineError(Exception):
    """Base of every error the library raises; `code` is a key of `CATALOGUE`."""

    def __init__(self, code: str, **details: object) -> None:
        if code not in CATALOGUE:
            raise KeyError(f"unknown error code {code!r}; add it to pipeline.errors.CATALOGUE")
        self.code = code
        self.stage, template = CATALOGUE[code]
        self.details = details
        try:
            message = template.format(**details)
        except KeyError:
            message = template
        super().__init__(f"[{code}] {message}")
        self.message = message

    def to_doc_error(self) -> DocError:
        return DocError(stage=self.stage, code=self.code, message=self.message)


def doc_error(code: str, **details: object) -> DocError:
    """A `DocError` for `code` without raising."""
    return PipelineError(code, **details).to_doc_error()


class ConfigError(Exception):
    """A data file or setting is wrong: raised at load time, never per document."""
