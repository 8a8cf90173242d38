"""The review desk's report: summary figures, charts, and a standalone HTML file."""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
import pycountry
import pytest
from sqlalchemy import insert

from models import schema as t
from models.rows import PartnershipRow, partnership_key
from models.store import Store
from review import charts as ch
from review import figures as fg
from review import geo
from review.report import CHART_SLUGS, write_report

XSS = "<script>alert(1)</script>"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def partnership(local: str, partner: str, country: str, *, local_id: str | None = None, relation="sister",
                status="active", established=None, themes=(), reverse=False) -> dict:
    """One row as ``Store.partnerships_frame`` gives it (Taiwan on side a unless reversed)."""
    tw = {"name": local, "country": "TW", "id": local_id}
    other = {"name": partner, "country": country, "id": None}
    a, b = (other, tw) if reverse else (tw, other)
    return {"a": a["name"], "a_country": a["country"], "a_id": a["id"], "b": b["name"], "b_country": b["country"],
            "b_id": b["id"], "relation": relation, "status": status, "established": established,
            "themes": list(themes), "n_sources": 1, "confidence": 0.9}


@pytest.fixture
def ten() -> pd.DataFrame:
    """10 partnerships: 4 with US partners, 2 with Japanese ones, 3 of Taipei City's own."""
    rows = [
        partnership("Taipei", "Cleveland", "US", local_id="TW-TPE", established="1975-01-01"),
        partnership("Taipei", "Houston", "US", local_id="TW-TPE", relation="friendship", status="proposed"),
        partnership("Taipei", "Prague", "CZ", local_id="TW-TPE", established="2001", themes=["culture_arts"]),
        partnership("New Taipei", "Phoenix", "US", local_id="TW-NWT", status="terminated"),
        partnership("Da'an", "Boise", "US", local_id="TW-TPE-daan", relation="mou"),
        partnership("Kaohsiung", "Sendai", "JP", local_id="TW-KHH", relation="mou", reverse=True),
        partnership("Kaohsiung", "Kumamoto", "JP", local_id="TW-KHH", relation="friendship"),
        partnership("Kaohsiung", "Cebu City", "PH", local_id="TW-KHH", established="1970-06"),
        partnership("Taichung", "Vilnius", "LT", local_id="TW-TXG"),
        partnership("Taichung", "Brisbane", "AU", local_id="TW-TXG"),
    ]
    return pd.DataFrame(rows)


# -- summary figures -------------------------------------------------------------------
def test_summary_gives_the_published_figures(ten):
    s = fg.summary(ten)
    assert (s.total, s.active) == (10, 8)
    assert s.share_us == pytest.approx(0.4) and s.us == 4
    assert s.share_jp == pytest.approx(0.2) and s.jp == 2
    assert s.taipei == 3, "Taipei City only: not New Taipei, not the Da'an district"
    assert s.by_relation == {"sister": 6, "friendship": 2, "mou": 2}
    assert s.by_status == {"active": 8, "proposed": 1, "terminated": 1}
    assert (s.countries, s.governments) == (6, 5)
    assert [(c.key, c.count) for c in s.top_countries[:2]] == [("US", 4), ("JP", 2)]
    assert s.top_countries[0].label == "United States" and s.top_countries[0].region == "North America"
    assert [(g.label, g.count) for g in s.top_governments[:2]] == [("Kaohsiung", 3), ("Taipei", 3)]
    assert (s.first_year, s.last_year, s.undated) == (1970, 2001, 7)


def test_the_taiwanese_side_is_found_on_either_side_and_foreign_only_rows_are_left_out(ten):
    foreign_only = {**partnership("X", "Y", "US"), "a": "Osaka", "a_country": "JP", "a_id": None}
    frame = pd.concat([ten, pd.DataFrame([foreign_only])], ignore_index=True)
    s = fg.summary(frame)
    assert s.total == 10 and s.without_taiwan == 1
    view = fg.partner_view(frame)
    sendai = view[view["partner"] == "Sendai"].iloc[0]
    assert (sendai["local"], sendai["partner_country"], sendai["region"]) == ("Kaohsiung", "JP", "East Asia")


