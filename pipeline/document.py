"""What enters the pipeline: one raw article, from whatever reader produced it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

MediaType = Literal["text", "html"]


@dataclass(frozen=True)
class RawDocument:
    """One input article before decoding.

    `content` is bytes when read from a file (decoded by the read stage) or str
    when the source already holds text (archive records). `metadata` holds what
    the source knows besides the text: `title`, `published_at` (or `date`), `url`,
    `outlet`, and any other fields, kept as they are.
    """

    source: str
    content: bytes | str
    media_type: MediaType = "text"
    doc_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    # A reader that already failed (unreadable file, bad JSON line) passes the
    # error code and details here, so the document still yields an output.
    read_error: tuple[str, dict[str, Any]] | None = None
    # What the reader found wrong but could read past (a repeated id, a title that is
    # no string): (error code, details) pairs, each a `DocError` of the output document.
    notes: tuple[tuple[str, dict[str, Any]], ...] = ()
