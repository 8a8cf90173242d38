"""A standalone HTML report of the partnership table, with its charts as PNG files.

``write_report(store, out_dir)`` writes ``out_dir/report.html`` (one file: CSS
inline, charts embedded as base64 PNG, so it opens offline and can be mailed)
and one PNG per chart beside it. The template is Jinja2 with autoescaping on:
every text from the database goes through it escaped.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from models import review_queries as rq
from models.store import Store
from review import charts as ch
from review import figures as fg
from review import geo

TEMPLATES = Path(__file__).with_name("templates")
REPORT_NAME = "report.html"
DPI = 150
CHART_SLUGS = ("partner_countries", "taiwan_governments", "regions_by_year", "themes_by_year", "partner_map")
TOP_PARTNERSHIPS = 20


@dataclass(frozen=True, slots=True)
class RenderedChart:
    slug: str
    title: str
    caption: str
    file: str  # PNG file name beside the report
    data_uri: str  # the same PNG, embedded


def write_report(store: Store, out_dir: Path, generated: dt.datetime | None = None,
                 reviewed_only: bool = False) -> Path:
    """Write ``out_dir/report.html`` and the chart PNGs; returns the HTML path.
    Rejected rows are never counted; with ``reviewed_only`` rows no analyst
    has reviewed yet are left out too. The report says how many of each."""
    return write_report_with_summary(rq.figures_frame(store.engine), out_dir, generated, reviewed_only,
                                     coverage=store.coverage())[0]


def write_report_from_frame(frame: pd.DataFrame, out_dir: Path, generated: dt.datetime | None = None,
                            reviewed_only: bool = False) -> Path:
    return write_report_with_summary(frame, out_dir, generated, reviewed_only)[0]


def write_report_with_summary(frame: pd.DataFrame, out_dir: Path, generated: dt.datetime | None = None,
                              reviewed_only: bool = False, coverage: tuple[list[dict], int] = ([], 0)
                              ) -> tuple[Path, fg.ReportSummary]:
    """The report, and the figures it gives (for the command line to echo).
    ``coverage``: each reference list's share the texts confirm, and the
    count of ties the texts found that no list holds (``Store.coverage``)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for slug in CHART_SLUGS:  # never leave a previous run's charts beside a new report
        (out_dir / f"{slug}.png").unlink(missing_ok=True)
    stats, view = fg.summary_and_view(frame, reviewed_only=reviewed_only)
    rendered = [] if stats.empty else [_render(chart, out_dir) for chart in ch.charts(view)]
    html = _environment().get_template("report.html").render(
        s=stats,
        charts=rendered,
        countries=fg.country_counts(view),
        governments=fg.government_counts(view),
        partnerships=_top_partnerships(view),
        relation_columns=[r for r in fg.RELATION_LABELS if r in stats.by_relation],
        relation_labels=fg.RELATION_LABELS,
        status_labels=fg.STATUS_LABELS,
        regions=geo.REGIONS,
        lists=coverage[0],
        text_only=coverage[1],
        generated=(generated or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC"),
    )
    path = out_dir / REPORT_NAME
    path.write_text(html, encoding="utf-8")
    return path, stats


def _render(chart: ch.Chart, out_dir: Path) -> RenderedChart:
    buf = io.BytesIO()
    chart.figure.savefig(buf, format="png", dpi=DPI, facecolor="white")
    data = buf.getvalue()
    name = f"{chart.slug}.png"
    (out_dir / name).write_bytes(data)
    uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return RenderedChart(chart.slug, chart.title, chart.caption, name, uri)


def _top_partnerships(view: pd.DataFrame) -> list[dict]:
    """The best-documented partnerships: most independent sources, then confidence."""
    if view.empty:
        return []
    top = view.sort_values(["n_sources", "confidence", "local", "partner"],
                           ascending=[False, False, True, True]).head(TOP_PARTNERSHIPS)
    return [
        {"local": r.local, "partner": r.partner, "country": r.country_name, "region": r.region,
         "relation": fg.RELATION_LABELS.get(r.relation, r.relation),
         "status": r.status, "year": "" if pd.isna(r.year) else int(r.year),
         "sources": int(r.n_sources), "confidence": float(r.confidence)}
        for r in top.itertuples()
    ]


def _pct(value: float) -> str:
    """0.4 -> '40%', 0.125 -> '12.5%'."""
    text = f"{value * 100:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def _blank_none(value):
    """Nothing missing ever shows as 'None' in the report."""
    return "" if value is None else value


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, finalize=_blank_none)
    env.filters["pct"] = _pct
    env.filters["thousands"] = lambda n: f"{int(n):,}"
    return env
