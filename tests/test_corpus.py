from __future__ import annotations

import json

import pytest

from checker.corpus import build_article, read_corpus
from checker.errors import InputError


def removed_texts(article):
    return {(r.reason, article.text[r.start:r.end]) for r in article.removed}


def test_seed_corpus_metadata_and_languages(seed_articles):
    by_id = {a.id[:3]: a for a in seed_articles}
    assert [a.id for a in seed_articles] == sorted(a.id for a in seed_articles)
    assert {k: a.language for k, a in by_id.items()} == {"000": "de", "001": "de", "002": "en", "003": "en", "004": "de"}
    assert by_id["001"].date == "2026-02-03"
    assert by_id["003"].date == "2026-02-04"
    assert by_id["000"].date is None
    assert ("date-line", " date 2026-02-03 ") in removed_texts(by_id["001"])


def test_page_furniture_is_recorded_not_deleted(seed_articles):
    by_id = {a.id[:3]: a for a in seed_articles}
    web = removed_texts(by_id["002"])
    assert ("byline", "by Ahmed Hassan - World News Editor") in web
    assert ("related-links", "You may also like") in web
    assert ("comments", "Leave a Comment") in web
    assert any(reason == "breadcrumb" and text.startswith("Home » World »") for reason, text in web)
    assert any(text.startswith("This site uses Akismet") for _, text in web)
    assert ("archive-label", "Archiviert unter:") in removed_texts(by_id["004"])
    assert any(text.startswith("**Mehr zum Thema** –") for _, text in removed_texts(by_id["000"]))
    # the original text is untouched: offsets keep pointing into it
    assert by_id["002"].text.startswith("Home » World »")


def test_headings_and_title(seed_articles):
    by_id = {a.id[:3]: a for a in seed_articles}
    assert by_id["002"].title.startswith("Colombian President Claims Drug Trafficking Hubs")
    headings = {text for reason, text in removed_texts(by_id["003"]) if reason == "heading"}
    assert {"Transition to Clean Energies", "Gift Exchange Between Trump and Petro"} <= headings
    # a mid-article sub-heading is not the title
    assert by_id["001"].title is None
    # the headline is the title and stays prose (a claim); later headings are removed
    assert by_id["002"].title not in {text for _, text in removed_texts(by_id["002"])}
    assert by_id["002"].title in by_id["002"].masked_text()


def test_a_headline_stays_prose_unless_it_is_clutter():
    text = ("Advertisement\nPowerful Quake in Iran Kills 10; 80 Hurt and 7 Villages Damaged\n"
            "A powerful earthquake hit southern Iran on Sunday, killing 10 people.\nRescue efforts\n"
            "Two helicopters moved the injured to the hospital.\n")
    article = build_article("x", "x.txt", text, {})
    assert article.title == "Powerful Quake in Iran Kills 10; 80 Hurt and 7 Villages Damaged"
    assert removed_texts(article) == {("advertisement", "Advertisement"), ("heading", "Rescue efforts")}
    assert article.title in article.masked_text()


@pytest.mark.parametrize(("first", "headline"), [
    ("Quake kills 30,000 in Bam on December 26", True),  # a headline that names a day
    ("Colts Clinch Playoff Berth With 20-13 Win in K.C.", True),  # title case: a headline despite its period
    ("3. Februar 2026 – Bogotá", False),  # a dateline: no headline, no title
    ("Bogotá – 3. Februar 2026", False),
    ("Monday, 27 November 2005, 10:12 GMT", False),
    ("December 26, 2003 10:30 a.m. EST", False),  # a time and a zone
    ("BAM, Iran, Dec. 26 (Reuters) -", False),  # places, comma-separated
    ("Paris, le 5 mai 2024", False),  # an article before the day
    ("Smith Dies – May 3", True),  # title case before a dash: no place
])
def test_a_dateline_is_neither_headline_nor_title(first, headline):
    text = f"{first}\n\nRescuers searched the rubble of the city on Tuesday.\nTwo helicopters moved the injured.\n"
    article = build_article("x", "x.txt", text, {})
    assert (article.headline is not None, article.title) == (headline, first if headline else None)
    assert (first in {text for _, text in removed_texts(article)}) is not headline


