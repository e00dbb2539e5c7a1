"""The kind resolver (kind, direction, projection) against contract v2's rules."""

from __future__ import annotations

import pytest

from tests.resolve.conftest import Find


@pytest.mark.parametrize(
    ("body", "surface", "kind", "direction"),
    [
        ("全市新增就业1.2万人，同比增长8.2%。", "8.2%", "change", "up"),
        ("全市城镇登记失业率为3.1%，比上年下降0.3个百分点。", "0.3个百分点", "change", "down"),
        ("全市城镇登记失业率为3.1%。", "3.1%", "level", None),
        # counts of units that joined a group in a period are levels
        ("本周新增参保人数2300人。", "2300人", "level", None),
        # jobs a period adds are a level; compared with another time they are a change
        ("数字经济已累计为当地增加约15万个就业岗位。", "15万个", "level", None),
        ("全市新增就业1.2万人，比上年增加1500人。", "1500人", "change", "up"),
        # 分别 between the verb and the numbers, and a rate listed with 或
        ("招聘岗位数和求职人数同比上升分别为8.3%和3.6%。", "8.3%", "change", "up"),
        ("就业人数较上年同月增加6万4千人或0.55%。", "0.55%", "change", "up"),
        # points after a bracketed base period: the change of the rate before them
        ("2月份失业率为4.5%，较上一期（2019年11月至2020年1月）的3.9%上升0.6个百分点。", "0.6个百分点",
         "change", "up"),
        # growth and shrink words that name a rate of change
        ("今年毕业生起薪连续第二年下降，缩幅达16%。", "16%", "change", "down"),
        # a gap between two groups at one time is a level; against an earlier period, a change
        ("25—59岁人口调查失业率为4.6%，低于全国城镇调查失业率0.6个百分点。", "0.6个百分点", "level", None),
        ("全市失业率为3.1%，比上年下降0.5个百分点。", "0.5个百分点", "change", "down"),
        ("今年以来，企业人才需求同比增长高达88.22%。", "88.22%", "change", "up"),
        # sudden moves are changes too
        ("4月份失业率环比飙升10.3个百分点至14.7%。", "10.3个百分点", "change", "up"),
        ("受疫情影响，当月就业人数锐减2万人。", "2万人", "change", "down"),
    ],
)
def test_kind_v2_direction(record: Find, body: str, surface: str, kind: str, direction: str | None) -> None:
    found = record(body, surface)
    assert found.kind.value == kind
    assert (found.direction.value if found.direction else None) == direction


@pytest.mark.parametrize(
    ("body", "surface", "value", "value_max", "qualifier"),
    [
        ("全市将提供岗位3至5万个。", "3至5万个", 30000, 50000, "exact"),
        ("月薪约3000~5000元的岗位占六成。", "3000~5000元", 3000, 5000, "approx"),
    ],
)
def test_kind_v2_ranges_carry_upper_bound(
    record: Find, body: str, surface: str, value: int, value_max: int, qualifier: str
) -> None:
    found = record(body, surface)
    assert (found.value, found.value_max, found.qualifier.value) == (value, value_max, qualifier)


@pytest.mark.parametrize(
    ("body", "surface"),
    [
        ("对不裁员的企业，返还其上年度实际缴纳失业保险费的50%。", "50%"),
        ("30人以下的企业裁员率不超过20%，都可以申领稳岗返还。", "20%"),
        ("对一次性输送30人以上且签订劳动合同的，给予每人600元奖励。", "30人"),
        ("疫情防控期间，中小微企业稳岗补贴最高返还100%。", "100%"),
        ("园区要求优先吸纳高校毕业生入驻，入驻比例一般不低于30%。", "30%"),
        # every rate the amount of an allowance is set to, in its sentence (not the day it was set)
        ("4月22日，政府宣布短时工作津贴的数额将从员工收入减少额的60%（有子女的员工为67%）提高至70%。", "67%"),
        ("4月22日，政府宣布短时工作津贴的数额将从员工收入减少额的60%（有子女的员工为67%）提高至70%。", "70%"),
    ],
)
def test_kind_v2_policy_parameters_are_exact_and_undated(record: Find, body: str, surface: str) -> None:
    found = record(body, surface)
    assert (found.metric.value, found.qualifier.value, found.projected, found.date) == (
        "other", "exact", False, None)


