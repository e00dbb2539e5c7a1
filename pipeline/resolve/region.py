"""Region: the area a figure covers, and the article's primary region.

The contract's rules for a figure, in the order `place_in_sentence` and `region_for` apply them:

1. The most specific area the sentence ties the number to: the last place named before it
   (or the first after it in its clause). Places that say where people come from or go to
   (从四川输送, 湖北籍员工, 香港青年), datelines (西安3月2日电), quoted names (“就在苏州”招聘会), a
   government body's place after another place (阜新市争取辽宁省人社厅支持) and a firm's name after
   the number (130多名上海建工集团的员工) do not count.
2. One number stated for several named areas together (甲县、乙县复工率均超过90%) covers the
   smallest division holding them all (`common_unit`: provinces → 全国; another country among
   them → null). A 分别 list instead pairs each number with its own area, in order
   (`distribute_places`).
3. Areas that are no single division (长三角, 中西部, 外省市) give null (v2). Scope words:
   全国/我国 → 全国 (全台 in Taiwan news → 台湾); 全省 → the article's province;
   全市 → its city; 全县/全区 → the county or district the article named last.
4. A development zone takes the zone itself (its city from the article).
5. Else the place its paragraph ties the account to: the last place named earlier in the
   paragraph (甲市总工会开办培训班……目前已培训300人 → 甲市), v2, or named by the subhead over its
   section (江苏昆山民营企业负责人某某——); a paragraph set in another country wins over the home
   of a firm the article placed (staff abroad, reading 39); 全市/全县 take that paragraph's city
   or county when it names one.
6. Else the article's primary region (`ArticleContext.primary_region`).

The article's primary region (`PrimaryRegionResolver.resolve`), in order: the page's place
hints (dateline, breadcrumb, title; a province hint refined by a city or county inside it;
a capital dateline on a national story → 全国 or 台湾; a city dateline on a province-wide
story → the province); a development zone named in the title; the outlet's own area
(星岛日报 → 香港); then the body: a lead that speaks of the country makes a national story,
else the first place named, unless another is named three times as often.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel

from pipeline.extract.findings import PlaceRef, SentenceFindings
from pipeline.extract.gazetteer import Gazetteer, Place, PlaceMention, common_unit
from pipeline.extract.lexicon import Lexicon
from pipeline.extract.numbers import Quantity
from pipeline.resolve.context import ArticleContext, ParagraphContext, is_county_level_city
from pipeline.resolve.draft import Draft, Quotes, clause, quoted
from pipeline.resources import load_data
from schemas import Region


class RegionWords(BaseModel):
    """The words of `pipeline/data/region_words.yaml` (what each list is for is said there)."""

    origin_words: tuple[str, ...]
    origin_before_scope: tuple[str, ...]
    delegate_words: tuple[str, ...]
    outlet_suffixes: tuple[str, ...]
    list_joiners: tuple[str, ...]
    agency_endings: tuple[str, ...]
    anaphora: tuple[str, ...]
    native_of: tuple[str, ...]
    counterpart_words: tuple[str, ...]
    agreement_words: tuple[str, ...]
    level_endings: tuple[str, ...]
    firm_suffixes: tuple[str, ...]


@functools.cache
def _words() -> RegionWords:
    """Read once per process, on first use (not at import)."""
    return load_data("region_words.yaml", RegionWords)


# 台北報導, 西安3月2日电: the place a report was filed from, not what a number covers
_DATELINE_AFTER = re.compile(r"[\d月日 ]{0,8}(?:电|讯|报道|报导)")
# how far after a place a delegate's title may stand (湖南省…副乡长某某代表)
_DELEGATE_SPAN = 24
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?“”\"（(]")
# 在X(某会展中心)举行: an event held in X
_VENUE_VERB = re.compile(r"[^，。；,;：:]{0,16}?(?:举行|举办|召开|开幕|启幕|开启)")
_VENUE_WORDS = re.compile(r"举行|举办|召开|开幕|启幕|开启")
# the rest of a firm's name after the place it begins with (江苏 + 利锡拉链股份有限公司)
_FIRM_NAME = re.compile(r"[^\W\d的]{1,10}?(?:股份有限公司|有限责任公司|有限公司|集团|公司)")
# 韩国 + 雇佣 + 劳动部: the rest of a ministry's name between a country and an agency word
_AGENCY_PREFIX = re.compile(r"[\u4e00-\u9fff]{1,4}")
# 番禺区的浩洋电子股份有限公司: a firm introduced with its place; its short name (2-8 characters)
_FIRM_INTRODUCED = re.compile(r"的?([^\W\d的]{2,8}?)(?:股份有限公司|有限责任公司|有限公司|集团)")
# 到怒江开展招聘活动: a place one goes to in order to hold an event there is the event's venue
_EVENT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:开展|举办|举行|召开)")
_SCOPE_LEVELS = {"city": ("city",), "province": ("province",), "county": ("county",),
                 "district": ("district", "county")}


# -- rule 1: the sentence's place ------------------------------------------------------
def place_in_sentence(found: SentenceFindings, quantity: Quantity, agency_words: tuple[str, ...]
                      ) -> PlaceRef | None:
    text = found.text
    before = [
        place for place in found.places
        if place.end <= quantity.start and not is_origin(text, place, found.places)
        and not _names_a_firm(text, place, found.places)
        and not is_demonym(found, place) and not _DATELINE_AFTER.match(text, place.end)
        and not is_delegate(text, place.end) and not _counted_zone(text, place)
        and not quoted(text, place.start)
    ]
    if (len(before) > 1 and text.startswith(agency_words, before[-1].end)
            and before[-1].start > before[-2].end):
        before = before[:-1]  # 阜新市争取辽宁省人社厅支持，…3000个: 阜新's figure
    if before:
        last = before[-1]
        if last.scope in ("country", "province", "city", "county", "district") and len(before) > 1:
            named = before[-2]
            gap = text[named.end : last.start]
            if named.scope is None and gap in ("", "的"):
                return named  # 湖北全省, 襄阳全市: the named place is the scope
            if named.scope is None and last.surface.startswith(_words().anaphora):
                return named  # 上海市国资委…本市地域内: 本市/该省 refer to the place just named
            if named.scope is None and last.scope == "country" and _AGENCY_PREFIX.fullmatch(gap) \
                    and last.surface.endswith(_words().agency_endings):
                return named  # 韩国雇佣劳动部: another country's ministry speaks for that country
        return _with_listed(text, before)
    _, clause_end = clause(text, quantity.start, quantity.end)
    after = [
        p for p in found.places
        if quantity.end <= p.start < clause_end and not is_demonym(found, p)
        and not is_origin(text, p, found.places)  # 输送1.1万人赴新疆: a destination
        and not _begins_firm_name(text, p)  # 130多名上海建工集团的员工: whose staff, not where
    ]
    return after[0] if after else None


def _begins_firm_name(text: str, place: PlaceRef) -> bool:
    """A bare place name that begins a firm's name (上海建工集团, not 吉林省舒兰市盛美牧业)."""
    return (place.scope is None and not place.surface.endswith(_words().level_endings)
            and _FIRM_NAME.match(text, place.end) is not None)


