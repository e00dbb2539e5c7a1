"""The region resolver against contract v2's rules, with made-up sentences."""

from __future__ import annotations

import pytest

from tests.resolve.conftest import Extract, Find


@pytest.mark.parametrize(
    ("body", "surface", "name", "level"),
    [
        # several areas together: the smallest division holding them all
        ("让胡路区、萨尔图区规上企业复工率均超过90%。", "90%", "大庆市", "city"),
        ("江苏、山东、福建等省份规上工业企业复工率已超过70%。", "70%", "全国", "country"),
        # a paragraph's place carries to the sentences after it
        ("林甸县人社局开办技能培训班。目前已培训300人。", "300人", "林甸县", "county"),
        # a firm introduced with its place takes that place along, paragraphs later
        ("记者来到位于林甸县的浩洋电子股份有限公司。\n公司实行封闭式管理。\n浩洋电子现有员工约1000人，目前到岗700多人。",
         "700多人", "林甸县", "county"),
        # descent (非洲裔) names a group of people, not an area that has no single division
        ("美国劳工部数据显示，美国非洲裔失业率为16.7%，拉美裔失业率为18.9%。", "18.9%", "美国", "country"),
        # a foreign country's 全国 is that country
        ("该项目包括斯里兰卡全国13家医院的设施建设，直接或间接增加数百个工作岗位。", "数百个", "斯里兰卡", "country"),
        # a bare place that begins a firm's name after a finer place says nothing finer
        ("疫情防控中，大庆市让胡路区的黑龙江利锡拉链股份有限公司用工缺口达100多人。", "100多人", "让胡路区", "district"),
        # ...but a full name before the firm is the firm's own place
        ("吉林省舒兰市盛美牧业有限公司2月6日复工，目前到岗人数超过500人。", "500人", "舒兰市", "county"),
        # a paired area (对口扶贫地) is where people come from; a place one goes to for an event hosts it
        ("让胡路区与对口扶贫地青海省海东市举行专场招聘，点对点输送82名贫困劳动力前来就业。",
         "82名", "让胡路区", "district"),
        ("组织珠海企业到林甸县开展劳动力转移对接招聘活动40场次。", "40场次", "林甸县", "county"),
        # a counterpart the sentence signs with (与…签订) is not the figure's place; co-hosts are
        ("林甸县就业服务局与北京、沈阳等地的家政公司签订了合同，今年培训月嫂2000人。", "2000人", "林甸县", "county"),
        ("大庆大学与武汉某学院联合举办空中双选会，邀请317家企业参加。", "317家", "武汉市", "city"),
        # the usual short form of an autonomous county that takes a character of the people's name
        ("阜蒙县就业服务局开设了18期培训班，每年培训2000人。", "2000人", "阜新蒙古族自治县", "county"),
        # 湖北籍员工 says where the workers come from, whichever way the noun is read
        ("让胡路区对新招用湖北籍员工的企业，每人给予1,000元一次性吸纳就业补贴。", "1,000元", "让胡路区", "district"),
        # a long quote is speech: its places are places (a short one is a name)
        ("“公司在东莞的生产基地又扩产了，据说有1000多人的用工需求，机遇很多。”", "1000多人", "东莞市", "city"),
        # 区里/市里 are scope words for the district or city the text is about
        ("惠山区人社局局长说，区里推出促进用工的八条政策，对外地员工给予每人500元交通补助。",
         "500元", "惠山区", "district"),
        # counterparts of a host (对接…等地的N家企业) and origins (来自全国…) are not the figure's place
        ("贵州册亨县举办专场招聘会，对接浙江、广东、福建等地的20多家企业，提供2000多个就业岗位。",
         "20多家", "册亨县", "county"),
        ("招聘会在吉林长春启动，来自全国31个省份的1012家单位参会。", "1012家", "长春市", "city"),
        # a paragraph that opens with a quote goes on with the scene of the one before it
        ("老李家住林甸县宏伟乡，去年到镇上的电线厂打工。\n“我们今年招募了6名就业困难人员。”人事经理说。",
         "6名", "林甸县", "county"),
        # 全县 in a paragraph about a county
        ("杜尔伯特县积极组织返岗。截至3月8日，全县返岗务工人员2.1万人。", "2.1万人", "杜尔伯特蒙古族自治县", "county"),
        # a national agency's figure is national
        ("人社部数据显示，一季度城镇新增就业229万人。", "229万人", "全国", "country"),
        # another country
        ("在埃及，巨石公司为当地创造2000余个就业岗位。", "2000余个", "埃及", "country"),
        # a chain of places names its innermost (新疆阿克苏地区乌什县 -> 乌什县)
        # another country's ministry speaks for that country, not for 全国
        ("韩国雇佣劳动部发布的报告预测，10年间劳动人口将减少260万人。", "260万人", "韩国", "country"),
        # a province with its level word before its workers is their place (山东籍, 贵州员工 are origins)
        ("陈雪萍是山东济南的一家建筑企业班组长。\n2025年，山东省农民工总量为2377.9万人。", "2377.9万人",
         "山东省", "province"),
        # zones counted by kind (3个保税区) are no named zone
        ("截至2月23日，重庆已封关运行的3个保税区共复工企业69家。", "69家", "重庆市", "province"),
        # the district that hosts an event is the paragraph's place
        ("2月17日，大庆市专场招聘会在让胡路区会展中心举行。招聘会吸引了280余家用人单位参会。",
         "280余家", "让胡路区", "district"),
        # a named zone carries; a bare zone word (园区) refers to it
        ("截至5月19日，长沙经开区今年新增就业15260人；园区规模以上工业企业达386家。",
         "386家", "长沙经济技术开发区", "district"),
    ],
)
def test_region_v2_rules(record: Find, body: str, surface: str, name: str, level: str) -> None:
    region = record(body, surface).region
    assert region is not None
    assert (region.name, region.level.value) == (name, level)


