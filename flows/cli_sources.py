"""``citypairs sources list | add | check``: the sources registry without
editing it by hand."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from flows.cli import DbOption, SourcesOption, _fail, _settings, app, out
from models.errors import CitypairsError


sources_app = typer.Typer(help="List, add and check the sources in sources.toml.", no_args_is_help=True,
                          rich_markup_mode=None)
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
    name: Annotated[str, typer.Argument(metavar="NAME", help="A short unique name, e.g. taipei-times.")],
    kind: Annotated[str, typer.Option("--kind", metavar="KIND", help="folder, file, feed, sitemap, listing or url")],
    url: Annotated[str | None, typer.Option(metavar="URL", help="Feed, sitemap, listing page or document URL.")] = None,
    path: Annotated[str | None, typer.Option(metavar="PATH", help="Folder or file, for kinds folder and file.")] = None,
    include: Annotated[list[str] | None, typer.Option(metavar="REGEX", help="Regular expression a link must match "
                       "(repeatable).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(metavar="REGEX", help="Regular expression that drops a link "
                       "(repeatable).")] = None,
    keyword: Annotated[list[str] | None, typer.Option(metavar="WORD", help="Word a link's title must contain "
                       "(repeatable).")] = None,
    schedule: Annotated[str | None, typer.Option(metavar="CRON", help="Cron schedule for citypairs serve, e.g. '0 6 * * *'.")] = None,
    rate: Annotated[float | None, typer.Option(metavar="N", help="Requests per second to this site.")] = None,
    link_selector: Annotated[str | None, typer.Option(metavar="CSS", help="Listing: CSS selector of article links.")] = None,
    link_pattern: Annotated[str | None, typer.Option(metavar="REGEX", help="Listing: regular expression of article URLs.")] = None,
    next_selector: Annotated[str | None, typer.Option(metavar="CSS", help="Listing: CSS selector of the next-page link.")] = None,
    max_pages: Annotated[int | None, typer.Option(metavar="N", help="Listing: pages to follow, the first included.")] = None,
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
    name: Annotated[str, typer.Argument(metavar="NAME", help="The source to check.")],
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
