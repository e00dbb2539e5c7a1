"""The date resolver against contract v2's rules, with made-up sentences."""

from __future__ import annotations

import pytest

from tests.resolve.conftest import Find


@pytest.mark.parametrize(
    ("body", "surface", "date"),
    [
        # a time in brackets that says what a count includes dates nothing
        ("截至2月19日，全市重点企业已复工复产（含春节期间持续生产）192家。", "192家", "2020-02-19"),
        # a five-year plan's period is dated by its last year; the plan's name dates nothing
        ("“十三五”期间，全市城镇新增就业12万人。", "12万人", "2020"),
        ("十三五规划提出，全市城镇新增就业12万人以上。", "12万人", None),
        # a time written after a figure never dates it
        ("全市32家企业2月15日前全部复工。", "32家", "2020-03-10"),
        # 目前 after a 截至 day moves the count after it to now
        ("截至3月1日，全市高校毕业生就业签约4100余人，目前已有约8000人落实就业去向。", "8000人", "2020-03-10"),
        ("截至3月1日，全市高校毕业生就业签约4100余人，目前已有约8000人落实就业去向。", "4100余人", "2020-03-01"),
        # 年内 on a plan is this year; it dates no later sentence of its paragraph
        ("宁夏出台30条举措，力争年内实现城镇新增就业8万人。", "8万人", "2020"),
        ("隧道将于年内完成掘进。工地上，200余名建设者日夜奋战。", "200余名", "2020-03-10"),
        # a year before a campaign's name dates nothing, quoted or not
        ("这几天，2020年“百日千万招聘专项行动”启动。各地举办招聘会120场。", "120场", "2020-03-10"),
        # release and reporting days date nothing
        ("记者6日获悉，全市返岗务工人员达2.1万人。", "2.1万人", "2020-03-10"),
        # year-end and year-start give the year alone
        ("截至去年底，全市参保人数达12万人。", "12万人", "2019"),
        # a compared pair takes each value's own time
        ("全市失业率由2019年1月的4.1%降至2019年12月的3.9%。", "4.1%", "2019-01"),
        ("全市失业率由2019年1月的4.1%降至2019年12月的3.9%。", "3.9%", "2019-12"),
        # the end day of a range is in the month its start names
        ("3月1日至8日，全市举办招聘会12场。", "12场", "2020-03-08"),
        # the earlier value of a pair against the previous period is that period's
        ("2月份，全市失业人数由上期的14.4万人增加至17.7万人。", "14.4万人", "2020-01"),
        ("2月份，全市失业人数由上期的14.4万人增加至17.7万人。", "17.7万人", "2020-02"),
        # 上期 and 最新一期 against the period the text named last
        ("2月份，全市失业率为6.1%。其中，服务业失业率由上期的5.5%升至最新一期的7.7%。", "5.5%", "2020-01"),
        ("2月份，全市失业率为6.1%。其中，服务业失业率由上期的5.5%升至最新一期的7.7%。", "7.7%", "2020-02"),
        # 由A上升至B after a period and its base period in brackets: A is the base period's
        ("2019年12月至2020年2月失业率为4.5%，较上一期（2019年11月至2020年1月）的3.9%上升，"
         "就业不足率亦由1.8%上升至2.6%。", "1.8%", "2020-01"),
        # the base's own year does not date the later value
        ("2019年，全市新增就业由2018年的3万人增加到4万人。", "4万人", "2019"),
        # a period from a past time up to now ends today
        ("自2018年被列为试点开始，全市累计培训3.6万人。", "3.6万人", "2020-03-10"),
        # the first N months end with the N-th (前两个月 as 前2个月)
        ("前两个月，全市新设立企业1200家。", "1200家", "2020-02"),
        # a period that has begun is this year's, though it ends after the publication month
        ("全市2月至6月共可为参保企业减免社保费1.2亿元。", "1.2亿元", "2020-06"),
        # a period that has not begun yet, with no year written, is last year's
        ("全市5至11月新增就业3万人。", "3万人", "2019-11"),
        # holidays resolve to their month
        ("国庆期间，全市举办招聘会12场。", "12场", "2020-10"),
        # a target takes its next occurrence
        ("全市力争到2月底新增就业岗位5000个。", "5000个", "2021-02"),
        # a target for the whole year or its end takes the year
        ("园区力争全年新增就业3万人以上。", "3万人", "2020"),
        ("力争年底前园区从业人员总量突破25万人。", "25万人", "2020"),
        # a period since an event on a day is up to now
        ("2月3日复工以来，1050位员工已到岗开工。", "1050位", "2020-03-10"),
        # 迄今 is up to now
        ("2017年8月园区开园。迄今，园区已解决500多名退役军人的就业问题。", "500多名", "2020-03-10"),
        # 年初以来 is up to now
        ("年初以来全市新增就业3万人。", "3万人", "2020-03-10"),
        # the festival's own days date the paragraph after them (春节 2020: January); 春节前 does not
        ("这个春节，很多重点工程现场一派忙碌。工地上，100多名建设者坚守岗位。", "100多名", "2020-01"),
        ("春节前返乡的员工较多。目前全市已返岗复工6.5万人。", "6.5万人", "2020-03-10"),
        # a plan's deadline after its number dates it; a summer or winter break gives the year
        ("第一批企业已开工。第三批74家企业计划3月中旬开工。", "74家", "2020-03"),
        ("这个暑期，人社部门推出了196场高校毕业生就业服务活动。", "196场", "2020"),
        # a time before 基础上 is the base of a comparison
        ("在2019年基础上，全市今年新增就业1.2万人。", "1.2万人", "2020-03-10"),
        # a plan for the festival takes its month
        ("预计春节期间将有5万名家政人员留京。", "5万名", "2021-01"),
        # 从X的A下降至B: only A takes X's time
        ("全市调查失业率从1月份的8.3%下降至3.5%。", "3.5%", "2020-03-10"),
        # a past year is no plan's target (the refund is of last year's contributions)
        ("对不裁员的参保企业，返还其上年度实际缴纳的失业保险费，预计惠及职工42万人。", "42万人", None),
        # 如今 is now
        ("这支队伍从2014年组建时的7人发展到如今的45人，服务企业复工。", "45人", "2020-03-10"),
        # 现有 is now, whatever year the paragraph named before
        ("开发区2012年获批，现有规模以上工业企业218家，带动就业。", "218家", "2020-03-10"),
        # 今明两年 ends next year
        ("今明两年职业技能培训3500万人次以上。", "3500万人次", "2021"),
        # 这两天 speaks from the day of the text
        ("这个春节，处处可见坚守的人们。这两天多地降雪，全市出动2500余名环卫工人坚守一线。", "2500余名",
         "2020-03-10"),
    ],
)
def test_date_v2_rules(record: Find, body: str, surface: str, date: str | None) -> None:
    assert record(body, surface).date == date


