"""The article context and the paragraph state the resolvers read, each computed once.

`ArticleContext`: the publication date, the primary region (or a national story), the
outlet, and what the article has named so far (places, firms; the last date and period it
named are followed by the Extractor, part by part).
`ParagraphContext`: a paragraph's sector framing, its time mentions, and the topic that
carries through it (减班休息 → the furlough metrics of the sentences after it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.extract.gazetteer import Gazetteer, Place
from pipeline.extract.lexicon import Topic
from pipeline.extract.timex import TimeMention
from schemas import Region, Sector


def is_county_level_city(place: Place) -> bool:
    """井冈山市, 明光市: a city at county level, itself the 市 that 全市 names."""
    return place.level == "county" and place.name.endswith("市")


@dataclass
class ArticleContext:
    """What the whole article tells: its publication date and its places."""

    published: dt.date | None
    primary: Place | None
    gazetteer: Gazetteer
    national: bool = False  # a national story: records default to 全国
    outlet: str | None = None
    places_seen: list[Place] = field(default_factory=list)
    carried_place: Place | None = None  # a speaker's place, carried into their numbered points
    section_place: Place | None = None  # the place a subhead names (江苏昆山民营企业负责人某某——)
    # the last place inside the subhead's that a paragraph of the section named (福建 → 这里是福建漳州)
    section_scene: Place | None = None
    firm_places: dict[str, Place] = field(default_factory=dict)  # 浩洋电子 -> 番禺区, as introduced
    targets_follow: bool = False  # the text just announced targets (预期目标是：): what follows is projected
    # the text names a lead-in of targets somewhere (目标是, 力争实现): else none is announced
    names_targets: bool = True

    def primary_region(self) -> Region | None:
        if self.national:
            return self.gazetteer.country()
        return self.gazetteer.to_region(self.primary) if self.primary else None

    def city(self) -> Place | None:
        place = self.primary
        if place is not None and is_county_level_city(place):
            return place  # 井冈山市: a county-level city is the 市 of 全市
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
    topic: Topic | None = None  # the topic the paragraph carries (减班休息 -> the furlough metrics)
    place: Place | None = None  # the last place the paragraph named before the current sentence
    firm: Place | None = None  # the place of a firm the current sentence names (set per sentence)
    # for an item of a ——list: the time its lead-in paragraph names last, asked when a figure
    # of the item finds no time before it in the item
    lead_period: Callable[[], str | None] | None = None
