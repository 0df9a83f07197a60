from __future__ import annotations

import pytest

from checker.claims import _speaker, claim_id, extract_claims
from checker.corpus import build_article


def claims_of(seed_claims, prefix):
    return [c for c in seed_claims if c.doc.startswith(prefix)]


def find(claims, start):
    hits = [c for c in claims if c.text.startswith(start)]
    assert len(hits) == 1, (start, len(hits))
    return hits[0]


def test_offsets_point_into_the_original(seed_articles, seed_claims):
    texts = {a.id: a.text for a in seed_articles}
    for claim in seed_claims:
        assert texts[claim.doc][claim.start:claim.end] == claim.text
        assert claim.text == claim.text.strip()


def test_metadata_furniture_and_headings_are_not_claims(seed_claims):
    texts = [c.text for c in seed_claims]
    assert not any("date 2026" in t for t in texts)
    assert not any(t.startswith(("You may also like", "Home »", "by Ahmed", "Archiviert", "**Mehr")) for t in texts)
    assert "Transition to Clean Energies" not in texts
    assert not any(t.startswith("Beide Länder haben die diplomatischen Beziehungen abgebrochen") for t in texts)
    # the sentence that introduces a quote block is not a claim of its own
    assert "Er betonte:" not in texts


def test_repeated_paragraph_is_one_claim(seed_claims):
    doc = claims_of(seed_claims, "003")
    repeated = [c for c in doc if c.text.startswith("The Colombian president indicated that he extended a personal invitation")]
    assert len(repeated) == 1
    assert len({c.id for c in doc}) == len(doc)


def test_multi_sentence_quotes_stay_whole_with_speaker(seed_claims):
    belief = find(claims_of(seed_claims, "003"), "«In the United States, there is a belief")
    assert belief.text.endswith("he argued.")
    assert "That is the second line." in belief.text
    assert belief.quote and belief.speaker == "Petro"

    first_line = find(claims_of(seed_claims, "000"), "”Die erste Linie des Drogenhandels")
    assert first_line.text.endswith("in Miami.”")  # two sentences inside one quote
    assert first_line.quote and first_line.speaker == "Petro"  # "Er wies ... zurück:" -> Petro


def test_quote_styles_and_speakers(seed_claims):
    german = claims_of(seed_claims, "001")
    raid = find(german, "„Irgendwie wurde er nach dem Überfall")
    assert raid.speaker == "Trump" and raid.quote
    assert find(german, "Er sei „bereit").speaker == "Petro"
    mexico = claims_of(seed_claims, "004")
    assert find(mexico, "„Wir werden keine einseitige Aktion").speaker == "Rubio"
    assert find(mexico, "„Wir können zusammenarbeiten").speaker == "Sheinbaum"
    markdown = find(claims_of(seed_claims, "000"), "”Meine Regierung hat mehr Tonnen Kokain")
    assert not markdown.text.startswith(">") and not markdown.text.endswith("*")


def test_claim_ids_are_content_based():
    a = claim_id("doc", "Petro met Trump.")
    assert a == claim_id("doc", "  petro MET trump ")
    assert a != claim_id("other", "Petro met Trump.")


def test_hard_wrapped_lines_join_into_one_sentence():
    text = "Petro said the meeting with Trump\nwas positive and constructive.\n\nA second paragraph follows here."
    claims = extract_claims(build_article("w", "w.md", text, {"language": "en"}))
    assert [c.text for c in claims] == [
        "Petro said the meeting with Trump\nwas positive and constructive.",
        "A second paragraph follows here.",
    ]


def test_guillemet_and_straight_quotes_stay_whole_in_any_language():
    text = (
        "Der Minister sagte: »Wir handeln nicht allein. Wir helfen aber gern.« Danach ging er.\n\n"
        '«No actuaremos solos. Pero ayudaremos», dijo el ministro Rubio. Luego se fue a casa.\n\n'
        'O presidente disse: "Nós vamos ajudar. Mas não sozinhos." Depois saiu da sala.'
    )
    article = build_article("q", "q.txt", text, {"language": "de"})
    texts = [c.text for c in extract_claims(article)]
    assert "Der Minister sagte: »Wir handeln nicht allein. Wir helfen aber gern.«" in texts
    assert "«No actuaremos solos. Pero ayudaremos», dijo el ministro Rubio." in texts
    assert 'O presidente disse: "Nós vamos ajudar. Mas não sozinhos."' in texts
    spanish = next(c for c in extract_claims(article) if c.text.startswith("«No actuaremos"))
    assert spanish.quote and spanish.speaker == "Rubio"


