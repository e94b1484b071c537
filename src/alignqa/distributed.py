"""Scale-out on Dask: map a picklable function over items, results in input order.

    results = map_ordered(check_one, items)                      # this process, a plain loop
    results = map_ordered(check_one, items, workers=4)           # 4 local worker processes
    results = map_ordered(check_one, items, scheduler="tcp://10.0.0.5:8786")   # a cluster

The function and the items travel to the workers by pickle (cloudpickle for the function), so
both must be picklable; results come back the same way, in the order of ``items`` whatever
order they finished in. Whatever a worker needs that is expensive to build and cannot travel
(the embedder: a loaded model, a sqlite connection) is rebuilt once per worker process from a
picklable recipe, :class:`EmbedderSpec`. Workers on one machine share the embedding cache file
(sqlite in WAL mode, built for concurrent writers).

Outputs do not depend on how the items are spread: every backend gives a text the same vector
whatever it is batched with (docs/embeddings.md), so a worker that encodes a text another worker
also encoded gets the same bits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import InputError

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class EmbedderSpec:
    """What it takes to build the run's embedder again in another process."""

    model: str | None
    cache_dir: str | None
    backend: str | None = None
    threads: int | None = None

    def get(self) -> Any:
        """This process's embedder for the spec (built on first use, then reused)."""
        hit = _EMBEDDERS.get(self)
        if hit is None:
            from .embed import load_embedder

            hit = _EMBEDDERS[self] = load_embedder(self.model, cache_dir=self.cache_dir,
                                                   quiet=True, backend=self.backend,
                                                   threads=self.threads)
        return hit


_EMBEDDERS: dict[EmbedderSpec, Any] = {}


def map_ordered(fn: Callable[[T], R], items: Iterable[T], *, workers: int | None = None,
                scheduler: str | None = None) -> list[R]:
    """``[fn(item) for item in items]``, on Dask when ``workers > 1`` or ``scheduler`` is given.

    ``workers``: start a LocalCluster of that many single-threaded worker processes for this
    call. ``scheduler``: the address of a running Dask scheduler (``tcp://host:8786``); its
    workers need alignqa installed and, for a shared embedding cache, the same cache folder.
    An exception in ``fn`` is raised here, as the loop would raise it.
    """
    items = list(items)
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1 (got {workers})")
    if scheduler is None and (workers is None or workers == 1 or len(items) <= 1):
        return [fn(item) for item in items]
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--workers and --scheduler need Dask: pip install 'dask[distributed]'"
                         ) from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            return _run(client, fn, items)
    # One thread per worker: the encoder parallelises inside a process already, and the
    # detector's Python code would only contend for the GIL.
    env = {"OMP_NUM_THREADS": "1", "ALIGNQA_THREADS": os.environ.get("ALIGNQA_THREADS", "1")}
    with LocalCluster(n_workers=min(workers or 1, len(items)), threads_per_worker=1,
                      processes=True, dashboard_address=None, silence_logs=40,
                      worker_dashboard_address=None, env=env) as cluster, Client(cluster) as client:
        return _run(client, fn, items)


def _run(client: Any, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    # pure=False: equal items are still separate tasks (their results are separate objects).
    futures = client.map(fn, items, pure=False)
    return client.gather(futures)
