"""Where events happen (``strife.events.places``): the dateline is read off the first
sentence and its city takes no part in the events.

Hand-built parses (tests/parsed.py); the trigger lexicon types the events, no model.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from spacy.tokens import Doc

from parsed import actor, code_events, parse, place
from strife.events import EventCoder, Mentions
from strife.events.localize import localize
from strife.events.places import PlaceMemory, dateline_tokens, told_clause
from strife.records import ActorMention, ActorRef, Article, Event, Place, PlaceMention

DATELINED = """
BERLIN PROPN NNP nsubj 4 Berlin
-- PUNCT : punct 4 --
a DET DT det 3 a
court NOUN NN appos 0 court
convicted VERB VBD ROOT 4 convict
three NUM CD nummod 6 three
men NOUN NNS dobj 4 man
. PUNCT . punct 4 .
"""

ARRESTED = """
BERLIN PROPN NNP nsubj 4 Berlin
-- PUNCT : punct 4 --
three NUM CD nummod 3 three
men NOUN NNS nsubjpass 5 man
were AUX VBD auxpass 5 be
arrested VERB VBN ROOT 5 arrest
. PUNCT . punct 5 .
"""

HYPHENATED_OPENING = """
ISIS PROPN NNP nsubj 1 ISIS
claimed VERB VBD ROOT 1 claim
a DET DT det 5 a
multi ADJ JJ amod 5 multi
- PUNCT HYPH punct 3 -
pronged ADJ JJ amod 6 pronged
attack NOUN NN dobj 1 attack
. PUNCT . punct 1 .
"""


def test_a_hyphen_in_the_first_sentence_is_no_dateline() -> None:
    assert dateline_tokens(parse(HYPHENATED_OPENING)) == frozenset()
    assert dateline_tokens(parse(DATELINED)) == frozenset({0, 1})


def test_the_datelines_city_is_never_a_participant(rule_coder: EventCoder) -> None:
    doc = parse(DATELINED)
    events = code_events(rule_coder, doc, [actor(doc, 0, 1, "DEU", "GOV")])
    assert events and all(a.code != "DEU" for e in events for a in (*e.actor, *e.recipient))


def test_an_arrest_filed_from_a_city_is_not_that_citys_doing(rule_coder: EventCoder) -> None:
    """ "BERLIN -- three men were arrested": the arrest is placed in Berlin, for want of
    another place, but Germany's government is not made its actor from the dateline."""
    doc = parse(ARRESTED)
    berlin = place(doc, 0, 1, 2950159, "DEU")
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    events = rule_coder.code(doc, article, Mentions([], [berlin], []))
    arrests = [e for e in events if e.event == "COERCE"]
    assert arrests and all(e.event_loc == berlin.place for e in arrests)
    assert [(e.actor, [r.entity_text for r in e.recipient]) for e in arrests] == [
        ((), ["three men"])
    ]


POLICE = ActorRef("police", None, "COP", None, 30, 36)
TROOPS = ActorRef("Russian troops", "RUS", "MIL", None, 10, 24)
TOWNS = ActorRef("the towns", None, None, None, 50, 59)
TBILISI = Place("Tbilisi", "Tbilisi", 611717, 41.7, 44.8, "GEO", "PPLC", None, 0, 7)


def test_a_place_named_in_the_text_is_a_participant_and_a_filed_one_is_not() -> None:
    _, recipients, _ = localize("ASSAULT", (TROOPS,), (TOWNS,), TBILISI, (), "RUS")
    assert recipients[0].entity_text == "Tbilisi"  # the place stands for the uncoded phrase
    _, recipients, _ = localize("ASSAULT", (TROOPS,), (TOWNS,), TBILISI, (), "RUS", filed=True)
    assert recipients == (TOWNS,)
    actors, _, _ = localize("PROTEST", (POLICE,), (), TBILISI, (), "RUS")
    assert actors[0].code == "GEO"  # the place's country before the article's home
    actors, _, _ = localize("PROTEST", (POLICE,), (), TBILISI, (), "RUS", filed=True)
    assert actors[0].code == "RUS"  # the article's home before the dateline's country
    actors, _, _ = localize("PROTEST", (POLICE,), (), TBILISI, (), None, filed=True)
    assert actors[0].code == "GEO"  # the dateline's country when the article has no home
    actors, _, _ = localize("COERCE", (), (), TBILISI, (), None, "arrest", filed=True)
    assert actors == ()


