"""pipeline.ingest.html: an HTML page -> one paragraph per line, title and <meta>."""

from __future__ import annotations

import pytest

from pipeline.ingest.html import html_to_text

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>某市新增就业岗位1.2万个_某市新闻网</title>
<meta property="og:title" content="  某市新增就业岗位1.2万个 ">
<meta property="article:published_time" content="2020-03-14T10:20:00+08:00">
<meta property="og:url" content="https://news.example.cn/2020-03/14/c_1.htm">
<meta name="pubdate" content="2020-03-14 10:20">
<meta name="author" content="王明">
<meta name="source" content="某市日报">
<style>p { color: red }</style>
<script>var html = "<p>不是正文</p>";</script>
</head>
<body>
<header><a href="/">首页</a></header>
<nav><ul><li>新闻</li><li>政务</li></ul></nav>
<div class="article">
  <h1>某市新增就业岗位1.2万个</h1>
  <p>本报讯&nbsp;（记者王明）&nbsp;&nbsp;截至3月13日，全市   已有<b>1.2万</b>个岗位&amp;机会。</p>
  <p>第二段第一行<br>第二段第二行</p>
  <table><tr><td>企业</td><td>岗位</td></tr><tr><td>甲公司</td><td>300</td></tr></table>
  <ul><li>条目一</li><li>条目二</li></ul>
  <!-- 注释不是正文 -->
</div>
<aside>热门文章</aside>
<form><input name="q">搜索</form>
<noscript>请启用脚本</noscript>
<footer>版权所有</footer>
</body></html>"""


def test_html_to_text_paragraph_lines() -> None:
    result = html_to_text(PAGE)
    assert result.text.split("\n") == [
        "某市新增就业岗位1.2万个",
        "本报讯 （记者王明） 截至3月13日，全市 已有1.2万个岗位&机会。",
        "第二段第一行",
        "第二段第二行",
        "企业 岗位",
        "甲公司 300",
        "条目一",
        "条目二",
    ]


@pytest.mark.parametrize(
    "dropped", ["不是正文", "color", "热门文章", "搜索", "请启用脚本", "版权所有", "政务", "注释"]
)
def test_html_to_text_drops_non_article_elements(dropped: str) -> None:
    assert dropped not in html_to_text(PAGE).text


def test_html_to_text_meta_and_title() -> None:
    result = html_to_text(PAGE)
    assert result.title == "某市新增就业岗位1.2万个"
    assert result.meta["article:published_time"] == "2020-03-14T10:20:00+08:00"
    assert result.meta["og:url"] == "https://news.example.cn/2020-03/14/c_1.htm"
    assert result.meta["pubdate"] == "2020-03-14 10:20"
    assert result.meta["author"] == "王明"
    assert result.meta["source"] == "某市日报"
    assert "charset" not in result.meta


@pytest.mark.parametrize(
    ("html", "title"),
    [
        ("<title> 标题甲 </title><h1>标题乙</h1>", "标题乙"),
        ("<head><title>标题甲</title></head><body><p>正文</p></body>", "标题甲"),
        ("<p>只有正文</p>", None),
    ],
)
def test_html_to_text_title_fallbacks(html: str, title: str | None) -> None:
    assert html_to_text(html).title == title


def test_html_to_text_is_deterministic() -> None:
    assert html_to_text(PAGE) == html_to_text(PAGE)


def test_html_to_text_deep_nesting_and_empty() -> None:
    deep = "<div>" * 3000 + "深层正文" + "</div>" * 3000
    assert html_to_text(deep).text == "深层正文"
    assert html_to_text("").text == ""
    assert html_to_text("纯文本 没有标签").text == "纯文本 没有标签"
