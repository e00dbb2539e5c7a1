"""Assemble: sentence drafts + paragraph and article context -> contract records.

What a sentence cannot decide comes from around it, by the contract's rules:
a date from the latest explicit time earlier in the paragraph, else the
publication date; a region from the article (全市 -> its city, 全省 -> its
province, otherwise its primary region); a sector from a paragraph introduced
as 一产/二产/三产. Records are plain dicts here; pydantic models are built once,
for the whole document, in `pipeline.process`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.gazetteer import Gazetteer, Place
from pipeline.extract.timex import TimeMention
from pipeline.ingest.convert import TextView
from pipeline.ingest.sentences import sentence_around
from pipeline.resolve.linker import Draft, PlaceRef
from schemas import Level, Region, Sector

_SCOPE_LEVELS = {"city": ("city",), "province": ("province",), "county": ("county",),
                 "district": ("district", "county")}


@dataclass
class ArticleContext:
    """What the whole article tells: its publication date and its places."""

    published: dt.date | None
    primary: Place | None
    gazetteer: Gazetteer
    national: bool = False  # a national story: records default to 全国
    last_day: dt.date | None = None  # the last full date the article named (for 当天)
    last_period: str | None = None  # the last time the article named (for 同期, 本期)
    places_seen: list[Place] = field(default_factory=list)

    def primary_region(self) -> Region | None:
        if self.national:
            return self.gazetteer.country()
        return self.gazetteer.to_region(self.primary) if self.primary else None

    def city(self) -> Place | None:
        place = self.primary
        while place is not None and place.level not in ("city", "province"):
            place = self._parent(place)
        if place is not None and place.level == "province" and place.name.endswith("市"):
            return place  # 北京市, 上海市: a municipality is the city
        return place if place is not None and place.level == "city" else None

    def province(self) -> Place | None:
        place = self.primary
        if place is None:
            return None
        if place.level == "province":
            return place
        if place.province:
            found = self.gazetteer.by_name(place.province)
            return found[0] if found else None
        return None

    def _parent(self, place: Place) -> Place | None:
        if not place.parent:
            return None
        candidates = self.gazetteer.by_name(place.parent)
        in_province = [c for c in candidates if (c.province or c.name) == (place.province or "")]
        found = in_province or candidates
        return found[0] if found else None


@dataclass
class ParagraphContext:
    sector: Sector | None
    times: Sequence[TimeMention]  # offsets relative to the paragraph's analysis text


def region_for(ref: PlaceRef | None, article: ArticleContext) -> Region | None:
    gazetteer = article.gazetteer
    if ref is None:
        return article.primary_region()
    if ref.scope == "country":
        if article.primary is not None and "台湾" in (article.primary.name, article.primary.province):
            return gazetteer.to_region(article.primary if article.primary.name == "台湾"
                                       else gazetteer.by_name("台湾")[0])  # 全國 in Taiwan news
        return gazetteer.country()
    if ref.scope is not None:
        target = _scope_place(ref.scope, article)
        return gazetteer.to_region(target) if target else _primary_region(article)
    context = [p for p in (article.primary, *article.places_seen) if p is not None]
    if ref.zone:
        city = article.city() or next(
            (p for p in reversed(article.places_seen) if p.level == "city"), None
        )
        if city is None and article.national:
            return _primary_region(article)  # 国家级经济技术开发区: a kind of zone, not one zone
        return gazetteer.to_region(gazetteer.development_zone(ref.surface, city))
    place = gazetteer.resolve(ref.surface, context)
    if place is None:
        return _primary_region(article)
    if place not in article.places_seen:
        article.places_seen.append(place)
    return gazetteer.to_region(place)


def _scope_place(scope: str, article: ArticleContext) -> Place | None:
    levels = _SCOPE_LEVELS.get(scope, ())
    if scope in ("county", "district"):
        # 全县 / 全区: the county or district the article named last
        for place in reversed(article.places_seen):
            if place.level in levels:
                return place
    if scope == "city":
        return article.city()
    if scope == "province":
        return article.province()
    primary = article.primary
    if primary is not None and primary.level in _SCOPE_LEVELS.get(scope, ()):
        return primary
    return None


def _primary_region(article: ArticleContext) -> Region | None:
    return article.primary_region()


def date_for(
    draft: Draft, paragraph: ParagraphContext, sentence_start: int, article: ArticleContext
) -> str | None:
    """The contract's date rule for what the sentence left open."""
    if draft.date is not None or draft.date_final:
        return draft.date
    # 春节前 qualifies a noun (春节前返乡总数) more often than it dates a figure.
    earlier = [
        t for t in paragraph.times
        if t.end <= sentence_start and t.value and t.kind != "spring_festival" and not t.comparison
    ]
    if any(t.as_of for t in earlier):
        # 截至5月19日，…今年新增…；…386家: 今年 (so far) does not undo the cut-off date
        earlier = [t for t in earlier if t.as_of or t.kind not in ("now", "relative_year")]
    if earlier:
        return earlier[-1].value
    return article.published.isoformat() if article.published else None


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
    return {
        "metric": draft.metric,
        "indicator": draft.indicator,
        "value": draft.quantity.value,
        "unit": draft.unit,
        "qualifier": draft.qualifier,
        "kind": draft.kind,
        "projected": draft.projected,
        "subject": draft.subject,
        "sector": paragraph.sector or draft.sector,
        "region": region_for(draft.place, article),
        "date": date_for(draft, paragraph, sentence_offset, article),
        "value_text": value_text,
        "span": (o_start, o_end),
        "evidence": sentence_around(view.original, o_start, o_end),
    }


def level_of(place: Place) -> Level:
    return Level(place.level)
