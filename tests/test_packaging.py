"""minutebook installs anywhere: the rules ship inside the package, one loader reads them,
the fingerprint covers what can change a row, and a wheel works from another directory."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from pipeline import __version__, rules
from pipeline.batch.store import fingerprint, pipeline_fingerprint

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CHECKOUT_FILES = ("pyproject.toml", "README.md", "pipeline", "models")


def _copy_checkout(to: Path) -> Path:
    """What a build needs, copied away from the working tree (no stale build/, no caches)."""
    to.mkdir(parents=True, exist_ok=True)
    for name in CHECKOUT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, to / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        else:
            shutil.copy2(source, to / name)
    return to


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


# --- the rules are package data, behind one loader ---------------------------------------

def test_every_subpackage_ships_and_models_is_mapped_in():
    """pyproject.toml lists the packages by hand (so that models/ can be mapped in): a new
    subpackage must be listed too, or the wheel leaves it out."""
    setuptools = PYPROJECT["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "pipeline").rglob("__init__.py") if "__pycache__" not in p.parts}
    assert found <= set(setuptools["packages"])
    # Each folder of models/ is a data subpackage: setuptools deprecates shipping the files of
    # a folder that is not listed, and a newer setuptools may leave them out of the wheel.
    rule_folders = {".".join(("pipeline._rules", *p.relative_to(ROOT / "models").parts))
                    for p in (ROOT / "models").rglob("*")
                    if p.is_dir() and "__pycache__" not in p.parts}
    assert rule_folders <= set(setuptools["packages"]), "list the new models/ folder in pyproject"
    assert setuptools["package-dir"] == {"pipeline._rules": "models"}
    globs = setuptools["package-data"]["pipeline._rules"]
    suffixes = {Path(f).suffix for f in _files(ROOT / "models")}
    assert suffixes <= {g.removeprefix("**/*") for g in globs}, "a rule file type is not shipped"


def test_the_loader_reads_the_rules_in_models():
    assert [relative for relative, _ in rules.iter_rule_files()] == _files(ROOT / "models")
    assert rules.read_json("structure/vocabulary.json") == json.loads(
        (ROOT / "models" / "structure" / "vocabulary.json").read_text(encoding="utf-8"))
    patterns = rules.read_jsonl("items/decision_patterns.jsonl")
    assert patterns and all("id" in entry for entry in patterns)


def test_no_module_finds_the_rules_by_itself():
    """Only pipeline/rules.py knows where the rules are."""
    offenders = []
    for path in (ROOT / "pipeline").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if path.name != "rules.py" and re.search(r"""/\s*["']models\b""", source):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []


# --- the fingerprint -----------------------------------------------------------------------

@pytest.fixture
def checkout(tmp_path):
    return _copy_checkout(tmp_path / "checkout")


def _fingerprint(checkout: Path) -> str:
    return fingerprint(checkout / "pipeline", checkout / "models")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_fingerprint_is_computed_once_per_process():
    first = pipeline_fingerprint()
    assert pipeline_fingerprint() is first
    assert first.startswith(f"{__version__}+")


def test_the_fingerprint_changes_with_extraction_code(checkout):
    before = _fingerprint(checkout)
    _append(checkout / "pipeline" / "extractors" / "items" / "headings.py", "\n# changed\n")
    assert _fingerprint(checkout) != before


def test_the_fingerprint_changes_with_a_new_module(checkout):
    before = _fingerprint(checkout)
    (checkout / "pipeline" / "extractors" / "items" / "new_stage.py").write_text("X = 1\n")
    assert _fingerprint(checkout) != before


@pytest.mark.parametrize("rule", ["items/items.json", "structure/relation_cues.jsonl"])
def test_the_fingerprint_changes_with_a_rule(checkout, rule):
    before = _fingerprint(checkout)
    _append(checkout / "models" / rule, "\n")
    assert _fingerprint(checkout) != before


@pytest.mark.parametrize("unrelated", ["pipeline/review/site.py", "pipeline/export/csv.py",
                                       "pipeline/graph/build.py", "pipeline/cli.py",
                                       "pipeline/batch/pool.py", "pipeline/batch/store.py",
                                       "models/popolo/person.json", "pipeline/extractors/x.txt"])
def test_the_fingerprint_ignores_what_cannot_change_a_row(checkout, unrelated):
    before = _fingerprint(checkout)
    path = checkout / unrelated
    if path.exists():
        _append(path, "\n")
    else:
        path.write_text("not code\n", encoding="utf-8")
    (checkout / "pipeline" / "extractors" / "__pycache__").mkdir(exist_ok=True)
    (checkout / "pipeline" / "extractors" / "__pycache__" / "items.cpython-311.pyc").write_bytes(
        b"\0")
    assert _fingerprint(checkout) == before


# --- a wheel, unpacked, works from another directory -----------------------------------------

def _can_build_offline() -> str:
    """'' when this venv's setuptools can build a wheel without build isolation."""
    try:
        import setuptools
    except ImportError:
        return "setuptools is not installed"
    major, minor = (int(x) for x in setuptools.__version__.split(".")[:2])
    if (major, minor) >= (70, 1):
        return ""
    try:
        import wheel  # noqa: F401  (bdist_wheel for an older setuptools)
    except ImportError:
        return (f"setuptools {setuptools.__version__} has no bdist_wheel and `wheel` is not "
                "installed: install the dev extra (pip install -e '.[dev]', as make test does)")
    return ""


def sample_papers() -> list[Path]:
    """Every paper of the sample corpus (single papers and packs, in every format)."""
    suffixes = {".txt", ".docx", ".pdf", ".html", ".rtf"}
    return [p for p in (ROOT / "corpus").rglob("*") if p.suffix in suffixes]


def test_a_wheel_runs_from_another_directory(tmp_path):
    reason = _can_build_offline()
    if reason:
        pytest.skip(f"cannot build a wheel offline: {reason}")
    source = _copy_checkout(tmp_path / "source")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = (tmp_path / "dist").glob("minutebook-*.whl")
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    assert _files(unpacked / "pipeline" / "_rules") == _files(source / "models")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(unpacked), "PYTHONDONTWRITEBYTECODE": "1"}
    probe = subprocess.run(
        [sys.executable, "-c", "import json, pipeline, pipeline.rules as r; "
         "from pipeline.batch.store import pipeline_fingerprint as f; "
         "print(json.dumps([pipeline.__file__, str(r.rule_file('items/items.json')), f()]))"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert probe.returncode == 0, probe.stderr
    package_file, rule, wheel_fingerprint = json.loads(probe.stdout.strip().splitlines()[-1])
    assert Path(package_file).is_relative_to(unpacked), package_file
    assert Path(rule) == unpacked / "pipeline" / "_rules" / "items" / "items.json"
    # every rule file and every row-changing module reached the wheel unchanged
    assert wheel_fingerprint == _fingerprint(source)

    run = tmp_path / "run"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract", str(ROOT / "corpus"), "--out", str(run),
         "--exclude", "README.md", "--exclude", "*.py"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    with (run / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(sample_papers())
    with (run / "errors.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.DictReader(handle)) == []
    assert json.loads((run / "run.json").read_text(encoding="utf-8"))["pipeline"] \
        == wheel_fingerprint

