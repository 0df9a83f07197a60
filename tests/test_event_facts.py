"""Corpus-wide facts that are not figures (signals/event_facts.py through fact_sets.py's sets)."""

from datetime import date

import pytest
from signal_helpers import fact_sets

from checker.signals.fact_sets import fact_characterisations
from checker.signals.moments import moments

DAY = date(2011, 11, 10)  # a Thursday


def characterised(texts, similarity=0.9, kind="fact"):
    """The fact characterisations of one event, one claim per (doc, text), all of DAY."""
    return [ch for ch in fact_characterisations(fact_sets([(doc, text, DAY) for doc, text in texts], similarity)) if ch.kind == kind]


def camps(found):
    return [(value, [m.doc for m in mentions]) for value, mentions in found.camps]


def test_times_of_one_act_that_differ():
    [found] = characterised([("a", "Sudan Armed Forces planes bombed the refugee camp at 3:20 p.m. on Thursday."),
                             ("b", "The Sudan Armed Forces attacked the refugee camp at 2:53 p.m. local time today.")])
    assert found.subject == "time of day" and not found.consistent
    assert camps(found) == [("2:53 p.m.", ["b"]), ("3:20 p.m.", ["a"])]


@pytest.mark.parametrize("a, b, similarity", [
    # "about 3 p.m." fits 2:53
    ("Sudan Armed Forces planes bombed the refugee camp at about 3 p.m. on Thursday.",
     "The Sudan Armed Forces attacked the refugee camp at 2:53 p.m. local time today.", 0.9),
    # another act: nothing shared but the clock
    ("The gunman opened fire in the office at 9:30 a.m.", "Police held a press conference at 2 p.m.", 0.9),
    # the same words, but embeddings far apart: not one act
    ("Police said the shooting at the office began at 9:30 a.m.", "Police said the office reopened at 11 a.m.", 0.7),
    # another day
    ("The camp was bombed at 3:20 p.m. on Tuesday by Sudan Armed Forces.",
     "The camp was bombed at 2:53 p.m. on Thursday by Sudan Armed Forces.", 0.95),
    # one man, two acts of his story: the arrest and the death (words and wording alike enough
    # for one act but for the acts' own words: EventFact.comparable)
    ("The man was arrested at 3 p.m. on Thursday near the station.", "The man died at 5 p.m. on Thursday near the station.", 0.95),
    ("The gunman was arrested at 3 p.m. on Thursday near the central railway station.",
     "The gunman died at 5 p.m. on Thursday near the central railway station.", 0.95),
])
def test_times_of_other_acts_or_days_are_left_apart(a, b, similarity):
    assert characterised([("a", a), ("b", b)], similarity) == []


def test_times_of_clauses_that_share_an_act_still_differ():
    [found] = characterised([("a", "The man was arrested at 3 p.m. on Thursday near the station."),
                             ("b", "The man was arrested and taken to hospital at 5 p.m. on Thursday near the station.")], 0.95)
    assert found.subject == "time of day" and not found.consistent


def test_one_persons_age_across_sources():
    [found] = characterised([("a", "Anthony Buckley, 32, was arrested at his home."),
                             ("b", "The accountant, Buckley, 31, had worked at the firm.")], similarity=0.0)
    assert found.subject == "age of Anthony Buckley"  # a surname alone is the event's only Buckley
    assert camps(found) == [("31", ["b"]), ("32", ["a"])]


def test_ages_of_unnamed_people_are_no_facts_of_the_event():
    """"A man" of one outlet may be another man of another's (signals/moments.py's described ages)."""
    assert characterised([("a", "A 36-year-old man died on Friday."), ("b", "A 32-year-old man was hurt on Friday.")]) == []


def test_ages_of_two_people_are_two_facts():
    assert characterised([("a", "Buckley, 32, was arrested."), ("b", "Johnson, 31, was wounded.")]) == []


def test_ages_of_one_family_are_facts_of_each_person():
    """A brother and his sister: their ages differ and no outlet disagrees; one outlet's other
    age of the brother does."""
    family = [("a", "John Smith, 23, and his sister Kate Smith, 20, were hurt."),
              ("b", "The victims were John Smith, 23, and Kate Smith, 20.")]
    assert characterised(family, similarity=0.0) == []
    [found] = characterised([*family, ("c", "Police named him as John Smith, 24.")], similarity=0.0)
    assert found.subject == "age of John Smith"
    assert camps(found) == [("23", ["a", "b"]), ("24", ["c"])]


