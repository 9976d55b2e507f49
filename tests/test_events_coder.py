"""The event coder on hand-parsed sentences: roles, voice, reciprocity, claims, markers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from parsed import actor, parse, place, when
from strife.events import EventCoder, Mentions
from strife.records import ActorMention, Article, DateMention, Event, PlaceMention

PUBLISHED = datetime(2020, 10, 31, 16, 35)


def code(
    coder: EventCoder,
    doc: object,
    actors: list[ActorMention],
    places: list[PlaceMention] | None = None,
    dates: list[DateMention] | None = None,
) -> list[Event]:
    article = Article(
        id="a1",
        text=str(doc),
        source="test",
        published=PUBLISHED,
        publication="Test Wire",
        url="https://example.org/a1",
    )
    return coder.code(doc, article, Mentions(actors, places or [], dates or []))  # type: ignore[arg-type]


ACCUSED_EACH_OTHER = """
Yerevan PROPN NNP nsubj 3 Yerevan
and CCONJ CC cc 0 and
Baku PROPN NNP conj 0 Baku
accused VERB VBD ROOT 3 accuse
each DET DT det 5 each
other ADJ JJ dobj 3 other
of ADP IN prep 3 of
attacks NOUN NNS pobj 6 attack
on ADP IN prep 7 on
civilians NOUN NNS pobj 8 civilian
. PUNCT . punct 3 .
"""


def test_each_other_codes_one_event_in_each_direction(shipped_coder: EventCoder) -> None:
    doc = parse(ACCUSED_EACH_OTHER)
    mentions = [
        actor(doc, 0, 1, "ARM", "GOV"),
        actor(doc, 2, 3, "AZE", "GOV"),
        actor(doc, 9, 10, None, "CVL", kind="agent"),
    ]
    events = code(shipped_coder, doc, mentions)
    pairs = {(e.event, e.actor[0].code, e.recipient[0].code) for e in events}
    assert pairs == {("ACCUSE", "ARM", "AZE"), ("ACCUSE", "AZE", "ARM")}
    # the attacks are what is alleged, not an event of their own
    assert all(e.event == "ACCUSE" and e.mode == "allege" for e in events)
    assert all(e.date == date(2020, 10, 31) and e.date_source == "published" for e in events)
    assert events[0].event_text == "accused"
    assert doc.text[events[0].event_start : events[0].event_end] == "accused"


WOUNDED_PASSIVE = """
Stepanyan PROPN NNP nsubj 1 Stepanyan
said VERB VBD ROOT 1 say
Saturday PROPN NNP npadvmod 1 Saturday
that SCONJ IN mark 6 that
several ADJ JJ amod 5 several
civilians NOUN NNS nsubjpass 7 civilian
were AUX VBD auxpass 7 be
wounded VERB VBN ccomp 1 wound
in ADP IN prep 7 in
attacks NOUN NNS pobj 8 attack
on ADP IN prep 9 on
Shushi PROPN NNP pobj 10 Shushi
. PUNCT . punct 1 .
"""
DENIED = """
Azerbaijan PROPN NNP nsubj 1 Azerbaijan
denied VERB VBD ROOT 1 deny
the DET DT det 3 the
allegations NOUN NNS dobj 1 allegation
. PUNCT . punct 1 .
"""


def test_passive_claim_and_denial(shipped_coder: EventCoder) -> None:
    doc = parse(WOUNDED_PASSIVE, DENIED)
    mentions = [
        actor(doc, 0, 1, "ARM", "GOV", kind="person", name="Shushan Stepanyan"),
        actor(doc, 5, 6, None, "CVL", kind="agent"),
        actor(doc, 13, 14, "AZE", "GOV"),
    ]
    shushi = place(doc, 11, 12, 585156, "AZE")
    saturday = when(doc, 2, 3, date(2020, 10, 31))
    (event,) = code(shipped_coder, doc, mentions, [shushi], [saturday])
    assert event.event == "ASSAULT"
    assert event.actor == ()
    assert [r.sector for r in event.recipient] == ["CVL"]
    assert event.event_loc is not None and event.event_loc.geonameid == 585156
    assert event.size.injured is not None and event.size.injured.min == 3
    assert event.size.injured.text == "several"
    assert event.date == date(2020, 10, 31) and event.date_source == "text"
    stances = {(c.stance, c.code) for c in event.claims}
    assert stances == {("asserts", "ARM"), ("denies", "AZE")}
    assert event.contested
    denial = next(c for c in event.claims if c.stance == "denies")
    assert doc.text[denial.start : denial.end] == "Azerbaijan denied"


PROMISE = """
Russia PROPN NNP nsubj 1 Russia
says VERB VBZ ROOT 1 say
it PRON PRP nsubj 4 it
will AUX MD aux 4 will
provide VERB VB ccomp 1 provide
Armenia PROPN NNP dobj 4 Armenia
with ADP IN prep 4 with
assistance NOUN NN pobj 6 assistance
. PUNCT . punct 1 .
"""


def test_promised_aid_is_agree_asserted_by_the_speaker(shipped_coder: EventCoder) -> None:
    doc = parse(PROMISE)
    mentions = [actor(doc, 0, 1, "RUS", "GOV"), actor(doc, 5, 6, "ARM", "GOV")]
    (event,) = code(shipped_coder, doc, mentions)
    assert (event.event, event.aux) == ("AGREE", None)
    assert [a.code for a in event.actor] == ["RUS"]
    assert [r.code for r in event.recipient] == ["ARM"]
    assert [(c.stance, c.code) for c in event.claims] == [("asserts", "RUS")]


REQUEST_SENT = """
Pashinyan PROPN NNP nsubj 1 Pashinyan
sent VERB VBD ROOT 1 send
a DET DT det 4 a
formal ADJ JJ amod 4 formal
request NOUN NN dobj 1 request
to ADP IN dative 1 to
Putin PROPN NNP pobj 5 Putin
for ADP IN prep 4 for
military ADJ JJ amod 9 military
assistance NOUN NN pobj 7 assistance
. PUNCT . punct 1 .
"""


def test_noun_trigger_with_light_verb(shipped_coder: EventCoder) -> None:
    doc = parse(REQUEST_SENT)
    mentions = [actor(doc, 0, 1, "ARM", "GOV", kind="alias"), actor(doc, 6, 7, "RUS", "GOV")]
    (event,) = code(shipped_coder, doc, mentions)
    assert (event.event, event.mode) == ("REQUEST", "assist")
    assert [a.code for a in event.actor] == ["ARM"]
    assert [r.code for r in event.recipient] == ["RUS"]
    assert event.quad_code == 3
    assert "sent" in event.event_text and "request" in event.event_text


FIRE_AT_TOWNS = """
Terter PROPN NNP nsubj 6 Terter
, PUNCT , punct 0 ,
Aghdam PROPN NNP conj 0 Aghdam
and CCONJ CC cc 2 and
Aghjabedi PROPN NNP conj 2 Aghjabedi
had AUX VBD aux 6 have
come VERB VBN ROOT 6 come
under ADP IN prep 6 under
artillery NOUN NN compound 9 artillery
fire NOUN NN pobj 7 fire
from ADP IN prep 6 from
Armenian ADJ JJ amod 12 armenian
forces NOUN NNS pobj 10 force
. PUNCT . punct 6 .
"""


def test_one_event_per_place_with_mode_from_weapon(shipped_coder: EventCoder) -> None:
    doc = parse(FIRE_AT_TOWNS)
    mentions = [actor(doc, 11, 13, "ARM", "MIL", kind="agent")]
    places = [place(doc, 0, 1, 1, "AZE"), place(doc, 2, 3, 2, "AZE"), place(doc, 4, 5, 3, "AZE")]
    events = code(shipped_coder, doc, mentions, places)
    assert sorted(e.event_loc.geonameid for e in events if e.event_loc) == [1, 2, 3]
    assert {(e.event, e.mode) for e in events} == {("ASSAULT", "heavy-weapons")}
    assert len({e.id for e in events}) == 3
    assert len({(e.event_start, e.text) for e in events}) == 1  # same evidence


ACCUSED_OF_ATTACKS_IN = """
Russia PROPN NNP nsubj 1 Russia
accused VERB VBD ROOT 1 accuse
rebels NOUN NNS dobj 1 rebel
of ADP IN prep 1 of
attacks NOUN NNS pobj 3 attack
in ADP IN prep 4 in
Aleppo PROPN NNP pobj 5 Aleppo
and CCONJ CC cc 6 and
Idlib PROPN NNP conj 6 Idlib
. PUNCT . punct 1 .
"""


def test_what_is_said_is_coded_once_whatever_the_places_it_names(
    shipped_coder: EventCoder,
) -> None:
    """ "Russia accused rebels of attacks in Aleppo and Idlib": one accusation, at the first
    place; an act of force there is coded once per place (as above)."""
    doc = parse(ACCUSED_OF_ATTACKS_IN)
    mentions = [actor(doc, 0, 1, "RUS", "GOV"), actor(doc, 2, 3, None, "REB", kind="agent")]
    places = [place(doc, 6, 7, 1, "SYR"), place(doc, 8, 9, 2, "SYR")]
    events = [e for e in code(shipped_coder, doc, mentions, places) if e.event == "ACCUSE"]
    assert len(events) == 1
    assert events[0].event_loc is not None and events[0].event_loc.geonameid == 1


PLEDGED_NOT_TO = """
The DET DT det 2 the
warring ADJ JJ amod 2 warring
sides NOUN NNS nsubj 3 side
pledged VERB VBD ROOT 3 pledge
not PART RB neg 6 not
to PART TO aux 6 to
target VERB VB xcomp 3 target
civilians NOUN NNS dobj 6 civilian
. PUNCT . punct 3 .
"""


def test_content_of_a_pledge_is_not_an_event_and_sides_resolve(shipped_coder: EventCoder) -> None:
    doc = parse(ACCUSED_EACH_OTHER, PLEDGED_NOT_TO)
    mentions = [actor(doc, 0, 1, "ARM", "GOV"), actor(doc, 2, 3, "AZE", "GOV")]
    events = [e for e in code(shipped_coder, doc, mentions) if e.text_info.sequence == 1]
    (event,) = events
    assert event.event == "AGREE"
    assert {a.code for a in event.actor} == {"ARM", "AZE"}
    assert event.actor[0].entity_text == "The warring sides"


NOT_ATTACKED = """
Troops NOUN NNS nsubj 3 troops
did AUX VBD aux 3 do
not PART RB neg 3 not
attack VERB VB ROOT 3 attack
the DET DT det 5 the
village NOUN NN dobj 3 village
in ADP IN prep 3 in
1992 NUM CD pobj 6 1992
. PUNCT . punct 3 .
"""


def test_negation_marker(detectorless_coder: EventCoder) -> None:
    doc = parse(NOT_ATTACKED)
    mentions = [actor(doc, 0, 1, None, "MIL", kind="agent")]
    (event,) = code(detectorless_coder, doc, mentions)
    assert event.aux == "negation"


def test_historical_marker_and_text_date(detectorless_coder: EventCoder) -> None:
    doc = parse(NOT_ATTACKED.replace("not PART RB neg 3 not", "then ADV RB advmod 3 then"))
    mentions = [actor(doc, 0, 1, None, "MIL", kind="agent")]
    year = when(doc, 7, 8, date(1992, 1, 1), historical=True)
    (event,) = code(detectorless_coder, doc, mentions, dates=[year])
    assert event.aux == "historical"
    assert event.date == date(1992, 1, 1) and event.date_text == "1992"


CLAIMED_BACKING = """
He PRON PRP nsubj 1 he
claimed VERB VBD ROOT 1 claim
that SCONJ IN mark 5 that
Turkey PROPN NNP nsubj 5 Turkey
was AUX VBD aux 5 be
backing VERB VBG ccomp 1 back
Baku PROPN NNP dobj 5 Baku
. PUNCT . punct 1 .
"""


def test_a_claim_that_a_third_party_backs_the_enemy_is_an_accusation(
    detectorless_coder: EventCoder,
) -> None:
    doc = parse(ACCUSED_EACH_OTHER, CLAIMED_BACKING)
    mentions = [
        actor(doc, 0, 1, "ARM", "GOV"),
        actor(doc, 2, 3, "AZE", "GOV"),
        actor(doc, 11, 12, "ARM", "GOV", kind="pronoun", name="Nikol Pashinyan"),
        actor(doc, 14, 15, "TUR", "GOV"),
        actor(doc, 17, 18, "AZE", "GOV"),
    ]
    events = [e for e in code(detectorless_coder, doc, mentions) if e.text_info.sequence == 1]
    kinds = {(e.event, e.actor[0].code, e.recipient[0].code) for e in events}
    assert ("SUPPORT", "TUR", "AZE") in kinds
    assert ("ACCUSE", "ARM", "TUR") in kinds
    support = next(e for e in events if e.event == "SUPPORT")
    assert [(c.stance, c.code) for c in support.claims] == [("asserts", "ARM")]


def test_event_ids_are_stable(shipped_coder: EventCoder) -> None:
    doc = parse(ACCUSED_EACH_OTHER)
    mentions = [actor(doc, 0, 1, "ARM", "GOV"), actor(doc, 2, 3, "AZE", "GOV")]
    first = [e.id for e in code(shipped_coder, doc, mentions)]
    second = [e.id for e in code(shipped_coder, doc, mentions)]
    assert first == second and len(set(first)) == 2


# Two events in one sentence, each clause with its own doer; and one event told in two
# clauses, the second passive with its auxiliary left out.
TWO_DOERS = """
Jets NOUN NNS nsubj 1 jet
destroyed VERB VBD ROOT 1 destroy
a DET DT det 3 a
tower NOUN NN dobj 1 tower
in ADP IN prep 3 in
Gaza PROPN NNP pobj 4 Gaza
, PUNCT , punct 1 ,
and CCONJ CC cc 1 and
rebels NOUN NNS nsubj 9 rebel
shelled VERB VBD conj 1 shell
Sderot PROPN NNP dobj 9 Sderot
, PUNCT , punct 9 ,
killing VERB VBG advcl 9 kill
two NUM CD nummod 14 two
people NOUN NNS dobj 12 people
. PUNCT . punct 1 .
"""

KILLED_AND_WOUNDED = """
Six NUM CD nummod 1 six
soldiers NOUN NNS nsubjpass 3 soldier
were AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
and CCONJ CC cc 3 and
three NUM CD nsubj 6 three
wounded VERB VBN conj 3 wound
in ADP IN prep 6 in
Gaza PROPN NNP pobj 7 Gaza
. PUNCT . punct 3 .
"""


def test_a_coordinated_clause_with_its_own_doer_keeps_its_places_and_dead(
    rule_coder: EventCoder,
) -> None:
    doc = parse(TWO_DOERS)
    mentions = [actor(doc, 0, 1, "ISR", "MIL"), actor(doc, 8, 9, None, "REB")]
    places = [place(doc, 5, 6, 1, "PSE"), place(doc, 10, 11, 2, "ISR")]
    events = code(rule_coder, doc, mentions, places)
    destroyed = [e for e in events if e.event_text == "destroyed"]
    assert destroyed and all(e.event_loc and e.event_loc.geonameid == 1 for e in destroyed)
    assert all(e.size.dead is None for e in destroyed)


def test_a_passive_clause_without_its_auxiliary_tells_the_same_event(
    rule_coder: EventCoder,
) -> None:
    doc = parse(KILLED_AND_WOUNDED)
    events = code(rule_coder, doc, [], [place(doc, 8, 9, 1, "PSE")])
    killed = [e for e in events if e.event_text == "killed"]
    assert killed and all(e.event_loc and e.event_loc.geonameid == 1 for e in killed)
    assert all(e.size.dead and e.size.dead.min == 6 for e in killed)
    assert all(e.size.injured and e.size.injured.min == 3 for e in killed)


STORMED_BEFORE_ARRESTS = """
Gunmen NOUN NNS nsubj 1 gunman
stormed VERB VBD ROOT 1 storm
a DET DT det 3 a
studio NOUN NN dobj 1 studio
, PUNCT , punct 1 ,
before SCONJ IN mark 7 before
police NOUN NNS nsubj 7 police
arrested VERB VBD advcl 1 arrest
13 NUM CD nummod 9 13
attackers NOUN NNS dobj 7 attacker
in ADP IN prep 7 in
Quito PROPN NNP pobj 10 Quito
. PUNCT . punct 1 .
"""

KILLED_AFTER_FIRE = """
Five NUM CD nummod 1 five
people NOUN NNS nsubjpass 3 people
were AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
after SCONJ IN mark 6 after
gunmen NOUN NNS nsubj 6 gunman
fired VERB VBD advcl 3 fire
in ADP IN prep 6 in
Quito PROPN NNP pobj 7 Quito
. PUNCT . punct 3 .
"""


def test_another_doers_act_before_or_after_lends_the_trigger_nothing(
    rule_coder: EventCoder,
) -> None:
    """ "Gunmen stormed a studio, before police arrested 13 attackers in Quito": the arrests
    and their place are the police's event, not the storming's. "Five people were killed
    after gunmen fired in Quito" names no doer in its main clause: one event, at Quito."""
    doc = parse(STORMED_BEFORE_ARRESTS)
    mentions = [actor(doc, 0, 1, None, "UAF"), actor(doc, 6, 7, None, "COP")]
    events = code(rule_coder, doc, mentions, [place(doc, 11, 12, 1, "ECU")])
    stormed = [e for e in events if e.event_text == "stormed"]
    arrested = [e for e in events if e.event_text == "arrested"]
    assert stormed and all(e.size.arrested is None and e.event_loc is None for e in stormed)
    assert arrested and all(e.size.arrested and e.size.arrested.min == 13 for e in arrested)
    doc = parse(KILLED_AFTER_FIRE)
    events = code(rule_coder, doc, [actor(doc, 5, 6, None, "UAF")], [place(doc, 8, 9, 1, "ECU")])
    killed = [e for e in events if e.event_text == "killed"]
    assert killed and all(e.event_loc and e.event_loc.geonameid == 1 for e in killed)
    assert all(e.size.dead and e.size.dead.min == 5 for e in killed)


