"""Summary figures of the canonical partnership table, the numbers
researchers quote: totals, the shares with the US and with Japan, Taipei
City's count, and rankings by partner country and Taiwanese government.

Everything here takes the DataFrame of ``review_queries.figures_frame()``
(every row, rejected ones too, with its ``review`` state), of
``Store.partnerships_frame()``, or a hand-built one with at least ``a``,
``a_country``, ``b``, ``b_country``, ``relation`` and ``status``.
``partner_view`` turns it into one row per
partnership with a Taiwanese side, seen from Taiwan: the Taiwanese local
government, the foreign partner, the partner's country and world region, and
the year it was established. Rows with no Taiwanese side, or two, are left out
and counted in ``ReportSummary.without_taiwan``. Rows an analyst rejected are
never counted as partnerships (``ReportSummary.review`` says how many there
are, and how many were reviewed or still wait); ``reviewed_only`` narrows the
figures to rows an analyst accepted or corrected. The drawings are in
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
                "region", "relation", "status", "year", "themes", "n_sources", "confidence", "review")
REVIEWED = ("accepted", "edited")  # an analyst looked and kept it (as found, or corrected)


def partner_view(frame: pd.DataFrame, reviewed_only: bool = False) -> pd.DataFrame:
    """One row per partnership with exactly one Taiwanese side, seen from
    Taiwan. Rows an analyst rejected are never in it; with ``reviewed_only``
    neither are rows no analyst has reviewed yet."""
    return _counted(_view(frame), reviewed_only)


def _view(frame: pd.DataFrame | None) -> pd.DataFrame:
    """Every row with one Taiwanese side, rejected ones too (to count them)."""
    if frame is not None and set(VIEW_COLUMNS) <= set(frame.columns):
        return frame
    frame = pd.DataFrame() if frame is None else frame.reset_index(drop=True)

    # Column by column, not row by row: 100,000 rows take a second, not ten.
    def col(name: str) -> pd.Series:
        return frame[name].astype(object) if name in frame else pd.Series([None] * len(frame), dtype=object)

    a_cc, b_cc = _codes(col("a_country")), _codes(col("b_country"))
    keep = (a_cc == TAIWAN) != (b_cc == TAIWAN)
    a_local = (a_cc == TAIWAN)[keep]

    def text(name: str, default=None) -> pd.Series:
        values = col(name)[keep]
        values = values.where(values.notna(), "").astype(str).str.strip()
        return values.where(values != "", default) if default is not None else values

    def side(local: str, partner: str, of_partner: bool = False) -> pd.Series:
        a, b = text(local), text(partner)
        return b.where(a_local, a) if of_partner else a.where(a_local, b)

    cc = b_cc[keep].where(a_local, a_cc[keep])
    info = {code: geo.country(code) for code in set(cc)}
    local_id, partner_id = side("a_id", "b_id"), side("a_id", "b_id", of_partner=True)
    view = pd.DataFrame({
        "id": col("id")[keep],
        "local": side("a", "b"),
        "local_id": local_id.astype(object).where(local_id != "", None),
        "partner": side("a", "b", of_partner=True),
        "partner_id": partner_id.astype(object).where(partner_id != "", None),
        "partner_country": cc,
        "country_name": cc.map(lambda c: info[c].name),
        "region": cc.map(lambda c: info[c].region),
        "relation": text("relation", "other"),
        "status": text("status", "active"),
        "year": _memo(col("established")[keep], _year),
        "themes": col("themes")[keep].map(_themes),
        "n_sources": pd.to_numeric(col("n_sources")[keep], errors="coerce").fillna(0).astype(int),
        "confidence": pd.to_numeric(col("confidence")[keep], errors="coerce").fillna(0.0).astype(float),
        # A row with no review state is one no analyst has looked at.
        "review": text("review", "pending"),
    }, columns=list(VIEW_COLUMNS)).reset_index(drop=True)
    view["year"] = view["year"].astype("Int64")
    return view


def _memo(values: pd.Series, fn) -> list:
    """fn of each value, computed once per distinct value (dates repeat)."""
    seen: dict = {}
    return [seen[v] if v in seen else seen.setdefault(v, fn(v)) for v in values]


def _counted(view: pd.DataFrame, reviewed_only: bool) -> pd.DataFrame:
    keep = view["review"].isin(REVIEWED) if reviewed_only else view["review"] != "rejected"
    return view if keep.all() else view[keep].reset_index(drop=True)


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """Where the rows behind the figures stand with the analysts (rows with
    one Taiwanese side, as the figures count them)."""

    reviewed: int = 0  # accepted or corrected by an analyst
    pending: int = 0  # as the machine found them: not yet reviewed
    rejected: int = 0  # rejected by an analyst: never counted as partnerships
    reviewed_only: bool = False  # the figures count reviewed rows alone

    @property
    def counted(self) -> int:
        return self.reviewed if self.reviewed_only else self.reviewed + self.pending


def review_counts(frame: pd.DataFrame, reviewed_only: bool = False) -> ReviewCounts:
    states = _view(frame)["review"]
    reviewed, rejected = states.isin(REVIEWED), states == "rejected"
    return ReviewCounts(reviewed=int(reviewed.sum()), pending=int((~reviewed & ~rejected).sum()),
                        rejected=int(rejected.sum()), reviewed_only=reviewed_only)


def without_taiwan(frame: pd.DataFrame, reviewed_only: bool = False) -> int:
    """Rows of the store's frame that ``partner_view`` leaves out for their
    sides (not for their review state)."""
    if frame is None or frame.empty or set(VIEW_COLUMNS) <= set(frame.columns):
        return 0
    a, b = (_codes(frame[side]) == TAIWAN for side in ("a_country", "b_country"))
    review = _codes(frame["review"]).str.lower() if "review" in frame else pd.Series("", index=frame.index)
    counted = review.isin(REVIEWED) if reviewed_only else review != "rejected"
    return int(((a == b) & counted).sum())


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
    review: ReviewCounts = ReviewCounts()  # how many of the rows analysts reviewed, and which were counted

    @property
    def empty(self) -> bool:
        return self.total == 0


def summary(frame: pd.DataFrame, top: int = 10, reviewed_only: bool = False) -> ReportSummary:
    """The figures, of rows analysts have not rejected (of reviewed rows
    alone with ``reviewed_only``), and how many rows stand where."""
    return summary_and_view(frame, top, reviewed_only)[0]


def summary_and_view(frame: pd.DataFrame, top: int = 10,
                     reviewed_only: bool = False) -> tuple[ReportSummary, pd.DataFrame]:
    """``summary`` and the ``partner_view`` it counted, built once for both."""
    full = _view(frame)
    view = _counted(full, reviewed_only)
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
        taipei=_taipei(view),
        by_relation=_ranked(view["relation"]),
        by_status=_ranked(view["status"]),
        by_region=_ranked(view["region"]),
        top_countries=tuple(country_counts(view)[:top]),
        top_governments=tuple(government_counts(view)[:top]),
        first_year=int(years.min()) if len(years) else None,
        last_year=int(years.max()) if len(years) else None,
        undated=int(view["year"].isna().sum()),
        without_taiwan=without_taiwan(frame, reviewed_only),
        review=review_counts(full, reviewed_only),
    ), view


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


def _codes(values: pd.Series) -> pd.Series:
    """Country codes (or states) of a whole column: text, trimmed, upper case."""
    values = values.astype(object)
    return values.where(values.notna(), "").astype(str).str.strip().str.upper()


def as_text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value).strip()


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


def _taipei(view: pd.DataFrame) -> int:
    governments = Counter(zip(view["local_id"], view["local"]))  # a few hundred, however many rows
    return sum(n for (i, name), n in governments.items() if is_taipei(i, name))


def _ranked(values: pd.Series) -> dict[str, int]:
    counts = Counter(map(str, values.tolist()))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _government_keys(view: pd.DataFrame) -> pd.Series:
    return view["local_id"].where(view["local_id"].notna(), view["local"]).fillna("").astype(str)


def relations_present(counts) -> list[str]:
    seen = set()
    for c in counts:
        seen.update(c)
    known = [r for r in RELATION_LABELS if r in seen]
    return known + sorted(seen - set(known))
