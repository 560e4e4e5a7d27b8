"""Earlier blind rounds kept as a floor (tests/data/heldout): each set's macro F1 on its
text papers may not fall below the figure recorded for it. Scored by the shared scorer,
so skipped where ../shared is not beside the project."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.runner import run_extract
from pipeline.settings import Settings

HELD_OUT = Path(__file__).parent / "data" / "heldout"
SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"
FLOORS = {k: v for k, v in json.loads((HELD_OUT / "floors.json").read_text()).items()
          if not k.startswith("_")}


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_held_out_set_keeps_its_score(name: str, tmp_path: Path) -> None:
    folder = HELD_OUT / name
    run_extract([folder / "docs"], tmp_path / "run", Settings(workers=0))
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(folder / "gold"),
                           "--run", str(tmp_path / "run")],
                          capture_output=True, text=True, check=True)
    found = re.search(r"macro F1\s+([\d.]+)", done.stdout)
    assert found is not None, done.stdout
    assert float(found.group(1)) >= FLOORS[name], done.stdout
