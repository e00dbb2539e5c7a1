"""The command line: exit codes and messages a person can act on."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main


def test_cli_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "evaluate" in capsys.readouterr().out


def test_cli_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["/nonexistent/dir", "--workers", "1"])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_unknown_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--no-such-option"])
    assert exit_info.value.code == 2


def test_cli_run_writes_jsonl_and_sqlite(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(repo / "run_pipeline.py"), str(repo / "corpus/texts"),
         "--out", str(out), "--db", f"sqlite:///{out}/employment.db", "--workers", "1",
         "--progress", "none"],
        capture_output=True, text=True, cwd=repo, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    texts = sorted((repo / "corpus/texts").glob("*.txt"))
    assert len(lines) == len(texts)
    assert all(json.loads(line)["doc_id"] for line in lines)
    with sqlite3.connect(out / "employment.db") as db:
        documents = db.execute("select count(*) from documents").fetchone()[0]
        records = db.execute("select count(*) from records").fetchone()[0]
    assert documents == len(texts)
    assert records == sum(len(json.loads(line)["records"]) for line in lines)
    assert "documents:" in result.stdout


def _options(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]+", text))


def test_entrypoint_readme_cli_matches_help(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    section = readme.split("## CLI", 1)[1].split("\n## ", 1)[0]
    documented = _options(section.split("python run_pipeline.py evaluate", 1)[0])
    with pytest.raises(SystemExit):
        main(["--help"])
    offered = _options(capsys.readouterr().out) - {"--help"}
    assert documented == offered
    documented_eval = _options(
        section.split("python run_pipeline.py evaluate", 1)[1].split("convert-gold", 1)[0]
    )
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    offered_eval = _options(capsys.readouterr().out) - {"--help"}
    assert documented_eval <= offered_eval


@pytest.mark.parametrize("command", ["export", "summary"])
def test_entrypoint_readme_cli_documents_analysis_commands(
    command: str, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    section = readme.split("## CLI", 1)[1].split("\n## ", 1)[0]
    line = next(line for line in section.splitlines()  # the synopsis, before the examples
                if line.strip().startswith(f"python run_pipeline.py {command} --db"))
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert _options(line) == _options(capsys.readouterr().out) - {"--help"}
