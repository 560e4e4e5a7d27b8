"""The archive benchmark's table and verdicts (its runs are timed by `python -m
pipeline.bench_archive`, never by a test)."""

from __future__ import annotations

from pathlib import Path

from pipeline.bench_archive import (
    README_END,
    README_START,
    generate,
    generate_format,
    table,
    update_startup_line,
    verdicts,
)


def row(fmt: str, papers: int, fresh: float, rerun_ms: float, rss: float = 120.0) -> dict:
    return {"format": fmt, "papers": papers, "pages": papers, "fresh_s_per_paper": fresh,
            "rerun_s": rerun_ms * papers / 1000, "rerun_ms_per_paper": rerun_ms,
            "fresh_rss_mb": rss, "rerun_rss_mb": rss / 2, "worker_rss_mb": 90.0,
            "store_mb": 1.0, "csv_mb": 1.0}


def test_verdicts_judge_growth_from_smallest_to_largest_text_archive() -> None:
    rows = [row("txt", 100_000, 0.012, 0.05, rss=150), row("txt", 1000, 0.010, 0.06),
            row("pdf", 1000, 0.09, 1.0, rss=900)]  # other formats are not judged on growth
    lines = verdicts(rows, {"extract_one_s": 0.8, "python_pass_s": 0.02})
    assert "x1.20 (target <= 1.3: met)" in lines[0]
    assert "x0.83 (target <= 1.3: met)" in lines[1]
    assert "150 MB (target < 300: met)" in lines[2]
    assert "5.0 s (target < 30 s: met)" in lines[3]
    assert "0.80 s wall" in lines[4] and lines[4].endswith("met)")
    slow = verdicts([row("txt", 1000, 0.010, 0.06), row("txt", 10_000, 0.02, 0.3)], {})
    assert all("NOT met" in line for line in slow[:2])
    assert not any("100,000" in line for line in slow)  # no 100k archive: no claim about it


def test_table_has_a_row_per_archive() -> None:
    text = table([row("txt", 1000, 0.01, 0.05), row("html", 1000, 0.02, 0.4)], {}, 2)
    assert text.count("\n| txt |") == 1 and "| html | 1,000 |" in text
    assert "2 workers." in text


def test_generators_make_the_papers_asked_for(tmp_path: Path) -> None:
    generate(tmp_path / "txt", 12)
    assert len(list((tmp_path / "txt").rglob("*.txt"))) == 12
    generate_format(tmp_path / "html", "html", 3)
    assert len(list((tmp_path / "html").rglob("*.html"))) == 3


def test_startup_only_replaces_its_own_line_of_the_table(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    old = table([row("txt", 1000, 0.010, 0.06), row("txt", 100_000, 0.011, 0.05)],
                {"extract_one_s": 1.08, "python_pass_s": 0.02}, 2)
    readme.write_text(f"# Bench\n\n{README_START}\n{old}\n{README_END}\n\nAfter.\n",
                      encoding="utf-8")
    (line,) = verdicts([], {"extract_one_s": 0.84, "python_pass_s": 0.03})
    update_startup_line(readme, line)
    text = readme.read_text(encoding="utf-8")
    assert "1.08 s wall" not in text and text.count("of one small paper") == 1
    assert "0.84 s wall" in text and "--startup-only" in text
    assert "| txt | 100,000 |" in text and text.endswith(f"{README_END}\n\nAfter.\n")
    lines = text.split("\n")
    verdict_lines = [n for n, got in enumerate(lines) if got.startswith("- ")]
    assert verdict_lines == list(range(verdict_lines[0], verdict_lines[-1] + 1))
    assert "one small paper" in lines[verdict_lines[-1]]
