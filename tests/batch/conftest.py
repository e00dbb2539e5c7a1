"""Fixtures of the batch tests: inputs written to temp dirs, a throwaway PostgreSQL, documents.

PostgreSQL is real: `postgres_server` runs scripts/start_postgres.sh (Debian's
postgresql) on a free loopback port for the session. Without the binaries the
PostgreSQL tests skip, except under CI=true where they fail.
"""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from schemas import (
    ArticleMeta,
    DocError,
    ExtractedDocument,
    Level,
    Metric,
    Region,
    Script,
    Stage,
    StatRecord,
    Unit,
)

if TYPE_CHECKING:
    from tests.conftest import PostgresCluster

REPO = Path(__file__).resolve().parents[2]
ARCHIVE = REPO.parent / "shared" / "data" / "news-archive.jsonl.gz"
ARCHIVE_SAMPLE_SIZE = 200


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def postgres_server(postgres_cluster: PostgresCluster) -> str:
    """URL of the `pipeline` database of the session's throwaway cluster (tests/conftest.py)."""
    return postgres_cluster.url


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the session's server (one per test)."""
    import psycopg
    from psycopg import sql

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return postgres_server.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each database test runs on both engines."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture(scope="session")
def archive_path() -> Path:
    if not ARCHIVE.exists():
        pytest.skip(f"news archive not found at {ARCHIVE}; place news-archive.jsonl.gz there")
    return ARCHIVE


@pytest.fixture(scope="session")
def archive_sample(archive_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first records of the news archive, as a JSONL file in a temp dir (never the repo)."""
    target = tmp_path_factory.mktemp("archive") / "sample.jsonl"
    with gzip.open(archive_path, "rb") as lines, open(target, "wb") as out:
        out.writelines(islice(lines, ARCHIVE_SAMPLE_SIZE))
    return target


def _synthetic_records(count: int) -> list[dict[str, object]]:
    return [
        {"id": f"doc-{number:05d}", "title": f"第{number}号", "date": "2020-04-28",
         "text": f"大庆市第{number}批企业复工，新增就业{number + 10}人。" * (1 + number % 3)}
        for number in range(count)
    ]


def _write_jsonl(
    path: Path, records: list[dict[str, object]], extra_lines: Sequence[str] = ()
) -> Path:
    lines = [json.dumps(record, ensure_ascii=False) for record in records] + list(extra_lines)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


@pytest.fixture
def small_archive(tmp_path: Path) -> Path:
    """40 synthetic articles plus one line that is not JSON."""
    return _write_jsonl(tmp_path / "small.jsonl", _synthetic_records(40), ["{not json"])


@pytest.fixture
def large_archive(tmp_path: Path) -> Path:
    return _write_jsonl(tmp_path / "large.jsonl.gz", _synthetic_records(3000))


@pytest.fixture
def text_tree(tmp_path: Path) -> Path:
    """A directory of articles in several encodings, with files a walk must ignore."""
    root = tmp_path / "tree"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "a" / "one.txt").write_bytes("就业人数增加".encode())
    (root / "a" / "two.HTML").write_bytes("<p>復工率98%</p>".encode("big5"))
    (root / "b" / "three.htm").write_bytes("<p>新增岗位</p>".encode("gb18030"))
    (root / "b" / "one.txt").write_bytes("另一篇".encode())  # same stem as a/one.txt
    (root / "b" / "gold.json").write_text("{}", encoding="utf-8")
    (root / "manifest.yaml").write_text("documents: []\n", encoding="utf-8")
    return root


def _make_document(doc_id: str, n_records: int = 2, error: bool = False,
                  value: str = "65000") -> ExtractedDocument:
    """A valid document with grounded records, for sink tests."""
    sentence = "全市返岗复工6.5万人。"
    text = sentence * max(n_records, 1)
    region = Region(name="大庆市", level=Level.city, code="230600", parent="黑龙江省")
    records = [
        StatRecord(metric=Metric.workers_at_work, indicator="返岗复工", value=Decimal(value),
                   unit=Unit.person, region=region, date="2020-04-28", value_text="6.5万人",
                   span=(len(sentence) * n + 6, len(sentence) * n + 11), evidence=sentence)
        for n in range(n_records)
    ]
    errors = [DocError(stage=Stage.extract, code="extract.failed", message="test error")] \
        if error else []
    return ExtractedDocument(doc_id=doc_id, source=f"test#{doc_id}", script=Script.simplified,
                             article=ArticleMeta(title="标题", region=region, authors=["甲"]),
                             text=text, records=records, errors=errors)


@pytest.fixture
def documents() -> list[ExtractedDocument]:
    return [_make_document(f"d{n}", n_records=n % 3, error=n == 4) for n in range(6)]


@pytest.fixture
def make_document() -> Callable[..., ExtractedDocument]:
    return _make_document


@pytest.fixture
def write_jsonl() -> Callable[..., Path]:
    return _write_jsonl


@pytest.fixture
def synthetic_records() -> Callable[[int], list[dict[str, object]]]:
    return _synthetic_records


@pytest.fixture(scope="session")
def corpus_documents() -> list[ExtractedDocument]:
    """The bundled corpus's written articles (corpus/texts), extracted once per session."""
    from pipeline.batch.runner import map_local
    from pipeline.batch.sources import SourceSettings, iter_documents
    from pipeline.batch.work import BatchSettings

    raws = iter_documents((str(REPO / "corpus" / "texts"),), SourceSettings())
    return list(map_local(raws, BatchSettings(workers=1, out_dir=None)))


@pytest.fixture
def corpus_db(db_url: str, corpus_documents: list[ExtractedDocument]) -> str:
    """A database (SQLite and PostgreSQL) holding the corpus as the pipeline writes it."""
    from pipeline.batch.sinks import SqlSink

    sink = SqlSink(db_url)
    sink.open(resume=False)
    sink.write(corpus_documents)
    sink.close()
    return db_url
