"""Patterns of real news pages, end to end through the Extractor (one short page each)."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.document import RawDocument
from pipeline.process import Extractor
from schemas import ExtractedDocument

HEAD = "2020-03-10 09:00:00 来源：大庆日报\n"


def _records(extractor: Extractor, body: str, **metadata: Any) -> ExtractedDocument:
    return extractor.process(RawDocument(source="t.txt", content=HEAD + body, metadata=metadata))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("截至3月5日，全市城镇新增就业1.2万人，同比增长8.2%。",
         [("1.2万人", "jobs_created", "exact", "level", False, "2020-03-05"),
          ("8.2%", "jobs_created", "exact", "change", False, "2020-03-05")]),
        ("全市城镇登记失业率为3.1%，比上年下降0.3个百分点。",
         [("3.1%", "unemployment_rate", "exact", "level", False, "2020-03-10"),
          ("0.3个百分点", "unemployment_rate", "exact", "change", False, "2020-03-10")]),
        ("预计今年全市将新增就业岗位3万个以上。",
         [("3万个", "jobs_created", "over", "level", True, "2020")]),
        ("全市已有逾八成规上企业复工，复工率达到百分之九十八点二。",
         [("八成", "resumption_rate", "over", "level", False, "2020-03-10"),
          ("百分之九十八点二", "resumption_rate", "exact", "level", False, "2020-03-10")]),
        ("全市返岗农民工约3.5万人，其中省内2.4万人、省外1.1万人。",
         [("3.5万人", "workers_at_work", "approx", "level", False, "2020-03-10"),
          ("2.4万人", "workers_at_work", "exact", "level", False, "2020-03-10"),
          ("1.1万人", "workers_at_work", "exact", "level", False, "2020-03-10")]),
        ("大学生创业最高可申领创业担保贷款20万元。",
         [("20万元", "policy_cap", "exact", "level", False, None)]),
    ],
)
def test_patterns_fields(
    extractor: Extractor, body: str, expected: list[tuple[Any, ...]]
) -> None:
    result = _records(extractor, body)
    got = [
        (r.value_text, r.metric.value, r.qualifier.value, r.kind.value, r.projected, r.date)
        for r in result.records
    ]
    assert got == expected


@pytest.mark.parametrize(
    "body",
    [
        "我市出台稳就业18条措施，在6所高校设立服务站，覆盖255个社区。",
        "项目建成后年产能达550万吨，成员单位39个。",
        "本报记者联系电话：0459-1234567，2020年3月9日。",
    ],
)
def test_patterns_non_records(extractor: Extractor, body: str) -> None:
    assert _records(extractor, body).records == []


def test_patterns_distributive_regions(extractor: Extractor) -> None:
    body = "截至3月5日，哈尔滨、齐齐哈尔规上企业复工率分别为91.3%和88.6%。"
    result = _records(extractor, body)
    assert [(r.value_text, r.region.name if r.region else None) for r in result.records] == [
        ("91.3%", "哈尔滨市"), ("88.6%", "齐齐哈尔市"),
    ]


def test_patterns_county_and_scope_regions(extractor: Extractor) -> None:
    body = "林甸县已返岗复工3000人。全市新增就业6000人。全省新增就业2万人。全国新增就业90万人。"
    result = _records(extractor, body)
    assert [r.region.name if r.region else None for r in result.records] == [
        "林甸县", "大庆市", "黑龙江省", "全国",
    ]


def test_patterns_inline_pinyin_keeps_spans(extractor: Extractor) -> None:
    body = "全市復(fù)工企業(yè)已返崗復工3萬(wàn)人，復工率達91.5%。"
    result = _records(extractor, body)
    text = result.text
    assert [r.value_text for r in result.records] == ["3萬(wàn)人", "91.5%"]
    assert all(text[r.span[0] : r.span[1]] == r.value_text for r in result.records)
    assert result.records[0].value == 30000


def test_patterns_yesterday_against_the_dateline(extractor: Extractor) -> None:
    result = _records(extractor, "昨天，全市举办线上招聘会12场。")
    assert [(r.value_text, r.date) for r in result.records] == [("12场", "2020-03-09")]


def test_patterns_outlet_gives_the_region(extractor: Extractor) -> None:
    text = "統計處公布失業率\n【星島日報報道】政府統計處今日公布，最新失業率為4.5%。"
    result = extractor.process(RawDocument(source="hk.txt", content=text,
                                           metadata={"date": "2022-03-17"}))
    assert [(r.value_text, r.region.name if r.region else None) for r in result.records] == [
        ("4.5%", "香港特别行政区"),
    ]
