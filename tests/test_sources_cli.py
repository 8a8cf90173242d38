"""Researchers add, list and check sources without touching code, and
schedule them with `citypairs serve`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fake_site import FakeSite
from flows.cli import app
from flows.serve import deployments
from models.errors import ConfigError
from models.settings import load_settings
from models.sources import load_sources

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_sources_add_appends_a_checked_source_and_keeps_the_file_as_it_was(tmp_path):
    registry = tmp_path / "sources.toml"
    registry.write_text('# our sources\n[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n')

    result = runner.invoke(app, ["sources", "add", "cna", "--kind", "feed", "--url", "https://example.org/rss.xml",
                                 "--keyword", "sister city", "--keyword", "姊妹市", "--schedule", "0 6 * * *",
                                 "--sources", str(registry)])

    assert result.exit_code == 0, result.output
    text = registry.read_text()
    assert text.startswith("# our sources\n"), "comments and existing entries are kept"
    added = tomllib.loads(text)["sources"][1]
    assert added == {"name": "cna", "kind": "feed", "url": "https://example.org/rss.xml",
                     "keywords": ["sister city", "姊妹市"], "schedule": "0 6 * * *"}


@pytest.mark.parametrize("args, complaint", [
    (["--kind", "feed", "--url", "ftp://example.org/rss"], "field 'url' must be an http:// or https:// URL"),
    (["--kind", "listing", "--url", "https://e.org/", "--link-selector", "a[["], "field 'link_selector'"),
    (["--kind", "feed", "--url", "https://e.org/", "--schedule", "every day"], "field 'schedule'"),
    (["--kind", "feed", "--url", "https://e.org/", "--include", "(unclosed"], "field 'include'"),
    (["--kind", "gopher", "--url", "https://e.org/"], "field 'kind' must be one of"),
])
def test_sources_add_refuses_a_broken_source_naming_the_field_and_leaves_the_file_alone(tmp_path, args, complaint):
    registry = tmp_path / "sources.toml"
    registry.write_text('[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n')
    before = registry.read_text()

    result = runner.invoke(app, ["sources", "add", "broken", *args, "--sources", str(registry)])

    assert result.exit_code == 2
    assert complaint in " ".join(result.output.split())
    assert registry.read_text() == before


def test_sources_add_refuses_a_name_already_taken(tmp_path):
    registry = tmp_path / "sources.toml"
    registry.write_text('[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n')
    result = runner.invoke(app, ["sources", "add", "inbox", "--kind", "url", "--url", "https://e.org/a.pdf",
                                 "--sources", str(registry)])
    assert result.exit_code == 2 and "duplicate name" in result.output


def test_sources_list_shows_every_source_of_the_example_registry():
    result = runner.invoke(app, ["sources", "list", "--sources", str(ROOT / "sources.example.toml")])
    assert result.exit_code == 0, result.output
    names = [s.name for s in load_sources(ROOT / "sources.example.toml")]
    assert len(names) >= 6
    for name in names:
        assert name in result.output


def test_the_example_registry_covers_every_web_kind_in_english_and_chinese():
    sources = load_sources(ROOT / "sources.example.toml")
    assert {s.kind for s in sources} >= {"feed", "sitemap", "listing", "url"}
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in " ".join(getattr(s, "keywords", []))) for s in sources)
    assert all(s.schedule for s in sources if s.kind != "url"), "every recurring source has a schedule"


def test_sources_check_reads_the_entry_pages_and_counts_links_without_storing_anything(tmp_path):
    with FakeSite() as site:
        registry = tmp_path / "sources.toml"
        registry.write_text(f'[[sources]]\nname = "listing"\nkind = "listing"\nurl = "{site.base}/news/"\n'
                            'link_selector = "ul.stories"\nmax_pages = 2\nrequests_per_second = 0\n')
        db = tmp_path / "citypairs.db"

        result = runner.invoke(app, ["sources", "check", "listing", "--sources", str(registry),
                                     "--db", f"sqlite:///{db}"])

        assert result.exit_code == 0, result.output
        assert "2 entry pages read, 8 links found, 8 would be taken, 8 of them new" in result.output
        assert sum(site.article_hits().values()) == 0, "a check reads no article"
        assert not db.exists(), "a check writes nothing"


def test_sources_check_says_what_is_wrong_when_a_source_gives_nothing(tmp_path):
    with FakeSite() as site:
        registry = tmp_path / "sources.toml"
        registry.write_text(f'[[sources]]\nname = "gone"\nkind = "feed"\nurl = "{site.base}/no-such-feed.xml"\n')
        result = runner.invoke(app, ["sources", "check", "gone", "--sources", str(registry)])
    assert result.exit_code == 1
    assert "http_error" in result.output and "404" in result.output


def test_serve_makes_one_deployment_per_scheduled_source(tmp_path):
    registry = tmp_path / "sources.toml"
    registry.write_text(
        '[[sources]]\nname = "cna"\nkind = "feed"\nurl = "https://e.org/rss"\nschedule = "0 6 * * *"\n\n'
        '[[sources]]\nname = "gazette"\nkind = "listing"\nurl = "https://e.org/g/"\nschedule = "30 7 * * 1"\n\n'
        '[[sources]]\nname = "one-pdf"\nkind = "url"\nurl = "https://e.org/a.pdf"\n')
    settings = load_settings(sources_path=registry, database_url="sqlite:///x.db")

    made = {d.name: d for d in deployments(settings)}

    assert set(made) == {"cna", "gazette"}
    assert made["gazette"].schedules[0].schedule.cron == "30 7 * * 1"
    assert made["gazette"].schedules[0].schedule.timezone == "Asia/Taipei"
    assert made["cna"].parameters == {"source_name": "cna", "sources_path": str(registry.resolve()),
                                      "database_url": "sqlite:///x.db"}


def test_serve_refuses_a_registry_with_nothing_scheduled(tmp_path):
    registry = tmp_path / "sources.toml"
    registry.write_text('[[sources]]\nname = "one-pdf"\nkind = "url"\nurl = "https://e.org/a.pdf"\n')
    with pytest.raises(ConfigError, match="no web source has a 'schedule'"):
        deployments(load_settings(sources_path=registry))
