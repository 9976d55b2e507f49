"""Casualty figures read off hand-built parses: the figure, its qualifier kept in the text,
and vague quantities at the smallest number they can mean."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from parsed import parse
from strife.casualties import count_casualties

# "The conflict has claimed more than 1,200 lives."
CLAIMED_LIVES = """
The DET DT det 1 the
conflict NOUN NN nsubj 3 conflict
has AUX VBZ aux 3 have
claimed VERB VBN ROOT 3 claim
more ADJ JJR amod 6 more
than ADP IN quantmod 6 than
1,200 NUM CD nummod 7 1,200
lives NOUN NNS dobj 3 life
. PUNCT . punct 3 .
"""

# "Shelling killed at least 12 people."
AT_LEAST = """
Shelling VERB VBG nsubj 1 shell
killed VERB VBD ROOT 1 kill
at ADV RB advmod 3 at
least ADV RBS advmod 4 least
12 NUM CD nummod 5 12
people NOUN NNS dobj 1 people
. PUNCT . punct 1 .
"""

# "Police arrested dozens of protesters."
DOZENS_OF = """
Police NOUN NNS nsubj 1 police
arrested VERB VBD ROOT 1 arrest
dozens NOUN NNS dobj 1 dozen
of ADP IN prep 2 of
protesters NOUN NNS pobj 3 protester
. PUNCT . punct 1 .
"""

# "An explosion killed hundreds of people."
SUBJECT_WITH_ARTICLE = """
An DET DT det 1 an
explosion NOUN NN nsubj 2 explosion
killed VERB VBD ROOT 2 kill
hundreds NOUN NNS dobj 2 hundred
of ADP IN prep 3 of
people NOUN NNS pobj 4 people
. PUNCT . punct 2 .
"""


def test_what_killed_is_not_counted_among_the_dead() -> None:
    dead = count_casualties(parse(SUBJECT_WITH_ARTICLE)).dead
    assert dead is not None and (dead.min, dead.text) == (200, "hundreds")


def test_a_qualified_figure_keeps_its_qualifier_in_the_text() -> None:
    dead = count_casualties(parse(CLAIMED_LIVES)).dead
    assert dead is not None and (dead.min, dead.text) == (1200, "more than 1,200")
    dead = count_casualties(parse(AT_LEAST)).dead
    assert dead is not None and (dead.min, dead.text) == (12, "at least 12")


def test_a_vague_quantity_counts_the_least_it_can_mean() -> None:
    found = count_casualties(parse(DOZENS_OF))
    assert found.arrested is not None and found.arrested.min == 24
    assert found.dead is None and found.injured is None


# "Thirty-three soldiers were killed." (the tokenizer splits the hyphen)
HYPHENATED = """
Thirty NUM CD compound 2 thirty
- PUNCT HYPH punct 2 -
three NUM CD nummod 3 three
soldiers NOUN NNS nsubjpass 5 soldier
were AUX VBD auxpass 5 be
killed VERB VBN ROOT 5 kill
. PUNCT . punct 5 .
"""

# "Twenty-one people died." (the number read as a compound of the noun)
COMPOUND_NUMBER = """
Twenty NUM CD compound 2 twenty
- PUNCT HYPH punct 2 -
one NUM CD compound 3 one
people NOUN NNS nsubj 4 people
died VERB VBD ROOT 4 die
. PUNCT . punct 4 .
"""

# "Police arrested 1.5 million people." and "Two hundred people died."
MILLION = """
Police NOUN NNS nsubj 1 police
arrested VERB VBD ROOT 1 arrest
1.5 NUM CD compound 3 1.5
million NUM CD nummod 4 million
people NOUN NNS dobj 1 people
. PUNCT . punct 1 .
"""
HUNDRED = """
Two NUM CD compound 1 two
hundred NUM CD nummod 2 hundred
people NOUN NNS nsubj 3 people
died VERB VBD ROOT 3 die
. PUNCT . punct 3 .
"""

# "Security forces killed three people."
SHOT_THREE = """
Security NOUN NN compound 1 security
forces NOUN NNS nsubj 2 force
killed VERB VBD ROOT 2 kill
three NUM CD nummod 4 three
people NOUN NNS dobj 2 people
. PUNCT . punct 2 .
"""


def test_a_hyphenated_number_adds_its_tens() -> None:
    # (the hand-built Doc has a space either side of the hyphen)
    dead = count_casualties(parse(HYPHENATED)).dead
    assert dead is not None and (dead.min, dead.text) == (33, "Thirty - three")
    dead = count_casualties(parse(COMPOUND_NUMBER)).dead
    assert dead is not None and (dead.min, dead.text) == (21, "Twenty - one")


def test_a_scale_word_multiplies_the_number_before_it() -> None:
    arrested = count_casualties(parse(MILLION)).arrested
    assert arrested is not None and (arrested.min, arrested.text) == (1_500_000, "1.5 million")
    dead = count_casualties(parse(HUNDRED)).dead
    assert dead is not None and (dead.min, dead.text) == (200, "Two hundred")


def test_a_plain_number_is_not_added_to() -> None:
    dead = count_casualties(parse(SHOT_THREE)).dead
    assert dead is not None and dead.min == 3


# "Troops shot dead at least 90 protesters."
SHOT_DEAD = """
Troops NOUN NNS nsubj 1 troop
shot VERB VBD ROOT 1 shoot
dead ADJ JJ acomp 1 dead
at ADV RB advmod 4 at
least ADV RBS advmod 5 least
90 NUM CD nummod 6 90
protesters NOUN NNS dobj 1 protester
. PUNCT . punct 1 .
"""


def test_dead_completing_a_verb_counts_the_verbs_victims() -> None:
    dead = count_casualties(parse(SHOT_DEAD)).dead
    assert dead is not None and (dead.min, dead.text) == (90, "at least 90")


# "Gunmen killed five soldiers and a policeman."
JOINED_VICTIMS = """
Gunmen NOUN NNS nsubj 1 gunman
killed VERB VBD ROOT 1 kill
five NUM CD nummod 3 five
soldiers NOUN NNS dobj 1 soldier
and CCONJ CC cc 3 and
a DET DT det 6 a
policeman NOUN NN conj 3 policeman
. PUNCT . punct 1 .
"""

# "The cold killed 17 herders and 300,000 head of livestock."
JOINED_LIVESTOCK = """
The DET DT det 1 the
cold NOUN NN nsubj 2 cold
killed VERB VBD ROOT 2 kill
17 NUM CD nummod 4 17
herders NOUN NNS dobj 2 herder
and CCONJ CC cc 4 and
300,000 NUM CD nummod 7 300,000
head NOUN NN conj 4 head
of ADP IN prep 7 of
livestock NOUN NN pobj 8 livestock
. PUNCT . punct 2 .
"""


def test_the_figures_of_joined_victims_add_up_but_not_animals() -> None:
    dead = count_casualties(parse(JOINED_VICTIMS)).dead
    assert dead is not None and (dead.min, dead.text) == (6, "five soldiers and a policeman")
    dead = count_casualties(parse(JOINED_LIVESTOCK)).dead
    assert dead is not None and (dead.min, dead.text) == (17, "17")


def test_the_victims_of_a_beheading_a_murder_or_an_assassination_are_dead() -> None:
    for verb, lemma in (
        ("beheaded", "behead"),
        ("murdered", "murder"),
        ("assassinated", "assassinate"),
    ):
        doc = parse(
            f"""