POUNDED_WHILE_FIRED = """
Warplanes NOUN NNS nsubj 1 warplane
pounded VERB VBD ROOT 1 pound
targets NOUN NNS dobj 1 target
in ADP IN prep 1 in
Tyre PROPN NNP pobj 3 Tyre
, PUNCT , punct 1 ,
while SCONJ IN mark 8 while
Hezbollah PROPN NNP nsubj 8 Hezbollah
fired VERB VBD advcl 1 fire
rockets NOUN NNS dobj 8 rocket
at ADP IN prep 8 at
Safed PROPN NNP pobj 10 Safed
. PUNCT . punct 1 .
"""


def test_another_doers_act_told_beside_is_its_own_event(rule_coder: EventCoder) -> None:
    """ "Warplanes pounded targets in Tyre, while Hezbollah fired rockets at Safed": two
    attacks, each at its own place, not one that swallows the other."""
    doc = parse(POUNDED_WHILE_FIRED)
    mentions = [actor(doc, 0, 1, "ISR", "MIL", kind="agent"), actor(doc, 7, 8, "LBN", "REB")]
    places = [place(doc, 4, 5, 1, "LBN"), place(doc, 11, 12, 2, "ISR")]
    events = code(rule_coder, doc, mentions, places)
    where = {(e.event_text, e.event_loc.geonameid if e.event_loc else None) for e in events}
    assert where == {("pounded", 1), ("fired", 2)}


