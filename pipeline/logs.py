"""Logging: the library stays quiet, the CLI decides what is shown.

The library only logs to its own loggers (with a `NullHandler`), so an application
sees its messages only when it configures logging. Two dependencies do not behave
that way: on import jieba adds a stderr handler at DEBUG to its logger (so building
a tokenizer prints `Building prefix dict ...`), and distributed sets its loggers to
INFO (and adds a stderr handler when the application has none). `quiet_jieba()` and
`quiet_distributed()`, called right where we build a jieba tokenizer or a Dask
client, make them ordinary library loggers again: no handler of their own, and
their chatter (DEBUG, INFO) hidden unless the CLI runs with -v.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import ModuleType

FORMAT = "%(levelname)s %(name)s: %(message)s"

_chatty = False  # the CLI's -v: show third-party INFO and DEBUG lines
_jieba_quiet = False
_jieba_import = threading.Lock()


def _drop_console_handlers(log: logging.Logger) -> None:
    for handler in list(log.handlers):
        if type(handler) is logging.StreamHandler:  # a console handler, not a file
            log.removeHandler(handler)
    log.propagate = True


def import_jieba() -> ModuleType:
    """jieba, imported without `pkg_resources` when nothing imported that before.

    jieba's `_compat` imports `pkg_resources` (setuptools' resource API: about 0.15-0.3 s and
    8 MB, two thirds of importing jieba) only to open files of its own package: its default
    dictionary (read only where no cache of it exists) and, on Jython, its HMM tables. When
    that import fails it opens the same files by their paths beside its modules, which
    is what `pkg_resources.resource_stream` does for a package installed as files. So the
    import is made to fail while jieba is imported: the same bytes are read, sooner. A
    process that already holds `pkg_resources` imports jieba as before.
    """
    with _jieba_import:  # (threads of one process: one of them imports it)
        if "jieba" not in sys.modules:
            blocked = "pkg_resources" not in sys.modules
            if blocked:
                sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises
            try:
                import jieba
            finally:
                if blocked and sys.modules.get("pkg_resources", False) is None:
                    del sys.modules["pkg_resources"]
    import jieba  # (waits, as any import does, until the module is fully initialised)

    return jieba


def quiet_jieba() -> None:
    """Undo the logging set-up of jieba's import. Idempotent: a later call (and a worker
    process forked after the first) keeps a level an application set since."""
    global _jieba_quiet
    if _jieba_quiet:
        return
    import_jieba()  # (its import sets up the handler removed here)

    log = logging.getLogger("jieba")
    _drop_console_handlers(log)
    log.setLevel(logging.DEBUG if _chatty else logging.NOTSET)
    _jieba_quiet = True


def quiet_distributed() -> None:
    """Undo the logging set-up of distributed's import: warnings only, INFO with -v."""
    import distributed  # noqa: F401  (its import sets the levels changed here)

    log = logging.getLogger("distributed")
    _drop_console_handlers(log)
    log.setLevel(logging.INFO if _chatty else logging.WARNING)


def configure_cli_logging(verbosity: int) -> None:
    """The CLI's logging: warnings only; -v adds our INFO and third-party chatter; -vv DEBUG."""
    global _chatty
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format=FORMAT)
    logging.getLogger().setLevel(level)
    logging.getLogger("pipeline").setLevel(level)
    _chatty = verbosity >= 1
    if _jieba_quiet:
        logging.getLogger("jieba").setLevel(logging.DEBUG if _chatty else logging.NOTSET)
