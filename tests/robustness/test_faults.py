"""Faults, with real processes and real stores: kill -9 and --resume, a PostgreSQL restart
mid-run, an output location that is read-only or full. Nothing is lost or doubled."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sqlalchemy as sa

from pipeline.batch.runner import run_batch
from pipeline.batch.work import BatchSettings
from tests.robustness.inputs import write_synthetic_archive

if TYPE_CHECKING:
    from tests.conftest import PostgresCluster

REPO = Path(__file__).resolve().parents[2]
START_POSTGRES = REPO / "scripts" / "start_postgres.sh"
# Columns that differ between two runs by nature: when and in which row order it was written.
_VOLATILE = {"processed_at", "id"}


def _command(archive: Path, out: Path, db_url: str, *options: str) -> list[str]:
    return [sys.executable, str(REPO / "run_pipeline.py"), str(archive), "--out", str(out),
            "--db", db_url, "--progress", "none", *options]


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600,
                          check=False)


def _wait_until(process: subprocess.Popen[bytes], ready: Any, what: str) -> None:
    """Poll until `ready()` holds; fail if the run ends first (no timing is asserted)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if ready():
            return
        time.sleep(0.02)
    pytest.fail(f"the run ended (exit {process.poll()}) before {what}")


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _tables(db_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the three tables, without the volatile columns, sorted."""
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    tables = {}
    with engine.connect() as connection:
        for name in ("documents", "records", "errors"):
            table = sa.Table(name, sa.MetaData(), autoload_with=connection)
            columns = [c for c in table.columns if c.name not in _VOLATILE]
            rows = connection.execute(sa.select(*columns)).tuples().all()
            tables[name] = sorted(tuple(str(v) for v in row) for row in rows)
    engine.dispose()
    return tables


def test_faults_kill_9_then_resume_gives_the_uninterrupted_output(tmp_path: Path) -> None:
    archive = write_synthetic_archive(tmp_path / "archive.jsonl", 700)
    baseline = tmp_path / "baseline"  # the uninterrupted run, in this process
    run_batch(BatchSettings(inputs=(str(archive),), workers=1, out_dir=baseline,
                            db_url=f"sqlite:///{baseline / 'db.sqlite'}"))

    out = tmp_path / "killed"
    command = _command(archive, out, f"sqlite:///{out / 'db.sqlite'}", "--workers", "1",
                       "--batch-size", "7")
    process = subprocess.Popen(command, cwd=REPO, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    jsonl = out / "records.jsonl"
    _wait_until(process, lambda: _lines(jsonl) >= 70, "70 documents were written")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert 70 <= _lines(jsonl) < 700  # killed mid-run
    resumed = _run([*command, "--resume"])
    assert resumed.returncode == 3, resumed.stderr
    assert "skipped: 0" not in resumed.stdout  # the resumed run did skip the written part

    assert jsonl.read_bytes() == (baseline / "records.jsonl").read_bytes()
    assert _tables(f"sqlite:///{out / 'db.sqlite'}") == \
        _tables(f"sqlite:///{baseline / 'db.sqlite'}")


def test_faults_postgres_restart_mid_run_loses_nothing(
    tmp_path: Path, postgres_cluster: PostgresCluster, postgres_url: str
) -> None:
    archive = write_synthetic_archive(tmp_path / "archive.jsonl", 1200)
    out = tmp_path / "out"
    process = subprocess.Popen(
        _command(archive, out, postgres_url, "--workers", "1", "--batch-size", "5"),
        cwd=REPO, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    engine = sa.create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://"))

    def stored() -> int:
        try:
            with engine.connect() as connection:
                return int(connection.execute(sa.text("select count(*) from documents"))
                           .scalar_one())
        except sa.exc.SQLAlchemyError:
            return 0

    try:
        _wait_until(process, lambda: stored() >= 60, "60 documents were stored")
        engine.dispose()
        directory = str(postgres_cluster.directory)
        port = postgres_cluster.url.rsplit(":", 1)[1].split("/", 1)[0]
        # -m immediate: the server goes down as in a crash, mid-transaction
        subprocess.run([str(START_POSTGRES), "--stop", directory], check=True, timeout=60)
        assert process.poll() is None, "the run ended while the server was down"
        time.sleep(2)  # down long enough for the run to meet it
        subprocess.run([str(START_POSTGRES), directory, port], check=True, timeout=120,
                       capture_output=True)
        _, stderr = process.communicate(timeout=600)
    finally:
        engine.dispose()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 3, stderr.decode()
    assert b"retrying the batch" in stderr
    written = _lines(out / "records.jsonl")
    assert written == 1200
    tables = _tables(postgres_url)
    assert len(tables["documents"]) == 1200
    assert len({row[0] for row in tables["documents"]}) == 1200
    engine = sa.create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        mismatched = connection.execute(sa.text(
            "select count(*) from documents d where d.n_records <>"
            " (select count(*) from records r where r.doc_id = d.doc_id)")).scalar_one()
    engine.dispose()
    assert mismatched == 0
    jsonl_records = sum(line.count('"metric"') for line in
                        (out / "records.jsonl").read_text(encoding="utf-8").splitlines())
    assert len(tables["records"]) == jsonl_records


def test_faults_full_disk_is_a_clear_error_and_resume_completes(
    tmp_path: Path, small_disk: Path
) -> None:
    archive = write_synthetic_archive(tmp_path / "archive.jsonl", 1200)  # > 1 MB of output
    out = small_disk / "out"
    db_url = f"sqlite:///{out / 'db.sqlite'}"
    full = _run(_command(archive, out, db_url, "--workers", "1", "--batch-size", "20"))
    assert full.returncode == 1
    assert "No space left on device" in full.stderr or "full" in full.stderr
    assert "--resume" in full.stderr
    assert "Traceback" not in full.stderr
    with sqlite3.connect(out / "db.sqlite") as db:  # what is there is whole
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        partial = db.execute(
            "select count(*) from documents d where d.n_records <>"
            " (select count(*) from records r where r.doc_id = d.doc_id)").fetchone()[0]
    assert partial == 0
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    resumed = _run(_command(archive, out, db_url, "--workers", "1", "--resume"))
    assert resumed.returncode == 3, resumed.stderr
    assert _lines(out / "records.jsonl") == 1200
    assert len(_tables(db_url)["documents"]) == 1200


def test_faults_read_only_output_is_a_clear_error(tmp_path: Path, read_only_disk: Path) -> None:
    archive = write_synthetic_archive(tmp_path / "archive.jsonl", 20)
    out = read_only_disk / "out"
    result = _run(_command(archive, out, f"sqlite:///{out / 'db.sqlite'}", "--workers", "1"))
    assert result.returncode == 1
    assert "Read-only file system" in result.stderr
    assert result.stderr.startswith("error: cannot open")
    assert not (out / "db.sqlite").exists()
