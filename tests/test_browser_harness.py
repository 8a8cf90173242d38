"""The browser harness itself: a tiny FastAPI app in the real headless Chromium."""

from __future__ import annotations

import contextlib
import html
import struct
import time
from pathlib import Path
from urllib.parse import parse_qs

import browser as harness
import jinja2
import pytest
from browser import (
    browser_fixture,  # noqa: F401  (the `browser` fixture)
    chromium_paths,
    console_messages,
    headless_chromium,
    live_server,
)
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from markupsafe import Markup
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

PAYLOAD = "<script>document.title='pwned'</script>"
PAYLOAD_LOG = "<script>console.log('pwned')</script>"

PAGE = jinja2.Environment(autoescape=True).from_string(
    """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
  <h1>{{ title }}</h1>
  {{ body }}
</body></html>"""
)


def page(title: str, body: str | Markup = "") -> HTMLResponse:
    return HTMLResponse(PAGE.render(title=title, body=body))


def make_app() -> FastAPI:
    app = FastAPI()

    @app.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        return page(
            "Harness home",
            Markup(
                """<p id="status">Waiting</p>
<button id="go" type="button">Go</button>
<script>
  document.getElementById("go").addEventListener("click", () => {
    document.getElementById("status").textContent = "Clicked";
    console.log("clicked");
  });
</script>
<form method="post" action="/greet">
  <label>Name <input name="name" id="name"></label>
  <button id="send" type="submit">Send</button>
</form>
<a id="export" href="/export.csv">Export</a>"""
            ),
        )

    @app.post("/greet", response_class=HTMLResponse)
    async def greet(request: Request) -> HTMLResponse:
        # Parsed by hand: FastAPI's Form() would need python-multipart.
        form = parse_qs((await request.body()).decode())
        name = form.get("name", [""])[0]
        return page("Greeting", Markup('<p id="greeting">Hello, {}!</p>').format(name))

    @app.get("/export.csv")
    def export() -> PlainTextResponse:
        return PlainTextResponse(
            "city_a,city_b\nTaipei,Boston\n",
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="pairs.csv"'},
        )

    @app.get("/comment", response_class=HTMLResponse)
    def comment() -> HTMLResponse:
        # Autoescaped by Jinja2 and, the second one, by html.escape.
        escaped = Markup(f'<p id="by-hand">{html.escape(PAYLOAD_LOG)}</p>')
        return page("Comments", Markup('<p id="by-jinja">{}</p>').format(PAYLOAD) + escaped)

    return app


@pytest.fixture(scope="module")
def base_url():
    with live_server(make_app()) as url:
        yield url


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file; fails if it is not one."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    assert data[12:16] == b"IHDR"
    assert data[-8:-4] == b"IEND", "PNG truncated"
    return struct.unpack(">II", data[16:24])


def test_chromium_is_installed():
    assert chromium_paths() is not None, harness.INSTALL_HINT


def test_page_click_form_screenshot(browser, base_url, tmp_path):
    browser.get(base_url + "/")
    assert browser.title == "Harness home"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Harness home"
    assert browser.find_element(By.ID, "status").text == "Waiting"

    browser.find_element(By.ID, "go").click()
    WebDriverWait(browser, 5).until(ec.text_to_be_present_in_element((By.ID, "status"), "Clicked"))
    assert any('"clicked"' in line for line in console_messages(browser))

    shot = tmp_path / "home.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 1000
    width, height = png_size(shot)  # the viewport: the 1400x1000 window less its frame
    assert width == 1400 and 500 < height <= 1000

    browser.find_element(By.ID, "name").send_keys("Taipei & <Boston>")
    browser.find_element(By.ID, "send").click()
    WebDriverWait(browser, 5).until(ec.title_is("Greeting"))
    assert browser.current_url == base_url + "/greet"
    assert browser.find_element(By.ID, "greeting").text == "Hello, Taipei & <Boston>!"


def test_download_lands_in_folder(browser, base_url, tmp_path):
    browser.get(base_url + "/")
    browser.find_element(By.ID, "export").click()
    target = tmp_path / "downloads" / "pairs.csv"
    # The file may appear before Chrome has written into it: wait for its bytes.
    deadline = time.monotonic() + 5
    while not (target.exists() and target.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert target.read_text() == "city_a,city_b\nTaipei,Boston\n"


def test_escaped_script_does_not_run(browser, base_url):
    browser.get(base_url + "/comment")
    assert browser.find_element(By.ID, "by-jinja").text == PAYLOAD
    assert browser.find_element(By.ID, "by-hand").text == PAYLOAD_LOG
    assert browser.title == "Comments"
    assert browser.execute_script("return document.scripts.length") == 0
    assert not [line for line in console_messages(browser) if "pwned" in line]


def test_selenium_manager_is_never_used(base_url, monkeypatch):
    from selenium.webdriver.common.selenium_manager import SeleniumManager

    def refuse(*args, **kwargs):
        raise AssertionError("Selenium Manager was asked for a browser or driver")

    monkeypatch.setattr(SeleniumManager, "binary_paths", refuse)
    with headless_chromium() as driver:
        driver.get(base_url + "/")
        assert driver.title == "Harness home"
        assert driver.capabilities["browserName"] == "chrome"


def test_missing_chromium_fails_with_install_hint(monkeypatch):
    monkeypatch.setattr(harness, "chromium_paths", lambda: None)
    expected = "apt-get install -y chromium chromium-driver"
    with pytest.raises(pytest.fail.Exception, match=expected), headless_chromium():
        pass


def test_live_server_reports_failed_startup():
    @contextlib.asynccontextmanager
    async def broken(app):
        raise RuntimeError("no database")
        yield

    expected = "did not start: the app's startup failed"
    with pytest.raises(RuntimeError, match=expected), live_server(FastAPI(lifespan=broken)):
        pass
