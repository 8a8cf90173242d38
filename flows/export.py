"""Export the canonical partnership table with pandas, in the one schema
the desk's download shares (``models.export_schema``)."""

from __future__ import annotations

from pathlib import Path

from models import export_schema
from models.cells import inert_frame
from models.errors import ConfigError
from models.settings import Settings
from models.store import Store

FORMATS = ("csv", "parquet", "json")


def export_table(settings: Settings, fmt: str, output: Path | None = None) -> Path:
    if fmt not in FORMATS:
        raise ConfigError("--format", [f"must be one of {', '.join(FORMATS)} (got {fmt!r})"])
    path = output or settings.processed_dir / f"partnerships.{fmt}"
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(settings.database_url)
    try:
        frame = export_schema.frame(store.engine, lists_as_text=fmt == "csv")
    finally:
        store.close()
    if fmt == "csv":
        inert_frame(frame).to_csv(path, index=False)
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)  # themes stay a list column
    else:
        # A list of partnership objects; dates as written at their precision.
        frame.to_json(path, orient="records", force_ascii=False, indent=2)
    return path