def test_taipei_is_recognised_by_name_when_ids_are_missing():
    frame = pd.DataFrame([partnership("Taipei City", "Cleveland", "US"), partnership("Taipei", "Guam", "GU"),
                          partnership("New Taipei", "Phoenix", "US")])
    assert fg.summary(frame).taipei == 2


def test_an_empty_frame_gives_zeros_not_errors():
    s = fg.summary(pd.DataFrame(columns=["a", "a_country", "b", "b_country", "relation", "status"]))
    assert s.empty and (s.total, s.share_us, s.taipei, s.top_countries) == (0, 0.0, 0, ())


# -- regions and coordinates -----------------------------------------------------------
def test_every_country_has_one_of_the_nine_regions():
    allowed = set(geo.REGIONS) | {geo.OTHER_REGION}
    for c in pycountry.countries:
        assert geo.region_of(c.alpha_2) in allowed, c.alpha_2
    expected = {"JP": "East Asia", "VN": "Southeast Asia", "IN": "South Asia", "KZ": "Central Asia",
                "SZ": "Middle East & Africa", "IL": "Middle East & Africa", "CZ": "Europe", "US": "North America",
                "PY": "Latin America", "GT": "Latin America", "AU": "Oceania", "PW": "Oceania"}
    assert {cc: geo.region_of(cc) for cc in expected} == expected
    assert geo.region_of("ZZ") == geo.OTHER_REGION


def test_places_are_located_offline_falling_back_to_the_capital():
    prague = geo.locate("gn:3067696", "Prague", "CZ")
    assert prague.precision == "city" and prague.lat == pytest.approx(50.09, abs=0.1) \
        and prague.lon == pytest.approx(14.42, abs=0.1)
    somewhere = geo.locate("prov:US:nowhere", "Nowhereville", "US")
    assert somewhere.precision == "country" and somewhere.lon == pytest.approx(-77.0, abs=0.5)
    assert geo.locate("iso:US-CA", "California", "US").precision == "division"
    assert geo.locate(None, "Nothing", "ZZ") is None


# -- charts ------------------------------------------------------------------------------
def test_country_chart_ranks_the_top_countries(ten):
    fig = ch.partner_countries_chart(ten, top=3)
    ax = fig.axes[0]
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[::-1][:2] == ["United States", "Japan"] and len(labels) == 3
    assert sorted(p.get_width() for p in ax.patches)[-1] == 4


def test_new_partnerships_chart_counts_dated_ones_only(ten):
    ax = ch.regions_by_year_chart(ten).axes[0]
    assert sum(p.get_height() for p in ax.patches) == 3
    assert "7 without one are not shown" in ax.get_title(loc="left")


def test_charts_survive_dollar_signs_and_names_the_font_cannot_draw():
    frame = pd.DataFrame([partnership("臺北市", "Cleveland", "US", local_id="TW-TPE", established="2020"),
                          partnership(r"Cash $\oops{$ Township", "Osaka", "JP", local_id="TW-X", themes=["tourism"],
                                      established="2021")])
    for chart in ch.charts(frame):
        chart.figure.savefig(io.BytesIO(), format="png", dpi=40)  # mathtext would raise on '$\oops{$'
    labels = [x.get_text() for x in ch.taiwan_governments_chart(frame).axes[0].get_yticklabels()]
    assert "TW-TPE" in labels, "a name without glyphs falls back to its id"


