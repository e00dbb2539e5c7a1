"""Process archive records [START, STOP) with the Extractor built as a batch run builds it.

For counting instructions, which unlike wall-clock time are steady on a shared machine:

    valgrind --tool=cachegrind --cache-sim=no .venv/bin/python bench/process_docs.py 200 1700
    valgrind --tool=cachegrind --cache-sim=no .venv/bin/python bench/process_docs.py 200 200

The difference of the two totals is what `Extractor.process` took over those records (the
second run builds everything and processes nothing). `--prepare` also serialises each
document for the sinks, as a worker of a batch run does.
"""

from __future__ import annotations

import argparse
import sys
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARCHIVES = [REPO.parent / "shared" / "data" / "news-archive.jsonl.gz",
            REPO.parents[1] / "shared" / "data" / "news-archive.jsonl.gz"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("start", type=int)
    parser.add_argument("stop", type=int)
    parser.add_argument("--archive", type=Path,
                        default=next((p for p in ARCHIVES if p.exists()), ARCHIVES[0]))
    parser.add_argument("--prepare", action="store_true")
    args = parser.parse_args(argv)
    from pipeline.batch.runner import _frozen_extractor
    from pipeline.batch.sources import read_jsonl
    from pipeline.batch.work import BatchSettings, prepare_one, process_one

    documents = list(islice(read_jsonl(args.archive), args.stop))[args.start:]
    settings = BatchSettings()
    _frozen_extractor(settings)
    for document in documents:
        if args.prepare:
            prepare_one(document, settings.extract, rows=True)
        else:
            process_one(document, settings.extract)
    return 0


if __name__ == "__main__":
    sys.exit(main())
