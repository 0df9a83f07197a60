"""Editorial review: finding ids, the decision store, the HTML report and the review app (HTTP)."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import httpx
import jsonschema
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from checker.cache import open_cache
from checker.cli import main
from checker.config import load_config
from checker.corpus import read_corpus
from checker.embed import CachedEmbedder
from checker.errors import InputError
from checker.pipeline import run
from checker.records import Claim, SeenFinding
from checker.report import write_report
from checker.report.html import render_html
from checker.report.json import report_schema
from checker.review.app import CSRF_COOKIE, REVIEWER_COOKIE, create_app
from checker.review.findings import finding_id, findings
from checker.review.serve import LOOPBACK, bind_host, served_names
from checker.review.store import STORE_NAME, ReviewStore, with_decisions

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
WHEN = "2026-02-05T00:00:00+00:00"
LOCAL = "http://127.0.0.1:8765"  # the app answers only requests naming the address it serves on


@pytest.fixture(scope="module")
def build(tmp_path_factory, e5):
    """Runs the offline pipeline with the session's embedding cache (the one CLI tests use)."""
    cache = open_cache(tmp_path_factory.getbasetemp() / "checker-cache")

    def build(articles, name="seed"):
        return run(list(articles), load_config("offline"), CachedEmbedder(e5, cache), None, name=name, generated_at=WHEN)

    yield build
    cache.close()


TWO_SOURCES = ("001", "004")  # two seed articles with a framing and a title finding between them


@pytest.fixture(scope="module")
def seed_report(seed_articles, build):
    return build([a for a in seed_articles if a.id.startswith(TWO_SOURCES)])


@pytest.fixture
def folder(tmp_path, seed_report):
    """A report folder with the seed report and an (empty) review store."""
    out = tmp_path / "reports"
    write_report(seed_report, out)
    ReviewStore.in_folder(out).close()
    return out


@pytest.fixture
def client(folder):
    with TestClient(create_app(folder, clock=lambda: WHEN), base_url=LOCAL) as c:
        yield c


def signed_in(client, name="Ana") -> str:
    """Open the page (which sets the form-token cookie), sign in; the token to post with."""
    client.get("/r/seed")
    token = client.cookies[CSRF_COOKIE]
    answer = client.post("/reviewer", data={"csrf": token, "reviewer": name, "back": "/r/seed"}, follow_redirects=False)
    assert answer.status_code == 303
    return token


# --- finding ids -------------------------------------------------------------------------------


def test_finding_ids_come_from_documents_normalised_texts_and_kind():
    a = Claim("x#1", "001", "Rubio is the Secretary of State.", 0, 10, "en")
    b = Claim("y#2", "004", "Der Staatssekretär Marco Rubio", 0, 10, "de")
    same = finding_id("title", a, b)
    assert same == finding_id("title", replace(a, id="x#9", text="  rubio IS the  secretary of state "), b)
    assert same == finding_id("title", b, a)  # order of the sides does not matter
    assert same != finding_id("number", a, b)
    assert same != finding_id("title", replace(a, doc="002"), b)
    assert same != finding_id("title", replace(a, text="Rubio is the Secretary of Defense."), b)
    # the claims' own text key (accents, quotes, spacing folded), so ids agree with claim ids
    assert same == finding_id("title", replace(a, text="„Rubio is the Secretary of Státe“"), b)


def test_findings_are_discrepancies_most_serious_first(seed_report):
    """(Ids stable across re-runs: the reports holding them are byte-identical, test_cli.py.)"""
    found = findings(seed_report)
    assert found and len({f.id for f in found}) == len(found)
    order = ("hard", "framing", "soft", "nli")
    assert [order.index(f.severity) for f in found] == sorted(order.index(f.severity) for f in found)
    assert all(f.reasons and all(r.kind == f.kind for r in f.reasons) for f in found)


# --- the store ---------------------------------------------------------------------------------