@pytest.mark.parametrize(("texts", "subjects"), [
    # one first name before the surname in the event: the surname alone is that person
    ([("a", "Police named the driver as John Smith, 23."), ("b", "The driver, Smith, 24, was arrested.")],
     ["age of John Smith"]),
    # two first names before it: whose age "Smith, 24" is, is a guess
    ([("a", "Police named the driver as John Smith, 23."), ("b", "The driver, Smith, 24, was arrested."),
      ("c", "His sister Kate Smith was not hurt.")], []),
    # a title is no first name ("Officer Smith" is John Smith)
    ([("a", "Police named the driver as John Smith, 23."), ("b", "Officer Smith, 24, was arrested.")],
     ["age of John Smith"]),
])
def test_a_surname_alone_is_the_only_person_of_that_surname(texts, subjects):
    assert [found.subject for found in characterised(texts, similarity=0.0)] == subjects


def test_ages_of_one_person_whose_name_is_spelled_two_ways_are_one_fact():
    found = characterised([("a", "On Friday, 36-year-old Duncan Raite died after falling from a ridge."),
                             ("b", "Duncan Rait, 35, was a keen skier."),
                             ("c", "Mr Buckley died a day after 36-year-old Duncan Rait was killed.")], similarity=0.0)
    [found] = [f for f in found if f.subject.startswith("age")]
    assert found.subject == "age of Duncan Rait"
    assert camps(found) == [("35", ["b"]), ("36", ["a", "c"])]


@pytest.mark.parametrize(("texts", "subjects"), [
    # a man and a woman of one surname, told apart by their titles
    ([("a", "Mrs. Kafoury, 63, died."), ("b", "Mr. Kafoury, 30, her son, was not hurt."), ("c", "Mrs. Kafoury, 63, was a receptionist.")], []),
    ([("a", "Mrs. Kafoury, 63, died."), ("b", "Mr. Kafoury, 30, her son, was not hurt."), ("c", "Mrs. Kafoury, 64, was a receptionist.")],
     ["age of Ms Kafoury"]),
    # one title only: the surname alone is the event's only person of that surname
    ([("a", "Madeline Kafoury, 63, died."), ("b", "Mrs. Kafoury, 64, was a receptionist.")], ["age of Madeline Kafoury"]),
])
def test_a_title_tells_two_people_of_one_surname_apart(texts, subjects):
    assert [found.subject for found in characterised(texts, similarity=0.0)] == subjects


def test_a_first_name_of_either_of_two_people_joins_neither():
    """Chris may be Christina or her brother Christopher: neither's age is one with the other's."""
    assert characterised([("a", "Christina Smith, 20, and her brother Christopher Smith, 23, were hurt."),
                          ("b", "Chris Smith, 23, was hurt."), ("c", "Christina Smith, 20, was treated.")], similarity=0.0) == []


def test_a_headlines_capitals_are_no_first_name():
    texts = [("a", "Police named the driver as John Smith, 23."), ("b", "The driver, Smith, 24, was arrested."),
             ("c", "Gunman Who Shot Smith Is Held In Troy")]
    assert [found.subject for found in characterised(texts, similarity=0.0)] == ["age of John Smith"]


def test_a_people_before_a_surname_is_no_second_person():
    [found] = characterised([("a", "Duncan Rait, 36, died."), ("b", "The Kenyan Rait had lived in Nairobi."), ("c", "Rait, 35, fell.")],
                            similarity=0.0)
    assert found.subject == "age of Duncan Rait"


def test_a_car_before_a_surname_is_no_second_person():
    """"the Ford Fusion LaCalamita drove" names no Fusion LaCalamita: "LaCalamita, 39" is still Anthony's age."""
    [found] = characterised([("a", "Anthony LaCalamita, 38, was arrested."), ("b", "Police found the silver Ford Fusion LaCalamita drove."),
                             ("c", "Mr. LaCalamita, 39, was arrested.")], similarity=0.0)
    assert found.subject == "age of Anthony LaCalamita"


def test_a_team_named_two_ways_is_one_owner():
    """'Indianapolis' and 'Colts' are one team where the event writes 'Indianapolis Colts'."""
    [found] = characterised([("a", "By beating the Chiefs, Indianapolis' record rose to 9-5."),
                             ("b", "The Colts (10-5) clinched a playoff spot."),
                             ("c", "The Indianapolis Colts beat the Kansas City Chiefs 20-13.")], similarity=0.0)
    assert found.subject == "record of Indianapolis Colts"
    assert camps(found) == [("9-5", ["a"]), ("10-5", ["b"])]


