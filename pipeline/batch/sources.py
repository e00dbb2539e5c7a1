"""Readers: paths, archives and stdin -> a stream of `RawDocument`s.

Every reader is a generator, so memory stays flat however large the input is.
A reader never raises for one bad input: an unreadable file, a line that is not
JSON or a WARC that cannot be parsed becomes a `RawDocument` with `read_error`
set, and the stream goes on. What is wrong but readable (a repeated id, a title
that is no string) is noted on `RawDocument.notes` and the document is read.
A line longer than `max_bytes` is skipped without being held in memory.

What is read from where:

- a directory: every `.txt`, `.html` and `.htm` file below it (case-insensitive),
  walked in sorted order; anything else (gold JSON, manifests) is ignored;
- a `.jsonl` / `.jsonl.gz` / `.ndjson` file: one article a line (see `FieldNames`);
- a `.warc` / `.warc.gz` file: every HTTP response with an HTML content type;
- any other file: one article (bytes, decoded later by the read stage);
- `-`: standard input, one article, or an archive with `stdin_format="jsonl"`.

Document ids are stable across runs: the archive record's id field, the
WARC-Record-ID, or for files the file name without extension. When two files
of one run share a stem (`a/x.txt` and `b/x.html`), the first in walk order
keeps the stem and every later one gets `<stem>~<8 hex digits of a hash of its
path>`, so no document overwrites another. Without an id (a JSONL record with
no id field, stdin) the id is derived from the content.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, cast

from pipeline.document import MediaType, RawDocument

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

TEXT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
StdinFormat = Literal["text", "html", "jsonl"]


@dataclass(frozen=True)
class FieldNames:
    """Which fields of an archive record hold what.

    `text` lists the fields that may hold the body, first non-empty one wins;
    a body found in one of `html` is read as HTML. Every field that is not the
    body is kept in `RawDocument.metadata` as it is; the configured title, date
    and url fields are also copied to the canonical keys `title`,
    `published_at` and `url` the extractor reads.
    """

    text: tuple[str, ...] = ("text", "html", "content")
    html: tuple[str, ...] = ("html",)
    id: str = "id"
    title: str = "title"
    date: tuple[str, ...] = ("published_at", "date")
    url: str = "url"


@dataclass(frozen=True)
class SourceSettings:
    fields: FieldNames = field(default_factory=FieldNames)
    # Files over this size are not read: they get a `read.too_large` error.
    max_bytes: int = 20_000_000
    stdin_format: StdinFormat = "text"


# Ids are database keys (documents.doc_id is VARCHAR(255)) and file-safe text.
MAX_ID_CHARS = 255
_BOM = b"\xef\xbb\xbf"
_GZIP_MAGIC = b"\x1f\x8b"


def derived_id(content: bytes | str) -> str:
    """The id of a document its source gives none: a hash of its content."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()[:16]