def test_store_keeps_history_reopen_and_latest(tmp_path):
    with closing(ReviewStore(tmp_path / STORE_NAME)) as store:
        store.decide("r", "f-1", "dismissed", "Ana", "a false friend", "t1")
        store.decide("r", "f-1", "open", "Ben", "not so sure", "t2")
        store.decide("r", "f-2", "follow-up", "Ana", "", "t3")
        assert [(d.status, d.reviewer) for d in store.history("r")] == [("dismissed", "Ana"), ("open", "Ben"), ("follow-up", "Ana")]
        assert store.latest("r")["f-1"].status == "open"
        assert store.history("other") == []
        for bad in [("r", "f-1", "maybe", "Ana", "", "t"), ("r", "f-1", "confirmed", "  ", "", "t"),
                    ("r", "f-1", "confirmed", "Ana", "x" * 5000, "t")]:
            with pytest.raises(ValueError):
                store.decide(*bad)


def test_store_tells_new_and_resolved_findings(tmp_path):
    seen = [SeenFinding(f"f-{i}", "number", "001", f"claim {i}", "002", f"other claim {i}") for i in range(3)]
    with closing(ReviewStore(tmp_path / STORE_NAME)) as store:
        assert store.state("r", seen).new == frozenset()  # a first run has nothing to compare with
        store.record("r", seen[1:], "t1")
        store.decide("r", seen[1].id, "confirmed", "Ana", "", "t1")
        state = store.state("r", seen[:-1])
        assert state.new == {seen[0].id}
        assert [(s.id, d) for s, d in state.resolved] == [(seen[-1].id, None)]
        assert state.decisions[seen[1].id].status == "confirmed"
        store.record("r", seen[:-1], "t2")
        store.record("r", seen[:-1], "t3")  # the same set again: nothing new to remember
        assert store.state("r", seen[:-1]).new == {seen[0].id}


def _decide_many(path: str, reviewer: str, count: int) -> None:
    with closing(ReviewStore(Path(path))) as store:
        for i in range(count):
            store.decide("r", f"f-{i % 7}", "confirmed", reviewer, f"note {i}", f"t{i}")


def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / STORE_NAME)
    ReviewStore(Path(path)).close()
    writers = [multiprocessing.get_context("fork").Process(target=_decide_many, args=(path, who, 60)) for who in ("Ana", "Ben")]
    for w in writers:
        w.start()
    for w in writers:
        w.join(60)
        assert w.exitcode == 0
    with closing(ReviewStore(Path(path))) as store:
        history = store.history("r")
    assert len(history) == 120
    assert sorted(d.note for d in history if d.reviewer == "Ben") == sorted(f"note {i}" for i in range(60))


def test_a_broken_store_is_an_input_error_naming_it(tmp_path, seed_report):
    (tmp_path / STORE_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(InputError, match=STORE_NAME):
        with_decisions(seed_report, tmp_path)


def test_a_store_that_fails_to_open_leaves_no_connection_open(tmp_path, monkeypatch):
    (tmp_path / STORE_NAME).write_bytes(b"not a database at all" * 100)
    opened = []
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: opened.append(connect(*a, **k)) or opened[-1])
    with pytest.raises(InputError):
        ReviewStore.in_folder(tmp_path)
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].execute("SELECT 1")


# --- decisions carried into reports -----------------------------------------------------------


def test_decisions_are_carried_into_every_report_format(seed_report, folder):
    target, other = findings(seed_report)[:2]
    with closing(ReviewStore.in_folder(folder)) as store:
        store.record("seed", [f.seen() for f in findings(seed_report)], "t0")
        store.decide("seed", target.id, "dismissed", "Ana", "a false friend, fine", WHEN)
    report = with_decisions(seed_report, folder)
    written = {p.suffix: p.read_text() for p in write_report(report, folder)}
    data = json.loads(written[".json"])
    jsonschema.validate(data, report_schema())
    by_id = {f["id"]: f for f in data["findings"]}
    assert by_id[target.id]["review"] == {"status": "dismissed", "reviewer": "Ana", "note": "a false friend, fine", "at": WHEN}
    assert by_id[other.id]["review"] is None
    assert f"| `{target.id}` |" in written[".md"] and "dismissed by Ana" in written[".md"]
    assert f"{target.id} {target.kind}: dismissed (Ana: a false friend, fine)" in written[".csv"]
    assert "a false friend, fine" in written[".html"]


