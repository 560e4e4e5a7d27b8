"""OCR of PDF pages that have no text layer (scans), with Tesseract.

Why this shape: a scanned page must end up as the same document model a text page gives,
so OCR here only turns a page image into the word dicts PDFium's reader makes (`text`,
`x0`, `x1`, `top`, `bottom` in points, `fontname`, `size`), plus each word's `conf`; the
page is then laid out by `pdf_layout.layout_page` like any other (lines, paragraphs,
headings by size and weight, ruled tables found in the image: `ocr_image`).

Tesseract is reached through tesserocr (the `minutebook[ocr]` extra: the engine stays
loaded in the worker process, ~1/3 faster per page than a process per page, measured)
or, without it, the `tesseract` command, one call per page with TSV output. Both give
the same TSV, and only the TSV is kept in the run's OCR cache
(`pipeline.batch.store.ocr_cache_get`), keyed by the page image's hash and the OCR
settings, not the code version: a re-run, or a run after a code change, never OCRs a
page twice. Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): the run's worker pool
is the parallelism, and OpenMP threads on top of it only contend for the same cores.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import median
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # read by libtesseract when it loads

#: --ocr: "auto" OCRs pages without a text layer, "always" every page, "never" none.
OCR_MODES = ("auto", "always", "never")
#: Resolution pages are rendered at for Tesseract (measured on the shared papers: see the
#: README's OCR section). Council papers set body text at 10-12 pt: at 300 dpi its
#: x-height is ~20 px, where Tesseract's LSTM reads best; 200 dpi lost words.
DPI = 300
LANG = "eng"
# Page segmentation "one column of text of variable sizes": the layout (columns, tables)
# is pdf_layout's, from the word boxes, as for text pages. The default (3, automatic)
# took a column of P / A attendance marks for vertical text and read it as garbage
# spanning six rows (measured); 4 reads each mark on its row, and is no slower.
PSM = 4
INSTALL_HINT = ("install Tesseract with English (Debian/Ubuntu: apt-get install "
                "tesseract-ocr tesseract-ocr-eng; macOS: brew install tesseract)")
#: Where Debian, Homebrew and source builds put the language models.
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata",
                 "/opt/homebrew/share/tessdata")
MIN_WORD_CONF = 30.0  # a lower-confidence word with no letter or digit is a speck or a rule
# ... and a word of up to three characters under this is specks read as letters (a real
# short word of a legible scan is read at 80-97; a lone P or A mark at 45-60)
MIN_SHORT_CONF = 45.0
# What the cache holds for a page and how the image was cleaned first (ocr_image.clean):
# part of every cache key, changed only when a cached page would read differently.
CACHE_FORMAT = "tsv1 despeckle=median3"


class OcrUnavailable(RuntimeError):
    """Tesseract (or its English model) is not installed; the message says how to."""


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """How a PDF's pages are OCR'd: the mode, and the run's OCR cache (None: no cache)."""

    mode: str = "auto"
    cache: Path | None = None
    dpi: int = DPI
    lang: str = LANG

    def __post_init__(self) -> None:
        if self.mode not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {self.mode!r}")

    @property
    def key(self) -> str:
        """The OCR settings a cached page was read with."""
        return f"{CACHE_FORMAT} dpi={self.dpi} lang={self.lang} psm={PSM}"


def tessdata_dir(lang: str = LANG) -> str | None:
    """The folder holding `lang`.traineddata, or None."""
    folders = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in folders:
        for candidate in (folder, os.path.join(folder, "tessdata")):
            if candidate and os.path.isfile(os.path.join(candidate, f"{lang}.traineddata")):
                return candidate
    return None


def available(lang: str = LANG) -> bool:
    """Whether pages can be OCR'd here."""
    try:
        _engine(lang)
    except OcrUnavailable:
        return False
    return True


def backend(lang: str = LANG) -> str:
    """Which way Tesseract is reached: "tesserocr" or "tesseract" (the command)."""
    return _engine(lang).name


@dataclass(slots=True)
class _Engine:
    name: str
    run: Callable[[Any, int], str]  # (PIL image, dpi) -> Tesseract's TSV


