"""The researcher-edited registry of sources (``sources.toml``).

The file is a list of ``[[sources]]`` tables, each with a ``name``, a ``kind``
and the kind's settings. Relative paths are taken from the file's folder.
Every problem in the file is reported at once, naming the source and field.
"""

from __future__ import annotations

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


Source = Annotated[FolderSource | FileSource, Field(discriminator="kind")]
_adapter: TypeAdapter[Source] = TypeAdapter(Source)
KINDS = ("folder", "file")


def load_sources(path: Path) -> list[FolderSource | FileSource]:
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
        if not source.path.is_absolute():
            source = source.model_copy(update={"path": (path.parent / source.path)})
        out.append(source)
    if problems:
        raise ConfigError(str(path), problems)
    return out
