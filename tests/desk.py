"""A small database built the real way (ingest, extract, dedupe) from a few
texts, for the tests of decisions and of the review app."""

from __future__ import annotations

from pathlib import Path

from flows.dedupe import dedupe
from flows.extract import extract_documents
from flows.ingest import discover, ingest_files
from models.settings import Settings, load_settings
from models.store import Store


def build_desk(root: Path, articles: dict[str, str], database_url: str | None = None) -> Settings:
    """Write the texts into root/inbox, run the pipeline on them, and return
    settings pointing at the result (analyst 'mei', one process)."""
    (root / "inbox").mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (root / "inbox" / name).write_text(text, encoding="utf-8")
    (root / "sources.toml").write_text('[[sources]]\nname = "inbox"\nkind = "folder"\npath = "inbox"\n')
    settings = load_settings(database_url=database_url or f"sqlite:///{root}/citypairs.db",
                             sources_path=root / "sources.toml", raw_dir=root / "raw", processes=1, analyst="mei")
    ingest_files(discover(settings), settings)
    store = Store(settings.database_url)
    extract_documents(store.documents_to_extract("any", force=True), settings)
    store.close()
    dedupe(settings)
    return settings
