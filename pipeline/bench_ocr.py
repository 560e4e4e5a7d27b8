"""Tesseract alone: the reference of `pipeline.bench`'s OCR rows (issue 15).

The bench's scanned pages are read by Tesseract alone in the same run as minutebook's
OCR runs, as 1 and 2 processes at once: on a shared machine only rates measured side by
side say what minutebook adds to Tesseract's own cost. `python -m pipeline.bench_ocr
SCANS i/n` is one such process, reading every n-th page from the i-th.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

TESSERACT_ALONE = "Tesseract alone (tesserocr defaults, 300 dpi)"


def reference_tesseract(scans: Path, workers: int) -> dict | None:
    """Tesseract alone on the same scanned pages, as `workers` processes at once (each
    renders its share of the pages at 300 dpi first, untimed, then reads them with
    tesserocr's default settings): what OCR costs before minutebook does anything, on
    the machine as loaded as the pipeline's own runs were. Seconds are the slowest
    process's; None without tesserocr."""
    if importlib.util.find_spec("tesserocr") is None:
        return None
    command = [sys.executable, "-m", "pipeline.bench_ocr", str(scans)]
    running = [subprocess.Popen([*command, f"{index}/{workers}"], stdout=subprocess.PIPE,
                                text=True) for index in range(workers)]
    shares = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in running]
    return {"documents": len(list(scans.glob("*.pdf"))),
            "pages": sum(s["pages"] for s in shares),
            "seconds": max(s["seconds"] for s in shares),
            "cpu_s_per_page": round(sum(s["cpu_seconds"] for s in shares)
                                    / max(sum(s["pages"] for s in shares), 1), 3)}


def _tesseract_here(scans: Path, share: str) -> dict:
    import pypdfium2
    import tesserocr

    from pipeline.readers.ocr import LANG, tessdata_dir

    index, count = (int(part) for part in share.split("/"))
    images, seen = [], 0
    for path in sorted(scans.glob("*.pdf")):
        pdf = pypdfium2.PdfDocument(str(path))
        for page in pdf:
            if seen % count == index:
                images.append(page.render(scale=300 / 72, grayscale=True).to_pil())
            seen += 1
            page.close()
        pdf.close()
    api = tesserocr.PyTessBaseAPI(path=tessdata_dir(LANG), lang=LANG)
    started, cpu = time.perf_counter(), time.process_time()
    for image in images:
        api.SetImage(image)
        api.SetSourceResolution(300)
        api.Recognize()
    return {"pages": len(images), "seconds": time.perf_counter() - started,
            "cpu_seconds": time.process_time() - cpu}


if __name__ == "__main__":
    print(json.dumps(_tesseract_here(Path(sys.argv[1]), sys.argv[2])))