def _printable(text: str) -> str:
    """A path or name as text every output can store: undecodable bytes and lone
    surrogates (a file name that is not UTF-8) become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace") \
        if _has_surrogates(text) else text


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def iter_documents(
    paths: Iterable[str], settings: SourceSettings | None = None, stdin: IO[bytes] | None = None
) -> Iterator[RawDocument]:
    """Every document of `paths`, in a stable order (sorted walk of directories)."""
    settings = settings or SourceSettings()
    stems = _StemRegistry()
    for path_text in paths:
        if path_text == "-":
            yield from read_stdin(stdin or sys.stdin.buffer, settings, stems)
            continue
        path = Path(path_text)
        if path.is_dir():
            for file in walk_texts(path):
                yield read_file(file, settings, doc_id=stems.claim(file), walked=True)
        elif is_archive(path):
            yield from read_jsonl(path, settings.fields, settings.max_bytes, stems)
        elif is_warc(path):
            yield from read_warc(path, settings)
        else:
            yield read_file(path, settings, doc_id=stems.claim(path))


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def walk_texts(root: Path) -> Iterator[Path]:
    """The .txt/.html/.htm files below `root`, in sorted order, one directory at a time."""
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in TEXT_SUFFIXES:
                yield Path(directory) / name


class _StemRegistry:
    """Hands out file-stem ids, disambiguating stems and record ids already given in this run."""

    def __init__(self) -> None:
        self._given: set[str] = set()

    def claim_id(self, doc_id: str, where: str) -> str:
        """`doc_id`, or `doc_id~<hash of where>` when an earlier record of the run has it."""
        if doc_id not in self._given:
            self._given.add(doc_id)
            return doc_id
        suffix = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        new_id = f"{doc_id[: MAX_ID_CHARS - 9]}~{suffix}"
        self._given.add(new_id)
        return new_id

    def claim(self, path: Path) -> str:
        stem = _printable(path.stem)
        if stem not in self._given:
            self._given.add(stem)
            return stem
        suffix = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:8]
        doc_id = f"{stem}~{suffix}"
        logger.warning("two inputs share the file stem %r; %s gets the id %r", stem, path, doc_id)
        self._given.add(doc_id)
        return doc_id


def read_file(
    path: Path, settings: SourceSettings, doc_id: str | None = None, walked: bool = False
) -> RawDocument:
    """One file as one document. A file found by walking a directory must be a regular
    file (a pipe there would block the run); a path given by name may be a pipe or a
    device (`<(zcat a.txt.gz)`), read up to `max_bytes`."""
    media_type: MediaType = "html" if TEXT_SUFFIXES.get(path.suffix.lower()) == "html" else "text"
    doc_id = doc_id or _printable(path.stem)
    source = _printable(str(path))
    try:
        if path.is_dir():
            return _failed(source, doc_id, "read.unreadable", path=source,
                           reason="it is a directory", media_type=media_type)
        status = path.stat()
        if walked and not stat.S_ISREG(status.st_mode):
            return _failed(source, doc_id, "read.unreadable", path=source,
                           reason="it is not a regular file (a pipe, a socket or a device)",
                           media_type=media_type)
        if status.st_size > settings.max_bytes:
            return _failed(source, doc_id, "read.too_large", size=status.st_size,
                           limit=settings.max_bytes, media_type=media_type)
        with path.open("rb") as stream:
            content = stream.read(settings.max_bytes + 1)
        if len(content) > settings.max_bytes:  # it grew, or it is a pipe or a device
            return _failed(source, doc_id, "read.too_large",
                           size=f"more than {settings.max_bytes}", limit=settings.max_bytes,
                           media_type=media_type)
    except FileNotFoundError:
        return _failed(source, doc_id, "read.not_found", path=source, media_type=media_type)
    except OSError as exc:
        return _failed(source, doc_id, "read.unreadable", path=source,
                       reason=exc.strerror or exc, media_type=media_type)
    return RawDocument(source=source, content=content, media_type=media_type, doc_id=doc_id)


def _failed(
    source: str, doc_id: str, code: str, media_type: MediaType = "text", **details: Any
) -> RawDocument:
    return RawDocument(source=source, content=b"", media_type=media_type, doc_id=doc_id,
                       read_error=(code, {key: str(value) for key, value in details.items()}))


def read_stdin(
    stream: IO[bytes], settings: SourceSettings, ids: _StemRegistry | None = None
) -> Iterator[RawDocument]:
    if settings.stdin_format == "jsonl":
        yield from _read_jsonl_lines(stream, "stdin", settings.fields, settings.max_bytes,
                                     ids or _StemRegistry())
        return
    content = stream.read(settings.max_bytes + 1)
    if len(content) > settings.max_bytes:
        yield _failed("stdin", derived_id(content), "read.too_large",
                      size=f"more than {settings.max_bytes}", limit=settings.max_bytes)
        return
    yield RawDocument(source="stdin", content=content, media_type=settings.stdin_format,
                      doc_id=derived_id(content))


def read_jsonl(
    path: Path, fields: FieldNames | None = None, max_bytes: int = SourceSettings.max_bytes,
    ids: _StemRegistry | None = None,
) -> Iterator[RawDocument]:
    """One document per line of a JSONL(.gz) archive; bad lines become read errors."""
    fields = fields or FieldNames()
    ids = ids or _StemRegistry()
    source, name = _printable(str(path)), _printable(path.name)
    try:
        opened = open_binary(path)
    except OSError as exc:
        yield _failed(source, name, "read.unreadable", path=source, reason=exc)
        return
    with opened:
        try:
            yield from _read_jsonl_lines(opened, source, fields, max_bytes, ids)
        except EOFError as exc:
            # A truncated gzip stream: what was read stays, the rest is one error.
            yield _failed(source, f"{name}#unreadable-tail", "read.truncated", path=source,
                          reason=exc)
        except (gzip.BadGzipFile, zlib.error) as exc:
            # A corrupt gzip stream: what was read stays, the rest is one error.
            yield _failed(source, f"{name}#unreadable-tail", "read.corrupt", path=source,
                          reason=exc)
        except OSError as exc:  # a failing disk
            yield _failed(source, f"{name}#unreadable-tail", "read.unreadable", path=source,
                          reason=exc)


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for reading bytes, decompressing gzip: told by the file's first bytes,
    not its name (a compressed archive saved as .jsonl, a plain one saved as .jsonl.gz)."""
    with open(path, "rb") as probe:
        compressed = probe.read(2) == _GZIP_MAGIC
    if compressed:
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _read_jsonl_lines(
    stream: IO[bytes], archive: str, fields: FieldNames, max_bytes: int, ids: _StemRegistry
) -> Iterator[RawDocument]:
    name = Path(archive).name
    for number, line, size in _bounded_lines(stream, max_bytes):
        where = f"{name}:{number}"
        if line is None:
            fallback_id = where.replace(":", "#L")
            yield _failed(f"{archive}#{fallback_id}", fallback_id, "read.too_large",
                          size=size, limit=max_bytes)
            continue
        if number == 1:
            line = line.removeprefix(_BOM)  # a UTF-8 BOM some editors put first
        if not line.strip():
            continue
        yield record_document(line, archive, where, fields, ids)


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, size) of each line; a line over `limit` bytes is skipped as
    (number, None, size) without being held in memory."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit:
            yield number, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield number, None, size