def test_kind_v2_targets_after_a_lead_in_are_projected(record: Find) -> None:
    body = "他说，要努力实现全面建成小康社会目标任务；城镇新增就业900万人以上，城镇调查失业率6%左右。"
    found = record(body, "900万人")
    assert (found.projected, found.date) == (True, "2020")


@pytest.mark.parametrize("surface", ["1100万人", "5.5%"])
def test_kind_v2_what_a_report_sets_out_is_a_target(record: Find, surface: str) -> None:
    body = "政府工作报告提出，今年城镇新增就业1100万人以上，城镇调查失业率5.5%左右。"
    found = record(body, surface)
    assert found.projected is True


@pytest.mark.parametrize(
    ("body", "surface", "projected"),
    [
        # 将 right before the number marks the object, not the future (v2)
        ("区人社局将500名登记失业人员组织到现场，提供就业指导。", "500名", False),
        ("区人社局将为500名登记失业人员提供就业指导。", "500名", True),
        # a plan word that ends its clause names a programme
        ("全市企业参加稳岗促进计划，2604名员工参加技能培训。", "2604名", False),
        # ...and so does one right after a word of work or training (安心就业计划核定补助)
        ("截至1月31日，安心就业计划核定补助8731人。", "8731人", False),
        ("研修研习培训计划持续开展，超1.8万人次接受培训。", "1.8万人次", False),
        # 将 right after the people counted: they will do it
        ("已有850多人返岗，其余350多人也将在疫情缓解后返厂。", "350多人", True),
    ],
)
def test_kind_v2_projection_words_that_are_no_plan(
    record: Find, body: str, surface: str, projected: bool
) -> None:
    assert record(body, surface).projected is projected


def test_kind_v2_a_target_named_after_its_number_is_the_year_target(record: Find) -> None:
    body = "2月份，全国城镇调查失业率为5.2%，低于5.5%左右的预期控制目标。"
    found = record(body, "5.5%")
    assert (found.projected, found.qualifier.value, found.date) == (True, "exact", "2020")


def test_kind_v2_a_target_met_announces_no_targets(record: Find) -> None:
    body = "前11个月，全国城镇新增就业超过1200万人，提前完成全年目标任务；城镇调查失业率平均值为5.2%。"
    found = record(body, "5.2%")
    assert found.projected is False


@pytest.mark.parametrize(
    ("body", "surface", "projected"),
    [
        # counted so far is no plan, whatever word of the future stands before it
        ("预计今年蒙内铁路累计为肯尼亚创造近5万个工作岗位。", "5万个", False),
        # targets a report sets
        ("今年的政府工作报告设定了城镇新增就业900万人以上等主要目标。", "900万人", True),
        # 今明两年 is a plan that ends next year
        ("今明两年职业技能培训3500万人次以上。", "3500万人次", True),
    ],
)
def test_kind_v2_projection(record: Find, body: str, surface: str, projected: bool) -> None:
    assert record(body, surface).projected is projected


@pytest.mark.parametrize(
    ("body", "surface"),
    [
        ("经过努力，到2021年底技能劳动者占就业人员总量的比例达到25%以上。", "25%"),
        ("据测算，到2035年数字经济还会使中国新增将近1000万个就业岗位。", "1000万个"),
    ],
)
def test_kind_v2_a_figure_of_a_later_year_is_projected(record: Find, body: str, surface: str) -> None:
    found = record(body, surface)  # published 2020-03-10
    assert found.projected is True