def _outermost_dropped(places: Sequence[PlaceRef]) -> list[PlaceRef]:
    """四川成都、重庆: a place written right before another names where that one lies."""
    return [p for i, p in enumerate(places)
            if not (i + 1 < len(places) and places[i + 1].start == p.end and p.scope is None)]


def _with_listed(text: str, before: Sequence[PlaceRef]) -> PlaceRef:
    """The last place before the number, or the list of places it closes (甲县、乙县和丙县)."""
    last = before[-1]
    if last.scope is not None:
        return last
    run = [last]
    for place in reversed(before[:-1]):
        if place.scope is not None or text[place.end : run[0].start] not in _words().list_joiners:
            break
        run.insert(0, place)
    if len(run) < 2:
        return last
    return PlaceRef(run[0].start, last.end, text[run[0].start : last.end],
                    members=tuple(p.surface for p in run))


def _names_a_firm(text: str, place: PlaceRef, places: Sequence[PlaceRef]) -> bool:
    """无锡市惠山区的江苏利锡拉链股份有限公司: a place that begins a firm's name, after a place the
    sentence already named, says nothing finer than that one."""
    # (吉林省舒兰市盛美牧业有限公司: a full name there is the firm's own place)
    return _begins_firm_name(text, place) and any(p.end <= place.start for p in places)


