"""Times of day, game periods, season records and ages of a named person (checker/signals/moments.py),
and the date and negation readings that must not flag two sources saying one thing differently."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from signal_helpers import claim, hard, signals

from checker import names
from checker.signals import deaths, people, read_facts, roles
from checker.signals.moments import moments
from checker.signals.numbers import quantities
from checker.signals.people import courtesy_sex, first_name, given_name
from checker.signals.roles import RoleMention


@pytest.mark.parametrize(("a", "b", "found"), [
    ("The planes struck the camp at 2:53 p.m. local time.", "The planes struck the camp at 3:20 p.m.",
     ("date", "2:53 p.m.", "3:20 p.m.")),
    ("The camp was bombed at approximately 3:00 pm.", "The camp was bombed at 3:20 p.m.",
     ("date", "approximately 3:00 pm", "3:20 p.m.")),
    ("The march began at 14:00.", "The march began at 4 p.m.", ("date", "14:00", "4 p.m.")),
    ("Indianapolis ’ record rose to 9-5 with the win.", "The win lifted Indianapolis (10-5) into the playoffs.",
     ("number", "9-5", "10-5")),
    ("Buckley, 32, was arrested on Monday.", "Buckley, 31, was arrested on Monday.", ("number", "32", "31")),
    ("John Jenkin, 23, was arrested.", "John Jenkin, 24, was arrested.", ("number", "23", "24")),
    ("Mr Buckley, 31, fell.", "Robert Buckley, 32, fell.", ("number", "31", "32")),  # a title is no first name
    ("Succop tied the game late in the third quarter.", "Succop tied the game in the fourth quarter.",
     ("date", "late in the third quarter", "fourth quarter")),
    ("Quinn was stopped early in the fourth quarter.", "Quinn was stopped late in the fourth quarter.",
     ("date", "early in the fourth quarter", "late in the fourth quarter")),
])
def test_moments_that_differ(a, b, found):
    assert hard(a, b) == [found]


@pytest.mark.parametrize(("a", "b"), [
    ("The camp was bombed at about 3 p.m.", "The camp was bombed at 2:53 p.m."),  # "about" allows ten minutes
    ("Explosions were heard at 3 p.m. (1200 GMT).", "Explosions were heard at 3 p.m."),  # GMT restates the time
    ("Succop tied it with 10:03 to play in the third quarter.", "Succop tied it at 6:00 in the third quarter."),  # game clock
    ("The drive ate up 6:05 of the clock.", "The drive started at 3:20 p.m."),
    ("The defence held in the second half.", "The defence held in the fourth quarter."),  # the half holds the quarter
    ("The Colts (10-5) won.", "The Chiefs (2-13) lost to the Colts."),  # two teams' records
    ("Buckley, 32, and Smith, 40, were arrested.", "Buckley, 32, was arrested."),
    # one family, two people: the accused and his sister
    ("John Jenkin, 23, was arrested on Saturday.", "John Jenkin is charged with the murders of Alice McMeekin, 58, and Kathryn Jenkin, 20."),
    ("The 31-year-old Robert Buckley fell.", "Sam Buckley, 32, fell."),
    ("The march began at 2 p.m.", "The march began at 14:00."),
])
def test_moments_that_agree(a, b):
    assert hard(a, b) == []


@pytest.mark.parametrize(("text", "read", "minutes"), [
    ("Police were called at 7: 01 p. m. on Sunday.", "7: 01 p. m.", 19 * 60 + 1),  # tokenised spacing, read whole
    ("The tremor struck at 09: 10 local time.", "09: 10", 9 * 60 + 10),
    ("The first call came at 3: 20 p.m.", "3: 20 p.m.", 15 * 60 + 20),
    ("The shop closed at 7:01 p. m", "7:01 p. m", 19 * 60 + 1),  # no full stop at the claim's end
])
def test_clock_times_in_tokenised_spacing_are_read_whole(text, read, minutes):
    [time] = [m for m in moments(text) if m.kind == "time"]
    assert (time.text, time.low, time.high) == (read, minutes, minutes)


def test_a_spaced_colon_after_one_figure_is_no_time():
    assert moments("Chapter 2: 15 people were named.") == []
    assert moments("First posted 23:37: 00") == []  # seconds after a time: no time read from its minutes


def test_spaced_times_that_agree_and_differ():
    assert hard("The fire broke out at 7: 01 p. m. on Sunday.", "The fire broke out at 7:01 p.m. on Sunday.") == []
    assert hard("The fire broke out at 09: 10 on Sunday.", "The fire broke out at 9:10 a.m. on Sunday.") == []
    assert hard("The fire broke out at 7: 01 p. m.", "The fire broke out at 8:15 p.m.") == [("date", "7: 01 p. m.", "8:15 p.m.")]


@pytest.mark.parametrize(("text", "times"), [
    ("Update: 4:30 p.m. Police arrived.", ["4:30 p.m."]),  # a heading's colon is no figure's
    ("Deadline: 5 p.m.", ["5 p.m."]),
    ("UPDATE: 16:30", ["16:30"]),
    ("Chapter 12: 30 people were killed.", []),  # a spaced 24-hour figure needs a clock cue
    ("Der Brand brach um 09: 10 aus.", ["09: 10"]),
    ("The fire broke out 09: 10 local time.", ["09: 10"]),
])
def test_clock_times_after_a_colon(text, times):
    assert [m.text for m in moments(text) if m.kind == "time"] == times


@pytest.mark.parametrize(("a", "b"), [
    # the heart attack's day against the death's, the stay in hospital against the death
    ("The singer suffered a heart attack three weeks ago.", "The singer died on Sunday after four weeks in hospital."),
    ("He suffered a heart attack on March 3.", "He died on March 20."),
    ("He was taken to hospital on Friday.", "He died on Monday, his family said."),
    ("He was arrested on Friday.", "He died in custody on Tuesday."),
    ("The man was arrested at 3 p.m.", "The man died at 5 p.m."),
    # the colon or comma inside a figure ends no clause
    ("He was arrested at 10:30 a.m. on Friday.", "He died in custody on Tuesday."),
    ("Police arrested 1,500 protesters on Friday.", "One of them died on Tuesday."),
    # a comma after a figure ends the clause
    ("The singer, who suffered a heart attack on March 3, died.", "The singer died on March 5."),
])
def test_dates_of_different_acts_of_one_story_are_not_compared(a, b):
    assert hard(a, b, anchor_a=date(2013, 9, 15), anchor_b=date(2013, 9, 15)) == []


@pytest.mark.parametrize(("a", "b", "language"), [
    ("Los hombres fueron detenidos el viernes.", "Uno de ellos murió el martes.", "es"),
    ("Les hommes ont été arrêtés vendredi.", "Les hommes sont morts mardi.", "fr"),
    ("Die Männer wurden am Freitag festgenommen.", "Die Männer starben am Dienstag.", "de"),
])
def test_acts_read_every_inflection_the_counted_words_list(a, b, language):
    """The death and arrest words of the figures' lexicons are acts too (dates._acts)."""
    assert hard(a, b, language, date(2013, 9, 15), date(2013, 9, 15)) == []