def test_each_doer_of_a_coordination_has_its_own_event(shipped_coder: EventCoder) -> None:
    """The two attacks are not merged into one, and neither takes a party of the other's
    clause, though the role ranker is offered every mention of the sentence."""
    doc = parse(TWO_DOERS)
    mentions = [
        actor(doc, 0, 1, "ISR", "MIL"),
        actor(doc, 8, 9, "PSE", "REB"),
        actor(doc, 10, 11, "ISR", None, kind="country"),
    ]
    events = code(shipped_coder, doc, mentions, [])
    roles = {
        (
            e.event_text,
            tuple(a.entity_text for a in e.actor),
            tuple(r.entity_text for r in e.recipient),
        )
        for e in events
    }
    assert ("shelled", ("rebels",), ("Sderot",)) in roles
    destroyed = [r for r in roles if r[0] == "destroyed"]
    assert destroyed and all(r[1] == ("Jets",) and "Sderot" not in r[2] for r in destroyed)


def test_a_conjunct_without_a_coordinating_word_is_not_a_clause_apart() -> None:
    """ "sanctions, including travel bans and asset freezes, on commanders": the parser made
    "freezes" a verb with a subject of its own, but no "and" joins it to "imposed"."""
    from strife.syntax import coordinated_apart

    doc = parse(TWO_DOERS)
    assert coordinated_apart(doc[1], doc[8]) and coordinated_apart(doc[10], doc[3])
    assert not coordinated_apart(doc[1], doc[3]) and not coordinated_apart(doc[9], doc[14])
    misparse = parse(FREEZES)
    assert not coordinated_apart(misparse[1], misparse[7])


