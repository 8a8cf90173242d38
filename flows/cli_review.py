"""``citypairs review``, ``review-user``, ``report`` and ``bench-review``: the
analysts' desk from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from flows.cli import DbOption, _fail, _settings, app, console, out
from models.errors import CitypairsError
from models.settings import load_settings


@app.command()
def review(
    db: DbOption = None,
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port to listen on.")] = 8700,
    host: Annotated[str, typer.Option("--host", metavar="HOST", help="Address to bind; 127.0.0.1 keeps it on this machine.")]
    = "127.0.0.1",
    analyst: Annotated[str | None, typer.Option("--analyst", metavar="NAME", help="Name decisions are recorded under when no "
                       "login is required [default: $CITYPAIRS_ANALYST or 'analyst']")] = None,
    auth: Annotated[Path | None, typer.Option("--auth", metavar="PATH", help="Require a login: a password file written by "
                    "citypairs review-user.")] = None,
    public_name: Annotated[list[str] | None, typer.Option("--public-name", metavar="HOST", help="A host name the app "
                           "is reached by, besides the bound address (repeatable).")] = None,
    insecure: Annotated[bool, typer.Option("--insecure", help="Allow binding to a non-loopback address without "
                        "--auth: anyone who can reach it can record decisions.")] = False,
) -> None:
    """Start the analysts' review app (queue, browse and export, charts) over the database.

    Example: citypairs review --port 8700 --analyst mei   (then open http://127.0.0.1:8700)
    """
    import uvicorn

    from review.app import create_app

    loopback = host in ("127.0.0.1", "localhost", "::1")
    if not loopback and auth is None and not insecure:
        console.print(f"[red]error:[/red] --host {host} makes the desk reachable from other machines: give --auth "
                      "(a password file from citypairs review-user), or --insecure to allow it without logins")
        raise typer.Exit(2)
    # The names the desk answers to: a page elsewhere that resolves to this
    # machine (DNS rebinding) names another host and is refused.
    hosts = (host, *(public_name or ()), *(("127.0.0.1", "localhost", "::1") if loopback else ()))
    try:
        settings = load_settings(database_url=db, analyst=analyst)
        application = create_app(settings, auth, hosts=None if host in ("0.0.0.0", "::") and not public_name
                                 else hosts)
    except (CitypairsError, OSError, ValueError) as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    if not loopback and auth is None:
        console.print("[yellow]warning:[/yellow] reachable from other machines without --auth: anyone can decide")
    out.print(f"review app on http://{host}:{port} (Ctrl-C stops it)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command("review-user")
def review_user(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The analyst's login name.")],
    auth: Annotated[Path, typer.Option("--auth", metavar="PATH", help="Password file to create or update.")] = Path("reviewers.txt"),
    password: Annotated[str, typer.Option(metavar="PASSWORD", prompt=True, hide_input=True, confirmation_prompt=True,
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
        console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    out.print(f"{name} can log in with citypairs review --auth {auth}")


@app.command()
def report(
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", metavar="PATH", help="Folder for report.html and the PNG charts "
                      "[default: data/processed/report]")] = None,
    reviewed_only: Annotated[bool, typer.Option("--reviewed-only", help="Count only partnerships an analyst accepted "
                             "or corrected (rejected ones are never counted).")] = False,
) -> None:
    """Write the charts and figures researchers cite as a standalone HTML file plus PNG charts.

    The report says how many partnerships analysts reviewed, how many are
    pending (counted unless --reviewed-only) and how many they rejected
    (never counted).

    Example: citypairs report --output data/processed/report --reviewed-only
    """
    from models import review_queries as rq
    from models.store import Store
    from review.report import write_report_with_summary

    try:
        settings = _settings(db)
        store = Store(settings.database_url)
        try:
            path, stats = write_report_with_summary(rq.figures_frame(store.engine), output or
                                                    settings.processed_dir / "report", reviewed_only=reviewed_only,
                                                    coverage=store.coverage())
        finally:
            store.close()
    except CitypairsError as exc:
        _fail(exc)
    r = stats.review
    out.print(f"wrote {path}")
    if reviewed_only:
        out.print(f"{r.reviewed:,} reviewed partnerships counted; {r.pending:,} pending and {r.rejected:,} "
                  "rejected left out")
    else:
        out.print(f"{r.counted:,} partnerships counted: {r.reviewed:,} reviewed, {r.pending:,} pending (not yet "
                  f"reviewed); {r.rejected:,} rejected left out")


@app.command("bench-review")
def bench_review(
    partnerships: Annotated[int, typer.Option("--partnerships", metavar="N", help="Generated partnerships (5 mentions "
                            "each).")] = 100_000,
    db: Annotated[str | None, typer.Option("--db", metavar="URL", help="An empty database to fill (e.g. a fresh PostgreSQL "
                  "database) [default: a temporary SQLite file]")] = None,
) -> None:
    """Time the review app's queue, browse, provenance and charts pages on a large generated database.

    Example: citypairs bench-review --partnerships 100000
    """
    from flows.bench_review import run_review_bench

    try:
        filled, pages, charts = run_review_bench(partnerships, db)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"{partnerships:,} partnerships and {5 * partnerships:,} mentions generated in {filled:.0f} s")
    for p in pages:
        out.print(f"{p.path:45s} median {p.median_ms:7.1f} ms  worst {p.worst_ms:7.1f} ms  HTTP {p.status}")
    slowest = max(pages, key=lambda p: p.median_ms)
    out.print(f"slowest median: {slowest.path} at {slowest.median_ms:.0f} ms (target: under 300 ms)")
    for c in charts:  # cold: the first view draws the figures; warm: kept ones answer
        out.print(f"{c.path:19s} cold {c.cold_ms / 1000:5.1f} s, warm median {c.warm.median_ms:6.1f} ms (worst "
                  f"{c.warm.worst_ms:.0f}), after a decision {c.redrawn_ms / 1000:4.1f} s")
    out.print(f"charts: figures drawn {charts[-1].draws} times in all ({2 * len(charts)} expected: once per view "
              "and state of the data); target: warm under 300 ms")
