"""Shared fixtures: databases (SQLite and the PostgreSQL on 127.0.0.1)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

PG_ADMIN_URL = os.environ.get("CITYPAIRS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
# The labelled corpora live beside the checkout (../shared/corpus); a clone
# elsewhere on this machine finds them at /work/shared/corpus, or where
# CITYPAIRS_CORPUS_DIR says.
_CORPUS_DIRS = [Path(os.environ["CITYPAIRS_CORPUS_DIR"])] if os.environ.get("CITYPAIRS_CORPUS_DIR") else [
    Path(__file__).resolve().parents[2] / "shared" / "corpus", Path("/work/shared/corpus")]
CORPUS = next((d for d in _CORPUS_DIRS if (d / "dev.jsonl").exists()), _CORPUS_DIRS[0]) / "dev.jsonl"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'citypairs.db'}"


@pytest.fixture
def postgres_url():
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    name = f"citypairs_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    """The same test body against SQLite and against PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture(scope="session")
def nlp():
    """The extraction pipeline, built once for the whole test session."""
    from extractors.pipeline import build_pipeline
    from models.settings import load_settings

    settings = load_settings()
    return build_pipeline(settings.spacy_model, str(settings.cache_dir), settings.pair_scorer)


def run(nlp, text: str, published=None, lang: str = "en", url: str | None = None, title: str | None = None,
        outlet: str | None = None):
    """Extract from one text (published 2024-03-25, a Monday, unless given)."""
    import datetime as dt

    from extractors.pipeline import collapse, extract
    from models.records import DocumentInput

    when = published if published is not None else dt.date(2024, 3, 25)
    [result] = extract(nlp, [DocumentInput(key="t", text=text, published=when, lang=lang, url=url, title=title,
                                                 outlet=outlet)])
    return collapse(result.mentions)


def ties(found) -> set[tuple]:
    """(a, b, relation, event, date) of each record, as the tests compare them."""
    return {(m.a.name, m.b.name, m.relation.value, m.event.value, m.date.iso() if m.date else None) for m in found}


def partners(found) -> dict[str, tuple]:
    """Foreign side -> (Taiwanese side, its country, relation, event, date)."""
    return {m.b.name: (m.a.name, m.b.country, m.relation.value, m.event.value, m.date.iso() if m.date else None)
            for m in found if m.a.country == "TW"}


@pytest.fixture(scope="session")
def gazetteer():
    """The gazetteer, loaded once for the whole test session."""
    from extractors.gazetteer.index import load_gazetteer
    from models.settings import load_settings

    return load_gazetteer(load_settings().cache_dir)
