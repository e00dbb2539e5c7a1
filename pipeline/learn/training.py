"""Training data and training loops of the learned components (`make train`, `scripts/train.py`).

Data comes only from the development corpus's gold (`corpus/gold`) and from silver the rules
produce on the shared archive. The archive records any corpus annotates (the development
corpus and every validation set: `corpus/validation`, `corpus/blind*`) never give silver, and
the validation sets never give anything. Everything runs on CPU with fixed seeds.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer, TextCategorizer
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from pipeline.evaluate.corpus import iter_archive, read_gold
from pipeline.learn.features import metric_text
from schemas import ExtractedDocument, GoldDocument, Metric

SEED = 0
# Validation sets: never trained on (a later corpus/blind3 is covered by the glob).
VALIDATION_DIRS = ("validation", "blind*")
_CLAUSE_MARKS = "，,。；;！？!?\n"


@dataclass(frozen=True)
class MetricExample:
    text: str  # `metric_text` of the candidate
    metric: str
    doc_id: str


@dataclass(frozen=True)
class PlaceExample:
    text: str
    entities: tuple[tuple[int, int, str], ...]


def annotated_record_ids(corpus: Path) -> set[str]:
    """Archive record ids annotated anywhere under `corpus` (development and validation sets)."""
    ids: set[str] = set()
    for path in corpus.rglob("*.gold.json"):
        gold = read_gold(path)
        if gold.archive_ref is not None:
            ids.add(gold.archive_ref.record_id)
    return ids


def validation_doc_ids(corpus: Path) -> set[str]:
    """doc_ids of the validation sets: a guard that none of them reaches training."""
    ids: set[str] = set()
    for pattern in VALIDATION_DIRS:
        for directory in corpus.glob(pattern):
            ids.update(p.name.removesuffix(".gold.json") for p in directory.rglob("*.gold.json"))
    return ids


def gold_metric_examples(golds: Sequence[GoldDocument], texts: dict[str, str], to_simplified: Any
                         ) -> list[MetricExample]:
    """One example per gold record: its window in the Simplified text, its gold metric."""
    examples = []
    for gold in golds:
        simplified = to_simplified(texts[gold.doc_id])
        for record in gold.records:
            start, end = record.span
            examples.append(MetricExample(metric_text(simplified, start, end), record.metric.value,
                                          gold.doc_id))
    return examples


def _confident(text: str, start: int, end: int, indicator: str) -> bool:
    """The rules' metric is trusted when its word stands in the number's own clause, near it."""
    low = max([text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS] + [start - 24]) + 1
    highs = [i for i in (text.find(mark, end) for mark in _CLAUSE_MARKS) if i >= 0]
    high = min([*highs, end + 12])
    return bool(indicator) and indicator in text[low:high]


def silver_metric_examples(documents: Iterable[ExtractedDocument], to_simplified: Any,
                           per_metric: int = 600) -> list[MetricExample]:
    """Records the rules produce with a metric word in their clause (not `other`), capped per metric."""
    counts: Counter[str] = Counter()
    examples = []
    for document in documents:
        simplified = to_simplified(document.text)
        for record in document.records:
            metric = record.metric.value
            start, end = record.span
            if record.metric is Metric.other or counts[metric] >= per_metric:
                continue
            if not _confident(simplified, start, end, record.indicator):
                continue
            counts[metric] += 1
            examples.append(MetricExample(metric_text(simplified, start, end), metric,
                                          document.doc_id))
    return examples


def archive_sample(archive: Path, excluded: set[str], limit: int, words: Sequence[str]
                   ) -> Iterator[dict[str, Any]]:
    """The first `limit` archive records that mention work and that no corpus annotates."""
    taken = 0
    for record in iter_archive(archive):
        if taken >= limit:
            return
        text = record.get("text") or ""
        if record.get("id") in excluded or not any(word in text for word in words):
            continue
        taken += 1
        yield record


def place_examples(sentences: Iterable[str], scan: Any, agency_words: Sequence[str],
                   limit: int = 6000, empty_share: float = 0.2) -> list[PlaceExample]:
    """Sentences labelled by the gazetteer (PLACE) and the agency list (ORG: a place + agency word)."""
    rng = random.Random(SEED)
    examples: list[PlaceExample] = []
    empty = 0
    agencies = sorted(agency_words, key=len, reverse=True)
    for sentence in sentences:
        if len(examples) >= limit:
            break
        entities: list[tuple[int, int, str]] = []
        for mention in scan(sentence):
            word = next((w for w in agencies if sentence.startswith(w, mention.end)), None)
            if word is not None:
                entities.append((mention.start, mention.end + len(word), "ORG"))
            else:
                entities.append((mention.start, mention.end, "PLACE"))
        if not entities:
            if empty >= empty_share * limit or rng.random() > empty_share:
                continue
            empty += 1
        examples.append(PlaceExample(sentence, tuple(entities)))
    return examples


def train_textcat(examples: Sequence[MetricExample], epochs: int = 8, seed: int = SEED) -> Language:
    """A bag-of-n-grams textcat over characters, one exclusive class per metric."""
    fix_random_seed(seed)
    nlp = spacy.blank("zh")
    textcat = cast(TextCategorizer, nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 3,
        "no_output_layer": False, "length": 2**15}}))
    labels = [m.value for m in Metric]
    for label in labels:
        textcat.add_label(label)
    data = [Example.from_dict(nlp.make_doc(e.text),
                              {"cats": {label: float(label == e.metric) for label in labels}})
            for e in examples]
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for batch in minibatch(data, size=32):
            nlp.update(batch, sgd=optimizer)
    return nlp


def train_ner(examples: Sequence[PlaceExample], epochs: int = 3, seed: int = SEED) -> Language:
    """A small transition-based ner (hash embeddings of characters, a 2-layer CNN)."""
    fix_random_seed(seed)
    nlp = spacy.blank("zh")
    ner = cast(EntityRecognizer, nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2, "use_upper": True,
        "nO": None, "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 64,
            "depth": 2, "embed_size": 2000, "window_size": 1, "maxout_pieces": 3,
            "subword_features": False}}}))
    for label in ("PLACE", "ORG"):
        ner.add_label(label)
    data = []
    for e in examples:
        doc = nlp.make_doc(e.text)
        spans = [doc.char_span(s, t, label=label) for s, t, label in e.entities]
        if any(span is None for span in spans):
            continue  # an entity boundary inside a token (whitespace): skip the sentence
        data.append(Example.from_dict(doc, {"entities": list(e.entities)}))
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for batch in minibatch(data, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    return nlp


def metric_accuracy(nlp: Language, examples: Sequence[MetricExample]) -> float:
    """Share of examples whose top class is the labelled metric."""
    if not examples:
        return 0.0
    hits = 0
    for example, doc in zip(examples, nlp.pipe(e.text for e in examples), strict=True):
        hits += max(doc.cats, key=doc.cats.__getitem__) == example.metric
    return hits / len(examples)


def folds(doc_ids: Sequence[str], k: int = 5) -> list[set[str]]:
    """k folds of the documents, by sorted id (deterministic)."""
    groups: dict[int, set[str]] = defaultdict(set)
    for index, doc_id in enumerate(sorted(doc_ids)):
        groups[index % k].add(doc_id)
    return [groups[i] for i in range(k)]
