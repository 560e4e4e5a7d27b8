"""One reader per format; `read(path)` picks it from the file's bytes and name.

The bytes win over the name: a PDF saved as `.txt` is read as a PDF (with a
warning), and a binary file named `.txt` is refused instead of being read as
garbage.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import EmptyDocument, ReadError, TooLarge, UnsupportedFormat, warning
from pipeline.model import Document
from pipeline.readers.coded_rows import split_coded_rows
from pipeline.readers.unflatten import unflatten

if TYPE_CHECKING:
    from pipeline.readers.ocr import OcrOptions

SUFFIX_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rtf": "rtf",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
}
KNOWN_UNSUPPORTED = {
    ".odt": "OpenDocument text is not supported: save it as .docx or PDF",
    ".xls": "spreadsheets are not committee papers",
    ".xlsx": "spreadsheets are not committee papers",
}
#: names a Word file may have whatever it holds: read when its bytes are a format read here
WORD_SUFFIXES = (".dot", ".wbk")
#: names a page saved from a council's web site has (ModernGov's 'mgAi.aspx?ID=12',
#: 'mgConvert2PDF.aspx?ID=12', which is a PDF; a link with no suffix at all): read, with
#: no warning, when their bytes are a format read here
WEB_SUFFIXES = (".aspx", ".asp", ".php", ".jsp", ".jspx", ".cfm", ".cgi", ".shtml", ".do", "")
#: the names whose content decides what they are
SNIFFED_SUFFIXES = WORD_SUFFIXES + WEB_SUFFIXES
#: the head of a Compound File: a Word 97-2003 document (or a .docx locked by a password)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_BYTES = 512 * 1024 * 1024
#: How PDF pages are read: "pdfium" (pdf_fast, the default) or "pdfplumber" (the slower
#: reference the tests compare it with).
PDF_ENGINES = ("pdfium", "pdfplumber")


def suffix_of(path: Path) -> str:
    """A file's suffix as minutebook reads it: in lower case, and without the query string
    that a download can keep in its name ('Minutes.pdf?T=9' is a .pdf)."""
    name = path.name.split("?", 1)[0]
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def supported(path: Path) -> bool:
    return suffix_of(path) in SUFFIX_FORMATS


def sniff(head: bytes) -> str | None:
    """The format the first bytes show, or None when they show nothing definite."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    lowered = head[:2048].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:512]:
        return "html"
    return None


def _reader(fmt: str, engine: str = "pdfium", ocr: OcrOptions | None = None
            ) -> Callable[[Path, str], Document]:
    # Imported here so that one broken parser library cannot stop the other formats.
    if fmt == "pdf":
        from pipeline.readers.pdf import read_pdf

        return partial(read_pdf, engine=engine, ocr=ocr)
    if fmt == "docx":
        from pipeline.readers.docx import read_docx

        return read_docx
    if fmt == "html":
        from pipeline.readers.html import read_html

        return read_html
    if fmt == "doc":
        from pipeline.readers.doc import read_doc

        return read_doc
    if fmt == "rtf":
        from pipeline.readers.rtf import read_rtf

        return read_rtf
    from pipeline.readers.text import read_text

    return read_text


def _word_package(path: Path) -> bool:
    """Whether a zip holds a Word document's body (a .docx saved under another name, as a
    download named after its link often is); an archive of papers does not."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def detect_format(path: Path) -> tuple[str, list[str]]:
    """The format to read `path` as, and warnings about a misleading name."""
    suffix = suffix_of(path)
    if suffix not in SUFFIX_FORMATS:
        reason = KNOWN_UNSUPPORTED.get(suffix, f"unsupported file type '{suffix or '(none)'}'")
        if suffix in SNIFFED_SUFFIXES and path.stat().st_size:
            with path.open("rb") as handle:
                seen = sniff(handle.read(4096))
            if seen is not None and suffix in WEB_SUFFIXES:
                return seen, []
            if seen is not None:  # Word saves RTF, HTML and .docx under a .doc name too
                return seen, [warning("mislabelled", f"{path.name}: named {suffix} but holds "
                                                     f"{seen.upper()}; read as {seen}")]
        raise UnsupportedFormat(reason)
    size = path.stat().st_size
    if size == 0:
        raise EmptyDocument("empty file (0 bytes)")
    if size > MAX_BYTES:
        raise TooLarge(f"file is {size // 2**20} MiB, over the {MAX_BYTES // 2**20} MiB limit")
    with path.open("rb") as handle:
        head = handle.read(4096)
    claimed = SUFFIX_FORMATS[suffix]
    seen = sniff(head)
    if seen is None or seen == claimed:
        return claimed, []
    if claimed == "text" and seen == "html":
        return "html", [warning("mislabelled", f"{path.name}: text file holds HTML; read as HTML")]
    if seen == "docx" and claimed not in ("docx", "doc") and not _word_package(path):
        raise ReadError(f"file named {suffix} is a zip package, not a Word document",
                        kind="mislabelled")
    return seen, [warning("mislabelled",
                          f"{path.name}: named {suffix} but holds {seen.upper()}; read as {seen}")]


def read(path: str | Path, source: str | None = None, *, engine: str = "pdfium",
         ocr: OcrOptions | None = None) -> Document:
    """Read one paper into the document model; `engine` (of PDF_ENGINES) reads PDFs,
    and `ocr` (`pipeline.readers.ocr.OcrOptions`) says which PDF pages are OCR'd.

    Raises a `pipeline.errors.ReadError` subclass with a one-line message for anything
    that cannot be read (empty, encrypted, scanned, corrupt, unsupported ...).
    """
    if engine not in PDF_ENGINES:
        raise ValueError(f"engine must be one of {', '.join(PDF_ENGINES)}, not {engine!r}")
    path = Path(path)
    source = source or path.name
    try:
        fmt, warnings = detect_format(path)
    except OSError as error:
        raise ReadError(f"cannot open file: {error.strerror or error}", kind="unreadable") from None
    try:
        document = _reader(fmt, engine, ocr)(path, source)
    except OSError as error:
        raise ReadError(f"cannot read file: {error.strerror or error}", kind="unreadable") from None
    document.warnings[:0] = warnings
    return split_coded_rows(unflatten(document))
