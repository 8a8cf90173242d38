"""Charts of the canonical partnership table, drawn from the view that
``review.figures.partner_view`` makes of it.

Charts are plain ``matplotlib.figure.Figure`` objects drawn with the Agg
renderer (pyplot is never imported, so nothing opens a window). Labels are
English names; text from the database is escaped for mathtext and falls back to
the place id when the bundled font has no glyph for it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from review import geo
from review.figures import (
    RELATION_LABELS,
    THEME_LABELS,
    as_text,
    country_counts,
    government_counts,
    partner_view,
    relations_present,
)


REGION_COLORS = {
    "East Asia": "#4e79a7",
    "Southeast Asia": "#f28e2b",
    "South Asia": "#e15759",
    "Central Asia": "#76b7b2",
    "Middle East & Africa": "#59a14f",
    "Europe": "#edc948",
    "North America": "#b07aa1",
    "Latin America": "#ff9da7",
    "Oceania": "#9c755f",
    geo.OTHER_REGION: "#bab0ac",
}
RELATION_COLORS = {
    "sister": "#2f5d8a",
    "friendship": "#59a14f",
    "mou": "#f28e2b",
    "cooperation": "#76b7b2",
    "other": "#bab0ac",
}
THEME_COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#9c755f", "#76b7b2", "#edc948"]

INK = "#1f2933"
MUTED = "#6b7785"
GRID = "#e3e7ec"
FONT = "DejaVu Sans"


# -- charts -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Chart:
    slug: str  # file name stem
    title: str
    caption: str
    figure: Figure


def partner_countries_chart(frame: pd.DataFrame, top: int = 15) -> Figure:
    """(a) Horizontal bars: partnerships by partner country, top N, coloured by region."""
    rows = country_counts(frame)
    if not rows:
        return _placeholder("Partnerships by partner country", "No partnerships yet")
    shown = rows[:top][::-1]
    fig, ax = _bar_figure(len(shown))
    y = _bar_labels(ax, [_label(c.label, c.key) for c in shown])
    colors = [REGION_COLORS.get(c.region or "", REGION_COLORS[geo.OTHER_REGION]) for c in shown]
    bars = ax.barh(y, [c.count for c in shown], color=colors, height=0.68)
    _bar_values(ax, bars)
    regions = [r for r in REGION_COLORS if any(c.region == r for c in shown)]
    _side_legend(ax, [Patch(color=REGION_COLORS[r], label=r) for r in regions], "Region")
    more = f"top {len(shown)} of {len(rows)} countries" if len(rows) > len(shown) else f"{len(rows)} countries"
    _titles(fig, ax, "Partnerships by partner country", more)
    return fig


def taiwan_governments_chart(frame: pd.DataFrame, top: int = 25) -> Figure:
    """(b) Horizontal stacked bars: partnerships by Taiwanese local government and relation."""
    rows = government_counts(frame)
    if not rows:
        return _placeholder("Partnerships by Taiwanese local government", "No partnerships yet")
    shown = rows[:top][::-1]
    fig, ax = _bar_figure(len(shown))
    y = _bar_labels(ax, [_label(c.label, c.key) for c in shown])
    relations = relations_present(c.by_relation for c in shown)
    left = np.zeros(len(shown))
    for rel in relations:
        values = np.array([c.by_relation.get(rel, 0) for c in shown], dtype=float)
        ax.barh(y, values, left=left, color=RELATION_COLORS.get(rel, RELATION_COLORS["other"]),
                height=0.68, label=_relation_label(rel))
        left += values
    for y, total in enumerate(left):
        ax.text(total, y, f" {int(total)}", va="center", ha="left", fontsize=8.5, color=INK)
    ax.set_xlim(0, max(left) * 1.12 + 0.5)
    _side_legend(ax, None, "Relation")
    more = (f"top {len(shown)} of {len(rows)} governments" if len(rows) > len(shown)
            else f"{len(rows)} governments")
    _titles(fig, ax, "Partnerships by Taiwanese local government", more)
    return fig


def regions_by_year_chart(frame: pd.DataFrame) -> Figure:
    """(c) Stacked bars: new partnerships per establishment year, by partner region."""
    view = partner_view(frame)
    dated = view.dropna(subset=["year"])
    title = "New partnerships per year, by partner region"
    if dated.empty:
        return _placeholder(title, "No partnership has a known establishment date yet")
    years = list(range(int(dated["year"].min()), int(dated["year"].max()) + 1))
    table = pd.crosstab(dated["year"].astype(int), dated["region"]).reindex(years, fill_value=0)
    regions = [r for r in REGION_COLORS if r in table.columns]
    fig = _figure(10, 4.6)
    ax = fig.add_subplot()
    _style(ax, grid_axis="y")
    bottom = np.zeros(len(years))
    for region in regions:
        values = table[region].to_numpy(dtype=float)
        ax.bar(years, values, bottom=bottom, color=REGION_COLORS[region], width=0.8, label=region)
        bottom += values
    ax.set_xlim(years[0] - 0.7, years[-1] + 0.7)
    ax.xaxis.set_major_locator(_year_locator(len(years)))
    ax.yaxis.set_major_locator(_integer_locator())
    ax.set_ylabel("Partnerships established", color=MUTED, fontsize=9)
    _side_legend(ax, None, "Partner region")
    ax.set_ylim(0, max(bottom) * 1.08 + 0.2)
    note = f"{len(dated)} partnerships with a known year"
    if len(dated) < len(view):
        note += f"; {len(view) - len(dated)} without one are not shown"
    _titles(fig, ax, title, note)
    return fig


def themes_by_year_chart(frame: pd.DataFrame, top: int = 6) -> Figure:
    """(d) Lines: partnerships touching each theme, by establishment year (5-year periods
    when the years span more than 15)."""
    view = partner_view(frame)
    title = "Themes over time"
    dated = view.dropna(subset=["year"])
    dated = dated[dated["themes"].map(len) > 0]
    if dated.empty:
        return _placeholder(title, "No dated partnership has a theme yet")
    first, last = int(dated["year"].min()), int(dated["year"].max())
    step = 1 if last - first < 15 else 5
    start = first if step == 1 else first - first % step
    periods = list(range(start, last + 1, step))
    counts: dict[str, Counter] = {}
    for year, themes in zip(dated["year"].astype(int), dated["themes"]):
        period = year - (year - start) % step
        for theme in set(themes):
            counts.setdefault(theme, Counter())[period] += 1
    ranked = sorted(counts, key=lambda t: (-sum(counts[t].values()), t))
    fig = _figure(10, 4.6)
    ax = fig.add_subplot()
    _style(ax, grid_axis="y")
    x = np.arange(len(periods))
    for i, theme in enumerate(ranked[:top]):
        ax.plot(x, [counts[theme][p] for p in periods], marker="o", markersize=4, linewidth=2,
                color=THEME_COLORS[i % len(THEME_COLORS)], label=_theme_label(theme))
    labels = [str(p) if step == 1 else f"{p}–{str(p + step - 1)[-2:]}" for p in periods]
    every = max(1, math.ceil(len(periods) / 14))
    ax.set_xticks(x[::every], labels[::every])
    ax.set_xlim(-0.5, len(periods) - 0.5)
    ax.yaxis.set_major_locator(_integer_locator())
    ax.set_ylim(0, None)
    ax.set_ylabel("Partnerships with the theme", color=MUTED, fontsize=9)
    _side_legend(ax, None, "Theme")
    note = "by year established" if step == 1 else "by 5-year period established"
    if len(ranked) > top:
        note += f"; the {top} most frequent of {len(ranked)} themes"
    _titles(fig, ax, title, note + "; a partnership counts once for each of its themes")
    return fig


def partner_map_chart(frame: pd.DataFrame) -> Figure:
    """(e) Partners as points on an equirectangular graticule, with great-circle lines from
    Taiwan. Drawn offline: the land silhouette is the GeoNames towns of 15,000+ people."""
    view = partner_view(frame)
    title = "Where the partners are"
    if view.empty:
        return _placeholder(title, "No partnerships yet")
    fig = _figure(12, 6.4)
    ax = fig.add_axes((0.045, 0.2, 0.91, 0.68))
    lats, lons = geo.backdrop()
    ax.scatter(geo.shift(np.array(lons)), lats, s=0.35, c="#cfd5dc", linewidths=0, rasterized=True, zorder=1)
    placed: dict[tuple[float, float], list] = {}
    coarse = unplaced = 0
    found: dict[tuple, geo.Location | None] = {}  # a place with many partners is looked up once
    for pid, name, cc, region in zip(view["partner_id"], view["partner"], view["partner_country"],
                                     view["region"]):
        key = (as_text(pid) or None, as_text(name), as_text(cc))
        loc = found[key] if key in found else found.setdefault(key, geo.locate(*key))
        if loc is None:
            unplaced += 1
            continue
        coarse += loc.precision == "country"
        placed.setdefault((round(loc.lat, 2), round(loc.lon, 2)), []).append(region)
    for (lat, lon), regions in placed.items():
        color = REGION_COLORS.get(Counter(regions).most_common(1)[0][0], REGION_COLORS[geo.OTHER_REGION])
        for xs, ys in geo.great_circle(geo.TAIWAN, (lat, lon)):
            ax.plot(xs, ys, color=color, alpha=0.45, linewidth=0.9, zorder=2, solid_capstyle="round")
    for (lat, lon), regions in sorted(placed.items(), key=lambda kv: -len(kv[1])):
        color = REGION_COLORS.get(Counter(regions).most_common(1)[0][0], REGION_COLORS[geo.OTHER_REGION])
        ax.scatter(geo.shift(np.array([lon])), [lat], s=18 + 22 * math.sqrt(len(regions)), color=color,
                   edgecolors="white", linewidths=0.8, zorder=3)
    ty, tx = geo.TAIWAN
    ax.scatter([tx], [ty], marker="*", s=320, color="#b2182b", edgecolors="white", linewidths=0.9, zorder=4)
    ax.annotate("Taiwan", (tx, ty), xytext=(8, -12), textcoords="offset points", fontsize=10,
                fontweight="bold", color="#b2182b", zorder=5)
    _graticule(ax)
    present = [r for r in REGION_COLORS if any(r in v for v in placed.values())]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=REGION_COLORS[r],
                      markeredgecolor="white", label=r) for r in present]
    handles.append(Line2D([], [], marker="*", linestyle="", markersize=12, markerfacecolor="#b2182b",
                          markeredgecolor="white", label="Taiwan"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.07), frameon=False,
              fontsize=8.5, ncols=min(len(handles), 5))
    n = sum(len(v) for v in placed.values())
    bits = [f"{n} partnerships at {len(placed)} places; point size grows with partnerships at a place"]
    if coarse:
        bits.append(f"{coarse} placed at their country's capital (place not in GeoNames' 15,000+ towns)")
    if unplaced:
        bits.append(f"{unplaced} could not be placed")
    fig.text(0.01, 0.95, title, fontsize=13, fontweight="bold", color=INK, ha="left")
    fig.text(0.045, 0.895, "; ".join(bits), fontsize=9, color=MUTED, ha="left")
    fig.text(0.045, 0.025, "Equirectangular projection centred on 150°E. Grey dots are towns of 15,000+ "
             "people (GeoNames), drawn for orientation in place of coastlines; lines are great circles "
             "from Taiwan.", fontsize=8, color=MUTED, ha="left")
    return fig


def charts(frame: pd.DataFrame) -> list[Chart]:
    """Every chart of the report, in order, with its file name and caption."""
    view = partner_view(frame)
    return [
        Chart("partner_countries", "Partner countries",
              "Partnerships by the partner's country, coloured by world region.",
              partner_countries_chart(view)),
        Chart("taiwan_governments", "Taiwanese local governments",
              "Partnerships of each Taiwanese local government, split by kind of relation.",
              taiwan_governments_chart(view)),
        Chart("regions_by_year", "New partnerships per year",
              "Partnerships by the year they were established and the partner's world region.",
              regions_by_year_chart(view)),
        Chart("themes_by_year", "Themes over time",
              "How often each cooperation theme appears among partnerships established each year.",
              themes_by_year_chart(view)),
        Chart("partner_map", "Map of partners",
              "Each partner place, with a line from Taiwan. Drawn offline; no map tiles.",
              partner_map_chart(view)),
    ]


# -- drawing helpers --------------------------------------------------------------------
def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100, facecolor="white")
    return fig


def _bar_figure(n: int) -> tuple[Figure, object]:
    fig = _figure(10, 1.5 + 0.34 * max(n, 3))
    ax = fig.add_subplot()
    _style(ax, grid_axis="x")
    ax.xaxis.set_major_locator(_integer_locator())
    ax.tick_params(axis="y", length=0, labelsize=9.5)
    return fig, ax


def _bar_labels(ax, labels: list[str]) -> np.ndarray:
    """Numeric bar positions, so that two places of one name keep two bars."""
    y = np.arange(len(labels))
    ax.set_yticks(y, labels)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    return y


def _style(ax, grid_axis: str) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#9aa5b1")
    ax.tick_params(colors=INK, labelsize=9)
    ax.grid(axis=grid_axis, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)


def _titles(fig: Figure, ax, title: str, subtitle: str) -> None:
    ax.set_title(subtitle, loc="left", fontsize=9, color=MUTED, pad=8)
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", color=INK)
    fig.tight_layout(rect=(0, 0, 1, 0.97))


def _bar_values(ax, bars) -> None:
    widths = [b.get_width() for b in bars]
    for bar in bars:
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {int(bar.get_width())}",
                va="center", ha="left", fontsize=8.5, color=INK)
    ax.set_xlim(0, max(widths) * 1.12 + 0.5)


def _side_legend(ax, handles, title: str) -> None:
    """A legend right of the plot, where it never covers a bar or a line."""
    kwargs = {"handles": handles} if handles else {}
    ax.legend(**kwargs, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8.5,
              title=title, title_fontsize=8.5, alignment="left")


def _placeholder(title: str, message: str) -> Figure:
    fig = _figure(10, 2.4)
    fig.text(0.02, 0.82, title, fontsize=13, fontweight="bold", color=INK, ha="left")
    fig.text(0.5, 0.4, message, fontsize=11, color=MUTED, ha="center", va="center")
    return fig


def _integer_locator():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True, nbins="auto", min_n_ticks=2)


def _year_locator(n_years: int):
    from matplotlib.ticker import MultipleLocator

    return MultipleLocator(1 if n_years <= 15 else 5 if n_years <= 60 else 10)


def _graticule(ax) -> None:
    ax.set_xlim(-30, 330)
    ax.set_ylim(-60, 80)
    ax.set_aspect("equal")
    xticks = list(range(-30, 331, 30))
    ax.set_xticks(xticks, [_lon_label(x) for x in xticks])
    yticks = list(range(-60, 81, 20))
    ax.set_yticks(yticks, [f"{abs(y)}°{'N' if y > 0 else 'S' if y < 0 else ''}" for y in yticks])
    ax.grid(color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=8, colors=MUTED, length=0)
    for spine in ax.spines.values():
        spine.set_color("#c3cad3")


def _lon_label(x: float) -> str:
    lon = ((x + 180) % 360) - 180
    if lon in (0, -180):
        return f"{abs(int(lon))}°"
    return f"{abs(int(lon))}°{'E' if lon > 0 else 'W'}"


# -- value helpers -----------------------------------------------------------------------


def _relation_label(rel: str) -> str:
    return RELATION_LABELS.get(rel, _label(rel.replace("_", " ").capitalize(), "other"))


def _theme_label(theme: str) -> str:
    return THEME_LABELS.get(theme, _label(theme.replace("_", " ").capitalize(), "theme"))


@cache
def _glyphs() -> frozenset[int]:
    from matplotlib import font_manager, ft2font

    return frozenset(ft2font.FT2Font(font_manager.findfont(FONT)).get_charmap())


def _label(text: str, fallback: str, limit: int = 38) -> str:
    """Chart-safe text: shortened, '$' escaped (no mathtext), and replaced by the
    fallback when the font lacks a glyph for it (CJK names, say)."""
    text = " ".join(as_text(text).split()) or as_text(fallback)
    glyphs = _glyphs()
    if any(ord(ch) not in glyphs for ch in text):
        text = as_text(fallback) if all(ord(ch) in glyphs for ch in as_text(fallback)) else "?"
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.replace("$", r"\$")
