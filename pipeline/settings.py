"""One settings object for extraction: every option a stage reads lives here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Options of the extraction stages (batch options live in `pipeline.batch.runner`)."""

    # Inputs over this many bytes get a `read.too_large` error instead of records.
    max_bytes: int = 20_000_000
    # Sentences longer than this are cut before segmentation (minified pages).
    max_sentence_chars: int = 2_000
