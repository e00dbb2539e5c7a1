"""Sinks: JSONL, SQL (SQLite and PostgreSQL) and Parquet store each document once."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa

from pipeline.batch.sinks import (
    JsonlSink,
    ParquetSink,
    SinkError,
    SqlSink,
    normalize_db_url,
    prepare,
)
from pipeline.batch.sinks.sql import documents as documents_table
from pipeline.batch.sinks.sql import records, schema_version
from schemas import SCHEMA_VERSION, ArticleMeta, ExtractedDocument


def _count(url: str, table: str) -> int:
    engine = sa.create_engine(normalize_db_url(url))
    try:
        with engine.connect() as connection:
            return int(connection.execute(
                sa.select(sa.func.count()).select_from(sa.table(table))).scalar_one())
    finally:
        engine.dispose()


def _write(sink: JsonlSink | SqlSink | ParquetSink, batches: list[list[ExtractedDocument]],
           resume: bool = False) -> None:
    sink.open(resume)
    try:
        for batch in batches:
            sink.write(batch)
    finally:
        sink.close()


def test_sinks_jsonl_resume_drops_torn_line(tmp_path: Path,
                                            documents: list[ExtractedDocument]) -> None:
    path = tmp_path / "records.jsonl"
    _write(JsonlSink(path), [documents[:3]])
    with open(path, "ab") as stream:
        stream.write(documents[3].model_dump_json().encode()[:25])  # a kill mid-line
    sink = JsonlSink(path)
    sink.open(resume=True)
    assert sink.completed_ids() == {"d0", "d1", "d2"}
    sink.write(documents)
    sink.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [ExtractedDocument.model_validate_json(line).doc_id for line in lines] == \
        [d.doc_id for d in documents]


def test_sinks_jsonl_without_resume_replaces(tmp_path: Path,
                                             documents: list[ExtractedDocument]) -> None:
    path = tmp_path / "records.jsonl"
    _write(JsonlSink(path), [documents])
    _write(JsonlSink(path), [documents[:2]])
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2


def test_sinks_sql_creates_schema_and_indexes(db_url: str,
                                              documents: list[ExtractedDocument]) -> None:
    _write(SqlSink(db_url), [documents])
    engine = sa.create_engine(normalize_db_url(db_url))
    try:
        inspector = sa.inspect(engine)
        assert {"schema_version", "documents", "records", "errors"} <= set(
            inspector.get_table_names())
        indexes = {tuple(index["column_names"]) for index in inspector.get_indexes("records")}
        assert {("region_code", "date", "metric"), ("metric", "date"), ("doc_id",)} <= indexes
        with engine.connect() as connection:
            assert connection.execute(sa.select(schema_version.c.version)).scalars().all() == \
                [SCHEMA_VERSION]
    finally:
        engine.dispose()


def test_sinks_sql_rows_match_documents(db_url: str, documents: list[ExtractedDocument]) -> None:
    _write(SqlSink(db_url), [documents[:3], documents[3:]])
    assert _count(db_url, "documents") == len(documents)
    assert _count(db_url, "records") == sum(len(d.records) for d in documents)
    assert _count(db_url, "errors") == sum(len(d.errors) for d in documents)
    engine = sa.create_engine(normalize_db_url(db_url))
    try:
        with engine.connect() as connection:
            value, code, authors = connection.execute(
                sa.select(records.c.value, records.c.region_code, documents_table.c.authors)
                .join(documents_table, documents_table.c.doc_id == records.c.doc_id)
                .where(records.c.doc_id == "d1")).one()
    finally:
        engine.dispose()
    assert Decimal(str(value)) == Decimal("65000")
    assert code == "230600"
    assert authors == ["甲"]


def test_sinks_sql_upsert_twice_keeps_one_copy(db_url: str,
                                               documents: list[ExtractedDocument]) -> None:
    _write(SqlSink(db_url), [documents])
    _write(SqlSink(db_url), [documents])
    _write(SqlSink(db_url), [documents], resume=True)
    assert _count(db_url, "documents") == len(documents)
    assert _count(db_url, "records") == sum(len(d.records) for d in documents)


def test_sinks_sql_changed_document_replaces_its_records(
    db_url: str, make_document: Callable[..., ExtractedDocument]
) -> None:
    _write(SqlSink(db_url), [[make_document("x", n_records=2, error=True)]])
    _write(SqlSink(db_url), [[make_document("x", n_records=1, value="1")]])
    assert (_count(db_url, "documents"), _count(db_url, "records"),
            _count(db_url, "errors")) == (1, 1, 0)


def test_sinks_sql_resume_lists_stored_documents(db_url: str,
                                                 documents: list[ExtractedDocument]) -> None:
    _write(SqlSink(db_url), [documents[:2]])
    sink = SqlSink(db_url)
    sink.open(resume=True)
    try:
        assert sink.completed_ids() == {"d0", "d1"}
    finally:
        sink.close()


def test_sinks_sql_other_schema_version_is_refused(tmp_path: Path,
                                                   documents: list[ExtractedDocument]) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    _write(SqlSink(url), [documents])
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.update(schema_version).values(version="0.1"))
    engine.dispose()
    with pytest.raises(SinkError, match=r"schema version 0\.1"):
        SqlSink(url).open(resume=False)


@pytest.mark.parametrize(
    ("url", "message"),
    [("mysql://u@h/db", "not supported"), ("not a url", "cannot parse"),
     ("sqlite://", "names no file")],
)
def test_sinks_sql_bad_url_says_what_to_write(url: str, message: str) -> None:
    with pytest.raises(SinkError, match=message):
        normalize_db_url(url)


def test_sinks_sql_postgresql_url_uses_psycopg() -> None:
    assert normalize_db_url("postgresql://u@localhost/db").drivername == "postgresql+psycopg"


def test_sinks_sql_unreachable_server_is_a_sink_error() -> None:
    with pytest.raises(SinkError, match="check the URL"):
        SqlSink("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2").open(resume=False)


def test_sinks_parquet_round_trip_and_resume(tmp_path: Path,
                                             documents: list[ExtractedDocument]) -> None:
    directory = tmp_path / "dataset"
    _write(ParquetSink(directory, rows_per_part=2), [documents[:3]])
    sink = ParquetSink(directory, rows_per_part=2)
    sink.open(resume=True)
    assert sink.completed_ids() == {"d0", "d1", "d2"}
    sink.write(documents)
    sink.close()
    docs = pq.read_table(directory / "documents").to_pylist()
    records = pq.read_table(directory / "records").to_pylist()
    assert sorted(row["doc_id"] for row in docs) == sorted(d.doc_id for d in documents)
    assert len(records) == sum(len(d.records) for d in documents)
    assert {row["value"] for row in records} == {Decimal("65000")}


def test_sinks_parquet_without_resume_replaces(tmp_path: Path,
                                               documents: list[ExtractedDocument]) -> None:
    directory = tmp_path / "dataset"
    _write(ParquetSink(directory), [documents])
    _write(ParquetSink(directory), [documents[:1]])
    assert pq.read_table(directory / "documents").num_rows == 1


def _table_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = sa.create_engine(normalize_db_url(url))
    try:
        with engine.connect() as connection:
            return {name: sorted(map(tuple, connection.execute(
                sa.select(*(c for c in table.c if c.name != "processed_at"))).all()), key=repr)
                for name, table in (("documents", documents_table), ("records", records))}
    finally:
        engine.dispose()


def test_sinks_prepared_documents_are_written_the_same(
    tmp_path: Path, documents: list[ExtractedDocument]
) -> None:
    # what the workers serialise ahead is stored byte for byte as the documents themselves
    for name, prepared in (("plain", False), ("prepared", True)):
        jsonl = JsonlSink(tmp_path / name / "records.jsonl")
        sql = SqlSink(f"sqlite:///{tmp_path / name / 'test.db'}")
        for sink in (jsonl, sql):
            sink.open(resume=False)
            if prepared:
                sink.write_prepared([prepare(d, rows=sink.needs_rows) for d in documents])
            else:
                sink.write(documents)
            sink.close()
    assert (tmp_path / "plain" / "records.jsonl").read_bytes() == \
        (tmp_path / "prepared" / "records.jsonl").read_bytes()
    assert _table_rows(f"sqlite:///{tmp_path / 'plain' / 'test.db'}") == \
        _table_rows(f"sqlite:///{tmp_path / 'prepared' / 'test.db'}")


def _stored(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table as SQLite holds it (value and storage class of each column,
    in rowid order); of `processed_at` only its storage class and length."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        stored = {}
        for table in ("documents", "records", "errors", "schema_version"):
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            shown = [f"length({c}), typeof({c})" if c == "processed_at" else f"{c}, typeof({c})"
                     for c in columns]
            stored[table] = connection.execute(
                f"SELECT {', '.join(shown)} FROM {table} ORDER BY rowid").fetchall()
        return stored
    finally:
        connection.close()


def test_sinks_sqlite_inserts_store_what_sqlalchemy_stores(
    tmp_path: Path, documents: list[ExtractedDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SQLite inserts through the driver (`sql._insert`) store every value, and its
    storage class, as `connection.execute(sa.insert(table), rows)` does."""
    from pipeline.batch.sinks import sql as sql_module

    with_records = next(d for d in documents if d.records)
    varied = [
        *documents,
        with_records.model_copy(update={"doc_id": "range", "records": [
            record.model_copy(update={"value": Decimal("0.1"), "value_max": Decimal("12.75"),
                                      "projected": True, "subject": "高校毕业生"})
            for record in with_records.records]}),
        with_records.model_copy(update={"doc_id": "bare", "article": ArticleMeta()}),
    ]
    for name in ("sqlalchemy", "driver"):
        if name == "sqlalchemy":
            monkeypatch.setattr(sql_module, "_insert", lambda connection, table, rows:
                                connection.execute(sa.insert(table), rows))
        else:
            monkeypatch.undo()
        sink = SqlSink(f"sqlite:///{tmp_path / name / 'test.db'}")
        sink.open(resume=False)
        sink.write_prepared([prepare(d) for d in varied[:4]])
        sink.write(varied[4:])
        sink.close()
    assert _stored(tmp_path / "driver" / "test.db") == _stored(tmp_path / "sqlalchemy" / "test.db")
    assert len(_stored(tmp_path / "driver" / "test.db")["records"]) == \
        sum(len(d.records) for d in varied)
