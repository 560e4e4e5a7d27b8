"""Finding the papers under the paths a user gives.

What is read by default: PDF, Word (.docx), HTML and plain text (.txt). Markdown is a
format councils do not publish papers in but every folder has (README.md, notes), so it
is read only when asked for (`--formats ...,markdown`); like `--glob`, `--formats`
filters which files are inputs at all. Files of no paper format (.doc, .xlsx, .py ...)
are inputs that are skipped with a row in errors.csv. Minutebook's own outputs are
never papers: the run folder being written, and any folder that holds a run
(`state.sqlite`, a minutebook `run.json`) or a review site, graph or export that
minutebook wrote (marked with `.minutebook`), are left out of the walk, so re-running
with the run folder inside its input gives the same outputs.
"""

from __future__ import annotations

import fnmatch
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.readers import (
    KNOWN_UNSUPPORTED,
    SNIFFED_SUFFIXES,
    SUFFIX_FORMATS,
    sniff,
    suffix_of,
)

#: Formats a user can choose with --formats, and the file suffixes of each.
FORMAT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "doc": (".doc",),
    "html": (".html", ".htm", ".xhtml"),
    "rtf": (".rtf",),
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
}
DEFAULT_FORMATS: tuple[str, ...] = ("pdf", "docx", "doc", "html", "rtf", "text")
#: A file minutebook leaves in every folder it writes (review site, graph, exports).
OUTPUT_MARKER = ".minutebook"
STORE_NAME = "state.sqlite"


@dataclass(frozen=True, slots=True)
class Input:
    """One file to process: where it is and the name it has in every output table.

    `skip` says why a file that is not processed is skipped (it then gets one
    `skipped` row in errors.csv); it is empty for a paper to read. `engine` is the
    run's PDF engine: it travels with the paper to whichever process reads it, as do
    `ocr` (the --ocr mode) and `ocr_cache` (the run's OCR cache, "" for none)."""

    path: Path
    document: str  # path relative to the folder given, with forward slashes
    supported: bool
    skip: str = ""
    engine: str = "pdfium"
    ocr: str = "auto"
    ocr_cache: str = ""


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """The formats named, validated; raises ValueError naming the unknown ones."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in chosen if f not in FORMAT_SUFFIXES]
    if unknown or not chosen:
        raise ValueError(f"unknown format(s) {', '.join(unknown) or '(none)'}; "
                         f"choose from {', '.join(FORMAT_SUFFIXES)}")
    return chosen


def _matches(relative: str, name: str, pattern: str) -> bool:
    # Case-insensitive everywhere: '*.pdf' must find the .PDF files of a Windows archive.
    pattern = pattern.casefold()
    return fnmatch.fnmatchcase(name.casefold(), pattern) or \
        fnmatch.fnmatchcase(relative.casefold(), pattern)


def wanted(relative: str, pattern: str | None, exclude: tuple[str, ...]) -> bool:
    """Whether a file passes `--glob` and `--exclude` (matched on name or relative path,
    ignoring case)."""
    name = relative.rsplit("/", 1)[-1]
    if pattern and not _matches(relative, name, pattern):
        return False
    return not any(_matches(relative, name, x) for x in exclude)


def is_output_folder(folder: Path) -> bool:
    """Whether `folder` holds minutebook's own outputs: a run (its store, or a run.json
    written by minutebook) or a folder marked by a review, graph or export command."""
    if (folder / STORE_NAME).is_file() or (folder / OUTPUT_MARKER).exists():
        return True
    info = folder / "run.json"
    if not info.is_file():
        return False
    try:
        with info.open(encoding="utf-8") as handle:
            data = json.loads(handle.read(1 << 20))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "minutebook" in data


def mark_output_folder(folder: Path, what: str) -> None:
    """Leave the marker that keeps `minutebook extract` from reading `folder` as papers."""
    marker = folder / OUTPUT_MARKER
    if not marker.exists():
        marker.write_text(f"Written by minutebook ({what}). `minutebook extract` does not "
                          "read this folder as papers.\n", encoding="utf-8")


def _skip_reason(path: Path) -> str:
    suffix = suffix_of(path)
    if suffix not in SUFFIX_FORMATS:
        return KNOWN_UNSUPPORTED.get(suffix, f"unsupported file type '{suffix or '(none)'}'")
    return ""


SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                 (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _not_regular(path: Path) -> str:
    """Why a file that is no regular file (after its links) is not read: a named pipe
    would block the run for ever and a device (a link to /dev/zero) never ends, whatever
    its name says. A broken link or one that cannot be looked at is read, and its
    paper's error row says why."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode):
        return ""
    what = next((name for test, name in SPECIAL_FILES if test(mode)), "not a regular file")
    return f"{what}, not a file: not read"


