"""The review app in a real headless Chromium: an analyst accepts one item
with the keyboard, corrects another, undoes it, and the database says so;
a document that carries a <script> shows it as text and never runs it."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from desk import build_desk
from browser import browser_fixture, console_messages, live_server  # noqa: F401 (the fixture)
from models.store import Store
from review.app import create_app

HOSTILE = "<script>document.title='pwned';console.log('pwned')</script><img src=x onerror=\"console.log('pwned')\">"
ARTICLES = {
    "kaohsiung-cebu.txt": "Date: 2023-05-13\n\nKaohsiung and Cebu City in the Philippines signed a sister city "
                          f"agreement {HOSTILE} on Friday to expand trade and tourism.\n",
    "tainan-sendai.txt": "Date: 2022-08-01\n\nTainan and Sendai in Japan renewed their friendship city agreement "
                         "on Monday, officials said, with plans for student exchanges.\n",
    "taoyuan-jonava.txt": "Date: 2024-02-02\n\nTaoyuan Mayor Chang San-cheng said the city hopes to sign a sister "
                          "city agreement with Jonava in Lithuania later this year.\n",
}


@pytest.fixture
def desk(tmp_path):
    return build_desk(tmp_path, ARTICLES)


def until(browser, condition, seconds: float = 10):
    """Wait for a condition, looking again while the page is being replaced
    (an element of the page being left goes stale under the finger)."""
    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(browser, seconds, ignored_exceptions=ignored).until(condition)


def flash_says(word: str):
    return lambda b: word in b.find_element(By.CLASS_NAME, "flash").text


def rows(settings) -> dict[str, dict]:
    store = Store(settings.database_url)
    with store.engine.connect() as conn:
        found = {r["b"]: r for r in map(lambda x: dict(x._mapping), conn.execute(store.partnerships_query(
            rejected=True)))}
    store.close()
    return found


def decisions(settings) -> list[dict]:
    store = Store(settings.database_url)
    found = store.decisions(active=False)
    store.close()
    return found


def test_an_analyst_accepts_corrects_and_undoes_in_the_browser(desk, browser):
    with live_server(create_app(desk)) as url:
        browser.get(f"{url}/queue")
        first = browser.find_element(By.CSS_SELECTOR, ".item.focused .pair a").text
        browser.find_element(By.TAG_NAME, "body").send_keys("a")  # accept the focused item
        until(browser, flash_says("accepted"))
        accepted = [r for r in rows(desk).values() if r["review"] == "accepted"]
        assert len(accepted) == 1 and accepted[0]["b"] in first and accepted[0]["reviewed_by"] == "mei"

        sendai = rows(desk)["Sendai"]
        browser.get(f"{url}/partnerships/{sendai['id']}")
        Select(browser.find_element(By.NAME, "relation")).select_by_value("sister")
        year = browser.find_element(By.NAME, "established")
        year.clear()
        year.send_keys("2006-10")
        browser.find_element(By.CSS_SELECTOR, "#edit-form button[type=submit]").click()
        until(browser, flash_says("edited"))
        edited = rows(desk)["Sendai"]
        assert (edited["relation"], edited["established"].isoformat(), edited["review"]) == \
            ("sister", "2006-10-01", "edited")

        browser.find_element(By.TAG_NAME, "body").send_keys("u")  # undo my last decision
        until(browser, flash_says("undid"))
        restored = rows(desk)["Sendai"]
        # Undo restores the row as it was before the edit (accepted, if the queue's first item was Sendai).
        assert (restored["relation"], restored["review"]) == (sendai["relation"], sendai["review"])
        log = decisions(desk)
        assert [(d["action"], d["analyst"], d["undone_at"] is not None) for d in log] == \
            [("accept", "mei", False), ("edit", "mei", True)]


def focused(browser) -> str:
    """What has the keyboard focus: an element's id, or a form field's form and name."""
    return browser.execute_script("var e = document.activeElement; return e.form ? e.form.id + ':' + e.name : e.id;")


def press(browser, key: str) -> None:
    # Keys go where the focus is, as a keyboard would send them (no click first).
    ActionChains(browser).send_keys(key).perform()


def test_after_a_decision_the_next_item_has_focus_and_e_goes_to_the_edit_form(desk, browser):
    with live_server(create_app(desk)) as url:
        browser.get(f"{url}/queue")
        first, second, third = browser.execute_script("return [...document.querySelectorAll('.item')].map(e => e.id)")
        until(browser, lambda b: focused(b) == first)
        press(browser, "j")
        press(browser, "a")  # accept the second item...
        until(browser, flash_says("accepted"))
        until(browser, lambda b: focused(b) == third)  # ...and the next one has the focus
        assert browser.find_element(By.CSS_SELECTOR, ".item.focused").get_attribute("id") == third

        press(browser, "k")
        press(browser, Keys.ENTER)  # open the first item; there, e is the edit form
        until(browser, lambda b: f"/partnerships/{first[5:]}?" in b.current_url
              and b.execute_script("return document.readyState") == "complete")
        press(browser, "e")
        assert focused(browser) == "edit-form:b"
        browser.execute_script("document.activeElement.blur()")  # out of the field, keys are shortcuts again
        press(browser, "r")  # rejected there: back in the queue, where the next item has the focus
        until(browser, flash_says("rejected"))
        until(browser, lambda b: focused(b) == third)
        assert "/queue?" in browser.current_url

        press(browser, "e")  # in the queue, e opens the item with its edit form focused
        until(browser, lambda b: b.current_url.endswith("#edit") and focused(b) == "edit-form:b")
        assert f"/partnerships/{third[5:]}?" in browser.current_url
    reviews = {f"item-{r['id']}": r["review"] for r in rows(desk).values()}
    assert reviews == {first: "rejected", second: "accepted", third: "pending"}


def test_a_script_inside_a_document_is_shown_as_text_and_never_runs(desk, browser):
    cebu = rows(desk)["Cebu City"]
    with live_server(create_app(desk)) as url:
        for page in ("/queue", f"/partnerships/{cebu['id']}", "/documents/1"):
            browser.get(url + page)
            assert "pwned" not in browser.title
            assert "<script>document.title='pwned'" in browser.find_element(By.TAG_NAME, "main").text
            assert browser.execute_script("return document.querySelectorAll('main script, main img').length") == 0
        assert not [m for m in console_messages(browser) if "pwned" in m]


def test_the_queue_and_the_charts_render_as_pictures(desk, browser, tmp_path):
    """The README's screenshots (docs/screenshots) are taken the same way, on the samples."""
    with live_server(create_app(desk)) as url:
        for page, name in (("/queue", "queue.png"), ("/charts", "charts.png")):
            browser.get(url + page)
            assert browser.find_element(By.TAG_NAME, "h1").text
            assert browser.find_elements(By.CSS_SELECTOR, ".item, figure.chart img"), f"{page} shows its content"
            assert browser.save_screenshot(str(tmp_path / name))
            assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
