"""Who else takes part: whom a verb of giving gives to, partners in an event done
together, who made the proposal an event answers, whom support is for, nouns joined under
one verb, named people the actor calls its own.

Hand-built parses (tests/parsed.py); the trigger lexicon types the events, no model.
"""

from __future__ import annotations

from parsed import actor, code_events, parse, roles
from strife.events import EventCoder
from strife.events.arguments import extract_arguments
from strife.events.lexicon import EventLexicon
from strife.events.references import MentionIndex
from strife.events.triggers import find_triggers

DONATED_TO_ITS_OWNER = """
Japan PROPN NNP nsubj 1 Japan
donated VERB VBD ROOT 1 donate
the DET DT det 3 the
painting NOUN NN dobj 1 painting
to ADP IN prep 1 to
its PRON PRP$ poss 6 its
owner NOUN NN pobj 4 owner
. PUNCT . punct 1 .
"""


DONATED_PORTRAIT_OF = """
Japan PROPN NNP nsubj 1 Japan
donated VERB VBD ROOT 1 donate
a DET DT det 3 a
portrait NOUN NN dobj 1 portrait
of ADP IN prep 3 of
a DET DT det 7 a
Korean ADJ JJ amod 7 korean
girl NOUN NN pobj 4 girl
to ADP IN prep 1 to
its PRON PRP$ poss 10 its
owner NOUN NN pobj 8 owner
. PUNCT . punct 1 .
"""


def test_a_verb_of_giving_gives_to_its_goal(rule_coder: EventCoder) -> None:
    doc = parse(DONATED_TO_ITS_OWNER)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "JPN", "GOV")])
    # The painting is what is given; "its" is the painting's, not Japan's.
    assert (event.event, *roles(event)) == ("AID", ["JPN"], ["its owner"])
    # Nor is whoever the thing given shows.
    doc = parse(DONATED_PORTRAIT_OF)
    mentions = [actor(doc, 0, 1, "JPN", "GOV"), actor(doc, 6, 8, "KOR", "CVL", kind="agent")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, *roles(event)) == ("AID", ["JPN"], ["its owner"])


CALLED_DISCUSSING = """
Trump PROPN NNP nsubj 1 Trump
called VERB VBD ROOT 1 call
King PROPN NNP compound 3 King
Salman PROPN NNP dobj 1 Salman
, PUNCT , punct 1 ,
discussing VERB VBG advcl 1 discuss
oil NOUN NN compound 7 oil
supplies NOUN NNS dobj 5 supply
. PUNCT . punct 1 .
"""


def test_talks_during_a_call_are_with_whom_was_called(rule_coder: EventCoder) -> None:
    doc = parse(CALLED_DISCUSSING)
    mentions = [
        actor(doc, 0, 1, "USA", "GOV", kind="person"),
        actor(doc, 2, 4, "SAU", "GOV", kind="person"),
    ]
    consults = [e for e in code_events(rule_coder, doc, mentions) if e.event == "CONSULT"]
    assert [roles(e) for e in consults] == [(["USA"], ["King Salman"])]


KUWAIT_AND_ALLIES = """
Kuwait PROPN NNP nsubj 4 Kuwait
and CCONJ CC cc 0 and
its PRON PRP$ poss 3 its
allies NOUN NNS conj 0 ally
agreed VERB VBD ROOT 4 agree
to PART TO aux 6 to
stage VERB VB xcomp 4 stage
an DET DT det 8 an
exercise NOUN NN dobj 6 exercise
. PUNCT . punct 4 .
"""

INDIA_AND_BRAZIL = """
India PROPN NNP nsubj 3 India
and CCONJ CC cc 0 and
Brazil PROPN NNP conj 0 Brazil
agreed VERB VBD ROOT 3 agree
to PART TO aux 5 to
cut VERB VB xcomp 3 cut
tariffs NOUN NNS dobj 5 tariff
. PUNCT . punct 3 .
"""


