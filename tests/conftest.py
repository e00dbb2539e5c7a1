"""Fixtures shared by the test directories: the throwaway PostgreSQL cluster of the session.

PostgreSQL is real: `postgres_cluster` runs scripts/start_postgres.sh (Debian's
postgresql) on a free loopback port, once per session. Without the binaries the
PostgreSQL tests skip, except under CI=true where they fail. The fault tests restart
this same server with `pg_ctl` (its data directory is `postgres_cluster.directory`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
START_POSTGRES = REPO / "scripts" / "start_postgres.sh"


@dataclass(frozen=True)
class PostgresCluster:
    url: str  # of the `pipeline` database
    directory: Path  # holds data/ (the cluster) and server.log


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    directory = tempfile.mkdtemp(prefix="pipeline-pg-")
    result = subprocess.run([str(START_POSTGRES), directory], capture_output=True, text=True,
                            timeout=120, check=False)
    if result.returncode != 0:
        shutil.rmtree(directory, ignore_errors=True)
        reason = f"PostgreSQL could not be started ({result.stderr.strip()})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run the PostgreSQL tests: apt-get install postgresql")
        pytest.skip(f"{reason}; apt-get install postgresql to run these tests")
    try:
        yield PostgresCluster(result.stdout.strip(), Path(directory))
    finally:
        subprocess.run([str(START_POSTGRES), "--stop", directory], capture_output=True,
                       timeout=60, check=False)
        shutil.rmtree(directory, ignore_errors=True)