def is_demonym(found: SentenceFindings, place: PlaceRef) -> bool:
    """香港青年, 湖北籍员工, 贵州员工: a place that says where people are from."""
    if place.scope is not None:
        return False
    chain_end = place.end
    for other in found.places:  # 湖北 + 随州 + 人: the places of one chain share its 人
        if other.start == chain_end:
            chain_end = other.end
    if found.text.startswith(_words().native_of, chain_end):
        return True  # 他是湖北随州人，…: where he comes from
    native = found.text.startswith("籍", place.end)
    if not native and place.surface.endswith(("省", "市")):
        return False  # 山东省农民工总量: the province's own workers; 山东籍, 山东 are where from
    follow = place.end + (1 if native else 0)
    return any(n.kind == "person" and (n.start == follow or (n.start == place.start and n.end > place.end))
               for n in found.nouns)  # 湖北籍员工 is also one noun of its own


def _counted_zone(text: str, place: PlaceRef) -> bool:
    """3个保税区, 5个开发区: zones counted by kind, not one named zone."""
    return place.zone and place.start > 0 and text[place.start - 1] in "个座家处"


def is_delegate(text: str, end: int) -> bool:
    """湖南省慈利县副乡长向伟艺代表: the place a delegate comes from, not where figures belong."""
    after = _CLAUSE_END.split(text[end : end + _DELEGATE_SPAN], maxsplit=1)[0]
    return any(word in after.replace("委员会", "") for word in _words().delegate_words)


def is_origin(text: str, place: PlaceRef, places: Sequence[PlaceRef] = ()) -> bool:
    """从四川、云南等地: places workers come from or go to, not what is counted."""
    window = text[max(0, place.start - 3) : place.start]
    if place.scope is not None:  # 来自全国, 员工来自中国 (the country named as 中国: scope china)
        return place.scope in ("country", "china") and window.endswith(_words().origin_before_scope)
    if window.endswith(_words().origin_words):
        return _EVENT_AFTER.match(text, place.end) is None
    earlier = [p for p in places if p.end <= place.start]
    if window.endswith(_words().counterpart_words) and not any(
            p.end == place.start - 1 for p in earlier):
        _, clause_end = clause(text, place.start, place.end)
        # 与北京、沈阳等地的公司签订: a counterpart (甲县与乙县 lists two areas)
        return any(word in text[place.end : clause_end] for word in _words().agreement_words)
    # a list goes on, or a place inside the one just named (青海省海东市): the same origin
    if earlier and text[earlier[-1].end : place.start] in ("", "、", "和", "及", "与", "，"):
        return is_origin(text, earlier[-1], earlier[:-1])
    return False


# -- rule 2: 分别 -------------------------------------------------------------------------
def distribute_places(found: SentenceFindings, drafts: Sequence[Draft], clause_start: int,
                      position: int) -> None:
    """哈尔滨、齐齐哈尔分别为91.3%和88.6%: the i-th number goes with the i-th name."""
    places = _outermost_dropped([p for p in found.places if clause_start <= p.start and p.end <= position])
    if any(is_origin(found.text, p, found.places) for p in places):
        return  # 其中赴新疆、福建务工人员分别为…: destinations, not the figures' places
    if len(places) == len(drafts):
        for draft, place in zip(drafts, places, strict=True):
            draft.place = place


