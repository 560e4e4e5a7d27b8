"""The `minutebook` command: a thin layer over the library.

Errors become one-line messages here and nowhere else; `--debug` shows tracebacks.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

import click

from pipeline.batch.runner import run_extract
from pipeline.batch.walk import DEFAULT_FORMATS, FORMAT_SUFFIXES, mark_output_folder
from pipeline.errors import MinutebookError
from pipeline.progress import _progress, summary_line
from pipeline.settings import MIN_MEMORY_MB, OCR_MODES, PDF_ENGINES, Settings
from pipeline.version import __version__


class CommandError(click.ClickException):
    """A one-line message and exit status 2: the command cannot do what was asked."""

    exit_code = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutebook")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn committee papers (PDF, DOCX, DOC, HTML, RTF, text) into CSV extracts and a graph."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(levelname)s %(message)s")


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    from pipeline.batch.walk import check_formats

    try:
        return check_formats(value.split(","))
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), required=True,
              help="Run folder to write the CSVs, errors.csv and run.json into.")
@click.option("--glob", "pattern",
              help="Only files whose name matches, ignoring case, e.g. '*.pdf'.")
@click.option("--exclude", multiple=True,
              help="Skip files whose name or relative path matches (repeatable).")
@click.option("--formats", default=",".join(DEFAULT_FORMATS), show_default=True,
              callback=_formats,
              help=f"Formats to read, comma-separated, of: {', '.join(FORMAT_SUFFIXES)}.")
@click.option("--workers", "-j", type=click.IntRange(0, 64), default=None,
              help="Worker processes (default: the machine's cores; 0 reads in this process).")
@click.option("--raw-csv", is_flag=True,
              help="Do not neutralise cells that a spreadsheet would run as formulas.")
@click.option("--force", is_flag=True, help="Re-do every document, even unchanged ones.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=600.0,
              show_default=True,
              help="Seconds one document may take before its worker is stopped.")
@click.option("--max-memory", type=click.IntRange(min=MIN_MEMORY_MB), default=4096,
              show_default=True, help="Memory ceiling per worker process, in MiB.")
@click.option("--scheduler", help="Run on a Dask cluster, e.g. tcp://HOST:8786.")
@click.option("--pdf-engine", type=click.Choice(PDF_ENGINES), default=PDF_ENGINES[0],
              show_default=True,
              help="How PDF pages are read: PDFium (fast) or pdfplumber (the reference).")
@click.option("--ocr", type=click.Choice(OCR_MODES), default="auto", show_default=True,
              help="Which PDF pages Tesseract reads: those without a text layer (auto), "
                   "every page, or none.")
@click.option("--authority", default="",
              help="The council every paper belongs to, over what the papers say "
                   "(e.g. 'Kingsmere Borough Council').")
@click.option("--authority-map", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV of pattern,authority rows: papers under a folder ('haringey/') or "
                   "matching a pattern ('*/cabinet-*.pdf') belong to that authority.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[Path, ...], out: Path, pattern: str | None,
            exclude: tuple[str, ...], formats: tuple[str, ...], workers: int | None,
            raw_csv: bool, force: bool, timeout: float, max_memory: int,
            scheduler: str | None, pdf_engine: str, ocr: str, authority: str,
            authority_map: Path | None, quiet: bool) -> None:
    """Extract every paper under PATHS into the run folder OUT.

    Reads PDF, DOCX, DOC, HTML, RTF and .txt papers (Markdown only with --formats); the run
    folder itself and other minutebook output folders are never read as papers.
    Exit status: 0 when every paper was read, 1 when any paper failed (see
    OUT/errors.csv), 2 on a usage error or when no paper was found.

    Example: minutebook extract corpus/ --out outputs/
    """
    debug = ctx.obj["debug"]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    try:
        # The same object `pipeline.extract` builds from its keywords.
        settings = Settings(workers=workers, glob=pattern, exclude=exclude, formats=formats,
                            raw_csv=raw_csv, debug=debug, force=force, timeout=timeout,
                            memory_mb=max_memory, scheduler=scheduler, pdf_engine=pdf_engine,
                            ocr=ocr,
                            authority=authority, authority_map=authority_map)
    except ValueError as error:
        raise CommandError(str(error)) from None
    summary = run_extract(list(paths), out, settings, progress=_progress(quiet))
    if not quiet:
        click.echo(summary_line(summary), err=True)
        counts = ", ".join(f"{n} {t}" for t, n in summary.counts.items() if n)
        click.echo(f"rows: {counts or 'none'}", err=True)
        if summary.failed or summary.warnings:
            click.echo(f"see {out / 'errors.csv'} for what failed or deserves a look", err=True)
    ctx.exit(summary.exit_code)


def _run_folder(run_dir: Path) -> Path:
    """`run_dir` when it is a minutebook run folder, else a one-line error (exit 2)."""
    from pipeline.batch.walk import is_output_folder

    if not ((run_dir / "documents.csv").is_file() or (run_dir / "documents.parquet").is_file()
            or is_output_folder(run_dir)):
        raise CommandError(f"{run_dir} is not a minutebook run folder (no run.json, "
                           f"state.sqlite or documents.csv); make one with "
                           f"`minutebook extract PAPERS --out {run_dir}`")
    return run_dir


def _out_folder(out: Path) -> Path:
    """`out` when a folder can be written there, else a one-line error (exit 2)."""
    if out.exists() and not out.is_dir():
        raise CommandError(f"--out {out} is a file, not a folder")
    return out


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON.")
@click.option("--width", default=90, show_default=True, help="Characters of text per block.")
@click.pass_context
def inspect(ctx: click.Context, file: Path, as_json: bool, width: int) -> None:
    """Show what a reader saw in FILE: each block's kind, page, span and text (and, for a
    block read by OCR, the lowest confidence of its lines, 0-100: "ocr 87").

    Example: minutebook inspect corpus/pdf/fernley_hwb_minutes_2024-03-14.pdf
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
        if block.ocr is not None:  # the blocks worth checking against the scan first
            extra += f" (ocr {block.ocr:.0f})"
        text = block.text.replace("\t", " | ")
        click.echo(f"{n:4} {kind:12} p{block.page:<3} {block.start:>6}-{block.end:<6}{extra} "
                   f"{text[:width]}")


