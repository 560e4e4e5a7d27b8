"""Atomic file writes that honour the umask.

Every output of minutebook (CSVs, run.json, review pages, Parquet, SQLite, Popolo,
graph files) is written to a temporary file beside its target and renamed into place,
so a reader never sees half a file. `tempfile.mkstemp` creates that temporary file with
mode 0600 whatever the umask, which would leave every output private to its writer; the
helpers here give it the mode an ordinary `open(path, "w")` would: 0o666 & ~umask.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows.

    On Linux the `Umask:` line of /proc/self/status has it; elsewhere the umask is set
    and restored at once (under a lock, so threads of this module do not race)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split(":", 1)[1].strip(), 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets from `open()` under the current umask."""
    return 0o666 & ~current_umask()


def temp_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in `path`'s folder, with the umask's mode: (fd, name).

    The caller writes through `fd` (or reopens the name) and renames it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, file_mode())
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    return fd, tmp


def _fsync(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `path` for a writer that wants a file name (pyarrow,
    sqlite3, networkx, matplotlib); when the block ends without an exception the file is
    synced and renamed to `path`, otherwise it is removed. The file exists (empty, with
    the umask's mode) when the block starts."""
    path = Path(path)
    fd, tmp = temp_beside(path)
    os.close(fd)
    try:
        yield Path(tmp)
        _fsync(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    fd, tmp = temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write `text` as UTF-8 (newlines untranslated) to `path`, atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))
