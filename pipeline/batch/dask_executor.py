"""Run the per-document tasks on a Dask distributed cluster.

The tasks are the same `process` calls the local pool makes; only the results travel
back. The client (this process) stays the only writer of the run's store and CSVs, so
workers need read access to the papers (a shared file system) and nothing else.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

from pipeline.batch.task import DocumentResult, process
from pipeline.batch.walk import Input
from pipeline.errors import RunError

#: What `--scheduler` accepts: a Dask address such as tcp://host:8786 or host:8786.
ADDRESS = re.compile(r"^(?:(?:tcp|tls|ws|wss|ucx|inproc)://)?[\w.\-\[\]:]+:\d{1,5}$")
CONNECT_TIMEOUT = "10s"


def check_address(address: str) -> str:
    """The scheduler address, or RunError with what a good one looks like."""
    if not ADDRESS.match(address.strip()):
        raise RunError(f"--scheduler {address!r} is not a Dask scheduler address "
                       "(expected e.g. tcp://HOST:8786)")
    return address.strip()


def connect(scheduler: str | object) -> tuple[Any, bool]:
    """(client, whether we own it) for an address, a `distributed.Client` or a cluster
    object such as `LocalCluster`; RunError when Dask is missing or nothing answers."""
    try:
        from distributed import Client
    except ImportError:
        raise RunError("--scheduler needs Dask: pip install 'minutebook[dask]'") from None
    if isinstance(scheduler, Client):
        return scheduler, False
    if isinstance(scheduler, str):
        address = check_address(scheduler)
        try:
            return Client(address, timeout=CONNECT_TIMEOUT), True
        except (OSError, TimeoutError, ValueError) as error:
            raise RunError(f"cannot reach the Dask scheduler at {address}: "
                           f"{' '.join(str(error).split()) or type(error).__name__}") from None
    return Client(scheduler), True


_ONE_AT_A_TIME = threading.Lock()


def process_serially(item: Input, debug: bool = False) -> DocumentResult:
    """`process` for a Dask worker, one paper at a time per worker process.

    A Dask worker runs tasks in several threads, and the extractors' spaCy vocabularies
    are shared by the process and not safe to grow from two threads at once (spaCy's
    E018, "Can't retrieve string for hash"). Extraction holds the GIL anyway, so the
    threads gave nothing: run more worker processes (`--nworkers`) instead."""
    with _ONE_AT_A_TIME:
        return process(item, debug)


def run_dask(inputs: list[Input], client: Any, debug: bool = False) -> Iterator[DocumentResult]:
    """Yield `process(item)` results from a connected `distributed.Client`, in
    completion order."""
    from distributed import as_completed

    futures = client.map(process_serially, inputs, debug=debug, pure=False,
                         key=[f"minutebook-{n}-{i.document}" for n, i in enumerate(inputs)])
    for future in as_completed(futures):
        yield future.result()
        future.release()