def test_region_v2_separate_lists_pair_in_order(record: Find) -> None:
    body = "让胡路区、萨尔图区返岗人数分别为3000人和2000人。"
    assert record(body, "3000人").region.name == "让胡路区"  # type: ignore[union-attr]
    assert record(body, "2000人").region.name == "萨尔图区"  # type: ignore[union-attr]


def test_region_v2_a_list_pairs_across_thousands_separators(record: Find) -> None:
    # the comma of 3,600 groups digits: it ends no clause, so both numbers are of the list
    body = "全市累计输送外地务工人员1.2万名，其中让胡路区、萨尔图区分别输送3,600人和2,450人。"
    assert record(body, "2,450人").region.name == "萨尔图区"  # type: ignore[union-attr]


def test_region_v2_origin_places_do_not_count(record: Find) -> None:
    region = record("从四川、云南等地接回务工人员3000人。", "3000人").region
    assert region is not None and region.name == "大庆市"


def test_region_v2_staff_from_china_abroad_are_counted_where_they_work(record: Find) -> None:
    # 来自中国 says where the staff come from; the figure stays with the article's place
    body = "整个公司只有25名员工来自中国，其余的350多名员工全都是从当地雇用的。"
    for surface in ("25名", "350多名"):
        region = record(body, surface).region
        assert region is not None and region.name == "大庆市"


@pytest.mark.parametrize(("title", "name"), [
    ("回访辽宁沈阳市沈河区滨河街道多福社区", "沈河区"),
    ("沈阳市就业形势稳定", "沈阳市"),
])
def test_region_v2_a_title_chain_of_city_and_district_is_the_district(
        extract: Extract, title: str, name: str) -> None:
    document = extract("2019年，全区城镇新增就业1.68万人，超额完成全年任务。",
                       head="2020-01-07 09:00:00 来源：人民日报\n", title=title)
    assert document.article.region is not None and document.article.region.name == name


def test_region_v2_every_list_of_a_sentence_pairs_in_order(record: Find) -> None:
    body = "肇州县、肇源县分别输转3.8万人、4.1万人，林甸县、杜尔伯特县分别输转6.2万人、5.3万人。"
    assert record(body, "4.1万人").region.name == "肇源县"  # type: ignore[union-attr]
    assert record(body, "6.2万人").region.name == "林甸县"  # type: ignore[union-attr]


