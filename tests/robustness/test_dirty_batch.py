"""All the bad inputs in one batch, as a user would run it: the batch goes on, every input
gives one document, and the summary and the exit code say how many have errors."""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.cli.run import add_arguments, count_inputs, run
from tests.robustness.inputs import (
    ARCHIVE_LINES,
    FILES,
    write_corrupt_gzip,
    write_truncated_gzip,
)


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return run(parser.parse_args(argv))


def _expected_failures() -> int:
    return sum(1 for bad in FILES if bad.codes) + sum(1 for line in ARCHIVE_LINES if line[2])


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_robustness_dirty_batch_writes_every_input_and_exits_3(
    dirty_dir: Path, tmp_path: Path, database: str, request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    db_url = f"sqlite:///{out / 'dirty.db'}" if database == "sqlite" \
        else request.getfixturevalue("postgres_url")
    code = _cli([str(dirty_dir), str(dirty_dir / "dirty.jsonl"), "--out", str(out),
                 "--db", db_url, "--workers", "1", "--progress", "none"])
    printed = capsys.readouterr().out
    total = len(FILES) + len(ARCHIVE_LINES)
    failed = _expected_failures()
    assert code == 3, printed
    assert f"documents: {total} " in printed
    assert f"{failed} of {total} documents have errors (" in printed
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == total
    assert sum(bool(json.loads(line)["errors"]) for line in lines) == failed
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        stored = connection.execute(sa.text("select count(*) from documents")).scalar_one()
        with_errors = connection.execute(
            sa.text("select count(distinct doc_id) from errors")).scalar_one()
    engine.dispose()
    assert (stored, with_errors) == (total, failed)


def test_robustness_clean_batch_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "one.txt").write_text("截至4月16日，全市已返岗复工6.5万人。\n", encoding="utf-8")
    code = _cli([str(source), "--out", str(tmp_path / "out"), "--workers", "1",
                 "--progress", "none"])
    assert code == 0
    assert "have errors" not in capsys.readouterr().out
    with sqlite3.connect(tmp_path / "out" / "employment.db") as db:
        assert db.execute("select count(*) from records").fetchone()[0] == 1


@pytest.mark.parametrize("write", [write_truncated_gzip, write_corrupt_gzip],
                         ids=["truncated", "corrupt"])
def test_robustness_progress_bar_survives_a_damaged_archive(
    tmp_path: Path, write: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write(tmp_path)
    assert count_inputs((str(archive),)) is None  # no ETA, and no crash before the run
    code = _cli([str(archive), "--out", str(tmp_path / "out"), "--no-db", "--workers", "1",
                 "--progress", "bar"])
    assert code == 3
    assert "have errors (read." in capsys.readouterr().out


def test_robustness_progress_counts_lines_in_blocks(tmp_path: Path) -> None:
    archive = tmp_path / "a.jsonl"
    archive.write_bytes(b'{"text": "a"}\n' * 3 + b'{"text": "' + b"x" * 3_000_000 + b'"}')
    assert count_inputs((str(archive),)) == 4


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--out", "{file}"], "is a file: give a directory"),
        (["--db", "sqlite:///{dir}"], "names a directory"),
        (["--max-bytes", "0"], "--max-bytes must be at least 1"),
    ],
)
def test_robustness_cli_misuse_exits_2_with_what_to_do(
    tmp_path: Path, options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("截至4月16日，全市已返岗复工6.5万人。\n", encoding="utf-8")
    filled = [o.replace("{file}", str(article)).replace("{dir}", str(tmp_path)) for o in options]
    assert _cli([str(article), *filled, "--progress", "none"]) == 2
    assert message in capsys.readouterr().err
