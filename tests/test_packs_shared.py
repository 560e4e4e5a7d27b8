"""Packs joined from the shared devset's PDFs: each paper of a pack is found as a part,
with the kind, body and date it has alone (skips without ../shared)."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2
import pytest

from pipeline.extractors.sections.metadata import extract_metadata
from pipeline.extractors.sections.parts import segment
from pipeline.readers import read
from tests.conftest import shared_or_skip


def join(papers: list[Path], out: Path) -> Path:
    pack = pypdfium2.PdfDocument.new()
    for paper in papers:
        source = pypdfium2.PdfDocument(str(paper))
        pack.import_pages(source)
        source.close()
    pack.save(str(out))
    pack.close()
    return out


def test_every_paper_of_a_pack_is_a_part(tmp_path: Path) -> None:
    folder = shared_or_skip("devset", "docs", "pdf")
    papers = sorted(folder.glob("*.pdf"))
    if len(papers) < 3:
        pytest.skip("too few devset PDFs")
    alone = {p: extract_metadata(read(p)) for p in papers}
    rng = random.Random(5)
    packs = [rng.sample(papers, rng.choice((2, 3))) for _ in range(8)]
    packs += [[papers[k - 1], papers[k]] for k in range(len(papers))]  # each paper second once
    for n, members in enumerate(packs):
        parts = segment(read(join(members, tmp_path / f"pack{n}.pdf")))
        got = [(p.kind, p.body.casefold(), p.date) for p in parts]
        wanted = [(alone[m]["kind"], alone[m]["body"].casefold(), alone[m]["date"])
                  for m in members]
        assert got == wanted, [m.name for m in members]
