from __future__ import annotations

import io
import json

import jsonschema
import pandas as pd
import pytest

from checker.config import load_config
from checker.corpus import build_article
from checker.embed import CachedEmbedder
from checker.pipeline import run
from checker.report import write_report
from checker.report.json import render_json, report_schema
from checker.report.markdown import md_cell, render_markdown
from checker.report.tables import coverage_frame, render_csv


def test_json_validates_and_holds_the_required_fields(seed_report):
    data = json.loads(render_json(seed_report))
    jsonschema.validate(data, report_schema())
    assert data["settings"]["mode"] == "triage" and data["settings"]["nli"] is None
    assert {"id"} <= set(data["documents"][0])
    assert {"id", "doc", "text", "start", "end"} <= set(data["claims"][0])
    assert {"a", "b", "similarity", "verdict", "reasons"} <= set(data["pairs"][0])
    assert all(r["kind"] for p in data["pairs"] for r in p["reasons"])
    assert {"id", "claims", "verdict"} <= set(data["groups"][0])
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for claim in data["claims"]:
        assert texts[claim["doc"]][claim["start"]:claim["end"]] == claim["text"]


def test_schema_rejects_a_broken_report(seed_report):
    data = json.loads(render_json(seed_report))
    data["pairs"][0]["verdict"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, report_schema())


def test_markdown_has_coverage_side_by_side_texts_and_triage_notice(seed_report):
    text = render_markdown(seed_report)
    assert "NLI: **skipped (triage mode)**" in text
    assert "## Coverage" in text and "## Claim groups" in text
    assert "Die erste Linie des Drogenhandels" in text and "The first line of drug trafficking lives" in text
    assert "by Ahmed Hassan" in text  # removed furniture is shown, not hidden


def test_markdown_escapes_markup_from_articles(e5):
    hostile = build_article("h", "h.txt", "Petro said <b>x</b> | y and left the talks.\n\nTrump said the talks went well in Washington.", {"language": "en"})
    other = build_article("o", "o.txt", "Petro said x | y and then left the talks.\n\nTrump said the talks went well in Washington.", {"language": "en"})
    report = run([hostile, other], load_config("offline"), CachedEmbedder(e5, None), None, name="h", generated_at="t")
    text = render_markdown(report)
    assert "<b>" not in text and "&lt;b&gt;" in text


def test_csv_and_coverage(seed_report):
    frame = pd.read_csv(io.StringIO(render_csv(seed_report)))
    assert len(frame) == len(seed_report.pairs)
    assert {"verdict", "text_a", "text_b", "similarity", "reasons"} <= set(frame.columns)
    coverage = coverage_frame(seed_report)
    assert len(coverage) == len(seed_report.groups)
    assert coverage.iloc[:, 3:].sum(axis=1).min() >= 2  # every group spans at least two sources


def test_every_group_and_coverage_row_has_a_readable_label(seed_report):
    labels = {g.group.id: g.label for g in seed_report.groups}
    texts = {c.id: " ".join(c.text.split()) for c in seed_report.claims}
    for g in seed_report.groups:  # the label is one of the group's own claims, at most 80 characters
        assert 0 < len(g.label) <= 80
        assert any(texts[c].strip("„“”»«\"' ").startswith(g.label.rstrip("…")) for c in g.group.claims)
    assert {g["id"]: g["label"] for g in json.loads(render_json(seed_report))["groups"]} == labels
    assert dict(zip(coverage_frame(seed_report)["group"], coverage_frame(seed_report)["label"])) == labels
    frame = pd.read_csv(io.StringIO(render_csv(seed_report)), dtype=str, keep_default_na=False)
    assert all(labels.get(g, "") == label for g, label in zip(frame["group"], frame["group_label"]))
    markdown = render_markdown(seed_report)
    for group_id, label in labels.items():
        assert f"| [{group_id}](#{group_id}) | {md_cell(label)} |" in markdown


def test_report_is_identical_across_runs(seed_articles, e5):
    config = load_config("offline")
    first = run(list(seed_articles), config, CachedEmbedder(e5, None), None, name="r", generated_at="x")
    second = run(list(seed_articles), config, CachedEmbedder(e5, None), None, name="r", generated_at="x")
    assert render_json(first) == render_json(second)
    assert render_markdown(first) == render_markdown(second)


def test_failed_write_leaves_nothing_behind(seed_report, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "seed.json").write_text("previous report")

    def broken(report):
        raise RuntimeError("renderer failed")

    monkeypatch.setitem(__import__("checker.report", fromlist=["RENDERERS"]).RENDERERS, ".csv", broken)
    with pytest.raises(RuntimeError):
        write_report(seed_report, out)
    assert sorted(p.name for p in out.iterdir()) == ["seed.json"]
    assert (out / "seed.json").read_text() == "previous report"