Militants NOUN NNS nsubj 1 militant
{verb} VERB VBD ROOT 1 {lemma}
three NUM CD nummod 3 three
men NOUN NNS dobj 1 man
. PUNCT . punct 1 .
"""
        )
        dead = count_casualties(doc).dead
        assert dead is not None and (dead.min, dead.text) == (3, "three"), verb


# "Police detained Ekrem Imamoglu." / "Ekrem Imamoglu was shot and wounded."
DETAINED_NAMED = """
Police NOUN NNS nsubj 1 police
detained VERB VBD ROOT 1 detain
Ekrem PROPN NNP compound 3 Ekrem
Imamoglu PROPN NNP dobj 1 Imamoglu
. PUNCT . punct 1 .
"""
SHOT_AND_WOUNDED = """
Ekrem PROPN NNP compound 1 Ekrem
Imamoglu PROPN NNP nsubjpass 3 Imamoglu
was AUX VBD auxpass 3 be
shot VERB VBN ROOT 3 shoot
{cc} CCONJ CC cc 3 {cc}
wounded VERB VBN conj 3 wound
. PUNCT . punct 3 .
"""


def _named(rows: str) -> Doc:
    doc = parse(rows)
    start = next(t.i for t in doc if t.text == "Ekrem")
    doc.ents = [Span(doc, start, start + 2, label="PERSON")]
    return doc


def test_one_named_person_is_a_figure_of_one() -> None:
    arrested = count_casualties(_named(DETAINED_NAMED)).arrested
    assert arrested is not None and (arrested.min, arrested.text) == (1, "Ekrem Imamoglu")
    assert count_casualties(parse(DETAINED_NAMED)).arrested is None  # no name recognised


def test_a_verb_joined_by_and_counts_the_victims_of_the_one_before() -> None:
    injured = count_casualties(_named(SHOT_AND_WOUNDED.format(cc="and"))).injured
    assert injured is not None and injured.min == 1
    assert count_casualties(_named(SHOT_AND_WOUNDED.format(cc="or"))).injured is None