@pytest.mark.parametrize(("a", "b", "language"), [
    ("He was sentenced on Tuesday.", "He was convicted on Thursday.", "en"),
    ("He was arraigned on Wednesday.", "A jury found him guilty on Tuesday.", "en"),
    ("He was charged on Monday.", "He was arraigned on Wednesday.", "en"),
    ("He appealed on Friday.", "He was sentenced on Tuesday.", "en"),
    ("He was released on Friday.", "He was sentenced on Tuesday.", "en"),
    ("Er wurde am Dienstag schuldig gesprochen.", "Das Strafmaß wurde am Donnerstag verkündet.", "de"),
    ("Fue condenado a diez años el martes.", "Fue declarado culpable el jueves.", "es"),
    ("Il a été reconnu coupable mardi.", "Il a été mis en examen jeudi.", "fr"),
])
def test_days_of_different_acts_of_a_court_are_not_compared(a, b, language):
    assert hard(a, b, language, date(2013, 9, 15), date(2013, 9, 15)) == []


def test_days_of_one_act_of_a_court_are_compared():
    day = date(2013, 9, 15)
    assert hard("He was sentenced on Tuesday.", "He was sentenced on Thursday.", anchor_a=day, anchor_b=day) == [
        ("date", "Tuesday", "Thursday")]
    assert hard("He was found guilty on Tuesday.", "A jury convicted him on Thursday.", anchor_a=day, anchor_b=day) == [
        ("date", "Tuesday", "Thursday")]
    assert hard("Fue condenado a diez años el martes.", "Fue sentenciado el jueves.", "es", day, day) == [
        ("date", "martes", "jueves")]


@pytest.mark.parametrize(("b", "compared"), [
    ("He was convicted on Thursday.", True),
    ("He was sentenced on Thursday.", True),
    ("He was arrested on Thursday.", False),
])
def test_a_verdict_of_either_act_is_compared_with_both(b, compared):
    """'verurteilt' is convicted and sentenced alike (dates.yaml either_acts): its day is either's, no arrest's."""
    day = date(2013, 9, 15)
    found = [(r.kind, r.a_value, r.b_value) for r in signals("Er wurde am Dienstag verurteilt.", b, "de", "en", day, day)
             if r.severity == "hard"]
    assert found == ([("date", "Dienstag", "Thursday")] if compared else [])


def test_a_casualty_toll_is_no_act_of_its_own():
    """A death or stay in hospital that a figure counts is the event's toll: the event's day or
    time is compared (dates.story_acts)."""
    day = date(2013, 9, 15)
    assert hard("The blast on Friday killed 20 people.", "The blast on Tuesday sent 50 people to hospital.",
                anchor_a=day, anchor_b=day) == [("date", "Friday", "Tuesday")]
    assert hard("The bus crash at 3 p.m. killed four.", "The bus crash at 5 p.m. left 12 people in hospital.") == [
        ("date", "3 p.m.", "5 p.m.")]
    # a time of day, a date or a figure that counts no heads beside the word counts nothing
    assert hard("He died at 3 p.m. on Friday.", "He was arrested on Tuesday.", anchor_a=day, anchor_b=day) == []
    assert hard("He died at 85 on Sunday.", "He was arrested on Saturday.", anchor_a=day, anchor_b=day) == []
    assert hard("He was killed in a 2-car crash on Sunday.", "He was arrested on Saturday.", anchor_a=day, anchor_b=day) == []


@pytest.mark.parametrize(("a", "b", "language"), [
    # the shooting's day against the charge's
    ("A former employee opened fire at an office party Friday, killing one man.",
     "A man was charged with murder Saturday after opening fire at an office party.", "en"),
    ("A gunman opened fire on shoppers on Friday.", "The gunman was arrested on Saturday.", "en"),
    ("Der Mann hatte am Freitag das Feuer eröffnet.", "Er wurde am Samstag angeklagt.", "de"),
    ("Le tireur a ouvert le feu vendredi.", "Il a été inculpé samedi.", "fr"),
    # the police statement's day against the shooting's or the charge's
    ("The man has been charged with murder, police said Saturday.", "The man opened fire at an office party Friday night.", "en"),
    ("The man was charged, police said in a statement on Monday.", "He was charged on Sunday.", "en"),
    ("The sheriff told reporters Tuesday that the man was charged.", "The man was charged on Monday.", "en"),
    ("Der Mann sei angeklagt worden, sagte die Polizei am Samstag.", "Der Mann hatte am Freitag Schüsse abgegeben.", "de"),
    ("El hombre fue acusado de asesinato, dijo el lunes la policía.", "El hombre fue acusado el domingo.", "es"),
    ("La police a déclaré lundi que le tireur a été inculpé.", "Le tireur a ouvert le feu dimanche.", "fr"),
    ("Police announced Monday that the man was charged.", "The man opened fire Sunday.", "en"),
    ("Police on Saturday said the man was charged.", "The man opened fire Friday.", "en"),
    # a day of an act about a death (dates.yaml about_a_death) against the death's or the attack's
    ("Employees were coping Saturday with the death of their boss, who was gunned down at the party.",
     "The man shot and killed his boss Friday.", "en"),
    ("He was charged Saturday in the death of his boss.", "His boss died Friday.", "en"),
    ("Er wurde am Samstag wegen des Todes seines Chefs angeklagt.", "Sein Chef starb am Freitag.", "de"),
    # a statement's day against a clause that names no act
    ("The suspect was charged, police said Saturday.", "The suspect was found in his car Friday.", "en"),
    ("Der Verdächtige sei gefasst worden, sagte die Polizei am Samstag.", "Der Verdächtige wurde am Freitag in seinem Auto gefunden.", "de"),
])
def test_the_attack_and_a_statement_are_acts_of_their_own(a, b, language):
    """An attack's day is not a charge's, and a day right after a speech verb is the statement's
    (dates.yaml acts' attack, dates.StoryActs.at)."""
    day = date(2007, 12, 15)
    assert hard(a, b, language, day, day) == []


