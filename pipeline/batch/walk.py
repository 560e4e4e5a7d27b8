"""Finding the papers under the paths a user gives."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.readers import supported


@dataclass(frozen=True, slots=True)
class Input:
    """One file to process: where it is and the name it has in every output table."""

    path: Path
    document: str  # path relative to the folder given, with forward slashes
    supported: bool


def wanted(relative: str, pattern: str | None, exclude: tuple[str, ...]) -> bool:
    """Whether a file passes `--glob` and `--exclude` (matched on name or relative path)."""
    name = relative.rsplit("/", 1)[-1]
    if pattern and not (fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(relative, pattern)):
        return False
    return not any(fnmatch.fnmatch(name, x) or fnmatch.fnmatch(relative, x) for x in exclude)


def walk(paths: list[Path], pattern: str | None = None,
         exclude: tuple[str, ...] = ()) -> Iterator[Input]:
    """Files under `paths` in a stable order; symlinked folders are followed once each,
    so a link back up the tree cannot loop. Hidden files and folders are skipped."""
    for root in paths:
        if root.is_dir():
            yield from _walk_folder(root, pattern, exclude)
        elif wanted(root.name, pattern, exclude):
            yield Input(root, root.name, supported(root))


def _walk_folder(root: Path, pattern: str | None, exclude: tuple[str, ...]) -> Iterator[Input]:
    seen: set[str] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            if name.startswith(".") or not wanted(relative, pattern, exclude):
                continue
            yield Input(path, relative, supported(path))
