"""Paragraph parts of long transcripts: speaker turns start a part, numbered points continue it."""

from __future__ import annotations

from pipeline.ingest.sentences import paragraph_parts

FILLER = "各项工作有序推进，企业用工总体平稳。" * 12


def test_sentences_numbered_points_continue_the_speaker() -> None:
    text = ("记者：请介绍一下甲市的情况？甲市人社局局长某某：" + FILLER + "第一个平台：网上招聘。"
            + FILLER + "一是开通专栏。" + FILLER)
    parts = list(paragraph_parts(text, 0, len(text)))
    labels = [(text[start : start + 6], continues) for start, _end, continues in parts]
    assert labels[0] == ("记者：请介绍", False)
    assert ("甲市人社局局", False) in labels  # a new speaker's turn
    assert ("第一个平台：", True) in labels  # a numbered point of that speaker
    assert ("一是开通专栏", True) in labels


def test_sentences_short_blocks_are_one_part() -> None:
    text = "甲市人社局局长某某：全市复工企业3000家。"
    assert list(paragraph_parts(text, 0, len(text))) == [(0, len(text), False)]
