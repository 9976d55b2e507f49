"""Which of the article's places an event happened at.

An event takes the places named in its own clause: those that hang on the trigger itself
or on its participants with no other verb between ("seized a ship in the Red Sea, and took
its crew to the port of Hodeidah"), else the others ("were killed and two wounded in
shelling in Terter"). A participle that goes on telling a clause's act takes that clause's
places too ("a bomb exploded in a market in Baghdad, killing 20"), and a material act
joined by "and" to a verb that names places takes that verb's, where its own clause names
none ("protesters gathered in Yerevan, and police detained dozens of them"). A name
that is also an actor ("Yerevan and Baku accused each other", "envoys from France") is a
place only after a locative preposition ("attacks on Baku", "talks in Geneva") or as the
target of an attack or a seizure ("Houthis attacked Abu Dhabi"). When the clause names
places at several levels ("the city of Shushi, in Karabakh"), only the most precise level
is kept; when it names several places at that level ("Terter, Aghdam and Aghjabedi"), a
material event is coded once per place, sharing the same evidence (ACLED's convention), and
a verbal one once, at the first (:mod:`strife.events.coder`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from strife.actors.lexicon import party_code_of_place
from strife.events.lexicon import WORDS
from strife.events.sequence import other_act_clauses
from strife.nlp import dateline_end
from strife.places.levels import precision_of
from strife.places.lexicon import shipped_lexicon
from strife.records import ActorRef, Place, PlaceMention
from strife.syntax import ANY_SUBJECT_DEPS, VERBAL_POS, is_verb, own_clause_conjuncts

# The words are in data/events/words.json, each list with why it is there.
EVENT_PLACE_PREPS = WORDS["event_place_preps"]
# Words that say a place's level ("region", "district", "town"): the geoparser's lists.
LEVEL_WORDS = shipped_lexicon().level_words
# Words for a part of a place ("areas of Yemen", "the north of Mali"): the geoparser's lists.
PART_WORDS = shipped_lexicon().part_nouns | shipped_lexicon().directions


def event_places(
    doc: Doc,
    mentions: Sequence[PlaceMention],
    clause: set[int],
    actors: frozenset[int],
    targets: Sequence[ActorRef] = (),
    anchors: Collection[int] = (),
) -> list[Place]:
    """The most precise distinct places among those named in the clause, those that hang on
    the trigger first (``anchors``: its word and the light verb carrying it).

    ``actors`` holds the token indices of actor mentions; ``targets`` are the recipients of
    an act done where its target is ("Houthis attacked Abu Dhabi", "seized the capital,
    Tripoli"), whose names are places too.
    """
    named = [
        m
        for m in mentions
        if m.token_start in clause
        and (
            m.token_start not in actors
            or _after_locative(doc, m)
            or any(t.start <= m.place.start < t.end for t in targets)
        )
    ]
    inside = _nearest_to_trigger(doc, named, anchors)
    if not inside:
        return []
    best = max(precision_of(p.feature_code) for p in inside)
    seen: set[int] = set()
    out: list[Place] = []
    for place in inside:
        if precision_of(place.feature_code) == best and place.geonameid not in seen:
            seen.add(place.geonameid)
            out.append(place)
    return out


def _nearest_to_trigger(
    doc: Doc, named: Sequence[PlaceMention], anchors: Collection[int]
) -> list[Place]:
    """The places that hang on the trigger with no other verb between, else all of them."""
    direct = [m.place for m in named if _hangs_on(doc[m.token_end - 1], anchors)]
    return direct or [m.place for m in named]


def _hangs_on(token: Token, anchors: Collection[int]) -> bool:
    """Whether the way up from ``token`` reaches the trigger (``anchors``) through no other
    verb: "seized a ship in the Red Sea", not "and took its crew to the port of Hodeidah".
    A participle that goes on telling the trigger's act is no other verb ("fired missiles
    at cities, killing 11 people in Kyiv")."""
    while token.i not in anchors:
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i not in anchors and token.pos_ in VERBAL_POS and not _goes_on(token):
            return False
    return True


def told_clause(token: Token) -> set[int]:
    """The clause a participle goes on telling ("two bombs exploded in a market in Baghdad,
    killing 20 people"): where the participle's act happened too, though its own words
    name no place. Empty for any other word. Clauses coordinated with that clause's verb
    that have a doer of their own, or tell another doer's act, are not part of it."""
    if not _goes_on(token) or token.i < token.head.i:
        return set()  # "Striking inside the capital has raised fears": not a sequel
    verb = token.head
    ids = {t.i for t in verb.subtree}
    for other in (*own_clause_conjuncts(verb), *other_act_clauses(verb)):
        ids.difference_update(t.i for t in other.subtree)
    return ids


def _goes_on(verb: Token) -> bool:
    """A participle with no subject of its own, modifying the clause ("..., killing 11")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children)
    )


def _after_locative(doc: Doc, mention: PlaceMention) -> bool:
    """ "attacks on Baku", "fighting in the Donetsk region": the name is, or qualifies the
    word for, what a locative preposition governs; not "died in a Taliban ambush", where it
    qualifies the act."""
    head = doc[mention.token_end - 1]
    while True:
        while head.dep_ in ("conj", "compound", "appos") and head.head.i != head.i:
            if head.dep_ == "compound" and not _is_level_word(head.head):
                return False
            head = head.head
        # "in Houthi-held areas of Yemen", "in the north of Mali": a part of the place
        whole = head.head.head
        if not (head.dep_ == "pobj" and head.head.lower_ == "of" and _is_part_word(whole)):
            break
        head = whole
    return head.dep_ == "pobj" and head.head.lower_ in EVENT_PLACE_PREPS


def _is_level_word(token: Token) -> bool:
    return token.lower_ in LEVEL_WORDS or token.lemma_.lower() in LEVEL_WORDS


def _is_part_word(token: Token) -> bool:
    return _is_level_word(token) or token.lemma_.lower() in PART_WORDS


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """Tokens of a wire dateline opening the article ("BEIJING/TAIPEI, April 6 (Reuters) -"):
    it says where the report was filed, not where any one event of it happened."""
    end = dateline_end(doc)
    return frozenset(range(end + 1)) if end is not None else frozenset()


def coordinated_clause(token: Token) -> set[int]:
    """The tokens of the clause a verb is joined to by "and" ("protesters gathered in
    Yerevan, and police detained dozens of them": "gathered ... in Yerevan" for "detained";
    "seized a ship in the Red Sea and took its crew hostage": "seized ... Red Sea" for
    "took"), without ``token``'s own subtree or that clause's other conjuncts with doers of
    their own; empty where ``token`` is no verb so joined."""
    head = token.head
    if token.dep_ != "conj" or head.i == token.i or not (is_verb(token) and is_verb(head)):
        return set()
    joining = [c.lower_ for c in head.children if c.dep_ == "cc" and head.i < c.i < token.i]
    if joining[-1:] != ["and"]:
        return set()  # "took on a role in the battle for Raqqa, but Ankara protested"
    clause = {t.i for t in head.subtree} - {t.i for t in token.subtree}
    for other in own_clause_conjuncts(head):
        clause.difference_update(t.i for t in other.subtree)
    return clause


class PlaceMemory:
    """Where the article's material events happen when a sentence does not say.

    The last place an event of the previous sentences took (three sentences back at
    most), else the dateline's place.
    """

    LOOKBACK = 3

    def __init__(self, dateline: Place | None, countries: Collection[str] = ()) -> None:
        """``countries``: those the article names outside its dateline (its parties' and
        its places'). A dateline in none of them places nothing: a report filed from Dubai
        about Iran."""
        self.dateline = dateline
        self.countries = frozenset(countries)
        self._recent: list[tuple[int, Place]] = []

    def remember(self, sequence: int, places: Sequence[Place]) -> None:
        """Keep the places events of sentence ``sequence`` took; the dateline's, which
        ``recall`` gave them, stays only the dateline's."""
        self._recent.extend((sequence, place) for place in places if not self._is_dateline(place))

    def _is_dateline(self, place: Place) -> bool:
        line = self.dateline
        return line is not None and (place.start, place.end) == (line.start, line.end)

    def recall(self, sequence: int) -> tuple[Place | None, bool]:
        """The last place an event of the previous sentences took, else the dateline's;
        and whether it is only the dateline's, where the report was filed (it places an
        event, and never makes a party of it)."""
        for seen, place in reversed(self._recent):
            if seen < sequence and sequence - seen <= self.LOOKBACK:
                return place, False
        line = self.dateline
        named = self.countries
        if line is None or (named and party_code_of_place(line.country_code) not in named):
            return None, False
        return line, True
