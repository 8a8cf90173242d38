"""Every path a folder source holds and does not read is listed by
`citypairs status` with its reason, one line per path, whatever its name.

Found by the audit of issue 14: a second empty file (the same bytes as the
first) was counted as 'already stored' and listed nowhere; a link to a
folder that contains it was passed over without a word; the ingest log
wrote a file name's newline as a real line break.
"""

from __future__ import annotations

import logging
import os

from typer.testing import CliRunner

from flows.cli import app
from flows.ingest import discover, ingest_files
from models.settings import load_settings
from models.store import Store

runner = CliRunner()


def inbox_settings(tmp_path, db_url):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "sources.toml").write_text('[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n')
    return load_settings(database_url=db_url, sources_path=tmp_path / "sources.toml", raw_dir=tmp_path / "raw")


def listed(db_url) -> dict[str, tuple[str, str]]:
    store = Store(db_url)
    try:
        return {os.path.basename(f["origin"]): (f["reason"], f["detail"]) for f in store.failures()}
    finally:
        store.close()


def test_a_second_identical_empty_file_is_reported_like_the_first(tmp_path, db_url):
    settings = inbox_settings(tmp_path, db_url)
    for name in ("a.txt", "b.txt", "c.html"):
        (tmp_path / "inbox" / name).write_bytes(b"")

    report = ingest_files(discover(settings), settings)

    assert report.known == 0 and sorted(r[1] for r in report.rejected) == ["empty"] * 3
    found = listed(db_url)
    assert {name: reason for name, (reason, _) in found.items()} == {"a.txt": "empty", "b.txt": "empty",
                                                                     "c.html": "empty"}
    assert "the same bytes as" in found["b.txt"][1]


def test_a_link_to_a_folder_that_contains_it_is_skipped_as_a_loop(tmp_path, db_url):
    settings = inbox_settings(tmp_path, db_url)
    (tmp_path / "inbox" / "sub").mkdir()
    (tmp_path / "inbox" / "sub" / "up").symlink_to("..")
    (tmp_path / "inbox" / "sub" / "story.txt").write_text("Taipei and Prague signed a sister city agreement.")

    report = ingest_files(discover(settings), settings)

    assert report.new == 1, "the story is read once, not again through the link"
    assert listed(db_url)["up"][0] == "link_loop"


def test_a_file_name_with_a_newline_is_one_escaped_line_in_status_and_the_log(tmp_path, sqlite_url, caplog):
    settings = inbox_settings(tmp_path, sqlite_url)
    forged = "x.txt\nskipped: fake.txt: all is well"
    (tmp_path / "inbox" / f"{forged}.txt").write_bytes(b"")

    with caplog.at_level(logging.WARNING, logger="flows.ingest"):
        ingest_files(discover(settings), settings)
    result = runner.invoke(app, ["status", "--db", sqlite_url], terminal_width=400)

    assert result.exit_code == 0, result.output
    assert "x.txt\\nskipped" in result.output
    assert not any(line.startswith("skipped: fake.txt") for line in result.output.splitlines())
    assert all("\n" not in r.getMessage() for r in caplog.records)
