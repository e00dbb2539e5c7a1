"""Batch runs: same output whatever the workers, one output per input, resume after kill -9."""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.batch.runner import BatchSettings, run_batch
from pipeline.batch.sinks import normalize_db_url
from pipeline.cli.run import add_arguments, run


def _ids(jsonl: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in jsonl.read_text(encoding="utf-8").splitlines()]


def _db_counts(url: str) -> tuple[int, int, list[str]]:
    engine = sa.create_engine(normalize_db_url(url))
    try:
        with engine.connect() as connection:
            ids = connection.execute(sa.text("SELECT doc_id FROM documents")).scalars().all()
            records = connection.execute(sa.text("SELECT count(*) FROM records")).scalar_one()
            n_records = connection.execute(
                sa.text("SELECT coalesce(sum(n_records), 0) FROM documents")).scalar_one()
    finally:
        engine.dispose()
    assert int(records) == int(n_records), "records rows match documents.n_records"
    return len(ids), int(records), list(ids)


def _settings(tmp_path: Path, inputs: list[Path], **options: object) -> BatchSettings:
    values: dict[str, object] = {
        "inputs": tuple(map(str, inputs)), "out_dir": tmp_path / "out",
        "db_url": f"sqlite:///{tmp_path / 'out' / 'employment.db'}", "batch_size": 8}
    values.update(options)
    return BatchSettings(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_one_output_per_input(tmp_path: Path, small_archive: Path, workers: int) -> None:
    summary = run_batch(_settings(tmp_path, [small_archive], workers=workers))
    ids = _ids(tmp_path / "out" / "records.jsonl")
    assert summary.documents == len(ids) == 41  # 40 articles and the line that is not JSON
    assert len(set(ids)) == len(ids)
    assert _db_counts(f"sqlite:///{tmp_path / 'out' / 'employment.db'}")[0] == 41


def test_batch_workers_do_not_change_output(tmp_path: Path, small_archive: Path,
                                            text_tree: Path) -> None:
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        run_batch(_settings(out, [small_archive, text_tree], workers=workers, chunk_size=3))
        outputs.append((out / "out" / "records.jsonl").read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") == 41 + 4


def test_batch_resume_skips_complete_documents(tmp_path: Path, small_archive: Path) -> None:
    settings = _settings(tmp_path, [small_archive], workers=1)
    run_batch(settings)
    again = run_batch(_settings(tmp_path, [small_archive], workers=1, resume=True))
    assert (again.documents, again.skipped) == (0, 41)
    assert len(_ids(tmp_path / "out" / "records.jsonl")) == 41


def test_batch_rerun_without_resume_keeps_one_copy(tmp_path: Path, small_archive: Path) -> None:
    for _ in range(2):
        run_batch(_settings(tmp_path, [small_archive], workers=2))
    assert len(_ids(tmp_path / "out" / "records.jsonl")) == 41
    assert _db_counts(f"sqlite:///{tmp_path / 'out' / 'employment.db'}")[0] == 41


def test_batch_two_workers_write_what_one_writes_and_leave_the_collector(
    tmp_path: Path, small_archive: Path
) -> None:
    # the workers share the Extractor built before they are forked (one worker: built and frozen
    # before its documents); either way the collector is unfrozen after the run
    frozen = gc.get_freeze_count()
    for workers in (1, 2):
        run_batch(_settings(tmp_path / str(workers), [small_archive], workers=workers))
    assert gc.get_freeze_count() == frozen
    assert (tmp_path / "1" / "out" / "records.jsonl").read_bytes() == \
        (tmp_path / "2" / "out" / "records.jsonl").read_bytes()


def _pid_of_task(number: int) -> tuple[int, int]:
    return number, os.getpid()


def test_batch_pool_replaces_exited_workers_and_ends() -> None:
    """The runner's pool (woken only by worker exits, close and its last task, not by results
    waiting to be read) still replaces workers that exit and ends when its work is done."""
    import multiprocessing

    from pipeline.batch.runner import _Pool

    pool = _Pool(2, maxtasksperchild=1, context=multiprocessing.get_context())
    try:
        results = list(pool.imap(_pid_of_task, range(12), chunksize=1))
        pool.close()
        pool.join()
    finally:
        pool.terminate()
    assert [number for number, _ in results] == list(range(12))
    assert len({pid for _, pid in results}) == 12  # a new worker for every task


def test_batch_kill_9_then_resume_loses_and_duplicates_nothing(
    tmp_path: Path, large_archive: Path, repo_root: Path
) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli.run", str(large_archive), "--out", str(out),
               "--parquet", str(tmp_path / "parquet"), "--workers", "2", "--batch-size", "5",
               "--progress", "none"]
    process = subprocess.Popen(command, cwd=repo_root, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    jsonl = out / "records.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if jsonl.exists() and jsonl.read_bytes().count(b"\n") >= 50:
            break
        time.sleep(0.01)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    written = jsonl.read_bytes().count(b"\n")
    assert 50 <= written < 3000
    resumed = subprocess.run([*command, "--resume"], cwd=repo_root, capture_output=True,
                             text=True, timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr
    expected = [f"doc-{number:05d}" for number in range(3000)]
    assert sorted(_ids(jsonl)) == expected
    assert sorted(_db_counts(f"sqlite:///{out / 'employment.db'}")[2]) == expected
    import pyarrow.parquet as pq

    parquet_ids = pq.read_table(tmp_path / "parquet" / "documents").column("doc_id").to_pylist()
    assert sorted(parquet_ids) == expected


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return run(parser.parse_args(argv))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["no/such/path"], "does not exist"),
        (["{archive}", "--db", "mysql://u@h/db"], "not supported"),
        (["{archive}", "--workers", "0"], "--workers must be at least 1"),
        (["{archive}", "--scheduler", "tcp://x:1"], "--scheduler needs --engine dask"),
    ],
)
def test_batch_cli_usage_errors_exit_2(tmp_path: Path, small_archive: Path, argv: list[str],
                                       message: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [arg.replace("{archive}", str(small_archive)) for arg in argv]
    assert _cli([*argv, "--out", str(tmp_path / "out")]) == 2
    assert message in capsys.readouterr().err


def test_batch_cli_runs_and_prints_summary(tmp_path: Path, small_archive: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code = _cli([str(small_archive), "--out", str(tmp_path / "out"), "--workers", "1",
                 "--progress", "lines"])
    captured = capsys.readouterr()
    assert code == 3  # the archive's line that is not JSON is a document with an error
    assert "documents: 41" in captured.out
    assert "1 of 41 documents have errors (read.bad_record 1)" in captured.out
    assert "progress: 41 documents" in captured.err


def test_batch_cli_unreachable_database_exits_1(tmp_path: Path, small_archive: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code = _cli([str(small_archive), "--out", str(tmp_path / "out"), "--db",
                 "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"])
    assert code == 1
    assert "cannot open the database" in capsys.readouterr().err


def test_batch_cli_help_lists_options(repo_root: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline.cli.run", "--help"], cwd=repo_root,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    for option in ("--out", "--db", "--parquet", "--workers", "--resume", "--engine",
                   "--scheduler", "--text-field", "--id-field"):
        assert option in result.stdout


@pytest.mark.postgres
def test_batch_sqlite_and_postgres_get_the_same_documents(
    tmp_path: Path, small_archive: Path, text_tree: Path, postgres_url: str
) -> None:
    inputs = [small_archive, text_tree]
    run_batch(_settings(tmp_path / "a", inputs, workers=2))
    run_batch(_settings(tmp_path / "b", inputs, workers=2, db_url=postgres_url))
    sqlite = _db_counts(f"sqlite:///{tmp_path / 'a' / 'out' / 'employment.db'}")
    postgres = _db_counts(postgres_url)
    assert (sqlite[0], sqlite[1]) == (postgres[0], postgres[1]) == (45, sqlite[1])
    assert sorted(sqlite[2]) == sorted(postgres[2])


@pytest.mark.archive
@pytest.mark.postgres
def test_batch_archive_sample_into_sqlite_and_postgres(
    tmp_path: Path, archive_sample: Path, postgres_url: str
) -> None:
    lines = sum(1 for line in archive_sample.open("rb") if line.strip())
    sqlite_url = f"sqlite:///{tmp_path / 'archive.db'}"
    for url in (sqlite_url, postgres_url):
        summary = run_batch(_settings(tmp_path, [archive_sample], workers=2, db_url=url,
                                      out_dir=None))
        assert summary.documents == lines
    sqlite = _db_counts(sqlite_url)
    postgres = _db_counts(postgres_url)
    assert sqlite[0] == postgres[0] == lines
    assert sqlite[1] == postgres[1]


def test_batch_dask_local_cluster_matches_local_engine(tmp_path: Path,
                                                       small_archive: Path) -> None:
    local = _settings(tmp_path / "local", [small_archive], workers=1)
    dask = _settings(tmp_path / "dask", [small_archive], workers=2, engine="dask",
                     partition_size=7)
    run_batch(local)
    summary = run_batch(dask)
    assert summary.documents == 41
    assert (tmp_path / "local" / "out" / "records.jsonl").read_bytes() == \
        (tmp_path / "dask" / "out" / "records.jsonl").read_bytes()
