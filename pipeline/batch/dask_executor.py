"""Run the per-document tasks on a Dask distributed cluster.

The tasks are the same `process` calls the local pool makes; only the results travel
back. The client (this process) stays the only writer of the run's store and CSVs, so
workers need read access to the papers (a shared file system) and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.batch.walk import Input


def run_dask(inputs: list[Input], scheduler: str | object, debug: bool = False) -> Iterator:
    """Yield `process(item)` results from a cluster, in completion order.

    `scheduler` is an address such as "tcp://host:8786", or a `distributed.Client` /
    `LocalCluster` object (tests use a LocalCluster)."""
    from distributed import Client, as_completed

    from pipeline.batch.runner import process

    if isinstance(scheduler, Client):
        client, owned = scheduler, False
    elif isinstance(scheduler, str):
        client, owned = Client(scheduler), True
    else:
        client, owned = Client(scheduler), True
    try:
        futures = client.map(process, inputs, debug=debug, pure=False,
                             key=[f"minutebook-{n}-{i.document}" for n, i in enumerate(inputs)])
        for future in as_completed(futures):
            yield future.result()
            future.release()
    finally:
        if owned:
            client.close()