def test_an_agreement_made_together_has_all_its_parties_as_actors(rule_coder: EventCoder) -> None:
    # PLOVER: one event, the actor a list of the parties, no recipient.
    doc = parse(KUWAIT_AND_ALLIES)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "KWT", "GOV")])
    assert (event.event, *roles(event)) == ("AGREE", ["KWT", None], [])
    assert event.actor[1].entity_text == "its allies"
    doc = parse(INDIA_AND_BRAZIL)
    mentions = [actor(doc, 0, 1, "IND", "GOV"), actor(doc, 2, 3, "BRA", "GOV")]
    agreements = [e for e in code_events(rule_coder, doc, mentions) if e.event == "AGREE"]
    assert [roles(e) for e in agreements] == [(["IND", "BRA"], [])]
    # Countries joined in the subject's qualifier are parties too; what is agreed is not.
    doc = parse(UK_AND_EU_AGREED)
    mentions = [actor(doc, 0, 1, "GBR", "GOV"), actor(doc, 2, 4, "EUR", "GOV", kind="agent")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, *roles(event)) == ("AGREE", ["EUR", "GBR"], [])


UK_AND_EU_AGREED = """
UK PROPN NNP nmod 3 UK
and CCONJ CC cc 0 and
EU PROPN NNP compound 3 EU
negotiators NOUN NNS nsubj 5 negotiator
have AUX VBP aux 5 have
agreed VERB VBN ROOT 5 agree
a DET DT det 8 a
trade NOUN NN compound 8 trade
agreement NOUN NN dobj 5 agreement
. PUNCT . punct 5 .
"""


REJECTED_CALL_FROM = """
Hezbollah PROPN NNP nsubj 1 Hezbollah
rejected VERB VBD ROOT 1 reject
a DET DT det 3 a
call NOUN NN dobj 1 call
from ADP IN prep 3 from
President PROPN NNP compound 6 President
Bush PROPN NNP pobj 4 Bush
for ADP IN prep 3 for
his PRON PRP$ poss 9 his
movement NOUN NN pobj 7 movement
to PART TO aux 11 to
disarm VERB VB acl 9 disarm
. PUNCT . punct 1 .
"""