def _holds(path: Path) -> str | None:
    """The format a file's first bytes show (None when unreadable or unknown)."""
    try:
        with path.open("rb") as handle:
            return sniff(handle.read(4096))
    except OSError:
        return None


class Walker:
    """Walks the paths a user gave; remembers the output folders it left out."""

    def __init__(self, pattern: str | None = None, exclude: tuple[str, ...] = (),
                 formats: Iterable[str] = DEFAULT_FORMATS, out: Path | None = None,
                 engine: str = "pdfium", ocr: str = "auto", ocr_cache: str = "") -> None:
        self.pattern = pattern
        self.engine = engine
        self.ocr, self.ocr_cache = ocr, ocr_cache
        self.exclude = tuple(exclude)
        self.formats = check_formats(formats)
        self.suffixes = {s for f in self.formats for s in FORMAT_SUFFIXES[f]}
        self.out = os.path.realpath(out) if out is not None else None
        self.left_out: list[Path] = []  # minutebook output folders found in the input

    def _own_output(self, folder: Path) -> bool:
        if (self.out is not None and os.path.realpath(folder) == self.out) \
                or is_output_folder(folder):
            self.left_out.append(folder)
            return True
        return False

    def _chosen(self, path: Path) -> bool:
        """Whether the file is of a format asked for; files of other paper formats are
        left out like files that do not match --glob (files of no paper format are
        not: they are listed as skipped, since a .doc may be a paper to convert)."""
        suffix = suffix_of(path)
        return suffix not in SUFFIX_FORMATS or suffix in self.suffixes

    def _input(self, path: Path, relative: str) -> Input:
        special = _not_regular(path)
        if special:  # before anything reads its first bytes
            return Input(path, relative, False, special, self.engine, self.ocr, self.ocr_cache)
        reason = _skip_reason(path)
        if reason and suffix_of(path) in SNIFFED_SUFFIXES and _holds(path) in self.formats:
            reason = ""  # a .doc that is RTF, HTML or a .docx inside: read, with a warning
        return Input(path, relative, not reason, reason, self.engine, self.ocr, self.ocr_cache)

    def walk(self, paths: list[Path]) -> Iterator[Input]:
        """Files under `paths` in a stable order; symlinked folders are followed once
        each, so a link back up the tree cannot loop. Hidden files and folders, and
        minutebook's own output folders, are skipped; a file named directly is read."""
        for root in paths:
            if root.is_dir():
                yield from self._walk_folder(root)
            elif wanted(root.name, self.pattern, self.exclude) and self._chosen(root):
                yield self._input(root, root.name)  # named by the user: read it

    def _walk_folder(self, root: Path) -> Iterator[Input]:
        seen: set[str] = set()
        for folder, dirnames, filenames in os.walk(root, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen or self._own_output(Path(folder)):
                dirnames[:] = []
                continue
            seen.add(real)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(folder) / name
                relative = path.relative_to(root).as_posix()
                if name.startswith(".") or not wanted(relative, self.pattern, self.exclude) \
                        or not self._chosen(path):
                    continue
                yield self._input(path, relative)


def walk(paths: list[Path], pattern: str | None = None, exclude: tuple[str, ...] = (),
         formats: Iterable[str] = DEFAULT_FORMATS, out: Path | None = None,
         engine: str = "pdfium", ocr: str = "auto") -> Iterator[Input]:
    """Files under `paths` in a stable order (see `Walker.walk`)."""
    return Walker(pattern, exclude, formats, out, engine, ocr).walk(paths)
