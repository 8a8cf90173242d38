"""Honest figures: the charts page and the report say how many rows analysts
reviewed, how many wait and how many they rejected; they can count reviewed
rows alone; rejected rows are never counted; and the charts are drawn once
per state of the data, not on every view."""

from __future__ import annotations

import dataclasses
import re

import pytest
from sqlalchemy import insert, update
from starlette.testclient import TestClient
from typer.testing import CliRunner

from flows.cli import app as cli
from models import review_queries as rq
from models import schema as t
from models.rows import PartnershipRow, partnership_key
from models.settings import load_settings
from review.app import create_app

PLACES = [("TW-TPE", "Taipei", "TW"), ("TW-KHH", "Kaohsiung", "TW"), ("TW-TXG", "Taichung", "TW"),
          ("prov:US:cleveland", "Cleveland", "US"), ("prov:US:phoenix", "Phoenix", "US"),
          ("gn:3067696", "Prague", "CZ"), ("prov:JP:sendai", "Sendai", "JP"), ("prov:PH:cebu", "Cebu City", "PH"),
          ("prov:LT:vilnius", "Vilnius", "LT")]
# (Taiwan side, partner, review): 2 reviewed, 3 pending, and a rejected tie
# with the only other US partner, which must never count.
PAIRS = [("TW-TPE", "prov:US:cleveland", "accepted"), ("TW-TPE", "gn:3067696", "edited"),
         ("TW-KHH", "prov:JP:sendai", "pending"), ("TW-KHH", "prov:PH:cebu", "pending"),
         ("TW-TXG", "prov:LT:vilnius", "pending"), ("TW-TXG", "prov:US:phoenix", "rejected")]


def rows() -> list[PartnershipRow]:
    import datetime as dt

    return [PartnershipRow(key=partnership_key(a, b, "sister"), a_id=a, b_id=b, relation="sister", status="active",
                           established=dt.date(2000 + i, 1, 1), established_precision="year",
                           last_event="established", last_event_date=None, first_reported=None,
                           last_reported=None, themes=("tourism",), n_mentions=1, n_documents=1, n_sources=1,
                           confidence=0.9, mention_ids=(), review=review)
            for i, (a, b, review) in enumerate(PAIRS)]


@pytest.fixture
def seeded(db_url):
    from models.store import Store

    store = Store(db_url)
    with store.engine.begin() as conn:
        conn.execute(insert(t.places), [dict(id=i, name=n, country=c, level="city", provisional=0)
                                        for i, n, c in PLACES])
    store.sync_partnerships(rows())
    yield store
    store.close()


def figures(html: str) -> dict[str, str]:
    """The charts page's headline figures and its statement of what it counts."""
    scope = re.search(r'<p class="scope[^"]*" id="scope">(.*?)</p>', html, re.S)[1]
    return {"total": re.search(r"<strong>(\d+)</strong> partnerships", html)[1],
            "us": re.search(r"with the United States \((\d+)\)", html)[1],
            "scope": " ".join(re.sub(r"<[^>]+>", "", scope).split())}


def client_for(store, tmp_path) -> TestClient:
    return TestClient(create_app(load_settings(database_url=store.engine.url.render_as_string(False),
                                               raw_dir=tmp_path, analyst="mei")))


def test_the_charts_say_what_they_count_and_never_count_rejected_rows(seeded, tmp_path):
    client = client_for(seeded, tmp_path)
    everything = figures(client.get("/charts").text)
    assert everything["total"] == "5" and everything["us"] == "1", "the rejected Phoenix tie is not a partnership"
    assert everything["scope"] == ("2 of 5 reviewed. Counted: 2 accepted or corrected by an analyst and 3 pending "
                                   "(as the machine extracted them, not yet reviewed). Left out: 1 rejected.")
    reviewed = figures(client.get("/charts?reviewed=1").text)
    assert reviewed["total"] == "2" and reviewed["us"] == "1"
    assert reviewed["scope"] == ("Reviewed rows only: the 2 partnerships an analyst accepted or corrected. "
                                 "Left out: 3 not yet reviewed, 1 rejected.")
    page = client.get("/charts?reviewed=1").text
    assert 'href="/charts?reviewed=1" aria-current="page"' in page and 'href="/charts" aria-current' not in page


