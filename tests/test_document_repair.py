"""The document page repairs what the pipeline missed: what it found is
marked and each mention can be rejected alone; selecting a sentence and
picking two places from the gazetteers adds a partnership, in the browser
as over plain HTTP; a refused addition keeps what was typed."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By
from starlette.testclient import TestClient

from browser import browser_fixture, live_server  # noqa: F401 (the fixture)
from desk import build_desk
from models.store import Store
from review.app import create_app
from tests.test_decisions import ARTICLES
from test_review_browser import until

COLUMBUS_GA = "gn:4188985"


@pytest.fixture
def desk(tmp_path):
    return build_desk(tmp_path, ARTICLES)


def doc_id(settings, words: str) -> tuple[int, int, int]:
    from tests.test_additions import document_with

    store = Store(settings.database_url)
    try:
        return document_with(store, words)
    finally:
        store.close()


def token(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def test_an_analyst_adds_a_missed_tie_and_rejects_a_mention_over_http(desk):
    client = TestClient(create_app(desk))
    doc, start, end = doc_id(desk, "Kaohsiung and Cebu City in the Philippines signed")
    page = client.get(f"/documents/{doc}").text
    assert '<mark class="found"' in page and "Reject mention" in page
    refused = client.post(f"/documents/{doc}/add", data={
        "csrf": token(page), "a": "TW-KHH", "b": "Columbus, US", "relation": "sister", "event": "established",
        "date": "2023", "start": str(start), "end": str(end), "next": f"/documents/{doc}"})
    assert refused.status_code == 422 and "Not added" in refused.text and "Georgia" in refused.text
    assert 'value="Columbus, US"' in refused.text and 'value="2023"' in refused.text  # nothing typed is lost
    added = client.post(f"/documents/{doc}/add", data={
        "csrf": token(page), "a": "TW-KHH", "b": COLUMBUS_GA, "relation": "sister", "event": "established",
        "date": "2023", "start": str(start), "end": str(end), "next": f"/documents/{doc}"})
    assert added.status_code == 200 and "added Kaohsiung – Columbus (sister, established)" in added.text
    assert "Columbus" in client.get("/partnerships?q=Columbus").text
    mention = re.search(r'action="/mentions/(\d+)/reject"', page)[1]
    rejected = client.post(f"/mentions/{mention}/reject", data={"csrf": token(page), "next": f"/documents/{doc}"})
    assert "rejected mention" in rejected.text and "Reject mention" not in rejected.text.split("Found here")[1]


def test_the_place_search_names_each_place_with_its_area(desk):
    client = TestClient(create_app(desk))
    found = client.get("/places/search?q=Columbus").json()
    assert {"id": COLUMBUS_GA, "label": "Columbus — Georgia, US · city"} in found
    assert any(c["label"].startswith("Sendai — Miyagi, JP") for c in client.get("/places/search?q=仙台").json())
    assert client.get("/places/search?q=" + "x" * 5000).status_code == 200


def test_in_the_browser_a_selection_fills_the_evidence_and_the_picker_offers_places(desk, browser):
    doc, start, end = doc_id(desk, "Kaohsiung and Cebu City in the Philippines signed")
    with live_server(create_app(desk)) as url:
        browser.get(f"{url}/documents/{doc}")
        # Select the sentence the way a mouse would: a range over the marked text.
        browser.execute_script(
            "var mark = document.querySelector('#doc-text mark.found');"
            "var range = document.createRange(); range.selectNodeContents(mark);"
            "var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);")
        form = browser.find_element(By.ID, "add-form")
        until(browser, lambda b: form.find_element(By.NAME, "start").get_attribute("value") != "")
        chosen_start = int(form.find_element(By.NAME, "start").get_attribute("value"))
        chosen_end = int(form.find_element(By.NAME, "end").get_attribute("value"))
        assert chosen_start == start and chosen_end > end  # the whole marked sentence
        assert "Kaohsiung and Cebu City" in browser.find_element(By.ID, "evidence-preview").text
        form.find_element(By.NAME, "b").send_keys("Columbu")
        until(browser, lambda b: b.find_elements(By.CSS_SELECTOR, f"#place-choices option[value='{COLUMBUS_GA}']"))
        form.find_element(By.NAME, "b").clear()
        form.find_element(By.NAME, "b").send_keys(COLUMBUS_GA)
        form.find_element(By.NAME, "a").send_keys("TW-KHH")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        until(browser, lambda b: "added Kaohsiung – Columbus" in b.find_element(By.CLASS_NAME, "flash").text)