# -- the HTML report -------------------------------------------------------------------------
def seed(url: str) -> None:
    """The ten partnerships of the fixture, stored for real (one with a hostile name)."""
    places = [("TW-TPE", "Taipei", "TW", "special_municipality"), ("TW-KHH", "Kaohsiung", "TW", "special_municipality"),
              ("TW-TXG", "Taichung", "TW", "special_municipality"), ("gn:3067696", "Prague", "CZ", "city"),
              ("prov:US:cleveland", "Cleveland", "US", "city"), ("prov:US:houston", "Houston", "US", "city"),
              ("prov:US:phoenix", "Phoenix", "US", "city"), ("prov:US:xss", XSS, "US", "city"),
              ("prov:JP:sendai", "Sendai", "JP", "city"), ("prov:JP:kumamoto", "Kumamoto", "JP", "city"),
              ("prov:PH:cebu", "Cebu City", "PH", "city"), ("prov:LT:vilnius", "Vilnius", "LT", "city"),
              ("prov:AU:brisbane", "Brisbane", "AU", "city")]
    pairs = [("TW-TPE", "gn:3067696", "sister", "active", dt.date(2001, 5, 1)),
             ("TW-TPE", "prov:US:cleveland", "sister", "active", dt.date(1975, 1, 1)),
             ("TW-TPE", "prov:US:xss", "friendship", "proposed", None),
             ("TW-KHH", "prov:US:houston", "sister", "active", dt.date(1980, 1, 1)),
             ("TW-KHH", "prov:PH:cebu", "sister", "active", dt.date(1970, 1, 1)),
             ("TW-KHH", "prov:JP:sendai", "mou", "active", dt.date(2015, 3, 1)),
             ("TW-TXG", "prov:US:phoenix", "sister", "terminated", dt.date(1990, 1, 1)),
             ("TW-TXG", "prov:JP:kumamoto", "friendship", "active", dt.date(2018, 1, 1)),
             ("TW-TXG", "prov:LT:vilnius", "mou", "active", dt.date(2022, 1, 1)),
             ("prov:AU:brisbane", "TW-KHH", "sister", "active", dt.date(1997, 1, 1))]
    store = Store(url)
    with store.engine.begin() as conn:
        for pid, name, country, level in places:
            conn.execute(insert(t.places).values(id=pid, name=name, country=country, level=level, provisional=0))
    store.sync_partnerships([PartnershipRow(
        key=partnership_key(a, b, rel), a_id=a, b_id=b, relation=rel, status=status, established=when,
        established_precision="year" if when else None, last_event="established", last_event_date=when,
        first_reported=None, last_reported=None, themes=("economy_trade", "tourism")[: i % 3], n_mentions=1,
        n_documents=1, n_sources=1 + i % 4, confidence=0.9, mention_ids=())
        for i, (a, b, rel, status, when) in enumerate(pairs)])
    store.close()


def headline(html: str, key: str) -> str:
    match = re.search(rf'id="fig-{key}"><span class="value">([^<]*)<', html)
    assert match, f"no headline figure {key}"
    return match.group(1)


def test_write_report_on_a_populated_store(tmp_path, sqlite_url):
    seed(sqlite_url)
    out = tmp_path / "report"
    store = Store(sqlite_url)
    try:
        path = write_report(store, out)
    finally:
        store.close()
    assert path == out / "report.html" and path.is_file()
    for slug in CHART_SLUGS:
        assert (out / f"{slug}.png").read_bytes()[:8] == PNG_MAGIC, slug
    html = path.read_text(encoding="utf-8")
    assert {k: headline(html, k) for k in ("total", "active", "countries", "us", "jp", "taipei")} == {
        "total": "10", "active": "8", "countries": "6", "us": "40%", "jp": "20%", "taipei": "3"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert XSS not in html and "<script" not in html.lower()
    # Standalone: every chart is embedded, nothing is fetched from elsewhere.
    assert html.count('src="data:image/png;base64,') == len(CHART_SLUGS)
    assert not re.search(r'(src|href)="(https?:)?//|url\(|@import', html)
    assert "Brisbane" in html and "Kaohsiung" in html, "a partnership stored the other way round still counts"


def test_write_report_on_an_empty_database(tmp_path, sqlite_url):
    out = tmp_path / "report"
    out.mkdir()
    (out / "partner_map.png").write_bytes(b"stale chart of a previous run")
    store = Store(sqlite_url)
    try:
        path = write_report(store, out)
    finally:
        store.close()
    html = path.read_text(encoding="utf-8")
    assert "No partnerships yet" in html
    assert "data:image/png" not in html and list(out.glob("*.png")) == []
