"""Worker processes with a time limit and a memory ceiling per document.

concurrent.futures cannot stop a task that hangs, and a worker that dies breaks the
whole pool; a committee archive has both kinds of file. Here each worker is a plain
process fed one document at a time over a pipe: a worker past its time limit is
killed, a worker that dies is replaced, and either way the document gets an error
result and the batch goes on.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait

from pipeline.batch.walk import Input


def _worker(conn: Connection, process: Callable, memory_mb: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    settled = False
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        conn.send(process(item))
        if not settled:
            settle()  # what the first paper built to keep (a lone worker's pipelines)
            settled = True


def settle() -> None:
    """Put what this process has built to keep (spaCy's vocab and tokenizer, the rules, the
    pipelines) out of the garbage collector's sight: else each full collection walks all of
    it again while a paper's short-lived objects come and go (a few per cent of a paper's
    time on the bench papers) and, in a forked worker, writes to the pages it shares with
    the parent (a worker's peak RSS on them 101 -> 96 MB).

    Only the young generations are collected first: after the imports and the warm-up a
    full collection finds nothing to free (0 objects, measured) yet walks every object
    there is, 0.05-0.13 s of a run's start that the workers wait for."""
    gc.collect(1)
    gc.freeze()


class _Slot:
    def __init__(self, context: multiprocessing.context.ForkContext, process: Callable,
                 memory_mb: int | None) -> None:
        parent, child = context.Pipe()
        self.conn = parent
        self.proc = context.Process(target=_worker, args=(child, process, memory_mb),
                                    daemon=True)
        self.proc.start()
        child.close()
        self.item: Input | None = None
        self.started = 0.0

    def give(self, item: Input) -> None:
        self.item, self.started = item, time.monotonic()
        self.conn.send(item)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def run_pool(items: Iterable[Input], process: Callable[[Input], object],
             failure: Callable[[Input, str, str], object], *, workers: int,
             timeout: float | None, memory_mb: int | None) -> Iterator[object]:
    """Yield `process(item)` for each item, in completion order.

    `failure(item, kind, message)` makes the result for a document whose worker timed
    out ("timeout") or died ("crash", "out_of_memory")."""
    context = multiprocessing.get_context("fork")
    queue = deque(items)
    slots = [_Slot(context, process, memory_mb) for _ in range(max(1, min(workers, len(queue))))]
    try:
        for slot in slots:
            if queue:
                slot.give(queue.popleft())
        while any(slot.item is not None for slot in slots):
            busy = [s for s in slots if s.item is not None]
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy],
                         timeout=_next_deadline(busy, timeout))
            for index, slot in enumerate(slots):
                if slot.item is None:
                    continue
                result = _collect(slot, ready, timeout, failure)
                if result is None:
                    continue
                if not slot.proc.is_alive() or result[1]:
                    slot.stop(kill=True)
                    slots[index] = slot = _Slot(context, process, memory_mb)
                slot.item = None
                if queue:  # its next document before the caller keeps this one's result: the
                    slot.give(queue.popleft())  # worker works while the results are saved
                yield result[0]
    finally:
        for slot in slots:
            slot.stop(kill=slot.item is not None)


def _next_deadline(busy: list[_Slot], timeout: float | None) -> float | None:
    if timeout is None:
        return None
    now = time.monotonic()
    return max(0.05, min(s.started + timeout - now for s in busy))


def _collect(slot: _Slot, ready: list, timeout: float | None,
             failure: Callable) -> tuple[object, bool] | None:
    """(result, worker must be replaced) when the slot's document is finished, else None."""
    if slot.conn in ready:
        try:
            return slot.conn.recv(), False
        except (EOFError, OSError):
            pass  # died while sending: handled as a crash below
    if slot.proc.sentinel in ready or not slot.proc.is_alive():
        slot.proc.join(timeout=1)
        code = slot.proc.exitcode
        if code == -signal.SIGKILL:
            kind, why = "out_of_memory", "worker was killed (out of memory?)"
        else:
            kind, why = "crash", f"worker died with exit code {code}"
        return failure(slot.item, kind, why), True
    if timeout is not None and time.monotonic() - slot.started > timeout:
        return failure(slot.item, "timeout", f"took longer than {timeout:g}s; stopped"), True
    return None
