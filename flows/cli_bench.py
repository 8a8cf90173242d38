"""``citypairs bench | bench-pdf | bench-scale | bench-crawl``: speed and
memory measured in one run, as ratios where the machine is shared."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from flows.cli import ModelOption, _fail, _settings, app, out
from models.errors import CitypairsError, ConfigError
from models.settings import load_settings


@app.command()
def bench(
    documents: Annotated[int, typer.Option("--documents", metavar="N", help="Generated articles to process.")] = 2000,
    processes: Annotated[int | None, typer.Option("--processes", metavar="N", help="Worker processes for extraction "
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
    for length in r.lengths:
        out.print(f"one document of {length.chars:>9,} characters: {length.seconds:6.1f} s")
    if len(r.lengths) > 1:
        small, big = r.lengths[0], r.lengths[-1]
        out.print(f"{big.chars // small.chars}x the length took {big.seconds / small.seconds:.1f}x the time")


@app.command("bench-pdf")
def bench_pdf(
    pages: Annotated[int, typer.Option("--pages", metavar="N", help="Generated PDF pages (25 per file, "
                     "a tenth in two columns).")] = 500,
) -> None:
    """Measure PDF reading (pages/s) against pdfplumber alone, in one run on generated PDFs.

    Example: citypairs bench-pdf --pages 500
    """
    from flows.bench_pdf import main_lines, run_pdf_bench

    for line in main_lines(run_pdf_bench(pages)):
        out.print(line)


@app.command("bench-scale")
def bench_scale(
    largest: Annotated[int, typer.Option("--mentions", metavar="N", help="The largest size; the others are a "
                       "tenth and three tenths of it.")] = 1_000_000,
    dask: Annotated[bool, typer.Option("--dask/--no-dask", help="Also time extraction (words/s) on the local "
                    "path and on 1 and 2 Dask workers, in throwaway PostgreSQL databases.")] = True,
    words: Annotated[int, typer.Option("--words", metavar="N", help="Words of generated articles each "
                     "extraction configuration reads.")] = 200_000,
    postgres: Annotated[str, typer.Option("--postgres", metavar="URL", help="PostgreSQL server whose user may "
                        "create databases; unreachable, the extraction part is skipped "
                        "[default: postgresql+psycopg://postgres@127.0.0.1:5432/postgres]")] = "",
    db_sizes: Annotated[str, typer.Option("--db-sizes", metavar="N,N,...", help="Mentions of each database the "
                        "whole dedupe flow runs on (SQLite in a temporary folder); \"none\" leaves this part out "
                        "[default: the sizes of --mentions]")] = "",
    model: ModelOption = None,
) -> None:
    """Measure dedupe's merge step (time, peak memory) at growing numbers of mentions, each in a fresh process;
    the whole dedupe flow on a SQLite database of each size (fresh processes, filling it not timed); and
    extraction words/s on the local path and on 1 and 2 Dask workers.

    Example: citypairs bench-scale --mentions 1000000 --words 200000
    """
    from flows.bench_dask import DEFAULT_ADMIN_URL, run_dask_bench
    from flows.bench_dask import report_lines as dask_lines
    from flows.bench_dedupe import report_lines as dedupe_lines
    from flows.bench_dedupe import run_dedupe_bench
    from flows.bench_scale import report_lines, run_scale_bench

    sizes = (max(1, largest // 10), max(1, largest * 3 // 10), largest)
    on_db = _db_sizes(db_sizes, sizes)
    for line in report_lines(run_scale_bench(sizes)):
        out.print(line)
    if on_db:
        for line in dedupe_lines(run_dedupe_bench(_settings(model=model), on_db)):
            out.print(line, highlight=False)
    if dask:
        # The report is the point: the flow runs' and Dask's own progress lines are not.
        for name in ("prefect", "distributed", "flows.extract", "flows.bench_dask"):
            logging.getLogger(name).setLevel(logging.WARNING)
        try:
            result = run_dask_bench(_settings(model=model), words, postgres or DEFAULT_ADMIN_URL)
        except CitypairsError as exc:
            _fail(exc)
        for line in dask_lines(result):
            out.print(line, highlight=False)


def _db_sizes(given: str, default: tuple[int, ...]) -> tuple[int, ...]:
    if not given.strip():
        return default
    if given.strip().lower() == "none":
        return ()
    try:
        sizes = tuple(int(part.replace("_", "")) for part in given.split(","))
    except ValueError:
        sizes = ()
    if not sizes or min(sizes) < 1:
        _fail(ConfigError("--db-sizes", [f"{given!r} is not a list of positive numbers (e.g. 100000,300000)"]))
    return sizes


@app.command("bench-crawl")
def bench_crawl(
    pages: Annotated[int, typer.Option("--pages", metavar="N", help="Article pages of the largest local site.")] = 1000,
    workers: Annotated[int, typer.Option("--workers", metavar="N", help="Documents fetched at once.")] = 8,
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
