"""Property tests on random and mutated input: no exception escapes, every span is grounded,
every value is finite and plausible.

The default suite runs a few dozen examples of each; `make fuzz` runs them at scale
(PIPELINE_FUZZ=1; see README, Reliability).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.batch.sources import FieldNames, record_document
from pipeline.document import RawDocument
from pipeline.errors import CATALOGUE
from pipeline.extract.numbers import QuantityFinder, parse_number
from pipeline.extract.timex import TimeFinder
from pipeline.ingest.convert import Converter
from pipeline.process import Extractor
from pipeline.validate import Plausibility
from schemas import ExtractedDocument
from tests.fuzz.strategies import any_text, examples, mutate, mutate_bytes, newsish

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture]
dates = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))


def _assert_sound(document: ExtractedDocument, plausibility: Plausibility) -> None:
    """What every output document must satisfy, whatever its input."""
    for record in document.records:
        start, end = record.span
        assert document.text[start:end] == record.value_text
        assert record.value.is_finite()
        assert plausibility.problem(record.model_dump()) is None, record
    for error in document.errors:
        assert error.code in CATALOGUE, error.code
    dumped = document.model_dump_json()  # every output can store it: no surrogates, no NUL
    assert "\\u0000" not in dumped
    assert ExtractedDocument.model_validate_json(dumped) == document


@settings(max_examples=examples(200, 40_000), deadline=None, suppress_health_check=SLOW)
@given(text=any_text)
def test_fuzz_quantities_never_raise_and_stay_in_the_text(quantities: QuantityFinder,
                                                         text: str) -> None:
    found = quantities.find(text)
    previous_end = 0
    for quantity in found:
        assert previous_end <= quantity.start < quantity.end <= len(text)
        assert quantity.value.is_finite()
        previous_end = quantity.end
    for number in quantities.unreadable(text):
        assert 0 <= number.start < number.end <= len(text)


@settings(max_examples=examples(200, 10_000), deadline=None)
@given(surface=st.one_of(any_text, st.from_regex(r"[0-9,. \u3000]{1,40}", fullmatch=True),
                         st.from_regex(r"[零〇一二两三四五六七八九十百千万亿点]{1,12}", fullmatch=True)))
def test_fuzz_parse_number_is_exact_or_none(surface: str) -> None:
    value = parse_number(surface)
    assert value is None or value.is_finite()


@settings(max_examples=examples(200, 20_000), deadline=None, suppress_health_check=SLOW)
@given(text=any_text, published=dates, anchor=dates,
       period=st.one_of(st.none(), st.sampled_from(["2020", "2020-04", "2020-04-16", "0001"])))
def test_fuzz_times_resolve_to_dates_or_none(times: TimeFinder, text: str,
                                             published: dt.date | None, anchor: dt.date | None,
                                             period: str | None) -> None:
    for mention in times.find(text, published, anchor, period):
        assert 0 <= mention.start < mention.end <= len(text)
        if mention.value is not None:
            assert _is_date(mention.value), mention


def _is_date(value: str) -> bool:
    parts = value.split("-")
    if len(parts[0]) != 4 or not parts[0].isdigit():
        return False
    try:
        if len(parts) == 3:
            dt.date.fromisoformat(value)
        elif len(parts) == 2:
            return len(parts[1]) == 2 and 1 <= int(parts[1]) <= 12
        return len(parts) <= 3
    except ValueError:
        return False
    return True


@settings(max_examples=examples(200, 20_000), deadline=None, suppress_health_check=SLOW)
@given(text=any_text, data=st.data())
def test_fuzz_offset_map_points_into_the_original(converter: Converter, text: str,
                                                  data: st.DataObject) -> None:
    view = converter.view(text)
    assert len(view.offsets) == len(view.text)
    assert list(view.offsets) == sorted(set(view.offsets))  # strictly increasing
    assert all(0 <= offset < len(text) for offset in view.offsets)
    if view.text:
        start = data.draw(st.integers(0, len(view.text) - 1))
        end = data.draw(st.integers(start + 1, len(view.text)))
        o_start, o_end = view.to_original(start, end)
        assert 0 <= o_start < o_end <= len(text)
        assert converter.to_simplified(text[view.offsets[start]]) .__len__() == 1


@settings(max_examples=examples(60, 60_000), deadline=None, suppress_health_check=SLOW)
@given(text=any_text, media=st.sampled_from(["text", "html"]), as_bytes=st.booleans(),
       title=st.one_of(st.none(), newsish), date=st.one_of(st.none(), any_text,
                                                            st.sampled_from(["2020-04-28"])))
def test_fuzz_pipeline_on_random_text(extractor: Extractor, plausibility: Plausibility,
                                      text: str, media: str, as_bytes: bool,
                                      title: str | None, date: str | None) -> None:
    content: str | bytes = text.encode("utf-8", "surrogatepass") if as_bytes else text
    raw = RawDocument(source="fuzz", content=content, media_type=media,  # type: ignore[arg-type]
                      metadata={"title": title, "published_at": date})
    _assert_sound(extractor.process(raw), plausibility)


@settings(max_examples=examples(40, 40_000), deadline=None, suppress_health_check=SLOW)
@given(data=st.data())
@pytest.mark.archive
def test_fuzz_pipeline_on_mutated_archive_records(extractor: Extractor, plausibility: Plausibility,
                                                  archive_lines: list[bytes],
                                                  data: st.DataObject) -> None:
    line = data.draw(st.sampled_from(archive_lines))
    if data.draw(st.booleans()):
        record = json.loads(line)
        for field in ("text", "html", "content", "title"):
            if isinstance(record.get(field), str):
                record[field] = mutate(data, record[field])
        line = json.dumps(record, ensure_ascii=data.draw(st.booleans())).encode("utf-8", "surrogatepass")
    else:
        line = mutate_bytes(data, line)
    raw = record_document(line, "archive.jsonl", "archive.jsonl:1", FieldNames())
    _assert_sound(extractor.process(raw), plausibility)
