"""Every page of the review app on a generated database, on SQLite and
PostgreSQL: it answers, pages are what they say, and filters filter."""

from __future__ import annotations

import io
import re

import pandas as pd
from starlette.testclient import TestClient

from flows.bench_review import PAGES, fill
from models.settings import load_settings
from review.app import create_app


def test_every_page_answers_on_a_generated_database(db_url, tmp_path):
    pid = fill(db_url, 400)
    client = TestClient(create_app(load_settings(database_url=db_url, raw_dir=tmp_path)), raise_server_exceptions=True)
    for path in [p.format(pid=pid) for p in PAGES]:
        assert client.get(path).status_code == 200, path

    page = client.get("/partnerships?country=JP&relation=sister")
    shown = int(re.search(r"<small>(\d+) rows</small>", page.text)[1])
    exported = pd.read_csv(io.StringIO(client.get("/partnerships.csv?country=JP&relation=sister").text))
    assert shown == len(exported) > 0
    assert set(exported["partner_country"]) == {"JP"} and set(exported["relation"]) == {"sister"}
    assert "rejected" not in set(exported["review"]), "rejected rows stay out unless asked for"

    queue = client.get("/queue").text
    priorities = [float(x) for x in re.findall(r'data-priority="([\d.]+)"', queue)]
    assert priorities and priorities == sorted(priorities, reverse=True), "highest priority first"


# -- forms keep what was typed; nothing shows as None --------------------------------------
def seed_sparse(url: str) -> int:
    """One partnership with every optional field empty (no date, no themes,
    no title, no page...), and its one mention and document; returns its id."""
    import datetime as dt

    from sqlalchemy import insert

    from models import schema as t
    from models.rows import PartnershipRow, partnership_key
    from models.store import Store

    store = Store(url)
    with store.engine.begin() as conn:
        conn.execute(insert(t.places), [dict(id="TW-TPE", name="Taipei", country="TW", level="city", provisional=0),
                                        dict(id="prov:JP:sendai", name="Sendai", country="JP", level="city",
                                             provisional=1)])
        conn.execute(insert(t.documents).values(id=1, sha256="0" * 64, source="inbox", origin="inbox/a.txt",
                                                media_type="text/plain", size=60, status="extracted",
                                                text="Taipei and Sendai signed a sister city agreement.",
                                                ingested_at=dt.datetime(2026, 1, 1)))
        conn.execute(insert(t.mentions).values(id=1, key="m1", document_id=1, a_id="TW-TPE", b_id="prov:JP:sendai",
                                               a_text="Taipei", b_text="Sendai", relation="sister",
                                               event="established", themes=[], confidence=0.6,
                                               evidence="Taipei and Sendai signed a sister city agreement.",
                                               evidence_start=0, evidence_end=49, extractor_version="test"))
    store.sync_partnerships([PartnershipRow(
        key=partnership_key("TW-TPE", "prov:JP:sendai", "sister"), a_id="TW-TPE", b_id="prov:JP:sendai",
        relation="sister", status="active", established=None, established_precision=None, last_event=None,
        last_event_date=None, first_reported=None, last_reported=None, themes=(), n_mentions=1, n_documents=1,
        n_sources=1, confidence=0.6, mention_ids=(1,), priority=1.0, reasons=("single_source",))])
    [pid] = [r["id"] for r in store.partnerships()]
    store.close()
    return pid


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def test_a_refused_form_comes_back_with_what_was_typed_and_why(sqlite_url, tmp_path):
    pid = seed_sparse(sqlite_url)
    client = TestClient(create_app(load_settings(database_url=sqlite_url, raw_dir=tmp_path, analyst="mei")))
    page = client.get(f"/partnerships/{pid}").text
    typed = {"csrf": csrf_of(page), "a": "TW-TPE", "b": "prov:JP:sendai", "relation": "friendship",
             "status": "proposed", "established": "the year of the dragon", "themes": "tourism, health"}
    refused = client.post(f"/partnerships/{pid}/edit", data=typed, follow_redirects=False)
    assert refused.status_code == 422
    html = refused.text
    assert "Not saved: established: &#39;the year of the dragon&#39; is not a date" in html
    assert re.search(r'name="established" value="the year of the dragon"[^>]* aria-invalid="true" autofocus', html)
    assert 'value="tourism, health"' in html
    assert '<option value="friendship" selected>' in html and '<option value="proposed" selected>' in html
    assert client.get("/decisions").text.count("/undo") == 1, "nothing was decided (only the header's undo)"

    merge = client.post("/places/merge", data={"csrf": typed["csrf"], "source": "prov:JP:sendai",
                                               "into": "gn:nowhere", "next": f"/partnerships/{pid}"})
    assert merge.status_code == 422
    assert re.search(r'name="into" value="gn:nowhere"[^>]* aria-invalid="true" autofocus', merge.text)
    assert "Not merged: into: no place with id &#39;gn:nowhere&#39;" in merge.text
    elsewhere = client.post("/places/merge", data={"csrf": typed["csrf"], "source": "prov:XX:typo", "into": "TW-TPE"})
    assert elsewhere.status_code == 422 and 'value="prov:XX:typo"' in elsewhere.text
    assert 'name="next" value="/decisions"' in elsewhere.text, "the page's own forms still lead back to it"