FREEZES = """
Washington PROPN NNP nsubj 1 Washington
imposed VERB VBD ROOT 1 impose
sanctions NOUN NNS dobj 1 sanction
, PUNCT , punct 2 ,
including VERB VBG prep 2 include
bans NOUN NNS nsubj 6 ban
freezes VERB VBZ conj 1 freeze
on ADP IN prep 6 on
commanders NOUN NNS pobj 7 commander
. PUNCT . punct 1 .
"""


def test_the_typer_reads_each_doers_own_clause() -> None:
    """What ModelTyping gives the typer for each candidate of a coordination."""
    from strife.syntax import own_clause_span

    doc = parse(TWO_DOERS)
    assert own_clause_span(doc[:], doc[1]).text == "Jets destroyed a tower in Gaza"
    assert own_clause_span(doc[:], doc[9]).text == "rebels shelled Sderot, killing two people"
    assert own_clause_span(doc[:], doc[12]).text == "rebels shelled Sderot, killing two people"
    single = parse(KILLED_AND_WOUNDED)
    assert own_clause_span(single[:], single[3]) == single[:]


KILLED_IN_TWO_TOWNS = """
Russian ADJ JJ amod 1 russian
forces NOUN NNS nsubj 2 force
killed VERB VBD ROOT 2 kill
five NUM CD nummod 4 five
people NOUN NNS dobj 2 people
in ADP IN prep 2 in
Bakhmut PROPN NNP pobj 5 Bakhmut
and CCONJ CC cc 6 and
Avdiivka PROPN NNP conj 6 Avdiivka
. PUNCT . punct 2 .
"""


def test_a_figure_coded_at_several_places_is_counted_once(shipped_coder: EventCoder) -> None:
    """One report of five dead, coded once per town: a sum over the events gives five."""
    doc = parse(KILLED_IN_TWO_TOWNS)
    mentions = [actor(doc, 0, 2, "RUS", "MIL", kind="agent")]
    places = [place(doc, 6, 7, 1, "UKR"), place(doc, 8, 9, 2, "UKR")]
    events = code(shipped_coder, doc, mentions, places)
    assert sorted(e.event_loc.geonameid for e in events if e.event_loc) == [1, 2]
    dead = [e.size.dead.min for e in events if e.size.dead is not None]
    assert dead == [5]
    first = min(events, key=lambda e: e.event_loc.start if e.event_loc else 0)
    assert first.size.dead is not None and first.event_loc is not None
    assert first.event_loc.extracted_place == "Bakhmut"


DIED_IN_ATTACK = """
Twelve NUM CD nummod 1 twelve
civilians NOUN NNS nsubj 2 civilian
died VERB VBD ROOT 2 die
in ADP IN prep 2 in
an DET DT det 5 an
attack NOUN NN pobj 3 attack
. PUNCT . punct 2 .
"""


def test_the_subject_of_a_verb_of_suffering_is_the_recipient() -> None:
    """ "Twelve civilians died in an attack": they are whom the act was done to, both for
    "died", which names no doer, and for the attack under it; a word that is not a verb of
    suffering, nor under one, keeps its roles."""
    from strife.events.arguments import Arguments
    from strife.events.shaping import suffered_roles

    doc = parse(DIED_IN_ATTACK)
    civilians = actor(doc, 0, 2, None, "CVL").ref
    market = actor(doc, 5, 6, None, None).ref
    args = Arguments((civilians,), (market,), False)
    assert suffered_roles(doc[2], args) == Arguments((), (civilians,), False)
    assert suffered_roles(doc[5], args) == Arguments((), (civilians, market), False)
    assert suffered_roles(doc[1], args) == args


NORTH_AND_SOUTH_AGREED = """
North PROPN NNP nmod 3 North
and CCONJ CC cc 0 and
South PROPN NNP conj 0 South
Korea PROPN NNP nsubj 4 Korea
agreed VERB VBD ROOT 4 agree
to PART TO aux 6 to
resume VERB VB xcomp 4 resume
talks NOUN NNS dobj 6 talk
. PUNCT . punct 4 .
"""

