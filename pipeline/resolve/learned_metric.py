"""The learned metric classifier: a spaCy `textcat` that reads a candidate in its sentence.

The rules propose a metric (`pipeline.resolve.metric`); where they fall back to `other` the
model may name a metric instead, if it is confident and the metric takes the number's unit
(policy `"other"`, `Settings.learned_metric_policy`). `"cues"` also lets it choose among the
metrics the sentence's words propose when they disagree, `"all"` lets it overrule any rule
choice; the README's table says which measured better. The model is package data
(`pipeline/models/metric_textcat`, built by `make train`); when it is missing the pipeline runs
on rules only and says so once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pipeline.extract.findings import SentenceFindings
from pipeline.extract.numbers import Quantity
from pipeline.learn.features import METRIC_MODEL, metric_text
from pipeline.resolve.metric import MetricResolver
from schemas import Metric, Unit

if TYPE_CHECKING:  # spaCy is imported when a model is loaded, not at start-up
    from spacy.language import Language

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

Choice = tuple[Metric, str, Unit]
THRESHOLD = 0.5  # the model's probability needed to replace the rules' metric
# "other": decide where the rules say other; "cues": also where the sentence's metric words
# disagree, among the metrics they propose; "all": wherever the model disagrees
Policy = Literal["other", "cues", "all"]
_missing_logged: set[Path] = set()


class MetricModel:
    """Callable on (findings, quantity, rule choice) -> the choice to keep."""

    def __init__(self, nlp: Language | Path, metric_units: Mapping[Metric, set[Unit]],
                 policy: Policy = "other") -> None:
        # a path is loaded on the first prediction: a run whose rules never fall back to
        # `other` does not pay spaCy's model load at start-up
        self._nlp = nlp
        self.metric_units = metric_units
        self.policy = policy

    @property
    def nlp(self) -> Language:
        if isinstance(self._nlp, Path):
            loaded = _load_nlp(self._nlp)
            if loaded is None:
                raise FileNotFoundError(self._nlp)
            self._nlp = loaded
        return self._nlp

    def scores(self, sentence: str, start: int, end: int) -> dict[str, float]:
        """Probability of each metric for the quantity at [start, end) of `sentence`."""
        return dict(self.nlp(metric_text(sentence, start, end)).cats)

    def predict(self, sentence: str, start: int, end: int) -> tuple[Metric, float]:
        scores = self.scores(sentence, start, end)
        label = max(scores, key=scores.__getitem__)
        return Metric(label), scores[label]

    def __call__(self, found: SentenceFindings, quantity: Quantity, choice: Choice | None
                 ) -> Choice | None:
        if choice is None:
            return None  # the rules found no record: the model only names metrics
        metric, indicator, unit = choice
        if metric is Metric.policy_cap or (self.policy == "other" and metric is not Metric.other):
            return choice
        proposed = {cue.metric for cue in found.cues}
        if self.policy == "cues" and metric is not Metric.other and len(proposed - {metric}) == 0:
            return choice  # the sentence's metric words agree: the rules' choice stands
        predicted, probability = self.predict(found.text, quantity.start, quantity.end)
        if predicted is metric or probability < THRESHOLD:
            return choice
        if self.policy == "cues" and metric is not Metric.other and predicted not in proposed:
            return choice  # among the metrics the sentence's words propose, the model picks
        if unit not in self.metric_units.get(predicted, set()):
            return choice  # 2.1万家 cannot be trainees
        return predicted, indicator, unit


@lru_cache(maxsize=4)
def _load_nlp(path: Path) -> Language | None:
    import spacy

    if not (path / "meta.json").exists():
        return None
    return spacy.load(path)


def load(metric_units: Mapping[Metric, set[Unit]], path: Path = METRIC_MODEL,
         policy: Policy = "other") -> MetricModel | None:
    """The packaged model, or None (rules only, logged once per path) when it is missing."""
    if not (path / "meta.json").exists():
        if path not in _missing_logged:
            _missing_logged.add(path)
            logger.warning("learned metric model not found at %s: metrics from the rules only"
                           " (run `make train` to build it)", path)
        return None
    return MetricModel(path, metric_units, policy)


def attach(resolver: MetricResolver, enabled: bool, path: Path = METRIC_MODEL,
           policy: Policy = "other") -> None:
    """Give a metric resolver the model (or take it away): the Extractor's
    (`extractor.resolver.metrics`) or the spaCy pipeline's
    (`nlp.get_pipe("employment_linker").resolver.metrics`)."""
    resolver.learned = load(resolver.lexicon.metric_units, path, policy) if enabled else None