# -- rules 3-5: against the article ----------------------------------------------------
def region_for(ref: PlaceRef | None, article: ArticleContext,
               paragraph: ParagraphContext | None = None) -> Region | None:
    gazetteer = article.gazetteer
    here = paragraph.place if paragraph is not None else None
    abroad = here is not None and here.level == "country"  # 柬埔寨的这座大桥…: another country
    if ref is None and paragraph is not None and paragraph.firm is not None and not abroad:
        # 浩洋电子现有员工…: where the firm is; a Chinese firm's staff abroad work in the host
        # country (reading 39)
        return gazetteer.to_region(paragraph.firm)
    if ref is None:
        return gazetteer.to_region(here) if here is not None else article.primary_region()
    if ref.scope == "none":
        return None  # 长三角, 中西部22个省份: no single division (v2)
    if ref.scope == "china":
        return gazetteer.country()  # 中国, 大陆: the country by name, whoever writes
    if ref.scope == "country":
        if article.primary is not None and "台湾" in (article.primary.name, article.primary.province):
            return gazetteer.to_region(article.primary if article.primary.name == "台湾"
                                       else gazetteer.by_name("台湾")[0])  # 全國 in Taiwan news
        return gazetteer.country()
    if ref.scope is not None:
        target = _paragraph_scope(ref.scope, here, article) or _scope_place(ref.scope, article)
        return gazetteer.to_region(target) if target else article.primary_region()
    context = [p for p in (article.primary, *article.places_seen) if p is not None]
    if ref.members:
        return _common_region(ref.members, context, article)
    story_zone = here or article.primary
    if ref.zone and gazetteer.is_bare_zone(ref.surface) and story_zone is not None and _is_zone(story_zone):
        return gazetteer.to_region(story_zone)  # 园区 in a story about 长沙经开区
    if ref.zone:
        city = article.city() or next(
            (p for p in reversed(article.places_seen) if p.level == "city"), None
        )
        if city is None and article.national:
            return article.primary_region()  # 国家级经济技术开发区: a kind of zone, not one zone
        return gazetteer.to_region(gazetteer.development_zone(ref.surface, city))
    place = gazetteer.resolve(ref.surface, context)
    if place is None:
        return article.primary_region()
    if place not in article.places_seen:
        article.places_seen.append(place)
    return gazetteer.to_region(place)


def _common_region(surfaces: Sequence[str], context: Sequence[Place],
                   article: ArticleContext) -> Region | None:
    gazetteer = article.gazetteer
    places = [gazetteer.resolve(surface, context) for surface in surfaces]
    known = [p for p in places if p is not None]
    if len(known) < len(places):
        return article.primary_region() if not known else gazetteer.to_region(known[-1])
    unit = common_unit(known, gazetteer)
    if unit == "country":
        return gazetteer.country()
    return gazetteer.to_region(unit) if unit is not None else None


def _paragraph_scope(scope: str, here: Place | None, article: ArticleContext) -> Place | None:
    """全市 in a paragraph about 襄阳: 襄阳, not the article's city."""
    if here is None or here.level == "country":
        return None
    if here.level in _SCOPE_LEVELS.get(scope, ()):
        return here
    if scope == "city" and is_county_level_city(here):
        return here  # 全市 in a paragraph about 井冈山市: a county-level city is a 市 of its own
    if scope == "city" and here.level in ("county", "district") and here.parent:
        parents = [p for p in article.gazetteer.by_name(here.parent) if p.level == "city"]
        return parents[0] if parents else None
    return None


_SUBJECT_SPAN = 12  # a place within this many characters of a sentence's start is its subject
# a clause of time words only that opens a sentence (5月1日早晨6时，2月10日一大早，): the subject
# span starts after it
_OPENING_TIME = re.compile(
    r"(?:[\d年月日时分点半号上中下午早晚凌晨傍夜间今明昨去前当天一大初底末旬]|期间|以来){2,16}[，,]")
_ZONE_ROOM = 12  # characters past the subject span a zone's name may need