US_AND_IRAQI_TROOPS = """
US PROPN NNP amod 3 US
and CCONJ CC cc 0 and
Iraqi ADJ JJ conj 0 iraqi
troops NOUN NNS nsubj 4 troop
attacked VERB VBD ROOT 4 attack
the DET DT det 6 the
rebels NOUN NNS dobj 4 rebel
. PUNCT . punct 4 .
"""


def test_a_name_joined_to_a_shared_head_acts_with_it(shipped_coder: EventCoder) -> None:
    # The parse hangs "North" on "Korea" and "US" on "troops": each is a party beside the
    # mention that holds its head, not a party of its own role.
    doc = parse(NORTH_AND_SOUTH_AGREED)
    mentions = [actor(doc, 0, 1, "PRK", "GOV"), actor(doc, 2, 4, "KOR", "GOV")]
    [event] = code(shipped_coder, doc, mentions)
    assert (event.event, [a.code for a in event.actor], event.recipient) == (
        "AGREE",
        ["PRK", "KOR"],
        (),
    )
    doc = parse(US_AND_IRAQI_TROOPS)
    mentions = [
        actor(doc, 0, 1, "USA", "GOV"),
        actor(doc, 2, 4, "IRQ", "MIL", kind="agent"),
        actor(doc, 6, 7, None, "REB", kind="agent"),
    ]
    [event] = code(shipped_coder, doc, mentions)
    assert [a.code for a in event.actor] == ["USA", "IRQ"]


POUNDING = """
Azerbaijan PROPN NNP nsubj 1 Azerbaijan
moved VERB VBD ccomp 10 move
on ADP IN prep 1 on
Tuesday PROPN NNP pobj 2 Tuesday
, PUNCT , punct 1 ,
pounding VERB VBG advcl 1 pound
Armenian ADJ JJ amod 7 Armenian
positions NOUN NNS dobj 5 position
, PUNCT , punct 10 ,
officials NOUN NNS nsubj 10 official
said VERB VBD ROOT 10 say
on ADP IN prep 10 on
Wednesday PROPN NNP pobj 11 Wednesday
. PUNCT . punct 10 .
"""


def test_a_participle_takes_the_date_of_the_clause_it_goes_on_telling(
    rule_coder: EventCoder,
) -> None:
    doc = parse(POUNDING)
    mentions = [actor(doc, 0, 1, "AZE", "GOV"), actor(doc, 6, 7, "ARM", None)]
    tuesday = when(doc, 3, 4, date(2023, 9, 19))
    wednesday = when(doc, 12, 13, date(2023, 9, 20))
    (event,) = code(rule_coder, doc, mentions, [], [tuesday, wednesday])
    assert (event.event, event.event_text) == ("ASSAULT", "pounding")
    assert event.date == date(2023, 9, 19)


FRONTED = """
In ADP IN prep 4 in
Yerevan PROPN NNP pobj 0 Yerevan
, PUNCT , punct 4 ,
protesters NOUN NNS nsubj 4 protester
marched VERB VBD ROOT 4 march
, PUNCT , punct 4 ,
and CCONJ CC cc 4 and
police NOUN NNS nsubj 8 police
detained VERB VBD conj 4 detain
dozens NOUN NNS dobj 8 dozen
. PUNCT . punct 4 .
"""


def test_a_place_opening_coordinated_clauses_places_each(rule_coder: EventCoder) -> None:
    doc = parse(FRONTED)
    mentions = [
        actor(doc, 3, 4, None, "CVL", kind="agent"),
        actor(doc, 7, 8, None, "COP", kind="agent"),
    ]
    yerevan = place(doc, 1, 2, 616052, "ARM")
    events = code(rule_coder, doc, mentions, [yerevan])
    placed = {(e.event, e.event_loc.geonameid if e.event_loc else None) for e in events}
    assert placed == {("PROTEST", 616052), ("COERCE", 616052)}
    arrest = next(e for e in events if e.event == "COERCE")
    assert [a.code for a in arrest.actor] == ["ARM"]


BACKED = """
The DET DT det 1 the
Houthis PROPN NNPS nsubj 9 Houthis
, PUNCT , punct 1 ,
who PRON WP nsubjpass 5 who
are AUX VBP auxpass 5 be
backed VERB VBN relcl 1 back
by ADP IN agent 5 by
Iran PROPN NNP pobj 6 Iran
, PUNCT , punct 1 ,
fired VERB VBD ROOT 9 fire
missiles NOUN NNS dobj 9 missile
at ADP IN prep 9 at
ships NOUN NNS pobj 11 ship
. PUNCT . punct 9 .
"""


def test_who_backs_a_party_is_no_event_and_no_party_to_its_acts(
    shipped_coder: EventCoder,
) -> None:
    doc = parse(BACKED)
    mentions = [actor(doc, 0, 2, "YEM", "REB", kind="group"), actor(doc, 7, 8, "IRN", "GOV")]
    (event,) = code(shipped_coder, doc, mentions)
    assert (event.event, event.event_text) == ("ASSAULT", "fired")
    assert [a.code for a in event.actor] == ["YEM"]
    assert "IRN" not in {r.code for r in event.recipient}


SUSPENDED_TREATY = """
India PROPN NNP nsubj 1 India
suspended VERB VBD ROOT 1 suspend
a DET DT det 4 a
1960 NUM CD nummod 4 1960
treaty NOUN NN dobj 1 treaty
with ADP IN prep 1 with
Pakistan PROPN NNP pobj 5 Pakistan
on ADP IN prep 1 on
Wednesday PROPN NNP pobj 7 Wednesday
and CCONJ CC cc 1 and
expelled VERB VBD conj 1 expel
diplomats NOUN NNS dobj 10 diplomat
. PUNCT . punct 1 .
"""


def test_a_year_qualifying_a_noun_is_not_when_the_event_happened(
    shipped_coder: EventCoder,
) -> None:
    """ "suspended a 1960 treaty on Wednesday": 1960 says when the treaty was made."""
    doc = parse(SUSPENDED_TREATY)
    mentions = [actor(doc, 0, 1, "IND", "GOV"), actor(doc, 6, 7, "PAK", "GOV")]
    year = when(doc, 3, 4, date(1960, 1, 1), historical=True)
    wednesday = when(doc, 8, 9, date(2020, 10, 28))
    events = code(shipped_coder, doc, mentions, dates=[year, wednesday])
    assert {(e.event_text, e.date, e.aux) for e in events} >= {
        ("suspended", date(2020, 10, 28), None)
    }
    (event,) = code(shipped_coder, doc, mentions, dates=[year])[:1]
    assert event.date == date(2020, 10, 31) and event.date_source == "published"


