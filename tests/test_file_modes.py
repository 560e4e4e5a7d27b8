"""Every file minutebook writes has the mode the umask gives (0644 under 022), not the
0600 of a bare tempfile.mkstemp."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAPERS = ("fernley_hwb_minutes_2024-03-14.txt", "fernley_hwb_report_2024-03-14.txt")

COMMANDS = """
import sys
from pipeline.cli import main
papers, run = sys.argv[1], sys.argv[2]
for args in (["extract", papers, "--out", run, "-q", "-j", "1"], ["graph", run],
             ["review", run], ["export", run, "--to", "parquet"],
             ["export", run, "--to", "sqlite"], ["export", run, "--to", "popolo"]):
    status = main(args)
    assert status == 0, (args, status)
"""


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o077, 0o600)])
def test_every_output_has_the_umask_mode(tmp_path: Path, umask: int, expected: int) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("jsonschema")
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in PAPERS:
        (papers / name).write_bytes((CORPUS / name).read_bytes())
    run = tmp_path / "run"
    done = subprocess.run([sys.executable, "-c", COMMANDS, str(papers), str(run)],
                          umask=umask, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    files = [p for p in run.rglob("*") if p.is_file()]
    names = {p.relative_to(run).as_posix() for p in files}
    for wanted in ("documents.csv", "errors.csv", "run.json", "state.sqlite",
                   "graph/graph.graphml", "graph/graph.gexf", "graph/graph.json",
                   "graph/nodes.csv", "graph/structure.png", "graph/structure.svg",
                   "review/index.html", "review/structure.svg", "parquet/documents.parquet",
                   "minutebook.db", "popolo.json"):
        assert wanted in names, wanted
    assert not [n for n in names if n.endswith(".tmp")]
    modes = {p.relative_to(run).as_posix(): oct(stat.S_IMODE(p.stat().st_mode))
             for p in files}
    assert modes == dict.fromkeys(modes, oct(expected))
