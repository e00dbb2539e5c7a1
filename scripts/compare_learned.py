"""Rules only vs rules + each learned component: the README's "Learned components" table.

    .venv/bin/python scripts/compare_learned.py [--corpus corpus] [--archive PATH] [--limit 3000]
        [--speed-docs 600]

Rows per set: the development corpus (`corpus`, what `evaluate --gold corpus` reads) and the
validation sets (`corpus/validation`, `corpus/blind`, `corpus/blind2`, `corpus/blind3`; none is
trained on). Columns: value F1, strict F1, metric and region
accuracy (on matched records), docs per CPU-second over the set, and docs per CPU-second over
the first --speed-docs archive records (median of --rounds rounds, configurations interleaved in
chunks of 100 documents) with the ratio to rules only, all timed in this one run. CPU time, not
wall time: the machine is shared, and another job's load would count against whichever
configuration ran beside it. The development
figures of the metric model are optimistic (it was trained on that gold), so the metric
model is also scored 5-fold by document: each fold predicted by a model trained without it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train import default_archive, dev_examples, silver  # noqa: E402

from pipeline.document import RawDocument  # noqa: E402
from pipeline.evaluate import GoldText, load_gold_dir, score  # noqa: E402
from pipeline.evaluate.corpus import archive_metadata, iter_archive  # noqa: E402
from pipeline.learn import training  # noqa: E402
from pipeline.logs import quiet_jieba  # noqa: E402
from pipeline.process import Extractor  # noqa: E402
from pipeline.resolve import learned_metric  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from schemas import ExtractedDocument  # noqa: E402

# Sets never trained on. blind3 is the honest estimate; the others were read while rules were
# written, so the on/off decision is taken on them together and blind3 is reported beside it.
VALIDATION_SETS = (("validation", "old validation"), ("blind", "blind 1"), ("blind2", "blind 2"),
                   ("blind3", "blind 3"))

CONFIGS = {
    "rules only": Settings(learned_metric=False, learned_places=False),
    "rules + metric model": Settings(learned_metric=True, learned_places=False),
    "rules + metric model (also among disagreeing cues)": Settings(
        learned_metric=True, learned_places=False, learned_metric_policy="cues"),
    "rules + metric model (decides everywhere)": Settings(
        learned_metric=True, learned_places=False, learned_metric_policy="all"),
    "rules + place NER": Settings(learned_metric=False, learned_places=True),
    "rules + both": Settings(learned_metric=True, learned_places=True),
}


def run(extractor: Extractor, documents: Sequence[GoldText]) -> tuple[list[ExtractedDocument], float]:
    started = time.process_time()
    out = [extractor.process(RawDocument(source=d.gold.source, content=d.text, doc_id=d.gold.doc_id,
                                         metadata=d.metadata)) for d in documents]
    return out, len(documents) / (time.process_time() - started)


def speed(extractor: Extractor, records: Sequence[dict]) -> float:
    """Documents per second of this process's CPU time (the machine is shared: wall time is not
    this process's alone)."""
    started = time.process_time()
    for record in records:
        extractor.process(RawDocument(source="archive", content=record["text"], doc_id=record["id"],
                                      metadata=archive_metadata(record)))
    return len(records) / (time.process_time() - started)


