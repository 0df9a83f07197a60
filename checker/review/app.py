"""The review app: serves a report folder's findings, records editors' decisions in the folder's
review store. Starlette (ASGI, small, well kept) with Jinja2 templates (autoescaped: article text
is data, never markup) and htmx, vendored, for saving a decision without reloading the page.

Security: only requests naming this server in Host are answered (a DNS-rebinding page would name
its own); every POST carries a per-browser token that must match its cookie (double submit) and,
when the browser sends one, an Origin of this server; only report names found in the folder are
served, looked up by name, never joined into a path; every response sets a Content-Security-Policy
that allows scripts from this server only."""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
from collections.abc import Callable, Iterable
from contextlib import closing
from datetime import UTC, datetime
from functools import cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import jsonschema
from jinja2 import Environment
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from checker.records import Decision, SeenFinding
from checker.report.html import CONTENT_SECURITY_POLICY as REPORT_CSP
from checker.report.html import anchor, finding_views
from checker.report.json import decision_dict, report_schema
from checker.report.tables import spreadsheet_safe
from checker.report.templating import template_environment
from checker.review.store import STATUSES, ReviewStore

APP_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
CSRF_COOKIE = "checker_csrf"
REVIEWER_COOKIE = "checker_reviewer"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
STATIC = {  # the only files served from the package, by fixed name
    "htmx.min.js": "text/javascript",
    "review.js": "text/javascript",
    "review.css": "text/css",
}


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ReportFolder:
    """The reports in one folder, read again whenever a file changes (a re-run rewrites them)."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self._parsed: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {}

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.json") if self._inside(p) and p.is_file())

    def _inside(self, path: Path) -> bool:
        """A symlink pointing out of the folder is not served."""
        return path.resolve().parent == self.folder

    def path(self, name: str, suffix: str) -> Path | None:
        if name not in self.names():
            return None
        path = self.folder / f"{name}{suffix}"
        return path if path.is_file() and self._inside(path) else None

    def load(self, name: str) -> dict[str, Any] | None:
        """The report's JSON, validated against the schema; None if there is no such report."""
        path = self.path(name, ".json")
        if path is None:
            return None
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._parsed.get(name)
        if cached and cached[0] == key:
            return cached[1]
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.validate(data, report_schema())
        except (OSError, ValueError, jsonschema.ValidationError) as exc:
            raise ReportUnreadable(f"{path.name}: not a checker report ({str(exc).splitlines()[0]})") from None
        self._parsed[name] = (key, data)
        return data

    def store(self) -> ReviewStore:
        return ReviewStore.in_folder(self.folder)


class ReportUnreadable(Exception):
    pass


def seen_findings(data: dict[str, Any]) -> list[SeenFinding]:
    text = {c["id"]: c["text"] for c in data["claims"]}
    return [SeenFinding(f["id"], f["kind"], f["doc_a"], text[f["a"]], f["doc_b"], text[f["b"]]) for f in data["findings"]]


@cache
def _environment() -> Environment:
    env = template_environment("checker.review", autoescape=True)
    env.globals.update(anchor=anchor, quote=quote, statuses=STATUSES)
    return env


def _secure(response: Response, csp: str = APP_CSP) -> Response:
    response.headers["Content-Security-Policy"] = csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" would make the browser send Origin: null
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _reviewer(request: Request) -> str:
    """The name is kept percent-encoded: a cookie holds Latin-1 only."""
    return unquote(request.cookies.get(REVIEWER_COOKIE, ""))


def _page(request: Request, template: str, status: int = 200, **context) -> Response:
    token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    html = _environment().get_template(template).render(csrf=token, reviewer=_reviewer(request), **context)
    response = _secure(HTMLResponse(html, status_code=status))
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


def _problem(request: Request, status: int, message: str) -> Response:
    return _page(request, "problem.html", status=status, message=message)


def csrf_protected(handler: Callable) -> Callable:
    """Refuse a state-changing request whose token does not match the browser's cookie, or
    that another site's page sent (Origin)."""

    @wraps(handler)
    async def checked(request: Request) -> Response:
        form = await request.form()
        cookie = request.cookies.get(CSRF_COOKIE, "")
        sent = str(form.get("csrf", ""))
        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc != request.headers.get("host"):
            return _secure(PlainTextResponse("cross-site request refused", status_code=403))
        if not cookie or not secrets.compare_digest(cookie.encode(), sent.encode()):
            return _secure(PlainTextResponse("missing or wrong form token: reload the page", status_code=403))
        return await handler(request, form)

    return checked