RHINE = Place("the Rhine", "Rhine", -1, 50.0, 7.6, "", "STM", None, 0, 9)


ZVECAN = Place("Zvecan", "Zvečan", 783992, 42.9, 20.84, "XKX", "PPL", None, 0, 6)
SAN_JUAN = Place("San Juan", "San Juan", 4568127, 18.47, -66.11, "PRI", "PPLC", None, 0, 8)


def test_a_place_gives_its_country_as_the_actor_dictionary_codes_it() -> None:
    """GeoNames codes Kosovo XKX and Puerto Rico PRI; the actor dictionary codes Kosovo's
    parties KOS and folds Puerto Rico into the United States. A party coded from the place
    is coded as one named in the text, and the dateline test compares the same codes."""
    _, recipients, _ = localize("ASSAULT", (TROOPS,), (TOWNS,), ZVECAN, (), None)
    assert recipients[0].entity_text == "Zvecan" and recipients[0].code == "KOS"
    actors, recipients, _ = localize("MOBILIZE", (POLICE,), (TOWNS,), ZVECAN, (), None)
    assert actors[0].code == "KOS" and recipients == (TOWNS,)  # its own country: no target
    actors, _, _ = localize("PROTEST", (POLICE,), (), SAN_JUAN, (), None)
    assert actors[0].code == "USA"
    assert PlaceMemory(ZVECAN, ["KOS"]).recall(1) == (ZVECAN, True)


def test_an_attack_or_crackdown_at_home_hits_a_target_of_that_country() -> None:
    """ "the army recaptured the presidential palace in Khartoum", "police raided the
    studio in Tbilisi": the uncoded target of an attack or a crackdown in the actor's own
    country is of that country (a civil war's, a crackdown's), and keeps its own words;
    troops deployed or aid sent at home have no target there."""
    georgian = replace(POLICE, code="GEO")
    for event in ("ASSAULT", "COERCE"):
        _, recipients, _ = localize(event, (georgian,), (TOWNS,), TBILISI, (), None)
        assert recipients == (replace(TOWNS, code="GEO"),)
    for event in ("MOBILIZE", "AID", "RETREAT"):
        _, recipients, _ = localize(event, (georgian,), (TOWNS,), TBILISI, (), None)
        assert recipients == (TOWNS,)
    _, recipients, _ = localize("ASSAULT", (georgian,), (), TBILISI, (), None)
    assert recipients == ()  # no target named: none made up


def test_a_place_of_no_one_country_gives_no_country() -> None:
    """A river, a sea or a region is no party: it gives no country, and never stands for an
    uncoded recipient as a town does ("shelled the towns" at Tbilisi)."""
    actors, recipients, _ = localize("ASSAULT", (POLICE,), (TOWNS,), RHINE, (), "FRA")
    assert actors[0].code == "FRA"  # the article's home, not the river's empty code
    assert recipients == (TOWNS,)
    actors, _, _ = localize("PROTEST", (POLICE,), (), RHINE, (), None)
    assert actors[0].code is None


def test_the_memory_tells_a_named_place_from_the_datelines() -> None:
    memory = PlaceMemory(TBILISI)
    assert memory.recall(2) == (TBILISI, True)
    batumi = Place("Batumi", "Batumi", 615532, 41.6, 41.6, "GEO", "PPLA", None, 90, 96)
    memory.remember(1, [batumi])
    assert memory.recall(2) == (batumi, False)
    assert memory.recall(5) == (TBILISI, True)  # more than three sentences back
    assert PlaceMemory(None).recall(2) == (None, False)


ATTACKED_CAPITAL = """
Rebels NOUN NNS nsubj 1 rebel
attacked VERB VBD ROOT 1 attack
Kigali PROPN NNP dobj 1 Kigali
with ADP IN prep 1 with
drones NOUN NNS pobj 3 drone
. PUNCT . punct 1 .
"""


