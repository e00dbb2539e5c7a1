"""What a worker does and the settings of a batch: shared by the local runner and the Dask engine.

Both engines import this module and neither imports the other at module level, so
there is no import circle between `pipeline.batch.runner` and `pipeline.batch.dask_engine`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pipeline.batch.sources import FieldNames, SourceSettings, derived_id
from pipeline.document import RawDocument
from pipeline.errors import doc_error
from pipeline.settings import Settings
from schemas import ArticleMeta, ExtractedDocument, Script

if TYPE_CHECKING:
    from pipeline.batch.sinks.base import Prepared
    from pipeline.process import Extractor

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

Engine = Literal["local", "dask"]


@dataclass(frozen=True)
class BatchSettings:
    """Every option of a batch run; built once (by the CLI) and passed down."""

    inputs: tuple[str, ...] = ("corpus",)
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    batch_size: int = 64  # documents per sink transaction
    # documents per task sent to a worker process: fewer, larger messages; 64 takes about a
    # fifth off the runner's CPU per document against 16 (bench/throughput.py's runs), which
    # two workers on two cores share with it
    chunk_size: int = 64
    resume: bool = False
    fields: FieldNames = field(default_factory=FieldNames)
    stdin_format: Literal["text", "html", "jsonl"] = "text"
    out_dir: Path | None = Path("out")  # JSONL goes to out_dir/records.jsonl
    db_url: str | None = None
    parquet_dir: Path | None = None
    engine: Engine = "local"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    partition_size: int = 256  # documents per Dask task
    # A batch is written when it is full or this many seconds after its first document.
    flush_seconds: float = 2.0
    extract: Settings = field(default_factory=Settings)

    @property
    def jsonl_path(self) -> Path | None:
        return self.out_dir / "records.jsonl" if self.out_dir is not None else None

    @property
    def max_in_flight(self) -> int:
        return max(4 * self.workers * self.chunk_size, self.batch_size)

    def source_settings(self) -> SourceSettings:
        return SourceSettings(fields=self.fields, max_bytes=self.extract.max_bytes,
                              stdin_format=self.stdin_format)


@lru_cache(maxsize=4)
def worker_extractor(settings: Settings) -> Extractor:
    """The Extractor of this process, built on first use (costly: spaCy, jieba, OpenCC)."""
    from pipeline.logs import quiet_jieba
    from pipeline.process import Extractor

    quiet_jieba()
    return Extractor(settings)


def process_one(raw: RawDocument, settings: Settings) -> ExtractedDocument:
    """Process one document; never raises, so one bad document cannot stop a batch."""
    try:
        document: ExtractedDocument = worker_extractor(settings).process(raw)
        return document
    except Exception as exc:  # the Extractor should not raise; if it does, keep the batch going
        logger.exception("Extractor raised on %s", raw.source)
        return ExtractedDocument(
            doc_id=raw.doc_id or derived_id(raw.content), source=raw.source,
            script=Script.simplified, article=ArticleMeta(), text="",
            errors=[doc_error("extract.failed", reason=f"{exc.__class__.__name__}: {exc}")],
        )


def prepare_one(raw: RawDocument, settings: Settings, rows: bool) -> Prepared:
    """Process one document and serialise it for the sinks (`rows`: their table rows too)."""
    # imported here: the sinks' package loads SQLAlchemy, which a worker that
    # only processes (a Dask worker, a library call) does not need
    from pipeline.batch.sinks.base import prepare

    return prepare(process_one(raw, settings), rows)


def process_partition(raws: Sequence[RawDocument], settings: Settings) -> list[ExtractedDocument]:
    return [process_one(raw, settings) for raw in raws]
