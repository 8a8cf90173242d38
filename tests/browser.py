"""Browser tests: the web app in a real headless Chromium, driven by Selenium.

The browser and its driver come from the Debian packages ``chromium`` and
``chromium-driver`` (``make test`` and ``.ci/run`` install them when missing).
Nothing is ever downloaded at run time: the driver is given to Selenium
explicitly, so Selenium Manager is never asked, and ``SE_OFFLINE=true`` keeps
it offline should anything call it anyway.  Without Chromium the browser tests
fail with the command that installs it; they are never skipped.

Use from a test module (``tests/`` is on ``sys.path``)::

    from browser import browser_fixture, live_server  # noqa: F401 (the fixture)

    def test_home(browser):                      # fixture: a fresh Chromium
        with live_server(create_app()) as url:   # the app on 127.0.0.1:<free port>
            browser.get(url + "/")
            assert browser.title == "City pairs"

or without fixtures::

    with live_server(app) as url, headless_chromium(downloads=tmp_path) as driver:
        driver.get(url + "/export")

Helpers here:

* ``chromium_paths()``: ``(chromium, chromedriver)`` or ``None``.
* ``live_server(app)``: serves an ASGI app with uvicorn in a thread; yields the base URL.
* ``headless_chromium(downloads=None)``: a ``selenium.webdriver.Chrome``, quit at exit.
* ``console_messages(driver)``: the browser console lines logged since the last call.
* ``browser`` fixture (import ``browser_fixture``; it registers as ``browser``):
  ``headless_chromium(downloads=tmp_path / "downloads")``.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from selenium.webdriver import Chrome

# Selenium Manager may download browsers and drivers; it must never run here.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

INSTALL_HINT = (
    "Chromium and its driver are missing. The browser tests need the Debian packages "
    "'chromium' and 'chromium-driver': run `make test` (or `make browser`, or `.ci/run`), "
    "which installs them, or by hand: "
    "sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
)

WINDOW_SIZE = (1400, 1000)


def chromium_paths() -> tuple[str, str] | None:
    """The Debian Chromium binary and chromedriver, or None if either is missing."""

    def find(fixed: str, *names: str) -> str | None:
        if os.access(fixed, os.X_OK):
            return fixed
        for name in names:
            if found := shutil.which(name):
                return found
        return None

    browser = find("/usr/bin/chromium", "chromium", "chromium-browser")
    driver = find("/usr/bin/chromedriver", "chromedriver")
    if browser is None or driver is None:
        return None
    return browser, driver


def _free_socket() -> socket.socket:
    """A TCP socket bound to 127.0.0.1 on a port the OS picked."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def _answers(host: str, port: int) -> bool:
    """Whether an HTTP server answers on host:port (any status will do)."""
    conn = http.client.HTTPConnection(host, port, timeout=2)
    try:
        conn.request("GET", "/")
        conn.getresponse().read()
        return True
    except OSError:
        return False
    finally:
        conn.close()


@contextlib.contextmanager
def live_server(app: Any, *, startup_timeout: float = 10.0, **config: Any) -> Iterator[str]:
    """Serve an ASGI app (FastAPI) on 127.0.0.1 at a free port; yield its base URL.

    uvicorn runs in a background thread, the lifespan (startup/shutdown) included.
    Extra keyword arguments go to ``uvicorn.Config``.  The URL has no trailing
    slash, e.g. ``http://127.0.0.1:41234``.
    """
    import uvicorn

    sock = _free_socket()
    host, port = sock.getsockname()[:2]
    config.setdefault("log_level", "warning")
    config.setdefault("access_log", False)
    config.setdefault("timeout_graceful_shutdown", 5)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, **config))
    failure: list[BaseException] = []

    def serve() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as err:  # noqa: BLE001  SystemExit: uvicorn's failed startup
            failure.append(err)

    thread = threading.Thread(target=serve, name=f"live-server-{port}", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                if failure and isinstance(failure[0], SystemExit):
                    detail = ": the app's startup failed (traceback in the uvicorn log above)"
                elif failure:
                    detail = f": {failure[0]!r}"
                else:
                    detail = f" within {startup_timeout} s"
                raise RuntimeError(f"the live server on {host}:{port} did not start{detail}")
            time.sleep(0.01)
        if not _answers(host, port):
            raise RuntimeError(f"the live server on {host}:{port} started but does not answer")
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if thread.is_alive():
            server.force_exit = True
            thread.join(timeout=5)
        sock.close()
    if thread.is_alive():
        raise RuntimeError(f"the live server on {host}:{port} did not shut down")


@contextlib.contextmanager
def headless_chromium(downloads: Path | None = None) -> Iterator[Chrome]:
    """A Selenium ``webdriver.Chrome`` on the Debian headless Chromium, quit at exit.

    ``downloads``: the folder downloads are saved to, without asking (created
    if missing).  The browser console is recorded; read it with
    ``console_messages(driver)``.  Fails the test (never skips) without Chromium.
    """
    paths = chromium_paths()
    if paths is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    browser_path, driver_path = paths

    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser_path
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={WINDOW_SIZE[0]},{WINDOW_SIZE[1]}",
        "--lang=en-US",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if downloads is not None:
        downloads.mkdir(parents=True, exist_ok=True)
        options.add_experimental_option(
            "prefs",
            {
                "download.default_directory": str(downloads),
                "download.prompt_for_download": False,
                "download.directory_upgrade": True,
            },
        )

    # An explicit driver path: Selenium skips Selenium Manager entirely.
    service = Service(executable_path=driver_path)
    try:
        driver = webdriver.Chrome(options=options, service=service)
    except WebDriverException as err:
        pytest.fail(
            f"Chromium ({browser_path}) with {driver_path} did not start: {err.msg}\n"
            "The 'chromium' and 'chromium-driver' packages must have the same version: "
            "sudo apt-get install -y chromium chromium-driver",
            pytrace=False,
        )
    try:
        driver.set_page_load_timeout(20)
        driver.set_script_timeout(10)
        if downloads is not None:
            driver.execute_cdp_cmd(
                "Browser.setDownloadBehavior",
                {"behavior": "allow", "downloadPath": str(downloads)},
            )
        yield driver
    finally:
        driver.quit()


def console_messages(driver: Chrome) -> list[str]:
    """The browser console lines (``console.log``, errors) since the last call.

    Each line is ``LEVEL source line:column message``, as Chromium writes it, e.g.
    ``INFO http://127.0.0.1:41234/ 12:9 "clicked"`` or ``SEVERE ... Uncaught Error``.
    """
    return [f"{entry['level']} {entry['message']}" for entry in driver.get_log("browser")]


@pytest.fixture(name="browser")
def browser_fixture(tmp_path: Path) -> Iterator[Chrome]:
    """A fresh headless Chromium for one test; downloads land in ``tmp_path / "downloads"``."""
    with headless_chromium(downloads=tmp_path / "downloads") as driver:
        yield driver
