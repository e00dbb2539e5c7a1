"""SQL sink for SQLite and PostgreSQL: one schema, SQLAlchemy Core, a transaction per batch.

Tables: `schema_version`, `documents` (one row per input document), `records`
(one row per statistic) and `errors` (one row per `DocError`); for analysts the view
`records_flat` (one row per record with province, document URL and title; see
`pipeline.batch.sinks.flat`) and its look-up table `region_provinces`. Writing a
document is an upsert keyed by `doc_id`: when the stored `result_sha256` is the
same the document is left alone, otherwise its documents row, records and
errors are deleted and inserted again in the batch's transaction. Every
statement is built with SQLAlchemy expressions: no SQL text is concatenated.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from pipeline.batch.sinks import flat
from pipeline.batch.sinks.base import Prepared, SinkError, prepare
from schemas import SCHEMA_VERSION, ExtractedDocument

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

metadata = sa.MetaData()
_BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.String(32), primary_key=True),
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("doc_id", sa.String(255), primary_key=True),
    sa.Column("content_sha256", sa.String(64), nullable=False),
    sa.Column("result_sha256", sa.String(64), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("script", sa.String(16), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published_at", sa.String(32)),
    sa.Column("outlet", sa.Text),
    sa.Column("site", sa.Text),
    sa.Column("authors", sa.JSON),
    sa.Column("editor", sa.Text),
    sa.Column("dateline", sa.Text),
    sa.Column("region_name", sa.Text),
    sa.Column("region_code", sa.String(6)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("n_records", sa.Integer, nullable=False),
    sa.Column("n_errors", sa.Integer, nullable=False),
    sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
)

records = sa.Table(
    "records", metadata,
    sa.Column("id", _BigId, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.doc_id"), nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("metric", sa.String(32), nullable=False),
    sa.Column("indicator", sa.Text, nullable=False),
    sa.Column("value", sa.Numeric(asdecimal=True), nullable=False),
    sa.Column("value_max", sa.Numeric(asdecimal=True)),
    sa.Column("unit", sa.String(32), nullable=False),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("direction", sa.String(8)),
    sa.Column("projected", sa.Boolean, nullable=False),
    sa.Column("subject", sa.Text),
    sa.Column("sector", sa.String(16)),
    sa.Column("region_name", sa.Text),
    sa.Column("region_level", sa.String(16)),
    sa.Column("region_code", sa.String(6)),
    sa.Column("region_parent", sa.Text),
    sa.Column("date", sa.String(10)),
    sa.Column("value_text", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Index("ix_records_region_date_metric", "region_code", "date", "metric"),
    sa.Index("ix_records_metric_date", "metric", "date"),
    sa.Index("ix_records_doc_id", "doc_id"),
)

errors = sa.Table(
    "errors", metadata,
    sa.Column("id", _BigId, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.doc_id"), nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("stage", sa.String(16), nullable=False),
    sa.Column("code", sa.String(64), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Index("ix_errors_doc_id", "doc_id"),
    sa.Index("ix_errors_code", "code"),
)

SUPPORTED_SCHEMES = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg",
                     "postgres": "postgresql+psycopg"}


def normalize_db_url(url: str) -> URL:
    """Parse a database URL; `postgresql://` uses psycopg 3 (the driver installed).

    Raises `SinkError` with what to write instead when the URL is not usable.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise SinkError(
            f"cannot parse database URL {url!r}: use sqlite:///PATH or"
            " postgresql://USER:PASSWORD@HOST:PORT/DBNAME"
        ) from exc
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED_SCHEMES:
        raise SinkError(
            f"database URL scheme {parsed.drivername!r} is not supported: use sqlite:///PATH"
            " or postgresql://USER:PASSWORD@HOST:PORT/DBNAME"
        )
    if backend in ("postgresql", "postgres") and parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and not parsed.database:
        raise SinkError(f"database URL {url!r} names no file: use sqlite:///PATH")
    return parsed


