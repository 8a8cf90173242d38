"""The charts page's figures, drawn once per state of the data.

Drawing the five charts of 100,000 partnerships takes seconds; finding out
whether anything changed takes one small query
(``review_queries.data_version``). So the desk keeps the last drawing of
each view (every row but rejected ones; reviewed rows only) with the
fingerprint of the data it was drawn from, and draws again only when the
fingerprint differs. One drawing at a time: a request that finds the
figures stale while another is drawing them waits for that drawing.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import threading
import time
from dataclasses import dataclass

from sqlalchemy import Engine

from models import review_queries as rq
from review import figures as fg

DPI = 110


@dataclass(frozen=True, slots=True)
class Drawn:
    """One drawing of the figures, and what it was drawn from."""

    stats: fg.ReportSummary
    images: tuple[tuple[str, str, str], ...]  # (title, caption, PNG as a data URI) per chart
    version: tuple  # the data's fingerprint when its rows were read
    reviewed_only: bool
    drawn_at: dt.datetime
    seconds: float  # how long drawing took


class FigureCache:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.draws = 0  # how often figures were drawn: the page's cost, for tests and the benchmark
        self._drawn: dict[bool, Drawn] = {}
        self._lock = threading.Lock()

    def figures(self, reviewed_only: bool = False) -> Drawn:
        found = self._drawn.get(reviewed_only)
        if found is not None and found.version == rq.data_version(self.engine):
            return found
        with self._lock:
            # Read again: the data may have changed, or been drawn, while this request waited.
            version = rq.data_version(self.engine)
            found = self._drawn.get(reviewed_only)
            if found is None or found.version != version:
                # The fingerprint is read before the rows, so a change made
                # while drawing makes the next request draw again.
                found = self._drawn[reviewed_only] = draw(self.engine, version, reviewed_only)
                self.draws += 1
            return found


def draw(engine: Engine, version: tuple, reviewed_only: bool) -> Drawn:
    from review import charts as ch  # matplotlib is loaded only when something is drawn

    start = time.perf_counter()
    stats, view = fg.summary_and_view(rq.figures_frame(engine), reviewed_only=reviewed_only)
    images = () if stats.empty else tuple((c.title, c.caption, png_uri(c.figure)) for c in ch.charts(view))
    return Drawn(stats, images, version, reviewed_only, dt.datetime.now(dt.UTC), time.perf_counter() - start)


def png_uri(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