def test_region_v2_a_place_inside_another_is_one_place_of_a_list(record: Find) -> None:
    body = "黑龙江大庆、哈尔滨分别开发见习岗位2.1万个、1.9万个。"
    assert record(body, "2.1万个").region.name == "大庆市"  # type: ignore[union-attr]


def test_region_v2_a_list_of_destinations_pairs_no_place(record: Find) -> None:
    body = "全市输送务工人员4.2万人，其中赴新疆、福建务工人员分别为1.1万人、0.9万人。"
    assert record(body, "1.1万人").region.name == "大庆市"  # type: ignore[union-attr]
    assert record(body, "0.9万人").metric.value == "workers_transported"


def test_region_v2_a_delegates_place_sets_no_figure(record: Find) -> None:
    body = "人民大会堂里，湖南省张家界市慈利县副乡长向伟艺代表在数据下画上记号：城镇新增就业1352万人。"
    region = record(body, "1352万人").region
    assert region is None or region.name not in ("慈利县", "张家界市", "湖南省")


def test_region_v2_a_body_across_provinces_is_a_national_story(record: Find) -> None:
    body = "湖南长沙的工厂已复工。\n广东佛山的工厂也已复工。\n全行业返岗员工已达300万人。"
    region = record(body, "300万人", head="来源：某某网\n").region
    assert region is not None and region.name == "全国"


@pytest.mark.parametrize(
    ("body", "surface", "name"),
    [
        # in Taiwan news 全國 is Taiwan, but 中國/大陸 name the country
        ("根據分析師估計，中國今年第1季製造業勞工薪資漲幅可能趨緩至7.3%。", "7.3%", "全国"),
        ("勞動部統計，全國實施減班休息事業單位計1,628家。", "1,628家", "台湾"),
    ],
)
def test_region_v2_china_by_name_in_taiwan_news(record: Find, body: str, surface: str, name: str) -> None:
    region = record(body, surface, head="發布日期：2017-03-01　來源：聯合報\n").region
    assert region is not None and region.name == name


def test_region_v2_a_chain_of_places_names_its_innermost(record: Find) -> None:
    body = "新疆阿克苏地区乌什县阿克托海乡吉格代力克村，过去自然条件恶劣。\n合作社吸纳230名村民就业。"
    found = record(body, "230名", head="2020-01-08 09:00:00\n")
    assert found.region is not None and found.region.name == "乌什县"


def test_region_v2_a_place_name_across_two_words_is_no_place(record: Find) -> None:
    found = record("易地扶贫搬迁安置点吸纳就业300人。", "300人")  # 搬迁 + 安置, not 迁安市
    assert found.region is None or found.region.name != "迁安市"


def test_region_v2_qizhong_is_no_place_name(record: Find) -> None:
    found = record("五省出台政策，其中江西、辽宁已经有1339人领到失业补助金。", "1339人")  # not 中江县
    assert found.region is not None and found.region.name == "全国"


def test_region_v2_ben_shi_points_back_to_the_place_just_named(record: Find) -> None:
    body = "截至2月中旬，北京已有近七成食品企业复产；上海市国资委监管企业本市地域内职工复工达70万人左右。"
    found = record(body, "70万人", head="2020-02-20 09:00:00\n")
    assert found.region is not None and found.region.name == "上海市"


def test_region_v2_a_continent_is_no_single_division(record: Find) -> None:
    found = record("据统计，欧洲中小企业超过2000万家，复工缓慢。", "2000万家")
    assert found.region is None


@pytest.mark.parametrize("body", [
    "井冈山市积极组织返岗。截至3月8日，全市返岗务工人员2.1万人。",  # the paragraph's place
    "井冈山市积极组织返岗。\n截至3月8日，全市返岗务工人员2.1万人。",  # the article's place
])
def test_region_v2_quan_shi_of_a_county_level_city_is_that_city(record: Find, body: str) -> None:
    found = record(body, "2.1万人", head="2020-03-10 09:00:00\n")
    assert found.region is not None and found.region.name == "井冈山市"


NATIONAL_HEAD = "2020-05-04 09:00:00 来源：人民日报\n"