_JSON_TYPES = {dict: "a JSON object", list: "a JSON list", bool: "true or false",
               int: "a number", float: "a number", type(None): "null"}


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def record_document(
    line: bytes, archive: str, where: str, fields: FieldNames, ids: _StemRegistry | None = None
) -> RawDocument:
    """One archive line -> a document (or a document that carries its read error)."""
    fallback_id = where.replace(":", "#L")
    try:
        record = json.loads(line)
    except UnicodeDecodeError as exc:
        return _failed(f"{archive}#{fallback_id}", fallback_id, "read.bad_record",
                       where=where, reason=f"the line is not UTF-8 ({exc.reason} at byte"
                       f" {exc.start}); save the archive as UTF-8")
    except json.JSONDecodeError as exc:
        return _failed(f"{archive}#{fallback_id}", fallback_id, "read.bad_record",
                       where=where, reason=f"not valid JSON ({exc})")
    except RecursionError:
        return _failed(f"{archive}#{fallback_id}", fallback_id, "read.bad_record",
                       where=where, reason="JSON nested too deeply to read")
    if not isinstance(record, dict):
        return _failed(f"{archive}#{fallback_id}", fallback_id, "read.bad_record",
                       where=where, reason=f"{_json_type(record)}, not an object")
    notes: list[tuple[str, dict[str, Any]]] = []
    doc_id = _record_id(record.get(fields.id), fields, notes)
    body_field = next((name for name in fields.text
                       if isinstance(record.get(name), str) and record[name]), None)
    if body_field is None:
        doc_id = ids.claim_id(doc_id, where) if ids and doc_id else doc_id or fallback_id
        return _failed(f"{archive}#{doc_id}", doc_id, "read.bad_record", where=where,
                       reason=_no_text_reason(record, fields))
    content: str = record[body_field]
    if doc_id is None:
        doc_id = derived_id(content)
    if ids is not None:
        claimed = ids.claim_id(doc_id, where)
        if claimed != doc_id:
            notes.append(("read.duplicate_id", {"where": where, "doc_id": doc_id,
                                                "new_id": claimed}))
            doc_id = claimed
    metadata = {key: value for key, value in record.items() if key != body_field}
    _copy_canonical(metadata, record, fields, notes)
    media_type: MediaType = "html" if body_field in fields.html else "text"
    return RawDocument(source=f"{archive}#{doc_id}", content=content, media_type=media_type,
                       doc_id=doc_id, metadata=metadata, notes=tuple(notes))