def test_a_city_attacked_is_where_the_attack_happened(shipped_coder: EventCoder) -> None:
    """In "Rebels attacked Kigali" the capital stands for its state as the target, and is the
    attack's place too; a group's name the geoparser took for a place is not one."""
    doc = parse(ATTACKED_CAPITAL)
    kigali = place(doc, 2, 3, 202061, "RWA")
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    mentions = [actor(doc, 0, 1, None, "REB"), actor(doc, 2, 3, "RWA", "GOV")]
    events = shipped_coder.code(doc, article, Mentions(mentions, [kigali], []))
    attacks = [e for e in events if e.event == "ASSAULT"]
    assert attacks and all(e.event_loc == kigali.place for e in attacks)
    as_group = [mentions[0], actor(doc, 2, 3, "RWA", "REB", kind="group")]
    events = shipped_coder.code(doc, article, Mentions(as_group, [kigali], []))
    assert all(e.event_loc != kigali.place for e in events if e.event == "ASSAULT")


SEIZED_AT_SEA = """
Rebels NOUN NNS nsubj 1 rebel
seized VERB VBD ROOT 1 seize
a DET DT det 3 a
ship NOUN NN dobj 1 ship
in ADP IN prep 3 in
the DET DT det 7 the
Red PROPN NNP compound 7 Red
Sea PROPN NNP pobj 4 Sea
and CCONJ CC cc 1 and
took VERB VBD conj 1 take
the DET DT det 11 the
crew NOUN NN dobj 9 crew
to ADP IN prep 9 to
Hodeidah PROPN NNP pobj 12 Hodeidah
. PUNCT . punct 1 .
"""


def test_an_event_is_placed_where_its_own_words_place_it(rule_coder: EventCoder) -> None:
    """ "seized a ship in the Red Sea and took the crew to Hodeidah": the seizure happened
    at sea, though the port is the more precise place of the clause; the sea is no party,
    so the ship stays the recipient. With no place on the seizure's own words, the clause's
    other places are its places, as before."""
    doc = parse(SEIZED_AT_SEA)
    sea = place(doc, 5, 8, 350155, "", "SEA")
    port = place(doc, 13, 14, 79415, "YEM")
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2023, 11, 20))
    rebels = [actor(doc, 0, 1, None, "REB")]
    seizures = [
        e
        for e in rule_coder.code(doc, article, Mentions(rebels, [sea, port], []))
        if e.event_text == "seized"
    ]
    assert [(e.event_loc, [r.entity_text for r in e.recipient]) for e in seizures] == [
        (sea.place, ["a ship"])
    ]
    events = rule_coder.code(doc, article, Mentions(rebels, [port], []))
    assert [e.event_loc for e in events if e.event_text == "seized"] == [port.place]


FIRED_KILLING = """
Russia PROPN NNP nsubj 1 Russia
fired VERB VBD ROOT 1 fire
missiles NOUN NNS dobj 1 missile
at ADP IN prep 1 at
Ukraine PROPN NNP pobj 3 Ukraine
, PUNCT , punct 1 ,
killing VERB VBG advcl 1 kill
11 NUM CD nummod 8 11
people NOUN NNS dobj 6 people
in ADP IN prep 6 in
Kyiv PROPN NNP pobj 9 Kyiv
. PUNCT . punct 1 .
"""


def test_a_participle_that_goes_on_telling_the_act_places_it(rule_coder: EventCoder) -> None:
    """ "fired missiles at Ukraine, killing 11 people in Kyiv": the killing is the firing's
    own detail, so Kyiv is as much the firing's place as Ukraine, and the more precise."""
    doc = parse(FIRED_KILLING)
    ukraine = place(doc, 4, 5, 690791, "UKR", "PCLI")
    kyiv = place(doc, 10, 11, 703448, "UKR", "PPLC")
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2022, 10, 10))
    events = rule_coder.code(
        doc, article, Mentions([actor(doc, 0, 1, "RUS", "GOV")], [ukraine, kyiv], [])
    )
    assert {e.event_loc for e in events if e.event_text == "fired"} == {kyiv.place}


KILLED_IN_AN_AMBUSH = """
Soldiers NOUN NNS nsubjpass 2 soldier
were AUX VBD auxpass 2 be
killed VERB VBN ROOT 2 kill
in ADP IN prep 2 in
a DET DT det 6 a
Taliban PROPN NNP compound 6 Taliban
ambush NOUN NN pobj 3 ambush
. PUNCT . punct 2 .
"""

