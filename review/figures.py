"""Summary figures of the canonical partnership table, the numbers
researchers quote: totals, the shares with the US and with Japan, Taipei
City's count, and rankings by partner country and Taiwanese government.

Everything here takes the DataFrame of ``Store.partnerships_frame()`` (or a
hand-built one with at least ``a``, ``a_country``, ``b``, ``b_country``,
``relation`` and ``status``). ``partner_view`` turns it into one row per
partnership with a Taiwanese side, seen from Taiwan: the Taiwanese local
government, the foreign partner, the partner's country and world region, and
the year it was established. Rows with no Taiwanese side, or two, are left out
and counted in ``ReportSummary.without_taiwan``. The drawings are in
``review.charts``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from review import geo

TAIWAN = "TW"


TAIPEI_ID = "TW-TPE"


TAIPEI_NAMES = frozenset({"taipei", "taipei city"})


RELATION_LABELS = {
    "sister": "Sister city",
    "friendship": "Friendship",
    "mou": "MOU",
    "cooperation": "Cooperation",
    "other": "Other",
}


STATUS_LABELS = {"active": "Active", "proposed": "Proposed", "terminated": "Terminated"}


THEME_LABELS = {
    "economy_trade": "Economy & trade",
    "agriculture_food": "Agriculture & food",
    "education_youth": "Education & youth",
    "culture_arts": "Culture & arts",
    "tourism": "Tourism",
    "technology_smart_city": "Technology & smart city",
    "health": "Health",
    "environment_sustainability": "Environment",
    "sports": "Sports",
    "disaster_resilience": "Disaster resilience",
    "governance_politics": "Governance",
}


VIEW_COLUMNS = ("id", "local", "local_id", "partner", "partner_id", "partner_country", "country_name",
                "region", "relation", "status", "year", "themes", "n_sources", "confidence")


def partner_view(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per partnership with exactly one Taiwanese side, seen from Taiwan."""
    if frame is not None and set(VIEW_COLUMNS) <= set(frame.columns):
        return frame
    rows = []
    for r in ([] if frame is None else frame.to_dict("records")):
        a_tw = _code(r.get("a_country")) == TAIWAN
        b_tw = _code(r.get("b_country")) == TAIWAN
        if a_tw == b_tw:
            continue
        local, partner = ("a", "b") if a_tw else ("b", "a")
        cc = _code(r.get(f"{partner}_country"))
        info = geo.country(cc)
        rows.append({
            "id": r.get("id"),
            "local": as_text(r.get(local)),
            "local_id": as_text(r.get(f"{local}_id")) or None,
            "partner": as_text(r.get(partner)),
            "partner_id": as_text(r.get(f"{partner}_id")) or None,
            "partner_country": cc,
            "country_name": info.name,
            "region": info.region,
            "relation": as_text(r.get("relation")) or "other",
            "status": as_text(r.get("status")) or "active",
            "year": _year(r.get("established")),
            "themes": _themes(r.get("themes")),
            "n_sources": _int(r.get("n_sources")),
            "confidence": _float(r.get("confidence")),
        })
    view = pd.DataFrame(rows, columns=list(VIEW_COLUMNS))
    view["year"] = view["year"].astype("Int64")
    return view


def without_taiwan(frame: pd.DataFrame) -> int:
    """Rows of the store's frame that ``partner_view`` leaves out."""
    if frame is None or frame.empty:
        return 0
    a = frame["a_country"].map(_code) == TAIWAN
    b = frame["b_country"].map(_code) == TAIWAN
    return int((a == b).sum())


def is_taipei(local_id: str | None, local: str | None) -> bool:
    """Taipei City's own government (not its districts, not New Taipei)."""
    if as_text(local_id):
        return as_text(local_id) == TAIPEI_ID
    return as_text(local).casefold() in TAIPEI_NAMES


