"""Benchmark: how a large archive's fresh run and unchanged re-run scale with its size.

    python -m pipeline.bench_archive [--sizes 1000 10000 100000] [--format-size 1000]
        [--workers 2] [--work DIR] [--readme]

For each size N it generates N synthetic text papers (3-6 KB each: varied councils,
bodies, people and items; bodies repeat across papers, as in a real archive), and
`--format-size` PDF, DOCX and HTML papers of realistic sizes (made as `make bench` makes
them), runs a fresh `minutebook extract` on each archive and then an unchanged re-run into
the same run folder, each in its own process, and prints per archive: fresh milliseconds
per paper, re-run seconds (total and per paper), the parent's peak RSS in each run
(`ru_maxrss` of the run's own process), the largest worker's peak RSS, and the sizes of
state.sqlite and the CSVs; then the wall time of `minutebook extract` of one small paper
beside `python -c pass`, and the targets of issue 16 (growth of the per-paper figures
from the smallest to the largest text archive within x1.3, parent peak RSS under 300 MB,
an unchanged re-run of 100,000 papers under 30 s, one small paper under 1 s).
`--readme` writes the table into README.md. A linear pipeline shows flat per-paper
figures and a peak RSS that hardly grows with N.

`--rebuild 16000 100000` then times rebuilding the CSVs alone (`write_outputs`, what a
re-run after a change spends most of its time on) from stores of that many papers, made
without extracting anything by copying the largest run's stored rows under new names.
"""

from __future__ import annotations

import argparse
import compileall
import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNCILS = ["Fernley", "Hollins Vale", "Ashby Cross", "Marlow Heath", "Kingsford", "Oakbridge",
            "Thornbury", "Wexcombe", "Redfield", "Castleford Green"]
BODIES = ["Cabinet", "Planning Committee", "Overview and Scrutiny Committee",
          "Health and Wellbeing Board", "Licensing Sub-Committee", "Audit and Governance Committee",
          "Children's Services Scrutiny Panel", "Community Safety Partnership",
          "Corporate Parenting Board", "Pensions Committee", "Full Council",
          "Housing Improvement Board"]
FIRST = ["Jane", "Omar", "Ann", "Kevin", "Farida", "Emeka", "Louise", "Gareth", "Sadia", "Helen",
         "Tobias", "Rosalind", "Neil", "Priya", "Marcus", "Ioana", "David", "Grace", "Yusuf"]
LAST = ["Smith", "Patel", "Lee", "Bright", "Chowdhury", "Ibe", "Kettering", "Moss", "Noor",
        "Marchbank", "Reid", "Verity", "Tremayne", "Okafor", "Hughes", "Novak", "Evans", "Khan"]
TOPICS = ["Budget Monitoring", "Access to GP Services", "Local Plan Review", "Fees and Charges",
          "Homelessness Strategy", "Air Quality Action Plan", "Library Service Review",
          "Treasury Management", "Annual Complaints Report", "School Place Planning",
          "Highways Maintenance Programme", "Youth Justice Plan", "Leisure Centre Contract"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September",
          "October", "November", "December"]
FILLER = ("The {role} introduced the report, which set out the position at the end of the "
          "quarter and the options considered. Members asked about the effect on residents in "
          "{ward} ward and the timetable for consultation. In response, officers explained "
          "that further detail would be circulated before the next meeting. ")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def paper(n: int, rng: random.Random) -> str:
    council = rng.choice(COUNCILS)
    body = rng.choice(BODIES)
    members = sorted({_person(rng) for _ in range(rng.randint(4, 9))})
    lines = [f"{council} Council", "", body, "",
             f"Minutes of a meeting of the {body} held on {1 + n % 28} "
             f"{rng.choice(MONTHS)} {2015 + n % 10}", "",
             f"Present: Councillor {members[0]} (Chair); Councillors "
             + ", ".join(members[1:-1]) + f" and {members[-1]}", "",
             f"Officers: {_person(rng)} (Director of Finance) and {_person(rng)} "
             "(Democratic Services Officer)", ""]
    number = 1
    lines += [f"{number}. Apologies for Absence", "",
              f"Apologies were received from Councillor {_person(rng)}.", ""]
    for topic in rng.sample(TOPICS, rng.randint(4, 6)):
        number += 1
        lines += [f"{number}. {topic}", ""]
        lines += [FILLER.format(role=rng.choice(["Director", "Head of Service", "Chair"]),
                                ward=rng.choice(LAST)) * rng.randint(2, 3), ""]
        if rng.random() < 0.4:
            lines += [f"The {body} reports to the {rng.choice(BODIES)}.", ""]
        lines += ["RESOLVED: That the report be noted and the recommendations be agreed.", ""]
    return "\n".join(lines)


