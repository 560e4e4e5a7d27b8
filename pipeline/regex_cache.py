"""Rule regexes compiled once per machine, not once per run.

The regexes built from the rule files (the relation cues' token gate, the vote cues,
spaCy's affix rules with ours added, the item, decision, declaration and vocabulary
patterns: a few hundred, some of them long alternations) take Python's `re` 0.1-0.2 s in
all to compile: a sixth of a one-paper `minutebook extract`.
`compile_cached` is `re.compile` that keeps the compiled program (sre's code, a list of integers) in
the user's cache folder (one file for all) and builds the pattern straight from it next time.

Why it is safe: the key is the pattern's own text and flags, so a changed rule is a
different key and is compiled afresh; the folder is named by the Python version and
sre's version (its code is not portable between them); a program is stored only when the
pattern rebuilt from it equals the one `re.compile` made (Pattern equality compares the
code), and sre checks a program before it runs it. Anything unexpected (an unwritable
folder, a damaged file, another Python's internals) falls back to `re.compile`.
`MINUTEBOOK_CACHE` names the cache folder; `MINUTEBOOK_CACHE=off` turns it off.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

try:  # sre's internals: the same modules `re.compile` uses
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: plain re.compile
    _sre = None

# sre's code words as an array type of the same width (4 bytes on CPython 3.11+)
_CODE = next((kind for kind in "IL" if _sre is not None
              and array(kind).itemsize == _sre.CODESIZE), "L")


def cache_folder() -> Path | None:
    """Where programs are kept, or None when caching is off or not possible here."""
    chosen = os.environ.get("MINUTEBOOK_CACHE")
    if chosen is not None and chosen.strip().lower() in ("", "off", "0", "no"):
        return None
    if _sre is None or sys.implementation.name != "cpython":
        return None
    base = Path(chosen) if chosen else Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minutebook"
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return base / f"regex-cpython{version}-sre{_sre.MAGIC}-{_sre.CODESIZE}"


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for the words of an alternation: longest first (a phrase wins over its own
    prefix), then alphabetical, so that a pattern built from a set is the same text in
    every process (a set's order changes with the hash seed) and so is its cache key."""
    return -len(word), word


T = TypeVar("T")

_BUNDLE = "programs.marshal"
# Rules change between versions and each change leaves programs nobody asks for again; past
# this many, a flush keeps only the programs this process used.
MAX_PROGRAMS = 5000
# ... and past this many bytes when they are over twice what this process used: each change
# to a vocabulary leaves its long alternation's old program behind, so the bytes grow faster
# than the count (a developer's cache had reached 3.6 MB in 1,636 programs, of which a run
# used 850 and 0.6 MB; reading the file is paid at every run's start, 15-45 ms there)
MAX_STALE_BYTES = 1 << 20


class _Programs:
    """The programs of one cache folder: read once per process from one file (hundreds of
    small files cost as much to open as their patterns cost to compile), written back by
    `flush` when this process compiled new ones."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = _read(path)
        self.used: set[str] = set()
        self.changed = False


_open: dict[Path, _Programs] = {}


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when it holds this pattern."""
    folder = cache_folder()
    if folder is None:
        return re.compile(pattern, flags)
    programs = _programs(folder)
    flags = int(flags)  # a plain int: re.RegexFlag values cannot be marshalled
    key = hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()
    stored = programs.entries.get(key)
    if stored is not None:
        try:
            if stored["pattern"] == pattern and stored["given_flags"] == flags:
                built = _build(pattern, stored)
                programs.used.add(key)
                return built
        except (ValueError, KeyError, TypeError, RuntimeError):
            pass  # damaged: compiled and stored again below
        del programs.entries[key]
    compiled = re.compile(pattern, flags)
    try:
        program = _program(pattern, flags)
        if _build(pattern, program) == compiled:  # same flags, groups and code
            programs.entries[key] = {"pattern": pattern, "given_flags": flags, **program}
            programs.used.add(key)
            programs.changed = True
    except Exception:  # noqa: BLE001 - sre's internals changed: keep re's own pattern
        pass
    return compiled


