"""Quiet by default: a CLI run writes nothing to stderr unless -v asks for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "截至4月16日，大庆市已返岗复工6.5万人。\n"


def _run_cli(repo: Path, tmp_path: Path, *options: str,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(repo / "run_pipeline.py"), str(tmp_path / "in"), "--out",
         str(tmp_path / "out"), *options],
        capture_output=True, text=True, cwd=tmp_path, timeout=600, check=False, env=env,
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_logs_cli_run_is_quiet_by_default(repo: Path, tmp_path: Path, workers: str) -> None:
    result = _run_cli(repo, tmp_path, "--workers", workers)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("documents: 1  records: 1 ")


def test_logs_cli_verbose_shows_third_party_lines(repo: Path, tmp_path: Path) -> None:
    # An empty temporary directory: no dictionary cache yet, so jieba builds its dictionary
    # and says so (later runs read the split cache and jieba has nothing to say).
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = _run_cli(repo, tmp_path, "--workers", "1", "-v",
                      env={**os.environ, "TMPDIR": str(temporary)})
    assert result.returncode == 0, result.stderr
    assert "DEBUG jieba: Building prefix dict" in result.stderr
    assert "progress: 1 documents" in result.stderr
    assert result.stderr.count("Building prefix dict") == 1  # once: no second handler
