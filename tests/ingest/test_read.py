"""pipeline.ingest.read: bytes -> text, and files -> bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.ingest.read import decode, read_file, unstorable_replaced
from schemas import DocError

SIMPLIFIED = (
    "截至4月16日，全市452家规上企业中444家复工，复工率98.2%，返岗职工24.2万人。"
    "人社部门组织线上招聘会35场，654家企业发布就业岗位超过2万个。"
)
TRADITIONAL = (
    "截至4月16日，全市452家規上企業中444家復工，復工率98.2%，返崗職工24.2萬人。"
    "勞動部統計，實施減班休息的事業單位有1,023家，涉及勞工2萬3千餘人。"
)


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMPLIFIED, "utf-8", {"utf-8"}),
        (SIMPLIFIED, "utf-8-sig", {"utf-8-sig"}),
        (SIMPLIFIED, "utf-16", {"utf-16"}),
        (SIMPLIFIED, "gb18030", {"gb18030"}),
        (SIMPLIFIED, "gbk", {"gb18030"}),
        (SIMPLIFIED, "gb2312", {"gb18030"}),
        (TRADITIONAL, "utf-8", {"utf-8"}),
        (TRADITIONAL, "utf-16", {"utf-16"}),
        (TRADITIONAL, "big5", {"big5hkscs", "cp950"}),
        (TRADITIONAL, "cp950", {"big5hkscs", "cp950"}),
        (TRADITIONAL, "big5hkscs", {"big5hkscs", "cp950"}),
    ],
)
def test_read_decode_round_trips(text: str, codec: str, expected: set[str]) -> None:
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding in expected


def test_read_decode_prefers_supersets() -> None:
    # 镕 is in GBK but not in GB2312; 堃 is in Big5-HKSCS but not in plain Big5.
    gbk = decode(("朱镕基" + SIMPLIFIED).encode("gbk"))
    assert gbk.encoding == "gb18030"
    assert gbk.text.startswith("朱镕基")
    hkscs = decode((TRADITIONAL + "葉堃").encode("big5hkscs"))
    assert hkscs.encoding in {"big5hkscs", "cp950"}
    assert hkscs.text.endswith("葉堃")


def test_read_decode_keeps_line_ends_and_strips_bom() -> None:
    text = "第一段\r\n第二段\r第三段\n"
    decoded = decode(("\ufeff" + text).encode("utf-8"))
    assert decoded.text == text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "read.empty"),
        (b"\xef\xbb\xbf", "read.empty"),
        ("就业".encode() + b"\x00\x01\x02" + b"\x00" * 20, "decode.binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "decode.binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "decode.binary"),
        (bytes(range(1, 8)) * 40, "decode.binary"),
        (SIMPLIFIED.encode("utf-16-le"), "decode.binary"),  # UTF-16 without a BOM
    ],
)
def test_read_decode_rejects(data: bytes, code: str) -> None:
    with pytest.raises(PipelineError) as error:
        decode(data)
    assert error.value.code == code
    assert error.value.to_doc_error().code == code


@given(st.text(min_size=1))
def test_read_decode_utf8_round_trip(text: str) -> None:
    data = text.encode("utf-8")
    if b"\x00" in data or text.startswith("\ufeff"):
        return
    try:
        decoded = decode(data)
    except PipelineError as error:  # control characters make it binary, nothing else
        assert error.code == "decode.binary"
        return
    assert decoded.text == text
    assert decoded.encoding == "utf-8"


def test_read_file_reads_bytes(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(SIMPLIFIED.encode("gb18030"))
    assert read_file(path, max_bytes=10_000) == SIMPLIFIED.encode("gb18030")


def test_read_file_errors(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    cases = [
        (tmp_path / "missing.txt", "read.not_found"),
        (tmp_path, "read.unreadable"),
        (big, "read.too_large"),
    ]
    for path, code in cases:
        with pytest.raises(PipelineError) as error:
            read_file(path, max_bytes=100)
        assert error.value.code == code, path
    with pytest.raises(PipelineError) as error:
        read_file(big, max_bytes=100)
    assert "101" in error.value.message and "100" in error.value.message


@given(st.text(st.characters(blacklist_categories=()) | st.sampled_from(["\x00", "\ud800", "\udfff", "中"])))
def test_read_unstorable_texts_found_as_the_pattern_finds_them(text: str) -> None:
    # a text is passed over unchanged when it holds no NUL and UTF-8 encodes it
    from pipeline.ingest.read import _UNSTORABLE, _encodable

    assert ("\x00" not in text and _encodable(text)) == (_UNSTORABLE.search(text) is None)
    replaced, _ = unstorable_replaced(text, {}, [])
    assert replaced == _UNSTORABLE.sub("\ufffd", text) and len(replaced) == len(text)


@given(st.text(st.characters(blacklist_categories=()) | st.sampled_from(["\x00", "\ud800", "中"])),
       st.dictionaries(st.sampled_from(["title", "url"]),
                       st.text(st.sampled_from(["\x00", "\udfff", "中", "a"]))))
def test_read_text_known_encodable_is_replaced_as_when_checked(
    text: str, hints: dict[str, str]
) -> None:
    # the read stage encodes an archive text once for its size; a text that encoding took
    # (no lone surrogate) is not encoded again, and gives what checking it gives
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return
    checked_notes: list[DocError] = []
    known_notes: list[DocError] = []
    checked = unstorable_replaced(text, dict(hints), checked_notes)
    known = unstorable_replaced(text, dict(hints), known_notes, text_encodable=True)
    assert known == checked
    assert [note.code for note in known_notes] == [note.code for note in checked_notes]