def _record_id(
    raw_id: object, fields: FieldNames, notes: list[tuple[str, dict[str, Any]]]
) -> str | None:
    """The record's id as text, or None (the id is then derived from the text).

    Numbers are ids (42 -> "42"); objects, arrays, booleans, ids longer than a database
    key and ids holding control characters or lone surrogates are not, and are noted.
    """
    if raw_id is None or raw_id == "":
        return None
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float)):
        found = _json_type(raw_id)
    elif len(text := str(raw_id)) > MAX_ID_CHARS:
        found = f"an id of {len(text)} characters (at most {MAX_ID_CHARS})"
    elif not text.isprintable() or _has_surrogates(text):
        found = "an id with control characters"
    else:
        return text
    notes.append(("read.bad_field", {"field": fields.id, "found": found,
                                     "option": "--id-field"}))
    return None


def _no_text_reason(record: dict[str, Any], fields: FieldNames) -> str:
    present = [(name, record[name]) for name in fields.text if record.get(name) is not None]
    wrong = [f"{name} is {_json_type(value)}" for name, value in present
             if not isinstance(value, str)]
    if wrong:
        return f"no text field holds text ({', '.join(wrong)})"
    return f"no non-empty text field (looked for {', '.join(fields.text)})"


def _copy_canonical(
    metadata: dict[str, Any], record: dict[str, Any], fields: FieldNames,
    notes: list[tuple[str, dict[str, Any]]],
) -> None:
    """Copy the configured title, url and date fields to the canonical keys; a value
    that is not text is noted and left out of them (metadata keeps it under its name)."""
    chosen = [("title", fields.title, "--title-field"), ("url", fields.url, "--url-field")]
    date_field = next((name for name in fields.date if record.get(name)), None)
    if date_field is not None:
        chosen.append(("published_at", date_field, "--date-field"))
    for key, field_name, option in chosen:
        if field_name not in record:
            continue
        value = record[field_name]
        if value is None or isinstance(value, str):
            metadata.setdefault(key, value)
            continue
        notes.append(("read.bad_field", {"field": field_name, "found": _json_type(value),
                                         "option": option}))
        if metadata.get(key) is value:
            metadata[key] = None


def read_warc(path: Path, settings: SourceSettings) -> Iterator[RawDocument]:
    """Every HTML response of a WARC(.gz) file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield _failed(str(path), path.name, "read.unreadable", path=path, reason=exc)
        return
    with stream:
        try:
            for record in ArchiveIterator(stream):
                document = _warc_document(record, path, settings)
                if document is not None:
                    yield document
        except (ArchiveLoadFailed, Exception) as exc:  # corrupt WARCs raise assorted errors
            yield _failed(str(path), f"{path.name}#unreadable-tail", "read.unreadable",
                          path=path, reason=exc)


def _warc_document(record: Any, path: Path, settings: SourceSettings) -> RawDocument | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    record_id = record_id.removeprefix("urn:uuid:")
    content = record.content_stream().read(settings.max_bytes + 1)
    doc_id = record_id or derived_id(content)
    source = f"{path}#{url or doc_id}"
    if len(content) > settings.max_bytes:
        return _failed(source, doc_id, "read.too_large", size=f"more than {settings.max_bytes}",
                       limit=settings.max_bytes, media_type="html")
    metadata = {"url": url, "date": record.rec_headers.get_header("WARC-Date")}
    return RawDocument(source=source, content=content, media_type="html", doc_id=doc_id,
                       metadata=metadata)