def test_manners_of_death_that_exclude_each_other():
    [found] = characterised([("a", "The three bank employees were burnt to death."),
                             ("b", "Two women and one man working for the bank choked on smoke.")], similarity=0.0)
    assert found.subject == "manner of death"
    assert camps(found) == [("burnt to death", ["a"]), ("choked on smoke", ["b"])]


def test_places_of_death_across_sources():
    """Where one victim died is one fact of the event, however differently the sources name her."""
    [found] = characterised([("a", "The woman, identified by the police as Madeline Kafoury, died at the scene, the authorities said."),
                             ("b", "She said the third victim died on the way to the hospital."),
                             ("c", "The spokeswoman said the three victims were taken to the hospital.")], similarity=0.0)
    assert found.subject == "place of death"
    assert camps(found) == [("died at the scene", ["a"]), ("died on the way to the hospital", ["b"])]


@pytest.mark.parametrize("texts", [
    # one source tells of two victims who died apart: where "the victim" died is no one fact
    [("a", "One victim died at the scene."), ("a", "Another victim died later in hospital."), ("b", "The victim died at the scene."),
     ("c", "The victim died in hospital.")],
    # ... so does one claim
    [("a", "One died at the scene, another in hospital."), ("b", "The victim died in hospital.")],
    # claims of other days
    [("a", "The boy died at the scene on Tuesday."), ("b", "The boy died in hospital on Thursday.")],
])
def test_deaths_that_are_no_one_fact(texts):
    assert characterised(texts, similarity=0.0) == []


def test_a_source_with_two_manners_of_death_tells_of_several_dead():
    assert characterised([("a", "Two employees were burnt to death."), ("a", "A third employee suffocated."),
                          ("b", "The bank employees choked on smoke.")], similarity=0.0) == []


def test_a_toll_of_another_days_attack_is_another_fact():
    """The bombing 'on Tuesday' that killed seven is not Thursday's, which killed 12."""
    texts = [("a", "Kiir said the bombing of Guffa in Upper Nile state on Tuesday killed seven people."),
             ("b", "The commissioner said 12 people were killed in Thursday's bombing.")]
    assert fact_sets([(doc, text, DAY) for doc, text in texts], similarity=0.95) == []


@pytest.mark.parametrize("text", ["In Heraklion, 10,000 people marched.", "Qeshm, a 1,500-square-kilometer island, shook."])
def test_a_thousands_figure_after_a_name_is_no_age(text):
    assert [m for m in moments(text) if m.kind.startswith("age") and not m.described] == []


def test_one_name_spelled_two_ways_beside_one_name():
    [found] = characterised([("a", "Governor Heydar Alishbandi said five villages were hit."),
                             ("b", "Governor Heydar Alishvandi said 50 were injured."),
                             ("c", "Governor Heydar Alishvandi visited the island.")], similarity=0.0)
    assert found.subject == "spelling of Alishvandi"
    assert camps(found) == [("Alishbandi", ["a"]), ("Alishvandi", ["b", "c"])]


def test_a_surname_after_one_first_name_spelled_two_ways():
    """Short surnames and particles tell after one same first name, in claims about other places
    and days: a name's spelling is one fact wherever it is told."""
    [found] = characterised([("a", "On Friday, Duncan Raite died after falling 60 metres near the Tasman Glacier."),
                             ("b", "Mr Buckley died on Saturday, a day after Duncan Rait was killed."),
                             ("c", "Duncan Rait had lived in Melbourne.")], similarity=0.0)
    assert found.subject == "spelling of Rait"
    assert camps(found) == [("Rait", ["b", "c"]), ("Raite", ["a"])]
    [found] = characterised([("a", "The suspect's name is Anthony Calamita, police said."),
                             ("b", "The suspect, Anthony LaCalamita, was fired on Thursday."),
                             ("c", "LaCalamita was arrested in Southfield.")], similarity=0.0)
    assert camps(found) == [("Calamita", ["a"]), ("LaCalamita", ["b", "c"])]


@pytest.mark.parametrize("texts", [
    [("a", "Her daughter Charlene Kafoury sobbed."), ("b", "Her brother, Charlie Kafoury, spoke.")],  # one family's surname
    [("a", "Steve Smith scored."), ("b", "Sam Smith scored.")],
    [("a", "Jamaal Charles ran for 226 yards."), ("b", "The Chiefs rallied behind Jamaal Charles' 226 yards.")],  # a possessive
])
def test_names_of_one_family_or_in_the_possessive_are_no_spellings(texts):
    assert [ch for ch in characterised(texts, similarity=0.0) if ch.subject.startswith("spelling")] == []


