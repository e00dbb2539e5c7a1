"""Bad input, one test per kind: each input gives one document, with a coded error that says
what to do (or, for input that is only unusual, the records it holds and no error)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from pipeline.batch.sources import SourceSettings, iter_documents
from pipeline.errors import CATALOGUE
from pipeline.process import Extractor
from pipeline.settings import Settings
from pipeline.validate import Plausibility
from schemas import ExtractedDocument
from tests.robustness.inputs import (
    ARCHIVE_LINES,
    ARTICLE,
    FILES,
    BadInput,
    write_archive,
    write_corrupt_gzip,
    write_truncated_gzip,
)


def _documents(extractor: Extractor, path: Path, settings: SourceSettings | None = None
               ) -> list[ExtractedDocument]:
    return [extractor.process(raw) for raw in iter_documents([str(path)], settings)]


def _check(document: ExtractedDocument, codes: tuple[str, ...], values: tuple[str, ...] | None,
           plausibility: Plausibility) -> None:
    assert sorted({error.code for error in document.errors}) == sorted(set(codes)), \
        [(error.code, error.message) for error in document.errors]
    for error in document.errors:
        assert error.code in CATALOGUE
        assert error.message.endswith(".") and "{" not in error.message, error.message
    if values is not None:
        assert [record.value_text for record in document.records] == list(values)
    for record in document.records:
        assert document.text[record.span[0] : record.span[1]] == record.value_text
        assert plausibility.problem(record.model_dump()) is None
    json.loads(document.model_dump_json())  # every output can store it


@pytest.mark.parametrize("bad", FILES, ids=[bad.kind for bad in FILES])
def test_robustness_bad_file_gives_one_document(extractor: Extractor, plausibility: Plausibility,
                                                tmp_path: Path, bad: BadInput) -> None:
    path = bad.write(tmp_path)
    [document] = _documents(extractor, path)
    _check(document, bad.codes, bad.values, plausibility)


@pytest.mark.parametrize("index", range(len(ARCHIVE_LINES)),
                         ids=[kind for kind, _, _, _ in ARCHIVE_LINES])
def test_robustness_bad_archive_line_gives_one_document(
    archive_documents: list[ExtractedDocument], plausibility: Plausibility, index: int
) -> None:
    documents = archive_documents
    assert len(documents) == len(ARCHIVE_LINES)  # one document per line, whatever the line
    assert len({document.doc_id for document in documents}) == len(documents)
    _, _, codes, values = ARCHIVE_LINES[index]
    _check(documents[index], codes, values, plausibility)


@pytest.mark.parametrize(
    ("write", "code"),
    [(write_truncated_gzip, "read.truncated"), (write_corrupt_gzip, "read.corrupt")],
    ids=["a truncated .gz", "a corrupt .gz"],
)
def test_robustness_damaged_gzip_keeps_what_was_read(
    extractor: Extractor, tmp_path: Path, write: object, code: str
) -> None:
    path = write(tmp_path)  # type: ignore[operator]
    raws = list(iter_documents([str(path)]))
    assert all(raw.read_error is None for raw in raws[:-1])
    assert len(raws) > 1  # the records before the damage are read
    last = extractor.process(raws[-1])
    assert [error.code for error in last.errors] == [code]
    assert "again" in last.errors[0].message


def test_robustness_line_over_max_bytes_is_skipped_not_held(extractor: Extractor,
                                                            tmp_path: Path) -> None:
    path = write_archive(tmp_path)
    with path.open("ab") as archive:
        archive.write(json.dumps({"id": "big", "text": ARTICLE * 2000}).encode() + b"\n")
        archive.write(json.dumps({"id": "after", "text": ARTICLE}).encode() + b"\n")
    documents = _documents(extractor, path, SourceSettings(max_bytes=100_000))
    assert [error.code for error in documents[-2].errors] == ["read.too_large"]
    assert documents[-1].doc_id == "after" and len(documents[-1].records) == 2


LONG_BLOCK = (ARTICLE.strip() * 40 + "\n" + "各地持续推进复工" * 400 + "全市已返岗复工6.5万人\n")


@pytest.mark.parametrize("text", [ARTICLE * 200, LONG_BLOCK], ids=["many lines", "long blocks"])
def test_robustness_time_budget_stops_with_a_coded_error(spent_extractor: Extractor,
                                                         tmp_path: Path, text: str) -> None:
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    [document] = _documents(spent_extractor, path)
    codes = [error.code for error in document.errors]
    assert codes.count("extract.time_budget") == 1
    assert document.text == text  # the document is finished, not dropped
    budget_error = document.errors[codes.index("extract.time_budget")]
    assert "--time-budget" in budget_error.message


def test_robustness_max_bytes_is_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [refused] = _documents(Extractor(Settings(max_bytes=10)), path, SourceSettings(max_bytes=10))
    assert [error.code for error in refused.errors] == ["read.too_large"]
    assert "--max-bytes" in refused.errors[0].message


def test_robustness_kinds_are_many_and_distinct() -> None:
    kinds = [bad.kind for bad in FILES] + [kind for kind, _, _, _ in ARCHIVE_LINES] + [
        "a truncated .gz", "a corrupt .gz", "an archive line over --max-bytes", "a time budget"]
    assert len(set(kinds)) == len(kinds) >= 25
    coded = [bad for bad in FILES if bad.codes] + [line for line in ARCHIVE_LINES if line[2]]
    assert len(coded) >= 25


def test_robustness_pipe_in_a_directory_is_refused_not_waited_for(extractor: Extractor,
                                                                  tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    documents = _documents(extractor, tmp_path)
    assert [len(document.records) for document in documents] == [2, 0]
    assert [error.code for error in documents[1].errors] == ["read.unreadable"]
    assert "not a regular file" in documents[1].errors[0].message


def test_robustness_endless_device_is_too_large(extractor: Extractor) -> None:
    [document] = _documents(extractor, Path("/dev/zero"), SourceSettings(max_bytes=1000))
    assert [error.code for error in document.errors] == ["read.too_large"]


def test_robustness_error_on_a_file_name_that_is_not_utf8(extractor: Extractor,
                                                          tmp_path: Path) -> None:
    name = b"\xff\xfe-empty.txt".decode("utf-8", "surrogateescape")
    (tmp_path / name).write_bytes(b"")
    [document] = _documents(extractor, tmp_path)
    assert [error.code for error in document.errors] == ["read.empty"]
    assert "\ufffd" in document.source
    json.loads(document.model_dump_json())


@pytest.mark.parametrize(("name", "compress"), [("packed.jsonl", True), ("plain.jsonl.gz", False)],
                         ids=["gzip named .jsonl", "plain text named .jsonl.gz"])
def test_robustness_archive_compression_is_told_by_content(
    extractor: Extractor, tmp_path: Path, name: str, compress: bool
) -> None:
    data = json.dumps({"id": "one", "text": ARTICLE}).encode() + b"\n"
    (tmp_path / name).write_bytes(gzip.compress(data) if compress else data)
    [document] = _documents(extractor, tmp_path / name)
    assert (document.doc_id, len(document.records), document.errors) == ("one", 2, [])
