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


#: the young generation's collection threshold in a settled process (`settle`)
YOUNG_THRESHOLD = 10_000


def settle() -> None:
    """Put what this process has built to keep (spaCy's vocab and tokenizer, the rules, the
    pipelines) out of the garbage collector's sight: else each full collection walks all of
    it again while a paper's short-lived objects come and go (a few per cent of a paper's
    time on the bench papers) and, in a forked worker, writes to the pages it shares with
    the parent (a worker's peak RSS on them 101 -> 96 MB).

    Only the young generations are collected first: after the imports and the warm-up a
    full collection finds nothing to free (0 objects, measured) yet walks every object
    there is, 0.05-0.13 s of a run's start that the workers wait for.

    A young collection then waits for `YOUNG_THRESHOLD` new objects instead of 700: a paper
    keeps a few thousand alive at once (its tokens' records, blocks, rows), so at 700 the
    collector walked them about once a paper (0.19-0.25 ms of a bench HTML paper's 14) and
    found little to free; at this threshold once in some dozens of papers (0.02 ms a paper),
    for about 1 MB more peak RSS."""
    gc.collect(1)
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])


class _Slot:
    """One worker and the documents it holds: the one it is working on, and at most one
    more already in its pipe, so that it starts the next as soon as it sends a result
    instead of waiting for this process to wake and answer (1.3 ms a paper on the bench's
    HTML papers, 9% of a worker's time)."""

    def __init__(self, context: multiprocessing.context.ForkContext, process: Callable,
                 memory_mb: int | None) -> None:
        parent, child = context.Pipe()
        self.conn = parent
        self.proc = context.Process(target=_worker, args=(child, process, memory_mb),
                                    daemon=True)
        self.proc.start()
        child.close()
        self.items: deque[Input] = deque()
        self.started = 0.0  # when the first of `items` was started

    @property
    def item(self) -> Input | None:
        """The document the worker is working on."""
        return self.items[0] if self.items else None

    def give(self, item: Input) -> None:
        if not self.items:
            self.started = time.monotonic()
        self.items.append(item)
        self.conn.send(item)

    def done(self) -> None:
        """The first document's result is in: the worker has started the next one."""
        self.items.popleft()
        self.started = time.monotonic()

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

    def feed() -> None:
        """Each idle worker a document, then, while more documents are left than workers,
        each worker one more in hand; near the end a document goes only to an idle worker,
        so none waits behind another's last paper."""
        for slot in slots:
            if queue and not slot.items:
                slot.give(queue.popleft())
        for slot in slots:
            if len(queue) > len(slots) and len(slot.items) < 2:
                slot.give(queue.popleft())

    try:
        feed()
        while any(slot.items for slot in slots):
            busy = [s for s in slots if s.items]
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy],
                         timeout=_next_deadline(busy, timeout))
            for index, slot in enumerate(slots):
                if not slot.items:
                    continue
                result = _collect(slot, ready, timeout, failure)
                if result is None:
                    continue
                if not slot.proc.is_alive() or result[1]:
                    slot.stop(kill=True)
                    # the documents it held in hand were never started: they go first again
                    queue.extendleft(reversed(list(slot.items)[1:]))
                    slots[index] = slot = _Slot(context, process, memory_mb)
                else:
                    slot.done()
                feed()  # the next documents before the caller keeps this one's result: the
                yield result[0]  # workers work while the results are saved
    finally:
        for slot in slots:
            slot.stop(kill=bool(slot.items))


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