# --- the HTML report ----------------------------------------------------------------------------


class _Markup(HTMLParser):
    """Collects the elements and attributes a page really has."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _markup(html: str) -> list[tuple[str, dict]]:
    parser = _Markup()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory, seed_articles, build):
    corpus = tmp_path_factory.mktemp("hostile")
    (corpus / Path(seed_articles[1].path).name).write_text(seed_articles[1].text, encoding="utf-8")
    (corpus / "005_hostile.txt").write_text(
        f"Marco Rubio met Petro in Washington {HOSTILE} on Tuesday, officials said.\n\n"
        f"The meeting lasted three hours {HOSTILE}, according to the White House.\n", encoding="utf-8")
    (corpus / "sources.yaml").write_text(f"005_hostile.txt: {{source: '{HOSTILE}', url: 'javascript:alert(1)'}}\n")
    return build(read_corpus(corpus, 5_000_000), name="hostile")


def test_html_report_is_one_file_with_no_external_reference_and_no_injected_markup(hostile_report, tmp_path):
    html = next(p for p in write_report(hostile_report, tmp_path) if p.suffix == ".html").read_text()
    tags = _markup(html)
    assert [t for t, _ in tags].count("script") == 1  # our own search script, nothing injected
    assert not any(t in ("img", "iframe", "object", "embed", "link") for t, _ in tags)
    assert not any(k.startswith("on") for _, attrs in tags for k in attrs)
    assert all(v.startswith("#") for _, attrs in tags for k, v in attrs.items() if k in ("href", "src"))
    assert "&lt;script&gt;alert(" in html and "onerror=alert(1)&gt;" in html
    csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_html_report_sections_and_links(seed_report, folder):
    html = (folder / "seed.html").read_text()
    tags = _markup(html)
    ids = {a["id"] for _, a in tags if "id" in a}
    for f in findings(seed_report):
        assert f.id in ids
        for claim in (f.a, f.b):
            assert any(t == "a" and a.get("href", "")[1:] in ids for t, a in tags)
    assert all(a["href"][1:] in ids for t, a in tags if t == "a" and a.get("href", "").startswith("#"))
    assert "<svg" in html and "Coverage: which source reports which fact" in html
    assert "How the sources describe people and events" in html and 'class="removed"' in html


def test_html_coverage_shows_each_group_label_as_the_report_has_it(seed_report):
    label = "A fact the labeller named at length, " + "and at more length " * 5 + "to the end"
    groups = (replace(seed_report.groups[0], label=label), *seed_report.groups[1:])
    assert f">{label}</a>" in render_html(replace(seed_report, groups=groups))


# --- the app over HTTP ----------------------------------------------------------------------------


def test_app_saves_a_decision_with_token_and_name(client, seed_report):
    target = findings(seed_report)[0]
    page = client.get("/r/seed")
    assert page.status_code == 200 and target.id in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    token = client.cookies[CSRF_COOKIE]
    form = {"csrf": token, "finding": target.id, "status": "confirmed", "note": "checked with the wire copy"}
    assert client.post("/r/seed/decide", data=form).status_code == 400  # no reviewer name yet
    signed_in(client)
    answer = client.post("/r/seed/decide", data=form, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"/r/seed#{target.id}"
    fragment = client.post("/r/seed/decide", data={**form, "status": "open", "note": "reopened"}, headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith("<article") and "reopened" in fragment.text and "checked with the wire copy" in fragment.text
    exported = client.get("/r/seed/decisions.json").json()["decisions"]
    assert [(d["status"], d["reviewer"], d["note"]) for d in exported] == [
        ("confirmed", "Ana", "checked with the wire copy"), ("open", "Ana", "reopened")]
    assert exported[0]["kind"] == target.kind and exported[0]["text_a"] == target.a.text
    report = client.get("/r/seed/report.html")
    assert report.status_code == 200 and "script-src 'sha256-" in report.headers["content-security-policy"]
    csv_text = client.get("/r/seed/decisions.csv").text
    assert csv_text.splitlines()[0] == "finding,kind,doc_a,text_a,doc_b,text_b,status,reviewer,note,at"
    assert csv_text.count(target.id) == 2


def test_every_state_changing_request_needs_the_form_token(client, folder, seed_report):
    client.get("/r/seed")
    token = client.cookies[CSRF_COOKIE]
    client.cookies[REVIEWER_COOKIE] = "Ana"
    posts = [r.path.replace("{name}", "seed") for r in client.app.routes if "POST" in (r.methods or ())]
    assert sorted(posts) == ["/r/seed/decide", "/reviewer"]
    form = {"finding": findings(seed_report)[0].id, "status": "dismissed", "reviewer": "Eve"}
    for path in posts:
        assert client.post(path, data=form).status_code == 403
        assert client.post(path, data={**form, "csrf": "forged"}).status_code == 403
        assert client.post(path, data={**form, "csrf": "gefälscht"}).status_code == 403
        assert client.post(path, data={**form, "csrf": token}, headers={"Origin": "http://evil.example"}).status_code == 403
    with closing(ReviewStore.in_folder(folder)) as store:
        assert store.history("seed") == []


def test_a_request_naming_another_host_is_refused_and_writes_nothing(client, folder, seed_report):
    """DNS rebinding: another site's name resolving to this machine gets its page no answer."""
    client.cookies.update({CSRF_COOKIE: "token", REVIEWER_COOKIE: "Eve"})
    form = {"csrf": "token", "finding": findings(seed_report)[0].id, "status": "dismissed"}
    evil = {"Host": "evil.example:8765"}
    assert client.get("/r/seed", headers=evil).status_code == 400
    assert client.get("/r/seed/decisions.json", headers=evil).status_code == 400
    assert client.post("/r/seed/decide", data=form, headers={**evil, "Origin": "http://evil.example:8765"}).status_code == 400
    with closing(ReviewStore.in_folder(folder)) as store:
        assert store.history("seed") == [] and store.seen("seed") == {}
    for host in ("localhost:8765", "[::1]:8765"):
        assert client.get("/r/seed", headers={"Host": host}).status_code == 200
    with TestClient(create_app(folder, allowed_hosts=["192.0.2.7", "fd00::7"]), base_url="http://192.0.2.7:8765") as lan:
        assert lan.get("/r/seed").status_code == 200
        assert lan.get("/r/seed", headers={"Host": "[fd00::7]:8765"}).status_code == 200
        assert lan.get("/r/seed", headers=evil).status_code == 400