@pytest.mark.parametrize(("a", "b", "language", "found"), [
    ("He opened fire Friday.", "He opened fire Saturday.", "en", ("Friday", "Saturday")),
    ("He was charged Saturday.", "He was charged Sunday.", "en", ("Saturday", "Sunday")),
    # the death of the attack's victims in its clause is one fact with it
    ("The victim was killed in the shooting Friday.", "The victim died Saturday.", "en", ("Friday", "Saturday")),
    # two statements' days, and a day a speech verb does not reach
    ("Police said Saturday that the man was arrested.", "Police said Sunday that the man was arrested.", "en", ("Saturday", "Sunday")),
    ("Police said the gunman fled Friday.", "The gunman fled Saturday.", "en", ("Friday", "Saturday")),
    ("Police on Saturday said the man was charged.", "Police on Sunday said the man was charged.", "en", ("Saturday", "Sunday")),
    ("The man who opened fire Friday told police he was angry.", "The man opened fire Saturday.", "en", ("Friday", "Saturday")),
    ("He was charged Saturday in the death of his boss.", "He was charged Friday.", "en", ("Saturday", "Friday")),
    ("Er wurde am Samstag wegen des Todes seines Chefs angeklagt.", "Er wurde am Freitag angeklagt.", "de", ("Samstag", "Freitag")),
    ("Der Mann hatte am Freitag das Feuer eröffnet.", "Der Mann hatte am Samstag das Feuer eröffnet.", "de", ("Freitag", "Samstag")),
    ("Der Mann wurde am Samstag angeklagt.", "Der Mann wurde am Sonntag angeklagt.", "de", ("Samstag", "Sonntag")),
    ("La policía dijo el lunes que el hombre huyó.", "La policía dijo el martes que el hombre huyó.", "es", ("lunes", "martes")),
])
def test_days_of_one_attack_charge_or_statement_are_compared(a, b, language, found):
    day = date(2007, 12, 15)
    assert hard(a, b, language, day, day) == [("date", *found)]


def test_a_comma_after_a_figure_ends_its_clause():
    """The death's day is compared, not the heart attack's before the comma (dates._CLAUSE_MARKS)."""
    day = date(2013, 9, 15)
    assert hard("The singer, who suffered a heart attack on March 3, died on Sunday.", "The singer died on March 5.",
                anchor_a=day, anchor_b=day) == [("date", "Sunday", "March 5")]


MONDAY = date(2012, 12, 10)  # its Saturday is December 8


@pytest.mark.parametrize(("a", "b", "language", "found"), [
    # a sequel word opens the heart attack's stretch of the clause: Saturday is the death's day
    ("Smith died in hospital on Saturday after a heart attack on December 2.", "Smith died in hospital on December 8.", "en", []),
    ("Smith died in hospital on Saturday after a heart attack on December 2.", "Smith died on Sunday.", "en",
     [("date", "Saturday", "Sunday")]),
    ("Smith died in hospital on Saturday after a heart attack on December 2.", "Smith suffered a heart attack on December 3.", "en",
     [("date", "December 2", "December 3")]),
    ("Smith died after a heart attack on December 2.", "Smith died on December 5.", "en", []),
    # a stretch that names no act is another act's: the fall's day is not the death's, the fight's not the arrest's
    ("Smith died after a fall on Friday.", "Smith died on Saturday.", "en", []),
    ("Smith was arrested after a fight on Friday.", "Smith was arrested on Thursday.", "en", []),
    ("Smith died after a fall on Friday.", "Smith fell on Thursday.", "en", [("date", "Friday", "Thursday")]),
    # a figure or a time after the sequel word is the time's own ("after 3 p.m.")
    ("Smith died shortly after 3 p.m.", "Smith died at 5 p.m.", "en", [("date", "shortly after 3 p.m.", "5 p.m.")]),
    ("Smith died after 3 p.m. on Friday.", "Smith died on Thursday.", "en", [("date", "Friday", "Thursday")]),
    ("Smith starb am Samstag im Krankenhaus nach einem Herzinfarkt am 2. Dezember.", "Smith starb am 8. Dezember.", "de", []),
    ("Smith starb am Samstag im Krankenhaus nach einem Herzinfarkt am 2. Dezember.", "Smith starb am Sonntag.", "de",
     [("date", "Samstag", "Sonntag")]),
    ("Smith murió el sábado en el hospital tras un infarto el 2 de diciembre.", "Smith murió el 8 de diciembre.", "es", []),
    ("Smith murió el sábado en el hospital tras un infarto el 2 de diciembre.", "Smith murió el domingo.", "es",
     [("date", "sábado", "domingo")]),
    ("Smith est mort samedi à l'hôpital après une crise cardiaque le 2 décembre.", "Smith est mort le 8 décembre.", "fr", []),
    ("Smith est mort samedi à l'hôpital après une crise cardiaque le 2 décembre.", "Smith est mort dimanche.", "fr",
     [("date", "samedi", "dimanche")]),
])
def test_a_date_belongs_to_the_act_of_its_stretch_of_the_clause(a, b, language, found):
    assert hard(a, b, language, MONDAY, MONDAY) == found


def test_the_day_of_a_date_is_no_count():
    """French writes the day before the month ("le 8 décembre"): a date, not a count of Decembers."""
    assert hard("Smith est mort le 2 décembre.", "Smith est mort le 8 décembre.", "fr", MONDAY, MONDAY) == [
        ("date", "2 décembre", "8 décembre")]
    assert hard("Le séisme a fait 20 morts le 2 décembre.", "Le séisme a fait 25 morts le 2 décembre.", "fr", MONDAY, MONDAY) == [
        ("number", "20 morts", "25 morts")]
    facts = read_facts(claim("Le séisme a fait 20 morts le 2 décembre.", language="fr"), MONDAY)
    assert [q.text for q in facts.quantities] == ["20 morts"]


