"""README's "Use it from Python" and "Use it from spaCy" code runs and prints what it shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.api.conftest import REPO, RunPython

SECTIONS = ("Use it from Python", "Use it from spaCy")
_BLOCK = re.compile(r"```python\n(?P<code>.*?)```\n(?:\n```text\n(?P<output>.*?)```\n)?", re.DOTALL)


def _blocks(section: str) -> list[tuple[str, str | None]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    body = readme.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return [(m["code"], m["output"]) for m in _BLOCK.finditer(body)]


CASES = [(section, n, code, output) for section in SECTIONS
         for n, (code, output) in enumerate(_blocks(section))]


def test_readme_sections_have_code_and_output() -> None:
    for section in SECTIONS:
        blocks = _blocks(section)
        assert blocks, f"README section {section!r} has no python block"
        assert all(output for _, output in blocks), f"a block of {section!r} shows no output"


@pytest.mark.parametrize(("section", "index", "code", "output"), CASES,
                         ids=[f"{section.split()[-1]}-{n}" for section, n, _, _ in CASES])
def test_readme_code_blocks_run_as_shown(
    section: str, index: int, code: str, output: str | None, run_python: RunPython,
    tmp_path: Path,
) -> None:
    result = run_python(code, tmp_path)
    assert result.returncode == 0, f"{section} block {index}: {result.stderr}"
    assert result.stderr == "", f"{section} block {index} wrote to stderr"
    assert result.stdout == (output or "")