def row(name: str, documents: Sequence[GoldText], pred: list[ExtractedDocument], rate: float | str,
        archive_rate: float | str, base: float | None) -> str:
    report = score([d.gold for d in documents], pred)
    fields = {f.field: f.accuracy for f in report.fields}
    ratio = f"{archive_rate / base:.2f}" if isinstance(archive_rate, float) and base else "–"
    rate_text = f"{rate:.1f}" if isinstance(rate, float) else rate
    archive_text = f"{archive_rate:.1f}" if isinstance(archive_rate, float) else archive_rate
    return (f"| {name} | {report.value.f1:.3f} | {report.strict.f1:.3f} | {fields['metric']:.3f} |"
            f" {fields['region']:.3f} | {rate_text} | {archive_text} | {ratio} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--archive", type=Path, default=default_archive())
    parser.add_argument("--limit", type=int, default=3000, help="archive records for silver (as trained)")
    parser.add_argument("--speed-docs", type=int, default=600)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3,
                        help="timing rounds (median), configurations interleaved")
    args = parser.parse_args()
    quiet_jieba()
    sets = {"development (`corpus`)": load_gold_dir(args.corpus, args.archive)}
    for folder, name in VALIDATION_SETS:
        sets[f"{name} (`corpus/{folder}`)"] = load_gold_dir(args.corpus / folder, args.archive)
    for name, gold_set in sets.items():
        if gold_set.skipped:
            raise SystemExit(f"{name}: texts missing: {gold_set.skipped}")
    sample = [r for _, r in zip(range(args.speed_docs), iter_archive(args.archive), strict=False)]
    print("| set / configuration | value F1 | strict F1 | metric acc. | region acc. | docs/CPU-s (set)"
          " | docs/CPU-s (archive sample) | × rules only |")
    print("|---|---|---|---|---|---|---|---|")
    extractors = {name: Extractor(settings) for name, settings in CONFIGS.items()}
    seconds: dict[str, list[float]] = {name: [0.0] * args.rounds for name in CONFIGS}
    for name in CONFIGS:  # warm-up
        speed(extractors[name], sample[:30])
    chunks = [sample[i : i + 100] for i in range(0, len(sample), 100)]
    for round_ in range(args.rounds):
        for chunk in chunks:  # interleaved in small chunks: a busy spell hits every configuration
            for name in CONFIGS:
                seconds[name][round_] += len(chunk) / speed(extractors[name], chunk)
    archive_rates = {name: len(sample) / statistics.median(values) for name, values in seconds.items()}
    base = archive_rates["rules only"]
    results: dict[str, dict[str, str]] = {name: {} for name in sets}
    for config in CONFIGS:
        for set_name, gold_set in sets.items():
            pred, rate = run(extractors[config], gold_set.documents)
            results[set_name][config] = row(config, gold_set.documents, pred, rate,
                                             archive_rates[config], base)
    cv = [cross_validated(extractors["rules only"], sets["development (`corpus`)"].documents, args,
                          policy) for policy in ("other", "cues", "all")]
    for set_name in sets:
        print(f"| **{set_name}** | | | | | | | |")
        for line in results[set_name].values():
            print(line)
        if set_name.startswith("development"):
            print("\n".join(cv))


def cross_validated(extractor: Extractor, documents: Sequence[GoldText], args: argparse.Namespace,
                    policy: learned_metric.Policy) -> str:
    """The metric model on the development corpus, each fold predicted by a model trained without it."""
    gold = dev_examples(args.corpus, args.archive)
    metric_silver, _ = silver(args.archive, training.annotated_record_ids(args.corpus), args.limit)
    resolver = extractor.resolver.metrics
    predictions: dict[str, ExtractedDocument] = {}
    for fold in training.folds([d.gold.doc_id for d in documents], args.folds):
        train = [e for e in gold if e.doc_id not in fold]
        model = training.train_textcat([*train, *train, *metric_silver])
        resolver.learned = learned_metric.MetricModel(model, resolver.lexicon.metric_units, policy)
        held_out = [d for d in documents if d.gold.doc_id in fold]
        pred, _ = run(extractor, held_out)
        predictions.update({p.doc_id: p for p in pred})
    resolver.learned = None
    pred = [predictions[d.gold.doc_id] for d in documents]
    label = {"other": "", "cues": " (also among disagreeing cues)", "all": " (decides everywhere)"}[policy]
    return row(f"rules + metric model{label}, {args.folds}-fold by document", documents, pred, "–", "–", None)


if __name__ == "__main__":
    main()