def test_refusing_a_proposal_answers_whoever_made_it(rule_coder: EventCoder) -> None:
    doc = parse(REJECTED_CALL_FROM)
    mentions = [
        actor(doc, 0, 1, "LBN", "REB", kind="group"),
        actor(doc, 5, 7, "USA", "GOV", kind="person"),
        actor(doc, 8, 9, "USA", "GOV", kind="pronoun"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    # Not "his movement", which the call is about.
    assert (event.event, *roles(event)) == ("REJECT", ["LBN"], ["President Bush"])


APPROVED_REQUEST = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
approved VERB VBD ROOT 2 approve
a DET DT det 4 a
request NOUN NN dobj 2 request
from ADP IN prep 4 from
the DET DT det 7 the
ministry NOUN NN pobj 5 ministry
. PUNCT . punct 2 .
"""


def test_granting_a_request_concedes_to_whoever_made_it(rule_coder: EventCoder) -> None:
    doc = parse(APPROVED_REQUEST)
    mentions = [actor(doc, 1, 2, None, "GOV", kind="agent"), actor(doc, 7, 8, "ISR", "GOV")]
    # One event: the minister made no request.
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, [r.code for r in event.recipient]) == ("CONCEDE", ["ISR"])


SUPPORT_FOR = """
Erdogan PROPN NNP nsubj 1 Erdogan
reiterated VERB VBD ROOT 1 reiterate
Turkey PROPN NNP poss 4 Turkey
's PART POS case 2 's
support NOUN NN dobj 1 support
for ADP IN prep 4 for
the DET DT det 7 the
government NOUN NN pobj 5 government
. PUNCT . punct 1 .
"""


def test_support_is_for_whom_its_for_phrase_names(rule_coder: EventCoder) -> None:
    doc = parse(SUPPORT_FOR)
    mentions = [
        actor(doc, 0, 1, "TUR", "GOV", kind="person"),
        actor(doc, 2, 3, "TUR", "GOV"),
        actor(doc, 7, 8, "LBY", "GOV", kind="agent"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SUPPORT"
    assert {a.code for a in event.actor} == {"TUR"}
    assert [r.code for r in event.recipient] == ["LBY"]


ATTACK_ON_CALLING = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
launched VERB VBD ROOT 2 launch
a DET DT det 5 a
scathing ADJ JJ amod 5 scathing
attack NOUN NN dobj 2 attack
on ADP IN prep 5 on
the DET DT det 8 the
government NOUN NN nsubj 9 government
calling VERB VBG pcomp 6 call
it PRON PRP dobj 9 it
corrupt ADJ JJ oprd 9 corrupt
. PUNCT . punct 2 .
"""


def test_a_clause_after_a_preposition_names_its_subject(rule_coder: EventCoder) -> None:
    # The parser read "on [the government calling it corrupt]" as one clause.
    doc = parse(ATTACK_ON_CALLING)
    mentions = [
        actor(doc, 1, 2, "IND", "GOV", kind="agent"),
        actor(doc, 8, 9, "IND", "GOV", kind="agent"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "ACCUSE"
    assert [(r.entity_text, r.start) for r in event.recipient] == [("government", doc[8].idx)]


RELEASED_DEPUTY = """
Mbeki PROPN NNP nsubj 1 Mbeki
released VERB VBD ROOT 1 release
his PRON PRP$ poss 3 his
deputy NOUN NN dobj 1 deputy
Jacob PROPN NNP compound 5 Jacob
Zuma PROPN NNP appos 3 Zuma
of ADP IN prep 3 of
his PRON PRP$ poss 8 his
duties NOUN NNS pobj 6 duty
. PUNCT . punct 1 .
"""


def test_a_named_person_is_someone_else_whoevers_deputy(rule_coder: EventCoder) -> None:
    doc = parse(RELEASED_DEPUTY)
    mentions = [
        actor(doc, 0, 1, "ZAF", "GOV", kind="person"),
        actor(doc, 2, 3, "ZAF", "GOV", kind="pronoun"),
        actor(doc, 7, 8, "ZAF", "GOV", kind="pronoun"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    # Neither "his" (Mbeki himself) nor "his duties": the deputy, with his name.
    assert (event.event, *roles(event)) == ("RETREAT", ["ZAF"], ["his deputy Jacob Zuma"])


REJECTION_AND_CONDEMNATION = """
The DET DT det 1 the
OIC PROPN NNP nsubj 2 OIC
expressed VERB VBD ROOT 2 express
its PRON PRP$ poss 4 its
rejection NOUN NN dobj 2 rejection
and CCONJ CC cc 4 and
condemnation NOUN NN conj 4 condemnation
of ADP IN prep 6 of
the DET DT det 9 the
plan NOUN NN pobj 7 plan
. PUNCT . punct 2 .
"""


def test_nouns_joined_under_one_verb_share_its_subject(rule_coder: EventCoder) -> None:
    doc = parse(REJECTION_AND_CONDEMNATION)
    events = code_events(rule_coder, doc, [actor(doc, 1, 2, "IGO", None, kind="igo")])
    assert {(e.event, tuple(a.code for a in e.actor)) for e in events} == {
        ("REJECT", ("IGO",)),
        ("ACCUSE", ("IGO",)),
    }


KILLED_WHEN_ATTACK = """
Two NUM CD nummod 1 two
people NOUN NNS nsubjpass 3 people
were AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
when SCONJ WRB advmod 6 when
ISIL PROPN NNP nsubj 6 ISIL
launched VERB VBD advcl 3 launch
an DET DT det 8 an
attack NOUN NN dobj 6 attack
on ADP IN prep 8 on
the DET DT det 11 the
embassy NOUN NN pobj 9 embassy
. PUNCT . punct 3 .
"""


def test_an_attack_inside_a_killing_gives_it_its_actor(rule_coder: EventCoder) -> None:
    doc = parse(KILLED_WHEN_ATTACK)
    (event,) = code_events(rule_coder, doc, [actor(doc, 5, 6, "IMG", "REB", kind="group")])
    assert (event.event, *roles(event)) == ("ASSAULT", ["IMG"], ["Two people"])


CALLED_TO_CONVEY = """
Khan PROPN NNP nsubj 1 Khan
called VERB VBD ROOT 1 call
Erdogan PROPN NNP dobj 1 Erdogan
to PART TO aux 4 to
convey VERB VB advcl 1 convey
Pakistan PROPN NNP poss 7 Pakistan
's PART POS case 5 's
support NOUN NN dobj 4 support
. PUNCT . punct 1 .
"""


def test_support_conveyed_in_a_call_is_for_whom_was_called(rule_coder: EventCoder) -> None:
    doc = parse(CALLED_TO_CONVEY)
    mentions = [
        actor(doc, 0, 1, "PAK", "GOV", kind="person"),
        actor(doc, 2, 3, "TUR", "GOV", kind="person"),
        actor(doc, 5, 6, "PAK", "GOV"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SUPPORT"
    assert [r.code for r in event.recipient] == ["TUR"]


SENT_LETTER_THREATENING = """
Trump PROPN NNP nsubj 1 Trump
sent VERB VBD ROOT 1 send
a DET DT det 3 a
letter NOUN NN dobj 1 letter
to ADP IN dative 1 to
Tedros PROPN NNP pobj 4 Tedros
threatening VERB VBG advcl 1 threaten
to PART TO aux 8 to
cut VERB VB xcomp 6 cut
US PROPN NNP compound 10 US
funding NOUN NN dobj 8 funding
. PUNCT . punct 1 .
"""


def test_a_threat_sent_in_a_letter_is_aimed_at_its_addressee(rule_coder: EventCoder) -> None:
    doc = parse(SENT_LETTER_THREATENING)
    mentions = [
        actor(doc, 0, 1, "USA", "GOV", kind="person"),
        actor(doc, 5, 6, "IGO", "MED", kind="person"),
        actor(doc, 9, 10, "USA", "GOV"),
    ]
    threats = [e for e in code_events(rule_coder, doc, mentions) if e.event == "THREATEN"]
    assert [roles(e) for e in threats] == [(["USA"], ["Tedros"])]


THREATENED_TO_CUT_OWN = """
Trump PROPN NNP nsubj 1 Trump
threatened VERB VBD ROOT 1 threaten
to PART TO aux 3 to
cut VERB VB xcomp 1 cut
US PROPN NNP compound 5 US
funding NOUN NN dobj 3 funding
. PUNCT . punct 1 .
"""


def test_a_states_own_country_is_not_the_nearest_participant(rule_coder: EventCoder) -> None:
    doc = parse(THREATENED_TO_CUT_OWN)
    mentions = [actor(doc, 0, 1, "USA", "GOV", kind="person"), actor(doc, 4, 5, "USA", "GOV")]
    threats = [e for e in code_events(rule_coder, doc, mentions) if e.event == "THREATEN"]
    assert [roles(e) for e in threats] == [(["USA"], [])]
    # A rebel group's country is another party: whom it acts against.
    mentions = [actor(doc, 0, 1, "USA", "REB", kind="group"), actor(doc, 4, 5, "USA", "GOV")]
    threats = [e for e in code_events(rule_coder, doc, mentions) if e.event == "THREATEN"]
    assert [roles(e) for e in threats] == [(["USA"], ["US"])]


SANCTIONS_OVER = """
The DET DT det 1 the
EU PROPN NNP nsubj 2 EU
imposed VERB VBD ROOT 2 impose
sanctions NOUN NNS dobj 2 sanction
over ADP IN prep 2 over
the DET DT det 6 the
crackdown NOUN NN pobj 4 crackdown
. PUNCT . punct 2 .
"""


def test_what_an_event_is_over_is_its_reason_not_its_target(rule_coder: EventCoder) -> None:
    doc = parse(SANCTIONS_OVER)
    (event,) = code_events(rule_coder, doc, [actor(doc, 1, 2, "EUR", None, kind="igo")])
    assert (event.event, *roles(event)) == ("SANCTION", ["EUR"], [])


SAID_HE_REJECTED = """
Klaus PROPN NNP nsubj 1 Klaus
said VERB VBD ROOT 1 say
he PRON PRP nsubj 4 he
had AUX VBD aux 4 have
rejected VERB VBN ccomp 1 reject
the DET DT det 6 the
proposal NOUN NN dobj 4 proposal
. PUNCT . punct 1 .
"""


def test_he_after_a_verb_of_saying_is_the_speaker(rule_coder: EventCoder) -> None:
    doc = parse(SAID_HE_REJECTED)
    mentions = [
        actor(doc, 0, 1, "CZE", "GOV", kind="person"),
        # The article's memory took "he" for someone mentioned before.
        actor(doc, 2, 3, "SVK", "GOV", kind="pronoun"),
    ]
    rejections = [e for e in code_events(rule_coder, doc, mentions) if e.event == "REJECT"]
    assert [[(a.entity_text, a.code) for a in e.actor] for e in rejections] == [[("Klaus", "CZE")]]


SAID_HIS_COUNTRY_WILL_NOT = """
Putin PROPN NNP nsubj 1 Putin
said VERB VBD ROOT 1 say
his PRON PRP$ poss 3 his
country NOUN NN nsubj 6 country
will AUX MD aux 6 will
not PART RB neg 6 not
lift VERB VB ccomp 1 lift
the DET DT det 8 the
ban NOUN NN dobj 6 ban
. PUNCT . punct 1 .
"""


def test_his_country_after_a_verb_of_saying_is_the_speakers(rule_coder: EventCoder) -> None:
    doc = parse(SAID_HIS_COUNTRY_WILL_NOT)
    mentions = [
        actor(doc, 0, 1, "RUS", "GOV", kind="person"),
        actor(doc, 2, 3, "BLR", "GOV", kind="pronoun"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "REJECT"
    assert [(a.entity_text, a.code) for a in event.actor] == [("Putin", "RUS")]


REFUSED_TO_ALLOW_TO_LAND = """
Officials NOUN NNS nsubj 1 official
refused VERB VBD ROOT 1 refuse
to PART TO aux 3 to
allow VERB VB xcomp 1 allow
an DET DT det 6 an
Ethiopian ADJ JJ amod 6 ethiopian
plane NOUN NN nsubj 8 plane
to PART TO aux 8 to
land VERB VB ccomp 3 land
. PUNCT . punct 1 .
"""

WILL_NOT_ACCEPT_FLEEING = """
Bangladesh PROPN NNP nsubj 3 Bangladesh
will AUX MD aux 3 will
not PART RB neg 3 not
accept VERB VB ROOT 3 accept
refugees NOUN NNS nsubj 5 refugee
fleeing VERB VBG ccomp 3 flee
the DET DT det 7 the
violence NOUN NN dobj 5 violence
in ADP IN prep 5 in
Myanmar PROPN NNP pobj 8 Myanmar
. PUNCT . punct 3 .
"""


def test_who_is_refused_may_be_the_subject_of_a_clause_below(
    rule_coder: EventCoder, event_lexicon: EventLexicon
) -> None:
    doc = parse(REFUSED_TO_ALLOW_TO_LAND)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "SOM", "GOV", kind="agent")])
    assert (event.event, *roles(event)) == ("REJECT", ["SOM"], ["an Ethiopian plane"])
    # A verb the model types reads the same way: the refugees, not where they flee from.
    doc = parse(WILL_NOT_ACCEPT_FLEEING)
    mentions = [
        actor(doc, 0, 1, "BGD", "GOV"),
        actor(doc, 4, 5, None, "REF", kind="agent"),
        actor(doc, 9, 10, "MMR", "GOV"),
    ]
    (trigger,) = find_triggers(doc[:], event_lexicon, learned=frozenset({"accept"}))
    args = extract_arguments(trigger, doc, MentionIndex(mentions), ())
    assert [r.entity_text for r in args.recipients] == ["refugees"]