def generate(folder: Path, count: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    for n in range(count):
        sub = folder / f"{2015 + n % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"paper{n:06}.txt").write_text(paper(n, rng), encoding="utf-8")


def _one_run(papers: Path, out: Path, workers: int) -> dict:
    from pipeline.batch.runner import run_extract
    from pipeline.settings import Settings

    started = time.perf_counter()
    summary = run_extract([papers], out, Settings(workers=workers))
    return {"seconds": time.perf_counter() - started, "reused": summary.reused,
            "failed": summary.failed, "bodies": summary.counts.get("bodies", 0),
            "pages": summary.pages,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            # the largest of the workers this run started and waited for (0: none started)
            "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _run_child(papers: Path, out: Path, workers: int) -> dict:
    command = [sys.executable, "-m", "pipeline.bench_archive", "--child", str(papers), str(out),
               "--workers", str(workers)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def generate_format(folder: Path, fmt: str, count: int) -> None:
    """`count` papers in one format, of realistic sizes (the sample papers' sections
    repeated and shuffled, as `make bench` makes them: PDFs of 1-10 pages)."""
    from pipeline.bench import generate as generate_papers

    generate_papers(folder, 0, 0 if fmt == "pdf" else count,
                    pdf_docs=count if fmt == "pdf" else 0, formats=(fmt,))


def measure(size: int, work: Path, workers: int, fmt: str = "txt") -> dict:
    papers, out = work / f"papers-{fmt}-{size}", work / f"run-{fmt}-{size}"
    shutil.rmtree(out, ignore_errors=True)
    if not papers.is_dir():
        if fmt == "txt":
            generate(papers, size)
        else:
            papers.mkdir(parents=True)
            generate_format(papers, fmt, size)
    fresh = _run_child(papers, out, workers)
    rerun = _run_child(papers, out, workers)
    if rerun["reused"] != size:  # the pipeline fingerprint changed in between
        raise SystemExit(f"the re-run re-did {size - rerun['reused']} papers: was the "
                         "source or a rule edited during the benchmark? Run it from a clean "
                         "checkout (git worktree add)")
    csv_bytes = sum(p.stat().st_size for p in out.glob("*.csv"))
    store_bytes = sum(p.stat().st_size for p in out.glob("state.sqlite*"))
    return {"format": fmt, "papers": size, "pages": fresh["pages"],
            "fresh_s_per_paper": fresh["seconds"] / size,
            "worker_rss_mb": fresh["worker_rss_mb"],
            "rerun_s": rerun["seconds"], "rerun_ms_per_paper": 1000 * rerun["seconds"] / size,
            "fresh_rss_mb": fresh["maxrss_mb"], "rerun_rss_mb": rerun["maxrss_mb"],
            "store_mb": store_bytes / 2**20, "csv_mb": csv_bytes / 2**20,
            "bodies": rerun["bodies"], "failed": fresh["failed"]}


def _rebuild_child(store_from: Path, out: Path, size: int) -> dict:
    from pipeline.batch.runner import write_outputs
    from pipeline.batch.store import STORE_NAME, Store

    Store(out).close()
    with sqlite3.connect(out / STORE_NAME) as db:
        db.execute("ATTACH ? AS src", (str(store_from),))
        names = [row[1] for row in db.execute("PRAGMA main.table_info(documents)")]
        for copy in range(-(-size // db.execute("SELECT count(*) FROM src.documents")
                            .fetchone()[0])):
            picked = ", ".join(f"'copy{copy}/' || document" if name == "document" else name
                               for name in names)
            db.execute(f"INSERT INTO documents ({', '.join(names)}) "
                       f"SELECT {picked} FROM src.documents")
        documents = [row[0] for row in
                     db.execute("SELECT document FROM documents ORDER BY document LIMIT ?",
                                (size,))]
    started = time.perf_counter()
    with Store(out) as store:
        write_outputs(store, documents, out, raw_csv=False)
    return {"seconds": time.perf_counter() - started,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def rebuild(size: int, store_from: Path, work: Path) -> None:
    out = work / f"rebuild{size}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "pipeline.bench_archive", "--rebuild-child",
               str(store_from), str(out), str(size)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    row = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"rebuild {size:>7} papers: {row['seconds']:.2f} s "
          f"({1000 * row['seconds'] / size:.3f} ms/paper), peak RSS {row['maxrss_mb']:.0f} MB",
          flush=True)
    shutil.rmtree(out, ignore_errors=True)


def startup(work: Path, repeats: int = 5) -> dict:
    """Wall seconds of `minutebook extract` of one small paper (a fresh run folder each
    time) and of `python -c pass`, the median of `repeats` runs of each, in this run."""
    paper = work / "startup" / "one.txt"
    paper.parent.mkdir(parents=True, exist_ok=True)
    # compiled as pip compiles an installed wheel (an editable install under
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module on every run)
    compileall.compile_dir(str(Path(__file__).parent), quiet=1)
    paper.write_text(paper_text(1), encoding="utf-8")

    def median_wall(command: list[str]) -> float:
        times = []
        for _ in range(repeats):
            shutil.rmtree(work / "startup" / "out", ignore_errors=True)
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        return sorted(times)[len(times) // 2]

    extract = [sys.executable, "-c", "from pipeline.cli import entry; entry()", "extract",
               str(paper), "--out", str(work / "startup" / "out"), "-q"]
    return {"extract_one_s": median_wall(extract),
            "python_pass_s": median_wall([sys.executable, "-c", "pass"])}


def paper_text(n: int) -> str:
    return paper(n, random.Random(n))


TARGETS = {"growth_fresh": 1.3, "growth_rerun": 1.3, "parent_rss_mb": 300.0,
           "rerun_100k_s": 30.0, "extract_one_s": 1.0}


def verdicts(rows: list[dict], start: dict) -> list[str]:
    """The issue's targets, each with the figures it is judged on."""
    text = sorted((r for r in rows if r["format"] == "txt"), key=lambda r: r["papers"])
    lines = []
    if len(text) >= 2:
        small, large = text[0], text[-1]
        for key, name in (("fresh_s_per_paper", "growth_fresh"),
                          ("rerun_ms_per_paper", "growth_rerun")):
            ratio = large[key] / max(small[key], 1e-9)
            lines.append(f"- {key.replace('_', ' ')}, {large['papers']:,} over "
                         f"{small['papers']:,} papers: x{ratio:.2f} (target <= "
                         f"{TARGETS[name]}: {'met' if ratio <= TARGETS[name] else 'NOT met'})")
        peak = max(max(r["fresh_rss_mb"], r["rerun_rss_mb"]) for r in text)
        lines.append(f"- parent peak RSS at {large['papers']:,} papers: {peak:.0f} MB (target < "
                     f"{TARGETS['parent_rss_mb']:.0f}: "
                     f"{'met' if peak < TARGETS['parent_rss_mb'] else 'NOT met'})")
        if large["papers"] >= 100_000:
            ok = large["rerun_s"] < TARGETS["rerun_100k_s"]
            lines.append(f"- unchanged re-run of {large['papers']:,} papers: "
                         f"{large['rerun_s']:.1f} s (target < {TARGETS['rerun_100k_s']:.0f} s: "
                         f"{'met' if ok else 'NOT met'})")
    if start:
        ok = start["extract_one_s"] < TARGETS["extract_one_s"]
        lines.append(f"- `minutebook extract` of one small paper: {start['extract_one_s']:.2f} s "
                     f"wall (`python -c pass`: {start['python_pass_s']:.3f} s; target < 1 s: "
                     f"{'met' if ok else 'NOT met'})")
    return lines


def table(rows: list[dict], start: dict, workers: int) -> str:
    lines = ["| format | papers | pages | fresh ms/paper | re-run s | re-run ms/paper | "
             "parent RSS MB (fresh / re-run) | worker RSS MB | store MB | CSV MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['format']} | {r['papers']:,} | {r['pages']:,} | "
                     f"{1000 * r['fresh_s_per_paper']:.1f} | {r['rerun_s']:.2f} | "
                     f"{r['rerun_ms_per_paper']:.3f} | {r['fresh_rss_mb']:.0f} / "
                     f"{r['rerun_rss_mb']:.0f} | {r['worker_rss_mb']:.0f} | "
                     f"{r['store_mb']:.1f} | {r['csv_mb']:.1f} |")
    lines.append("")
    lines.append(f"{workers} workers.")
    lines.append("")
    lines += verdicts(rows, start)
    return "\n".join(lines)


README_START, README_END = "<!-- archive:start -->", "<!-- archive:end -->"


def update_readme(readme: Path, text: str, how: str) -> None:
    """Put the growth table between the archive markers of the README (left alone without)."""
    from pipeline.bench import publish

    publish(readme, README_START, README_END, f"`{how}`", text)


def update_startup_line(readme: Path, line: str) -> None:
    """Replace the one-paper line of the README's growth table, saying when it was measured
    (the rest of the table keeps its own date)."""
    text = readme.read_text(encoding="utf-8")
    head, _, rest = text.partition(README_START)
    block, _, tail = rest.partition(README_END)
    kept = [old for old in block.split("\n") if "of one small paper" not in old]
    at = next((i for i, old in enumerate(kept) if old.startswith("- ")), len(kept) - 1)
    while at < len(kept) and kept[at].startswith("- "):
        at += 1
    kept.insert(at, f"{line} (measured {time.strftime('%Y-%m-%d')} by `python -m "
                    "pipeline.bench_archive --startup-only`)")
    readme.write_text(head + README_START + "\n".join(kept) + README_END + tail,
                      encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench_archive")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000],
                        help="text archives of these many papers")
    parser.add_argument("--format-size", type=int, default=1000,
                        help="papers in each of the PDF, DOCX and HTML archives (0: none)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None, help="keep papers and runs here")
    parser.add_argument("--readme", action="store_true",
                        help="write the table into README.md (a quiet machine's figures only)")
    parser.add_argument("--rebuild", type=int, nargs="*", default=[],
                        help="also time write_outputs alone on stores of these many papers")
    parser.add_argument("--startup-only", action="store_true",
                        help="only time one small paper against `python -c pass` (with "
                             "--readme: update that line of the README's table)")
    parser.add_argument("--child", nargs=2, type=Path, metavar=("PAPERS", "OUT"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--rebuild-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        papers, out = args.child
        print(json.dumps(_one_run(papers, out, args.workers)))
        return
    if args.rebuild_child:
        store_from, out, size = args.rebuild_child
        print(json.dumps(_rebuild_child(Path(store_from), Path(out), int(size))))
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    if args.startup_only:
        (line,) = verdicts([], startup(work, repeats=9))
        print(line)
        if args.readme:
            update_startup_line(Path(__file__).resolve().parents[1] / "README.md", line)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
        return
    rows = []
    plan = [("txt", size) for size in args.sizes]
    plan += [(fmt, args.format_size) for fmt in ("pdf", "docx", "html") if args.format_size]
    for fmt, size in plan:
        rows.append(measure(size, work, args.workers, fmt))
        r = rows[-1]
        print(f"{fmt} {size:>7}: fresh {1000 * r['fresh_s_per_paper']:.1f} ms/paper, re-run "
              f"{r['rerun_s']:.2f} s, parent RSS {r['fresh_rss_mb']:.0f}/{r['rerun_rss_mb']:.0f}"
              f" MB, worker RSS {r['worker_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
    start = startup(work)
    text = table(rows, start, args.workers)
    print(text)
    if args.readme:
        sizes = " ".join(str(s) for s in args.sizes)
        how = ("python -m pipeline.bench_archive" + (f" --sizes {sizes}" if args.sizes !=
               [1000, 10000, 100000] else "") + (f" --format-size {args.format_size}"
                                                  if args.format_size != 1000 else ""))
        update_readme(Path(__file__).resolve().parents[1] / "README.md", text, how)
    for size in args.rebuild:
        rebuild(size, work / f"run-txt-{max(args.sizes)}" / "state.sqlite", work)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
