"""Reading `records_flat` from a database the pipeline wrote (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from pipeline.batch.sinks import SinkError, normalize_db_url
from pipeline.batch.sinks.flat import COLUMNS, VIEW, has_view, install

# The view as a selectable; types only where values need them.
_TYPES: dict[str, sa.types.TypeEngine[Any]] = {"ordinal": sa.Integer(), "projected": sa.Boolean()}
flat = sa.table(VIEW, *(sa.column(name, _TYPES.get(name)) for name in COLUMNS))


class AnalysisError(Exception):
    """The database cannot be read or holds nothing to analyse; the message says what to do."""


@contextmanager
def connect(db_url: str) -> Iterator[sa.Connection]:
    """A connection to a pipeline database whose `records_flat` view exists.

    A database written before the view existed gets it now (this writes the view
    and its look-up table, nothing else).
    """
    try:
        url = normalize_db_url(db_url)
    except SinkError as exc:
        raise AnalysisError(str(exc)) from exc
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").exists():
        raise AnalysisError(f"no database at {url.database}: run the pipeline with --db {db_url}"
                            " first")
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            if not has_view(connection):
                if "records" not in sa.inspect(connection).get_table_names():
                    raise AnalysisError(f"{shown} holds no records table: is it a database the"
                                        " pipeline wrote?")
                install(connection)
        with engine.connect() as connection:
            yield connection
    except SQLAlchemyError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise AnalysisError(f"cannot read {shown}: {first}") from exc
    finally:
        engine.dispose()


def flat_rows(connection: sa.Connection, *where: sa.ColumnElement[bool]) -> Iterator[dict[str, Any]]:
    """Rows of `records_flat` in document order, with the same Python types on every engine:
    `value` (and `value_max` where set) a Decimal, `projected` a bool, `ordinal` an int."""
    query = sa.select(flat).where(*where).order_by(flat.c.doc_id, flat.c.ordinal)
    for row in connection.execution_options(yield_per=2000).execute(query):
        values = dict(row._mapping)
        values["value"] = decimal(values["value"])
        if values.get("value_max") is not None:
            values["value_max"] = decimal(values["value_max"])
        values["projected"] = bool(values["projected"])
        values["ordinal"] = int(values["ordinal"])
        yield values


def decimal(value: object) -> Decimal:
    """A NUMERIC as read: Decimal (PostgreSQL), or int/float (SQLite) -> the Decimal it was."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def plain_number(value: Decimal) -> str:
    """65000, 98.2, 0.5: fixed-point, no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
