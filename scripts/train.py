"""Train the learned components into the package (`make train`): CPU, fixed seeds, minutes.

    .venv/bin/python scripts/train.py [--corpus corpus] [--archive PATH] [--limit 3000]

1. The development corpus's gold (`corpus/gold`, with archive texts read from the archive).
2. Silver: the rules run on the first --limit archive records that mention work, leaving out
   every record a corpus annotates (development and validation sets); their confident metric
   records and their sentences labelled by the gazetteer and the agency list. Cached in
   build/learn/ (outside the repository: archive text never enters it); delete that folder
   after a change of the rules, so that the silver is made again.
3. `pipeline/models/metric_textcat` (textcat on gold + silver) and `pipeline/models/places_ner`.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate.corpus import DEFAULT_ARCHIVE, archive_metadata, load_corpus  # noqa: E402
from pipeline.learn import training  # noqa: E402
from pipeline.learn.features import METRIC_MODEL, PLACES_MODEL  # noqa: E402

CACHE = ROOT / "build" / "learn"
WORK_WORDS = ("就业", "复工", "岗位", "招聘", "返岗", "失业", "用工", "复产")


def default_archive() -> Path:
    for path in (DEFAULT_ARCHIVE, ROOT.parent / "shared/data/news-archive.jsonl.gz",
                 Path("/work/shared/data/news-archive.jsonl.gz")):
        if path.exists():
            return path
    return DEFAULT_ARCHIVE


def silver(archive: Path, excluded: set[str], limit: int) -> tuple[list, list]:
    """(metric examples, place examples) from the rules on the archive; cached per limit."""
    cache = CACHE / f"silver-{limit}.pickle"
    if cache.exists():
        with cache.open("rb") as handle:
            return pickle.load(handle)
    from pipeline.document import RawDocument
    from pipeline.ingest.sentences import iter_sentences
    from pipeline.logs import quiet_jieba
    from pipeline.process import Extractor
    from pipeline.settings import Settings

    quiet_jieba()
    extractor = Extractor(Settings(learned_metric=False, learned_places=False))
    documents, sentences = [], []
    started = time.perf_counter()
    for record in training.archive_sample(archive, excluded, limit, WORK_WORDS):
        documents.append(extractor.process(RawDocument(
            source=f"archive#{record['id']}", content=record["text"], doc_id=record["id"],
            metadata=archive_metadata(record))))
        view = extractor.converter.view(record["text"]).text
        for start, end in iter_sentences(view, budgeted=False):
            sentence = view[start:end].strip()
            if 6 <= len(sentence) <= 160:
                sentences.append(sentence)
    print(f"silver: rules ran on {len(documents)} archive records in"
          f" {time.perf_counter() - started:.0f} s", flush=True)
    metric = training.silver_metric_examples(documents, extractor.converter.to_simplified)
    places = training.place_examples(sentences, extractor.gazetteer.scan,
                                     extractor.lexicon.modifiers.agency_words)
    CACHE.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as handle:
        pickle.dump((metric, places), handle)
    return metric, places


def dev_examples(corpus: Path, archive: Path) -> list:
    from pipeline.ingest.convert import Converter

    loaded = load_corpus(corpus, archive)
    if loaded.skipped:
        raise SystemExit(f"development corpus incomplete (archive missing?): {loaded.skipped}")
    leaked = {d.gold.doc_id for d in loaded.documents} & training.validation_doc_ids(corpus)
    if leaked:
        raise SystemExit(f"validation documents in the development corpus: {sorted(leaked)}")
    golds = [d.gold for d in loaded.documents]
    texts = {d.gold.doc_id: d.text for d in loaded.documents}
    return training.gold_metric_examples(golds, texts, Converter().to_simplified)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--archive", type=Path, default=default_archive())
    parser.add_argument("--limit", type=int, default=3000, help="archive records for silver")
    parser.add_argument("--only", choices=("metric", "places"), default=None)
    parser.add_argument("--out", type=Path, default=None,
                        help="write the models here instead of into the package (to compare runs)")
    args = parser.parse_args()
    started = time.perf_counter()
    excluded = training.annotated_record_ids(args.corpus)
    gold = dev_examples(args.corpus, args.archive)
    metric_silver, place_silver = silver(args.archive, excluded, args.limit)
    print(f"metric examples: {len(gold)} gold, {len(metric_silver)} silver;"
          f" place sentences: {len(place_silver)}", flush=True)
    metric_dir = args.out / METRIC_MODEL.name if args.out else METRIC_MODEL
    places_dir = args.out / PLACES_MODEL.name if args.out else PLACES_MODEL
    for directory in (metric_dir, places_dir):
        directory.parent.mkdir(parents=True, exist_ok=True)
    if args.only in (None, "metric"):
        # gold counts twice: it is the contract's reading, silver only the rules'
        model = training.train_textcat([*gold, *gold, *metric_silver])
        model.to_disk(metric_dir)
        _stamp(metric_dir, {"gold": len(gold), "silver": len(metric_silver), "limit": args.limit})
        print(f"metric model: {metric_dir} ({_size(metric_dir)})", flush=True)
    if args.only in (None, "places"):
        model = training.train_ner(place_silver)
        model.to_disk(places_dir)
        _stamp(places_dir, {"silver_sentences": len(place_silver), "limit": args.limit})
        print(f"place model: {places_dir} ({_size(places_dir)})", flush=True)
    print(f"trained in {time.perf_counter() - started:.0f} s")


def _stamp(path: Path, data: dict) -> None:
    (path / "training.json").write_text(json.dumps({**data, "seed": training.SEED}, indent=1) + "\n")


def _size(path: Path) -> str:
    return f"{sum(p.stat().st_size for p in path.rglob('*') if p.is_file()) / 1e6:.1f} MB"


if __name__ == "__main__":
    main()
