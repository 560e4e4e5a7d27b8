"""The `minutebook` command: a thin layer over the library.

Errors become one-line messages here and nowhere else; `--debug` shows tracebacks.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from pipeline import __version__
from pipeline.batch.runner import DocumentResult, RunSettings, default_workers, run_extract
from pipeline.errors import MinutebookError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutebook")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn committee papers (PDF, DOCX, HTML, text) into CSV extracts and a graph."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(levelname)s %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), required=True,
              help="Run folder to write the CSVs, errors.csv and run.json into.")
@click.option("--glob", "pattern", help="Only files whose name matches, e.g. '*.pdf'.")
@click.option("--exclude", multiple=True,
              help="Skip files whose name or relative path matches (repeatable).")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: the machine's cores).")
@click.option("--raw-csv", is_flag=True,
              help="Do not neutralise cells that a spreadsheet would run as formulas.")
@click.option("--force", is_flag=True, help="Re-do every document, even unchanged ones.")
@click.option("--timeout", type=float, default=600.0, show_default=True,
              help="Seconds one document may take before its worker is stopped.")
@click.option("--max-memory", type=int, default=4096, show_default=True,
              help="Memory ceiling per worker process, in MiB.")
@click.option("--scheduler", help="Run on a Dask cluster, e.g. tcp://HOST:8786.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[Path, ...], out: Path, pattern: str | None,
            exclude: tuple[str, ...], workers: int | None, raw_csv: bool, force: bool,
            timeout: float, max_memory: int, scheduler: str | None, quiet: bool) -> None:
    """Extract every paper under PATHS into the run folder OUT.

    Exit status: 0 when every paper was read, 1 when any paper failed (see
    OUT/errors.csv), 2 on a usage error.

    Example: minutebook extract corpus/ --out outputs/
    """
    debug = ctx.obj["debug"]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    progress = _progress(quiet)
    settings = RunSettings(workers=workers or default_workers(), pattern=pattern,
                           exclude=exclude, raw_csv=raw_csv, debug=debug, force=force,
                           timeout=timeout, memory_mb=max_memory, scheduler=scheduler)
    summary = run_extract(list(paths), out, settings, on_result=progress)
    if not quiet:
        counts = ", ".join(f"{n} {t}" for t, n in summary.counts.items() if n)
        click.echo(f"{summary.documents} documents ({summary.failed} failed, "
                   f"{summary.skipped} skipped, {summary.reused} unchanged since the last run) "
                   f"in {summary.seconds:.1f}s -> {out}/", err=True)
        click.echo(f"rows: {counts or 'none'}", err=True)
        if summary.failed:
            click.echo(f"see {out / 'errors.csv'} for the documents that failed", err=True)
    ctx.exit(summary.exit_code)


def _progress(quiet: bool):
    if quiet:
        return None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, leave=False)
        totals = {"pages": 0, "errors": 0}

        def tick(result: DocumentResult) -> None:
            totals["pages"] += result.pages
            totals["errors"] += result.failed
            bar.update(1)
            bar.set_postfix(pages=totals["pages"], errors=totals["errors"])
        return tick

    def line(result: DocumentResult) -> None:
        status = "failed" if result.failed else ("skipped" if result.errors else "ok")
        click.echo(f"{status:7} {result.document}", err=True)
    return line


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON.")
@click.option("--width", default=90, show_default=True, help="Characters of text per block.")
@click.pass_context
def inspect(ctx: click.Context, file: Path, as_json: bool, width: int) -> None:
    """Show what a reader saw in FILE: each block's kind, page, span and text.

    Example: minutebook inspect corpus/pdf/fernley_hwb_minutes.pdf
    """
    from pipeline.readers import read

    try:
        document = read(file)
    except MinutebookError as error:
        if ctx.obj["debug"]:
            raise
        raise click.ClickException(f"{file}: {error}") from None
    if as_json:
        click.echo(document.to_json())
        return
    click.echo(f"# {document.source}: {document.format}, {document.pages} page(s), "
               f"{len(document.blocks)} blocks")
    for warning in document.warnings:
        click.echo(f"# warning: {warning}")
    for n, block in enumerate(document.blocks):
        kind = block.kind.value + (f"{block.level}" if block.level else "")
        extra = f" [{block.marker}]" if block.marker else ""
        text = block.text.replace("\t", " | ")
        click.echo(f"{n:4} {kind:12} p{block.page:<3} {block.start:>6}-{block.end:<6}{extra} "
                   f"{text[:width]}")


@cli.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Folder for the graph files (default: RUN_DIR/graph).")
def graph(run_dir: Path, out: Path | None) -> None:
    """Build the graph of a run folder and export it (GraphML, GEXF, JSON, CSV, PNG, SVG).

    Example: minutebook graph outputs/
    """
    from pipeline.graph import build_graph
    from pipeline.graph.export import export_graph

    built = build_graph(run_dir)
    for path in export_graph(built, out or run_dir / "graph"):
        click.echo(path)
    click.echo(f"{built.number_of_nodes()} nodes, {built.number_of_edges()} edges", err=True)


@cli.command()
@click.argument("run_a", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("run_b", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), help="Also write the table as CSV.")
def compare(run_a: Path, run_b: Path, out: Path | None) -> None:
    """Compare the body structures of two run folders: bodies and edges in one, not the other.

    Example: minutebook compare runs/haringey runs/harrow --out diff.csv
    """
    from pipeline.export.csv import write_csv
    from pipeline.graph import build_graph
    from pipeline.graph.compare import compare as compare_graphs

    result = compare_graphs(build_graph(run_a), build_graph(run_b))
    click.echo(f"A = {run_a}\nB = {run_b}")
    click.echo(result.table())
    if out:
        write_csv(out, result.rows, ("change", "what", "a", "b", "detail"))


@cli.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Folder for the review site (default: RUN_DIR/review).")
@click.pass_context
def review(ctx: click.Context, run_dir: Path, out: Path | None) -> None:
    """Write a static review site: each paper's text with every extracted row highlighted.

    Example: minutebook review outputs/ && xdg-open outputs/review/index.html
    """
    from pipeline.review import build_review

    try:
        site = build_review(run_dir, out)
    except MinutebookError as error:
        if ctx.obj["debug"]:
            raise
        raise click.ClickException(str(error)) from None
    click.echo(site.index)
    click.echo(f"{len(site.pages)} document pages, {site.errors} errors listed", err=True)


EXPORT_DEFAULTS = {"parquet": "parquet", "popolo": "popolo.json", "sqlite": "minutebook.db"}


@cli.command("export")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(sorted(EXPORT_DEFAULTS)), required=True,
              help="parquet: one file per table; popolo: one Popolo JSON file; "
                   "sqlite: one database for sqlite3 or Datasette.")
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Where to write (default: RUN_DIR/parquet/, RUN_DIR/popolo.json or "
                   "RUN_DIR/minutebook.db).")
@click.pass_context
def export_command(ctx: click.Context, run_dir: Path, fmt: str, out: Path | None) -> None:
    """Export the tables of the run folder RUN_DIR as Parquet, Popolo JSON or SQLite.

    Example: minutebook export outputs/ --to sqlite --out outputs/minutebook.db
    """
    from pipeline.api import load

    out = out or run_dir / EXPORT_DEFAULTS[fmt]
    try:
        extraction = load(run_dir)
        written = {"parquet": extraction.to_parquet, "popolo": extraction.to_popolo,
                   "sqlite": extraction.to_sqlite}[fmt](out)
    except (FileNotFoundError, ImportError, MinutebookError) as error:
        if ctx.obj["debug"]:
            raise
        raise click.ClickException(str(error)) from None
    for path in written if isinstance(written, list) else [written]:
        click.echo(path)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status (testable in-process)."""
    try:
        status = cli.main(args=argv, prog_name="minutebook", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("interrupted: outputs of the last finished run are unchanged", err=True)
        return 130
    except (OSError, MinutebookError) as error:  # e.g. an output folder that cannot be written
        if "--debug" in (argv if argv is not None else sys.argv[1:]):
            raise
        click.echo(f"minutebook: error: {error}", err=True)
        return 2
    # click returns the exit status of ctx.exit(); a command that just returns gives None
    return status if isinstance(status, int) else 0


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
