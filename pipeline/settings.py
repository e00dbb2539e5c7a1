"""One settings object for extraction: every option a stage reads lives here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Settings:
    """Options of the extraction stages (batch options live in `pipeline.batch.runner`)."""

    # Inputs over this many bytes get a `read.too_large` error instead of records.
    max_bytes: int = 20_000_000
    # Sentences longer than this are cut before segmentation (minified pages); the
    # document gets a `segment.sentence_cut` error naming the sentence's length.
    max_sentence_chars: int = 2_000
    # Seconds one document may take; past them extraction stops between sentences with
    # an `extract.time_budget` error and keeps the records found so far. None: no limit.
    time_budget: float | None = 30.0
    # Learned components (issue 12; README "Learned components" has the measurements that
    # set these defaults). A missing model means rules only, logged once.
    # The metric classifier decides where the rules give `other`. Off: retrained on the final
    # rules it no longer raises strict F1 on the validation sets (old validation 0.532 -> 0.525,
    # blind 1 0.406 -> 0.420, blind 2 0.554 -> 0.554; development 5-fold 0.751 -> 0.741).
    learned_metric: bool = False
    # Where the classifier decides: "other" (where the rules fall back to other), "cues" (also
    # among the metrics the sentence's words propose when they disagree), "all" (everywhere).
    learned_metric_policy: Literal["other", "cues", "all"] = "other"
    # The place recognizer adds places the gazetteer's surface forms miss (off: it changes no
    # record of any set and costs more than half the throughput).
    learned_places: bool = False