def derived(pattern: re.Pattern[str], name: str, compute: Callable[[re.Pattern[str]], T]) -> T:
    """`compute(pattern)`, kept beside the compiled programs under `name`: what the literal
    gates (`pipeline.extractors.anchors`) work out from a pattern's parse. Parsing the rule
    patterns again on every run cost 30-50 ms of a one-paper run. A value marshal cannot
    store is computed each time."""
    folder = cache_folder()
    if folder is None:
        return compute(pattern)
    programs = _programs(folder)
    flags = int(pattern.flags)
    key = "derived:" + name + ":" + hashlib.sha256(
        f"{flags}\0{pattern.pattern}".encode("utf-8", "surrogatepass")).hexdigest()
    stored = programs.entries.get(key)
    if stored is not None and stored.get("pattern") == pattern.pattern \
            and stored.get("flags") == flags and "value" in stored:
        programs.used.add(key)
        value: T = stored["value"]
        return value
    value = compute(pattern)
    try:
        marshal.dumps(value)  # type: ignore[arg-type]  # whether it can: tried, not typed
    except ValueError:
        return value
    programs.entries[key] = {"pattern": pattern.pattern, "flags": flags, "value": value}
    programs.used.add(key)
    programs.changed = True
    return value


def flush() -> None:
    """Store the programs compiled since the last flush, merged with those other processes
    stored meanwhile. Cheap when nothing is new: the runner calls it after every paper (a
    forked worker never runs `atexit`), and `atexit` calls it for the API's users."""
    for programs in _open.values():
        if not programs.changed:
            continue
        programs.changed = False
        merged = {**_read(programs.path), **programs.entries}
        if len(merged) > MAX_PROGRAMS or _stale(merged, programs.used):
            merged = {key: merged[key] for key in programs.used if key in merged}
        programs.entries = merged
        _store(programs.path, merged)


def _stale(entries: dict[str, dict[str, Any]], used: set[str]) -> bool:
    """Whether the programs nobody in this process used weigh over `MAX_STALE_BYTES` and over
    what it used (a program's bytes: its code and its pattern's text)."""
    def size(entry: dict[str, Any]) -> int:
        return len(entry.get("code", b"")) + len(entry.get("pattern", ""))

    kept = sum(size(entry) for key, entry in entries.items() if key in used)
    stale = sum(size(entry) for key, entry in entries.items() if key not in used)
    return stale > max(MAX_STALE_BYTES, kept)


def _programs(folder: Path) -> _Programs:
    programs = _open.get(folder)
    if programs is None:
        if not _open:
            atexit.register(flush)
        programs = _open[folder] = _Programs(folder / _BUNDLE)
    return programs


def _read(path: Path) -> dict[str, dict[str, Any]]:
    """The stored programs; marshal, code as packed integers: a JSON file of the same
    programs took 45 ms to parse, as long as compiling the patterns it saves."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # none yet, or damaged: rebuilt as patterns are compiled
    return data if isinstance(data, dict) else {}


def _program(pattern: str, flags: int) -> dict[str, Any]:
    """What `re._compiler.compile` hands to `_sre.compile`, as JSON-able values."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {"flags": int(flags | parsed.state.flags), "code": array(_CODE, code).tobytes(),
            "groups": parsed.state.groups - 1, "groupindex": groupindex,
            "indexgroup": indexgroup}


def _build(pattern: str, program: dict[str, Any]) -> re.Pattern[str]:
    code = array(_CODE)
    code.frombytes(program["code"])
    return _sre.compile(pattern, program["flags"], code.tolist(), program["groups"],
                        program["groupindex"], tuple(program["indexgroup"]))


def _store(path: Path, data: dict[str, Any]) -> None:
    """Written under a temporary name and renamed: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only home: every run compiles, as before
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(data))
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
