"""The analysts' desk: a server-rendered FastAPI app over the citypairs database.

Pages: the review queue (``/queue``), one partnership with its provenance
and an edit form (``/partnerships/{id}``), the canonical table with filters
and CSV/Excel export (``/partnerships``), a stored document (``/documents/{id}``)
and its original bytes, the decision log (``/decisions``), the charts
(``/charts``, drawn again only when the data change: ``review.figure_cache``)
and the differences from reference lists (``/conflicts``). Every state
change is a POST carrying a CSRF token; every text from a document is
escaped by Jinja2, and nothing missing shows as "None"; a form that fails
validation comes back with what was typed; errors show a plain page, never
a stack trace. A small static script adds keyboard shortcuts.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from models import review_queries as rq
from models.blobs import BlobStore
from models.records import Relation, Theme
from models.settings import Settings
from models.store import Store
from review import actions, conflicts, exports, pages, repair
from review.auth import LoginThrottle, Signer, check_login, host_name, read_users, session_value
from review.figure_cache import FigureCache
from review.highlight import segments

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
SESSION, BROWSER = "cp_session", "cp_browser"
HEADERS = {
    # No inline script or style may run, whatever a document smuggles in.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
CHOICES_SECONDS = 60.0


@dataclass
class Desk:
    """What every request needs: the settings, the store and who may log in."""

    settings: Settings
    store: Store
    users: dict[str, str] | None  # None: no login, everyone is settings.analyst
    signer: Signer
    blobs: BlobStore
    env: Environment = field(init=False)
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    revoked: set[str] = field(default_factory=set)  # nonces of sessions ended by logout
    figures: FigureCache = field(init=False)

    _choices: tuple[float, dict] | None = field(default=None, init=False)

    def choices(self) -> dict:
        """The browse filters' values; they change only when dedupe runs,
        so a minute-old copy saves every page view a scan of the table."""
        now = time.monotonic()
        if self._choices is None or now - self._choices[0] > CHOICES_SECONDS:
            self._choices = (now, rq.choices(self.store.engine))
        return self._choices[1]

    def __post_init__(self) -> None:
        # finalize: a missing value prints as nothing, never as Python's 'None'.
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                               finalize=lambda v: "" if v is None else v)
        self.figures = FigureCache(self.store.engine)
        self.env.globals.update(relations=[r.value for r in Relation], themes=[t.value for t in Theme],
                                statuses=actions.STATUSES, reviews=("pending", "accepted", "edited", "rejected"))


FAVICON = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="5" cy="8" r="4" '
           b'fill="#2a6f97"/><circle cx="11" cy="8" r="4" fill="#c44536"/></svg>')
MAX_FORM_BYTES = 1_000_000  # a form of the desk is a few hundred bytes


def create_app(settings: Settings, users_file: Path | None = None, hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The app; with ``hosts``, a request naming any other Host is refused
    (a page elsewhere whose name resolves to this machine, DNS rebinding,
    cannot drive the desk)."""
    desk = Desk(settings, Store(settings.database_url), read_users(users_file) if users_file else None,
                Signer(settings.review_secret), BlobStore(settings.raw_dir))
    app = FastAPI(title="citypairs review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.desk = desk
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    allowed_hosts = {h.lower().strip("[]") for h in hosts} if hosts else None

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if allowed_hosts is not None and host_name(request.headers.get("host", "")) not in allowed_hosts:
            return PlainTextResponse("Unknown host.", 400)
        declared = request.headers.get("content-length", "")
        if request.method == "POST" and (not declared.isdigit() or int(declared) > MAX_FORM_BYTES):
            return PlainTextResponse("The request body is missing its length or too large.", 413)
        request.state.browser = request.cookies.get(BROWSER) or secrets.token_urlsafe(16)
        request.state.user = _user(desk, request)
        if desk.users is not None and request.state.user is None and not _public(request.url.path):
            if request.method == "GET":
                return RedirectResponse(f"/login?{urlencode({'next': str(request.url.path)})}", 303)
            return _page(desk, request, "error.html", {"status": 401, "message": "Log in first."}, 401)
        if request.method == "POST":
            form = parse_qs((await request.body()).decode("utf-8", "replace"))
            request.state.form = {k: v[-1] for k, v in form.items()}
            if not secrets.compare_digest(request.state.form.get("csrf", ""), _csrf(desk, request)):
                return _page(desk, request, "error.html", {"status": 403, "message": "The form expired or did "
                             "not come from this site. Reload the page and try again."}, 403)
        response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        if BROWSER not in request.cookies:
            response.set_cookie(BROWSER, request.state.browser, httponly=True, samesite="strict",
                                secure=_https(request))
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _page(desk, request, "error.html", {"status": exc.status_code, "message": exc.detail}, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        return _page(desk, request, "error.html", {"status": 404, "message": "There is no such page."}, 404)

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def no_such_id(request: Request, exc: Exception):
        # An id past what the database can hold names nothing stored.
        return _page(desk, request, "error.html", {"status": 404, "message": "There is no such page."}, 404)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("review app: %s %s failed", request.method, request.url.path)
        return _page(desk, request, "error.html", {"status": 500, "message": "Something went wrong; the details "
                     "are in the server's log."}, 500)

    _routes(app, desk)
    conflicts.register(app, desk, _page, _back)
    repair.register(app, desk, _page, _back)
    return app


def _public(path: str) -> bool:
    return path in ("/login", "/favicon.ico") or path.startswith("/static/")


def _user(desk: Desk, request: Request) -> str | None:
    if desk.users is None:
        return desk.settings.analyst
    value = desk.signer.unsign(request.cookies.get(SESSION)) or ""
    name, nonce = value.partition(":")[0], value.rpartition(":")[2]
    stored = desk.users.get(name)
    if stored is None or nonce in desk.revoked or value != session_value(name, stored, nonce):
        return None
    return name


def _https(request: Request) -> bool:
    """Served over HTTPS, directly or behind a proxy that says so."""
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").lower() == "https"


def _csrf(desk: Desk, request: Request) -> str:
    return desk.signer.csrf(request.cookies.get(SESSION) or request.state.browser)


def _page(desk: Desk, request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    context = {"user": getattr(request.state, "user", None), "csrf": _csrf(desk, request) if hasattr(
        request.state, "browser") else "", "login": desk.users is not None, "path": request.url.path,
        "flash": request.query_params.get("flash", ""), **context}
    response = HTMLResponse(desk.env.get_template(template).render(**context), status_code=status)
    if hasattr(request.state, "browser") and BROWSER not in request.cookies:
        response.set_cookie(BROWSER, request.state.browser, httponly=True, samesite="strict",
                            secure=_https(request))
    return response


def _back(request: Request, default: str, flash: str) -> RedirectResponse:
    target = request.state.form.get("next") or default
    if not target.startswith("/") or target.startswith("//"):
        target = default  # never redirect off the site
    sep = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{sep}{urlencode({'flash': flash})}", 303)


_SMALL_INT = re.compile(r"[0-9]{1,9}")  # ASCII digits only: '²'.isdigit() is true too


def _int(value: str | None, default: int = 1) -> int:
    return int(value) if value and _SMALL_INT.fullmatch(value) else default


def _routes(app: FastAPI, desk: Desk) -> None:  # noqa: C901 - one place that lists every page
    engine = desk.store.engine

    @app.get("/")
    def home():
        return RedirectResponse("/queue", 303)

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request):
        return _page(desk, request, "login.html", {"next": request.query_params.get("next", "/queue"), "error": ""})

    @app.post("/login")
    def login(request: Request):
        form = request.state.form
        name, password = form.get("name", ""), form.get("password", "")
        users = desk.users or {}
        keys = (f"name:{name}", f"addr:{request.client.host if request.client else '?'}")
        wait = desk.throttle.locked(*keys)
        if wait > 0:
            return _page(desk, request, "login.html", {"next": form.get("next", "/queue"), "name": name, "error":
                         f"Too many failed logins: try again in {int(wait) + 1} s."}, 429)
        if not check_login(users, name, password):
            desk.throttle.failed(*keys)
            return _page(desk, request, "login.html", {"next": form.get("next", "/queue"), "name": name,
                                                       "error": "Unknown name or wrong password."}, 401)
        desk.throttle.succeeded(keys[0])
        response = _back(request, "/queue", f"Welcome, {name}.")
        token = desk.signer.sign(session_value(name, users[name], secrets.token_urlsafe(12)))
        response.set_cookie(SESSION, token, httponly=True, samesite="strict", secure=_https(request))
        return response

    @app.post("/logout")
    def logout(request: Request):
        value = desk.signer.unsign(request.cookies.get(SESSION)) or ""
        if value:
            desk.revoked.add(value.rpartition(":")[2])  # this session ends here, whoever holds a copy
        response = RedirectResponse("/login", 303)
        response.delete_cookie(SESSION)
        return response

    @app.get("/favicon.ico")
    def favicon():
        # Browsers ask for it on every first visit; a 404 there fills the log.
        return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    @app.get("/queue", response_class=HTMLResponse)
    def queue(request: Request):
        page = _int(request.query_params.get("page"))
        rows, total = rq.queue(engine, page)
        for r in rows:
            ev = r["evidence"]
            r["segments"] = segments(ev["evidence"], [ev["a_text"], ev["b_text"]], ev["date_text"]) if ev else []
        return _page(desk, request, "queue.html", {"rows": rows, "total": total, "page": page,
                                                   "pages": max(1, -(-total // rq.PAGE))})

    @app.get("/partnerships", response_class=HTMLResponse)
    def browse(request: Request):
        filters = _filters(request)
        page = _int(request.query_params.get("page"))
        rows, total = rq.browse(engine, filters, page)
        return _page(desk, request, "browse.html", {
            "rows": rows, "total": total, "page": page, "pages": max(1, -(-total // rq.PAGE)), "f": filters,
            "query": urlencode(filters.as_query()), "choices": desk.choices()})

    @app.get("/partnerships.csv")
    def export_csv(request: Request):
        return Response(exports.csv_text(engine, _filters(request)), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="partnerships.csv"'})

    @app.get("/partnerships.xlsx")
    def export_xlsx(request: Request):
        return Response(exports.xlsx_bytes(engine, _filters(request)),
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": 'attachment; filename="partnerships.xlsx"'})

    @app.get("/partnerships/{pid}", response_class=HTMLResponse)
    def detail(request: Request, pid: int):
        page = pages.partnership(engine, pid, request.query_params.get("back", ""))
        if page is None:
            raise HTTPException(404, f"There is no partnership {pid}.")
        return _page(desk, request, "partnership.html", page)

    def _refused(request: Request, pid: int, fields: tuple[str, ...], exc: actions.EditError):
        # The same page again with what was typed and what is wrong with it: nothing typed is lost.
        page = pages.partnership(engine, pid, request.state.form.get("back", ""))
        if page is None:
            raise HTTPException(404, f"There is no partnership {pid}.")
        return _page(desk, request, "partnership.html", pages.with_typed(page, request.state.form, fields, exc), 422)

    def _act(request: Request, pid: int, do):
        row = rq.partnership(engine, pid)
        if row is None:
            raise HTTPException(404, f"There is no partnership {pid}.")
        try:
            outcome = do(row)
        except actions.EditError as exc:
            return _refused(request, pid, pages.EDIT_FIELDS, exc)
        return _back(request, f"/partnerships/{pid}", f"{row['a']} – {row['b']}: {outcome.message} "
                                                      f"(decision {outcome.decision_id}).")

    @app.post("/partnerships/{pid}/accept")
    def accept(request: Request, pid: int):
        return _act(request, pid, lambda row: actions.accept(desk.store, row["key"], request.state.user))

    @app.post("/partnerships/{pid}/reject")
    def reject(request: Request, pid: int):
        return _act(request, pid, lambda row: actions.reject(desk.store, row["key"], request.state.user))

    @app.post("/partnerships/{pid}/edit")
    def edit(request: Request, pid: int):
        form = {k: v for k, v in request.state.form.items() if k in pages.EDIT_FIELDS}
        return _act(request, pid, lambda row: actions.edit(desk.store, row["key"], form, request.state.user,
                                                           desk.settings.cache_dir))

    @app.post("/places/merge")
    def merge(request: Request):
        form = request.state.form
        try:
            outcome = actions.merge_places(desk.store, form.get("source", ""), form.get("into", ""),
                                           request.state.user)
        except actions.EditError as exc:
            on_page = re.fullmatch(r"/partnerships/([0-9]{1,9})(\?.*)?", form.get("next", ""))
            if on_page:
                return _refused(request, int(on_page[1]), pages.MERGE_FIELDS, exc)
            return _page(desk, request, "decisions.html", {"decisions": rq.recent_decisions(engine), "error": str(exc),
                         "typed": {k: form.get(k, "") for k in pages.MERGE_FIELDS}, "path": "/decisions"}, 422)
        return _back(request, "/decisions", outcome.message)

    @app.post("/decisions/{did}/undo")
    def undo(request: Request, did: int):
        try:
            outcome = actions.undo(desk.store, did, request.state.user)
        except actions.EditError as exc:
            return _back(request, "/decisions", f"Nothing undone: {exc}")
        return _back(request, "/decisions", outcome.message)

    @app.post("/undo")
    def undo_last(request: Request):
        last = desk.store.last_decision(request.state.user)
        if last is None:
            return _back(request, "/queue", "Nothing to undo.")
        outcome = actions.undo(desk.store, last["id"], request.state.user)
        return _back(request, "/queue", outcome.message)

    @app.get("/decisions", response_class=HTMLResponse)
    def decisions(request: Request):
        return _page(desk, request, "decisions.html", {"decisions": rq.recent_decisions(engine)})

    @app.get("/documents/{doc_id}/original")
    def original(doc_id: int):
        doc = rq.document(engine, doc_id)
        path = desk.blobs.find(doc["sha256"]) if doc else None
        if path is None:
            raise HTTPException(404, f"The original of document {doc_id} is not stored.")
        media_type = doc["media_type"] or "application/octet-stream"
        is_pdf = media_type.endswith("pdf")
        # Web pages are shown sandboxed (no script, no cookies, no requests
        # out); PDFs go to the browser's own viewer.
        headers = {} if is_pdf else {"Content-Security-Policy": "sandbox; default-src 'none'; img-src data:"}
        return Response(path.read_bytes(), media_type=media_type, headers=headers)

    @app.get("/charts", response_class=HTMLResponse)
    def charts(request: Request):
        # ?reviewed=1: only rows an analyst accepted or corrected. Rejected rows never count.
        drawn = desk.figures.figures(reviewed_only=request.query_params.get("reviewed", "") in ("1", "true", "on"))
        return _page(desk, request, "charts.html", {"s": drawn.stats, "images": drawn.images, "drawn": drawn})


MAX_FILTER_CHARS = 200  # a name, a country code, a year: never a page of text


def _filters(request: Request) -> rq.Filters:
    q = request.query_params
    values = {k: q.get(k, "").replace("\x00", "").strip()[:MAX_FILTER_CHARS] for k in rq.Filters.__slots__}
    if "year" in values and not re.fullmatch(r"[0-9]{4}", values["year"]):
        values["year"] = ""  # only a four-digit year filters
    return rq.Filters(**values)
