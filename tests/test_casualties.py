"""Casualty figures read off hand-built parses: the figure, its qualifier kept in the text,
and vague quantities at the smallest number they can mean."""

from __future__ import annotations

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


def test_a_qualified_figure_keeps_its_qualifier_in_the_text() -> None:
    dead = count_casualties(parse(CLAIMED_LIVES)).dead
    assert dead is not None and (dead.min, dead.text) == (1200, "more than 1,200")
    dead = count_casualties(parse(AT_LEAST)).dead
    assert dead is not None and (dead.min, dead.text) == (12, "at least 12")


def test_a_vague_quantity_counts_the_least_it_can_mean() -> None:
    found = count_casualties(parse(DOZENS_OF))
    assert found.arrested is not None and found.arrested.min == 24
    assert found.dead is None and found.injured is None