def test_a_count_after_a_date_is_a_count():
    """Only a count whose counted word is within the date is the date's day: "In March 20 houses"
    counts houses (the date "March 20" ends before them)."""
    assert hard("In March 20 houses were destroyed.", "In March 35 houses were destroyed.") == [
        ("number", "20 houses", "35 houses")]


@pytest.mark.parametrize(("a", "b", "language"), [
    # a sequel word that opens no stretch ("nach Angaben der Polizei") ends none: Freitag is the arrest's
    ("Der Mann wurde am Freitag nach Angaben der Polizei festgenommen.", "Der Mann starb am Samstag.", "de"),
    # the clause's head names no act (the verb comes last): the whole clause's acts
    ("Smith ist am Samstag nach einem Herzinfarkt gestorben.", "Smith wurde am Freitag festgenommen.", "de"),
    ("Die Frau wurde am Freitag nach dem Unfall ins Krankenhaus gebracht.", "Die Frau starb am Sonntag.", "de"),
    ("Smith was on Friday after a long chase arrested by police.", "Smith died on Saturday.", "en"),
])
def test_a_date_before_a_sequel_word_takes_the_acts_of_its_clause(a, b, language):
    assert hard(a, b, language, MONDAY, MONDAY) == []


def test_a_sequel_word_that_opens_nothing_keeps_the_date_in_its_act():
    assert hard("Der Mann wurde am Freitag nach Angaben der Polizei festgenommen.", "Der Mann wurde am Samstag festgenommen.", "de",
                MONDAY, MONDAY) == [("date", "Freitag", "Samstag")]


@pytest.mark.parametrize(("a", "b", "language"), [
    # a sequel word that opens no stretch ends the date's stretch where that names an act: Friday is the arrest's
    ("A man was arrested on Friday after Jones was shot dead.", "Jones was shot dead on Thursday.", "en"),
    ("The suspect was arrested on Friday after police found Jones dead.", "Jones was found dead on Thursday.", "en"),
    ("Police arrested the suspect on Friday after Jones died in hospital.", "Jones died in hospital on Thursday.", "en"),
])
def test_a_date_before_a_sequel_word_that_opens_nothing_keeps_its_own_act(a, b, language):
    assert hard(a, b, language, MONDAY, MONDAY) == []
    assert hard(a, "The man was arrested on Thursday.", language, MONDAY, MONDAY) == [("date", "Friday", "Thursday")]


def test_dates_of_one_act_are_compared_in_any_of_its_words():
    day = date(2013, 9, 15)
    assert hard("He died in hospital on Friday.", "He was killed on Tuesday.", anchor_a=day, anchor_b=day) == [
        ("date", "Friday", "Tuesday")]
    assert hard("He was arrested on Friday.", "Police detained him on Tuesday.", anchor_a=day, anchor_b=day) == [
        ("date", "Friday", "Tuesday")]
    # spans whose clauses name no act are compared as before
    assert hard("South Sudan gained its independence 6 months ago.", "South Sudan became a country four months ago.",
                anchor_a=day, anchor_b=day) == [("number", "6 months", "four months")]
    # a date whose clause names no act is compared as before
    assert hard("The march was held on Friday.", "The march was held on Tuesday.", anchor_a=day, anchor_b=day) == [
        ("date", "Friday", "Tuesday")]


def test_a_nickname_is_one_persons_name():
    assert hard("Kathryn Jenkin, 20, was killed.", "Katie Jenkin, 21, was killed.") == [("number", "20", "21")]
    assert hard("William Smith, 40, was hurt.", "Bill Smith, 41, was hurt.") == [("number", "40", "41")]


@pytest.mark.parametrize(("x", "y", "one"), [
    ("kathryn", "katie", True),  # the name's opening
    ("chris", "christina", True),
    ("chris", "christopher", True),
    ("william", "bill", True),  # a rhyme on it
    ("robert", "bob", True),
    ("thomas", "tom", True),  # its letters in order in the name
    ("elizabeth", "liz", True),
    ("elizabeth", "beth", True),
    ("anthony", "tony", True),
    ("andrew", "drew", True),
    ("edward", "ted", True),  # all but its first letter
    ("james", "jim", True),  # listed of one name alone
    ("margaret", "peggy", True),  # ... in several spellings (Margaretta, Marguerite)
    ("bill", "fred", False),  # the nicknames package lists Fred as Bill's (Wilfred's) ...
    ("bill", "robert", False),  # ... and Robert (Bob's)
    ("christina", "christopher", False),
    ("kate", "john", False),
])
def test_two_first_names_of_one_person(x, y, one):
    assert people.one_given_name(x, y) == one == people.one_given_name(y, x)


def test_a_name_the_nicknames_list_ties_through_another_is_a_second_person():
    assert hard("Bill Smith, 40, was hurt.", "Fred Smith, 38, was hurt.") == []


def test_nicknames_are_folded_as_first_names_are():
    assert "k.c." in people._nicknames()["casey"]  # text.fold keeps the dots that normalize made spaces


def test_a_month_day_without_a_year_is_one_day_in_articles_either_side_of_it():
    # "April 19" in an article of 5 April and of 25 April: one day
    assert hard("The vote is on April 19.", "The vote was held on April 19.", "en", date(2013, 4, 5), date(2013, 4, 25)) == []
    assert hard("The vote is on April 19.", "The vote was held on April 20.", "en", date(2013, 4, 5), date(2013, 4, 25)) != []
    assert hard("The vote was on April 19, 2012.", "The vote was held on April 19.", "en", None, date(2013, 4, 25)) == []


def test_relative_days_compare_by_weekday_across_article_dates():
    # a Thursday, then the Monday after: both "Thursday" are one day; "today" on a Thursday is Thursday
    thursday, monday = date(2011, 11, 10), date(2011, 11, 14)
    assert hard("The camp was bombed on Thursday.", "The camp was bombed on Thursday.", "en", date(2011, 11, 17), monday) == []
    assert hard("The camp was bombed today.", "The camp was bombed on Thursday.", "en", thursday, monday) == []
    assert hard("The camp was bombed today.", "The camp was bombed on Tuesday.", "en", thursday, monday) != []
    assert hard("The camp was bombed on Friday.", "The camp was bombed on Thursday.", "en", thursday, thursday) != []