def create_app(folder: Path, clock: Callable[[], str] = utc_now, allowed_hosts: Iterable[str] = ()) -> Starlette:
    """`allowed_hosts`: the address the server is bound to; a request whose Host names neither it
    nor one of LOCAL_HOSTS is refused."""
    reports = ReportFolder(folder)
    with closing(reports.store()):  # created up front, so the next `checker run` carries decisions
        pass

    def with_report(handler: Callable) -> Callable:
        @wraps(handler)
        async def loaded(request: Request, *args) -> Response:
            name = request.path_params["name"]
            try:
                data = reports.load(name)
            except ReportUnreadable as exc:
                return _problem(request, 500, str(exc))
            if data is None:
                return _problem(request, 404, "No such report in this folder.")
            return await handler(request, *args, name=name, data=data)

        return loaded

    def finding_context(name: str, data: dict[str, Any]) -> dict[str, Any]:
        seen = seen_findings(data)
        with closing(reports.store()) as store:
            store.record(name, seen, data["generated_at"])
            state = store.state(name, seen)
            history = store.history(name)
        claims = {c["id"]: c for c in data["claims"]}
        by_finding: dict[str, list[Decision]] = {}
        for d in history:
            by_finding.setdefault(d.finding, []).append(d)
        return {
            "name": name,
            "data": data,
            "findings": finding_views(data, claims),
            "decisions": state.decisions,
            "new": state.new,
            "resolved": state.resolved,
            "history": by_finding,
            "source_name": {d["id"]: d.get("source") or d["id"] for d in data["documents"]},
            "has_html": reports.path(name, ".html") is not None,
        }

    async def index(request: Request) -> Response:
        names = reports.names()
        if len(names) == 1:
            return RedirectResponse(f"/r/{quote(names[0])}", status_code=303)
        return _page(request, "index.html", names=names, folder=str(reports.folder))

    @with_report
    async def findings_page(request: Request, *, name: str, data: dict[str, Any]) -> Response:
        return _page(request, "findings.html", **finding_context(name, data))

    @csrf_protected
    @with_report
    async def decide(request: Request, form, *, name: str, data: dict[str, Any]) -> Response:
        reviewer = _reviewer(request)
        finding = str(form.get("finding", ""))
        if finding not in {f["id"] for f in data["findings"]}:
            return _problem(request, 404, "No such finding in this report.")
        try:
            with closing(reports.store()) as store:
                store.decide(name, finding, str(form.get("status", "")), reviewer, str(form.get("note", "")), clock())
        except ValueError as exc:
            return _problem(request, 400, str(exc))
        if request.headers.get("hx-request"):
            context = finding_context(name, data)
            f = next(f for f in context["findings"] if f["id"] == finding)
            return _page(request, "finding.html", f=f, oob=True, **context)  # and the counts, out of band
        return _secure(RedirectResponse(f"/r/{quote(name)}#{finding}", status_code=303))

    @csrf_protected
    async def set_reviewer(request: Request, form) -> Response:
        reviewer = str(form.get("reviewer", "")).strip()
        back = str(form.get("back", "/"))
        if not back.startswith("/r/") and back != "/":
            back = "/"
        response = _secure(RedirectResponse(back, status_code=303))
        if reviewer:
            response.set_cookie(REVIEWER_COOKIE, quote(reviewer[:80]), httponly=True, samesite="strict")
        return response

    @with_report
    async def html_report(request: Request, *, name: str, data: dict[str, Any]) -> Response:
        path = reports.path(name, ".html")
        if path is None:
            return _problem(request, 404, "This report has no HTML file; run `checker run` again.")
        return _secure(HTMLResponse(path.read_text(encoding="utf-8")), REPORT_CSP + "; frame-ancestors 'none'")

    @with_report
    async def export(request: Request, *, name: str, data: dict[str, Any]) -> Response:
        if request.path_params["format"] not in ("csv", "json"):
            return _problem(request, 404, "Decisions export as .csv or .json.")
        with closing(reports.store()) as store:
            history = store.history(name)
            seen = store.seen(name)
        rows = [
            {"finding": d.finding, **{k: v for k, v in vars(seen[d.finding]).items() if k != "id"}, **decision_dict(d)}
            if d.finding in seen else {"finding": d.finding, **decision_dict(d)}
            for d in history
        ]
        if request.path_params["format"] == "json":
            body = json.dumps({"report": name, "decisions": rows}, ensure_ascii=False, indent=2) + "\n"
            response = Response(body, media_type="application/json")
        else:
            out = io.StringIO()
            columns = ["finding", "kind", "doc_a", "text_a", "doc_b", "text_b", "status", "reviewer", "note", "at"]
            writer = csv.DictWriter(out, columns, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows({k: spreadsheet_safe(v) for k, v in r.items()} for r in rows)
            response = Response(out.getvalue(), media_type="text/csv; charset=utf-8")
        filename = f"{name}-decisions.{request.path_params['format']}"
        # RFC 6266: filename* carries any name; plain filename, ASCII only, for clients without it
        fallback = re.sub(r"[^A-Za-z0-9._-]", "_", filename)
        response.headers["Content-Disposition"] = (
            f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
        )
        return _secure(response)

    async def static(request: Request) -> Response:
        file = request.path_params["file"]
        if file not in STATIC:
            return _secure(PlainTextResponse("not found", status_code=404))
        body = resources.files("checker.review").joinpath("static", file).read_bytes()
        return _secure(Response(body, media_type=STATIC[file]))

    async def no_icon(request: Request) -> Response:
        return _secure(Response(status_code=204))

    hosts = [f"[{h}]" if ":" in h else h for h in allowed_hosts]  # an IPv6 address is bracketed in Host
    return Starlette(middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=[*hosts, *LOCAL_HOSTS])], routes=[
        Route("/", index),
        Route("/favicon.ico", no_icon),
        Route("/reviewer", set_reviewer, methods=["POST"]),
        Route("/static/{file}", static),
        Route("/r/{name}", findings_page),
        Route("/r/{name}/decide", decide, methods=["POST"]),
        Route("/r/{name}/report.html", html_report),
        Route("/r/{name}/decisions.{format:str}", export),
    ])
