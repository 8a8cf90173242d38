"""The sources registry: what researchers edit, and how mistakes are reported."""

from __future__ import annotations

import pytest

from models.errors import ConfigError
from models.sources import FileSource, FolderSource, load_sources


def write(tmp_path, body: str):
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_folder_and_file_sources_resolve_paths_from_the_file(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.html").write_text("<p>x</p>")
    (tmp_path / "news" / "notes.csv").write_text("x")
    (tmp_path / "deal.pdf").write_bytes(b"%PDF")
    sources = load_sources(write(tmp_path, """
[[sources]]
name = "news"
kind = "folder"
path = "news"

[[sources]]
name = "one"
kind = "file"
path = "deal.pdf"
"""))
    folder, single = sources
    assert isinstance(folder, FolderSource) and isinstance(single, FileSource)
    assert [p.name for p in folder.files()] == ["a.html"], "only document types are taken"
    assert single.files() == [tmp_path / "deal.pdf"]


def test_every_problem_is_reported_at_once_naming_source_and_field(tmp_path):
    path = write(tmp_path, """
[[sources]]
name = "feeds"
kind = "rss-magic"

[[sources]]
name = "nopath"
kind = "folder"

[[sources]]
name = "extra"
kind = "file"
path = "x.txt"
colour = "blue"
""")
    with pytest.raises(ConfigError) as err:
        load_sources(path)
    message = str(err.value)
    assert "source 'feeds': field 'kind'" in message
    assert "source 'nopath': field 'path' missing" in message
    assert "source 'extra': field 'colour'" in message


def test_invalid_toml_names_the_file(tmp_path):
    with pytest.raises(ConfigError, match="sources.toml"):
        load_sources(write(tmp_path, "[[sources]\nname="))
