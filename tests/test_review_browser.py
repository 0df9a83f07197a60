"""End to end in a real browser (Playwright driving Debian's chromium, headless, network blocked):
read and filter the HTML report, review a finding by keyboard in the app, re-run the pipeline with
one article changed, and find the decision still on its finding and the new finding marked new.
Screenshots go to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner

from checker.cli import main
from checker.review.app import create_app

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).is_file():
    if os.environ.get("CI"):  # .ci/run installs it: a missing browser there is a failure, not a skip
        raise RuntimeError("Debian's chromium is not installed: .ci/run must apt-get install it")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

ARTIFACTS = Path(__file__).parent / "artifacts"
SOURCES = ("001", "004")  # two seed articles: a framing and a title finding between them
# Added to 004 for the re-run: the month of the election differs from 001's "Im Mai ...".
CHANGE = "\n\nIm Juni wird in Kolumbien ein neuer Präsident gewählt.\n"
NOTE = "Loaded word, see the desk memo. Typing c d f o j k n here decides nothing. <b>not bold</b>"
HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>"  # as a source name: must show as text


def _run(corpus: Path, out: Path) -> dict:
    result = CliRunner().invoke(main, ["run", str(corpus), "--preset", "offline", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads((out / "corpus.json").read_text(encoding="utf-8"))


class _Server:
    """The review app on a free loopback port, in a thread of this process."""

    def __init__(self, folder: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(create_app(folder), host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            assert time.monotonic() < deadline, "the review app did not start"
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)


def test_editor_reads_the_report_and_reviews_by_keyboard_across_a_rerun(tmp_path, seed_articles):
    ARTIFACTS.mkdir(exist_ok=True)
    corpus, out = tmp_path / "corpus", tmp_path / "reports"
    corpus.mkdir()
    for a in seed_articles:
        if a.id.startswith(SOURCES):
            shutil.copy(a.path, corpus)
    hostile_doc = next(p.name for p in corpus.iterdir() if p.name.startswith("004"))
    (corpus / "sources.yaml").write_text(f"{hostile_doc}: {{source: '{HOSTILE}', url: 'javascript:alert(3)'}}\n")
    first = _run(corpus, out)
    kinds = {f["kind"]: f["id"] for f in first["findings"]}
    framing, title = kinds["framing"], kinds["title"]

    with _Server(out) as app, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        outside: list[str] = []
        problems: list[str] = []

        def only_local(route):
            if route.request.url.startswith((app + "/", "file://")):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", only_local)
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

        def nothing_injected(scripts: int):
            """The hostile source name shows as text; no element came from it or from the note."""
            assert page.locator("img, b").count() == 0 and page.locator("script").count() == scripts
            assert HOSTILE in page.locator("body").inner_text()

        # The static report: findings first, filters, search, and the sentence in its article.
        page.goto((out / "corpus.html").as_uri())
        findings = page.locator("#findings ~ article.finding")
        assert findings.count() == 2 and page.locator(f"#{framing}").is_visible()
        page.get_by_label("title", exact=True).check()
        assert page.locator(f"#{title}").is_visible() and not page.locator(f"#{framing}").is_visible()
        page.locator("#fk-0").check()
        page.fill("#search", "narcoterroristen")
        assert page.locator(f"#{framing}").is_visible() and not page.locator(f"#{title}").is_visible()
        page.screenshot(path=ARTIFACTS / "report-findings.png")
        page.fill("#search", "")
        nothing_injected(scripts=1)  # the search script
        page.locator(f"#{framing} a").first.click()
        assert page.evaluate("location.hash") and page.locator(".claim:target").is_visible()
        page.screenshot(path=ARTIFACTS / "report-article.png")

        # The app: sign in, then keyboard only.
        page.goto(app + "/")
        page.fill("#reviewer", "Ana Editor")
        page.press("#reviewer", "Enter")
        page.wait_for_selector("#reviewer-name")
        assert page.locator(".finding.current").get_attribute("id") == framing
        page.keyboard.press("n")
        page.keyboard.type(NOTE)
        page.keyboard.press("Escape")
        assert page.locator(f"#{title} .badge.status").inner_text() == "to decide"  # no hotkey fired while typing
        page.keyboard.press("c")
        page.wait_for_selector(f"#{framing} .badge.status.confirmed")
        assert NOTE in page.locator(f"#{framing} .history").inner_text()
        assert "1 to decide, 1 confirmed" in page.locator("#counts").inner_text()
        page.wait_for_selector(f"#{title}.current")  # a decision moves on to the next finding
        nothing_injected(scripts=2)  # htmx and review.js
        page.screenshot(path=ARTIFACTS / "app-decided.png")

        # One article changes, the pipeline runs again; the decision stays on its finding.
        with (corpus / hostile_doc).open("a", encoding="utf-8") as article:
            article.write(CHANGE)
        second = _run(corpus, out)
        added = [f["id"] for f in second["findings"] if f["new"]]
        assert len(added) == 1 and framing in {f["id"] for f in second["findings"]}
        page.reload()
        assert page.locator(f"#{framing} .badge.status").inner_text() == "confirmed"
        assert NOTE in page.locator(f"#{framing} .history").inner_text()
        assert page.locator(f"#{added[0]} .badge.new").is_visible()
        assert page.locator(f"#{title} .badge.new").count() == 0
        page.screenshot(path=ARTIFACTS / "app-after-rerun.png", full_page=True)

        # The re-run's static report carries the decision too.
        page.goto((out / "corpus.html").as_uri())
        assert page.locator(f"#{framing} .badge.confirmed").is_visible() and page.locator(f"#{added[0]} .badge.new").is_visible()
        browser.close()

    assert outside == [], f"requests left this machine: {outside}"
    assert problems == [], problems
    print(f"screenshots in {ARTIFACTS}")
