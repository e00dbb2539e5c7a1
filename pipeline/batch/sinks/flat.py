"""`records_flat`: one row per record with its region, province and document, for BI tools.

A view over `records` and `documents`, created (or replaced) whenever the SQL sink
opens a database, the same on SQLite and PostgreSQL. Columns:

| column | from |
|---|---|
| `doc_id`, `ordinal` | the record's document and its position in it (the key) |
| `region_code`, `region_name`, `region_level` | the record's region |
| `province` | the province-level unit the region lies in (below) |
| `date`, `metric`, `value`, `value_max`, `unit`, `qualifier`, `kind`, `direction`, `projected` | the record |
| `doc_url` | the document's URL when its `source` is one (below), else null |
| `doc_title` | the document's title |

`province` is the region's own name for a province (also 台湾, 香港特别行政区,
澳门特别行政区); otherwise it is looked up in the table `region_provinces`, which the
sink fills from the gazetteer: by the first two digits of the 6-digit division code
(`230623` -> `23` -> 黑龙江省), else by the region's name (台北市 -> 台湾, a city with no
code), else by its parent's name (苏州工业园区 in 苏州市 -> 江苏省). Null for 全国.

`doc_url`: the contract keeps no URL field, so the view reads `documents.source`:
the whole source when it starts with http:// or https:// (a library call given
`url=`), or what follows `#` when that does (a WARC response, `crawl.warc.gz#https://...`).
Documents of JSONL archives have `archive#id` sources: their URL is null.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

VIEW = "records_flat"
COLUMNS = (
    "doc_id", "ordinal", "region_code", "region_name", "region_level", "province", "date",
    "metric", "value", "value_max", "unit", "qualifier", "kind", "direction", "projected", "doc_url",
    "doc_title",
)

lookup_metadata = sa.MetaData()
region_provinces = sa.Table(
    "region_provinces", lookup_metadata,
    sa.Column("key", sa.String(64), primary_key=True),  # 2-digit code prefix or a name
    sa.Column("province", sa.Text, nullable=False),
)

_records = sa.table(
    "records", *(sa.column(name) for name in (
        "doc_id", "ordinal", "metric", "value", "value_max", "unit", "qualifier", "kind", "direction",
        "projected", "region_name", "region_level", "region_code", "region_parent", "date")),
)
_documents = sa.table("documents", sa.column("doc_id"), sa.column("source"), sa.column("title"))


class _position(FunctionElement[int]):
    """1-based position of `needle` in `text`, 0 when absent (instr / strpos)."""

    type = sa.Integer()
    inherit_cache = True
    name = "position"


@compiles(_position)
def _position_sqlite(element: _position, compiler: Any, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(_position, "postgresql")
def _position_postgresql(element: _position, compiler: Any, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


def _url_of(source: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    # substr, not LIKE: a % compiled for psycopg would be doubled in the stored view
    starts = [sa.func.substr(source, 1, len(scheme)) == scheme for scheme in ("http://", "https://")]
    whens: list[tuple[sa.ColumnElement[bool], sa.ColumnElement[Any]]] = [
        (sa.or_(*starts), source)]
    for scheme in ("#http://", "#https://"):
        at = _position(source, sa.literal(scheme))
        whens.append((at > 0, sa.func.substr(source, at + 1)))
    return sa.case(*whens, else_=sa.null())


def _province_by(key: sa.ColumnElement[Any]) -> sa.ScalarSelect[Any]:
    return sa.select(region_provinces.c.province).where(
        region_provinces.c.key == key).scalar_subquery()


def view_select() -> sa.Select[Any]:
    """The view's query."""
    r, d = _records.alias("r"), _documents.alias("d")
    province = sa.func.coalesce(
        sa.case((r.c.region_level == "province", r.c.region_name)),
        _province_by(sa.func.substr(r.c.region_code, 1, 2)),
        _province_by(r.c.region_name),
        _province_by(r.c.region_parent),
    )
    return sa.select(
        r.c.doc_id, r.c.ordinal, r.c.region_code, r.c.region_name, r.c.region_level,
        province.label("province"), r.c.date, r.c.metric, r.c.value, r.c.value_max, r.c.unit,
        r.c.qualifier, r.c.kind, r.c.direction, r.c.projected, _url_of(d.c.source).label("doc_url"),
        d.c.title.label("doc_title"),
    ).select_from(r.join(d, r.c.doc_id == d.c.doc_id))


def province_rows() -> dict[str, str]:
    """key -> province: code prefixes, and names of province- and city-level units."""
    from pipeline.extract.gazetteer import shared_gazetteer

    rows: dict[str, str] = {}
    ambiguous: set[str] = set()
    for place in shared_gazetteer().places:
        if place.level == "province":
            rows[place.name] = place.name
            if place.code:
                rows[place.code[:2]] = place.name
        elif place.level == "city" and place.province:
            if rows.get(place.name, place.province) != place.province:
                ambiguous.add(place.name)
            rows[place.name] = place.province
    return {key: value for key, value in rows.items() if key not in ambiguous}


def install(connection: sa.Connection) -> None:
    """Create `region_provinces` (kept in step with the gazetteer) and the view."""
    lookup_metadata.create_all(connection)
    wanted = province_rows()
    stored = dict(connection.execute(
        sa.select(region_provinces.c.key, region_provinces.c.province)).tuples().all())
    if stored != wanted:
        connection.execute(sa.delete(region_provinces))
        connection.execute(sa.insert(region_provinces),
                           [{"key": key, "province": value} for key, value in wanted.items()])
    query = view_select().compile(dialect=connection.dialect,
                                  compile_kwargs={"literal_binds": True})
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"CREATE OR REPLACE VIEW {VIEW} AS {query}")
    else:
        connection.exec_driver_sql(f"DROP VIEW IF EXISTS {VIEW}")
        connection.exec_driver_sql(f"CREATE VIEW {VIEW} AS {query}")


def has_view(connection: sa.Connection) -> bool:
    return VIEW in sa.inspect(connection).get_view_names()