def test_bullet_and_numbered_list_items_are_claims_without_their_marker():
    text = (
        "The quake struck on Sunday morning near the coast.\n"
        "- 40 people were injured\n"
        "• 10 houses were destroyed\n"
        "1. Rescue teams arrived from Tehran\n"
        "2) Roads stayed closed for days\n"
    )
    article = build_article("x", "x.txt", text, {"language": "en"})
    claims = [c.text for c in extract_claims(article)]
    assert claims == [
        "The quake struck on Sunday morning near the coast.",
        "40 people were injured",
        "10 houses were destroyed",
        "Rescue teams arrived from Tehran",
        "Roads stayed closed for days",
    ]
    assert not article.removed  # no list item is taken for a heading


def test_a_german_ordinal_date_is_not_a_numbered_list_item():
    text = "3. Februar 2026 – Bogotá\nPetro traf Trump am Dienstag im Weißen Haus.\n"
    article = build_article("d", "d.txt", text, {"language": "de"})
    assert [c.text for c in extract_claims(article)] == ["Petro traf Trump am Dienstag im Weißen Haus."]


def test_full_width_sentence_ends_split_chinese_and_japanese():
    chinese = build_article("zh", "zh.txt", "地震造成至少10人死亡。另有40人受伤！政府表示将提供援助。", {})
    assert chinese.language == "zh"
    assert [c.text for c in extract_claims(chinese)] == ["地震造成至少10人死亡。", "另有40人受伤！", "政府表示将提供援助。"]
    japanese = build_article("ja", "ja.txt", "地震で10人が死亡した！40人が負傷した？はい。", {"language": "ja"})
    # sentencex splits Japanese at no full-width stop; "はい。" is too short to be a claim
    assert [c.text for c in extract_claims(japanese)] == ["地震で10人が死亡した！", "40人が負傷した？"]


def test_the_headline_and_a_quote_closed_after_a_space_are_claims():
    text = ("Paris thieves nab $2.5 million worth of jewellery\n"
            "Four men rammed their car into a jewellery store in central Paris on Monday.\n"
            'Mr Gaskin said: "There was a lot of snow.\n'
            '"It appears as if the party were insufficiently equipped for the climb they had undertaken. "\n')
    article = build_article("x", "x.txt", text, {"language": "en"})
    claims = extract_claims(article)
    assert article.title == "Paris thieves nab $2.5 million worth of jewellery"
    assert [c.text for c in claims] == [
        "Paris thieves nab $2.5 million worth of jewellery",
        "Four men rammed their car into a jewellery store in central Paris on Monday.",
        'Mr Gaskin said: "There was a lot of snow.',
        '"It appears as if the party were insufficiently equipped for the climb they had undertaken. "',
    ]
    assert claims[-1].quote
    assert [c.headline for c in claims] == [True, False, False, False]


def test_a_headline_the_body_repeats_gives_way_to_the_body_copy():
    text = ("Paris thieves nab $2.5 million worth of jewellery\n"
            "Paris thieves nab $2.5 million worth of jewellery.\n"
            "Four men rammed their car into a jewellery store in central Paris on Monday.\n")
    claims = extract_claims(build_article("x", "x.txt", text, {"language": "en"}))
    assert [(c.text, c.headline) for c in claims] == [
        ("Paris thieves nab $2.5 million worth of jewellery.", False),
        ("Four men rammed their car into a jewellery store in central Paris on Monday.", False),
    ]


@pytest.mark.parametrize(("text", "quoted", "name"), [
    ('"We will act," said Interior Secretary Ken Salazar.', '"We will act,"', "Ken Salazar"),  # was "Secretary Ken"
    ('"We will act," Interior Secretary Ken Salazar said.', '"We will act,"', "Ken Salazar"),
    ('"We will act," Police Chief Charles Craft said.', '"We will act,"', "Charles Craft"),
    ('"We will act," Salazar said.', '"We will act,"', "Salazar"),
    # one list of titles (lexicons/roles.yaml) for the title before the name and the words filtered from it
    ('"We will act," said Mr. Salazar.', '"We will act,"', "Salazar"),
    ('"We will act," said Sheriff Smith.', '"We will act,"', "Smith"),
    ('"Wir handeln", sagte Botschafterin Weber.', '"Wir handeln"', "Weber"),
    # a title word is dropped in front of the name only: these surnames are words of titles too
    ('"We got lucky," Aaron Judge said.', '"We got lucky,"', "Aaron Judge"),
    ('"We will act," said John Major.', '"We will act,"', "John Major"),
    # titles after another capitalised word, and a title's dot (once "Chief John", "Army Gen", "State Sen")
    ('"We will act," said Deputy Police Chief John Smith.', '"We will act,"', "John Smith"),
    ('"We will act," said Army Gen. John Smith.', '"We will act,"', "John Smith"),
    ('"We will act," said State Sen. John Smith.', '"We will act,"', "John Smith"),
])
def test_the_speaker_is_the_name_after_a_title(text, quoted, name):
    start = text.index(quoted)
    assert _speaker(text, [(start, start + len(quoted))]) == name

