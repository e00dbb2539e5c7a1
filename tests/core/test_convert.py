"""The Simplified analysis view maps every character back to the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.convert import Converter
from schemas import Script


def test_convert_keeps_length_and_fixes_known_misses(converter: Converter) -> None:
    view = converter.view("隨著復工復產，已返崗6.5萬人")
    assert view.text == "随着复工复产，已返岗6.5万人"
    assert len(view.offsets) == len(view.text)


def test_convert_removes_inline_pinyin_and_tags(converter: Converter) -> None:
    original = "<p>復(fù)工企業(yè)達到3.2萬(wàn)家</p>"
    view = converter.view(original)
    assert view.text == "复工企业达到3.2万家"
    start = view.text.index("3.2")
    o_start, o_end = view.to_original(start, start + len("3.2万家"))
    assert original[o_start:o_end] == "3.2萬(wàn)家"


def test_convert_detects_script(converter: Converter) -> None:
    assert converter.detect_script("返崗復工人員達到六萬") is Script.traditional
    assert converter.detect_script("返岗复工人员达到六万") is Script.simplified


def test_convert_loads_the_traditional_converter_only_for_traditional_characters() -> None:
    # s2t takes about 70 ms to load: a Simplified page's script is told without it
    converter = Converter()
    assert converter.detect_script("返岗复工人员达到六万，复工率98%。") is Script.simplified
    assert converter._s2t is None
    assert converter.detect_script("返崗復工人員達到六萬") is Script.traditional
    assert converter._s2t is not None
    assert converter.to_traditional("返岗复工") == "返崗復工"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("復工萬人业業(yè)<p></p>123，。隨著abc")), max_size=60))
def test_convert_offsets_are_monotonic_and_in_bounds(text: str) -> None:
    view = Converter().view(text)
    assert len(view.offsets) == len(view.text)
    assert all(0 <= o < len(text) for o in view.offsets)
    assert list(view.offsets) == sorted(set(view.offsets))


def test_convert_masked_texts_kept_answer_as_new() -> None:
    """`_masked` keeps its last answers: asked again, in any order, it answers as first."""
    from pipeline.ingest.convert import _masked

    texts = ["复工率98%", "a\ud800b", "中文\udfff", "复工率98%", "", "x" * 5000, "a\ud800b"]
    first = [_masked.__wrapped__(text) for text in texts]
    for _ in range(2):
        assert [_masked(text) for text in texts] == first
    assert first[1] == "a\ufffdb" and first[0] == texts[0]
