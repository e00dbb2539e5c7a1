"""pipeline.ingest.clean: page chrome off, body paragraphs and page metadata out.

The pages here are written for the tests in the style of real ones; no archive
text is copied.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.ingest.clean import CleanedPage, Cleaner, _collapse
from pipeline.ingest.convert import Converter

RMRB = (
    "本报北京1月31日电\u00a0\u00a0（记者王小明、李华）记者31日从人力资源和社会保障部获悉："
    "2019年全国城镇新增就业1352万人，年末城镇登记失业率为3.62%。\n"
    "\u3000\u3000人社部有关负责人介绍，全年共开展职业技能培训1800多万人次。\n"
    "\u3000\u3000下一步，将继续实施就业优先政策。\n"
)

XWLB = (
    "<p><strong>央视网消息</strong>（新闻联播）：今天（3月14日），人社部举行发布会，"
    "介绍春风行动进展。<br></p>"
    "<p><strong>各地线上招聘持续开展</strong><br></p>"
    "<p>截至目前，各地共发布岗位信息1200多万个。</p>\n\n"
    "[查看原文](https://tv.cctv.com/2023/03/14/VIDEabc230314.shtml)"
)

TAIWAN = (
    "〔記者張三／台北報導〕勞動部今天公布最新統計，實施減班休息的事業單位有1023家，"
    "涉及勞工2萬3千餘人。\r"
    "勞動部表示，將持續關注產業景氣變化。\r"
)

PORTAL = """某市 复工 复产 就业 招聘 稳岗 补贴 人社 新闻
首页 | 新闻 | 政务 | 财经 | 社会 | 图片 | 视频
当前位置：某某网 > 新闻中心 > 西安
西安新增就业岗位1.2万个
原标题：西安市多措并举稳就业
分享到：
扫一扫 分享到朋友圈
新华社西安3月2日电（记者李华 通讯员赵六）陕西省西安市人社局2日介绍，全市已有1.2万个岗位发布。
西安新增就业岗位1.2万个
截至3月1日，全市规上工业企业复工率达95%。

本市重点企业