@cache
def _engine(lang: str) -> _Engine:
    """This process's way to Tesseract, made once: tesserocr keeps its model loaded."""
    folder = tessdata_dir(lang)
    try:
        import tesserocr  # the optional, faster binding
    except ImportError:
        tesserocr = None
    if tesserocr is not None and folder is not None:
        api = tesserocr.PyTessBaseAPI(path=folder, lang=lang, psm=PSM)

        def run_api(image: Any, dpi: int) -> str:
            api.SetImage(image)
            api.SetSourceResolution(dpi)
            api.Recognize()
            return str(api.GetTSVText(0))

        return _Engine("tesserocr", run_api)
    command = shutil.which("tesseract")
    if command is None or (folder is None and not _command_has(command, lang)):
        raise OcrUnavailable(f"Tesseract is not installed: {INSTALL_HINT}")

    def run_command(image: Any, dpi: int) -> str:
        # a PGM on stdin: no temporary file and no PNG compression (which costs ~0.1 s)
        import io

        buffer = io.BytesIO()
        image.save(buffer, format="PPM")
        done = subprocess.run([command, "stdin", "stdout", "-l", lang, "--psm", str(PSM),
                               "--dpi", str(dpi), "tsv"], input=buffer.getvalue(),
                              capture_output=True, check=False)
        if done.returncode:
            raise RuntimeError(f"tesseract failed: {done.stderr.decode(errors='replace')[:200]}")
        return done.stdout.decode("utf-8", errors="replace")

    return _Engine("tesseract", run_command)


def _command_has(command: str, lang: str) -> bool:
    done = subprocess.run([command, "--list-langs"], capture_output=True, text=True, check=False)
    return lang in done.stdout.split()


def page_key(image: Any, options: OcrOptions) -> str:
    """The cache key of a rendered page: a hash of its pixels and the OCR settings."""
    digest = hashlib.blake2b(image.tobytes(), digest_size=20)
    digest.update(f"{image.size} {image.mode} {options.key}".encode())
    return digest.hexdigest()


def recognise(image: Any, options: OcrOptions) -> str:
    """Tesseract's TSV for a page image (a grayscale PIL image at `options.dpi`)."""
    return _engine(options.lang).run(image, options.dpi)


# --- TSV to words -------------------------------------------------------------------------

# Glyph heights as shares of the font size (typical of Arial, Calibri, Times): a word's
# box runs from the top of its tallest letter to the bottom of its lowest, so which of
# ascenders and descenders it has says what share of the size the box is.
ASCENDING = set("bdfhklt0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ()[]/|!?&%$£#@")
DESCENDING = set("gjpqy()[]|,;Q")
HEIGHT_SHARE = {(True, True): 0.93, (True, False): 0.72, (False, True): 0.72,
                (False, False): 0.52}
DESCENT = 0.21  # share of the size below the baseline


COMMAS = set(",;")  # reach a little below the baseline, not a descender's depth


def _size_of(text: str, height: float) -> float:
    letters = set(text)
    ascends, descends = bool(letters & ASCENDING), bool(letters & DESCENDING - COMMAS)
    share = HEIGHT_SHARE[(ascends, descends)]
    if not descends and letters & COMMAS:
        share += 0.12
    return height / share


@dataclass(slots=True)
class OcrWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float
    line: tuple[int, int, int]  # Tesseract's block, paragraph and line numbers