def test_no_page_shows_none_for_a_missing_value(sqlite_url, tmp_path):
    pid = seed_sparse(sqlite_url)
    client = TestClient(create_app(load_settings(database_url=sqlite_url, raw_dir=tmp_path, analyst="mei")))
    page = client.get(f"/partnerships/{pid}").text
    # An edit from no date to a date: the decision's 'before' and the machine's value are None.
    done = client.post(f"/partnerships/{pid}/edit", data={"csrf": csrf_of(page), "established": "2019"})
    assert done.status_code == 200 and "edited" in done.text
    assert "Machine said</dt><dd>established = —; established_precision = —" in done.text
    decisions = client.get("/decisions").text
    assert "established: — → 2019-01-01" in decisions
    client.post(f"/partnerships/{pid}/edit", data={"csrf": csrf_of(page), "established": ""})  # and back
    for path in ("/queue", "/partnerships", f"/partnerships/{pid}", "/documents/1", "/decisions", "/charts",
                 "/charts?reviewed=1"):
        html = client.get(path).text
        assert "None" not in html, f"{path}: {html[max(0, html.find('None') - 200):html.find('None') + 50]}"


def test_a_decision_in_the_queue_or_on_a_page_opened_from_it_comes_back_to_the_same_place(sqlite_url, tmp_path):
    pid = seed_sparse(sqlite_url)
    client = TestClient(create_app(load_settings(database_url=sqlite_url, raw_dir=tmp_path, analyst="mei")))

    def after(html: str, verb: str) -> str:
        """Where the page's accept or reject button leads."""
        return re.search(rf'action="/partnerships/{pid}/{verb}" class="inline">\s*<input type="hidden" '
                         r'name="csrf" value="[^"]+"><input type="hidden" name="next" value="([^"]+)"', html)[1]

    queue = client.get("/queue").text
    assert after(queue, "accept") == after(queue, "reject") == "/queue?page=1&amp;at=0"  # where the next item will be
    opened = f"/partnerships/{pid}?back=%2Fqueue%3Fpage%3D1%26at%3D0"
    assert f'data-href="{opened}"' in queue and f'href="{opened}#edit" data-key="e"' in queue
    page = client.get(opened).text
    assert after(page, "accept") == after(page, "reject") == "/queue?page=1&amp;at=0", "back to the queue"
    accepted = client.post(f"/partnerships/{pid}/accept", data={"csrf": csrf_of(page), "next": "/queue?page=1&at=0"},
                           follow_redirects=False)
    assert accepted.headers["location"].startswith("/queue?page=1&at=0&flash=")
    for back in ("", "https://example.org/", "//example.org/queue"):
        elsewhere = client.get(f"/partnerships/{pid}?back={back}").text
        assert after(elsewhere, "accept") == f"/partnerships/{pid}", "opened from elsewhere, a decision stays here"
