"""``citypairs reference import|list`` and ``citypairs conflicts``: reference
lists from the command line, and where the texts and the lists disagree."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.table import Table

from flows.cli import DbOption, _exclusive, _fail, _settings, _shown, app, console, out
from flows.stopping import stoppable
from models.errors import CitypairsError, ConfigError

reference_app = typer.Typer(help="Researchers' own lists of partnerships, checked against the texts.",
                            no_args_is_help=True, rich_markup_mode=None)
app.add_typer(reference_app, name="reference")
CONFLICT_FORMATS = ("table", "json", "csv")


def _columns(pairs: list[str] | None) -> dict[str, str]:
    columns = {}
    for pair in pairs or []:
        field, sep, header = pair.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise ConfigError("--column", [f"'{pair}' is not FIELD=HEADER (e.g. partner='Sister city')"])
        columns[field.strip()] = header.strip()
    return columns


@reference_app.command("import")
@stoppable
def import_(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="CSV, TSV, Excel (.xlsx) or JSON file, or a "
                                         "Wikidata SPARQL JSON result.")],
    name: Annotated[str | None, typer.Option("--name", metavar="NAME", help="The list's name in citypairs "
                    "[default: the file name without extension]; importing the same name again updates it.")] = None,
    column: Annotated[list[str] | None, typer.Option("--column", metavar="FIELD=HEADER", help="Which column holds "
                      "a field (taiwan_side, partner, partner_country, relation, established, ended, note); "
                      "repeatable. Unnamed fields are found by common headers.")] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", metavar="SHEET", help="Excel sheet [default: the first]")]
    = None,
    relation: Annotated[str, typer.Option("--relation", metavar="RELATION", help="Relation of rows that name none.")]
    = "sister",
    db: DbOption = None,
) -> None:
    """Import a reference list, then reconcile it with the texts (a dedupe).

    Rows that do not resolve to places are listed with their line and reason,
    never guessed. Example: citypairs reference import ties.csv --name think-tank
    """
    from flows.dedupe import dedupe
    from flows.references import import_list
    from models.sources import ReferenceSource

    try:
        settings = _settings(db)
        source = ReferenceSource(kind="reference", name=name or path.stem, path=path, columns=_columns(column),
                                 sheet=sheet, relation=relation)
        report = _exclusive(lambda _flow, s: import_list(s, source, force=True), None, settings)
        if report.error:
            raise ConfigError(str(path), [report.error.removeprefix(f"{path}: ")])
        counts = _exclusive(lambda _flow, s: dedupe(s), None, settings)
    except CitypairsError as exc:
        _fail(exc)
    except ValidationError as exc:  # the source entry's own checks (columns, relation)
        _fail(ConfigError("reference", [f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
                                        for e in exc.errors()]))
    changes = ", ".join(f"{v} {k}" for k, v in report.changes.items() if v)
    out.print(f"list '{_shown(report.name)}': {report.rows} rows, {report.claims} ties ({changes or 'no change'}), "
              f"{len(report.problems)} not taken", highlight=False)
    for p in report.problems:
        out.print(f"  line {p.line}: {p.reason}: {_shown(p.detail)}", highlight=False)
    out.print("reconciled: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@reference_app.command("list")
def list_(db: DbOption = None) -> None:
    """The imported lists: claims, how many the texts confirm, rows not taken."""
    from models.store import Store

    try:
        store = Store(_settings(db).database_url)
    except CitypairsError as exc:
        _fail(exc)
    try:
        coverage, text_only = store.coverage()
    finally:
        store.close()
    table = Table(title=f"{len(coverage)} reference lists")
    for col in ("List", "Ties", "In the texts", "Share", "Rows not taken", "Imported"):
        table.add_column(col)
    for c in coverage:
        table.add_row(_shown(c["list"]), str(c["claims"]), str(c["in_text"]), f"{c['share']:.0%}",
                      str(c["problems"]), f"{c['imported_at']:%Y-%m-%d %H:%M}")
    out.print(table)
    out.print(f"ties the texts report that no list holds: {text_only}")


@app.command()
def conflicts(
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="table, json or csv")] = "table",
    settled: Annotated[bool, typer.Option("--all", help="Also list conflicts an analyst has settled.")] = False,
    db: DbOption = None,
) -> None:
    """Where a reference list and the texts disagree (relation, founding date, lifecycle), with both values.

    Example: citypairs conflicts --format csv > conflicts.csv
    """
    from models.store import Store

    try:
        if fmt not in CONFLICT_FORMATS:
            raise ConfigError("--format", [f"must be one of {', '.join(CONFLICT_FORMATS)} (got {fmt!r})"])
        store = Store(_settings(db).database_url)
    except CitypairsError as exc:
        _fail(exc)
    try:
        rows = store.conflicts(settled=settled)
    finally:
        store.close()
    fields = ["id", "a", "b", "b_country", "relation", "field", "text", "reference", "list", "line", "resolution",
              "note"]
    if fmt == "json":
        json.dump([{f: r.get(f) for f in fields} for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        from models.cells import inert

        writer = csv.writer(sys.stdout)
        writer.writerow(fields)
        for r in rows:
            writer.writerow([inert(r.get(f)) for f in fields])
    else:
        table = Table(title=f"{len(rows)} conflicts")
        for col in ("Id", "Taiwan side", "Partner", "Field", "Texts say", "List says", "List, line", "Settled"):
            table.add_column(col)
        for r in rows:
            table.add_row(str(r["id"]), _shown(r["a"]), _shown(r["b"]), r["field"], _shown(r["text"]),
                          _shown(r["reference"]), f"{_shown(r['list'])}, {r['line']}", r.get("resolution") or "")
        out.print(table)


def print_lists(reports) -> bool:
    """A line per reference list a run imported, one per row not taken;
    True when a list could not be read at all (the run then exits 1)."""
    for r in reports:
        if r.error:
            console.print(f"[red]error:[/red] reference list '{_shown(r.name)}': {_shown(r.error)}", soft_wrap=True)
        elif not r.skipped:
            out.print(f"reference list '{_shown(r.name)}': {r.rows} rows, {r.claims} ties, "
                      f"{len(r.problems)} not taken", highlight=False)
            for p in r.problems:
                console.print(f"[yellow]not taken[/yellow] {_shown(r.path)} line {p.line}: {p.reason}: "
                              f"{_shown(p.detail)}", highlight=False)
    return any(r.error for r in reports)
