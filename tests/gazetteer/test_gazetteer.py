"""The gazetteer: look-up, disambiguation, scanning and development zones."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import ConfigError
from pipeline.extract.gazetteer import Gazetteer, Place, RegionsTable, Supplement
from pipeline.resources import load_data
from schemas import Level, Region


@pytest.mark.parametrize(
    ("surface", "name", "level", "code", "parent"),
    [
        ("林甸", "林甸县", "county", "230623", "大庆市"),
        ("林甸县", "林甸县", "county", "230623", "大庆市"),
        ("大庆", "大庆市", "city", "230600", "黑龙江省"),
        ("黑龙江", "黑龙江省", "province", "230000", None),
        ("章丘区", "章丘区", "district", "370114", "济南市"),
        ("章丘", "章丘区", "district", "370114", "济南市"),
        ("香港", "香港特别行政区", "province", "810000", None),
        ("澳门", "澳门特别行政区", "province", "820000", None),
        ("台湾", "台湾", "province", "710000", None),
        ("台北", "台北市", "city", None, "台湾"),
        ("花莲", "花莲县", "county", None, "台湾"),
        ("内蒙古", "内蒙古自治区", "province", "150000", None),
        ("广西", "广西壮族自治区", "province", "450000", None),
        ("延边", "延边朝鲜族自治州", "city", "222400", "吉林省"),
        ("延边州", "延边朝鲜族自治州", "city", "222400", "吉林省"),
        ("黔西南", "黔西南布依族苗族自治州", "city", "522300", "贵州省"),
        ("石柱", "石柱土家族自治县", "county", "500240", "重庆市"),
        ("神农架", "神农架林区", "county", "429021", "湖北省"),
        ("六枝", "六枝特区", "county", "520203", "六盘水市"),
        ("仙桃", "仙桃市", "county", "429004", "湖北省"),
        ("海淀", "海淀区", "district", "110108", "北京市"),
        ("吉林", "吉林省", "province", "220000", None),
        ("襄樊", "襄阳市", "city", "420600", "湖北省"),
    ],
)
def test_gazetteer_resolve_known_places(
    gazetteer: Gazetteer, surface: str, name: str, level: str, code: str | None,
    parent: str | None,
) -> None:
    place = gazetteer.resolve(surface)
    assert place is not None, surface
    assert (place.name, place.level, place.code, place.parent) == (name, level, code, parent)


@pytest.mark.parametrize(
    ("surface", "context", "code"),
    [
        ("朝阳区", ["北京市"], "110105"),
        ("朝阳区", ["长春市"], "220104"),
        ("朝阳区", ["吉林省"], "220104"),
        ("朝阳区", ["辽宁省"], None),  # neither 朝阳区 lies in 辽宁: still ambiguous
        ("朝阳区", [], None),
        ("朝阳", ["北京市"], "110105"),
        ("朝阳", ["辽宁省"], "211300"),  # 朝阳市 over 朝阳县 in the same province
        ("朝阳", ["朝阳市"], "211300"),
        ("朝阳", [], "211300"),  # no context: the highest level
        ("鼓楼区", ["福州市"], "350102"),
        ("鼓楼区", ["江苏省"], None),  # 南京 and 徐州 both have one
        ("鼓楼区", ["徐州市", "江苏省"], "320302"),
        ("市中区", ["济南市"], "370103"),
        ("吉林", ["长春市"], "220000"),  # 吉林省 and 吉林市 both in 吉林省: higher level
        ("吉林", ["吉林市"], "220200"),  # the namesake the article has named
        ("海南", ["青海省"], "460000"),  # a province's short form: not 青海's 海南藏族自治州
        ("河北", ["天津市"], "130000"),  # nor 天津's 河北区
    ],
)
def test_gazetteer_resolve_uses_context(
    gazetteer: Gazetteer, place_of: Callable[[str], Place], surface: str,
    context: list[str], code: str | None,
) -> None:
    place = gazetteer.resolve(surface, [place_of(name) for name in context])
    assert (place.code if place else None) == code


def test_gazetteer_unknown_surface_has_no_candidates(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("火星") == []
    assert gazetteer.resolve("火星") is None


@pytest.mark.parametrize(
    ("code", "name", "level"),
    [
        ("230623", "林甸县", "county"),
        ("110105", "朝阳区", "district"),
        ("150000", "内蒙古自治区", "province"),
    ],
)
def test_gazetteer_by_code(gazetteer: Gazetteer, code: str, name: str, level: str) -> None:
    place = gazetteer.by_code(code)
    assert place is not None and (place.name, place.level) == (name, level)


def test_gazetteer_covers_the_division_table(gazetteer: Gazetteer) -> None:
    levels = [p.level for p in gazetteer.places if p.code and p.code != "710000"]
    assert levels.count("province") == 33
    assert levels.count("city") == 333
    assert levels.count("county") + levels.count("district") == 2845


def test_gazetteer_province_of_municipality_district(gazetteer: Gazetteer) -> None:
    place = gazetteer.by_code("500101")  # 万州区
    assert place is not None
    assert (place.parent, place.province, place.level) == ("重庆市", "重庆市", "district")


def test_gazetteer_scan_offsets(gazetteer: Gazetteer) -> None:
    text = "黑龙江省大庆市林甸县今年新增就业500人，章丘区和香港、台北也有报道。"
    mentions = gazetteer.scan(text)
    expected = ["黑龙江省", "大庆市", "林甸县", "章丘区", "香港", "台北"]
    assert [m.surface for m in mentions] == expected
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert gazetteer.candidates(mention.surface)


def test_gazetteer_scan_offsets_after_astral_characters(gazetteer: Gazetteer) -> None:
    # the automaton counts code points, as str does, also past characters outside the BMP
    text = "😀𠀀北京市和长岭村、大庆高新区"
    mentions = gazetteer.scan(text)
    assert [(m.start, m.surface, m.zone) for m in mentions] == [(2, "北京市", False),
                                                                  (10, "大庆高新区", True)]
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    assert gazetteer.head_starts(text)[0] == 2


def test_gazetteer_scan_prefers_longest(gazetteer: Gazetteer) -> None:
    mentions = gazetteer.scan("林甸县和大庆油田")
    assert [(m.start, m.end, m.surface) for m in mentions] == [(0, 3, "林甸县"), (4, 6, "大庆")]


@pytest.mark.parametrize(
    "text",
    ["中方愿同各方加强合作", "世界和平与发展", "新华社记者报道", "长治久安", "走近世界舞台中央",
     "城区和郊区", "弘扬中华文化", "东方文化", "市中心", "真金白银为企业减负"],
)
def test_gazetteer_scan_skips_common_words(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.scan(text) == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [("国务院决定延长春节假期", "长春"), ("我国交通基建水平整体提升", "建水"),
     ("面对复杂多变的外部环境", "杂多"), ("维护金融安全", "融安"), ("农民丰收节", "民丰"),
     # a given name between a surname and a speech verb
     ("王岐山表示，推进改革", "岐山"), ("刘连云介绍，镇上一年", "连云"), ("黄桂林说", "桂林"),
     ("董事长盛玉林来到车间", "玉林"), ("（记者韩朝阳）", "朝阳")],
)
def test_gazetteer_scan_skips_short_form_across_two_words(
    gazetteer: Gazetteer, text: str, absent: str
) -> None:
    assert absent not in [m.surface for m in gazetteer.scan(text)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [("长春企业复工", "长春"), ("重庆港至上海港之间", "上海"), ("建水县的企业", "建水县"),
     ("在长春，春节期间", "长春")],
)
def test_gazetteer_scan_keeps_short_form_of_a_frequent_place(
    gazetteer: Gazetteer, text: str, surface: str
) -> None:
    assert surface in [m.surface for m in gazetteer.scan(text)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("大庆高新区新增岗位", "大庆高新区"),
        ("在哈尔滨新区工作", "哈尔滨新区"),
        ("经济技术开发区的企业", "经济技术开发区"),
        ("无锡工业园区", "无锡工业园区"),
    ],
)
def test_gazetteer_scan_finds_zones(gazetteer: Gazetteer, text: str, surface: str) -> None:
    zones = [m for m in gazetteer.scan(text) if m.zone]
    assert [m.surface for m in zones] == [surface]


def test_gazetteer_scan_zone_needs_place_when_not_standalone(gazetteer: Gazetteer) -> None:
    assert gazetteer.scan("城市新区建设") == []


def test_gazetteer_full_district_name_is_not_a_zone(gazetteer: Gazetteer) -> None:
    mentions = gazetteer.scan("浦东新区")
    assert [(m.surface, m.zone) for m in mentions] == [("浦东新区", False)]


@pytest.mark.parametrize(
    ("surface", "city", "name", "parent"),
    [
        ("高新区", "大庆市", "大庆高新技术产业开发区", "大庆市"),
        ("大庆高新区", None, "大庆高新技术产业开发区", "大庆市"),
        ("大庆市高新区", None, "大庆高新技术产业开发区", "大庆市"),
        ("长沙经开区", None, "长沙经济技术开发区", "长沙市"),
        ("经济技术开发区", "哈尔滨市", "哈尔滨经济技术开发区", "哈尔滨市"),
        ("高新区", None, "高新区", None),
    ],
)
def test_gazetteer_development_zone(
    gazetteer: Gazetteer, place_of: Callable[[str], Place], surface: str, city: str | None,
    name: str, parent: str | None,
) -> None:
    zone = gazetteer.development_zone(surface, place_of(city) if city else None)
    assert (zone.name, zone.level, zone.code, zone.parent) == (name, "district", None, parent)


def test_gazetteer_to_region(gazetteer: Gazetteer, place_of: Callable[[str], Place]) -> None:
    region = gazetteer.to_region(place_of("林甸县"))
    assert region == Region(name="林甸县", level=Level.county, code="230623", parent="大庆市")
    assert Gazetteer.country().model_dump() == {
        "name": "全国", "level": Level.country, "code": None, "parent": None,
    }


_ALPHABET = "黑龙江省大庆市林甸县章丘区北京朝阳高新区新中和平台湾香港，。 a1"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_gazetteer_scan_offsets_property(gazetteer: Gazetteer, text: str) -> None:
    previous_end = 0
    for mention in gazetteer.scan(text):
        assert 0 <= previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.surface
        previous_end = mention.end


def test_gazetteer_bad_supplement_is_a_config_error(gazetteer: Gazetteer) -> None:
    table = load_data("regions.yaml", RegionsTable).model_copy(deep=True)
    table.supplements.append(Supplement(name="某某市", level="city", parent="不存在省"))
    with pytest.raises(ConfigError, match="不存在省"):
        Gazetteer.load(table)
