"""Readers: every input gives one RawDocument; bad inputs carry their read error."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.batch.sources import (
    FieldNames,
    SourceSettings,
    derived_id,
    iter_documents,
    read_file,
    read_jsonl,
    read_warc,
    walk_texts,
)


def test_sources_walk_takes_only_text_and_html_in_sorted_order(text_tree: Path) -> None:
    found = [path.relative_to(text_tree).as_posix() for path in walk_texts(text_tree)]
    assert found == ["a/one.txt", "a/two.HTML", "b/one.txt", "b/three.htm"]


def test_sources_directory_documents_keep_bytes_and_media_type(text_tree: Path) -> None:
    documents = list(iter_documents([str(text_tree)]))
    by_source = {Path(d.source).relative_to(text_tree).as_posix(): d for d in documents}
    assert by_source["a/two.HTML"].media_type == "html"
    assert by_source["a/two.HTML"].content == "<p>復工率98%</p>".encode("big5")
    assert by_source["b/three.htm"].content == "<p>新增岗位</p>".encode("gb18030")
    assert by_source["a/one.txt"].media_type == "text"
    assert all(d.read_error is None for d in documents)


def test_sources_stem_collisions_get_distinct_stable_ids(text_tree: Path) -> None:
    first = [d.doc_id for d in iter_documents([str(text_tree)])]
    second = [d.doc_id for d in iter_documents([str(text_tree)])]
    assert first == second
    assert len(set(first)) == len(first)
    assert first[0] == "one"
    assert first[2] is not None and first[2].startswith("one~")


def test_sources_corpus_walk_ignores_gold_and_manifest(repo_root: Path) -> None:
    documents = list(iter_documents([str(repo_root / "corpus")]))
    assert documents, "the bundled corpus has texts"
    assert all(Path(d.source).suffix == ".txt" for d in documents)
    assert all(d.doc_id == Path(d.source).stem for d in documents)


@pytest.mark.parametrize("name", ["news.jsonl", "news.jsonl.gz"])
def test_sources_jsonl_record_fields(tmp_path: Path, name: str) -> None:
    record = {"id": 7, "title": "标题", "date": "2020-04-28", "text": "正文", "outlet": "某报"}
    data = (json.dumps(record, ensure_ascii=False) + "\n\n").encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [document] = list(iter_documents([str(path)]))
    assert document.doc_id == "7"
    assert document.content == "正文"
    assert document.media_type == "text"
    assert document.metadata["published_at"] == "2020-04-28"
    assert document.metadata["outlet"] == "某报"
    assert "text" not in document.metadata
    assert document.source.endswith(f"{name}#7")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "a JSON list"),
        ('{"id": "x", "title": "no body"}', "no non-empty text field"),
        ('{"id": "y", "text": ""}', "no non-empty text field"),
    ],
)
def test_sources_jsonl_bad_line_is_a_read_error(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": "好"}) + "\n" + line + "\n", encoding="utf-8")
    documents = list(read_jsonl(path))
    assert len(documents) == 2
    assert documents[0].read_error is None
    assert documents[1].read_error is not None
    code, details = documents[1].read_error
    assert code == "read.bad_record"
    assert reason in details["reason"]
    assert details["where"] == "bad.jsonl:2"


def test_sources_jsonl_invalid_utf8_line_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b'{"id": "a", "text": "\xff\xfe"}\n')
    [document] = list(read_jsonl(path))
    assert document.read_error is not None and document.read_error[0] == "read.bad_record"


def test_sources_jsonl_configured_field_names(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    record = {"key": "k1", "headline": "题", "when": "2021-01-02", "body_html": "<p>正文</p>"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    fields = FieldNames(text=("body_html",), html=("body_html",), id="key", title="headline",
                        date=("when",))
    [document] = list(read_jsonl(path, fields))
    assert (document.doc_id, document.media_type, document.content) == ("k1", "html", "<p>正文</p>")
    assert document.metadata["title"] == "题"
    assert document.metadata["published_at"] == "2021-01-02"
    assert document.metadata["headline"] == "题"


def test_sources_jsonl_record_without_id_gets_content_id(tmp_path: Path) -> None:
    path = tmp_path / "noid.jsonl"
    path.write_text(json.dumps({"text": "正文"}) + "\n", encoding="utf-8")
    [document] = list(read_jsonl(path))
    assert document.doc_id == derived_id("正文")


def test_sources_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": str(n), "text": "字" * 200}) + "\n" for n in range(200))
    data = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    documents = list(read_jsonl(path))
    assert documents[-1].read_error is not None
    assert documents[-1].read_error[0] == "read.truncated"
    assert all(d.read_error is None for d in documents[:-1])


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda root: root / "missing.txt", "read.not_found"),
        (lambda root: (root / "dir.txt").mkdir() or root / "dir.txt", "read.unreadable"),
        (lambda root: (root / "big.txt").write_bytes(b"x" * 101) and root / "big.txt",
         "read.too_large"),
    ],
)
def test_sources_file_failures_are_read_errors(tmp_path: Path, make, code: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    document = read_file(path, SourceSettings(max_bytes=100))
    assert document.read_error is not None
    assert document.read_error[0] == code
    assert document.content == b""


@pytest.mark.parametrize(("fmt", "count"), [("text", 1), ("jsonl", 2)])
def test_sources_stdin(fmt: str, count: int) -> None:
    data = (json.dumps({"id": "a", "text": "甲"}) + "\n" + json.dumps({"id": "b", "text": "乙"})
            + "\n").encode("utf-8")
    settings = SourceSettings(stdin_format=fmt)  # type: ignore[arg-type]
    documents = list(iter_documents(["-"], settings, stdin=io.BytesIO(data)))
    assert len(documents) == count
    if fmt == "text":
        assert documents[0].content == data
        assert documents[0].doc_id == derived_id(data)
    else:
        assert [d.doc_id for d in documents] == ["a", "b"]


def _write_warc(path: Path) -> None:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for url, content_type, body in [
            ("http://example.cn/a.html", "text/html; charset=utf-8", "<p>复工</p>".encode()),
            ("http://example.cn/logo.png", "image/png", b"\x89PNG"),
            ("http://example.cn/b.html", "text/html; charset=gbk", "<p>就业</p>".encode("gbk")),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_sources_warc_reads_html_responses(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _write_warc(path)
    documents = list(iter_documents([str(path)]))
    assert [d.metadata["url"] for d in documents] == ["http://example.cn/a.html",
                                                      "http://example.cn/b.html"]
    assert documents[1].content == "<p>就业</p>".encode("gbk")
    assert all(d.media_type == "html" and d.doc_id and d.metadata["date"] for d in documents)


def test_sources_not_a_warc_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage" * 5)
    documents = list(read_warc(path, SourceSettings()))
    assert len(documents) == 1
    assert documents[0].read_error is not None and documents[0].read_error[0] == "read.unreadable"
