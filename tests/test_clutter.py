"""Page clutter is recorded with its reason, never becomes a claim or the title."""

from __future__ import annotations

from checker.claims import extract_claims
from checker.corpus import build_article, read_corpus

PLAIN = """Advertisement
Quake kills 10 on Qeshm island
Updated Mon 28 Nov 2005, 9:03am AEST
An earthquake measuring 5.9 struck Qeshm island in southern Iran on Sunday, killing at least 10 people.
Click here to read our full coverage of the region.
Video: Rescue teams search the rubble
Rescue teams from Bandar Abbas reached the worst-hit villages by the evening, the governor said.
POLL: Should Iran accept foreign aid? Vote now
Continued on page 3
var ad_slot = googletag.defineSlot('/1234/news', [300, 250]);
"""

PAGE = """<html><head><title>Quake kills 10 on Qeshm island | Example News</title>
<script>var x = 1;</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="ad">Advertisement</div>
<article><h1>Quake kills 10 on Qeshm island</h1>
<p>An earthquake measuring 5.9 struck Qeshm island in southern Iran on Sunday, killing at least 10 people and injuring dozens more.</p>
<p>Rescue teams from Bandar Abbas reached the worst-hit villages by the evening, the provincial governor said on state television.</p>
<p>Hundreds of houses were damaged in the villages near the coast, and many families spent the night outdoors in the cold.</p>
</article>
<aside><ul><li><a href="/a">Most read: Celebrity wedding photos</a></li></ul></aside>
<footer>Copyright 2005 Example News. All rights reserved.</footer>
</body></html>"""


def removed(article):
    return {article.text[r.start:r.end]: r.reason for r in article.removed}


def test_plain_text_clutter_is_listed_with_its_reason_and_the_title_is_the_headline():
    article = build_article("q", "q.txt", PLAIN, {"language": "en"})
    reasons = removed(article)
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Updated Mon 28 Nov 2005, 9:03am AEST"] == "dateline"
    assert reasons["Click here to read our full coverage of the region."] == "call-to-action"
    assert reasons["Video: Rescue teams search the rubble"] == "video-blurb"
    assert reasons["POLL: Should Iran accept foreign aid? Vote now"] == "poll"
    assert reasons["Continued on page 3"] == "continued"
    assert reasons["var ad_slot = googletag.defineSlot('/1234/news', [300, 250]);"] == "script-text"
    assert article.title == "Quake kills 10 on Qeshm island"
    # the headline under the advertisement is a claim too (its toll is checked), marked as such
    claims = extract_claims(article)
    assert [c.text[:20] for c in claims] == ["Quake kills 10 on Qe", "An earthquake measur", "Rescue teams from Ba"]
    assert [c.headline for c in claims] == [True, False, False]


def test_html_is_read_with_an_article_extractor_and_everything_else_is_listed():
    article = build_article("p", "p.md", PAGE, {})
    assert article.title == "Quake kills 10 on Qeshm island"
    reasons = removed(article)
    assert reasons["Advertisement"].startswith("page clutter")
    assert reasons["Copyright 2005 Example News. All rights reserved."].startswith("page clutter")
    assert any(text.startswith("Most read") and why.startswith("page clutter") for text, why in reasons.items())
    claims = [c.text for c in extract_claims(article)]
    assert claims[0] == "Quake kills 10 on Qeshm island"  # the <h1> headline
    assert len(claims) == 4 and all(c.startswith(("An earthquake", "Rescue teams", "Hundreds of houses")) for c in claims[1:])


def test_an_html_file_in_a_corpus_folder_is_read(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [article] = read_corpus(tmp_path, 5_000_000)
    assert article.id == "page" and article.title == "Quake kills 10 on Qeshm island"
