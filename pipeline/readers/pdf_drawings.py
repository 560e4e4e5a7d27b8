"""PDFium's drawings of a page as pdfplumber's table edges, and whether it has images.

pdfplumber's TableFinder only needs edges; reading them from PDFium's path objects (as
pdfminer would see those paths) spares parsing the page again with pdfminer.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

VERTICAL_RULE = 1.0  # pt: a line narrower than this is a vertical rule, as in pdf._find_tables
MAX_FORM_DEPTH = 15  # form XObjects nested deeper are not searched for rules

Point = tuple[float, float]


def scan_objects(page: pdfium.PdfPage, page_top: float) -> tuple[list[dict], bool, bool]:
    """(pdfplumber-style edges, whether a rect or vertical rule is drawn, any image)."""
    edges: list[dict] = []
    ruled = has_images = False
    count, get = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    for obj, kind, matrix in _objects(page.raw, count, get, None, 0):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            has_images = True
            continue
        for shape, points in _subpaths(obj, matrix, page_top):
            found, rule = _edges(shape, points)
            edges += found
            ruled = ruled or rule
    return edges, ruled, has_images


def _objects(
    parent: object, count: Callable, get: Callable, outer: pdfium.PdfMatrix | None, depth: int
) -> Iterator[tuple[object, int, pdfium.PdfMatrix]]:
    """Path and image objects with their matrix to page space, looking inside forms."""
    for index in range(count(parent)):
        obj = get(parent, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE) and (
            kind != pdfium_c.FPDF_PAGEOBJ_FORM or depth >= MAX_FORM_DEPTH
        ):
            continue  # text, mostly: nothing to look at
        raw_matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFPageObj_GetMatrix(obj, raw_matrix)
        matrix = pdfium.PdfMatrix.from_raw(raw_matrix)
        if outer is not None:  # an object in a form is placed in the form's space
            matrix = matrix.multiply(outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            count_in, get_in = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject
            yield from _objects(obj, count_in, get_in, matrix, depth + 1)
        else:
            yield obj, kind, matrix


def _subpaths(
    obj: object, matrix: pdfium.PdfMatrix, page_top: float
) -> Iterator[tuple[str, list[Point]]]:
    """pdfminer's view of a path: per subpath, its operators ("m", "l", "c", "h") and points.

    PDFium stores a close ("h", or the end of "re") as a point back at the start flagged
    `close`; pdfminer keeps "h" as an operator whose point is the start. Curves keep only
    their end points, as pdfminer's `pts` do.
    """
    x, y = ctypes.c_float(), ctypes.c_float()
    shape, beziers = "", 0
    points: list[Point] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = matrix.on_point(x.value, y.value)
        point = (px, page_top - py)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if shape:
                yield shape, points
            shape, points, beziers = "m", [point], 0
            continue
        if not shape:
            continue  # no current point: pdfminer ignores such a path
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            beziers += 1
            if beziers % 3:
                continue  # a control point
            shape += "c"
        else:
            shape += "l"
        points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            if shape[-1] == "l" and point == points[0]:
                shape = shape[:-1] + "h"
            else:
                shape, points = shape + "h", [*points, points[0]]
    if shape:
        yield shape, points


def _edges(shape: str, pts: list[Point]) -> tuple[list[dict], bool]:
    """pdfplumber's edges for one subpath, and whether it is a rect or a vertical rule.

    A two-point subpath is pdfminer's LTLine, "v" unless flat (even when slanted); any
    other gives an edge per pair of points, as LTCurve's and LTRect's edges come out.
    """
    if shape in ("ml", "mlh"):
        (x0, t0), (x1, t1) = pts[0], pts[1]
        edge = _edge(x0, t0, x1, t1, "h" if t0 == t1 else "v")
        return [edge], abs(x0 - x1) < VERTICAL_RULE
    edges = []
    for (x0, t0), (x1, t1) in zip(pts, pts[1:], strict=False):
        edges.append(_edge(x0, t0, x1, t1, "v" if x0 == x1 else ("h" if t0 == t1 else None)))
    return edges, shape in ("mlllh", "mllll") and _is_rect(pts)


def _is_rect(pts: list[Point]) -> bool:
    """pdfminer's LTRect test: a closed loop of four axis-aligned sides."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), end = pts[:5]
    if end != (x0, y0):
        return False
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
        y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
    )


def _edge(x0: float, t0: float, x1: float, t1: float, orientation: str | None) -> dict:
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(t0, t1), max(t0, t1)
    return {
        "orientation": orientation,
        "x0": left,
        "x1": right,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": right - left,
        "height": bottom - top,
    }
