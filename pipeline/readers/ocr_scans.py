"""Scanned papers made from text PDFs, to test and measure OCR against known answers.

A page is rendered to an image (as a scanner would give it: grey, at 150-300 dpi, a
little skewed, with speckle noise), and the images are wrapped back into a PDF that has
no text layer. A mixed pack keeps some pages as text and swaps others for scans, as an
archive's packs with signed minutes or appendices do. Used by the tests and
`pipeline.bench`, and from the command line to make a scanned copy of a folder:

    python -m pipeline.readers.ocr_scans SRC_DIR DEST_DIR [--dpi 200]
"""

from __future__ import annotations

import argparse
import io
import random
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image


def scan_image(page: pdfium.PdfPage, dpi: int = 200, angle: float = 0.0,
               noise: float = 0.0, seed: int = 0) -> Image.Image:
    """The page as a grey scan: rendered at `dpi`, turned `angle` degrees, with a share
    `noise` of its pixels flipped to random grey (speckle)."""
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    if angle:
        image = image.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False,
                             fillcolor=255)
    if noise:
        pixels = np.array(image)
        rng = np.random.default_rng(seed)
        flip = rng.random(pixels.shape) < noise
        pixels[flip] = rng.integers(0, 256, int(flip.sum()), dtype=np.uint8)
        image = Image.fromarray(pixels)
    return image


def images_pdf(images: list[Image.Image], dpi: int) -> bytes:
    """An image-only PDF of `images`, one page each, sized as printed at `dpi`."""
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:],
                   resolution=float(dpi))
    return buffer.getvalue()


def scan_pdf(source: Path, dest: Path, dpi: int = 200, angle: float = 0.0,
             noise: float = 0.0, pages: Iterable[int] | None = None) -> Path:
    """Write `dest`: `source` with the pages `pages` (1-based; all when None) scanned.

    Every page scanned gives an image-only PDF; some give a mixed pack whose other pages
    keep their text layer."""
    pdf = pdfium.PdfDocument(source)
    try:
        chosen = set(pages) if pages is not None else set(range(1, len(pdf) + 1))
        scans = {}
        for number in sorted(chosen):
            page = pdf[number - 1]
            scans[number] = scan_image(page, dpi, angle, noise, seed=number)
            page.close()
        if len(chosen) == len(pdf):
            dest.write_bytes(images_pdf([scans[n] for n in sorted(scans)], dpi))
            return dest
        scanned = pdfium.PdfDocument(images_pdf([scans[n] for n in sorted(scans)], dpi))
        out = pdfium.PdfDocument.new()
        order = sorted(scans)
        for number in range(1, len(pdf) + 1):
            if number in scans:
                out.import_pages(scanned, [order.index(number)], index=number - 1)
            else:
                out.import_pages(pdf, [number - 1], index=number - 1)
        out.save(dest)
        out.close()
        scanned.close()
        return dest
    finally:
        pdf.close()


def scan_folder(source: Path, dest: Path, dpis: tuple[int, ...] = (150, 200, 300),
                seed: int = 0) -> list[Path]:
    """An image-only copy of every PDF under `source` in `dest`, file names kept; each
    paper gets one of `dpis`, and every other one a slight skew and noise."""
    rng = random.Random(seed)
    written = []
    for index, path in enumerate(sorted(source.rglob("*.pdf"))):
        target = dest / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        rough = index % 2 == 1
        angle = rng.uniform(-0.6, 0.6) if rough else 0.0
        written.append(scan_pdf(path, target, dpi=dpis[index % len(dpis)], angle=angle,
                                noise=0.01 if rough else 0.0))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--dpi", type=int, action="append",
                        help="scan resolution (repeat to cycle; default 150, 200, 300)")
    args = parser.parse_args()
    paths = scan_folder(args.source, args.dest, tuple(args.dpi or (150, 200, 300)))
    print(f"{len(paths)} scanned PDF(s) in {args.dest}")


if __name__ == "__main__":
    main()