SHELLED_A_REGION = """
Troops NOUN NNS nsubj 1 troop
shelled VERB VBD ROOT 1 shell
villages NOUN NNS dobj 1 village
in ADP IN prep 1 in
the DET DT det 6 the
Tavush PROPN NNP compound 6 Tavush
region NOUN NN pobj 3 region
. PUNCT . punct 1 .
"""


def test_a_party_named_on_the_act_is_not_where_it_happened(rule_coder: EventCoder) -> None:
    """ "were killed in a Taliban ambush": the name qualifies the act, so it does not place
    it, though the geoparser knows a village of that name; a name on the word for its level
    does ("shelled villages in the Tavush region")."""
    article = Article(id="a1", text="", source="test", published=datetime(2024, 5, 2))
    doc = parse(KILLED_IN_AN_AMBUSH)
    taliban = place(doc, 5, 6, 320635, "TUR")
    mentions = [actor(doc, 5, 6, "AFG", "REB", kind="group")]
    events = rule_coder.code(doc, article, Mentions(mentions, [taliban], []))
    assert events and all(e.event_loc is None for e in events)
    doc = parse(SHELLED_A_REGION)
    tavush = place(doc, 5, 6, 828263, "ARM", "ADM1")
    mentions = [actor(doc, 0, 1, None, "MIL"), actor(doc, 5, 6, "ARM", "GOV")]
    events = rule_coder.code(doc, article, Mentions(mentions, [tavush], []))
    assert events and all(e.event_loc == tavush.place for e in events)


def test_the_datelines_place_is_not_remembered_as_an_events_own() -> None:
    """A later sentence's event recalls the dateline as the dateline (filed), not as the
    place an earlier event was named at: "Authorities restricted internet access" in a
    report filed from Dubai took Dubai's country."""
    memory = PlaceMemory(TBILISI)
    memory.remember(1, [TBILISI])
    assert memory.recall(2) == (TBILISI, True)


def test_a_dateline_in_a_country_the_article_does_not_name_places_nothing() -> None:
    dubai = Place("DUBAI", "Dubai", 292223, 25.1, 55.3, "ARE", "PPLA", None, 0, 5)
    assert PlaceMemory(dubai, {"IRN"}).recall(1) == (None, False)
    assert PlaceMemory(dubai, {"IRN", "ARE"}).recall(1) == (dubai, True)
    assert PlaceMemory(dubai, ()).recall(1) == (dubai, True)  # the article names none


EXPLODED_KILLING = """
A DET DT det 1 a
bomb NOUN NN nsubj 2 bomb
exploded VERB VBD ROOT 2 explode
in ADP IN prep 2 in
a DET DT det 5 a
market NOUN NN pobj 3 market
in ADP IN prep 5 in
Baghdad PROPN NNP pobj 6 Baghdad
, PUNCT , punct 2 ,
killing VERB VBG advcl 2 kill
20 NUM CD nummod 11 20
people NOUN NNS dobj 9 people
. PUNCT . punct 2 .
"""

KILLING_FIRST = """
Killing VERB VBG advcl 4 kill
20 NUM CD nummod 2 20
people NOUN NNS dobj 0 people
has AUX VBZ aux 4 have
raised VERB VBN ROOT 4 raise
fears NOUN NNS dobj 4 fear
in ADP IN prep 4 in
Baghdad PROPN NNP pobj 6 Baghdad
. PUNCT . punct 4 .
"""


def test_a_participle_that_goes_on_telling_a_clause_happened_where_it_did(
    rule_coder: EventCoder,
) -> None:
    """ "A bomb exploded in a market in Baghdad, killing 20 people": the killing names no
    place of its own; it happened where the explosion did. A participle that opens the
    sentence ("Killing 20 people has raised fears in Baghdad") tells no sequel of it."""
    doc = parse(EXPLODED_KILLING)
    assert told_clause(doc[9]) == set(range(0, 9)) | {9, 10, 11, 12}
    baghdad = place(doc, 7, 8, 98182, "IRQ")
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    events = rule_coder.code(doc, article, Mentions([], [baghdad], []))
    assert [(e.event, e.event_loc) for e in events] == [("ASSAULT", baghdad.place)]
    doc = parse(KILLING_FIRST)
    assert told_clause(doc[0]) == set()


STRUCK_AREAS = """
Warplanes NOUN NNS nsubj 1 warplane
struck VERB VBD ROOT 1 strike
targets NOUN NNS dobj 1 target
in ADP IN prep 2 in
rebel NOUN NN compound 5 rebel
areas NOUN NNS pobj 3 area
of ADP IN prep 5 of
Yemen PROPN NNP pobj 6 Yemen
. PUNCT . punct 1 .
"""