class SqlSink:
    name = "sql"
    needs_rows = True

    def __init__(self, url: str, engine: Engine | None = None, retry_seconds: float = 60.0) -> None:
        self.url = normalize_db_url(url)
        self._engine = engine
        self.retry_seconds = retry_seconds  # how long a lost server connection is retried
        self.retried = 0  # batches written again after a lost connection
        self._resume = False
        self._done: set[str] = set()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise SinkError("SqlSink used before open()")
        return self._engine

    def open(self, resume: bool) -> None:
        self._resume = resume
        if self.url.get_backend_name() == "sqlite" and self.url.database not in (None, ":memory:"):
            from pathlib import Path

            Path(self.url.database or "").parent.mkdir(parents=True, exist_ok=True)
        try:
            if self._engine is None:
                self._engine = sa.create_engine(self.url, json_serializer=_json_dumps,
                                                pool_pre_ping=True)
            metadata.create_all(self._engine)
            with self._engine.begin() as connection:
                self._check_version(connection)
                flat.install(connection)
                if resume:
                    self._done = {row[0] for row in connection.execute(
                        sa.select(documents.c.doc_id))}
        except SQLAlchemyError as exc:
            raise SinkError(
                f"cannot open the database {self.url.render_as_string(hide_password=True)}:"
                f" {exc.__class__.__name__}: {_first_line(exc)}; check the URL and that the"
                " server is running and accepts the user"
            ) from exc

    def _check_version(self, connection: sa.Connection) -> None:
        found = connection.execute(sa.select(schema_version.c.version)).scalars().all()
        if not found:
            connection.execute(sa.insert(schema_version).values(version=SCHEMA_VERSION))
        elif found != [SCHEMA_VERSION]:
            raise SinkError(
                f"the database holds schema version {', '.join(found)}, this pipeline writes"
                f" {SCHEMA_VERSION}; write to a new database or migrate this one"
            )

    def completed_ids(self) -> set[str]:
        return set(self._done)

    def write(self, batch: Sequence[ExtractedDocument]) -> None:
        """Write the batch in one transaction (`_write_rows`)."""
        self._write_rows({d.doc_id: (d, _document_rows(d)) for d in batch if d.doc_id not in self._done})

    def write_prepared(self, batch: Sequence[Prepared]) -> None:
        """Write documents serialised ahead, as `write` writes them."""
        self._write_rows({p.doc_id: (p, (p.document_row, p.record_rows, p.error_rows))
                          for p in batch if p.doc_id not in self._done})

    def _write_rows(self, pending: dict[str, tuple[object, _Rows]]) -> None:
        """Write the batch in one transaction; a lost server connection is retried.

        PostgreSQL may restart or fail over mid-run: on a connection error the batch's
        transaction (rolled back by the server, or committed before the connection
        dropped) is written again after a pause, for up to `retry_seconds`. The upsert
        makes a second write of committed documents a no-op, so nothing is lost or doubled.
        """
        if not pending:
            return
        processed_at = datetime.now(UTC)
        waited = 0.0
        pause = 0.5
        while True:
            try:
                with self.engine.begin() as connection:
                    self._upsert(connection, [rows for _, rows in pending.values()], processed_at)
                break
            except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
                if not self._retries(exc) or waited >= self.retry_seconds:
                    raise SinkError(_write_failed(exc, waited)) from exc
                logger.warning("database connection lost (%s); retrying the batch in %.1f s",
                               _first_line(exc), pause)
                self.engine.dispose()  # drop the pooled connections to the old server
                time.sleep(pause)
                waited += pause
                self.retried += 1
                pause = min(pause * 2, 5.0)
            except SQLAlchemyError as exc:
                raise SinkError(_write_failed(exc, 0.0)) from exc
        if self._resume:
            self._done.update(pending)

    def _retries(self, exc: SQLAlchemyError) -> bool:
        """Connection errors of a server are retried; SQLite's (a full disk) are final."""
        return self.url.get_backend_name() != "sqlite"

    def _upsert(
        self, connection: sa.Connection, batch: list[_Rows], processed_at: datetime
    ) -> None:
        rows = {row["doc_id"]: {**row, "processed_at": processed_at} for row, _, _ in batch}
        stored = dict(connection.execute(
            sa.select(documents.c.doc_id, documents.c.result_sha256)
            .where(documents.c.doc_id.in_(list(rows)))
        ).tuples().all())
        changed = [doc_id for doc_id in rows if stored.get(doc_id) != rows[doc_id]["result_sha256"]]
        if not changed:
            return
        replaced = [doc_id for doc_id in changed if doc_id in stored]
        if replaced:
            for table in (records, errors, documents):
                connection.execute(sa.delete(table).where(table.c.doc_id.in_(replaced)))
        wanted = set(changed)
        record_batch: list[dict[str, Any]] = []
        error_batch: list[dict[str, Any]] = []
        for row, record_rows, error_rows in batch:
            if row["doc_id"] in wanted:
                record_batch.extend(record_rows)
                error_batch.extend(error_rows)
        _insert(connection, documents, [rows[doc_id] for doc_id in changed])
        if record_batch:
            _insert(connection, records, record_batch)
        if error_batch:
            _insert(connection, errors, error_batch)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _insert(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """`connection.execute(sa.insert(table), rows)`, with SQLite's driver called directly.

    For an executemany of an INSERT without RETURNING, SQLAlchemy compiles the statement for
    the columns of the first row, passes each row's values through the bind processors of
    their column types (the dialect's: SQLite stores a Decimal as a float, a bool as an
    integer, JSON as text) and hands the rows to the driver's `executemany`. Per row that
    is about 40 microseconds of Python, more than SQLite takes to store it. With SQLite's
    positional parameters this does the same with one compiled statement and the same
    processors, applied only to the columns that have one; any other database, or rows
    whose columns differ, go through `connection.execute` as before.
    """
    keys = tuple(rows[0])
    if connection.dialect.paramstyle != "qmark" or any(len(row) != len(keys) for row in rows):
        connection.execute(sa.insert(table), rows)
        return
    statement, processors = _compiled_insert(connection.dialect, table, keys)
    values = itemgetter(*keys)
    try:
        parameters = [values(row) for row in rows]
    except KeyError:  # a row with other columns: SQLAlchemy reads each row by its first's
        connection.execute(sa.insert(table), rows)
        return
    if len(keys) == 1:
        parameters = [(value,) for value in parameters]
    if processors:
        converted = []
        for row in parameters:
            row_values = list(row)
            for index, process in processors:
                row_values[index] = process(row_values[index])
            converted.append(tuple(row_values))
        parameters = converted
    connection.exec_driver_sql(statement, parameters)


@lru_cache(maxsize=16)
def _compiled_insert(
    dialect: sa.Dialect, table: sa.Table, keys: tuple[str, ...]
) -> tuple[str, tuple[tuple[int, Callable[[Any], Any]], ...]]:
    """The INSERT of `keys` into `table` as the dialect writes it, and the bind processor of
    each column that has one (by position), as SQLAlchemy applies them."""
    compiled = sa.insert(table).compile(dialect=dialect, column_keys=list(keys))
    order = compiled.positiontup or []
    if list(order) != list(keys):
        raise ValueError(f"unexpected parameter order for {table.name}: {order}")
    processors = []
    for index, key in enumerate(keys):
        process = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((index, process))
    return str(compiled), tuple(processors)


# a document's rows: its documents row without `processed_at`, its records and its errors
_Rows = tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]


def _document_rows(document: ExtractedDocument) -> _Rows:
    prepared = prepare(document)
    return prepared.document_row, prepared.record_rows, prepared.error_rows


def _json_dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_failed(exc: BaseException, waited: float) -> str:
    retried = f" (retried for {waited:.0f} s)" if waited else ""
    return (f"cannot write to the database{retried}: {_first_line(exc)}; every batch before"
            " this one is complete in it: fix the database (space, server) and rerun with"
            " --resume")


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
