"""The researcher-edited registry of sources (``sources.toml``).

The file is a list of ``[[sources]]`` tables, each with a ``name``, a ``kind``
and the kind's settings. Relative paths are taken from the file's folder.
Every problem in the file is reported at once, naming the source and field.
"""

from __future__ import annotations

import json
import re
import tomllib
from urllib.parse import urlsplit
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from models.errors import ConfigError

DOCUMENT_SUFFIXES = (".html", ".htm", ".txt", ".md", ".pdf")


class _Source(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str = Field(min_length=1)


class FolderSource(_Source):
    """Every document file under a folder (recursively with ``**`` in glob)."""

    kind: Literal["folder"]
    path: Path
    glob: str = "**/*"

    @field_validator("glob")
    @classmethod
    def _relative_glob(cls, value: str) -> str:
        # pathlib raises on an empty or absolute pattern mid-run; '..' would look outside the folder
        if not value.strip():
            raise ValueError("must not be empty (e.g. '**/*' or '*.pdf')")
        if value.startswith(("/", "\\")) or ".." in Path(value).parts:
            raise ValueError(f"must stay inside the folder: {value!r} is absolute or climbs out with '..'")
        return value

    def files(self) -> list[Path]:
        return self.scan()[0]

    def scan(self) -> tuple[list[Path], list[tuple[Path, str, str]]]:
        """The document files under the folder, and every other path found
        with why it is not read: a link that leads outside the folder (or
        nowhere, or round in a loop), a FIFO or device, a file type we do
        not read. Nothing outside the folder is ever opened."""
        root = self.path.resolve()
        files: list[Path] = []
        skipped: list[tuple[Path, str, str]] = []
        for p in sorted(self.path.glob(self.glob)):
            if p.name.startswith("."):
                continue  # hidden files: editor swap files, .DS_Store
            why = _unsafe(p, root)
            if why:
                skipped.append((p, *why))
            elif p.is_dir():
                if p.is_symlink() and p.resolve() in (p.parent.resolve(), *p.parent.resolve().parents):
                    # glob does not follow it; said, so a folder that is not read is not a mystery
                    skipped.append((p, "link_loop", "a link to a folder that contains it"))
                continue
            elif p.suffix.lower() not in DOCUMENT_SUFFIXES:
                skipped.append((p, "unsupported_type", f"{p.suffix or 'no extension'}: only "
                                f"{', '.join(DOCUMENT_SUFFIXES)} files are read"))
            else:
                files.append(p)
        return files, skipped


def _unsafe(p: Path, root: Path) -> tuple[str, str] | None:
    """Why a path under a source folder may not be read, or None."""
    import stat

    try:
        target = p.resolve(strict=True)
    except FileNotFoundError:
        return "dangling_link", "a link to a path that does not exist"
    except (RuntimeError, OSError) as exc:
        return "link_loop", f"a link that cannot be followed ({exc.__class__.__name__})"
    if target != root and root not in target.parents:
        return "outside_source", "a link to a path outside the source folder"
    try:
        mode = target.stat().st_mode
    except OSError as exc:
        return "unreadable", str(exc)
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "special_file", "not a regular file (a FIFO, socket or device)"
    return None


class FileSource(_Source):
    """One document file."""

    kind: Literal["file"]
    path: Path

    def files(self) -> list[Path]:
        return [self.path]


class ReferenceSource(_Source):
    """A researcher's list of partnerships: CSV, TSV, Excel, JSON or a
    Wikidata SPARQL JSON result. Its rows become reference claims that
    every dedupe reconciles with what the texts say."""

    kind: Literal["reference"]
    path: Path
    columns: dict[str, str] = {}  # field (taiwan_side, partner, ...) -> the list's column header
    sheet: str | None = None  # Excel: the sheet to read [default: the first]
    relation: str = "sister"  # for rows that name no relation (a Wikidata P190 list is of twin towns)

    @field_validator("columns")
    @classmethod
    def _fields(cls, value: dict[str, str]) -> dict[str, str]:
        from extractors.reference_read import FIELDS

        unknown = sorted(set(value) - set(FIELDS))
        if unknown:
            raise ValueError(f"unknown field {', '.join(unknown)} (known: {', '.join(FIELDS)})")
        return value

    @field_validator("relation")
    @classmethod
    def _relation(cls, value: str) -> str:
        from models.records import Relation

        if value not in {r.value for r in Relation}:
            raise ValueError(f"must be one of {', '.join(r.value for r in Relation)}")
        return value

    def files(self) -> list[Path]:
        return [self.path]


class _WebSource(_Source):
    """Settings every web source shares."""

    url: str = Field(min_length=1)
    include: list[str] = []  # regular expressions a link must match (any)
    exclude: list[str] = []  # regular expressions that drop a link
    keywords: list[str] = []  # words a link's title or summary must contain (any), where it has one
    schedule: str | None = None  # cron expression for `citypairs serve`
    timezone: str = "Asia/Taipei"  # of the schedule
    requests_per_second: float | None = Field(default=None, ge=0)  # this source's rate; 0 = no limit
    max_documents: int = Field(default=500, ge=1)  # documents one crawl takes at most

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if urlsplit(value).scheme not in ("http", "https"):
            raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("include", "exclude")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            _compile(pattern)
        return patterns

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        if value is not None:
            from prefect.client.schemas.schedules import CronSchedule  # slow import: only when used

            try:
                CronSchedule(cron=value)
            except ValueError:
                raise ValueError(f"'{value}' is not a cron expression (e.g. '0 6 * * *')") from None
        return value

    def wants(self, link: str, text: str = "") -> bool:
        if self.include and not any(re.search(p, link) for p in self.include):
            return False
        if any(re.search(p, link) for p in self.exclude):
            return False
        # A link with no words of its own (a bare sitemap entry) cannot be
        # judged by keywords; extraction judges it instead.
        return not self.keywords or not text.strip() or any(k.lower() in text.lower() for k in self.keywords)


class FeedSource(_WebSource):
    """An RSS 2.0, RSS 1.0 or Atom feed: each entry's link is a document."""

    kind: Literal["feed"]


class SitemapSource(_WebSource):
    """A sitemap, sitemap index or Google News sitemap (gzip or not)."""

    kind: Literal["sitemap"]
    max_sitemaps: int = Field(default=20, ge=1)  # child sitemaps of an index followed at most
    since_days: int | None = Field(default=None, ge=1)  # skip entries last modified before this


class ListingSource(_WebSource):
    """An index page whose links lead to articles or PDFs, with pagination."""

    kind: Literal["listing"]
    link_selector: str | None = None  # CSS selector of the article links (or their containers)
    link_pattern: str | None = None  # regular expression an article URL must match
    next_selector: str | None = None  # CSS selector of the next-page link; else rel=next or "Next"
    max_pages: int = Field(default=1, ge=1, le=1000)  # listing pages followed, the first included

    @field_validator("link_pattern")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None:
            _compile(value)
        return value

    @field_validator("link_selector", "next_selector")
    @classmethod
    def _selector(cls, value: str | None) -> str | None:
        if value is not None:
            from cssselect import SelectorError
            from lxml.cssselect import CSSSelector

            try:
                CSSSelector(value)
            except SelectorError as exc:
                raise ValueError(f"'{value}' is not a CSS selector ({exc})") from None
        return value


class UrlSource(_WebSource):
    """One web page or PDF."""

    kind: Literal["url"]


def _compile(pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"'{pattern}' is not a regular expression ({exc})") from None


WebSource = FeedSource | SitemapSource | ListingSource | UrlSource
AnySource = FolderSource | FileSource | ReferenceSource | WebSource
Source = Annotated[AnySource, Field(discriminator="kind")]
_adapter: TypeAdapter[Source] = TypeAdapter(Source)
KINDS = ("folder", "file", "reference", "feed", "sitemap", "listing", "url")
WEB_KINDS = ("feed", "sitemap", "listing", "url")
DOCUMENT_KINDS = ("folder", "file")  # what ingest reads as documents


def load_sources(path: Path) -> list[AnySource]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), ["file not found"]) from None
    except IsADirectoryError:
        raise ConfigError(str(path), ["is a folder, not a sources file"]) from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), ["not UTF-8 text (save it as UTF-8)"]) from None
    except OSError as exc:
        raise ConfigError(str(path), [f"cannot be read ({exc.strerror or exc})"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), [f"not valid TOML: {exc}"]) from None
    entries = raw.get("sources", [])
    problems: list[str] = []
    if not isinstance(entries, list):
        raise ConfigError(str(path), ["'sources' must be a list of [[sources]] tables"])
    out, names = [], set()
    for i, entry in enumerate(entries, start=1):
        label = f"source #{i}"
        if not isinstance(entry, dict):
            problems.append(f"{label}: not a table")
            continue
        label = f"source '{entry['name']}'" if entry.get("name") else label
        if entry.get("kind") not in KINDS:
            problems.append(f"{label}: field 'kind' must be one of {', '.join(KINDS)}"
                            f" (got {entry.get('kind')!r})")
            continue
        try:
            source = _adapter.validate_python(entry)
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(x) for x in err["loc"][1:]) or "?"
                msg = "missing" if err["type"] == "missing" else err["msg"].removeprefix("Value error, ")
                problems.append(f"{label}: field '{field}' {msg}")
            continue
        if source.name in names:
            problems.append(f"{label}: duplicate name")
        names.add(source.name)
        if hasattr(source, "path") and not source.path.is_absolute():
            source = source.model_copy(update={"path": (path.parent / source.path)})
        out.append(source)
    if problems:
        raise ConfigError(str(path), problems)
    return out


def add_source(path: Path, entry: dict) -> AnySource:
    """Append a source to the registry, after checking it together with
    what the file already holds; the file is left untouched on any error.
    Comments and layout of the existing file are kept."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    entry = {k: v for k, v in entry.items() if v not in (None, [], "")}
    block = "\n[[sources]]\n" + "".join(f"{key} = {_toml_value(value)}\n" for key, value in entry.items())
    updated = current.rstrip("\n") + ("\n" if current.strip() else "") + block
    scratch = path.with_name(f".{path.name}.new")
    scratch.write_text(updated, encoding="utf-8")
    try:
        sources = load_sources(scratch)
    except ConfigError as exc:
        raise ConfigError(str(path), exc.problems) from None
    finally:
        scratch.unlink(missing_ok=True)
    path.write_text(updated, encoding="utf-8")
    return next(s for s in sources if s.name == entry["name"])


def _toml_value(value: object) -> str:
    # JSON strings are valid TOML basic strings (same escapes), Chinese kept.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)
