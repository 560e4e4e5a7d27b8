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


def walk(paths: list[Path], pattern: str | None = None) -> Iterator[Input]:
    """Files under `paths` in a stable order; symlinked folders are followed once each,
    so a link back up the tree cannot loop. Hidden files and folders are skipped."""
    for root in paths:
        if root.is_dir():
            yield from _walk_folder(root, pattern)
        elif pattern is None or fnmatch.fnmatch(root.name, pattern):
            yield Input(root, root.name, supported(root))


def _walk_folder(root: Path, pattern: str | None) -> Iterator[Input]:
    seen: set[str] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or (pattern and not fnmatch.fnmatch(name, pattern)):
                continue
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            yield Input(path, relative, supported(path))
