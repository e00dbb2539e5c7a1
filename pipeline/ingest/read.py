"""Read and decode: a file's bytes -> the article text exactly as decoded.

Most input is UTF-8, so strict UTF-8 is tried first. Otherwise `charset_normalizer`
tells the codec; a detected GB codec is read as GB18030 (the superset of GBK and
GB2312) and a detected Big5 codec as Big5-HKSCS or CP950 (supersets of Big5).
Line ends and everything else are kept as decoded: spans point into this text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from pipeline.errors import PipelineError

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


@dataclass(frozen=True)
class Decoded:
    """The decoded text and the codec that produced it (Python codec name)."""

    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    """Decode the bytes of one article; raise `PipelineError` when it cannot be done."""
    if not data:
        raise PipelineError("read.empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, codec)
    _reject_binary(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise PipelineError("decode.undetected")
    for codec in _SUPERSETS.get(best.encoding, (best.encoding,)):
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    raise PipelineError("decode.undetected")


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
    if b"\x00" in data:
        raise PipelineError("decode.binary", reason="NUL bytes")
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if controls > len(sample) * _MAX_CONTROL_SHARE:
        raise PipelineError("decode.binary", reason=f"{controls} control bytes")
