"""The Dask executor gives the same outputs as the local one."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch.runner import RunSettings, run_extract
from tests.test_batch import make_papers, outputs

distributed = pytest.importorskip("distributed")


def test_local_cluster_outputs_equal_local_executor(tmp_path: Path) -> None:
    papers = make_papers(tmp_path / "in", 8)
    run_extract([papers], tmp_path / "local", RunSettings(workers=2))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        summary = run_extract([papers], tmp_path / "dask", RunSettings(scheduler=cluster))
    assert summary.failed == 0
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