@pytest.mark.parametrize(
    ("body", "surface", "name"),
    [
        # a clause of time words opens the sentence: the subject, and its place, come after it
        ("哈尔滨工业大学教授李兴冀已端坐电脑前。\n在西藏定日县白坝乡，测量队员们正在工作。\n"
         "5月1日早晨6时，西安市长安区郭杜环卫站组长马驰已全副武装。马驰介绍，当天站里1200多名环卫人员全员上岗。",
         "1200多名", "长安区"),
        # a firm named for the province of the place it stands in says nothing coarser
        ("哈尔滨工业大学教授李兴冀已端坐电脑前。\n"
         "2月20日，位于南通市的江苏大生集团纺纱车间内，工人们有序工作。经过一周的运行，2300名职工中已有2000人复工。",
         "2000人", "南通市"),
    ],
)
def test_region_v2_paragraph_place_of_a_scene_in_a_national_story(
    record: Find, body: str, surface: str, name: str
) -> None:
    region = record(body, surface, head=NATIONAL_HEAD).region
    assert region is not None and region.name == name


def test_region_v2_a_chain_of_places_after_an_origin_word_is_an_origin(record: Find) -> None:
    body = ("哈尔滨工业大学教授李兴冀已端坐电脑前。\n"
            "1998年，宋学文从内蒙古赤峰老家来到北京。今年10月1日，他和其他1000余名快递员一起上岗服务。")
    region = record(body, "1000余名", head=NATIONAL_HEAD).region
    assert region is None or region.name != "赤峰市"


def test_region_v2_a_firms_staff_abroad_work_in_the_host_country(record: Find) -> None:
    body = ("柬埔寨的这座大桥是当地发展的梦想之桥。春节期间正值旱季，"
            "130多名上海建工集团的中方员工忙碌在施工现场。")
    region = record(body, "130多名", head=NATIONAL_HEAD).region
    assert region is not None and region.name == "柬埔寨"


def test_region_v2_a_subhead_sets_the_scene_of_its_section(record: Find) -> None:
    body = ("春节假期后首个工作日，人们再度投入奋斗生活。\n江苏昆山民营企业负责人盛玉林——\n"
            "2月11日早上7点半，诚泰电气公司的董事长来到组装车间。车间主任说，公司目前已有500多名员工上班。\n"
            "四川甘孜牧民扎西——\n今年村里有30多人外出务工。")
    for surface, name in (("500多名", "昆山市"), ("30多人", "甘孜藏族自治州")):
        region = record(body, surface, head=NATIONAL_HEAD).region
        assert region is not None and region.name == name


@pytest.mark.parametrize(("scene", "name"), [
    ("这里是福建漳州九龙江畔，罐头企业紫山集团坐落于此。", "漳州市"),
    ("这里是福建漳州九龙江畔。\n眼下，福建各地的罐头企业订单不断。", "福建省"),
])
def test_region_v2_a_place_inside_the_subheads_narrows_the_scene_of_its_section(
        record: Find, scene: str, name: str) -> None:
    body = ("疫情发生以来，各地多措并举稳就业。\n西安 上班族张梦钰\n张梦钰是西安一家银行的职员。\n"
            f"福建 企业管理者洪水河\n一条江水蜿蜒东去，千亩蘑菇种植园分列两岸。\n{scene}\n"
            "工人陈大哥来自漳州龙海市，复工前一天，老板就给他打了电话。\n"
            "复工近两周，已经有850多人返岗工作。")
    region = record(body, "850多人", head=NATIONAL_HEAD).region
    assert region is not None and region.name == name


@pytest.mark.parametrize(("body", "surface", "name"), [
    ("如今的景德镇通过实施城市更新，集聚陶瓷从业人员15万人。", "15万人", "景德镇市"),
    ("在萍乡，返岗复工人员已达3万人。", "3万人", "萍乡市"),
    # Taiwan's largest science park, named on its own as a place
    ("竹科擁有14萬餘就業人口，是新竹縣、市大票倉。", "14萬餘", "新竹科学园区"),
])
def test_region_v2_cities_whose_short_form_ends_like_a_towns(
        record: Find, body: str, surface: str, name: str) -> None:
    region = record(body, surface, head=NATIONAL_HEAD).region
    assert region is not None and region.name == name