def test_a_town_and_a_name_spelled_alike_are_two_names():
    # a town ("Marlow") against a name that is none ("Marlon"), each beside a name spelled two ways
    found = characterised([("a", "Thieves hit the Heydar Marlow shop on Monday."),
                           ("b", "Thieves hit the Heidar Marlon shop on Monday.")], similarity=0.0)
    assert [ch.subject for ch in found if ch.subject.startswith("spelling")] == ["spelling of Heydar"]


def test_alike_names_beside_other_names_are_two_names():
    assert characterised([("a", "The fire at the Marfin Bank branch killed three."),
                          ("b", "Protesters quoted Martin Luther King in the square.")], similarity=0.0) == []


def test_a_weekday_after_in_is_no_place():
    """'in the morning Thursday' names a day, not a place that would set the figure apart."""
    [found] = characterised([("a", "Planes dropped four bombs on the camp early in the morning Thursday, witnesses said."),
                             ("b", "Planes dropped five bombs on the camp, witnesses said."),
                             ("c", "The camp holds refugees from the Nuba Mountains.")], similarity=0.0, kind="figure")
    assert [value for value, _ in found.camps] == ["four bombs", "five bombs"]


def test_a_person_is_a_year_older_a_year_later():
    def ages(day_b):
        texts = [("a", "Anthony Buckley, 38, was arrested.", date(2007, 4, 10)), ("b", "Anthony Buckley, 39, was convicted.", day_b)]
        return fact_characterisations(fact_sets(texts))
    assert ages(date(2008, 4, 30)) == []
    assert len(ages(date(2007, 4, 11))) == 1


@pytest.mark.parametrize(("text", "owner"), [
    ("Ödegaard, 32, was arrested.", "age odegaard"),
    ("The 32-year-old Émile was arrested.", "age emile"),
    ("Östersund (10-5) clinched a playoff spot.", "record ostersund"),
])
def test_a_name_with_an_accented_capital_owns_its_fact(text, owner):
    assert [m.kind for m in moments(text)] == [owner]


@pytest.mark.parametrize("text", [
    "A 32-year-old man from Ohio was arrested.",  # no age across a preposition
    "A 40-year-old woman in Kansas City was hurt.",
    "Der 32-jährige aus Berlin wurde festgenommen.",
    "A 32-year-old Troy resident was arrested.",  # a town before a noun
    "The 40-year-old Berlin man was arrested.",
    "The 15-year-old Greek boy died.",  # a people
    "The 40-year-old American never recovered.",
    "The 16-year-old was released Wednesday.",
    "A 36-year-old Australian man died on Friday.",  # one word before a noun that is no verb
    "A 32-year-old British climber dies after a fall.",
])
def test_a_place_or_people_after_an_age_is_no_owner(text):
    assert [m for m in moments(text) if m.kind.startswith("age") and not m.described] == []


@pytest.mark.parametrize(("text", "owner"), [
    ("The 32-year-old Jackson said he was sorry.", "age jackson"),  # a city's name, but a verb after it
    ("The 36-year-old LaSalle had been drinking.", "age lasalle"),
    ("The 32-year-old gunman Buckley was arrested.", "age buckley"),
    ("Der 31-jährige Müller wurde festgenommen.", "age muller"),
])
def test_a_name_after_an_age_owns_it(text, owner):
    assert [m.kind for m in moments(text) if m.kind.startswith("age")] == [owner]


@pytest.mark.parametrize("texts", [
    [("a", "Kathryn Jenkin, 20, was killed."), ("b", "Police named her as Katie Jenkin, 21.")],
    # "Jenkin, 21" is the event's one Jenkin: Kathryn and her nickname Katie are one person
    [("a", "Kathryn Jenkin, 20, was killed."), ("b", "Katie Jenkin was a student."), ("c", "The victim, Jenkin, 21, was a student.")],
])
def test_a_nickname_is_one_person(texts):
    [found] = characterised(texts, similarity=0.0)
    assert found.subject == "age of Kathryn Jenkin"
    assert [value for value, _ in found.camps] == ["20", "21"]


@pytest.mark.parametrize(("texts", "subject"), [
    ([("a", "Thomas Müller, 32, was arrested at his home."), ("b", "The accountant, Müller, 31, had worked there.")], "age of Thomas Müller"),
    ([("a", "Ronald McDonald, 32, was arrested at his home."), ("b", "The accountant, McDonald, 31, had worked there.")],
     "age of Ronald McDonald"),
])
def test_an_owner_is_shown_as_written(texts, subject):
    [found] = characterised(texts, similarity=0.0)
    assert found.subject == subject
