"""Every command the README shows is run here, and gives what the README says it gives.

The README's shell lines that start with `minutebook` run in-process, in order, in a
sandbox holding a copy of the sample corpus (and the other paths the examples name);
its Python blocks are executed there too. The Dask lines need a cluster: the extract
line runs against a scheduler and worker started from the `dask` command when Dask is
installed (tests/test_dask.py covers the executor itself).
"""

from __future__ import annotations

import csv
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CORPUS_PAPERS = 110  # seven sample papers, two agenda packs (corpus/packs/) and thirteen
# meetings of a series (corpus/series/), in five formats


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def shell_lines() -> list[str]:
    lines = []
    for block in blocks("sh"):
        for line in block.splitlines():
            command = line.split(" #", 1)[0].strip()
            if command.startswith("minutebook "):
                lines.append(command)
    return lines


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def documented_outputs() -> list[str]:
    """The files the 'What you get' table lists."""
    section = README.split("## What you get", 1)[1].split("###", 1)[0]
    return re.findall(r"^\| `([\w.]+)` \|", section, flags=re.M)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder a newcomer runs the README in: the project's corpus and a few paths
    the examples name (an archive, a single paper, two runs to compare)."""
    root = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "corpus", root / "corpus")
    shutil.copytree(ROOT / "corpus" / "pdf", root / "archive")
    shutil.copy(next((ROOT / "corpus" / "docx").glob("*.docx")), root / "paper.docx")
    (root / "CouncillorsByWard.xml").write_text(  # an invented register, ModernGov's shape
        "<councillorsbyward><wards><ward><wardtitle>Northgate</wardtitle><councillors>"
        "<councillor><councillorid>1</councillorid><fullusername>Cllr Kevin Bright"
        "</fullusername><politicalpartytitle>Independent</politicalpartytitle></councillor>"
        "</councillors></ward></wards></councillorsbyward>", encoding="utf-8")
    for name, kind in (("a", "minutes"), ("b", "report")):
        subset = root / "papers" / name
        subset.mkdir(parents=True)
        for paper in (ROOT / "corpus").glob(f"*_{kind}_*.txt"):
            shutil.copy(paper, subset)
        assert main(["extract", str(subset), "--out", str(root / "runs" / name), "-q",
                     "--workers", "1"]) == 0
    return root


def test_the_readme_names_commands_that_exist(sandbox: Path) -> None:
    named = re.findall(r"\b(corpus/[\w/.-]+\.(?:pdf|docx|html|txt))", README)
    assert named, "the README names no sample paper"
    assert [n for n in named if not (sandbox / n).is_file()] == []


def test_every_readme_shell_command_runs_and_gives_what_it_says(
        sandbox: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(sandbox)
    ran = []
    for line in shell_lines():
        if "SCHEDULER" in line:
            continue  # needs a cluster: test_readme_dask_commands
        status = main(shlex.split(line)[1:])
        output = capsys.readouterr()
        assert status == 0, f"{line}: exit {status}\n{output.err}"
        ran.append(line)
    assert len(ran) >= 8, ran
    outputs = sandbox / "outputs"
    documents = rows(outputs / "documents.csv")
    assert len(documents) == CORPUS_PAPERS, "README: extract corpus/ reads the sample papers"
    assert not [r for r in documents if not r["document"].endswith((".pdf", ".docx", ".html",
                                                                     ".rtf", ".txt"))]
    assert [r for r in rows(outputs / "errors.csv") if r["severity"] == "error"] == []
    for name in documented_outputs():
        assert (outputs / name).is_file(), f"README lists {name} as an output"
    for name in ("graph.graphml", "graph.gexf", "graph.json", "nodes.csv", "edges.csv",
                 "structure.png", "structure.svg"):
        assert (outputs / "graph" / name).is_file(), name
    assert (outputs / "review" / "index.html").is_file()
    assert (outputs / "minutebook.db").is_file()
    for target in re.findall(r"--to \w+ --out (\S+)", README) + ["outputs/parquet"]:
        assert (sandbox / target).exists(), target


def test_every_readme_python_block_runs(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sandbox)
    python = [b for b in blocks("python") if "from pipeline" in b]
    assert python
    for block in python:
        namespace: dict = {}
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102
        run = namespace.get("run")
        if run is not None:
            assert len(run.documents) == CORPUS_PAPERS


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_readme_dask_commands(sandbox: Path, monkeypatch: pytest.MonkeyPatch,
                              tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    dask = Path(sys.executable).with_name("dask")
    if not dask.exists():
        pytest.skip("the dask command is not installed")
    lines = [line for line in shell_lines() if "SCHEDULER" in line]
    assert len(lines) == 1
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = (tmp_path / "scheduler.log").open("w")
    scheduler = subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port",
                                  str(port), "--no-dashboard"], stdout=logs, stderr=logs)
    worker = subprocess.Popen([str(dask), "worker", address, "--nworkers", "1",
                               "--no-dashboard"], stdout=logs, stderr=logs)
    try:
        time.sleep(1)
        monkeypatch.chdir(sandbox)
        shutil.copytree(sandbox / "archive", tmp_path / "archive")
        line = lines[0].replace("tcp://SCHEDULER:8786", address)
        line = line.replace("/shared/archive", str(tmp_path / "archive"))
        line = line.replace("--out run/", f"--out {tmp_path / 'run'}")
        assert main(shlex.split(line)[1:] + ["-q"]) == 0
        papers = len(list((sandbox / "archive").glob("*.pdf")))
        assert len(rows(tmp_path / "run" / "documents.csv")) == papers
    finally:
        for process in (worker, scheduler):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        logs.close()