DETAINED_AN_EDITOR = """
Police NOUN NNS nsubj 1 police
detained VERB VBD ROOT 1 detain
Ali PROPN NNP dobj 1 Ali
, PUNCT , punct 2 ,
an DET DT det 5 an
editor NOUN NN appos 2 editor
who PRON WP nsubj 7 who
led VERB VBD relcl 5 lead
protests NOUN NNS dobj 7 protest
in ADP IN prep 7 in
2020 NUM CD pobj 9 2020
. PUNCT . punct 1 .
"""

KIDNAPPED_BY_MEN_WEARING = """
Ali PROPN NNP nsubjpass 2 Ali
was AUX VBD auxpass 2 be
kidnapped VERB VBN ROOT 2 kidnap
by ADP IN agent 2 by
men NOUN NNS pobj 3 man
wearing VERB VBG acl 4 wear
masks NOUN NNS dobj 5 mask
in ADP IN prep 5 in
2013 NUM CD pobj 7 2013
. PUNCT . punct 2 .
"""


def test_a_past_year_in_a_clause_about_a_participant_does_not_date_the_act(
    shipped_coder: EventCoder,
) -> None:
    """ "Police detained Ali, an editor who led protests in 2020": 2020 is the editor's
    past, not the day of the arrest. But a clause on one of the act's own participants
    may be where the parse hung the act's date ("was kidnapped by men wearing masks in
    2013"), and there the year still dates the act."""
    doc = parse(DETAINED_AN_EDITOR)
    mentions = [actor(doc, 0, 1, "BLR", "COP", kind="agent"), actor(doc, 2, 3, "BLR", "CVL")]
    year = when(doc, 10, 11, date(2020, 1, 1), historical=True)
    events = {e.event_text: e for e in code(shipped_coder, doc, mentions, dates=[year])}
    detained = events["detained"]
    assert (detained.aux, detained.date_source) == (None, "published")
    doc = parse(KIDNAPPED_BY_MEN_WEARING)
    mentions = [actor(doc, 0, 1, "SYR", "CVL"), actor(doc, 4, 5, None, "REB", kind="agent")]
    year = when(doc, 8, 9, date(2013, 1, 1), historical=True)
    events = code(shipped_coder, doc, mentions, dates=[year])
    assert [(e.event_text, e.aux) for e in events] == [("kidnapped", "historical")]


def test_acts_of_one_type_joined_by_and_in_other_modes_are_two_events(
    shipped_coder: EventCoder,
) -> None:
    """ "suspended a treaty ... and expelled diplomats": two sanctions (discontinue,
    expel), where "killed 26 and wounded 17" is one attack."""
    doc = parse(SUSPENDED_TREATY)
    mentions = [actor(doc, 0, 1, "IND", "GOV"), actor(doc, 6, 7, "PAK", "GOV")]
    events = code(shipped_coder, doc, mentions)
    assert [(e.event, e.mode, e.event_text) for e in events] == [
        ("SANCTION", "discontinue", "suspended"),
        ("SANCTION", "expel", "expelled"),
    ]


RESIGNED_DAYS_AFTER = """
Oli PROPN NNP nsubj 1 Oli
resigned VERB VBD ROOT 1 resign
on ADP IN prep 1 on
Tuesday PROPN NNP pobj 2 Tuesday
, PUNCT , punct 1 ,
{count} {count_pos} {count_tag} {count_dep} 6 {count}
{unit} NOUN NN npadvmod 9 {lemma}
{mark} SCONJ IN mark 9 {mark}
police NOUN NN nsubj 9 police
fired VERB VBD advcl 1 fire
on ADP IN prep 9 on
protesters NOUN NNS pobj 10 protester
. PUNCT . punct 1 .
"""


@pytest.mark.parametrize(
    ("count", "unit", "mark", "fired"),
    [
        ("a", "day", "after", date(2020, 10, 26)),
        ("two", "days", "after", date(2020, 10, 25)),
        ("a", "week", "before", date(2020, 11, 3)),
        ("several", "hours", "after", date(2020, 10, 27)),
    ],
)
def test_a_clause_days_after_another_is_dated_that_many_days_before_it(
    shipped_coder: EventCoder, count: str, unit: str, mark: str, fired: date
) -> None:
    """ "resigned on Tuesday, a day after police fired on protesters": the firing was on
    Monday; "hours after" moves no day."""
    determiner = count == "a"
    doc = parse(
        RESIGNED_DAYS_AFTER.format(
            count=count,
            count_pos="DET" if determiner else "NUM",
            count_tag="DT" if determiner else "CD",
            count_dep="det" if determiner else "nummod",
            unit=unit,
            lemma=unit.rstrip("s"),
            mark=mark,
        )
    )
    mentions = [actor(doc, 0, 1, "NPL", "GOV"), actor(doc, 8, 9, "NPL", "COP")]
    tuesday = when(doc, 3, 4, date(2020, 10, 27))
    events = code(shipped_coder, doc, mentions, dates=[tuesday])
    by_trigger = {e.event_text: e for e in events}
    assert by_trigger["resigned"].date == date(2020, 10, 27)
    assert by_trigger["fired"].date == fired
    if count == "several":
        return
    # The date parser may read "a day" as a date of its own (the publication's): the
    # offset's words are no date of the clause.
    a_day = when(doc, 5, 7, date(2020, 10, 31))
    events = code(shipped_coder, doc, mentions, dates=[tuesday, a_day])
    assert {e.event_text: e.date for e in events}["fired"] == fired


FIRED_AND_ARRESTED_A_DAY_AFTER = """
Oli PROPN NNP nsubj 1 Oli
resigned VERB VBD ROOT 1 resign
on ADP IN prep 1 on
Tuesday PROPN NNP pobj 2 Tuesday
, PUNCT , punct 1 ,
a DET DT det 6 a
day NOUN NN npadvmod 9 day
after SCONJ IN mark 9 after
police NOUN NN nsubj 9 police
fired VERB VBD advcl 1 fire
on ADP IN prep 9 on
protesters NOUN NNS pobj 10 protester
and CCONJ CC cc 9 and
arrested VERB VBD conj 9 arrest
students NOUN NNS dobj 13 student
. PUNCT . punct 1 .
"""


