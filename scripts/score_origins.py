"""Scores of the development corpus by origin (seed, written, archive): the README's table.

    .venv/bin/python scripts/score_origins.py [--gold corpus]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.evaluate import predict, score
from pipeline.evaluate.corpus import load_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    loaded = load_corpus(args.gold)
    from pipeline.evaluate.inputs import GoldText

    texts = [GoldText(d.gold, d.text, d.metadata) for d in loaded.documents]
    predictions = {doc.doc_id: doc for doc in predict(texts)}
    origins = sorted({d.entry.origin for d in loaded.documents})
    print("origin    docs  gold   value P / R / F1          strict F1")
    for origin in [*origins, "all"]:
        docs = [d for d in loaded.documents if origin in ("all", d.entry.origin)]
        report = score([d.gold for d in docs], [predictions[d.gold.doc_id] for d in docs])
        v = report.value
        print(f"{origin:8} {len(docs):5} {sum(len(d.gold.records) for d in docs):5}   "
              f"{v.precision:.3f} / {v.recall:.3f} / {v.f1:.3f}     {report.strict.f1:.3f}")


if __name__ == "__main__":
    main()
