"""Read and decode: a file's bytes -> the article text exactly as decoded.

Most input is UTF-8, so strict UTF-8 is tried first. Otherwise `charset_normalizer`
tells the codec; a detected GB codec is read as GB18030 (the superset of GBK and
GB2312) and a detected Big5 codec as Big5-HKSCS or CP950 (supersets of Big5).
Line ends and everything else are kept as decoded: spans point into this text.

Damaged input is read as far as it can be, and what was wrong is noted as coded
`DocError`s on `Decoded.notes`: UTF-8 cut off inside its last character, UTF-8 with a
few bytes of another encoding (read as U+FFFD, one for one), a page whose declared
charset is not the one its bytes are in.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import charset_normalizer

from pipeline.errors import PipelineError, doc_error
from schemas import DocError

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Codecs the detector may choose from: the encodings Chinese news is saved in.
_CANDIDATES = ["utf_8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "hz"]
# Detected codec family -> codecs to try, superset first.
_SUPERSETS: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("big5hkscs", "cp950", "big5"),
    "big5hkscs": ("big5hkscs", "cp950"),
    "cp950": ("cp950", "big5hkscs"),
}
# File signatures of common binary formats.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
)
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | {0x7F}
_MAX_CONTROL_SHARE = 0.01
# UTF-8 with at most this share of its non-ASCII bytes invalid is UTF-8 with a few
# stray bytes; text in another encoding has nearly all of them invalid as UTF-8.
_MAX_INVALID_SHARE = 0.05
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as surrogateescape reads them
_ASCII = bytes(range(0x80))
# Codec families, for comparing a declared charset with the one the bytes are in.
_FAMILIES = {
    "utf_8": "UTF-8", "utf_8_sig": "UTF-8", "gb2312": "GB18030", "gbk": "GB18030",
    "gb18030": "GB18030", "big5": "Big5", "big5hkscs": "Big5", "cp950": "Big5",
    "utf_16": "UTF-16", "utf_32": "UTF-32",
}
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})""",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    """The decoded text and the codec that produced it (Python codec name)."""

    text: str
    encoding: str
    notes: tuple[DocError, ...] = ()  # what was wrong with the bytes, read anyway


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode the bytes of one article; raise `PipelineError` when it cannot be done.

    `declared` is the charset the input says it is in (an HTML page's <meta charset>);
    the bytes decide, and a declaration they contradict is noted.
    """
    decoded = _decode(data)
    note = _mislabel(declared, decoded.encoding, data)
    if note is not None:
        return Decoded(decoded.text, decoded.encoding, (*decoded.notes, note))
    return decoded


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (<meta charset=...>), if any."""
    match = _DECLARED.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _decode(data: bytes) -> Decoded:
    if not data:
        raise PipelineError("read.empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, codec)
    _reject_binary(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.reason == "unexpected end of data":
            cut = len(data) - exc.start  # only the last character is incomplete
            return Decoded(data[: exc.start].decode("utf-8"), "utf-8",
                           (doc_error("decode.truncated_utf8", count=cut),))
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    best = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise PipelineError("decode.undetected")
    for codec in _SUPERSETS.get(best.encoding, (best.encoding,)):
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    raise PipelineError("decode.undetected")


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bytes of another encoding: each such byte read as U+FFFD."""
    escaped = data.decode("utf-8", "surrogateescape")
    invalid = _ESCAPED.findall(escaped)
    non_ascii = len(data.translate(None, _ASCII))
    if not invalid or len(invalid) > non_ascii * _MAX_INVALID_SHARE:
        return None
    first = _ESCAPED.search(escaped)
    assert first is not None
    offset = len(escaped[: first.start()].encode("utf-8", "surrogateescape"))
    text = _ESCAPED.sub("\ufffd", escaped)
    return Decoded(text, "utf-8", (doc_error("decode.invalid_bytes", count=len(invalid),
                                             offset=offset),))


def _mislabel(declared: str | None, encoding: str, data: bytes) -> DocError | None:
    if declared is None or data.isascii():
        return None
    try:
        declared_name = codecs.lookup(declared).name.replace("-", "_")
    except LookupError:
        return None
    actual_name = codecs.lookup(encoding).name.replace("-", "_")
    declared_family = _FAMILIES.get(declared_name, declared_name.upper())
    actual_family = _FAMILIES.get(actual_name, actual_name.upper())
    if declared_family == actual_family:
        return None
    return doc_error("decode.mislabelled", declared=declared_family, actual=actual_family)


def read_file(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing missing, unreadable and oversized files."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PipelineError("read.not_found", path=str(path)) from None
    except OSError as exc:
        raise PipelineError("read.unreadable", path=str(path), reason=exc.strerror) from exc
    if not path.is_file():
        raise PipelineError("read.unreadable", path=str(path), reason="it is not a regular file")
    if size > max_bytes:
        raise PipelineError("read.too_large", size=size, limit=max_bytes)
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise PipelineError("read.unreadable", path=str(path), reason=exc.strerror) from exc
    if len(data) > max_bytes:  # the file grew after stat
        raise PipelineError("read.too_large", size=len(data), limit=max_bytes)
    return data


def _decode_with_bom(data: bytes, codec: str) -> Decoded:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise PipelineError("decode.undetected") from exc
    text = text.removeprefix("\ufeff")
    if not text:
        raise PipelineError("read.empty")
    return Decoded(text, codec)


def _reject_binary(data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise PipelineError("decode.binary", reason=f"a {kind} signature")
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if controls > len(sample) * _MAX_CONTROL_SHARE:
        raise PipelineError("decode.binary", reason=f"{controls} control bytes")


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _encodable(text: str) -> bool:
    """`text` holds no surrogate (U+D800-U+DFFF): UTF-8 encodes every other character, in C,
    faster than a regex search of the text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unstorable_replaced(
    text: str, hints: dict[str, Any], notes: list[DocError], text_encodable: bool = False
) -> tuple[str, dict[str, Any]]:
    """`text` and the text values of `hints` with NUL characters and lone surrogates
    replaced by U+FFFD, one for one (offsets hold); a note for each kind replaced.

    No output stores them: PostgreSQL refuses NUL in text, and lone surrogates (from
    \\ud800 escapes in JSON) cannot be written as UTF-8 at all. `text_encodable`: the caller
    has already encoded `text` as UTF-8 (so it holds no lone surrogate): not encoded again.
    """
    counts = {"\x00": 0, "surrogate": 0}

    def replace(value: str, encodable: bool = False) -> str:
        if "\x00" not in value and (encodable or _encodable(value)):
            return value  # most texts (UTF-8 encodes every character but the surrogates)
        for char in _UNSTORABLE.findall(value):
            counts["\x00" if char == "\x00" else "surrogate"] += 1
        return _UNSTORABLE.sub("\ufffd", value)

    text = replace(text, text_encodable)
    hints = {key: replace(value) if isinstance(value, str) else value
             for key, value in hints.items()}
    if counts["\x00"]:
        notes.append(doc_error("decode.nul", count=counts["\x00"]))
    if counts["surrogate"]:
        notes.append(doc_error("decode.lone_surrogate", count=counts["surrogate"]))
    return text, hints
