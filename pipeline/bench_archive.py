"""Benchmark: how a large archive's fresh run and unchanged re-run scale with its size.

    python -m pipeline.bench_archive [--sizes 250 1000 4000] [--workers 2] [--work DIR]

For each size N it generates N synthetic text papers (3-6 KB each: varied councils,
bodies, people and items; bodies repeat across papers, as in a real archive), runs a
fresh `minutebook extract` on them and then an unchanged re-run into the same run folder,
each in its own process, and prints per N: fresh seconds per paper, re-run seconds (total
and per paper), the parent's peak RSS in each run (`ru_maxrss` of the run's own process;
workers are not counted) and the sizes of state.sqlite and the CSVs. A linear pipeline
shows flat per-paper figures and a peak RSS that hardly grows with N.

`--rebuild 16000 100000` then times rebuilding the CSVs alone (`write_outputs`, what an
unchanged re-run spends its time on) from stores of that many papers, made without
extracting anything by copying the largest run's stored rows under new names.
"""

from __future__ import annotations

import argparse
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
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _run_child(papers: Path, out: Path, workers: int) -> dict:
    command = [sys.executable, "-m", "pipeline.bench_archive", "--child", str(papers), str(out),
               "--workers", str(workers)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(size: int, work: Path, workers: int) -> dict:
    papers, out = work / f"papers{size}", work / f"run{size}"
    shutil.rmtree(out, ignore_errors=True)
    if not papers.is_dir():
        generate(papers, size)
    fresh = _run_child(papers, out, workers)
    rerun = _run_child(papers, out, workers)
    if rerun["reused"] != size:  # the pipeline fingerprint changed in between
        raise SystemExit(f"the re-run re-did {size - rerun['reused']} papers: was the "
                         "source or a rule edited during the benchmark? Run it from a clean "
                         "checkout (git worktree add)")
    csv_bytes = sum(p.stat().st_size for p in out.glob("*.csv"))
    store_bytes = sum(p.stat().st_size for p in out.glob("state.sqlite*"))
    return {"papers": size, "fresh_s_per_paper": fresh["seconds"] / size,
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench_archive")
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None, help="keep papers and runs here")
    parser.add_argument("--rebuild", type=int, nargs="*", default=[],
                        help="also time write_outputs alone on stores of these many papers")
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
    print(f"{'papers':>7} {'fresh s/paper':>13} {'re-run s':>9} {'re-run ms/paper':>15} "
          f"{'fresh RSS MB':>12} {'re-run RSS MB':>13} {'store MB':>8} {'CSV MB':>7}")
    for size in args.sizes:
        row = measure(size, work, args.workers)
        print(f"{row['papers']:>7} {row['fresh_s_per_paper']:>13.4f} {row['rerun_s']:>9.2f} "
              f"{row['rerun_ms_per_paper']:>15.3f} {row['fresh_rss_mb']:>12.0f} "
              f"{row['rerun_rss_mb']:>13.0f} {row['store_mb']:>8.1f} {row['csv_mb']:>7.1f}",
              flush=True)
    for size in args.rebuild:
        rebuild(size, work / f"run{max(args.sizes)}" / "state.sqlite", work)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