def paragraph_place(gazetteer: Gazetteer, sentence: str, context: Sequence[Place]) -> Place | None:
    """The place a sentence is about, for the sentences after it in its paragraph: the last
    place named in its subject position (甲市总工会开办培训班), not origins, datelines or quotes.
    A place named in passing later in a sentence (比如上海) does not carry."""
    venue = _venue_place(gazetteer, sentence, context)
    if venue is not None:
        return venue  # 招聘会在官渡区…举行: the district that hosts the event (v2)
    found: Place | None = None
    lead = len(sentence) - len(sentence.lstrip(" \u3000“”\"'（(【"))
    opening = _OPENING_TIME.match(sentence, lead)
    if opening:  # 5月1日早晨6时，西安市长安区郭杜环卫站……: the subject starts after the time
        lead = opening.end()
    origin_end = -1
    # the subject span, and room for a zone's name that starts in it (长沙经开区)
    for mention in gazetteer.scan(sentence[: lead + _SUBJECT_SPAN + _ZONE_ROOM]):
        if mention.start >= lead + _SUBJECT_SPAN:
            break
        if quoted(sentence, mention.start) or sentence.startswith(_words().outlet_suffixes, mention.end):
            continue  # “就在苏州”, 长沙晚报: a name, not the place the sentence is about
        if mention.zone:
            if not gazetteer.is_bare_zone(mention.surface):  # 长沙经开区今年新增就业…
                city = next((p for p in reversed(context) if p.level == "city"), None)
                found = gazetteer.development_zone(mention.surface, city)
            continue
        window = sentence[max(0, mention.start - 3) : mention.start]
        if window.endswith(_words().origin_words) or mention.start == origin_end:
            origin_end = mention.end  # 从内蒙古赤峰老家: the whole chain names an origin
            continue
        if _DATELINE_AFTER.match(sentence, mention.end) or sentence.startswith("籍", mention.end):
            continue
        if is_delegate(sentence, mention.end):
            continue
        # 西安市长安区: the place named just before settles which 长安区
        place = gazetteer.resolve(mention.surface, [*context, found] if found else context)
        if place is None:
            continue
        if (found is not None and place.name in (found.parent, found.province)
                and _FIRM_NAME.match(sentence, mention.end)):
            continue  # 位于南通市的江苏大生集团: a firm named for the province of its place
        found = place
    return found


def _is_zone(place: Place | None) -> bool:
    """A development zone as the gazetteer makes it: a district-level place with no code."""
    return place is not None and place.level == "district" and place.code is None


def _venue_place(gazetteer: Gazetteer, sentence: str, context: Sequence[Place]) -> Place | None:
    """The place after 在 of an event held there (在官渡区昆明国际会展中心举行)."""
    if "在" not in sentence or not _VENUE_WORDS.search(sentence):
        return None
    for mention in gazetteer.scan(sentence):
        if mention.zone or not sentence.endswith("在", 0, mention.start):
            continue
        if _VENUE_VERB.match(sentence, mention.end):
            return gazetteer.resolve(mention.surface, context)
    return None


def _scope_place(scope: str, article: ArticleContext) -> Place | None:
    levels = _SCOPE_LEVELS.get(scope, ())
    if scope in ("county", "district"):
        # 全县 / 全区: the county or district the article named last
        for place in reversed(article.places_seen):
            if place.level in levels:
                return place
    if scope in ("city", "province"):
        own = article.city() if scope == "city" else article.province()
        if own is not None:
            return own
        # 陕西省人社厅负责人介绍，“…全省联动…”: in a national story, the one the article named last
        return next((p for p in reversed(article.places_seen) if p.level in levels), None)
    primary = article.primary
    if primary is not None and primary.level in _SCOPE_LEVELS.get(scope, ()):
        return primary
    return None


