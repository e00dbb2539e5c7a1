"""The `records_flat` view on SQLite and PostgreSQL: provinces, URLs, one row per record."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from pipeline.batch.sinks import SqlSink
from pipeline.batch.sinks.flat import COLUMNS, VIEW
from schemas import ArticleMeta, ExtractedDocument, Level, Metric, Region, Script, StatRecord, Unit

SENTENCE = "全市返岗复工6.5万人。"
# region -> the province the view must give it
REGIONS: list[tuple[Region, str | None]] = [
    (Region(name="黑龙江省", level=Level.province, code="230000"), "黑龙江省"),
    (Region(name="大庆市", level=Level.city, code="230600", parent="黑龙江省"), "黑龙江省"),
    (Region(name="林甸县", level=Level.county, code="230623", parent="大庆市"), "黑龙江省"),
    (Region(name="朝阳区", level=Level.district, code="110105", parent="北京市"), "北京市"),
    (Region(name="台北市", level=Level.city, parent="台湾"), "台湾"),
    (Region(name="苏州工业园区", level=Level.district, parent="苏州市"), "江苏省"),
    (Region(name="湾仔区", level=Level.district, parent="香港特别行政区"), "香港特别行政区"),
    (Region(name="全国", level=Level.country), None),
]
# documents.source -> doc_url
SOURCES: list[tuple[str, str | None]] = [
    ("https://example.cn/2020/a.html", "https://example.cn/2020/a.html"),
    ("http://example.cn/b", "http://example.cn/b"),
    ("crawl.warc.gz#https://example.cn/c?id=1", "https://example.cn/c?id=1"),
    ("news-archive.jsonl.gz#rmrb-20200201-01", None),
    ("corpus/texts/a.txt", None),
    ("<string>", None),
]


def _document(doc_id: str, source: str, regions: list[Region]) -> ExtractedDocument:
    text = SENTENCE * max(len(regions), 1)
    records = [
        StatRecord(metric=Metric.workers_at_work, indicator="返岗复工", value=Decimal("65000"),
                   unit=Unit.person, region=region, date="2020-04-28", value_text="6.5万人",
                   span=(len(SENTENCE) * n + 6, len(SENTENCE) * n + 11), evidence=SENTENCE)
        for n, region in enumerate(regions)
    ]
    return ExtractedDocument(doc_id=doc_id, source=source, script=Script.simplified,
                             article=ArticleMeta(title=f"标题{doc_id}"), text=text, records=records)


def _write(db_url: str, documents: list[ExtractedDocument]) -> list[dict[str, object]]:
    sink = SqlSink(db_url)
    sink.open(resume=False)
    sink.write(documents)
    sink.close()
    engine = sa.create_engine(SqlSink(db_url).url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text(f"SELECT * FROM {VIEW} ORDER BY doc_id, ordinal"))
            return [dict(row._mapping) for row in rows]
    finally:
        engine.dispose()


def test_flat_view_gives_each_region_its_province(db_url: str) -> None:
    rows = _write(db_url, [_document("d", "a.txt", [region for region, _ in REGIONS])])
    assert [(row["region_name"], row["province"]) for row in rows] == [
        (region.name, province) for region, province in REGIONS]
    assert [row["region_code"] for row in rows] == [region.code for region, _ in REGIONS]


def test_flat_view_reads_the_url_from_the_source(db_url: str) -> None:
    documents = [_document(f"d{n}", source, [REGIONS[1][0]]) for n, (source, _) in enumerate(SOURCES)]
    rows = _write(db_url, documents)
    assert [row["doc_url"] for row in rows] == [url for _, url in SOURCES]
    assert [row["doc_title"] for row in rows] == [f"标题d{n}" for n in range(len(SOURCES))]


def test_flat_view_has_one_row_per_record_and_the_columns(db_url: str) -> None:
    documents = [_document("a", "a.txt", [REGIONS[1][0]] * 3), _document("b", "b.txt", []),
                 _document("c", "c.txt", [REGIONS[2][0]])]
    rows = _write(db_url, documents)
    assert [(row["doc_id"], row["ordinal"]) for row in rows] == [
        ("a", 0), ("a", 1), ("a", 2), ("c", 0)]
    assert tuple(rows[0]) == COLUMNS
    first = rows[0]
    assert (first["metric"], Decimal(str(first["value"])), first["unit"], first["qualifier"],
            first["kind"], bool(first["projected"]), first["date"]) == (
        "workers_at_work", Decimal("65000"), "person", "exact", "level", False, "2020-04-28")


def test_flat_view_survives_reopening(db_url: str) -> None:
    _write(db_url, [_document("a", "a.txt", [REGIONS[1][0]])])
    rows = _write(db_url, [_document("b", "b.txt", [REGIONS[2][0]])])
    assert [row["doc_id"] for row in rows] == ["a", "b"]
    engine = sa.create_engine(SqlSink(db_url).url)
    try:
        with engine.connect() as connection:
            keys = connection.execute(sa.text("SELECT count(*), count(DISTINCT key) FROM"
                                              " region_provinces")).one()
    finally:
        engine.dispose()
    assert keys[0] == keys[1] > 34