@dataclass(frozen=True, slots=True)
class Count:
    """One line of a ranking: a partner country or a Taiwanese government."""

    key: str  # ISO country code, or the place id (its name when the id is unknown)
    label: str
    count: int
    active: int
    share: float  # of all partnerships
    region: str | None = None
    by_relation: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """The figures researchers quote. Shares are of all partnerships, whatever their status."""

    total: int
    active: int
    countries: int  # distinct partner countries
    governments: int  # distinct Taiwanese local governments
    share_us: float
    share_jp: float
    us: int
    jp: int
    taipei: int  # Taipei City's partnerships
    by_relation: dict[str, int]
    by_status: dict[str, int]
    by_region: dict[str, int]
    top_countries: tuple[Count, ...]
    top_governments: tuple[Count, ...]
    first_year: int | None
    last_year: int | None
    undated: int  # partnerships without an establishment date
    without_taiwan: int = 0  # rows of the table left out: no Taiwanese side, or two

    @property
    def empty(self) -> bool:
        return self.total == 0


def summary(frame: pd.DataFrame, top: int = 10) -> ReportSummary:
    view = partner_view(frame)
    total = len(view)
    is_active = view["status"] == "active"
    years = view["year"].dropna()
    us = int((view["partner_country"] == "US").sum())
    jp = int((view["partner_country"] == "JP").sum())
    return ReportSummary(
        total=total,
        active=int(is_active.sum()),
        countries=int(view["partner_country"].nunique()),
        governments=int(_government_keys(view).nunique()),
        share_us=_share(us, total),
        share_jp=_share(jp, total),
        us=us,
        jp=jp,
        taipei=int(sum(is_taipei(i, n) for i, n in zip(view["local_id"], view["local"]))),
        by_relation=_ranked(view["relation"]),
        by_status=_ranked(view["status"]),
        by_region=_ranked(view["region"]),
        top_countries=tuple(country_counts(view)[:top]),
        top_governments=tuple(government_counts(view)[:top]),
        first_year=int(years.min()) if len(years) else None,
        last_year=int(years.max()) if len(years) else None,
        undated=int(view["year"].isna().sum()),
        without_taiwan=without_taiwan(frame) if frame is not view else 0,
    )


def country_counts(frame: pd.DataFrame) -> list[Count]:
    """Every partner country, most partnerships first (ties by name)."""
    view = partner_view(frame)
    out = []
    for cc, rows in view.groupby("partner_country", sort=False):
        info = geo.country(cc)
        out.append(Count(key=cc, label=info.name, count=len(rows), active=int((rows["status"] == "active").sum()),
                         share=_share(len(rows), len(view)), region=info.region,
                         by_relation=_ranked(rows["relation"])))
    return sorted(out, key=lambda c: (-c.count, c.label))


def government_counts(frame: pd.DataFrame) -> list[Count]:
    """Every Taiwanese local government, most partnerships first (ties by name)."""
    view = partner_view(frame)
    out = []
    for key, rows in view.assign(_key=_government_keys(view)).groupby("_key", sort=False):
        out.append(Count(key=key, label=rows["local"].iloc[0], count=len(rows),
                         active=int((rows["status"] == "active").sum()), share=_share(len(rows), len(view)),
                         by_relation=_ranked(rows["relation"])))
    return sorted(out, key=lambda c: (-c.count, c.label))


def _code(value) -> str:
    return as_text(value).upper()


def as_text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value).strip()


def _int(value) -> int:
    try:
        return 0 if value is None or pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return 0


def _float(value) -> float:
    try:
        return 0.0 if value is None or pd.isna(value) else float(value)
    except (TypeError, ValueError):
        return 0.0


def _year(value) -> int | None:
    """The year of an ISO date string ('2015', '2015-03', '2015-03-09') or a date."""
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.year
    text = as_text(value)
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


def _themes(value) -> tuple[str, ...]:
    if value is None or isinstance(value, float):
        return ()
    if isinstance(value, str):
        return tuple(t for t in value.replace(",", ";").split(";") if t.strip())
    return tuple(str(t) for t in value)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _ranked(values: pd.Series) -> dict[str, int]:
    counts = Counter(str(v) for v in values)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _government_keys(view: pd.DataFrame) -> pd.Series:
    return view["local_id"].where(view["local_id"].notna(), view["local"]).fillna("").astype(str)


def relations_present(counts) -> list[str]:
    seen = set()
    for c in counts:
        seen.update(c)
    known = [r for r in RELATION_LABELS if r in seen]
    return known + sorted(seen - set(known))
