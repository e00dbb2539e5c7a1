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
    "decode.undetected": (
        Stage.decode,
        "Could not tell the text encoding; save the file as UTF-8, GB18030 or Big5.",
    ),
    "decode.invalid_utf8": (
        Stage.decode,
        "Bytes are not valid UTF-8 and no other encoding fits; re-save the file as UTF-8.",
    ),
    "decode.binary": (Stage.decode, "Input looks binary ({reason}), not text or HTML."),
    "clean.no_body": (
        Stage.clean,
        "No article body was found after removing page chrome; check that the page holds an article.",
    ),
    "convert.failed": (Stage.convert, "Traditional-to-Simplified conversion failed: {reason}."),
    "segment.failed": (Stage.segment, "Segmentation failed: {reason}."),
    "extract.failed": (Stage.extract, "Extraction failed on a sentence: {reason}."),
    "validate.record": (
        Stage.validate,
        "A record failed validation and was left out: {reason}.",
    ),
    "validate.meta": (Stage.validate, "Article metadata failed validation: {reason}."),
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
