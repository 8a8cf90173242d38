"""Export the canonical partnership table with pandas."""

from __future__ import annotations

from pathlib import Path

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
        frame = store.partnerships_frame()
    finally:
        store.close()
    if fmt == "csv":
        inert_frame(frame.assign(themes=frame["themes"].map(";".join))).to_csv(path, index=False)
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        # A list of partnership objects, dates as ISO strings.
        frame.to_json(path, orient="records", date_format="iso", force_ascii=False, indent=2)
    return path