def tsv_words(tsv: str) -> list[OcrWord]:
    """The words of Tesseract's TSV, in pixels, without blanks and low-confidence specks."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        text = cells[11].strip()
        if not text:
            continue
        conf = float(cells[10])
        bullet = cells[5] == "1" and text in BULLET_READINGS  # `_bullet` judges it
        if conf < MIN_WORD_CONF and not bullet and not any(ch.isalnum() for ch in text):
            continue
        if conf < MIN_SHORT_CONF and len(text) <= 3 and not bullet \
                and not any(ch.isdigit() for ch in text):
            continue
        text = _tidy(text, cells[5] == "1")
        left, top, width, height = (int(c) for c in cells[6:10])
        words.append(OcrWord(text, left, top, left + width, top + height, conf,
                             (int(cells[2]), int(cells[3]), int(cells[4]))))
    return words


def deskew(words: list[OcrWord]) -> float:
    """Shear the words' boxes level where the scan is turned a little; the slope found.

    A page scanned half a degree off drops ~20 px across a line at 300 dpi, half a
    line's height: Tesseract reads the words well but may cut such a line in two, and
    the layout, which groups words by height on the page, then joins the right half to the
    line below. The slope is the median over lines of three or more words of their
    baselines' (bottoms of words without descenders) slope; the words' boxes move by it
    from the page's middle. The image itself is not turned (that costs more than the
    OCR's own tolerance of skew needs)."""
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        if not set(word.text) & DESCENDING:
            lines.setdefault(word.line, []).append(word)
    slopes = []
    for line in lines.values():
        if len(line) < 3:
            continue
        xs = [(w.x0 + w.x1) / 2 for w in line]
        ys = [w.bottom for w in line]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        spread = sum((x - mx) ** 2 for x in xs)
        if spread:
            slopes.append(sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread)
    if len(slopes) < 3:
        return 0.0
    slope = median(slopes)
    if abs(slope) < 0.001:  # under ~0.06 degrees: a pixel or two across a page
        return 0.0
    middle = (min(w.x0 for w in words) + max(w.x1 for w in words)) / 2
    for w in words:
        shift = slope * ((w.x0 + w.x1) / 2 - middle)
        w.top -= shift
        w.bottom -= shift
    return slope


SPECK_DOTS = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.{2,}$")  # '2...': specks after '2.'
DASHES = set("-–—")
ORDINAL_MARK = re.compile(r"^(\d{1,2})[\"'”“’*°]$")  # '27"': a superscript 'th' too small to read
PARAGRAPH_COMMA = re.compile(r"^(\d{1,2}),(\d{1,2})$")
LEADING_SPECK = re.compile(r"^[-~'.,_]+(?=\d)|^[~_]+(?=\w)")  # '-4.2', '~A' opening a line


def _tidy(text: str, first: bool) -> str:
    """A word without what specks beside it were read as: extra dots after a list
    number, a dash or dot before the number that opens a line, and a comma for the dot
    of a paragraph number opening a line ('3,1'); a dash read as two, as one; and the
    mark left of a superscript ordinal ('27"' for '27th')."""
    text = ORDINAL_MARK.sub(r"\1", SPECK_DOTS.sub(r"\1.", text))
    if len(text) > 1 and set(text) <= DASHES:
        text = "–"  # Tesseract reads an en dash as '—-' or '--'
    if not first:
        return text
    text = LEADING_SPECK.sub("", text)
    return PARAGRAPH_COMMA.sub(r"\1.\2", text)


def word_dicts(words: list[OcrWord], dpi: int, strokes: list[float] | None = None,
               page: int = 0) -> list[dict]:
    """The words as pdf_fast gives them (points, `top` down from the page top).

    Every word of a Tesseract line gets the line's size (a low quantile of what its words'
    heights say), so a line is one size as a typeset line is, and one box height: from
    the line's baseline (the median bottom of its words without descenders) one size
    tall, as pdfminer makes a character's box. On a slightly skewed scan a long line's
    words drift by a few pixels, and pdf_layout, which groups words into lines by their
    boxes, would otherwise chain two lines of a tightly set list into one; and the gaps
    between lines measure as a text layer's do. `conf` is the word's
    confidence (0-100), `line_id` its line, and `stroke` (from `strokes`, the words'
    stroke widths in pixels) that width per point of size, for `ocr_image.mark_bold`."""
    scale = 72.0 / dpi
    lines: dict[tuple[int, int, int], list[int]] = {}
    for index, word in enumerate(words):
        lines.setdefault(word.line, []).append(index)
    out = []
    for line_id, indexes in lines.items():
        line = [words[i] for i in indexes]
        _bullet(line)
        _capital_i(line)
        size = _line_size(line, scale)
        # boxes as a text layer's: from the baseline, descent below it and one size tall
        # (pdfminer's), so gaps between lines measure as the block maker expects
        baseline = _baseline(line, size / scale) * scale
        top, bottom = baseline + (DESCENT - 1) * size, baseline + DESCENT * size
        for i, w in zip(indexes, line, strict=True):
            out.append({"text": w.text, "x0": w.x0 * scale, "x1": w.x1 * scale,
                        "top": top, "bottom": bottom, "upright": True,
                        "fontname": "OCR", "size": size, "conf": w.conf,
                        "line_id": (page, *line_id),
                        "stroke": strokes[i] / size if strokes and size else 0.0})
    return out


