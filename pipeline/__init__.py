"""Employment statistics from Chinese news.

The public API is what `__all__` lists; every other module and name is private by
convention and may change:

    from pipeline import extract, Extractor, Settings

    document = extract("截至4月16日，全市已返岗复工6.5万人。", published_at="2020-04-18")
    extractor = Extractor(Settings(max_bytes=5_000_000))
    for document in extractor.pipe(texts):
        ...

`extract` and `Extractor` are imported on first use, so `import pipeline` (and any
`import pipeline.<module>`) stays cheap and does not build spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pipeline.settings import Settings

# Importing a subpackage binds its name on this package, and `pipeline.extract` (the stage)
# has the name of the API's `extract`. The stage is loaded here, once, so that later imports
# of its modules bind nothing on this package; dropping the binding lets `__getattr__` give
# the function whatever was imported first.
importlib.import_module("pipeline.extract")
del globals()["extract"]

if TYPE_CHECKING:
    from pipeline.api import Extractor, extract
    from schemas import ExtractedDocument, StatRecord

__all__ = ["ExtractedDocument", "Extractor", "Settings", "StatRecord", "extract"]

_LAZY = {
    "Extractor": "pipeline.api",
    "extract": "pipeline.api",
    "ExtractedDocument": "schemas",
    "StatRecord": "schemas",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