def learn_places(gazetteer: Gazetteer, sentence: str, article: ArticleContext) -> None:
    """Places named so far: 全县 refers to the county the article just named; and the place
    of each firm the text introduces with it (位于广州市番禺区的浩洋电子股份有限公司)."""
    context = [p for p in (article.primary, *article.places_seen[-3:]) if p is not None]
    mentions = [m for m in gazetteer.scan(sentence) if not m.zone]
    for index, mention in enumerate(mentions):
        place = gazetteer.resolve(mention.surface, context)
        if place is None:
            continue
        article.places_seen.append(place)
        _learn_firm(sentence, mentions, index, place, article)


def learn_firms(gazetteer: Gazetteer, sentence: str, article: ArticleContext) -> None:
    """The firms a sentence without figures introduces with their place (a scene's opening)."""
    if not any(suffix in sentence for suffix in _words().firm_suffixes):
        return
    context = [p for p in (article.primary, *article.places_seen[-3:]) if p is not None]
    mentions = [m for m in gazetteer.scan(sentence) if not m.zone]
    for index, mention in enumerate(mentions):
        if _FIRM_INTRODUCED.match(sentence, mention.end):
            place = gazetteer.resolve(mention.surface, context)
            if place is not None:
                _learn_firm(sentence, mentions, index, place, article)


def _learn_firm(sentence: str, mentions: Sequence[PlaceMention], index: int, place: Place,
                article: ArticleContext) -> None:
    mention = mentions[index]
    if index + 1 < len(mentions) and mentions[index + 1].start == mention.end:
        return  # 吉林省舒兰市盛美牧业: the finer place right after it introduces the firm
    firm = _FIRM_INTRODUCED.match(sentence, mention.end)
    if firm is not None:
        article.firm_places[firm.group(1)] = place


def firm_place(sentence: str, article: ArticleContext) -> Place | None:
    """浩洋电子现有员工约1000人: a firm the text placed earlier takes its place along (the
    sentence names no place of its own; the longest name the sentence holds wins)."""
    names = [name for name in article.firm_places if name in sentence]
    return article.firm_places[max(names, key=len)] if names else None