今年以来，全市共举办线上招聘会12场。
责任编辑：刘洋
相关新闻
西安举办春季招聘会
咸阳发布就业岗位3000个
版权所有 某某网 陕ICP备12345678号
"""


def body_of(text: str, page: CleanedPage) -> list[str]:
    return [text[p.start : p.end] for p in page.paragraphs]


# -- the seed page ---------------------------------------------------------------------


def test_clean_seed_article_meta(cleaner: Cleaner,
    seed_text: str, seed_gold_article: dict[str, Any], converter: Converter
) -> None:
    meta = cleaner.clean(seed_text, converter).meta
    assert meta.title == seed_gold_article["title"]
    assert meta.published_at == seed_gold_article["published_at"]
    assert meta.outlet == seed_gold_article["outlet"]
    assert meta.site == seed_gold_article["site"]
    assert list(meta.authors) == seed_gold_article["authors"]
    assert meta.editor == seed_gold_article["editor"]
    assert meta.dateline == seed_gold_article["dateline"]
    assert meta.place_hints[0] == "大庆"


def test_clean_seed_article_body(cleaner: Cleaner, seed_text: str, converter: Converter) -> None:
    page = cleaner.clean(seed_text, converter)
    body = body_of(seed_text, page)
    assert body[0].startswith("黑龍江日報4月28日訊")
    assert "全市『一盤棋』" in body  # a section heading stays
    assert body[-1].startswith("兜底抓好困難群體就業")
    assert page.title_span is not None
    assert seed_text[slice(*page.title_span)] == "大慶三次產業聯動打好穩就業『組合拳』"
    chrome = ["您當前的位置", "搜 索", "來源:", "關注東北網", "微博", "Qzone", "極光新聞"]
    joined = "\n".join(body)
    for word in [*chrome, "責任編輯", "相關新聞", "大慶三次產業聯動打好"]:
        assert word not in joined, word


def test_clean_seed_article_with_hints(cleaner: Cleaner, seed_text: str, converter: Converter) -> None:
    hints = {"title": "某个别的标题", "published_at": "2021-01-01", "outlet": "别的报"}
    meta = cleaner.clean(seed_text, converter, hints).meta
    assert meta.title == "某个别的标题"  # the input's title wins, as its date does (metadata first)
    assert meta.published_at == "2020-04-28T08:14:33+08:00"
    assert meta.outlet == "黑龙江日报"


# -- pages in the style of real ones ---------------------------------------------------


def test_clean_rmrb_style(cleaner: Cleaner, converter: Converter) -> None:
    hints = {"title": "去年城镇新增就业1352万人", "date": "2020-02-01", "outlet": "人民日报"}
    page = cleaner.clean(RMRB, converter, hints)
    assert [s[:6] for s in body_of(RMRB, page)] == ["本报北京1月", "人社部有关负", "下一步，将继"]
    meta = page.meta
    assert meta.dateline == "本报北京1月31日电"
    assert meta.authors == ("王小明", "李华")
    assert meta.place_hints[0] == "北京"
    # the record's publication date wins over the dateline's filing day
    assert meta.published_at == "2020-02-01"
    assert meta.outlet == "人民日报"  # 本报 names no outlet: the hint's
    assert meta.title == "去年城镇新增就业1352万人"
    assert page.title_span is None


def test_clean_xwlb_fragment(cleaner: Cleaner, converter: Converter) -> None:
    hints = {"title": "春风行动", "date": "2023-03-14", "outlet": "央视新闻联播"}
    page = cleaner.clean(XWLB, converter, hints)
    body = body_of(XWLB, page)
    assert body[0].startswith("央视网消息</strong>（新闻联播）：今天")
    assert body[1] == "各地线上招聘持续开展"
    assert body[2] == "截至目前，各地共发布岗位信息1200多万个。"
    assert len(body) == 3  # the 查看原文 link is chrome
    assert page.meta.dateline == "央视网消息"
    assert page.meta.outlet == "央视新闻联播"
    assert page.meta.published_at == "2023-03-14"


def test_clean_taiwan_style(cleaner: Cleaner, converter: Converter) -> None:
    hints = {"title": "減班休息 逾2萬勞工", "date": "2017-06-28 19:40", "outlet": "自由時報"}
    page = cleaner.clean(TAIWAN, converter, hints)
    body = body_of(TAIWAN, page)
    assert len(body) == 2 and body[0].startswith("〔記者張三／台北報導〕")
    meta = page.meta
    assert meta.dateline == "记者张三／台北报导"
    assert meta.authors == ("张三",)
    assert meta.place_hints[0] == "台北"
    assert meta.outlet == "自由时报"
    assert meta.title == "减班休息 逾2万劳工"
    assert meta.published_at == "2017-06-28T19:40+08:00"  # no seconds given


@pytest.mark.parametrize(
    ("head", "dateline", "authors", "place"),
    [
        ("【綜合報導】", "综合报导", (), None),
        ("【王大明、李小華╱台北報導】", "王大明、李小华╱台北报导", ("王大明", "李小华"), "台北"),
        ("〔編譯陳某某／綜合報導〕", "编译陈某某／综合报导", ("陈某某",), None),
        ("新华社北京十月九日电（记者张三）", "新华社北京十月九日电", ("张三",), "北京"),
        ("本报讯（记者 王五 赵六）", "本报讯", ("王五", "赵六"), None),
        ("中新网杭州2月10日电", "中新网杭州2月10日电", (), "杭州"),
    ],
)
def test_clean_datelines(cleaner: Cleaner,
    converter: Converter,
    head: str,
    dateline: str,
    authors: tuple[str, ...],
    place: str | None,
) -> None:
    text = head + "某地一季度新增就业2.1万人，同比增长5%。"
    meta = cleaner.clean(text, converter).meta
    assert meta.dateline == dateline
    assert meta.authors == authors
    assert (meta.place_hints[0] if meta.place_hints else None) == place


def test_clean_portal_page_chrome(cleaner: Cleaner, converter: Converter) -> None:
    page = cleaner.clean(PORTAL, converter, {"url": "http://www.example.cn/news/2020/0302/c123.html"})
    assert body_of(PORTAL, page) == [
        "新华社西安3月2日电（记者李华 通讯员赵六）"
        "陕西省西安市人社局2日介绍，全市已有1.2万个岗位发布。",
        "截至3月1日，全市规上工业企业复工率达95%。",
        "本市重点企业",
        "今年以来，全市共举办线上招聘会12场。",
    ]
    meta = page.meta
    assert meta.title == "西安新增就业岗位1.2万个"
    assert page.title_span is not None
    assert PORTAL[slice(*page.title_span)] == "西安新增就业岗位1.2万个"
    assert meta.site == "某某网"
    assert meta.editor == "刘洋"
    assert meta.authors == ("李华",)
    assert meta.outlet == "新华社"
    assert meta.dateline == "新华社西安3月2日电"
    assert meta.published_at == "2020-03-02"  # dateline day, year from the URL
    assert meta.place_hints == ("西安",)


def test_clean_date_and_source_line(cleaner: Cleaner, converter: Converter) -> None:
    text = (
        "全市新增就业岗位1.2万个\n"
        "2020年03月14日 10:20  来源：某市日报  作者：王明 赵丽  编辑：孙七\n"
        "截至3月13日，全市已发布岗位1.2万个。\n"
    )
    page = cleaner.clean(text, converter)
    assert body_of(text, page) == ["截至3月13日，全市已发布岗位1.2万个。"]
    assert page.meta.published_at == "2020-03-14T10:20+08:00"
    assert page.meta.outlet == "某市日报"
    assert page.meta.authors == ("王明", "赵丽")
    assert page.meta.title == "全市新增就业岗位1.2万个"


@pytest.mark.parametrize(
    ("url", "hints", "expected"),
    [
        ("https://a.cn/2020-03-14/x.html", {}, "2020-03-14"),
        ("http://a.cn/c/2019/1108/c1-2.html", {}, "2019-11-08"),
        ("http://a.cn/n1/20200314/abc.html", {}, "2020-03-14"),
        ("http://a.gov.cn/xxgk/t20200314_123.html", {}, "2020-03-14"),
        ("https://a.cn/2020/03/14/x.shtml", {}, "2020-03-14"),
        ("https://a.cn/news/12345.html", {"date": "2020-05-06"}, "2020-05-06"),
        ("", {"published_at": "2020-05-06T09:30:00+08:00"}, "2020-05-06T09:30:00+08:00"),
        ("", {"published_at": "2020-05-06T01:30:00Z"}, "2020-05-06T01:30:00+00:00"),
        ("https://a.cn/2020/1340/x.html", {}, None),  # not a date: never guessed
        ("", {}, None),
    ],
)
def test_clean_published_at_sources(cleaner: Cleaner,
    converter: Converter, url: str, hints: dict[str, str], expected: str | None
) -> None:
    text = "全市已发布岗位1.2万个，达成就业意向3800人。"
    assert cleaner.clean(text, converter, {"url": url, **hints}).meta.published_at == expected


def test_clean_dateline_year_before_publication(cleaner: Cleaner, converter: Converter) -> None:
    text = "新华社北京12月31日电 全国城镇新增就业1352万人。"
    meta = cleaner.clean(text, converter, {"url": "http://example.cn/2020/0101/c1.html"}).meta
    assert meta.published_at == "2019-12-31"  # the dateline's day, the year before the URL's
    meta = cleaner.clean(text, converter, {"title": "就业"}).meta
    assert meta.published_at is None  # a dateline alone gives no year: never guessed


def test_clean_original_title_line_dropped(cleaner: Cleaner, converter: Converter) -> None:
    text = "原標題：多措並舉穩就業\n全市已發布崗位1.2萬個，達成就業意向3800人。"
    page = cleaner.clean(text, converter)
    assert body_of(text, page) == ["全市已發布崗位1.2萬個，達成就業意向3800人。"]


def test_clean_related_reading_kept_when_prose_follows(cleaner: Cleaner, converter: Converter) -> None:
    text = (
        "全市已发布岗位1.2万个，达成就业意向3800人。\n"
        "延伸阅读\n"
        "近年来，全省累计新增城镇就业60万人，城镇登记失业率控制在4%以内。\n"
    )
    body = body_of(text, cleaner.clean(text, converter))
    assert body[-1].startswith("近年来") and "延伸阅读" not in body


def test_clean_repeated_headline_dropped(cleaner: Cleaner, converter: Converter) -> None:
    text = "全市新增就业岗位1.2万个\n全市新增就业岗位1.2万个\n截至目前，全市已发布岗位1.2万个。"
    page = cleaner.clean(text, converter, {"title": "全市新增就业岗位1.2万个"})
    assert body_of(text, page) == ["截至目前，全市已发布岗位1.2万个。"]


def test_clean_short_record_without_prose_is_body(cleaner: Cleaner, converter: Converter) -> None:
    text = "关于发布2019年就业见习基地名单的公告"
    page = cleaner.clean(text, converter, {"title": "某某协会"})
    assert body_of(text, page) == [text]


def test_clean_simplified_names_not_reconverted(cleaner: Cleaner, converter: Converter) -> None:
    text = "本报北京1月31日电（记者王丙乾）全市已发布岗位1.2万个，达成就业意向3800人。"
    assert cleaner.clean(text, converter).meta.authors == ("王丙乾",)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\u3000\n",
        "<p></p><br>",
        "分享到：\n微博\n微信\n",
        "[查看原文](https://tv.cctv.com/x)",
    ],
)
def test_clean_no_body(cleaner: Cleaner, converter: Converter, text: str) -> None:
    with pytest.raises(PipelineError) as error:
        cleaner.clean(text, converter)
    assert error.value.code == "clean.no_body"


# -- properties ------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "全市",
        "复工率98.2%",
        "。",
        "，",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\u3000",
        "\u00a0",
        "<p>",
        "</p>",
        "<br>",
        "<strong>",
        "</strong>",
        "&nbsp;",
        "分享到：",
        "相关新闻",
        "责任编辑：张三",
        "本报北京1月31日电",
        "〔記者張三／台北報導〕",
        "2020-04-28 08:14:33 來源:某報",
        "a",
        ">",
        "<",
        "首页 > 新闻 > 大庆",
        "關注東北網",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_clean_paragraph_offsets_property(cleaner: Cleaner, converter: Converter, text: str) -> None:
    try:
        page = cleaner.clean(text, converter)
    except PipelineError as error:
        assert error.code == "clean.no_body"
        return
    previous_end = 0
    for paragraph in page.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(text)
        assert text[paragraph.start : paragraph.end].strip()
        previous_end = paragraph.end
    if page.title_span is not None:
        start, end = page.title_span
        assert 0 <= start < end <= len(text)
        assert all(end <= p.start or start >= p.end for p in page.paragraphs)


# -- the real archive ------------------------------------------------------------------


@pytest.mark.archive
def test_clean_archive_sample(cleaner: Cleaner, archive_path: Path, converter: Converter) -> None:
    """Every record of a sample cleans or fails with clean.no_body; offsets stay valid."""
    failures = 0
    with gzip.open(archive_path, "rt", encoding="utf-8") as stream:
        for line in itertools.islice(stream, 0, None, 20):
            record = json.loads(line)
            text = record["text"]
            try:
                page = cleaner.clean(text, converter, record)
            except PipelineError as error:
                assert error.code == "clean.no_body"
                failures += 1
                continue
            ends = [0]
            for paragraph in page.paragraphs:
                assert ends[-1] <= paragraph.start < paragraph.end <= len(text)
                ends.append(paragraph.end)
            assert page.meta.title
    assert failures < 50


def test_clean_portal_variants(cleaner: Cleaner, converter: Converter) -> None:
    text = (
        "某某新闻网 首页 &gt; 本地 &gt; 宁波\n"
        "宁波新增就业岗位３万个\n"
        "２０２３年０８月１４日 09:18　来源：某某日报　编辑：赵丹\n"
        "某某日报-某某新闻记者 王五\n"
        "【字号 大 中 小】【打印】【分享到微信】\n"
        "【本报消息】全市已发布岗位３万个，达成就业意向3800人。\n"
        "相关新闻：\n"
        "宁波举办招聘会\n"
        "（责任编辑：孙七）\n"
    )
    page = cleaner.clean(text, converter)
    assert body_of(text, page) == ["【本报消息】全市已发布岗位３万个，达成就业意向3800人。"]
    meta = page.meta
    assert meta.title == "宁波新增就业岗位３万个"  # full-width forms kept
    assert meta.site == "某某新闻网"
    assert meta.published_at == "2023-08-14T09:18+08:00"
    assert meta.outlet == "某某日报"
    assert meta.authors == ("王五",)
    assert meta.editor == "赵丹"
    assert meta.dateline == "本报消息"
    assert meta.place_hints == ("宁波",)


@given(st.text(alphabet=st.sampled_from([" ", "\t", "\n", "\u3000", "\xa0", "\u2028", "\u200b",
                                         "a", "中", "。"]), max_size=20))
def test_clean_collapse_is_the_whitespace_regex(text: str) -> None:
    # _collapse joins str.split(): the same as collapsing `\s+` runs and stripping
    assert _collapse(text) == re.sub(r"\s+", " ", text).strip()