def _line_size(line: list[OcrWord], scale: float) -> float:
    """A line's font size in points: a low quantile of its words' (specks touching a word
    only ever make its box taller); rules and dashes say nothing of the size."""
    sizes = sorted(_size_of(w.text, (w.bottom - w.top) * scale) for w in line
                   if any(ch.isalnum() for ch in w.text))
    if not sizes:
        return (line[0].bottom - line[0].top) * scale / HEIGHT_SHARE[(True, False)]
    return sizes[len(sizes) // 4]


def _baseline(line: list[OcrWord], size: float) -> float:
    """Where a line's baseline is (pixels): the median of what each word's box says of it.

    A word without descenders sits on it; one with ascenders or capitals reaches about
    0.72 of the size above it; one with descenders goes DESCENT below. A speck touching
    a word stretches its box one way, so each word gives both ends' answers, and the
    median of them all outvotes the stretched end."""
    votes = []
    for w in line:
        letters = set(w.text)
        descends = bool(letters & DESCENDING)
        votes.append(w.bottom - DESCENT * size if descends else w.bottom)
        if letters & ASCENDING:
            votes.append(w.top + HEIGHT_SHARE[(True, False)] * size)
    return median(votes)


def _capital_i(line: list[OcrWord]) -> None:
    """An initial 'I' read as '|' ('Mrs | Campbell'): a line's only '|', after a short
    capitalised word (a title) and before a capitalised name, is the letter."""
    bars = [i for i, w in enumerate(line) if w.text == "|"]
    if len(bars) != 1 or not 0 < bars[0] < len(line) - 1:
        return
    before, after = line[bars[0] - 1].text, line[bars[0] + 1].text
    if 2 <= len(before) <= 4 and before[0].isupper() and before.isalpha() \
            and len(after) >= 2 and after[0].isupper() and after[1:].islower():
        line[bars[0]].text = "I"


def _bullet(line: list[OcrWord]) -> None:
    """Read a line's first word as a bullet '•' where Tesseract gave a letter for it:
    one character, set apart from the next word by a tab's width, as bullets are."""
    first = line[0]
    if len(first.text) == 1 and first.text in BULLET_READINGS:
        height = first.bottom - first.top
        if len(line) == 1 or line[1].x0 - first.x1 > max(height, 10):
            first.text = "•"


def snap_sizes(words: list[dict]) -> None:
    """Give OCR words of about one size one size, in place.

    Sizes measured from pixels scatter by a few tenths of a point, and the block maker
    splits a paragraph (or a two-line heading) where two lines differ by more than half
    a point. Sizes are chained in order while each is within SIZE_STEP of the last, and
    each chain gets the size most of its characters have (rounded to half a point); the
    sizes a paper sets apart (11 and 14 pt) differ by more than that."""
    if not words:
        return
    order = sorted(words, key=lambda w: w["size"])
    chains: list[list[dict]] = [[order[0]]]
    for prev, word in zip(order, order[1:], strict=False):
        if word["size"] - prev["size"] > SIZE_STEP * prev["size"]:
            chains.append([])
        chains[-1].append(word)
    for chain in chains:
        counts: dict[float, int] = {}
        for w in chain:
            key = round(w["size"] * 2) / 2
            counts[key] = counts.get(key, 0) + len(w["text"])
        size = max(counts.items(), key=lambda kv: kv[1])[0]
        for w in chain:
            w["size"] = size


SIZE_STEP = 0.04  # relative gap between sorted word sizes that starts another size
#: What Tesseract reads a list bullet as, when it is the first word of a line
BULLET_READINGS = set("e°«»*o©¢•·®@")
