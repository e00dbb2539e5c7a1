"""Assemble: a sentence's draft + paragraph and article context -> a contract record.

Each field comes from its resolver: the sentence decided metric, kind, projection,
subject and its own place and time; here `region.region_for` and `date.date_for` complete
region and date from the paragraph and the article, and a paragraph framed as 一产/二产/三产
gives the sector. Records are plain dicts; pydantic models are built once, for the whole
document, in `pipeline.process`.
"""

from __future__ import annotations

from typing import Any

from pipeline.ingest.convert import TextView
from pipeline.ingest.sentences import sentence_around
from pipeline.resolve.context import ArticleContext, ParagraphContext
from pipeline.resolve.date import date_for
from pipeline.resolve.draft import Draft
from pipeline.resolve.kind import after_publication_year
from pipeline.resolve.region import region_for


def record_dict(
    draft: Draft,
    view: TextView,
    sentence_offset: int,
    paragraph: ParagraphContext,
    article: ArticleContext,
) -> dict[str, Any] | None:
    """The record of `draft` as a dict of contract fields, grounded in the original text."""
    start = sentence_offset + draft.quantity.start
    end = sentence_offset + draft.quantity.end
    o_start, o_end = view.to_original(start, end)
    value_text = view.original[o_start:o_end]
    date = date_for(draft, paragraph, sentence_offset, article)
    return {
        "metric": draft.metric,
        "indicator": draft.indicator,
        "value": draft.quantity.value,
        "value_max": draft.value_max,
        "unit": draft.unit,
        "qualifier": draft.qualifier,
        "kind": draft.kind,
        "direction": draft.direction,
        "projected": draft.projected or after_publication_year(date, article.published),
        "subject": draft.subject,
        "sector": paragraph.sector or draft.sector,
        "region": region_for(draft.place, article, paragraph),
        "date": date,
        "value_text": value_text,
        "span": (o_start, o_end),
        "evidence": sentence_around(view.original, o_start, o_end),
    }
