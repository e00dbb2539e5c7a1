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


_IMPORT_CHECK = """
import sys
from pathlib import Path
from pipeline.logs import import_jieba
jieba = import_jieba()
assert "pkg_resources" not in sys.modules, "jieba imported pkg_resources"
assert import_jieba() is jieba
import jieba._compat as compat
ours = compat.get_module_res(jieba.DEFAULT_DICT_NAME).read()
import pkg_resources
theirs = pkg_resources.resource_stream("jieba._compat", jieba.DEFAULT_DICT_NAME).read()
assert ours == theirs == Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME).read_bytes()
tokenizer = jieba.Tokenizer()
tokenizer.initialize()  # the whole dictionary, read through the fallback
print("/".join(tokenizer.lcut(sys.argv[1])))
"""

_PLAIN_IMPORT = """
import sys
import jieba
tokenizer = jieba.Tokenizer()
tokenizer.initialize()
print("/".join(tokenizer.lcut(sys.argv[1])))
"""


def test_import_jieba_reads_its_files_without_pkg_resources(tmp_path: Path) -> None:
    """jieba imported without pkg_resources opens the same dictionary and segments the same."""
    text = "截至4月16日，大庆市已返岗复工6.5万人，复工率达98%，新增就业岗位1200个。"
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # no jieba cache: the dictionary is read
    ours = subprocess.run([sys.executable, "-c", _IMPORT_CHECK, text], capture_output=True,
                          text=True, timeout=600, check=False, env=env)
    assert ours.returncode == 0, ours.stderr
    plain = subprocess.run([sys.executable, "-c", _PLAIN_IMPORT, text], capture_output=True,
                           text=True, timeout=600, check=False, env=env)
    assert plain.returncode == 0, plain.stderr
    assert ours.stdout == plain.stdout
