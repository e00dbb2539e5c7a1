"""Hypothesis strategies of the fuzz tests: text that looks enough like news to reach deep.

Random Unicode alone rarely forms a number with a counting word, so the text
strategy mixes it with the pieces the stages look for (digits in every width,
Chinese numerals, counting words, magnitudes, separators, time words, sentence
ends, HTML, inline pinyin) and with what dirty archives carry (zero-width and bidi
marks, NUL, lone surrogates, emoji).

`examples(default, fuzz)` is the number of examples of a test: small in the default
suite, large under `make fuzz` (PIPELINE_FUZZ=1; PIPELINE_FUZZ_SCALE multiplies it).
"""

from __future__ import annotations

import os

from hypothesis import strategies as st

FUZZ = os.environ.get("PIPELINE_FUZZ") == "1"
SCALE = float(os.environ.get("PIPELINE_FUZZ_SCALE", "1"))


def examples(default: int, fuzz: int) -> int:
    return max(1, int(fuzz * SCALE)) if FUZZ else default


PIECES = [
    # digits, numerals, decimal points and group separators in several forms
    "0", "1", "2", "3", "5", "6.5", "9", "99", "1,204,500", "2 318 700", "0.0000001", "1.2.3",
    "10^30", "1e9", "９", "１２３", "．", "，", ",", ".", " ", "\u3000", "\u00a0", "\u2009",
    "\u202f", "9" * 40, "零", "〇", "一", "二", "两", "三", "十", "百", "千", "万", "亿", "点",
    "百分之", "九十八点二", "三千余", "六七十",
    # counting words, qualifiers, ranges
    "人", "名", "家", "户", "个", "岗位", "%", "％", "‰", "成", "倍", "元", "万元", "亿元",
    "个百分点", "人次", "场", "余", "多", "以上", "左右", "约", "近", "超过", "不足", "至", "—",
    "-", "~",
    # metric, population, place and time words
    "返岗复工", "复工率", "新增就业", "招聘", "失业率", "农民工", "企业", "规上企业", "全市",
    "全省", "全国", "大庆市", "林甸县", "黑龙江省", "香港", "截至", "4月16日", "2020年",
    "今年以来", "一季度", "1-7月", "昨天", "当天", "同期", "去年底", "春节前", "同比增长", "下降",
    "预计", "力争", "分别为", "其中", "和", "、",
    # sentence ends, lines, HTML, pinyin
    "。", "；", "！", "？", ";", "\n", "\r\n", "\r", "<p>", "</p>", "<br>", "<div>", "</div>",
    "<strong>", "&nbsp;", "&amp;", "(yè)", "（wàn）", "●",
    # what dirty archives carry
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\u00ad", "\x00",
    "\ud800", "\udfff", "👍", "👨\u200d👩", "\U0002a6a5", "\x1b[0m", "\t", "\x0c", "\uffff",
    "業", "萬", "復工", "崗位", "臺灣", "億",
]

pieces = st.sampled_from(PIECES)
newsish = st.lists(st.one_of(pieces, pieces, st.text(max_size=4)), max_size=60).map("".join)
random_unicode = st.text(alphabet=st.characters(codec=None), max_size=200)
any_text = st.one_of(newsish, newsish, random_unicode)


def mutate(data: st.DataObject, text: str) -> str:
    """A mutation of `text`: cut, spliced, pieces inserted, characters replaced or repeated."""
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            text = data.draw(newsish)
            continue
        at = data.draw(st.integers(0, len(text)))
        kind = data.draw(st.sampled_from(["cut", "insert", "replace", "delete", "repeat"]))
        if kind == "cut":
            text = text[:at]
        elif kind == "insert":
            text = text[:at] + data.draw(any_text) + text[at:]
        elif kind == "replace":
            text = text[:at] + data.draw(pieces) + text[at + 1 :]
        elif kind == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 50)) :]
        else:
            text = text[:at] + text[at : at + 20] * data.draw(st.integers(2, 50)) + text[at:]
    return text


def mutate_bytes(data: st.DataObject, raw: bytes) -> bytes:
    """A mutation of an archive line's bytes: flipped, cut, inserted or deleted bytes."""
    for _ in range(data.draw(st.integers(1, 3))):
        if not raw:
            raw = data.draw(st.binary(max_size=20))
            continue
        at = data.draw(st.integers(0, len(raw) - 1))
        kind = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if kind == "flip":
            raw = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :]
        elif kind == "cut":
            raw = raw[:at]
        elif kind == "insert":
            raw = raw[:at] + data.draw(st.binary(max_size=8)) + raw[at:]
        else:
            raw = raw[:at] + raw[at + data.draw(st.integers(1, 16)) :]
    return raw
