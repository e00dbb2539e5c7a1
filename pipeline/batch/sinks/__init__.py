"""Where extracted documents go: JSONL, SQL databases (SQLite, PostgreSQL), Parquet.

Every sink follows `Sink`: it knows which documents it already holds (for
`--resume`), writes a batch at a time (one transaction per batch where the
store has them) and never holds a document twice.
"""

from pipeline.batch.sinks.base import (
    Prepared,
    PreparedSink,
    Sink,
    SinkError,
    document_row,
    error_rows,
    prepare,
    record_rows,
)
from pipeline.batch.sinks.jsonl import JsonlSink
from pipeline.batch.sinks.parquet import ParquetSink
from pipeline.batch.sinks.sql import SqlSink, normalize_db_url

__all__ = [
    "JsonlSink",
    "ParquetSink",
    "Prepared",
    "PreparedSink",
    "Sink",
    "SinkError",
    "SqlSink",
    "document_row",
    "error_rows",
    "normalize_db_url",
    "prepare",
    "record_rows",
]