@pytest.mark.parametrize(("a", "b"), [
    ("The pilot had yet to regain consciousness.", "The pilot had not yet regained consciousness."),
    ("The deal doesn ’ t change a whole lot for Intel.", "The deal does not change a lot for Intel."),
])
def test_two_denials_in_different_words_agree(a, b):
    assert hard(a, b) == []


def test_a_denial_in_phrase_form_still_fires_against_an_affirmation():
    assert [s[0] for s in hard("The pilot had yet to regain consciousness.", "The pilot regained consciousness.")] == [
        "negation"]


def test_one_office_for_two_parts_of_a_company():
    assert hard('"It fits us," said Lisa Su, senior vice president and general manager for AMD\'s products division.',
                '"It fits us," said Lisa Su, Senior Vice President and General Manager, Global Business Units.')[0][0] == "title"
    # parts that share a word, neither's words holding all of the other's: one part named two
    # ways or two parts, worth a look; parts that share no word are two parts
    assert [(r.kind, r.severity) for r in signals(
        "Jason Waxman, Intel's general manager for cloud computing, said so.",
        "Intel ’ s Jason Waxman — who heads the company ’ s general manager of Intel ’ s High Density Computing "
        "group — says so.") if r.kind == "title"] == [("title", "soft")]
    radeon = RoleMention("koduri", "Raja Koduri", "svp", 0, 10, "Raja Koduri", frozenset({"radeon", "technologies"}))
    assert roles.differ(radeon, replace(radeon, unit=frozenset({"radeon", "graphics"}))) == "soft"
    assert roles.differ(radeon, replace(radeon, unit=frozenset({"graphics"}))) == "hard"
    assert hard("Jason Waxman, Intel's general manager for cloud computing, said so.",
                "Jason Waxman, Intel's general manager for the server business, said so.")[0][0] == "title"
    # several offices of one person, and one unit named in two ways, are not a clash
    assert hard("Lisa Su, senior vice president and general manager of the new Global Business Units at AMD, spoke.",
                "Lisa Su, Senior Vice President and General Manager, Global Business Units, spoke.") == []
    # the company after a title is not its holder
    assert hard("Jason Waxman, general manager of Intel's data center group, spoke.",
                "The general manager of Intel's data center group, Jason Waxman, spoke.") == []


def test_a_name_spelled_two_ways_is_worth_a_look():
    def soft(a, b):
        return [(r.kind, r.a_value, r.b_value) for r in signals(a, b) if r.severity == "soft"]

    assert soft("Governor Heydar Alishbandi said ten people died.", "Governor Heydar Alishvandi said ten people died.") == [
        ("entity", "Alishbandi", "Alishvandi")]
    assert soft("Governor Alishbandi said ten people died.", "Governor Alishbandi said ten people died.") == []
    assert soft("The Iranian governor said ten people died.", "The governor of Iran said ten people died.") == []
    assert soft("Minister Lisa Su said so.", "Minister Lisa Lu said so.") == []
    assert soft("Three people died in the fire.", "There were three people who died in the fire.") == []


@pytest.mark.parametrize(("a", "b", "spelled"), [
    # after one same first name a short surname tells, and so does a letter more at its end
    ("On Friday, Duncan Raite died after falling from a ridge.", "On Friday, Duncan Rait died after falling from a ridge.", ("Raite", "Rait")),
    # a particle joined to the surname or left off
    ("The suspect, Anthony Calamita, was arrested.", "The suspect, Anthony LaCalamita, was arrested.", ("Calamita", "LaCalamita")),
    ("John Rait said so.", "John Raite said so.", ("Rait", "Raite")),  # a first name on the stop list (jusText's has "John")
    ("Steve Smith scored twice.", "Sam Smith scored twice.", None),  # brothers: one surname, other first names
    ("Charlene Kafoury said so.", "Charlie Kafoury said so.", None),  # a sister and her brother
    ("Sudan's army bombed the camp.", "The Sudanese army bombed the camp.", None),  # a possessive, then a derived word
    ("Jamaal Charles ran for 226 yards.", "Jamaal Charles' 226 yards led the way.", None),  # a possessive after an s
    ("The Kansas City Chief won.", "The Kansas City Chiefs won.", None),  # a plural's s
    ("Negotiators of North Korea met.", "North Korean negotiators met.", None),  # a place's people
    # no first name: a title, a sentence's article, a language that capitalises every noun
    ("Dr Rait said so.", "Dr Raite said so.", None),
    ("Officer Wood said so.", "Officer Elwood said so.", None),
    ("The Rait family left.", "The Raite family left.", None),
])
def test_a_surname_after_one_first_name(a, b, spelled):
    found = [(r.a_value, r.b_value) for r in signals(a, b) if r.kind == "entity" and r.severity == "soft"]
    assert found == ([spelled] if spelled else [])


@pytest.mark.parametrize(("word", "language", "given"), [
    ("Kathryn", "en", "kathryn"),
    ("John", "en", "john"),  # on jusText's stop list, but a given name
    ("Jean-Pierre", "fr", "jean-pierre"),
    ("O'Neil", "en", "o'neil"),
    ("The", "en", ""),  # a function word opening a sentence
    ("But", "en", ""),
    ("Dr", "en", ""),  # titles
    ("Officer", "en", ""),
    ("U.S.", "en", ""),
    ("Zealand-born", "en", ""),
    ("Kenyan", "en", ""),  # a people: Kenya's
    ("Sudanese", "en", ""),
    ("Greek", "en", ""),  # ... a language's
    ("said", "en", ""),
    ("August", "en", ""),  # a month, though a given name too
    ("May", "en", ""),
    ("Thomas", "de", ""),  # every noun is capitalised
])
def test_a_given_name(word, language, given):
    assert given_name(word, language) == given


@pytest.mark.parametrize(("before", "given"), [
    ("Kathryn ", "kathryn"),
    ("Duncan Robert ", "duncan"),  # past a middle name, to a known given name
    ("The Englishman Robert ", "robert"),  # ... not to another word
    ("Police named Officer John ", "john"),
    ("The ", ""),
    ("Mr. ", ""),
    ('"', ""),  # no space before the surname
    ("He drove a silver Ford Fusion ", ""),  # a word of a longer name, no given name we know, is none
    ("Qeshm Governor Heydar ", "heydar"),  # ... but a word after a title is
    ("Police said Tuesday ", ""),  # a weekday
    ("It rained in August ", ""),  # a month
])
def test_the_first_name_of_a_surname(before, given):
    assert first_name(f"{before}Rait fell.", len(before), "en") == given


