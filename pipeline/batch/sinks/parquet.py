"""Parquet dataset sink: `DIR/documents/`, `DIR/records/`, `DIR/errors/`, one part file per flush.

Rows are buffered and written every `rows_per_part` documents (and at close) as
`part-<run>-<n>.parquet`, each written to a temporary name and renamed, so a
killed run leaves only complete parts. The three tables of one flush are
renamed documents last: resume counts a document as done only when its
documents part exists. Records or errors parts left without their documents
part by a kill are removed on resume. Without resume the dataset is replaced.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.batch.sinks.base import SinkError, document_row, error_rows, record_rows
from schemas import ExtractedDocument

if TYPE_CHECKING:
    import pyarrow as pa

_QUANTUM = Decimal("1e-9")
TABLES = ("documents", "records", "errors")


@lru_cache(maxsize=1)
def table_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each table. pyarrow (with numpy, about a quarter of a second) is
    imported when a Parquet sink first needs it, not by every run that imports the sinks."""
    import pyarrow as pa

    value_type = pa.decimal128(38, 9)
    return {
        "documents": pa.schema([
            ("doc_id", pa.string()), ("content_sha256", pa.string()), ("result_sha256", pa.string()),
            ("source", pa.string()), ("script", pa.string()), ("title", pa.string()),
            ("published_at", pa.string()), ("outlet", pa.string()), ("site", pa.string()),
            ("authors", pa.list_(pa.string())), ("editor", pa.string()), ("dateline", pa.string()),
            ("region_name", pa.string()), ("region_code", pa.string()), ("text", pa.string()),
            ("n_records", pa.int32()), ("n_errors", pa.int32()),
            ("processed_at", pa.timestamp("us", tz="UTC")),
        ]),
        "records": pa.schema([
            ("doc_id", pa.string()), ("ordinal", pa.int32()), ("metric", pa.string()),
            ("indicator", pa.string()), ("value", value_type), ("value_max", value_type),
            ("unit", pa.string()), ("qualifier", pa.string()), ("kind", pa.string()),
            ("direction", pa.string()), ("projected", pa.bool_()),
            ("subject", pa.string()), ("sector", pa.string()), ("region_name", pa.string()),
            ("region_level", pa.string()), ("region_code", pa.string()),
            ("region_parent", pa.string()), ("date", pa.string()), ("value_text", pa.string()),
            ("span_start", pa.int32()), ("span_end", pa.int32()), ("evidence", pa.string()),
        ]),
        "errors": pa.schema([
            ("doc_id", pa.string()), ("ordinal", pa.int32()), ("stage", pa.string()),
            ("code", pa.string()), ("message", pa.string()),
        ]),
    }


# Written in this order, so a documents part exists only with its records and errors.
TABLE_ORDER = ("records", "errors", "documents")


class ParquetSink:
    name = "parquet"

    def __init__(self, directory: Path, rows_per_part: int = 5_000) -> None:
        self.directory = directory
        self.rows_per_part = rows_per_part
        self._run = uuid.uuid4().hex[:12]
        self._part = 0
        self._done: set[str] = set()
        self._buffer: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self._buffered_docs = 0

    def open(self, resume: bool) -> None:
        import pyarrow as pa

        try:
            for name in TABLES:
                table_dir = self.directory / name
                table_dir.mkdir(parents=True, exist_ok=True)
                for stale in table_dir.glob("*.tmp"):
                    stale.unlink()
            if resume:
                self._done = self._stored_ids()
                self._drop_orphans()
            else:
                for name in TABLES:
                    for part in (self.directory / name).glob("*.parquet"):
                        part.unlink()
                self._done = set()
        except (OSError, pa.ArrowException) as exc:
            raise SinkError(f"cannot open the Parquet dataset {self.directory}: {exc}") from exc

    def _stored_ids(self) -> set[str]:
        import pyarrow.parquet as pq

        done: set[str] = set()
        for part in sorted((self.directory / "documents").glob("*.parquet")):
            column = pq.read_table(part, columns=["doc_id"]).column("doc_id")
            done.update(str(value) for value in column.to_pylist())
        return done

    def _drop_orphans(self) -> None:
        complete = {part.name for part in (self.directory / "documents").glob("*.parquet")}
        for name in ("records", "errors"):
            for part in (self.directory / name).glob("*.parquet"):
                if part.name not in complete:
                    part.unlink()

    def completed_ids(self) -> set[str]:
        return set(self._done)

    def write(self, batch: Sequence[ExtractedDocument]) -> None:
        processed_at = datetime.now(UTC)
        for document in batch:
            if document.doc_id in self._done:
                continue
            self._done.add(document.doc_id)
            self._buffer["documents"].append(document_row(document, processed_at))
            self._buffer["records"].extend(_quantized(row) for row in record_rows(document))
            self._buffer["errors"].extend(error_rows(document))
            self._buffered_docs += 1
        if self._buffered_docs >= self.rows_per_part:
            self.flush()

    def flush(self) -> None:
        if not self._buffered_docs:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        part_name = f"part-{self._run}-{self._part:05d}.parquet"
        schemas = table_schemas()
        try:
            for name in TABLE_ORDER:
                table = pa.Table.from_pylist(self._buffer[name], schema=schemas[name])
                target = self.directory / name / part_name
                temporary = target.with_suffix(".tmp")
                pq.write_table(table, temporary)
                os.replace(temporary, target)
        except (OSError, pa.ArrowException) as exc:
            raise SinkError(f"cannot write to the Parquet dataset {self.directory}: {exc}") from exc
        self._part += 1
        self._buffer = {name: [] for name in TABLES}
        self._buffered_docs = 0

    def close(self) -> None:
        self.flush()


def _quantized(row: dict[str, Any]) -> dict[str, Any]:
    row["value"] = Decimal(row["value"]).quantize(_QUANTUM)
    return row