# -- the article's primary region ----------------------------------------------------------
class PrimaryRegionResolver:
    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon

    def resolve(self, place_hints: Sequence[str], title: str | None, outlet: str | None,
                text: str, paragraphs: Sequence[str], traditional: bool = False
                ) -> tuple[Place | None, bool]:
        """The article's primary region, and whether it is a national story.

        `text` is the whole analysis text, `paragraphs` the body paragraphs of it.
        """
        hinted: Place | None = None
        for hint in place_hints:
            covered = self.lexicon.capital_region(hint, text)
            if covered == "全国" and hinted is None:
                return None, True
            place = self.gazetteer.resolve(covered or hint, [hinted] if hinted else [])
            if place is None:
                continue
            if hinted is None:
                hinted = place
            elif (hinted.level == "province" and place.level in ("city", "county")
                  and place.province == hinted.name):
                hinted = place  # 新疆墨玉: the title's county inside the province hinted first
            elif (hinted.level == "city" and place.level in ("district", "county")
                  and place.parent == hinted.name):
                hinted = place  # 沈阳市沈河区: the title's district inside the city hinted first
        body = "".join(paragraphs)
        if hinted is not None and hinted.level == "city":
            hinted = self._province_story(hinted, body) or hinted
        zone = self._title_zone(title, hinted)
        if zone is not None:
            return zone, False
        if hinted is not None:
            return hinted, False
        outlet_place = self.lexicon.outlet_region(outlet) or self._local_outlet(outlet)
        if outlet_place is not None:
            return self.gazetteer.resolve(outlet_place), False
        lead = (title or "") + text[:300] + "".join(paragraphs[:2])  # the page head names the agency
        if any(marker in lead for marker in self.lexicon.modifiers.taiwan_markers) or (
                traditional and "劳动部" in lead):
            return self.gazetteer.resolve("台湾"), False  # 劳动部/主计总处 release with no place: 台湾
        lead = "".join(paragraphs[:2])
        lead_places = sum(1 for m in self.gazetteer.scan(lead) if not m.zone)
        weight = self.lexicon.national_weight(lead)
        if weight > lead_places and (weight >= 2 or lead_places == 0):
            return None, True  # the lead speaks of the country, not of a place
        # read only now: a national lead needs no body places (they are pure, so the order
        # changes nothing but the work)
        body_places = self._body_places(body)
        first, _ = self._first_body_place(body_places)
        if first is not None and self._title_place(title) is None and self._spans_provinces(body_places):
            return None, True  # a story whose body names places in several provinces: national (v2)
        return first, False

    def _title_place(self, title: str | None) -> Place | None:
        """The first place the title names (not a zone, not quoted), or None."""
        for mention in self.gazetteer.scan(title or ""):
            if mention.zone or quoted(title or "", mention.start):
                continue
            place = self.gazetteer.resolve(mention.surface)
            if place is not None:
                return place
        return None

    def _spans_provinces(self, body_places: Sequence[Place]) -> bool:
        """The body names places of China in more than one province."""
        places = [p for p in body_places if p.level != "country"]
        return len(places) > 1 and common_unit(places, self.gazetteer) == "country"

    def _local_outlet(self, outlet: str | None) -> str | None:
        """大庆日报, 天水日报: a local outlet's own area (v2), named at the start of its name."""
        if not outlet:
            return None
        mentions = self.gazetteer.scan(outlet)
        if not mentions or mentions[0].start != 0 or mentions[0].zone:
            return None
        if not outlet.endswith(self.lexicon.modifiers.local_outlet_suffixes):
            return None
        return mentions[0].surface

    def _province_story(self, city: Place, body: str) -> Place | None:
        """本报广州…电 on a story about all of 广东: the province, when the body says so."""
        if not city.province:
            return None
        province = self.gazetteer.by_name(city.province)
        if not province:
            return None
        city_weight = body.count(self.gazetteer.short_name(city))
        province_weight = body.count(self.gazetteer.short_name(province[0])) + body.count("全省")
        return province[0] if province_weight > max(2, city_weight) else None

    def _title_zone(self, title: str | None, city: Place | None) -> Place | None:
        """A development zone the title names (苏州工业园区一季度...): the article is about it."""
        if not title:
            return None
        for mention in self.gazetteer.scan(title):
            if mention.zone:
                return self.gazetteer.development_zone(mention.surface, city)
            place = self.gazetteer.resolve(mention.surface, [city] if city else [])
            if place is not None and place.level == "district" and place.code is None:
                return place  # a named zone of the gazetteer's supplements
        return None

    @staticmethod
    def _first_body_place(places: Sequence[Place]) -> tuple[Place | None, int]:
        """The first place the body names (辽宁省阜新市 -> 阜新市), and how often it is named.

        A place named in passing first (辽宁阜新蒙古族自治县职业高中) gives way to one the
        body names at least three times as often.
        """
        if not places:
            return None, 0
        counts = Counter(places)
        first = places[0]
        frequent, often = counts.most_common(1)[0]
        if often >= 3 and often >= 3 * counts[first]:
            return frequent, often
        return first, counts[first]

    def _body_places(self, body: str) -> list[Place]:
        """The places the body names, in order, not origins or quotes; 辽宁省阜新市 -> 阜新市."""
        quotes = Quotes(body)
        mentions = [
            m for m in self.gazetteer.scan(body)
            if not m.zone and not is_origin(body, PlaceRef(m.start, m.end, m.surface))
            and not quotes.quoted(m.start)
        ]
        places: list[Place] = []
        outer: Place | None = None  # the place written right before this one (新疆 + 阿克苏地区)
        for index, mention in enumerate(mentions):
            place = self.gazetteer.resolve(mention.surface, [outer] if outer else [])
            outer = None
            if place is None:
                continue
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if following is not None and following.start == mention.end:
                inner = self.gazetteer.resolve(following.surface, [place])
                if inner is not None and place.name in (inner.province, inner.parent):
                    outer = place  # 新疆阿克苏地区乌什县: only the innermost of a chain is named
                    continue
            places.append(place)
        return places
