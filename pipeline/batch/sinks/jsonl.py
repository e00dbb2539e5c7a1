"""JSONL sink: one `ExtractedDocument` a line (`model_dump_json`), appended and flushed per batch.

Resume reads the file back: every line that parses is a complete document; the
file is cut after the last such line, which drops a line torn by a kill.
Without resume the file is replaced.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from pipeline.batch.sinks.base import Prepared, SinkError
from schemas import ExtractedDocument

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


class JsonlSink:
    name = "jsonl"
    needs_rows = False  # a `Prepared` is written by its JSON

    def __init__(self, path: Path) -> None:
        self.path = path
        self._done: set[str] = set()
        self._stream: IO[bytes] | None = None

    def open(self, resume: bool) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if resume and self.path.exists():
                self._done, good_end = _scan(self.path)
                with open(self.path, "r+b") as stream:
                    if stream.seek(0, os.SEEK_END) != good_end:
                        logger.warning("%s: dropping a torn or unreadable tail after byte %d",
                                       self.path, good_end)
                        stream.truncate(good_end)
                self._stream = open(self.path, "ab")  # noqa: SIM115 - closed in close()
            else:
                self._done = set()
                self._stream = open(self.path, "wb")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise SinkError(f"cannot open {self.path} for writing: {exc}") from exc

    def completed_ids(self) -> set[str]:
        return set(self._done)

    def write(self, batch: Sequence[ExtractedDocument]) -> None:
        self._write((document.doc_id, document) for document in batch)

    def write_prepared(self, batch: Sequence[Prepared]) -> None:
        self._write((prepared.doc_id, prepared) for prepared in batch)

    def _write(self, batch: Iterable[tuple[str, ExtractedDocument | Prepared]]) -> None:
        if self._stream is None:
            raise SinkError("JsonlSink.write called before open()")
        lines = []
        for doc_id, document in batch:
            if doc_id in self._done:
                continue
            self._done.add(doc_id)
            dumped = document.json if isinstance(document, Prepared) \
                else document.model_dump_json().encode("utf-8")
            lines.append(dumped + b"\n")
        try:
            self._stream.write(b"".join(lines))
            self._stream.flush()
            os.fsync(self._stream.fileno())
        except OSError as exc:
            raise SinkError(f"cannot write {self.path}: {exc}; the documents before this batch"
                            " are complete in it: free space or choose another --out and"
                            " rerun with --resume") from exc

    def close(self) -> None:
        if self._stream is not None:
            stream, self._stream = self._stream, None
            try:
                stream.close()
            except OSError as exc:  # a full disk: the failed write already raised SinkError
                logger.warning("closing %s: %s", self.path, exc)


def _scan(path: Path) -> tuple[set[str], int]:
    """The doc_ids of the complete lines of `path` and the byte offset where they end."""
    done: set[str] = set()
    good_end = 0
    with open(path, "rb") as stream:
        for line in stream:
            if not line.endswith(b"\n"):
                break
            try:
                doc_id = json.loads(line)["doc_id"]
            except (ValueError, KeyError, TypeError):
                break
            done.add(str(doc_id))
            good_end += len(line)
    return done, good_end
