"""Every configuration error ends a writing command before any work, in one
line naming the setting, with exit code 2; a source folder that does not
exist makes `run` exit 1.

Found by the audit of issue 14: `run` on a PostgreSQL database that does not
exist printed a traceback from the run lock; an empty or absolute glob
raised inside the ingest flow; a spaCy model or pair scorer that cannot be
found failed only after every document had been ingested.
"""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


def one_line(result) -> str:
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def folder_source(tmp_path, glob: str | None = None):
    (tmp_path / "inbox").mkdir(exist_ok=True)
    (tmp_path / "inbox" / "a.txt").write_text("Taipei and Prague signed a sister city agreement in 2019.")
    extra = f'glob = "{glob}"\n' if glob is not None else ""
    (tmp_path / "sources.toml").write_text(f'[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n{extra}')
    return str(tmp_path / "sources.toml")


@pytest.mark.postgres
@pytest.mark.parametrize("command", ["run", "ingest", "crawl"])
def test_a_postgresql_database_that_does_not_exist_is_one_line_before_any_work(command, tmp_path):
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/citypairs_no_such_database"
    result = runner.invoke(app, [command, "--db", url, "--sources", folder_source(tmp_path)], terminal_width=400)
    assert result.exit_code == 2
    line = one_line(result)
    assert "database_url" in line and "does not exist" in line


@pytest.mark.parametrize("glob, says", [("", "must not be empty"), ("/etc/*", "must stay inside the folder"),
                                        ("../*", "must stay inside the folder")])
def test_an_empty_absolute_or_climbing_glob_names_the_source_and_field(glob, says, tmp_path):
    db = tmp_path / "db.sqlite"
    result = runner.invoke(app, ["ingest", "--db", f"sqlite:///{db}", "--sources", folder_source(tmp_path, glob)],
                           terminal_width=400)
    assert result.exit_code == 2
    line = one_line(result)
    assert "source 'inbox': field 'glob'" in line and says in line
    assert not db.exists(), "nothing was opened"


@pytest.mark.parametrize("setting, value, says", [
    ("CITYPAIRS_SPACY_MODEL", "no_such_pipeline_xx", "spacy_model: cannot load pipeline 'no_such_pipeline_xx'"),
    ("CITYPAIRS_SPACY_MODEL", "/tmp", "spacy_model: cannot load pipeline '/tmp'"),
    ("CITYPAIRS_PAIR_SCORER", "/no/such/scorer.json", "pair_scorer: no model file at /no/such/scorer.json"),
])
@pytest.mark.parametrize("command", ["run", "extract"])
def test_a_model_that_cannot_load_stops_the_command_before_any_document_is_read(
        command, setting, value, says, tmp_path, monkeypatch):
    monkeypatch.setenv(setting, value)
    monkeypatch.setenv("CITYPAIRS_RAW_DIR", str(tmp_path / "raw"))
    db = tmp_path / "db.sqlite"
    args = [command, "--db", f"sqlite:///{db}"] + (["--sources", folder_source(tmp_path)] if command == "run" else [])
    result = runner.invoke(app, args, terminal_width=400)
    assert result.exit_code == 2
    assert says in one_line(result)
    if db.exists():
        with sqlite3.connect(db) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            assert "documents" not in tables or conn.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def test_run_on_a_source_folder_that_does_not_exist_exits_1_naming_it(tmp_path, monkeypatch):
    monkeypatch.setenv("CITYPAIRS_RAW_DIR", str(tmp_path / "raw"))
    (tmp_path / "sources.toml").write_text('[[sources]]\nname = "gone"\nkind = "folder"\npath = "no-such-folder"\n')
    result = runner.invoke(app, ["run", "--db", f"sqlite:///{tmp_path / 'db.sqlite'}", "--sources",
                                 str(tmp_path / "sources.toml")], terminal_width=400)
    assert result.exit_code == 1
    assert "source gone:" in result.output and "does not exist" in result.output


def test_a_temporary_prefect_server_that_never_answers_is_one_line_not_a_traceback(monkeypatch):
    from prefect.server.api.server import SubprocessASGIServer

    from flows import orchestration
    from models.errors import ConfigError

    def never_answers(self, timeout=None):
        raise RuntimeError("Timed out while attempting to connect to ephemeral Prefect API server.")

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr(SubprocessASGIServer, "start", never_answers)
    with pytest.raises(ConfigError) as caught:
        orchestration.run_flow(lambda: pytest.fail("no work may start"))
    assert caught.value.where == "PREFECT_API_URL" and "did not start" in str(caught.value)
