"""Write `pipeline/data/place_straddles.json` from jieba's dictionary and the gazetteer.

    .venv/bin/python scripts/make_place_straddles.py

A two-character short form of a place (长春 for 长春市, 建水 for 建水县) often stands across
two common words: 延长|春节, 基建|水平, 复杂|多变 (杂多县), 金融|安全 (融安县). For each such form
XY the file lists the characters c that make cX a word and the characters d that make Yd a
word, among jieba's two-character words at least as frequent as `MIN_FREQUENCY` and more
frequent than XY itself (so 至上|海港 never hides 上海, which jieba counts far more often).
The gazetteer reads a form as no place where both hold (`Gazetteer._straddles`). Run it again
when `regions.yaml` or the division table changes the short forms.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MIN_FREQUENCY = 20
OUT = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "place_straddles.json"


def jieba_frequencies() -> dict[str, int]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    frequencies: dict[str, int] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, frequency, *_ = line.split()
            frequencies[word] = int(frequency)
    return frequencies


def straddles(forms: list[str], frequencies: dict[str, int]) -> dict[str, list[str]]:
    """form -> [characters before it that end a word, characters after it that start one]."""
    ending: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)  # X -> (c, freq of cX)
    starting: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)  # Y -> (d, freq of Yd)
    for word, frequency in frequencies.items():
        if len(word) == 2:
            ending[word[1]].append((word[0], frequency))
            starting[word[0]].append((word[1], frequency))
    table: dict[str, list[str]] = {}
    for form in sorted(forms):
        bar = max(MIN_FREQUENCY, frequencies.get(form, 0) + 1)
        before = "".join(sorted({c for c, f in ending[form[0]] if f >= bar}))
        after = "".join(sorted({d for d, f in starting[form[1]] if f >= bar}))
        if before and after:
            table[form] = [before, after]
    return table


def main() -> int:
    from pipeline.extract.gazetteer import Gazetteer

    gazetteer = Gazetteer.load(straddles={})
    forms = gazetteer.two_character_short_forms()
    table = straddles(forms, jieba_frequencies())
    document = {
        "about": "two-character short forms of places and the characters around them that "
                 "make two common words instead (scripts/make_place_straddles.py, from "
                 f"jieba's dict.txt, min frequency {MIN_FREQUENCY})",
        "forms": table,
    }
    OUT.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{len(table)} of {len(forms)} forms written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