def test_a_reviewer_name_in_any_script_is_kept(client, seed_report):
    token = signed_in(client, name="王小明")
    form = {"csrf": token, "finding": findings(seed_report)[0].id, "status": "confirmed", "note": "查过了"}
    assert client.post("/r/seed/decide", data=form, follow_redirects=False).status_code == 303
    assert "王小明" in client.get("/r/seed").text
    assert [(d["reviewer"], d["note"]) for d in client.get("/r/seed/decisions.json").json()["decisions"]] == [("王小明", "查过了")]


def test_a_report_with_a_non_latin_name_exports_its_decisions(client, folder):
    (folder / "日本.json").write_text((folder / "seed.json").read_text())
    for ext in ("csv", "json"):
        answer = client.get(f"/r/{quote('日本')}/decisions.{ext}")
        assert answer.status_code == 200
        assert answer.headers["content-disposition"] == (
            f"attachment; filename=\"__-decisions.{ext}\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC-decisions.{ext}")


def test_exported_csv_neutralises_what_a_spreadsheet_would_run(client, folder, seed_report):
    target = findings(seed_report)[0].seen()
    token = signed_in(client)
    with closing(ReviewStore.in_folder(folder)) as store:  # a tampered report's texts reach the export as seen
        store.record("seed", [replace(target, text_a="\t=HYPERLINK(\"http://evil.example\")")], WHEN)
    form = {"csrf": token, "finding": target.id, "status": "follow-up", "note": "=1+1\rsecond line"}
    assert client.post("/r/seed/decide", data=form, follow_redirects=False).status_code == 303
    exported = client.get("/r/seed/decisions.csv").text
    row = next(csv.DictReader(io.StringIO(exported, newline="")))  # a CR inside a field stays inside it
    assert (row["text_a"], row["note"]) == ("'\t=HYPERLINK(\"http://evil.example\")", "'=1+1\rsecond line")