def test_the_charts_are_drawn_once_per_state_of_the_data(seeded, tmp_path):
    client = client_for(seeded, tmp_path)
    desk = client.app.state.desk
    first = client.get("/charts").text
    for _ in range(3):
        assert client.get("/charts").text == first
    assert desk.figures.draws == 1, "unchanged data: the kept drawing answers"

    # An analyst accepts a pending row: the next view is drawn again and says so.
    csrf = re.search(r'name="csrf" value="([^"]+)"', first)[1]
    sendai = next(r["id"] for r in seeded.partnerships() if r["b"] == "Sendai")
    assert client.post(f"/partnerships/{sendai}/accept", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert figures(client.get("/charts").text)["scope"].startswith("3 of 5 reviewed.")
    assert desk.figures.draws == 2

    # Dedupe rewrites a row in place (same count, same ids): still a change.
    before = rq.data_version(seeded.engine)
    seeded.sync_partnerships([dataclasses.replace(r, status="terminated") if r.b_id == "prov:PH:cebu" else r
                              for r in rows()])
    assert rq.data_version(seeded.engine) != before
    assert "(4 active)" in client.get("/charts").text and desk.figures.draws == 3
    # Rewriting identical rows is no change; undoing a decision is one.
    seeded.sync_partnerships(rows())
    after = rq.data_version(seeded.engine)
    seeded.sync_partnerships(rows())
    assert rq.data_version(seeded.engine) == after
    with seeded.engine.begin() as conn:
        conn.execute(update(t.decisions).values(undone_at=t.decisions.c.created_at, undone_by="mei"))
    assert rq.data_version(seeded.engine) != after


def test_the_report_says_what_it_counts_and_can_count_reviewed_rows_only(seeded, tmp_path):
    url = seeded.engine.url.render_as_string(False)
    result = CliRunner().invoke(cli, ["report", "--db", url, "--output", str(tmp_path / "all")])
    assert result.exit_code == 0, result.output
    assert "5 partnerships counted: 2 reviewed, 3 pending (not yet reviewed); 1 rejected left out" in result.output
    html = (tmp_path / "all" / "report.html").read_text(encoding="utf-8")
    assert re.search(r'id="fig-total"><span class="value">5<', html)
    assert re.search(r'id="fig-reviewed"><span class="value">2<', html)
    assert "2 of 5 reviewed." in html and "1 rejected are left out" not in html and "1 rejected is left out" in html

    result = CliRunner().invoke(cli, ["report", "--db", url, "--output", str(tmp_path / "reviewed"),
                                      "--reviewed-only"])
    assert result.exit_code == 0, result.output
    assert "2 reviewed partnerships counted; 3 pending and 1 rejected left out" in result.output
    html = (tmp_path / "reviewed" / "report.html").read_text(encoding="utf-8")
    assert re.search(r'id="fig-total"><span class="value">2<', html) and "Reviewed rows only." in html
    assert "Phoenix" not in html and "Sendai" not in html, "neither rejected nor pending rows are listed"
    assert "None" not in re.sub(r"<[^>]+>", " ", html)


def test_a_rejected_row_is_in_no_figure_and_no_chart():
    import pandas as pd

    from review import charts as ch
    from review import figures as fg

    def row(partner: str, country: str, review: str) -> dict:
        return {"a": "Taipei", "a_country": "TW", "a_id": "TW-TPE", "b": partner, "b_country": country,
                "b_id": None, "relation": "sister", "status": "active", "established": "2001", "review": review}

    frame = pd.DataFrame([row("Cleveland", "US", "accepted"), row("Sendai", "JP", "pending"),
                          row("Phoenix", "US", "rejected"), row("Boise", "US", "rejected")])
    s = fg.summary(frame)
    assert (s.total, s.us, s.jp, s.taipei) == (2, 1, 1, 2)
    assert (s.review.reviewed, s.review.pending, s.review.rejected) == (1, 1, 2)
    assert [(c.key, c.count) for c in fg.country_counts(frame)] == [("JP", 1), ("US", 1)]
    bars = ch.partner_countries_chart(frame).axes[0].patches
    assert sorted(p.get_width() for p in bars) == [1, 1], "the chart draws what the figures count"
    reviewed = fg.summary(frame, reviewed_only=True)
    assert (reviewed.total, reviewed.us, reviewed.jp) == (1, 1, 0) and reviewed.review.counted == 1
