"""A scheduled ``citypairs run`` that finds nothing new returns before
Prefect starts; any change to a source file, the settings or the database
makes it run in full."""

from __future__ import annotations

import os

from typer.testing import CliRunner

from flows import quick_check
from flows.cli import app
from models.settings import load_settings
from models.store import Store


def setup(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Tainan signed a sister city agreement with Sendai.")
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[sources]]\nname = "local"\nkind = "folder"\npath = "{folder}"\n')
    settings = load_settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", sources_path=sources,
                             cache_dir=tmp_path / "cache", raw_dir=tmp_path / "raw")
    return settings, folder


def test_nothing_changed_after_a_complete_run_means_nothing_to_do(tmp_path):
    settings, _ = setup(tmp_path)
    inputs = quick_check.inputs_digest(settings)
    assert not quick_check.unchanged(settings, inputs), "never run: run in full"
    quick_check.remember(settings, inputs)
    assert quick_check.unchanged(settings, quick_check.inputs_digest(settings))


def test_a_new_or_changed_file_means_a_full_run(tmp_path):
    settings, folder = setup(tmp_path)
    quick_check.remember(settings, quick_check.inputs_digest(settings))
    (folder / "b.txt").write_text("Taoyuan and Jonava signed a friendship agreement.")
    assert not quick_check.unchanged(settings, quick_check.inputs_digest(settings))
    quick_check.remember(settings, quick_check.inputs_digest(settings))
    stat = (folder / "a.txt").stat()
    os.utime(folder / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert not quick_check.unchanged(settings, quick_check.inputs_digest(settings))


def test_other_settings_or_a_changed_database_mean_a_full_run(tmp_path):
    settings, _ = setup(tmp_path)
    quick_check.remember(settings, quick_check.inputs_digest(settings))
    stricter = settings.model_copy(update={"min_confidence": 0.5})
    assert not quick_check.unchanged(stricter, quick_check.inputs_digest(stricter))
    from models.records import ParsedDocument

    store = Store(settings.database_url)
    store.add_document("other", "elsewhere.txt", 4, ParsedDocument(sha256="b" * 64, media_type="text/plain",
                                                                   text="text"))
    store.close()
    assert not quick_check.unchanged(settings, quick_check.inputs_digest(settings))


def test_run_with_nothing_new_says_so_without_starting_prefect(tmp_path, monkeypatch):
    settings, _ = setup(tmp_path)
    quick_check.remember(settings, quick_check.inputs_digest(settings))
    monkeypatch.setenv("CITYPAIRS_CACHE_DIR", str(settings.cache_dir))
    monkeypatch.setenv("CITYPAIRS_RAW_DIR", str(settings.raw_dir))
    import flows.orchestration

    def no_prefect(*args, **kwargs):
        raise AssertionError("Prefect was started")

    monkeypatch.setattr(flows.orchestration, "run_flow", no_prefect)
    result = CliRunner().invoke(app, ["run", "--db", settings.database_url, "--sources",
                                      str(settings.sources_path)])
    assert result.exit_code == 0, result.output
    assert "nothing new since the last run" in result.output


def test_a_missing_source_is_named_and_fails_the_command(tmp_path):
    settings, folder = setup(tmp_path)
    from flows.ingest import missing_sources

    assert missing_sources(settings) == []
    folder.rename(tmp_path / "moved")
    assert missing_sources(settings) == [f"local: {folder}"]