def test_no_path_outside_the_report_folder_is_served(client, folder, tmp_path):
    secret = tmp_path / "secret.json"
    secret.write_text('{"secret": true}')
    (folder / "linked.json").symlink_to(secret)
    for path in ["/r/..%2Fsecret/report.html", "/r/%2E%2E%2Fsecret", "/r/linked", "/r/review", "/r/seed.json",
                 "/static/..%2Fapp.py", "/static/%2E%2E%2F%2E%2E%2Fcli.py", "/r/seed/decisions.sqlite", "/../secret.json"]:
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert "secret" not in answer.text and "import" not in answer.text
    assert client.get("/static/htmx.min.js").status_code == 200


def test_app_escapes_article_text_names_and_notes(folder, seed_report):
    """A claim holding markup (as a tampered or hostile report might), a reviewer's name and a note
    show as text."""
    data = json.loads((folder / "seed.json").read_text())
    target = data["findings"][0]["a"]
    for claim in data["claims"]:
        if claim["id"] == target:
            claim["text"] = f"Before {HOSTILE} after"
    (folder / "seed.json").write_text(json.dumps(data))
    with TestClient(create_app(folder), base_url=LOCAL) as client:
        token = signed_in(client, name=HOSTILE)
        form = {"csrf": token, "finding": data["findings"][0]["id"], "status": "follow-up", "note": HOSTILE}
        assert client.post("/r/seed/decide", data=form, follow_redirects=False).status_code == 303
        page = client.get("/r/seed").text
        exported = client.get("/r/seed/decisions.json").json()["decisions"]
    assert exported[0]["reviewer"] == HOSTILE and exported[0]["note"] == HOSTILE
    assert page.count("&lt;script&gt;alert(") == 4  # the claim, "reviewing as", and the history's name and note
    tags = _markup(page)
    assert [a.get("src") for t, a in tags if t == "script"] == ["/static/htmx.min.js", "/static/review.js"]
    assert not any(t == "img" for t, _ in tags) and "&lt;script&gt;alert(" in page


def test_a_report_that_is_not_one_is_a_clear_page(folder):
    (folder / "broken.json").write_text('{"name": 1}')
    with TestClient(create_app(folder), base_url=LOCAL) as client:
        answer = client.get("/r/broken")
    assert answer.status_code == 500 and "broken.json: not a checker report" in answer.text


# --- where it listens ----------------------------------------------------------------------------


def test_loopback_by_default_and_a_warning_for_other_addresses():
    assert bind_host(None) == (LOOPBACK, None)
    assert bind_host("localhost")[1] is None and bind_host("::1")[1] is None
    host, warning = bind_host("0.0.0.0")
    assert host == "0.0.0.0" and "reachable by others" in warning


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def _listening(port: int) -> set[str]:
    """The IPv4 addresses (hex, as the kernel lists them) with a socket listening on the port."""
    table = Path("/proc/net/tcp")
    if not table.exists():
        pytest.skip("needs Linux's /proc/net/tcp to see which address a socket is bound to")
    rows = [line.split() for line in table.read_text().splitlines()[1:]]
    return {local.split(":")[0] for _, local, _, state, *_ in rows if state == "0A" and int(local.split(":")[1], 16) == port}


