"""Check or rewrite the record snapshots of `tests/snapshot/` (the development corpus and a
fixed sample of the news archive; no article text is stored).

    .venv/bin/python scripts/snapshot.py            # compare; exit 1 naming what changed
    .venv/bin/python scripts/snapshot.py --update   # rewrite (commit it saying why records changed)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.snapshot import snapshot  # the repository root is on the path now


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the snapshots")
    parser.add_argument("--archive", type=Path, default=snapshot.find_archive())
    args = parser.parse_args()

    from pipeline.logs import quiet_jieba
    from pipeline.process import Extractor

    quiet_jieba()
    extractor = Extractor()
    parts = {"corpus": snapshot.corpus_documents(args.archive)}
    if args.archive is not None and args.archive.exists():
        parts["archive"] = snapshot.archive_documents(args.archive)
    else:
        print("news archive not found: the archive sample is not checked", file=sys.stderr)
    changed = 0
    for name, documents in parts.items():
        actual = snapshot.build(documents, extractor.process)
        if args.update:
            snapshot.write(name, actual, snapshot.ABOUT[name])
            print(f"{name}: {len(actual)} documents, "
                  f"{sum(s['records'] for s in actual.values())} records written")
            continue
        lines = snapshot.differences(snapshot.load(name), actual)
        changed += len(lines)
        print(f"{name}: {len(actual)} documents, {len(lines)} changed")
        for line in lines:
            print(f"  {line}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
