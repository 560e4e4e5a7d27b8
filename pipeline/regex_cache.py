"""Big rule regexes compiled once per machine, not once per run.

A handful of regexes built from the rule files (the relation cues' token gate, the vote
cues, spaCy's affix rules with ours added) are long alternations that Python's `re`
takes ~0.1 s in all to compile: a tenth of a one-paper `minutebook extract`.
`compile_cached` is `re.compile` that keeps the compiled program (sre's code, a list of integers) in
the user's cache folder and builds the pattern straight from it next time.

Why it is safe: the key is the pattern's own text and flags, so a changed rule is a
different key and is compiled afresh; the folder is named by the Python version and
sre's version (its code is not portable between them); a program is stored only when the
pattern rebuilt from it equals the one `re.compile` made (Pattern equality compares the
code), and sre checks a program before it runs it. Anything unexpected (an unwritable
folder, a damaged file, another Python's internals) falls back to `re.compile`.
`MINUTEBOOK_CACHE` names the cache folder; `MINUTEBOOK_CACHE=off` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # sre's internals: the same modules `re.compile` uses
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: plain re.compile
    _sre = None


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


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when it holds this pattern."""
    folder = cache_folder()
    if folder is None:
        return re.compile(pattern, flags)
    key = hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()
    path = folder / f"{key}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["pattern"] == pattern and stored["given_flags"] == flags:
            return _build(pattern, stored)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        pass  # not stored yet, or not usable: compiled below
    compiled = re.compile(pattern, flags)
    try:
        program = _program(pattern, flags)
        if _build(pattern, program) == compiled:  # same flags, groups and code
            _store(path, {"pattern": pattern, "given_flags": flags, **program})
    except Exception:  # noqa: BLE001 - sre's internals changed: keep re's own pattern
        pass
    return compiled


def _program(pattern: str, flags: int) -> dict[str, Any]:
    """What `re._compiler.compile` hands to `_sre.compile`, as JSON-able values."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {"flags": flags | parsed.state.flags, "code": list(code),
            "groups": parsed.state.groups - 1, "groupindex": groupindex,
            "indexgroup": indexgroup}


def _build(pattern: str, program: dict[str, Any]) -> re.Pattern[str]:
    return _sre.compile(pattern, program["flags"], program["code"], program["groups"],
                        program["groupindex"], tuple(program["indexgroup"]))


def _store(path: Path, data: dict[str, Any]) -> None:
    """Written under a temporary name and renamed: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only home: every run compiles, as before
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