def test_an_act_joined_to_a_clause_a_day_after_another_is_a_day_before_it_too(
    shipped_coder: EventCoder,
) -> None:
    """ "resigned on Tuesday, a day after police fired on protesters and arrested students":
    the arrests were on Monday too."""
    doc = parse(FIRED_AND_ARRESTED_A_DAY_AFTER)
    mentions = [actor(doc, 0, 1, "NPL", "GOV"), actor(doc, 8, 9, "NPL", "COP")]
    tuesday = when(doc, 3, 4, date(2020, 10, 27))
    events = {e.event_text: e for e in code(shipped_coder, doc, mentions, dates=[tuesday])}
    assert events["arrested"].date == events["fired"].date == date(2020, 10, 26)


VOTED_TO_IMPOSE_A_DAY_AFTER = """
parliament NOUN NN nsubj 1 parliament
voted VERB VBD ROOT 1 vote
on ADP IN prep 1 on
Monday PROPN NNP pobj 2 Monday
to PART TO aux 5 to
impose VERB VB xcomp 1 impose
martial ADJ JJ amod 7 martial
law NOUN NN dobj 5 law
, PUNCT , punct 5 ,
a DET DT det 10 a
day NOUN NN npadvmod 5 day
after SCONJ IN mark 14 after
Russian ADJ JJ amod 13 russian
boats NOUN NNS nsubj 14 boat
seized VERB VBD advcl 10 seize
vessels NOUN NNS dobj 14 vessel
near ADP IN prep 14 near
Kerch PROPN NNP pobj 16 Kerch
. PUNCT . punct 1 .
"""


def test_an_act_a_day_before_the_one_it_is_told_after_is_its_own_event(
    shipped_coder: EventCoder,
) -> None:
    """ "voted on Monday to impose martial law, a day after Russian boats seized vessels
    near Kerch", where the parse hangs the seizure on "day": the seizure is an event of
    its own (not folded into the act of the same type above it), a day earlier, at Kerch;
    the martial law has no place."""
    doc = parse(VOTED_TO_IMPOSE_A_DAY_AFTER)
    mentions = [
        actor(doc, 0, 1, "UKR", "LEG"),
        actor(doc, 12, 14, "RUS", "MIL"),
        actor(doc, 15, 16, "UKR", "MIL"),
    ]
    monday = when(doc, 3, 4, date(2018, 11, 26))
    kerch = place(doc, 17, 18, 706447, "UKR")
    events = code(shipped_coder, doc, mentions, dates=[monday], places=[kerch])
    by_trigger = {e.event_text: e for e in events}
    assert set(by_trigger) == {"impose", "seized"}
    seized, impose = by_trigger["seized"], by_trigger["impose"]
    assert (seized.event, seized.mode, seized.date) == ("COERCE", "seize", date(2018, 11, 25))
    assert [a.code for a in seized.actor] == ["RUS"]
    assert seized.event_loc is not None and seized.event_loc.extracted_place == "Kerch"
    assert (impose.mode, impose.date, impose.event_loc) == ("martial-law", monday.date, None)


DENIED_CARRYING_OUT = """
Russia PROPN NNP nsubj 1 Russia
denied VERB VBD ROOT 1 deny
carrying VERB VBG xcomp 1 carry
out ADP RP prt 2 out
any DET DT det 5 any
strikes NOUN NNS dobj 2 strike
near ADP IN prep 5 near
the DET DT det 8 the
border NOUN NN pobj 6 border
. PUNCT . punct 1 .
"""


def test_an_act_someone_denies_is_that_act_with_their_denial(shipped_coder: EventCoder) -> None:
    """ "Russia denied carrying out any strikes": an attack that Russia denies, not a
    rejection (the typer reads the whole sentence as one, and is not asked here)."""
    doc = parse(DENIED_CARRYING_OUT)
    (event,) = code(shipped_coder, doc, [actor(doc, 0, 1, "RUS", "GOV")])
    assert event.event == "ASSAULT"
    assert [a.code for a in event.actor] == ["RUS"]
    assert {(c.stance, c.code) for c in event.claims} == {("denies", "RUS")}
    assert doc.text[event.claims[0].start : event.claims[0].end] == "Russia denied"


RUSSIA_WOULD_RETALIATE = """
Russia PROPN NNP nsubj 1 Russia
said VERB VBD ROOT 1 say
it PRON PRP nsubj 4 it
would AUX MD aux 4 would
retaliate VERB VB ccomp 1 retaliate
against ADP IN prep 4 against
Ukraine PROPN NNP pobj 5 Ukraine
. PUNCT . punct 1 .
"""


def test_retaliation_its_doer_says_lies_ahead_is_a_threat(shipped_coder: EventCoder) -> None:
    doc = parse(RUSSIA_WOULD_RETALIATE)
    russia, it = actor(doc, 0, 1, "RUS", "GOV"), actor(doc, 2, 3, "RUS", "GOV", kind="pronoun")
    (event,) = code(shipped_coder, doc, [russia, it, actor(doc, 6, 7, "UKR", "GOV")])
    assert (event.event, event.mode) == ("THREATEN", "violence")
    assert [a.code for a in event.recipient] == ["UKR"]


WOULD_BE_PUNISHED = """
Tehran PROPN NNP nsubj 1 Tehran
said VERB VBD ROOT 1 say
Israel PROPN NNP nsubjpass 5 Israel
{aux}
be AUX VB auxpass 5 be
punished VERB VBN ccomp 1 punish
. PUNCT . punct 1 .
"""


def test_a_punishment_its_speaker_says_lies_ahead_is_the_speakers_threat(
    shipped_coder: EventCoder,
) -> None:
    doc = parse(WOULD_BE_PUNISHED.format(aux="would AUX MD aux 5 would"))
    tehran, israel = actor(doc, 0, 1, "IRN", "GOV"), actor(doc, 2, 3, "ISR", "GOV")
    (event,) = code(shipped_coder, doc, [tehran, israel])
    assert (event.event, event.aux, event.event_text) == ("THREATEN", None, "punished")
    assert [a.code for a in event.actor] == ["IRN"]
    assert [r.code for r in event.recipient] == ["ISR"]


def test_a_punishment_that_happened_is_no_threat(shipped_coder: EventCoder) -> None:
    doc = parse(WOULD_BE_PUNISHED.format(aux="had AUX VBD aux 5 have"))
    tehran, israel = actor(doc, 0, 1, "IRN", "GOV"), actor(doc, 2, 3, "ISR", "GOV")
    assert [e.event for e in code(shipped_coder, doc, [tehran, israel])] == []


