"""Checks a writing command makes before any work, so that a configuration
error is one line naming the setting (exit 2), not a traceback from deep
inside a flow after documents were already read."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from sqlalchemy.exc import InterfaceError, OperationalError

from models.engines import check_database_url, engine_for, safe_url
from models.errors import ConfigError
from models.settings import Settings


def database_opens(url: str) -> None:
    """The URL is one we accept and the database answers (a PostgreSQL
    database that does not exist, a server that is down). Connects only:
    migrating is left to the job, which holds the run lock."""
    check_database_url(url)
    engine = engine_for(url)
    try:
        with engine.connect():
            pass
    except (OperationalError, InterfaceError) as exc:
        lines = str(getattr(exc, "orig", exc)).strip().splitlines() or [type(exc).__name__]
        raise ConfigError("database_url", [f"cannot open {safe_url(url)}: {lines[0]}"]) from None
    finally:
        engine.dispose()


def extraction_loads(settings: Settings) -> None:
    """The spaCy pipeline and the pair scorer the settings name can be found
    (without loading them: `run` with nothing new must stay fast)."""
    model = settings.spacy_model
    if not ((Path(model) / "config.cfg").is_file() or _importable(model)):
        raise ConfigError("settings", [f"spacy_model: cannot load pipeline {model!r} (no installed package "
                                       "or folder of that name)"])
    if settings.pair_scorer and not Path(settings.pair_scorer).is_file():
        raise ConfigError("settings", [f"pair_scorer: no model file at {settings.pair_scorer}"])


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a dotted or odd name
        return False