def test_a_country_a_part_of_which_is_hit_is_where_the_act_happened(
    rule_coder: EventCoder,
) -> None:
    """ "struck targets in rebel areas of Yemen": Yemen, also a party, is where the strike
    happened, as in "struck targets in Yemen"."""
    doc = parse(STRUCK_AREAS)
    yemen = place(doc, 7, 8, 69543, "YEM", "PCLI")
    mentions = [actor(doc, 0, 1, None, "MIL", kind="agent"), actor(doc, 7, 8, "YEM", None)]
    (event,) = code_events_at(rule_coder, doc, mentions, [yemen])
    assert event.event_loc == yemen.place


def code_events_at(
    coder: EventCoder, doc: Doc, actors: list[ActorMention], places: list[PlaceMention]
) -> list[Event]:
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 1, 12))
    return coder.code(doc, article, Mentions(actors, places, []))


SHELLED_STEPANAKERT = """
Troops NOUN NNS nsubj 1 troop
shelled VERB VBD ROOT 1 shell
Stepanakert PROPN NNP dobj 1 Stepanakert
. PUNCT . punct 1 .
"""
GATHERED_AND_DETAINED = """
Protesters NOUN NNS nsubj 1 protester
gathered VERB VBD ROOT 1 gather
in ADP IN prep 1 in
Yerevan PROPN NNP pobj 2 Yerevan
, PUNCT , punct 1 ,
{joining} CCONJ CC cc 1 {joining}
police NOUN NN nsubj 7 police
detained VERB VBD conj 1 detain
dozens NOUN NNS dobj 7 dozen
. PUNCT . punct 1 .
"""


def test_a_clause_joined_by_and_takes_the_place_of_the_clause_before(
    rule_coder: EventCoder,
) -> None:
    """ "Protesters gathered in Yerevan, and police detained dozens": the arrest happened
    in Yerevan, not where the sentence before put its shelling; after "but" the clause
    says nothing of where, and the article's last place stands."""
    article = Article(id="a1", text="", source="test", published=datetime(2024, 5, 2))
    for joining, expected in (("and", "Yerevan"), ("but", "Stepanakert")):
        doc = parse(SHELLED_STEPANAKERT, GATHERED_AND_DETAINED.format(joining=joining))
        places = [place(doc, 2, 3, 174875, "AZE"), place(doc, 7, 8, 616052, "ARM")]
        mentions = [actor(doc, 10, 11, "ARM", "COP")]
        events = rule_coder.code(doc, article, Mentions(mentions, places, []))
        (arrest,) = [e for e in events if e.event == "COERCE"]
        assert arrest.event_loc is not None and arrest.event_loc.extracted_place == expected


BOARDED_AND_TOOK = """
Pirates NOUN NNS nsubj 1 pirate
boarded VERB VBD ROOT 1 board
a DET DT det 3 a
ship NOUN NN dobj 1 ship
in ADP IN prep 1 in
Hodeidah PROPN NNP pobj 4 Hodeidah
and CCONJ CC cc 1 and
took VERB VBD conj 1 take
its PRON PRP$ poss 9 its
crew NOUN NN dobj 7 crew
hostage NOUN NN oprd 7 hostage
. PUNCT . punct 1 .
"""


def test_a_verb_sharing_its_subject_takes_the_place_of_the_verb_before(
    rule_coder: EventCoder,
) -> None:
    """ "boarded a ship in Hodeidah and took its crew hostage": the hostages were taken in
    Hodeidah, not where the sentence before put its shelling."""
    article = Article(id="a1", text="", source="test", published=datetime(2024, 5, 2))
    doc = parse(SHELLED_STEPANAKERT, BOARDED_AND_TOOK)
    places = [place(doc, 2, 3, 174875, "AZE"), place(doc, 9, 10, 79415, "YEM")]
    mentions = [actor(doc, 4, 5, "YEM", "REB")]
    events = rule_coder.code(doc, article, Mentions(mentions, places, []))
    (hostages,) = [e for e in events if e.mode == "abduct"]
    assert hostages.event_loc is not None and hostages.event_loc.extracted_place == "Hodeidah"