HAVE_TO_PAY = """
The DET DT det 1 the
regime NOUN NN nsubj 3 regime
will AUX MD aux 3 will
have VERB VB ccomp 10 have
to PART TO aux 5 to
pay VERB VB xcomp 3 pay
the DET DT det 7 the
price NOUN NN dobj 5 price
, PUNCT , punct 10 ,
Ankara PROPN NNP nsubj 10 Ankara
said VERB VBD ROOT 10 say
. PUNCT . punct 10 .
"""


def test_who_will_pay_the_price_is_the_one_warned(shipped_coder: EventCoder) -> None:
    doc = parse(HAVE_TO_PAY)
    regime, ankara = actor(doc, 0, 2, "SYR", "GOV"), actor(doc, 9, 10, "TUR", "GOV")
    (event,) = code(shipped_coder, doc, [regime, ankara])
    assert event.event == "THREATEN"
    assert [a.code for a in event.actor] == ["TUR"]
    assert [r.code for r in event.recipient] == ["SYR"]


DOUBTS_THAT = """
Doubts NOUN NNS nsubj 1 doubt
remain VERB VBP ROOT 1 remain
that SCONJ IN mark 7 that
the DET DT det 4 the
regime NOUN NN nsubjpass 7 regime
will AUX MD aux 7 will
be AUX VB auxpass 7 be
held VERB VBN acl 0 hold
accountable ADJ JJ oprd 7 accountable
. PUNCT . punct 1 .
"""


def test_an_act_ahead_nobody_warns_of_is_no_threat(shipped_coder: EventCoder) -> None:
    doc = parse(DOUBTS_THAT)
    regime = actor(doc, 3, 5, "SYR", "GOV")
    assert [e.event for e in code(shipped_coder, doc, [regime])] == []


SENTENCED_TO = """
A DET DT det 1 a
court NOUN NN nsubj 2 court
sentenced VERB VBD ROOT 2 sentence
the DET DT det 4 the
activist NOUN NN dobj 2 activist
to ADP IN prep 2 to
seven NUM CD nummod 7 seven
years NOUN NNS pobj 5 year
{where}
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(
    ("where", "events"),
    [
        (
            "in ADP IN prep 7 in\nprison NOUN NN pobj 8 prison",
            [("SANCTION", "convict"), ("COERCE", "arrest")],
        ),
        ("of ADP IN prep 7 of\nprobation NOUN NN pobj 8 probation", [("SANCTION", "convict")]),
    ],
    ids=["prison", "probation"],
)
def test_a_conviction_to_prison_is_also_an_arrest(
    rule_coder: EventCoder, where: str, events: list[tuple[str, str]]
) -> None:
    """PLOVER: "convictions that result in imprisonment should also be coded as COERCE
    'arrest'"; the two events have their own ids, and only the conviction counts figures."""
    doc = parse(SENTENCED_TO.format(where=where))
    mentions = [actor(doc, 0, 2, "NIC", "JUD", kind="agent"), actor(doc, 3, 5, "NIC", "CVL")]
    coded = code(rule_coder, doc, mentions)
    assert [(e.event, e.mode) for e in coded] == events
    assert len({e.id for e in coded}) == len(coded)
    assert all([a.code for a in e.recipient] == ["NIC"] for e in coded)


BOMBED = """
{doer}
bombed VERB VBD ROOT 1 bomb
the DET DT det 3 the
town NOUN NN dobj 1 town
. PUNCT . punct 1 .
"""


@pytest.mark.parametrize(
    ("doer", "mode"),
    [("warplanes NOUN NNS nsubj 1 warplane", "aerial"),
     ("rebels NOUN NNS nsubj 1 rebel", "explosives")],
)  # fmt: skip
def test_bombing_from_the_air_is_aerial(rule_coder: EventCoder, doer: str, mode: str) -> None:
    """PLOVER's aerial mode is the act of aircraft: "warplanes bombed the town" is aerial,
    "rebels bombed the town" explosives (the word's own cue)."""
    doc = parse(BOMBED.format(doer=doer))
    events = code(rule_coder, doc, [actor(doc, 0, 1, "RUS", "MIL")])
    assert [(e.event, e.mode) for e in events] == [("ASSAULT", mode)]


BANNED_AND_RESTRICTED = """
Authorities NOUN NNS nsubj 1 authority
banned VERB VBD ROOT 1 ban
rallies NOUN NNS dobj 1 rally
and CCONJ CC cc 1 and
restricted VERB VBD conj 1 restrict
access NOUN NN dobj 4 access
to ADP IN prep 5 to
social ADJ JJ amod 8 social
media NOUN NNS compound 9 media
platforms NOUN NNS pobj 6 platform
. PUNCT . punct 1 .
"""


def test_joined_acts_take_their_modes_from_their_own_words(rule_coder: EventCoder) -> None:
    """ "banned rallies and restricted access to social media platforms": two acts, a ban
    (restrict) and the censoring of what is published (censor); the words of the one are not
    the other's, and "social media" is no phrase of the ban's words either."""
    doc = parse(BANNED_AND_RESTRICTED)
    events = code(rule_coder, doc, [actor(doc, 0, 1, "TUR", "GOV", kind="agent")])
    coerce = sorted((e.event_text, e.mode) for e in events if e.event == "COERCE")
    assert coerce == [("banned", "restrict"), ("restricted", "censor")]


SHELLED_AND_BOMBED = """
Troops NOUN NNS nsubj 1 troop
shelled VERB VBD ROOT 1 shell
and CCONJ CC cc 1 and
bombed VERB VBD conj 1 bomb
the DET DT det 5 the
town NOUN NN dobj 3 town
. PUNCT . punct 1 .
"""


def test_joined_verbs_whose_own_words_cue_other_modes_are_two_acts(
    rule_coder: EventCoder,
) -> None:
    """ "shelled and bombed the town": bomb's row has no mode of its own, its word cues
    explosives; shelling is heavy weapons: two attacks, not one."""
    doc = parse(SHELLED_AND_BOMBED)
    events = code(rule_coder, doc, [actor(doc, 0, 1, "RUS", "MIL", kind="agent")])
    assert sorted((e.event_text, e.mode) for e in events) == [
        ("bombed", "explosives"),
        ("shelled", "heavy-weapons"),
    ]