@pytest.mark.parametrize(("headline", "given"), [
    ("Gunman Who Shot Rait Is Held", ""),  # a headline's capitals mark no names ...
    ("Police Name Gunman As John Rait", "john"),  # ... but a given name we know is one there too
])
def test_a_first_name_in_a_headline(headline, given):
    assert first_name(headline, headline.index("Rait"), "en") == given


class _Spied(str):
    """A claim that keeps the longest slice read of it."""

    longest = 0

    def __getitem__(self, key):
        part = super().__getitem__(key)
        self.longest = max(self.longest, len(part))
        return part


def test_the_word_before_a_name_is_read_in_a_window():
    """Read for every capitalised word, the whole text before it would be quadratic in a long claim."""
    text = _Spied("Police said " + "Kathryn Smith and " * 5000 + "Duncan Rait fell.")
    assert first_name(text, text.rindex("Rait"), "en") == "duncan"
    assert 0 < text.longest <= people.WORD_SPAN
    assert first_name("Q" * 2 * people.WORD_SPAN + " Rait fell.", 2 * people.WORD_SPAN + 1, "en") == ""  # a word longer than the window: none


@pytest.mark.parametrize(("before", "sex"), [("Mr. ", "mr"), ("Mrs ", "ms"), ("Ms. ", "ms"), ("Frau ", "ms"), ("Dr. ", ""), ("Duncan ", "")])
def test_a_courtesy_title_tells_a_man_from_a_woman(before, sex):
    assert courtesy_sex(f"{before}Rait fell.", len(before)) == sex


@pytest.mark.parametrize(("text", "owner"), [
    ("Police said Anthony LaCalamita III, 38, targeted them.", ("age lacalamita", "anthony")),  # a generational suffix
    ("The 38-year-old Anthony LaCalamita III said he was sorry.", ("age lacalamita", "anthony")),
    ("John Smith Jr., 40, was hurt.", ("age smith", "john")),
    ("Duncan Robert Rait, 36, fell.", ("age rait", "duncan")),
    # an age set beside a name, whatever follows it
    ("The suspect is Anthony LaCalamita III, a 38-year-old Troy resident.", ("age lacalamita", "anthony")),
    ("Police said Smith, a 40-year-old father of two, was hurt.", ("age smith", "")),
    ("Police said Mr. Kafoury, a 62-year-old lawyer, was hurt.", ("age kafoury", "")),  # a title's dot ends no sentence
    ("Police said John A. Kafoury, a 62-year-old lawyer, was hurt.", ("age kafoury", "")),  # nor an initial's
    ("The 23-year-old Smith and his brother were hurt.", ("age smith", "")),  # a function word after the name
])
def test_an_ages_owner(text, owner):
    assert [(m.kind, m.given) for m in moments(text) if m.kind.startswith("age")] == [owner]


@pytest.mark.parametrize("text", [
    "Meanwhile, a 36-year-old man died.",  # a word opening a sentence
    "Yesterday, a 36-year-old climber died.",
    "Police in Troy, a 38-year-old man was arrested.",  # after a preposition
    "Police said Wednesday, a 30-year-old woman died.",  # a weekday
])
def test_no_owner_beside_an_age(text):
    assert [m for m in moments(text) if m.kind.startswith("age") and not m.described] == []


@pytest.mark.parametrize(("word", "people"), [
    *((w, True) for w in ("australian", "iranian", "sudanese", "israeli", "canadian", "mexican", "chilean", "pakistani",
                          "british", "swiss")),  # irregular ones: lexicons/peoples.yaml
    *((w, False) for w in ("francen", "germani", "germanyn", "belgiumn")),  # no ending on every stem
])
def test_a_peoples_adjective_made_of_a_countrys_name(word, people):
    assert (word in names.nationality_names()) is people


@pytest.mark.parametrize(("a", "b"), [
    ("Die Tote wurde gefunden.", "Die Toten wurden gefunden."),
    ("Der Verletzte kam ins Krankenhaus.", "Der Verletzten kam ins Krankenhaus."),
])
def test_no_first_name_where_every_noun_is_capitalised(a, b):
    assert [r for r in signals(a, b, "de", "de") if r.kind == "entity" and r.severity == "soft"] == []


@pytest.mark.parametrize(("a", "b"), [
    ("Anthony Ross said so.", "Anthony Cross said so."),  # a letter in front is no particle
    ("Anthony Wood said so.", "Anthony Elwood said so."),
])
def test_only_a_particle_joins_a_surname(a, b):
    assert [r for r in signals(a, b) if r.kind == "entity" and r.severity == "soft"] == []


def test_negation_in_a_language_without_phrase_cues():
    found = signals("Il ponte non è crollato.", "Il ponte è crollato.", "it", "it")  # raised KeyError when the language had no phrase cues
    assert "not checked, language it" in [r.explanation for r in found if r.kind == "negation"]


def test_a_count_after_other_or_another_knows_what_it_counts():
    assert [s[0] for s in hard("The quake killed 10 people, wounding other 70.", "The quake killed 10 people, wounding 80.")] == [
        "number"]
    assert hard("The quake killed 10 people, wounding other 70.", "The quake killed 10 people and 70 were injured.") == []


@pytest.mark.parametrize(("text", "manner"), [
    ("The gunman fatally shot her in the midsection.", "shot"),
    ("He shot and killed a woman at the office.", "shot"),
    ("A British climber has fallen 2,000ft to his death.", None),  # a figure between: no phrase
    ("A second man has fallen to his death in the park.", "fell"),
    ("He slipped from the ridgeline and fell to his death.", "fell"),
])
def test_a_manner_of_death(text, manner):
    assert [m.key for m in deaths.manners(text)] == ([manner] if manner else [])


def test_manners_of_death_that_exclude_each_other():
    assert hard("The three bank employees were burnt to death.", "The three bank employees choked on smoke.") == [
        ("number", "burnt to death", "choked on smoke")]
    assert hard("The three bank employees were burnt to death.", "The three bank employees were burned alive.") == []
    assert hard("Three people died in a burning bank.", "Three people suffocated in the bank.") == []  # where, not how


