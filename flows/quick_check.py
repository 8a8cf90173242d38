"""Whether ``citypairs run`` has anything to do, decided before Prefect
starts: a scheduled job that finds nothing new should cost seconds, not
the 10-20 s of a temporary Prefect server.

A run is skipped when nothing that could change its result changed since
the last complete run against the same database: the files of the folder
and file sources (path, size, modification time), the sources registry,
the settings, the extractor version, and what the database holds. Web
sources are not read by ``run`` (``citypairs crawl`` fetches them).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from extractors.version import extractor_version
from models.settings import Settings
from models.sources import WEB_KINDS, load_sources
from models.store import Store


def inputs_digest(settings: Settings) -> str:
    """A digest of the run's inputs: settings, extractor, sources and files."""
    digest = hashlib.sha256()
    digest.update(settings.model_dump_json().encode())
    digest.update(extractor_version(settings.spacy_model, settings.pair_scorer).encode())
    if settings.sources_path.is_file():
        digest.update(settings.sources_path.read_bytes())
    for source in load_sources(settings.sources_path):
        if source.kind in WEB_KINDS or not source.path.exists():
            continue
        for path in source.files():
            try:
                st = path.stat()
            except OSError:
                continue
            digest.update(f"{source.name}\0{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def database_digest(settings: Settings) -> str:
    """What the database holds, in counts: another process's run, or a
    replaced database, changes it."""
    store = Store(settings.database_url)
    try:
        return hashlib.sha256(json.dumps(store.counts(), sort_keys=True).encode()).hexdigest()
    finally:
        store.close()


def _state_file(settings: Settings) -> Path:
    key = hashlib.sha256(settings.database_url.encode()).hexdigest()[:16]
    return settings.cache_dir / f"last-run-{key}.json"


def unchanged(settings: Settings, inputs: str) -> bool:
    """True when the last complete run read these inputs and left the
    database as it is now."""
    try:
        state = json.loads(_state_file(settings).read_text())
        return state["inputs"] == inputs and state["database"] == database_digest(settings)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def remember(settings: Settings, inputs: str) -> None:
    """Record a complete run: the inputs it read (taken before it started,
    so a file changed meanwhile is read next time) and the database it left."""
    path = _state_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"inputs": inputs, "database": database_digest(settings)}))
    tmp.replace(path)
