"""`records_flat` to a file: CSV, Parquet or Excel, streamed (memory stays flat).

- CSV: UTF-8, a header line, values as written in the database (`65000`, `98.2`), booleans
  `true`/`false`, nulls empty.
- Parquet: `value` is decimal(38, 9) as in the Parquet sink, `projected` boolean,
  `ordinal` int32, everything else strings.
- Excel (openpyxl, write-only): one sheet `records_flat`, `value` a number, `projected` a
  boolean, dates kept as text (they are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`). A sheet holds at
  most 1,048,575 records; larger exports need CSV or Parquet.

The file appears only when complete: it is written under a temporary name and renamed.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from pipeline.analysis.database import AnalysisError, connect, flat_rows, plain_number
from pipeline.batch.sinks.flat import COLUMNS

FORMATS = ("csv", "parquet", "xlsx")
XLSX_MAX_RECORDS = 1_048_575  # Excel's 1,048,576 rows less the header
_SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".xlsx": "xlsx"}
_QUANTUM = Decimal("1e-9")
_CHUNK = 10_000

Rows = Iterable[dict[str, Any]]


def format_of(path: Path) -> str | None:
    """The format a file name asks for (`.csv`, `.parquet`, `.xlsx`), or None."""
    return _SUFFIXES.get(path.suffix.lower())


def export_flat(db_url: str, out: Path, fmt: str | None = None) -> int:
    """Write the database's `records_flat` to `out`; returns the number of records written.

    Raises `AnalysisError` when the database cannot be read, the format is unknown, or
    the records do not fit the format.
    """
    fmt = fmt or format_of(out)
    if fmt not in FORMATS:
        raise AnalysisError(f"cannot tell the format of {out}: give --format"
                            f" {'|'.join(FORMATS)} or a .csv, .parquet or .xlsx name")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        with connect(db_url) as connection:
            count = _WRITERS[fmt](flat_rows(connection), partial)
        os.replace(partial, out)
    except OSError as exc:
        raise AnalysisError(f"cannot write {out}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return count


def _write_csv(rows: Rows, path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([
                plain_number(row[name]) if name in _NUMBERS and row[name] is not None
                else ("true" if row[name] else "false") if name == "projected"
                else "" if row[name] is None else row[name]
                for name in COLUMNS
            ])
            count += 1
    return count


_NUMBERS = ("value", "value_max")


def _chunks(rows: Rows) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, _CHUNK)):
        yield chunk


def _write_parquet(rows: Rows, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"ordinal": pa.int32(), "value": pa.decimal128(38, 9), "value_max": pa.decimal128(38, 9),
             "projected": pa.bool_()}
    schema = pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows):
            for row in chunk:
                row["value"] = row["value"].quantize(_QUANTUM)
                if row.get("value_max") is not None:
                    row["value_max"] = row["value_max"].quantize(_QUANTUM)
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


def _write_xlsx(rows: Rows, path: Path) -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("records_flat")
    sheet.freeze_panes = "A2"
    sheet.append(list(COLUMNS))
    count = 0
    for row in rows:
        count += 1
        if count > XLSX_MAX_RECORDS:
            raise AnalysisError(f"more than {XLSX_MAX_RECORDS:,} records do not fit an Excel"
                                " sheet: export to csv or parquet")
        sheet.append([float(row[name]) if name in _NUMBERS and row[name] is not None else row[name]
                      for name in COLUMNS])
    workbook.save(path)
    return count


_WRITERS: dict[str, Callable[[Rows, Path], int]] = {
    "csv": _write_csv, "parquet": _write_parquet, "xlsx": _write_xlsx,
}
