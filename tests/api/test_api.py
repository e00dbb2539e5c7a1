"""The public Python API, used only through the names `pipeline.__all__` lists."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import pipeline
from pipeline import ExtractedDocument, Extractor, Settings, StatRecord, extract
from tests.api.conftest import RunPython

SENTENCE = "截至4月16日，全市已返岗复工6.5万人。"
FRESH_EXTRACT = """
import json
from pipeline import extract
document = extract("截至4月16日，全市已返岗复工6.5万人。", published_at="2020-04-18")
print(json.dumps({"records": [r.model_dump(mode="json") for r in document.records],
                  "text": document.text}, ensure_ascii=False))
"""


def test_api_exports_only_the_public_names() -> None:
    assert sorted(pipeline.__all__) == [
        "ExtractedDocument", "Extractor", "Settings", "StatRecord", "extract"]
    assert all(getattr(pipeline, name) is not None for name in pipeline.__all__)
    with pytest.raises(AttributeError):
        _ = pipeline.no_such_name  # type: ignore[attr-defined]


def test_api_extract_in_a_fresh_interpreter_is_quiet(run_python: RunPython, tmp_path: Path) -> None:
    result = run_python(FRESH_EXTRACT, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = json.loads(result.stdout)
    [record] = out["records"]
    assert (record["metric"], record["value"], record["unit"], record["date"]) == (
        "workers_at_work", 65000, "person", "2020-04-16")
    start, end = record["span"]
    assert out["text"][start:end] == record["value_text"] == "6.5万人"


def test_api_import_does_not_build_spacy(run_python: RunPython, tmp_path: Path) -> None:
    code = ("import sys, pipeline, pipeline.evaluate.scoring, pipeline.settings; "
            "print(sorted(m for m in ('spacy', 'jieba', 'opencc') if m in sys.modules))")
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_api_cli_import_leaves_pyarrow_to_a_parquet_sink(run_python: RunPython,
                                                         tmp_path: Path) -> None:
    # pyarrow and numpy take about a quarter of a second to import: a run without Parquet
    # output (the CLI's cold start) does not pay it
    code = "import sys, pipeline.cli, pipeline.batch.runner; print('pyarrow' in sys.modules)"
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_api_cold_start_reads_chinese_numerals_only_when_a_text_writes_one(
        run_python: RunPython, tmp_path: Path) -> None:
    # cn2an takes about 0.15 s to import: a first document with Arabic digits only does not
    # pay it; one with a Chinese numeral is read as before
    code = (f"import sys; from pipeline import extract; extract({SENTENCE!r}); "
            "print('cn2an' in sys.modules); "
            "print([r.value for r in extract('全市新增就业三千人。').records], 'cn2an' in sys.modules)")
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["False", "[Decimal('3000')] True"]


@pytest.mark.parametrize("first", ["import pipeline.extract.numbers", "import pipeline.process"])
def test_api_extract_is_the_function_whatever_was_imported_first(
    first: str, run_python: RunPython, tmp_path: Path
) -> None:
    """The stage package pipeline.extract shares the API function's name."""
    code = f"{first}\nimport pipeline\nfrom pipeline import extract\n" \
           "print(callable(extract), pipeline.extract is extract)"
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def test_api_extract_returns_grounded_records() -> None:
    document = extract(SENTENCE, published_at="2020-04-18")
    assert isinstance(document, ExtractedDocument)
    [record] = document.records
    assert isinstance(record, StatRecord)
    assert document.text[record.span[0]:record.span[1]] == record.value_text
    assert document.article.published_at == "2020-04-18"


@pytest.mark.parametrize("content", [
    SENTENCE,
    SENTENCE.encode("utf-8"),
    SENTENCE.encode("gb18030"),
    "截至4月16日，全市已返崗復工6.5萬人。".encode("big5"),
    f"<html><body><p>{SENTENCE}</p></body></html>",
])
def test_api_extractor_reads_text_bytes_and_html(extractor: Extractor, content: str | bytes) -> None:
    document = extractor(content, published_at="2020-04-18")
    assert document.errors == []
    assert [(r.metric.value, r.value, r.date) for r in document.records] == [
        ("workers_at_work", 65000, "2020-04-16")]


def test_api_metadata_is_used(extractor: Extractor) -> None:
    document = extractor("全市已返岗复工6.5万人。", title="大庆市复工复产", url="http://example.cn/a",
                         outlet="东北网", doc_id="a1", published_at="2020-04-18")
    assert (document.doc_id, document.source) == ("a1", "http://example.cn/a")
    assert document.article.title == "大庆市复工复产"
    assert document.article.region is not None and document.article.region.name == "大庆市"


def test_api_settings_are_the_options() -> None:
    small = Extractor(Settings(max_bytes=10))
    document = small(SENTENCE)
    assert [e.code for e in document.errors] == ["read.too_large"]
    assert document.records == []


@pytest.mark.parametrize("workers", [1, 2])
def test_api_pipe_keeps_input_order(extractor: Extractor, workers: int) -> None:
    texts = [f"截至4月{day}日，全市已返岗复工{day}万人。" for day in range(1, 8)]
    items = [{"text": text, "id": f"d{n}", "date": "2020-04-28"} for n, text in enumerate(texts)]
    documents = list(extractor.pipe(items, batch_size=2, workers=workers))
    assert [d.doc_id for d in documents] == [f"d{n}" for n in range(7)]
    assert [d.records[0].value for d in documents] == [day * 10000 for day in range(1, 8)]
    assert [d.records[0].date for d in documents] == [f"2020-04-0{day}" for day in range(1, 8)]


def test_api_pipe_is_lazy(extractor: Extractor) -> None:
    pulled: list[int] = []

    def texts() -> Iterator[str]:
        for n in range(100):
            pulled.append(n)
            yield f"全市已返岗复工{n + 1}万人。"

    stream = extractor.pipe(texts())
    first = next(stream)
    assert first.records[0].value == 10000
    assert len(pulled) == 1


def test_api_pipe_reads_archive_records(extractor: Extractor) -> None:
    record = {"id": "r1", "html": f"<p>{SENTENCE}</p>", "date": "2020-04-18", "title": "复工",
              "url": "http://example.cn/r1", "outlet": "人民日报", "source_repo": "x"}
    [document] = extractor.pipe([record])
    assert (document.doc_id, document.source, document.article.published_at) == (
        "r1", "http://example.cn/r1", "2020-04-18")
    assert document.records[0].date == "2020-04-16"
    assert "<p>" not in document.text


@pytest.mark.parametrize(("item", "error"), [
    (123, TypeError),
    ({"title": "no body"}, ValueError),
    ({"text": ""}, ValueError),
])
def test_api_pipe_rejects_what_is_not_an_article(
    extractor: Extractor, item: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        list(extractor.pipe([item]))  # type: ignore[list-item]


@pytest.mark.parametrize(("option", "value"), [("batch_size", 0), ("workers", 0)])
def test_api_pipe_rejects_bad_options(extractor: Extractor, option: str, value: int) -> None:
    with pytest.raises(ValueError, match=option):
        list(extractor.pipe([SENTENCE], **{option: value}))