def test_date_v2_items_of_a_dash_list_take_the_time_of_its_lead_in(record: Find) -> None:
    body = ("去年，全市发展面临诸多困难挑战，完成全年主要目标任务。\n"
            "——经济运行总体平稳。城镇新增就业13.5万人，调查失业率在5.3%以下。\n"
            "——民生进一步改善。今年以来，全市新增就业2.1万人。\n")
    assert record(body, "13.5万人").date == "2019"
    assert record(body, "5.3%").date == "2019"
    assert record(body, "2.1万人").date == "2020-03-10"  # an item's own time comes first


def test_date_v2_years_in_brackets_after_a_plan_name_date_nothing(record: Find) -> None:
    body = "人社部印发《就业促进行动计划（2016—2020年）》，力争城镇新增就业1200万人以上。"
    assert record(body, "1200万人").date != "2020"


def test_date_v2_no_year_in_input_gives_null(extract: object) -> None:
    from tests.resolve.conftest import Extract

    run: Extract = extract  # type: ignore[assignment]
    document = run("截至3月5日，全市返岗务工人员2.1万人。", head="来源：某某网\n")
    assert [r.date for r in document.records] == [None]


@pytest.mark.parametrize(
    ("head", "body", "surface", "date"),
    [
        # Taiwan's ROC years, in the date line and in the text
        ("發布日期：112-02-01　資料來源：勞動部\n", "統計期間為112年1月16日至1月31日，實施減班休息事業單位計1,628家。",
         "1,628家", "2023-01-31"),
        # a base period in brackets dates nothing, all of it
        ("發布日期：112-02-01　資料來源：勞動部\n",
         "截至1月31日，實施減班休息事業單位計1,628家，較上期（112年1月1日至1月15日）增加213家。", "213家",
         "2023-01-31"),
        # a month before an age range (12月15至24歲) is the month, not a day
        ("2021-01-22 16:10 聯合報\n", "主計總處今天發布去年12月人力資源調查。\n\n"
         "按年齡觀察，12月15至24歲青年失業率11.9%最高。", "11.9%", "2020-12"),
    ],
)
def test_date_v2_taiwan_pages(record: Find, head: str, body: str, surface: str, date: str) -> None:
    assert record(body, surface, head=head).date == date


def test_date_v2_pair_after_two_periods_takes_the_earlier(record: Find) -> None:
    body = "失业率由2019年1月至3月的3.1%下跌至2019年2月至4月的3.0%，而就业不足率则由1.2%下跌至1.1%。"
    assert record(body, "1.2%").date == "2019-03"
    assert record(body, "1.1%").date == "2019-04"


@pytest.mark.parametrize("surface", ["5.5%", "1200万人"])
def test_date_v2_target_list_after_a_colon_is_projected_for_the_year(record: Find, surface: str) -> None:
    # the lead-in and its first item share a sentence; the later items are targets too
    body = ("今年发展主要预期目标是：地区生产总值增长5%左右；城镇调查失业率5.5%左右，"
            "城镇新增就业1200万人以上；居民收入稳步增长。")
    found = record(body, surface)
    assert (found.projected, found.date) == (True, "2020")


def test_date_v2_targets_listed_after_dashes_go_on(record: Find) -> None:
    # a lead-in, then items opened by ——, each its own paragraph ending with 。
    body = ("报告分析了当前形势。\n2020年经济社会发展主要预期目标：\n——优先稳就业保民生，坚决打赢脱贫攻坚战。\n"
            "——城镇新增就业900万人以上，全国城镇调查失业率为6%左右。\n")
    found = record(body, "900万人")
    assert (found.projected, found.date) == (True, "2020")


@pytest.mark.parametrize(("surface", "date"), [("6.0%", "2023-03"), ("5.2%", "2023-04")])
def test_date_v2_a_pair_across_the_two_compared_periods_takes_one_each(
        record: Find, surface: str, date: str) -> None:
    body = "比較2023年2月至4月與2023年1月至3月，建造業的失業率下跌較為明顯，由6.0%下跌至5.2%。"
    assert record(body, surface, head="2023-05-16 政府新聞處\n").date == date


def test_date_v2_a_share_of_the_level_before_the_festival_is_dated_now(record: Find) -> None:
    body = "2月22日，富士康三大基地员工到岗率只有春节前的22%，配套企业急需复工复产。"
    assert record(body, "22%").date == "2020-02-22"
