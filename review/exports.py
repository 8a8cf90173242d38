"""The browse table's current view as a download: CSV or Excel, every row
of the view (read in chunks), cells a spreadsheet would run as a formula
made inert."""

from __future__ import annotations

import io

from sqlalchemy import Engine

from models import review_queries as rq
from models.cells import inert_frame

EXPORT_COLUMNS = ["id", "a", "b", "b_country", "b_admin1", "relation", "status", "established",
                  "established_precision", "themes", "n_sources", "n_documents", "confidence", "review",
                  "reviewed_by", "a_id", "b_id"]


def frame(engine: Engine, filters: rq.Filters):
    import pandas as pd

    rows = pd.DataFrame(list(rq.browse_all(engine, filters)))
    if rows.empty:
        return pd.DataFrame(columns=EXPORT_COLUMNS)
    rows["themes"] = rows["themes"].map(lambda v: ", ".join(v or []))
    rows["established"] = rows["established"].map(lambda d: d.isoformat() if d else None)
    return rows[EXPORT_COLUMNS]


def csv_text(engine: Engine, filters: rq.Filters) -> str:
    return inert_frame(frame(engine, filters)).to_csv(index=False)


def xlsx_bytes(engine: Engine, filters: rq.Filters) -> bytes:
    buffer = io.BytesIO()
    inert_frame(frame(engine, filters)).to_excel(buffer, index=False, sheet_name="partnerships")
    return buffer.getvalue()
