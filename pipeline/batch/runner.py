"""Batch runs: inputs -> worker processes -> sinks, with progress and resume.

`run_batch(settings)` streams the documents of `settings.inputs`, processes
them with `settings.workers` processes (one `Extractor` per process) and
writes them in order, `settings.batch_size` at a time, to every configured
sink. Results come back in input order whatever the number of workers, so
the output does not depend on it. Memory stays flat: inputs are read lazily
and at most `max_in_flight` documents are between the reader and the sinks.
With the local engine and the JSONL and SQL sinks (the CLI's), each worker also
serialises its documents for the sinks (`sinks.prepare`: the JSON line, its hash and the
table rows), so this process only writes: on two cores it takes less from the workers.

Resume: each sink lists the documents it holds complete; with `resume` the
documents every sink holds are skipped, and each sink skips those it holds
itself, so an interrupted run rerun with `resume` ends with every input
exactly once in every sink.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import multiprocessing.pool
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Protocol, TypeVar

from pipeline.batch.sinks import (
    JsonlSink,
    ParquetSink,
    Prepared,
    PreparedSink,
    Sink,
    SinkError,
    SqlSink,
)
from pipeline.batch.sources import derived_id, iter_documents
from pipeline.batch.work import BatchSettings, prepare_one, process_one, worker_extractor
from pipeline.document import RawDocument
from schemas import ExtractedDocument

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

T = TypeVar("T")

@dataclass
class BatchSummary:
    documents: int = 0  # processed and written in this run
    records: int = 0
    errors: int = 0  # DocErrors of those documents
    documents_with_errors: int = 0
    skipped: int = 0  # already complete in every sink (resume)
    seconds: float = 0.0
    codes: Counter[str] = field(default_factory=Counter)  # DocErrors by code

    def add(self, document: ExtractedDocument | Prepared) -> None:
        if isinstance(document, Prepared):
            n_records, codes = document.n_records, document.codes
        else:
            n_records, codes = len(document.records), tuple(e.code for e in document.errors)
        self.documents += 1
        self.records += n_records
        self.errors += len(codes)
        self.documents_with_errors += bool(codes)
        self.codes.update(codes)


class Progress(Protocol):
    def update(self, documents: int, records: int, errors: int) -> None: ...

    def close(self) -> None: ...


def map_local(raws: Iterable[RawDocument], settings: BatchSettings) -> Iterator[ExtractedDocument]:
    """Process `raws` in input order with `settings.workers` processes."""
    return _map_pool(raws, settings, partial(process_one, settings=settings.extract))


def map_prepared(
    raws: Iterable[RawDocument], settings: BatchSettings, rows: bool = True
) -> Iterator[Prepared]:
    """`map_local`, each document serialised for the sinks by the process that made it."""
    return _map_pool(raws, settings, partial(prepare_one, settings=settings.extract, rows=rows),
                     prebuild=True)


def _map_pool(
    raws: Iterable[RawDocument], settings: BatchSettings, work: Callable[[RawDocument], T],
    prebuild: bool = False,
) -> Iterator[T]:
    """`work` over `raws` in input order with `settings.workers` processes (a generator).

    `prebuild`: build the Extractor here and freeze it (`_frozen_extractor`): before the workers
    are forked (`_shared_extractor`), or before the documents when this process is the worker.
    """
    if settings.workers <= 1:
        frozen = prebuild and _frozen_extractor(settings)
        try:
            for raw in raws:
                yield work(raw)
        finally:
            if frozen:
                gc.unfreeze()
        return
    frozen = prebuild and _shared_extractor(settings)
    slots = threading.Semaphore(settings.max_in_flight)
    stop = threading.Event()

    def gated() -> Iterator[RawDocument]:
        # Runs in the pool's task thread: blocks while max_in_flight documents are out.
        for raw in raws:
            slots.acquire()
            if stop.is_set():
                return
            yield raw

    try:
        pool = _Pool(settings.workers, initializer=_ignore_sigint,
                     context=multiprocessing.get_context())
        try:
            for document in pool.imap(work, gated(), chunksize=settings.chunk_size):
                slots.release()
                yield document
            pool.close()
            pool.join()
        finally:
            stop.set()
            for _ in range(settings.max_in_flight + 1):
                slots.release()
            pool.terminate()
    finally:
        if frozen:  # frozen for the run: this process's collector skips the Extractor too
            gc.unfreeze()


class _Pool(multiprocessing.pool.Pool):
    """`multiprocessing.Pool` whose thread that keeps the workers running is woken only when
    something it acts on changes: a worker exits, the pool is closed or terminated, or its
    last task is done (`_PoolCache` then says so).

    The standard pool also wakes it whenever the workers' results can be read, so while a
    result waits in the pipe (a chunk of documents serialised for the sinks, over a hundred
    kilobytes, read by the result thread) it loops: it checked the workers again and again,
    a third of a second of this process's CPU on 8,000 archive records with two workers, and
    held the GIL from the threads that read the input and write the sinks. Nothing it does
    depends on results being readable: it exits when the cache is empty and the pool closed,
    and both are notified on `_change_notifier`.
    """

    def _get_sentinels(self) -> list[object]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]


def _shared_extractor(settings: BatchSettings) -> bool:
    """Build this process's Extractor for the workers to inherit; True when it was built.

    With the fork start method the workers then start with it instead of building one each
    (half a second of CPU each), and its pages stay shared between them: `gc.freeze()` keeps
    their collectors from writing to every object (which would copy the pages). On two cores
    that leaves more of both to the documents. A failure here is left to the workers, which
    report it on every document as they did before.
    """
    if multiprocessing.get_context().get_start_method() != "fork":
        return False
    return _frozen_extractor(settings)


def _frozen_extractor(settings: BatchSettings) -> bool:
    """Build this process's Extractor and freeze what is built (`gc.freeze()`); True when it
    was built. Its objects live as long as the process, and the collector no longer walks
    them: a one-worker run spent about 1.5 % of its CPU in full collections that did. A
    failure is left to the documents, which report it as they did before."""
    from pipeline.extract.numbers import chinese_numerals  # (the Extractor's module)

    try:
        extractor = worker_extractor(settings.extract)
        chinese_numerals()  # imported on first use: once here, not once in each worker
        extractor.converter.to_traditional("")  # loaded on first use: the same
    except Exception:  # the workers build it again and report what is wrong
        logger.debug("building the Extractor before the workers failed", exc_info=True)
        return False
    gc.freeze()
    return True


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and ends the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def open_sinks(settings: BatchSettings) -> list[Sink]:
    sinks: list[Sink] = []
    if settings.jsonl_path is not None:
        sinks.append(JsonlSink(settings.jsonl_path))
    if settings.db_url is not None:
        sinks.append(SqlSink(settings.db_url))
    if settings.parquet_dir is not None:
        sinks.append(ParquetSink(settings.parquet_dir))
    try:
        for sink in sinks:
            sink.open(settings.resume)
    except BaseException:
        for sink in sinks:
            sink.close()
        raise
    return sinks


def run_batch(
    settings: BatchSettings,
    documents: Iterable[RawDocument] | None = None,
    progress: Progress | None = None,
    sinks: list[Sink] | None = None,
) -> BatchSummary:
    """Run a batch; `documents` defaults to the inputs of `settings`.

    Raises `SinkError` when a sink cannot be opened or written, and lets
    KeyboardInterrupt through after closing the sinks (what was written stays
    written: rerun with `resume`).
    """
    started = time.monotonic()
    summary = BatchSummary()
    raws = documents if documents is not None else iter_documents(
        settings.inputs, settings.source_settings())
    sinks = sinks if sinks is not None else open_sinks(settings)
    results: Iterator[ExtractedDocument] | Iterator[Prepared] | None = None
    failed = True
    try:
        skip = _complete_everywhere(sinks) if settings.resume else set()
        todo = _without(raws, skip, summary)
        prepared = _prepared_sinks(settings, sinks)
        if prepared is not None:  # the workers serialise, this process only writes
            needs_rows = any(sink.needs_rows for sink in prepared)
            results = map_prepared(todo, settings, needs_rows)
            for batch in _batches(results, settings.batch_size, settings.flush_seconds):
                for prepared_sink in prepared:
                    prepared_sink.write_prepared(batch)
                _count(batch, summary, progress)
        else:
            results = _mapper(settings)(todo, settings)
            for documents_batch in _batches(results, settings.batch_size, settings.flush_seconds):
                for sink in sinks:
                    sink.write(documents_batch)
                _count(documents_batch, summary, progress)
        failed = False
    finally:
        if isinstance(results, Generator):
            results.close()  # ends the worker pool or the Dask client now, not at GC
        for sink in sinks:
            try:
                sink.close()
            except SinkError as exc:
                if not failed:
                    raise
                # the error that stopped the run is the one to report
                logger.warning("closing the %s output: %s", sink.name, exc)
        if progress is not None:
            progress.close()
        summary.seconds = time.monotonic() - started
    return summary


def _prepared_sinks(settings: BatchSettings, sinks: Sequence[Sink]) -> list[PreparedSink] | None:
    """The sinks, when the local engine can hand them documents serialised ahead (all of them
    store a `Prepared`); None otherwise."""
    if settings.engine != "local" or not all(isinstance(sink, JsonlSink | SqlSink) for sink in sinks):
        return None
    return [sink for sink in sinks if isinstance(sink, JsonlSink | SqlSink)]


def _count(
    batch: Sequence[ExtractedDocument | Prepared], summary: BatchSummary, progress: Progress | None
) -> None:
    before = (summary.records, summary.errors)
    for document in batch:
        summary.add(document)
    if progress is not None:
        progress.update(len(batch), summary.records - before[0], summary.errors - before[1])


def _mapper(
    settings: BatchSettings,
) -> Callable[[Iterable[RawDocument], BatchSettings], Iterator[ExtractedDocument]]:
    if settings.engine == "dask":
        from pipeline.batch.dask_engine import map_dask

        return map_dask
    return map_local


def _complete_everywhere(sinks: Sequence[Sink]) -> set[str]:
    if not sinks:
        return set()
    done = sinks[0].completed_ids()
    for sink in sinks[1:]:
        done &= sink.completed_ids()
    logger.info("resume: %d documents are complete in every sink and are skipped", len(done))
    return done


def _without(
    raws: Iterable[RawDocument], skip: set[str], summary: BatchSummary
) -> Iterator[RawDocument]:
    for raw in raws:
        if skip and (raw.doc_id or derived_id(raw.content)) in skip:
            summary.skipped += 1
            continue
        yield raw


def _batches(documents: Iterable[T], size: int, seconds: float) -> Iterator[list[T]]:
    batch: list[T] = []
    first_at = 0.0
    for document in documents:
        if not batch:
            first_at = time.monotonic()
        batch.append(document)
        if len(batch) >= size or time.monotonic() - first_at >= seconds:
            yield batch
            batch = []
    if batch:
        yield batch
