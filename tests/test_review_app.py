"""The review app over HTTP (no browser): CSRF, logins, errors without
stack traces, escaping, security headers and exports of the current view."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from starlette.testclient import TestClient

from models.store import Store
from desk import build_desk
from review import actions
from review.app import create_app
from review.auth import set_user

ARTICLES = {
    "kaohsiung-cebu.txt": "Date: 2023-05-13\n\nKaohsiung and Cebu City in the Philippines signed a sister city "
                          "agreement <script>alert('x')</script> on Friday to expand trade and tourism.\n",
    "tainan-sendai.txt": "Date: 2022-08-01\n\nTainan and Sendai in Japan signed a friendship city agreement on "
                         "Monday, officials said, with plans for student exchanges.\n",
    "taoyuan-jonava.txt": "Date: 2024-02-02\n\nTaoyuan and Jonava in Lithuania signed a sister city agreement on "
                          "Tuesday covering smart city projects.\n",
}


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return build_desk(tmp_path_factory.mktemp("app"), ARTICLES)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def ids(settings) -> dict[str, int]:
    store = Store(settings.database_url)
    found = {r["b"]: r["id"] for r in store.partnerships()}
    store.close()
    return found


def test_a_post_without_the_form_token_is_refused_and_changes_nothing(settings):
    client = TestClient(create_app(settings))
    client.get("/queue")
    pid = ids(settings)["Sendai"]
    for token in ("", "forged"):
        answer = client.post(f"/partnerships/{pid}/accept", data={"csrf": token}, follow_redirects=False)
        assert answer.status_code == 403
    stranger = TestClient(create_app(settings))  # another browser's token is no good either
    answer = stranger.post(f"/partnerships/{pid}/accept", data={"csrf": csrf_of(client.get("/queue").text)})
    assert answer.status_code == 403
    store = Store(settings.database_url)
    assert store.decisions() == []
    store.close()


def test_document_text_is_escaped_and_pages_carry_a_strict_content_security_policy(settings):
    client = TestClient(create_app(settings))
    page = client.get(f"/partnerships/{ids(settings)['Cebu City']}")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text
    assert "<script>alert" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    original = client.get("/documents/1/original")
    assert original.headers["content-security-policy"].startswith("sandbox")


def test_errors_show_a_plain_page_and_never_a_stack_trace(settings, monkeypatch):
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    for path, status in (("/partnerships/999999", 404), ("/partnerships/not-a-number", 404), ("/nowhere", 404)):
        answer = client.get(path)
        assert answer.status_code == status and "text/html" in answer.headers["content-type"]
        assert "Traceback" not in answer.text
    from models import review_queries

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail of the crash")

    monkeypatch.setattr(review_queries, "queue", broken)
    answer = client.get("/queue")
    assert answer.status_code == 500
    assert "secret detail" not in answer.text and "Traceback" not in answer.text


def test_a_login_is_required_when_a_password_file_is_given(settings, tmp_path):
    users = tmp_path / "reviewers.txt"
    set_user(users, "chen", "correct horse battery")
    assert "correct horse" not in users.read_text(), "passwords are stored hashed"
    client = TestClient(create_app(settings, users))
    assert client.get("/queue", follow_redirects=False).headers["location"].startswith("/login")
    form = client.get("/login").text
    wrong = client.post("/login", data={"csrf": csrf_of(form), "name": "chen", "password": "guess"})
    assert wrong.status_code == 401 and "wrong password" in wrong.text
    right = client.post("/login", data={"csrf": csrf_of(form), "name": "chen", "password": "correct horse battery",
                                        "next": "/queue"})
    assert right.status_code == 200 and "Review queue" in right.text
    pid = ids(settings)["Jonava"]
    client.post(f"/partnerships/{pid}/reject", data={"csrf": csrf_of(right.text)})
    store = Store(settings.database_url)
    [decision] = store.decisions(target=store.partnership_row_key(pid))
    actions.undo(store, decision["id"], "chen")
    store.close()
    assert decision["analyst"] == "chen", "decisions carry the logged-in name"


def test_the_current_view_exports_to_csv_and_excel(settings):
    client = TestClient(create_app(settings))
    store = Store(settings.database_url)
    done = actions.reject(store, store.partnership_row_key(ids(settings)["Jonava"]), "mei")
    try:
        csv = pd.read_csv(io.StringIO(client.get("/partnerships.csv?relation=sister").text))
        excel = pd.read_excel(io.BytesIO(client.get("/partnerships.xlsx?relation=sister").content))
        everything = pd.read_csv(io.StringIO(client.get("/partnerships.csv").text))
    finally:
        actions.undo(store, done.decision_id, "mei")
        store.close()
    assert list(csv["partner"]) == ["Cebu City"], "sister rows only, and not the rejected Jonava row"
    assert excel["partner"].tolist() == csv["partner"].tolist()
    assert set(everything["partner"]) == {"Cebu City", "Sendai"}
    from models.export_schema import COLUMNS

    assert list(csv.columns) == list(excel.columns) == list(COLUMNS), "the schema citypairs export writes"
    assert csv.loc[0, "evidence"].startswith("Kaohsiung and Cebu City") and csv.loc[0, "source_url"].endswith(".txt")
    assert {"relation", "status", "established", "themes", "review", "n_sources"} <= set(csv.columns)


def test_a_request_naming_another_host_is_refused(settings):
    app = create_app(settings, hosts=("127.0.0.1", "localhost"))
    assert TestClient(app, base_url="http://127.0.0.1:8700").get("/queue").status_code == 200
    assert TestClient(app, base_url="http://localhost:8700").get("/queue").status_code == 200
    # a page on a domain that resolves to this machine (DNS rebinding)
    rebinding = TestClient(app, base_url="http://attacker.example:8700")
    assert rebinding.get("/queue").status_code == 400
    assert rebinding.post("/partnerships/1/accept", data={"csrf": "x"}).status_code == 400


def test_a_huge_post_is_refused_before_it_is_read(settings):
    client = TestClient(create_app(settings))
    answer = client.post("/login", content=b"a" * 2_000_000,
                         headers={"content-type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 413


def test_a_cell_that_would_run_as_a_formula_is_inert_in_downloads(settings):
    import io

    import pandas as pd

    from models import schema as t
    from sqlalchemy import update

    store = Store(settings.database_url)
    with store.engine.begin() as conn:
        conn.execute(update(t.places).where(t.places.c.name == "Sendai").values(name='=HYPERLINK("http://x")'))
    store.close()
    client = TestClient(create_app(settings))
    csv = client.get("/partnerships.csv").text
    assert "'=HYPERLINK" in csv and '"=HYPERLINK' not in csv and ",=HYPERLINK" not in csv
    sheet = pd.read_excel(io.BytesIO(client.get("/partnerships.xlsx").content))
    store = Store(settings.database_url)
    with store.engine.begin() as conn:  # the desk is shared by this module's tests
        conn.execute(update(t.places).where(t.places.c.name == '=HYPERLINK("http://x")').values(name="Sendai"))
    store.close()
    assert not sheet.astype(str).apply(lambda col: col.str.startswith("=")).any().any()


def login(client, name, password):
    form = client.get("/login").text
    return client.post("/login", data={"csrf": csrf_of(form), "name": name, "password": password,
                                       "next": "/queue"})


def test_logins_are_throttled_per_name_even_for_the_right_password(settings, tmp_path):
    users = tmp_path / "reviewers.txt"
    set_user(users, "chen", "correct horse battery")
    client = TestClient(create_app(settings, users))
    answers = [login(client, "chen", f"guess {i}").status_code for i in range(5)]
    assert answers == [401] * 5
    locked = login(client, "chen", "correct horse battery")
    assert locked.status_code == 429 and "Too many failed logins" in locked.text


def test_an_unknown_name_costs_as_long_as_a_known_one(settings, tmp_path):
    import time

    users = tmp_path / "reviewers.txt"
    set_user(users, "chen", "correct horse battery")
    client = TestClient(create_app(settings, users))

    def timed(name):
        start = time.perf_counter()
        assert login(client, name, "wrong").status_code == 401
        return time.perf_counter() - start

    known = min(timed("chen") for _ in range(2))
    unknown = min(timed(f"nobody{i}") for i in range(2))
    assert unknown > known / 3, (known, unknown)  # both run the password hash


def test_logout_and_a_password_change_end_sessions(settings, tmp_path):
    users = tmp_path / "reviewers.txt"
    set_user(users, "chen", "correct horse battery")
    client = TestClient(create_app(settings, users))
    page = login(client, "chen", "correct horse battery")
    stolen = client.cookies.get("cp_session")
    assert stolen
    client.post("/logout", data={"csrf": csrf_of(page.text)})
    thief = TestClient(client.app, cookies={"cp_session": stolen})
    assert thief.get("/queue", follow_redirects=False).status_code == 303, "a logged-out session is dead"

    login(client, "chen", "correct horse battery")
    kept = client.cookies.get("cp_session")
    set_user(users, "chen", "a new passphrase")
    fresh = TestClient(create_app(settings, users, ), cookies={"cp_session": kept})
    assert fresh.get("/queue", follow_redirects=False).status_code == 303, "the old password's session is dead"


def test_session_cookies_are_secure_behind_https(settings, tmp_path):
    users = tmp_path / "reviewers.txt"
    set_user(users, "chen", "correct horse battery")
    client = TestClient(create_app(settings, users), base_url="https://127.0.0.1")
    answer = login(client, "chen", "correct horse battery")
    cookies = [v for k, v in answer.history[0].headers.multi_items() if k == "set-cookie"] if answer.history \
        else [v for k, v in answer.headers.multi_items() if k == "set-cookie"]
    assert any("cp_session" in c and "Secure" in c for c in cookies)


@pytest.mark.parametrize("url, status", [
    ("/partnerships/9223372036854775808", 404), ("/partnerships/99999999999999999999999", 404),
    ("/documents/9223372036854775808", 404), ("/documents/9223372036854775808/original", 404),
    ("/partnerships?year=99999", 200), ("/partnerships?year=abc", 200), ("/partnerships?page=%C2%B2", 200),
    ("/queue?page=%C2%B2", 200), ("/decisions?page=%C2%B2", 200), ("/partnerships?page=99999999999999999999", 200),
    ("/partnerships?q=" + "a" * 20000, 200), ("/partnerships?q=%00", 200), ("/partnerships.csv?year=99999", 200),
])
def test_a_bad_parameter_is_a_page_never_a_server_error(settings, url, status):
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    assert client.get(url).status_code == status


def test_the_desk_has_an_icon_and_finds_places_by_their_chinese_names(settings):
    client = TestClient(create_app(settings))
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg")
    for q in ("台南", "臺南"):
        page = client.get("/partnerships", params={"q": q}).text
        assert "Tainan" in page and "Kaohsiung" not in page.split("<tbody")[-1], q


def test_the_decisions_page_names_each_pair_and_links_to_it(settings):
    client = TestClient(create_app(settings))
    pid = ids(settings)["Cebu City"]
    page = client.get("/queue").text
    client.post(f"/partnerships/{pid}/accept", data={"csrf": csrf_of(page)})
    listing = client.get("/decisions").text
    assert f'<a href="/partnerships/{pid}">Kaohsiung – Cebu City (sister)</a>' in listing
    store = Store(settings.database_url)
    [decision] = [d for d in store.decisions() if d["action"] == "accept" and not d["undone_at"]][:1]
    actions.undo(store, decision["id"], "test")
    store.close()