def test_review_command_serves_on_loopback_only_and_a_killed_server_keeps_what_it_saved(folder, seed_report):
    port = _free_port()
    command = [sys.executable, "-c", "from checker.cli import main; main()", "review", str(folder), "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    try:
        assert f"http://127.0.0.1:{port}/" in server.stderr.readline()
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as browser:
            for _ in range(100):
                try:
                    assert browser.get("/r/seed").status_code == 200
                    break
                except httpx.ConnectError:
                    time.sleep(0.1)
            assert _listening(port) == {"0100007F"}  # 127.0.0.1, and no other address
            token = browser.cookies[CSRF_COOKIE]
            browser.post("/reviewer", data={"csrf": token, "reviewer": "Ana"})
            form = {"csrf": token, "finding": findings(seed_report)[0].id, "status": "dismissed", "note": "kept"}
            assert browser.post("/r/seed/decide", data=form).status_code == 303
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        with closing(ReviewStore.in_folder(folder)) as store:
            assert [(d.status, d.reviewer, d.note) for d in store.history("seed")] == [("dismissed", "Ana", "kept")]
    finally:
        server.kill()
        server.wait(10)


def test_review_command_refuses_a_folder_without_reports(tmp_path):
    result = CliRunner().invoke(main, ["review", str(tmp_path)])
    assert result.exit_code == 2 and "holds no report" in result.output


# --- verify with a baseline -----------------------------------------------------------------------


def test_verify_baseline_lets_a_dismissed_finding_pass(folder, seed_report, seed_articles, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for a in seed_articles:
        if a.id.startswith(TWO_SOURCES):
            (corpus / Path(a.path).name).write_text(a.text, encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        f"corpus: {corpus}\npreset: offline\nclaims:\n"
        "  - id: rubio-office\n    text: Marco Rubio is the US Secretary of State.\n    expect:\n      \"004*\": supports\n"
    )
    failing = CliRunner().invoke(main, ["verify", str(claims)])
    assert failing.exit_code == 1 and "FAIL rubio-office" in failing.output and "(1 claims fail)" in failing.output
    title = next(f for f in findings(seed_report) if f.kind == "title")
    with closing(ReviewStore.in_folder(folder)) as store:
        store.record("seed", [f.seen() for f in findings(seed_report)], WHEN)
        store.decide("seed", title.id, "dismissed", "Ana", "Staatssekretär is how 004 always writes it", WHEN)
    passing = CliRunner().invoke(main, ["verify", str(claims), "--baseline", str(folder), "--json", str(tmp_path / "v.json")])
    assert passing.exit_code == 0, passing.output
    verdict = json.loads((tmp_path / "v.json").read_text())
    stance = verdict["claims"][0]["documents"]
    assert [(d["ok"], d["dismissed_by"]) for d in stance if d["expected"]] == [(False, title.id)]
    assert verdict["ok"] is True and verdict["summary"]["claims_failing"] == 0  # as the exit status says
    assert "DISMISSED rubio-office" in passing.output and title.id in passing.output
    assert "1 dismissed in review" in passing.output and "(0 claims fail)" in passing.output
    unreviewed = CliRunner().invoke(main, ["verify", str(claims), "--baseline", str(tmp_path)])
    assert unreviewed.exit_code == 2 and "no review store" in unreviewed.output


def test_a_wildcard_bind_answers_this_machines_names_and_the_names_allowed():
    assert served_names("127.0.0.1") == ["127.0.0.1"]
    assert served_names("192.0.2.7", ("review.example",)) == ["192.0.2.7", "review.example"]
    names = served_names("0.0.0.0", ("review.example",))
    assert {"0.0.0.0", "review.example", socket.gethostname()} <= set(names)
    assert len(names) == len(set(names))
