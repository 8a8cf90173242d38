"""Review app edges the audit of issue 14 tried that no test held yet: the
login throttle per client address, Secure cookies behind a proxy that says
HTTPS, a configured public name, and a 100,000-character search."""

from __future__ import annotations

import asyncio
import re

import pytest
from starlette.testclient import TestClient

from desk import build_desk
from review.app import create_app
from review.auth import set_user

ARTICLES = {"tainan-sendai.txt": "Date: 2022-08-01\n\nTainan and Sendai in Japan signed a friendship city "
                                 "agreement on Monday, officials said.\n"}


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return build_desk(tmp_path_factory.mktemp("edges"), ARTICLES)


@pytest.fixture
def users(tmp_path):
    path = tmp_path / "reviewers.txt"
    set_user(path, "chen", "correct horse battery")
    return path


def login(client, name, password):
    form = client.get("/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', form)[1]
    return client.post("/login", data={"csrf": token, "name": name, "password": password, "next": "/queue"})


def test_one_address_trying_many_names_is_throttled_too(settings, users):
    client = TestClient(create_app(settings, users))
    assert [login(client, f"guess{i}", "x").status_code for i in range(5)] == [401] * 5
    # a name never tried before, with its right password: the address is locked
    assert login(client, "chen", "correct horse battery").status_code == 429


def test_cookies_are_secure_behind_a_proxy_that_says_https(settings, users):
    client = TestClient(create_app(settings, users), headers={"x-forwarded-proto": "https"})
    answer = client.get("/login")
    cookies = [v for k, v in answer.headers.multi_items() if k == "set-cookie"]
    assert cookies and all("Secure" in c for c in cookies)


def test_the_desk_answers_to_its_public_name_and_no_other(settings):
    app = create_app(settings, hosts=("127.0.0.1", "desk.example.org"))
    assert TestClient(app, base_url="http://desk.example.org").get("/queue").status_code == 200
    assert TestClient(app, base_url="http://127.0.0.1:8700").get("/queue").status_code == 200
    assert TestClient(app, base_url="http://desk.example.org.evil.example").get("/queue").status_code == 400


def test_a_search_of_100000_characters_is_a_page(settings):
    # httpx refuses URLs past 64 KiB, so the request goes to the ASGI app directly
    app = create_app(settings)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": "/partnerships", "raw_path": b"/partnerships", "root_path": "",
             "query_string": b"q=" + b"a" * 100_000, "headers": [(b"host", b"127.0.0.1:8700")],
             "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8700)}
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 200
