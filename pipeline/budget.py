"""The time budget of one document: checked between lines, paragraphs and sentences.

No thread or signal interrupts the interpreter: `Extractor.process` opens a budget
with `time_budget(seconds)`, and the stages call `check()` at points where stopping
is clean (between paragraphs and sentences). Past the deadline `check()` raises the
coded `extract.time_budget` error once; the extractor keeps the records found until
then, and the stages after it (validation) run to their end. Outside a budget
`check()` does nothing.

The deadline lives in a context variable, so worker threads (Dask) each have their own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from pipeline.errors import PipelineError


@dataclass
class _Deadline:
    at: float  # time.monotonic() value
    budget: float  # seconds, for the message
    spent: bool = False  # raised already: the document is being finished


_deadline: ContextVar[_Deadline | None] = ContextVar("pipeline_deadline", default=None)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Within the block, `check()` raises once `seconds` have passed; None means no budget."""
    deadline = None if seconds is None else _Deadline(time.monotonic() + seconds, seconds)
    token = _deadline.set(deadline)
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise `PipelineError("extract.time_budget")` when the current budget runs out
    (once per budget: what runs after the stop is not stopped again)."""
    deadline = _deadline.get()
    if deadline is not None and not deadline.spent and time.monotonic() >= deadline.at:
        deadline.spent = True
        raise PipelineError("extract.time_budget", budget=f"{deadline.budget:g}")
