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
    assert set(exported["b_country"]) == {"JP"} and set(exported["relation"]) == {"sister"}
    assert "rejected" not in set(exported["review"]), "rejected rows stay out unless asked for"

    queue = client.get("/queue").text
    priorities = [float(x) for x in re.findall(r'data-priority="([\d.]+)"', queue)]
    assert priorities and priorities == sorted(priorities, reverse=True), "highest priority first"
