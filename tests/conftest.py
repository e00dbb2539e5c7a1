"""Fixtures shared by several test packages: the pipeline's stages built once per session
(an internal `Extractor`, the quantity and time finders, the converter), headless Debian
chromium and a PNG reader, and the throwaway PostgreSQL cluster of the session.

PostgreSQL is real: `postgres_cluster` runs scripts/start_postgres.sh (Debian's
postgresql) on a free loopback port, once per session. Without the binaries the
PostgreSQL tests skip, except under CI=true where they fail. The fault tests restart
this same server with `pg_ctl` (its data directory is `postgres_cluster.directory`).

Property tests (hypothesis) run derandomized, so a test run is reproducible and CI fails
only on a change; `HYPOTHESIS_PROFILE=explore` draws fresh examples to look for new faults.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.extract.numbers import QuantityFinder
from pipeline.extract.timex import TimeFinder
from pipeline.ingest.convert import Converter
from pipeline.process import Extractor

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

CHROMIUM = Path("/usr/bin/chromium")
Chromium = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The internal Extractor (costly to build: spaCy, jieba, OpenCC), one per session."""
    return Extractor()


@pytest.fixture(scope="session")
def quantities() -> QuantityFinder:
    return QuantityFinder()


@pytest.fixture(scope="session")
def times() -> TimeFinder:
    return TimeFinder()


@pytest.fixture(scope="session")
def converter() -> Converter:
    return Converter()


@pytest.fixture(scope="session")
def chromium() -> Chromium:
    """Run headless Debian chromium with the given extra arguments."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("/usr/bin/chromium is missing on CI: apt-get install -y chromium")
        pytest.skip("/usr/bin/chromium is missing: apt-get install -y chromium to run this test")

    def run(tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
        command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
                   *args]
        return subprocess.run(command, capture_output=True, timeout=180, check=True)

    return run


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def png_colours(path: Path) -> int:
    """Distinct colours of an 8-bit RGB/RGBA PNG, decoded with the standard library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat = 8, b""
    width = height = colour_type = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6), "only 8-bit RGB(A) screenshots"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    bpp = 3 if colour_type == 2 else 4
    stride = width * bpp
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(height):
        filter_type = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up = previous[x]
            corner = previous[x - bpp] if x >= bpp else 0
            if filter_type == 1:
                line[x] = (line[x] + left) & 0xFF
            elif filter_type == 2:
                line[x] = (line[x] + up) & 0xFF
            elif filter_type == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif filter_type == 4:
                line[x] = (line[x] + _paeth(left, up, corner)) & 0xFF
        colours.update(bytes(line[x:x + 3]) for x in range(0, stride, bpp * 4))
        previous = line
    return len(colours)


@pytest.fixture(scope="session")
def count_png_colours() -> Callable[[Path], int]:
    return png_colours


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