def test_places_of_death_that_exclude_each_other():
    assert hard("The woman died at the scene, police said.", "Police said the woman died on the way to the hospital.") == [
        ("number", "died at the scene", "died on the way to the hospital")]
    assert hard("The woman died at the scene, police said.", "Police said the woman died instantly.") == []  # one place
    assert hard("The woman died at the scene, police said.", "Police said the woman was taken to the hospital.") == []
    # a sentence ends the clause of a death: the driver was treated where she did not die
    assert hard("She died. The driver was treated at the scene.", "Police said she died on the way to the hospital.") == []
    assert hard("She died on the way to the hospital.", "She was pronounced dead at the hospital.") == []
    # the counted dead's words say a death too (quantities.yaml, one list)
    assert hard("He was killed at the scene.", "Police said he died on the way to the hospital.") == [
        ("number", "killed at the scene", "died on the way to the hospital")]


@pytest.mark.parametrize(("text", "language", "found"), [
    ("The woman, identified as Madeline Kafoury, died at the scene, the authorities said.", "en",
     ("died at the scene", "at the scene")),
    ("She said the third victim died on the way to the hospital.", "en",
     ("died on the way to the hospital", "on the way to hospital")),
    ("He later died of his injuries in hospital.", "en", ("died of his injuries in hospital", "in hospital")),
    ("He was rushed to hospital where he died.", "en", ("hospital where he died", "in hospital")),  # the place before
    # ... a comma before "where" ends no clause: the clause is about the place
    ("He was taken to St. Mary's Hospital, where he died.", "en", ("Hospital, where he died", "in hospital")),
    ("He was rushed to hospital, where he later died.", "en", ("hospital, where he later died", "in hospital")),
    # an abbreviation's dot ends no sentence
    ("He died at St. Mary's Hospital.", "en", ("died at St. Mary's Hospital", "in hospital")),
    ("She died later at Mt. Sinai Hospital on Monday.", "en", ("died later at Mt. Sinai Hospital", "in hospital")),
    ("Er starb im St. Marien Krankenhaus.", "de", ("starb im St. Marien Krankenhaus", "in hospital")),
    ("Die Frau ist noch am Unfallort gestorben.", "de", ("am Unfallort gestorben", "at the scene")),  # a German participle
    ("Der Mann starb auf dem Weg ins Krankenhaus.", "de", ("starb auf dem Weg ins Krankenhaus", "on the way to hospital")),
    ("La mujer falleció durante su traslado al hospital.", "es",
     ("falleció durante su traslado al hospital", "on the way to hospital")),
    ("El hombre murió en el acto.", "es", ("murió en el acto", "at the scene")),
    ("La victime est décédée à l'hôpital.", "fr", ("décédée à l'hôpital", "in hospital")),
    ("Il est mort sur le coup.", "fr", ("est mort sur le coup", "at the scene")),
    ("Il a été tué sur le coup.", "fr", ("tué sur le coup", "at the scene")),
    ("Er wurde am Tatort getötet.", "de", ("am Tatort getötet", "at the scene")),
])
def test_a_place_of_death(text, language, found):
    assert [(m.text, m.key) for m in deaths.places(text, language)] == [found]


@pytest.mark.parametrize(("text", "language"), [
    ("The three victims were taken to the hospital.", "en"),  # an early report: nobody died there yet
    ("One died at the scene, another in hospital.", "en"),  # two victims, two places
    ("Kafoury died at the scene and the two wounded men were taken to Beaumont Hospital.", "en"),  # ... or a death and the wounded
    ("Police at the scene said she died.", "en"),  # where the police stood
    ("She died. The driver was treated at the scene.", "en"),  # another sentence
    ("She died! The driver was treated at the scene.", "en"),
    ("He died at St. Vincent's.", "en"),  # a name that says no kind of place
    ("He was pronounced dead at Beaumont Hospital in Royal Oak.", "en"),  # where the death was declared
    ("He died before being taken to hospital.", "en"),  # a place not reached
    ("The dead were taken to hospital.", "en"),  # where the bodies went
    ("Die Toten wurden ins Krankenhaus gebracht.", "de"),
    ("A receptionist died and two men underwent surgery at Beaumont Hospital.", "en"),  # another clause
    ("Climbers carried him down the glacier, but he died on the way down.", "en"),  # a journey to no hospital
    ("The tot was taken to hospital.", "en"),  # "tot" is a death in German only
    ("Die Verletzten wurden ins Krankenhaus gebracht.", "de"),
    ("He died in hospital.", "it"),  # a language not read
    ("He was taken to hospital, where doctors said he had died.", "en"),  # where the doctors spoke
    ("The wounded were taken to hospital, Dove and Liu died.", "en"),  # Italian "dove" (where) is a name here
])
def test_no_place_of_death(text, language):
    assert deaths.places(text, language) == []


def test_the_rest_of_a_set_is_not_a_second_figure():
    assert [s[:2] for s in hard("Five bombs were dropped on the camp.",
                                "Four bombs were dropped: two hit the camp, the other two bombs fell nearby.")] == [
        ("number", "Five bombs")]
    assert hard("Four bombs were dropped on the camp.",
                "Four bombs were dropped: two hit the camp, the other two bombs fell nearby.") == []


def test_a_unit_after_one_describing_word():
    assert [s[0] for s in hard("The climbers were 30 long miles from the hut.", "The climbers were 80 km from the hut.")] == [
        "number"]
    assert hard("The climbers were 30 long miles from the hut.", "The climbers were 48 km from the hut.") == []


def test_today_is_the_article_date_give_or_take_a_time_zone():
    tuesday, monday = date(2007, 4, 10), date(2007, 4, 9)
    # a paper dated Tuesday where it is printed reports the Monday of the place it reports on
    assert hard("The gunman walked in at about 10am today.", "The gunman walked in on Monday.", "en", tuesday, monday) == []
    assert hard("The gunman walked in at about 10am today.", "The gunman walked in on Saturday.", "en", tuesday, monday) != []
    # one article date: "today" and "yesterday" are two days
    assert hard("The gunman walked in today.", "The gunman walked in yesterday.", "en", tuesday, tuesday) != []