@cli.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Folder for the graph files (default: RUN_DIR/graph).")
@click.option("--authority", default="",
              help="Only this council's bodies, meetings and people.")
def graph(run_dir: Path, out: Path | None, authority: str) -> None:
    """Build the graph of a run folder and export it (GraphML, GEXF, JSON, CSV, PNG, SVG).

    Example: minutebook graph outputs/ --authority "London Borough of Fernley"
    """
    from pipeline.graph import authority_part, build_graph
    from pipeline.graph.export import export_graph

    built = authority_part(build_graph(_run_folder(run_dir)), authority, run_dir)
    folder = _out_folder(out or run_dir / "graph")
    written = export_graph(built, folder)
    mark_output_folder(folder, "graph")
    for path in written:
        click.echo(path)
    click.echo(f"{built.number_of_nodes()} nodes, {built.number_of_edges()} edges", err=True)


@cli.command()
@click.argument("run_a", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("run_b", type=click.Path(exists=True, file_okay=False, path_type=Path),
                required=False)
@click.option("--authority", "authority", multiple=True,
              help="Compare this council's structure (give it twice, for A and B, to compare "
                   "two councils of one run; once, to compare one council in two runs).")
@click.option("--out", "-o", type=click.Path(path_type=Path), help="Also write the table as CSV.")
def compare(run_a: Path, run_b: Path | None, authority: tuple[str, ...],
            out: Path | None) -> None:
    """Compare two body structures: bodies and edges in one, not the other. Two run
    folders (minutebook compare runs/haringey runs/harrow --out diff.csv), or two
    councils of one run folder.

    Example: minutebook compare runs/london --authority Haringey --authority Harrow
    """
    from pipeline.export.csv import write_csv
    from pipeline.graph import authority_part, build_graph
    from pipeline.graph.compare import compare as compare_graphs

    if out is not None and out.is_dir():
        raise CommandError(f"--out {out} is a folder; give a file name for the CSV")
    if len(authority) > 2 or (run_b is None and len(authority) != 2):
        raise click.UsageError("give two run folders, or one run folder and --authority "
                               "twice (at most two --authority in all)")
    first = build_graph(_run_folder(run_a))
    second = first if run_b is None else build_graph(_run_folder(run_b))
    names = (authority * 2)[:2] if authority else ("", "")
    a = authority_part(first, names[0], run_a)
    b = authority_part(second, names[1], run_b or run_a)
    result = compare_graphs(a, b)
    click.echo(f"A = {run_a}{f' ({names[0]})' if names[0] else ''}\n"
               f"B = {run_b or run_a}{f' ({names[1]})' if names[1] else ''}")
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

    _run_folder(run_dir)
    try:
        site = build_review(run_dir, _out_folder(out) if out else None)
    except MinutebookError as error:
        if ctx.obj["debug"]:
            raise
        raise CommandError(str(error)) from None
    mark_output_folder(site.index.parent, "review site")
    click.echo(site.index)
    click.echo(f"{len(site.pages)} document pages, {site.errors} rows of errors.csv listed",
               err=True)


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

    _run_folder(run_dir)
    out = out or run_dir / EXPORT_DEFAULTS[fmt]
    if fmt == "parquet":
        _out_folder(out)
    elif out.is_dir():
        raise CommandError(f"--out {out} is a folder; give a file name for the {fmt} file")
    try:
        extraction = load(run_dir)
        writers: dict[str, Callable[[Path], Path | list[Path]]] = {
            "parquet": extraction.to_parquet, "popolo": extraction.to_popolo,
            "sqlite": extraction.to_sqlite}
        written = writers[fmt](out)
    except (FileNotFoundError, ImportError, MinutebookError) as error:
        if ctx.obj["debug"]:
            raise
        raise CommandError(str(error)) from None
    if fmt == "parquet":
        mark_output_folder(out, "Parquet export")
    for path in written if isinstance(written, list) else [written]:
        click.echo(path)


@cli.group()
def register() -> None:
    """A council's register of members, to link the run's people to.

    Example: minutebook register import CouncillorsByWard.xml outputs/ --authority Fernley
    """


@register.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--authority", default="",
              help="Whose register it is (default: the run's one authority).")
def register_import(file: Path, run_dir: Path, authority: str) -> None:
    """Read a ModernGov GetCouncillorsByWard XML or a CSV (name, party, ward, key_posts)
    into RUN_DIR and link its people: people.csv gets party, ward and key posts.

    Example: minutebook register import CouncillorsByWard.xml outputs/ --authority Fernley
    """
    from pipeline.people import link_register

    count = link_register(file, _run_folder(run_dir), authority)
    linked = sum(1 for row in _people(run_dir) if row.get("register_id"))
    click.echo(f"{count} members read; {linked} people of {run_dir} linked to the register",
               err=True)


def _people(run_dir: Path) -> list[dict]:
    import csv

    from pipeline.export.csv import allow_long_cells

    allow_long_cells()
    with (run_dir / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


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
