"""The browse table's current view as a download: CSV or Excel, every row
of the view (read in chunks) in the schema ``citypairs export`` writes,
cells a spreadsheet would run as a formula made inert."""

from __future__ import annotations

import io

from sqlalchemy import Engine

from models import export_schema
from models import review_queries as rq
from models.cells import inert_frame

def frame(engine: Engine, filters: rq.Filters):
    """The view in the one export schema (``models.export_schema``), lists as text."""
    return export_schema.frame(engine, rq.conditions(filters), lists_as_text=True)


def csv_text(engine: Engine, filters: rq.Filters) -> str:
    return inert_frame(frame(engine, filters)).to_csv(index=False)


def xlsx_bytes(engine: Engine, filters: rq.Filters) -> bytes:
    buffer = io.BytesIO()
    inert_frame(frame(engine, filters)).to_excel(buffer, index=False, sheet_name="partnerships")
    return buffer.getvalue()