def test_a_figure_before_a_noun_measures_what_the_noun_names():
    # a drive is no run, a place on the field no distance: different facts
    assert hard("Charles broke off an 84-yard scamper.", "The Colts went on a 73-yard drive.") == []
    assert hard("Charles broke off an 84-yard scamper.", "Charles fumbled at the 16-yard line.") == []
    # one run, two lengths: a discrepancy, whatever word names the run
    assert [s[:3] for s in hard("Charles broke off an 84-yard scamper.", "Charles scored on an 86-yard touchdown run.")] == [
        ("number", "84-yard", "86-yard")]
    assert hard("Charles fumbled at the 14-yard line.", "Charles fumbled at the 16-yard line.") != []
    # a figure that says not what it measures may be either: compared
    assert hard("Charles ran 84-yard on the first play.", "Charles scored on an 86-yard touchdown run.") != []
    # "three people run" is no run of three; "84 yards" no adjective; "TD" is read past, a name is not
    assert [q.act for q in quantities("Three people run for the exit.", "en")] == [""]
    assert [q.act for q in quantities("He ran 84 yards for a touchdown.", "en")] == [""]
    assert [q.act for q in quantities("Charles' 80-yard TD run.", "en")] == ["run"]
    assert [q.act for q in quantities("A 10-mile Boston run.", "en")] == [""]


def test_a_sum_lent_is_no_sum_saved():
    assert hard("Greece can get a $144 billion bailout.", "The measures aim to save euro30 billion ($40 billion) through 2012.",
                similarity=0.4) == []
    assert hard("Greece can get a $144 billion bailout.", "Greece gets a euro110 billion ($141 billion) loan package.",
                similarity=0.4) != []
    # a sum that says not what it is may be either
    assert hard("Greece can get a $144 billion bailout.", "Greece gets $141 billion from the EU and the IMF.",
                similarity=0.4) != []


def test_a_figure_dated_in_its_clause_to_another_occasion_is_another_fact():
    sunday = date(2012, 12, 23)
    story = "Charles scored on an 86-yard touchdown run."
    earlier = "He scored, as he did with an 80-yard touchdown run two weeks ago."
    assert hard(story, earlier, "en", sunday, sunday, similarity=0.4) == []
    # a day near the articles' dates may be the story's own: compared
    assert hard(story, "He scored with an 80-yard touchdown run on Sunday.", "en", sunday, date(2012, 12, 24), similarity=0.4) != []
    # a year that sets the whole claim dates its figures too
    assert hard("The Chiefs gained 507 yards on offense.", "Cam Newton in 2011 had the previous record with 4,051 yards.",
                "en", sunday, sunday, similarity=0.4) == []
    # a day of the story's own in the figure's clause wins over a far one; a sentence's end closes the clause
    assert hard("Charles ran 86 yards on Sunday and was benched two weeks ago.", "Charles ran 80 yards.",
                "en", sunday, sunday, similarity=0.4) != []
    assert hard("Charles ran 86 yards. He had been benched two weeks ago.", "Charles ran 80 yards.",
                "en", sunday, sunday, similarity=0.4) != []
    # ... and the whole clause is read, however long
    assert hard("Charles ran 86 yards.", "Charles' 80-yard TD run on the opening play of the Cleveland game two weeks ago.",
                "en", sunday, sunday, similarity=0.4) == []


@pytest.mark.parametrize(("text", "act"), [
    ("He had a 98-yard kickoff return.", "return"), ("He had a 60-yard punt return.", "return"),
    ("Charles scored on an 86-yard touchdown run.", "run"), ("Tucker kicked a 36-yard field goal.", "kick"),
])
def test_the_last_noun_after_a_figure_says_what_it_measures(text, act):
    assert [q.act for q in quantities(text, "en")] == [act]


def test_a_kickoff_return_is_compared_with_a_return():
    assert hard("He had a 98-yard kickoff return.", "He had a 95-yard return.") != []
    assert hard("He had a 60-yard punt return.", "He had a 57-yard return.") != []


@pytest.mark.parametrize(("text", "language", "act"), [
    ("Griechenland bekommt Kredite über 110 Milliarden Euro.", "de", "loan"),
    ("Griechenland muss 30 Milliarden Euro sparen.", "de", "savings"),
    ("España recibirá un préstamo de 100.000 millones de euros.", "es", "loan"),
    ("España debe ahorrar 40.000 millones de euros.", "es", "savings"),
    ("La Grèce recevra un prêt de 110 milliards de dollars.", "fr", "loan"),
    ("La Grèce doit économiser 30 milliards de dollars.", "fr", "savings"),
    ("España recibirá un rescate financiero de 100.000 millones de euros.", "es", "loan"),
    ("España recibirá 100.000 millones de euros del plan de rescate.", "es", "loan"),
    # "prêt à" is "ready to"; "rescate" alone may be a ransom
    ("Le FMI est prêt à verser 30 milliards de dollars.", "fr", ""),
    ("Los secuestradores pidieron un rescate de 2 millones de dólares.", "es", ""),
])
def test_a_sum_lent_or_saved_in_other_languages(text, language, act):
    assert [q.act for q in quantities(text, language)] == [act]


@pytest.mark.parametrize("text", ["La Grèce recevra 110 milliards d'euros.", "La Grèce recevra 110 milliards d’euros.",
                                  "Il a reçu 5 millions d'euro."])
def test_an_elided_euro_is_a_currency(text):
    assert [q.measure for q in quantities(text, "fr")] == ["EUR"]


def test_a_part_drawn_from_a_whole_stands_not_against_the_whole():
    assert hard("AMD agreed to acquire SeaMicro for approximately $334 million.",
                "AMD said $281 million of the purchase price for SeaMicro will be in cash.") == []
    assert hard("AMD agreed to acquire SeaMicro for $334 million.", "AMD agreed to acquire SeaMicro for $281 million.") != []
    # only a sum is a whole so drawn from: not a park, not one's own money, not a bare genitive
    assert hard("The fire burned 1,200 acres of the national park.", "The fire burned 2,000 acres of the national park.") != []
    assert hard("He paid $5 million of his own money.", "He paid $8 million.") != []
    assert hard("AMD zahlt 281 Millionen Dollar der Summe in bar.", "AMD zahlt 334 Millionen Dollar.", "de") != []
    assert hard("L'assurance paiera 100 millions d'euros des dégâts.", "L'assurance paiera 150 millions d'euros.", "fr") != []
    assert hard("The state will pay $3 million of the total.", "The state will pay $5 million.") == []
    # a percent is a share by itself: "of the buildings" says what of
    assert hard("70 percent of the buildings were destroyed.", "80 percent of the buildings were destroyed.") != []
