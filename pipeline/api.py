"""The Python front door: `extract()` one article, or an `Extractor` for many.

    from pipeline import extract
    document = extract("截至4月16日，全市已返岗复工6.5万人。", published_at="2020-04-18")

An `Extractor` holds what is costly to build (OpenCC, jieba, the spaCy pipeline, the
gazetteer; about 1.5 s), so build one and reuse it; `extract()` uses one shared
`Extractor` per process, built on first use. Options live in one place, `Settings`.
Nothing here raises for a bad article: a document that cannot be read or
cleaned comes back with coded `errors` and no records. One Extractor serves one
thread at a time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from pipeline.document import MediaType, RawDocument
from pipeline.logs import quiet_jieba
from pipeline.settings import Settings

if TYPE_CHECKING:
    from schemas import ExtractedDocument

__all__ = ["Document", "Extractor", "extract"]

# What `Extractor.pipe` takes: an article as text or bytes, or a mapping shaped like a
# record of a JSONL archive: {"text" | "html" | "content": ..., "id", "title",
# "published_at" | "date", "url", "outlet", other keys kept as metadata}.
Document = str | bytes | Mapping[str, Any]

SOURCE_OF_TEXT = "<string>"  # `source` of an article given as a value, without a URL
_BODY_FIELDS = ("text", "html", "content")
_DATE_FIELDS = ("published_at", "date")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|article|section|div|p|h[1-6]|table)\b",
    re.IGNORECASE,
)


class Extractor:
    """Extraction with the options of one `Settings`; build once, call many times.

    `extractor(text)` returns one `ExtractedDocument`; `extractor.pipe(documents)`
    streams them, in input order.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        quiet_jieba()
        from pipeline.process import Extractor as Core  # costly: spaCy, jieba, OpenCC

        self.settings = settings or Settings()
        self._core = Core(self.settings)

    def __call__(
        self,
        text_or_bytes: str | bytes,
        *,
        published_at: str | dt.date | None = None,
        url: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        doc_id: str | None = None,
    ) -> ExtractedDocument:
        """Extract the records of one article (text, or bytes in UTF-8, GB18030 or Big5).

        `published_at` (an ISO date, or a `date`) anchors relative dates (4月16日,
        昨天); `url`, `title` and `outlet` are used as a page's own would be (a
        date in the URL, places in the title, 星岛日报 -> 香港). HTML is recognised by
        its first tag and read as a page. `doc_id` defaults to a hash of the content.
        """
        return self._process(raw_document(text_or_bytes, published_at=published_at, url=url,
                                          title=title, outlet=outlet, doc_id=doc_id))

    def pipe(
        self, documents: Iterable[Document], *, batch_size: int = 64, workers: int = 1
    ) -> Iterator[ExtractedDocument]:
        """Extract a stream of articles lazily, yielding results in input order.

        An item is a text, bytes, or a mapping shaped like a JSONL archive record
        (see `Document`). With `workers` > 1 the articles are processed by that many
        processes (each builds its own extractor), `batch_size` at a time per task;
        at most a few batches per worker are read ahead, so memory stays flat.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        raws = (to_raw_document(item) for item in documents)
        if workers == 1:
            for raw in raws:
                yield self._process(raw)
            return
        from pipeline.batch.runner import map_local
        from pipeline.batch.work import BatchSettings

        batch = BatchSettings(workers=workers, chunk_size=batch_size, batch_size=batch_size,
                              extract=self.settings, out_dir=None)
        yield from map_local(raws, batch)

    def _process(self, raw: RawDocument) -> ExtractedDocument:
        document: ExtractedDocument = self._core.process(raw)
        return document


@cache
def _shared_extractor() -> Extractor:
    return Extractor()


def extract(
    text_or_bytes: str | bytes,
    *,
    published_at: str | dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    doc_id: str | None = None,
) -> ExtractedDocument:
    """Extract the records of one article with the default settings (see `Extractor.__call__`).

    The first call builds the process's shared extractor (about 1.5 s); later calls reuse it.
    """
    return _shared_extractor()(text_or_bytes, published_at=published_at, url=url, title=title,
                               outlet=outlet, doc_id=doc_id)


def raw_document(
    content: str | bytes,
    *,
    published_at: str | dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    doc_id: str | None = None,
    media_type: MediaType | None = None,
    extra: Mapping[str, Any] | None = None,
) -> RawDocument:
    """The pipeline's input for one article given as a value."""
    if not isinstance(content, str | bytes):
        raise TypeError(f"an article is str or bytes, not {type(content).__name__}")
    if isinstance(published_at, dt.datetime):
        published_at = published_at.date()
    metadata: dict[str, Any] = dict(extra or {})
    given = {
        "published_at": published_at.isoformat() if isinstance(published_at, dt.date)
        else published_at,
        "url": url, "title": title, "outlet": outlet,
    }
    metadata.update({key: value for key, value in given.items() if value is not None})
    return RawDocument(
        source=url or SOURCE_OF_TEXT, content=content,
        media_type=media_type or ("html" if looks_like_html(content) else "text"),
        doc_id=doc_id, metadata=metadata,
    )


def to_raw_document(item: Document) -> RawDocument:
    """One item of `Extractor.pipe` as the pipeline's input."""
    if isinstance(item, str | bytes):
        return raw_document(item)
    if not isinstance(item, Mapping):
        raise TypeError(f"a document is str, bytes or a mapping, not {type(item).__name__}")
    body = next((name for name in _BODY_FIELDS if isinstance(item.get(name), str | bytes)
                 and item[name]), None)
    if body is None:
        raise ValueError(f"a document mapping needs a non-empty {' or '.join(_BODY_FIELDS)}"
                         f" field; this one has {', '.join(map(str, item)) or 'no keys'}")
    published_at = next((item[name] for name in _DATE_FIELDS if item.get(name)), None)
    known = {body, "id", "url", "title", "outlet", *_DATE_FIELDS}
    raw_id = item.get("id")
    return raw_document(
        item[body], published_at=published_at, url=item.get("url") or None,
        title=item.get("title") or None, outlet=item.get("outlet") or None,
        doc_id=str(raw_id) if raw_id not in (None, "") else None,
        media_type="html" if body == "html" else None,
        extra={key: value for key, value in item.items() if key not in known},
    )


def looks_like_html(content: str | bytes) -> bool:
    """A page rather than plain text: it starts with an HTML tag (<!DOCTYPE html>, <p>, ...)."""
    head = content[:1024]
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    return _HTML_START.match(data) is not None
