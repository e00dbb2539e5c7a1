"""The HTML report in a real browser: it renders, and holds one mark per record."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.evaluate import render_html, score
from schemas import ExtractedDocument, GoldDocument

Chromium = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.mark.browser
def test_browser_report_renders_with_one_mark_per_record(
    chromium: Chromium, count_png_colours: Callable[[Path], int], tmp_path: Path,
    seed_documents: list[tuple[GoldDocument, str]], perturbed: list[ExtractedDocument],
) -> None:
    golds = [gold for gold, _ in seed_documents]
    report = score(golds, perturbed)
    page = tmp_path / "report.html"
    page.write_text(render_html(report, golds, perturbed, {g.doc_id: t for g, t in seed_documents}),
                    encoding="utf-8")
    screenshot = tmp_path / "shot.png"

    chromium(tmp_path, f"--screenshot={screenshot}", "--window-size=1280,900", page.as_uri())
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout.decode("utf-8")

    assert count_png_colours(screenshot) > 50, "the screenshot is (nearly) blank"
    marks = re.findall(r'<mark class="rec (\w+)"', dom)
    spurious = sum(len(d.spurious) for d in report.per_document)
    assert len(marks) == report.gold_records + spurious
    assert marks.count("spurious") == spurious
    assert marks.count("miss") == report.value.fn
    assert dom.count("<svg") == 2
