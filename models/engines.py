"""Database engines citypairs accepts (SQLite, PostgreSQL), checked before
anything is opened, and the dialect-specific pieces the store needs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, insert, make_url
from sqlalchemy.exc import ArgumentError

from models.errors import ConfigError

DIALECTS = ("sqlite", "postgresql")


def insert_ignoring_duplicates(conn, table):
    """INSERT that skips a row whose key exists (PostgreSQL, SQLite)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing()
    return insert(table)


def check_database_url(url: str) -> None:
    """Raise ``ConfigError`` for a URL the store would refuse, opening nothing."""
    engine_for(url).dispose()


def engine_for(url: str) -> Engine:
    """An engine for a URL we support, or one line saying what is wrong
    with it: a typo must not create a new empty database somewhere."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError("database_url", [f"{url!r} is not a database URL (e.g. sqlite:///data/processed/"
                                           "citypairs.db or postgresql+psycopg://user@host/db)"]) from None
    if parsed.get_backend_name() not in DIALECTS:
        raise ConfigError("database_url", [f"{safe_url(url)}: only SQLite and PostgreSQL are supported"])
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise ConfigError("database_url", [f"folder {folder} does not exist (create it, or fix the path)"])
    try:
        return create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise ConfigError("database_url", [f"{safe_url(url)}: {exc}"]) from None


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()
