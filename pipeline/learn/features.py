"""The text a learned model reads: the same function at training and at prediction time.

A candidate quantity is shown in its sentence, clipped to a window, with its digits replaced
by `#` (the model learns words, not values) and the number set off by 【】:
`已返岗复工【#万人】，占春节前返乡总数的`.
"""

from __future__ import annotations

import re
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "models"
METRIC_MODEL = MODELS / "metric_textcat"
PLACES_MODEL = MODELS / "places_ner"

_STOPS = "。！？；!?;\n"
_DIGITS = re.compile(r"[\d０-９.,，．零〇一二三四五六七八九十百千两]+")
LEFT, RIGHT = 40, 16


def metric_text(sentence: str, start: int, end: int) -> str:
    """The window of `sentence` around the quantity at [start, end) the metric model reads."""
    begin = max((sentence.rfind(stop, 0, start) for stop in _STOPS), default=-1) + 1
    finishes = [i for i in (sentence.find(stop, end) for stop in _STOPS) if i >= 0]
    finish = min(finishes, default=len(sentence))
    low, high = max(begin, start - LEFT), min(finish, end + RIGHT)
    number = _DIGITS.sub("#", sentence[start:end])
    return f"{sentence[low:start]}【{number}】{sentence[end:high]}"