def test_a_long_line_of_figures_after_a_day_is_no_dateline():
    heading = "# 3 May 2020 " + "1 " * 3000
    article = build_article("x", "x.md", f"{heading}\n\nRescuers searched the rubble on Tuesday.\n", {})
    assert article.headline == (0, len(heading.rstrip()))


@pytest.mark.parametrize("line", [
    '"It appears as if the party were insufficiently equipped and inexperienced for the climb they had undertaken. "',
    "No one knew where to go. \u201d",
    "Very, very, very subdued. '",
])
def test_a_quote_closed_after_a_space_is_no_heading(line):
    article = build_article("x", "x.txt", f"Mr Gaskin spoke on Sunday in Twizel.\n{line}\nHe left.\n", {})
    assert not article.removed


def test_html_and_script_are_masked_with_offsets_kept():
    text = "<html><head><script>alert('Trump wins');</script></head><body><p>Petro met Trump in Washington on Tuesday.</p></body></html>"
    article = build_article("x", "x.html.txt", text, {})
    masked = article.masked_text()
    assert len(masked) == len(text)
    assert "alert" not in masked and "<p>" not in masked
    assert masked.strip() == "Petro met Trump in Washington on Tuesday."
    assert any(r.reason == "html-script" for r in article.removed)


def test_json_jsonl_and_sources_yaml(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "Der Präsident reiste am Dienstag nach Washington.", "title": "T", "source": "S"}))
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "b-one", "text": "The president travelled to Washington on Tuesday."}) + "\n"
        + json.dumps({"text": "El presidente viajó a Washington el martes por la tarde."}) + "\n"
    )
    (tmp_path / "c.md").write_text("# Heading\n\nThe meeting lasted nearly two hours, officials said.\n")
    (tmp_path / "sources.yaml").write_text("c.md:\n  source: Example Wire\n  url: https://example.org/c\n  date: 2026-02-03\n")
    articles = {a.id: a for a in read_corpus(tmp_path, 1_000_000)}
    assert sorted(articles) == ["a", "b-2", "b-one", "c"]
    assert articles["a"].source == "S" and articles["a"].title == "T" and articles["a"].language == "de"
    assert articles["b-2"].language == "es"
    assert articles["c"].source == "Example Wire" and articles["c"].date == "2026-02-03"
    assert articles["c"].title == "# Heading"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n ", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Präsident Petro traf Trump.".encode("latin-1"), "not valid UTF-8 text (byte 0xe4 at offset 2)"),
        ("bad.json", b'{"text": "unterminated', "malformed JSON"),
        ("notext.json", b'{"title": "no body"}', 'missing or empty "text" field'),
        ("furniture.txt", b"You may also like\nLeave a Comment\n", "no article text left"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(tmp_path, name, content, problem):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_corpus(tmp_path, 1_000_000)
    assert name in caught.value.where
    assert problem in caught.value.problem


def test_huge_file_is_refused_before_reading(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as stream:
        stream.truncate(50_000_000)
    with pytest.raises(InputError, match=r"huge.txt: file is 50.0 MB, over the limit of 5.0 MB"):
        read_corpus(tmp_path, 5_000_000)


def test_folder_problems(tmp_path):
    with pytest.raises(InputError, match="no such folder"):
        read_corpus(tmp_path / "missing", 1000)
    with pytest.raises(InputError, match="no article files"):
        read_corpus(tmp_path, 1000)
    (tmp_path / "a.txt").write_text("Petro met Trump in Washington on Tuesday.")
    (tmp_path / "sources.yaml").write_text("a.txt: [unclosed\n")
    with pytest.raises(InputError, match=r"sources.yaml: line 2: malformed YAML"):
        read_corpus(tmp_path, 1000)
    (tmp_path / "sources.yaml").write_text("a.txt:\n  author: X\n")
    with pytest.raises(InputError, match="unknown key"):
        read_corpus(tmp_path, 1000)
    (tmp_path / "sources.yaml").write_text("z.txt:\n  source: X\n")
    with pytest.raises(InputError, match="not in the corpus: z.txt"):
        read_corpus(tmp_path, 1000)
