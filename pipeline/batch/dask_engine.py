"""Run a batch on a Dask distributed cluster: partitions of the input per task.

`map_dask` is the Dask counterpart of `pipeline.batch.runner.map_local`: it cuts the
document stream into partitions of `settings.partition_size`, submits one task
per partition, keeps a bounded number of partitions in flight and yields the
results in input order, so the client writes the same sinks in the same order
as the local engine. Each worker process builds its `Extractor` once
(`pipeline.batch.work.worker_extractor` is cached per process).

Without `settings.scheduler` a `LocalCluster` of `settings.workers` processes
(one thread each) is started and stopped with the run. With an address, the
workers of that cluster must have this package installed (same version).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from pipeline.batch.work import BatchSettings, process_partition
from pipeline.document import RawDocument
from schemas import ExtractedDocument

if TYPE_CHECKING:
    from distributed import Client

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


def connect(settings: BatchSettings) -> tuple[Client, Any]:
    """A client to `settings.scheduler`, or to a new LocalCluster (returned to be closed)."""
    from distributed import Client, LocalCluster

    from pipeline.logs import quiet_distributed

    quiet_distributed()
    if settings.scheduler:
        return Client(settings.scheduler), None
    cluster = LocalCluster(n_workers=max(settings.workers, 1), processes=True,
                           threads_per_worker=1, dashboard_address=None)
    return Client(cluster), cluster


def map_dask(raws: Iterable[RawDocument], settings: BatchSettings) -> Iterator[ExtractedDocument]:
    client, cluster = connect(settings)
    logger.info("Dask engine: %s", client)
    in_flight = max(2 * len(client.scheduler_info().get("workers", {})), 2)
    pending: deque[Any] = deque()
    partitions = _partitions(raws, settings.partition_size)
    try:
        for partition in partitions:
            pending.append(client.submit(process_partition, partition, settings.extract,
                                         pure=False))
            if len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()


def _partitions(raws: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    iterator = iter(raws)
    while partition := list(islice(iterator, size)):
        yield partition
