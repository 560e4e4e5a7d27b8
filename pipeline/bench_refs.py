"""The references `pipeline.bench` measures the pipeline against, on the same files in
the same run: `pdftotext -layout`, pdfplumber's `extract_text`, and a bare read of the
DOCX and HTML papers that tokenises their text once (what reading costs before any
extraction)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path


def _pdf_pages(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def reference_pdftotext(folder: Path) -> dict | None:
    if not shutil.which("pdftotext"):
        return None
    files = sorted(folder.glob("*.pdf"))
    started = time.perf_counter()
    for path in files:
        subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return {"documents": len(files), "pages": sum(_pdf_pages(p) for p in files),
            "seconds": time.perf_counter() - started}


def reference_pdfplumber(folder: Path, limit: int = 40) -> dict:
    """pdfplumber's extract_text on a sample of the PDFs (it is slow; the rate is what counts)."""
    import pdfplumber

    files = sorted(folder.glob("*.pdf"))[:limit]
    pages = 0
    started = time.perf_counter()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return {"documents": len(files), "pages": pages, "seconds": time.perf_counter() - started}


def reference_bare_read(folder: Path, fmt: str) -> dict:
    """Read each DOCX or HTML paper's text and tokenise it once, in one fresh process.

    Timed as the pipeline's runs are, start-up included: importing spaCy and making its
    blank English tokenizer count here as they count in a run (whose workers fork from
    a parent that has done both)."""
    command = [sys.executable, "-m", "pipeline.bench", "--bare", fmt, "--measure", str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _bare_read_here(folder: Path, fmt: str) -> dict:
    started = time.perf_counter()
    import spacy

    tokenize = spacy.blank("en").tokenizer
    if fmt == "docx":
        import docx

        def text_of(path: Path) -> str:
            return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    else:
        import lxml.html

        def text_of(path: Path) -> str:
            return lxml.html.parse(str(path)).getroot().text_content()

    files = sorted(folder.glob(f"*.{fmt}"))
    tokens = 0
    for path in files:
        tokens += len(tokenize(text_of(path)))
    return {"documents": len(files), "pages": len(files), "tokens": tokens,
            "seconds": time.perf_counter() - started}
