"""The researcher-edited registry of sources (``sources.toml``).

The file is a list of ``[[sources]]`` tables, each with a ``name``, a ``kind``
and the kind's settings. Relative paths are taken from the file's folder.
Every problem in the file is reported at once, naming the source and field.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

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

    def files(self) -> list[Path]:
        return sorted(p for p in self.path.glob(self.glob)
                      if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


class FileSource(_Source):
    """One document file."""

    kind: Literal["file"]
    path: Path

    def files(self) -> list[Path]:
        return [self.path]


class _WebSource(_Source):
    """Settings every web source shares."""

    url: str = Field(min_length=1)
    include: list[str] = []  # regular expressions a link must match (any)
    exclude: list[str] = []  # regular expressions that drop a link
    keywords: list[str] = []  # words a feed entry's title or summary must contain (any)
    schedule: str | None = None  # cron expression for `citypairs serve`
    requests_per_second: float | None = None  # this source's rate; default from the settings

    def wants(self, link: str, text: str = "") -> bool:
        if self.include and not any(re.search(p, link) for p in self.include):
            return False
        if any(re.search(p, link) for p in self.exclude):
            return False
        return not self.keywords or any(k.lower() in text.lower() for k in self.keywords)


class FeedSource(_WebSource):
    """An RSS 2.0, RSS 1.0 or Atom feed: each entry's link is a document."""

    kind: Literal["feed"]


class UrlSource(_WebSource):
    """One web page or PDF."""

    kind: Literal["url"]


Source = Annotated[FolderSource | FileSource | FeedSource | UrlSource, Field(discriminator="kind")]
_adapter: TypeAdapter[Source] = TypeAdapter(Source)
KINDS = ("folder", "file", "feed", "url")
WEB_KINDS = ("feed", "url")


def load_sources(path: Path) -> list[FolderSource | FileSource | FeedSource | UrlSource]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), ["file not found"]) from None
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
                msg = "missing" if err["type"] == "missing" else err["msg"]
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
