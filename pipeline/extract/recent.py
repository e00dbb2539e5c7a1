"""The answers a finder gave for the last few texts it was asked about.

Several rules read the same sentence one after the other (the sentence's findings, then
the subjects it teaches, the places it names), and each asks the same finder again. The
finders are pure functions of the text, so the answer for a text asked just before is
that answer again; each caller gets its own copy of the list, so none sees another's
changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Recent(Generic[T]):
    """`find(text)` kept for the last `size` texts (the oldest is dropped first)."""

    def __init__(self, find: Callable[[str], list[T]], size: int = 4) -> None:
        self._find = find
        self._size = size
        self._answers: dict[str, list[T]] = {}

    def __call__(self, text: str) -> list[T]:
        answer = self._answers.get(text)
        if answer is None:
            answer = self._find(text)
            if len(self._answers) >= self._size:
                del self._answers[next(iter(self._answers))]
            self._answers[text] = answer
        return list(answer)
