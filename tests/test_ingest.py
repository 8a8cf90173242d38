"""Ingest: documents stored once by content hash; bad input recorded, never fatal."""

from __future__ import annotations

import shutil

import fixtures_docs as fx
from sqlalchemy import select

from flows.ingest import FileRef, discover, ingest_files
from models import schema as t
from models.settings import load_settings
from models.store import Store


def settings_for(tmp_path, db_url, **kw):
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n', encoding="utf-8")
    return load_settings(database_url=db_url, sources_path=tmp_path / "sources.toml",
                         raw_dir=tmp_path / "raw", **kw)


def rows(db_url):
    store = Store(db_url)
    with store.engine.connect() as conn:
        out = {r.origin.rsplit("/", 1)[-1]: r for r in conn.execute(select(t.documents))}
    store.close()
    return out


def test_each_bad_input_is_recorded_with_a_reason_and_the_rest_goes_on(tmp_path, db_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fx.article_html(inbox)
    fx.two_page_pdf(inbox)
    bad = {  # truncated_pdf also leaves the valid one-page PDF it cut
        fx.empty_file(inbox).name: ("skipped", "empty"),
        fx.truncated_pdf(inbox).name: ("failed", "corrupt_pdf"),
        fx.encrypted_pdf(inbox).name: ("failed", "encrypted"),
        fx.scanned_pdf(inbox).name: ("failed", "no_text_layer"),
        fx.png_named_html(inbox).name: ("failed", "not_text"),
        fx.unknown_encoding_text(inbox).name: ("failed", "unknown_encoding"),
        fx.sparse_file(inbox).name: ("skipped", "too_large"),
    }
    settings = settings_for(tmp_path, db_url, max_document_bytes=10_000_000)

    report = ingest_files(discover(settings), settings)

    stored = rows(db_url)
    assert report.new == 3, "the article and the two PDFs"
    reasons = {name: (r.status, r.reason) for name, r in stored.items() if r.status != "ingested"}
    assert reasons == bad
    assert all(r.detail for r in stored.values() if r.status != "ingested"), "every rejection says why"
    assert len(list((tmp_path / "raw").rglob("*.*"))) == 3, "only readable documents' bytes are kept"


def test_reingesting_the_same_bytes_adds_nothing(tmp_path, sqlite_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pdf = fx.two_page_pdf(inbox)
    settings = settings_for(tmp_path, sqlite_url)
    first = ingest_files(discover(settings), settings)
    before = rows(sqlite_url)
    shutil.copy(pdf, inbox / "copy-of-agreement.pdf")
    again = ingest_files(discover(settings), settings)
    assert (first.new, again.new, again.known) == (1, 0, 2)
    after = rows(sqlite_url)
    assert list(after) == list(before), "one document row for identical bytes"
    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        origins = conn.execute(select(t.document_origins.c.origin)).scalars().all()
    store.close()
    assert len(origins) == 2, "the second place the bytes were found is remembered"


def test_pdf_pages_are_kept_so_evidence_can_cite_them(tmp_path, sqlite_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fx.two_page_pdf(inbox)
    settings = settings_for(tmp_path, sqlite_url)
    ingest_files(discover(settings), settings)
    store = Store(sqlite_url)
    [doc] = store.load_inputs(store.documents_to_extract("v-test"))
    store.close()
    assert [p.page for p in doc.pages] == [1, 2]
    assert doc.pages[1].start > doc.pages[0].start


def test_a_missing_file_is_reported_not_fatal(tmp_path, sqlite_url):
    settings = settings_for(tmp_path, sqlite_url)
    report = ingest_files([FileRef("inbox", str(tmp_path / "gone.pdf"))], settings)
    assert report.rejected and report.rejected[0][1] == "unreadable"


def test_a_folder_source_never_leaves_its_folder_and_says_what_it_skipped(tmp_path, db_url):
    import os

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fx.article_html(inbox)
    secret = tmp_path / "secret.txt"
    secret.write_text("Taipei and Prague signed a secret pact.")
    (inbox / "escape.txt").symlink_to(secret)  # points outside the folder
    (inbox / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (inbox / "loop.txt").symlink_to(inbox / "loop.txt")
    os.mkfifo(inbox / "pipe.txt")  # reading it would block for ever
    (inbox / "report.docx").write_bytes(b"PK\x03\x04 not read")
    (inbox / "inside.txt").symlink_to(inbox / "article.html")  # a link inside the folder is fine
    settings = settings_for(tmp_path, db_url)

    report = ingest_files(discover(settings), settings)

    found = rows(db_url)
    assert {name: (r.status, r.reason) for name, r in found.items() if r.status == "skipped"} == {
        "escape.txt": ("skipped", "outside_source"), "dangling.txt": ("skipped", "dangling_link"),
        "loop.txt": ("skipped", "link_loop"), "pipe.txt": ("skipped", "special_file"),
        "report.docx": ("skipped", "unsupported_type")}
    assert all("secret pact" not in (r.text or "") for r in found.values())
    assert found["article.html"].status == "ingested" and report.known == 1  # inside.txt: same bytes
    assert len(report.rejected) == 5


def test_nul_bytes_anywhere_are_dropped_on_both_databases(tmp_path, db_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    head = "Tainan signed a sister city agreement with Sendai. " * 1400  # past the binary check's sample
    (inbox / "nul.txt").write_bytes((head + "\x00Hsinchu and Cupertino.\x00").encode())
    settings = settings_for(tmp_path, db_url)
    ingest_files(discover(settings), settings)
    [row] = rows(db_url).values()
    assert row.status == "ingested" and "\x00" not in row.text and row.text.endswith("Hsinchu and Cupertino.")


def test_a_file_rejected_for_a_limit_is_read_once_the_limit_is_raised(tmp_path, db_url):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fx.article_html(inbox)
    small = settings_for(tmp_path, db_url, max_document_bytes=100)
    first = ingest_files(discover(small), small)
    assert first.new == 0 and [r[1] for r in first.rejected] == ["too_large"]
    again = ingest_files(discover(small), small)
    assert again.new == 0, "still too large under the same limit"
    raised = settings_for(tmp_path, db_url)
    later = ingest_files(discover(raised), raised)
    assert later.new == 1 and not later.rejected
    assert {r.status for r in rows(db_url).values()} == {"ingested"}
