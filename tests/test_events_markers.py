"""Auxiliary markers read off hand-built parses: an act only weighed is hypothetical."""

from __future__ import annotations

import functools

from parsed import parse
from strife.events.lexicon import EventLexicon
from strife.events.markers import aux_marker

CONSIDERING_SENDING = """
Japan PROPN NNP nsubj 2 Japan
is AUX VBZ aux 2 be
considering VERB VBG ROOT 2 consider
sending VERB VBG xcomp 2 send
aid NOUN NN dobj 3 aid
to ADP IN prep 3 to
Manila PROPN NNP pobj 5 Manila
. PUNCT . punct 2 .
"""

WEIGHING_AN_INCREASE = """
Norway PROPN NNP nsubj 2 Norway
is AUX VBZ aux 2 be
weighing VERB VBG ROOT 2 weigh
an DET DT det 4 an
increase NOUN NN dobj 2 increase
in ADP IN prep 4 in
funding NOUN NN pobj 5 funding
for ADP IN prep 6 for
Sudan PROPN NNP pobj 7 Sudan
. PUNCT . punct 2 .
"""

WEIGHING_WHETHER = """
The DET DT det 1 the
cabinet NOUN NN nsubj 3 cabinet
is AUX VBZ aux 3 be
weighing VERB VBG ROOT 3 weigh
whether SCONJ IN mark 6 whether
to PART TO aux 6 to
send VERB VB xcomp 3 send
frigates NOUN NNS dobj 6 frigate
. PUNCT . punct 3 .
"""

POSSIBILITY_OF_PROVIDING = """
Austria PROPN NNP nsubj 2 Austria
is AUX VBZ aux 2 be
considering VERB VBG ROOT 2 consider
the DET DT det 4 the
possibility NOUN NN dobj 2 possibility
of ADP IN prep 4 of
providing VERB VBG pcomp 5 provide
experts NOUN NNS dobj 6 expert
. PUNCT . punct 2 .
"""

RESOLUTION_DEMANDING = """
The DET DT det 1 the
Senate PROPN NNP nsubj 3 Senate
is AUX VBZ aux 3 be
considering VERB VBG ROOT 3 consider
a DET DT det 5 a
resolution NOUN NN dobj 3 resolution
demanding VERB VBG acl 5 demand
a DET DT det 8 a
ceasefire NOUN NN dobj 6 ceasefire
. PUNCT . punct 3 .
"""

SENT_AID = """
Japan PROPN NNP nsubj 1 Japan
sent VERB VBD ROOT 1 send
aid NOUN NN dobj 1 aid
to ADP IN prep 1 to
Manila PROPN NNP pobj 3 Manila
. PUNCT . punct 1 .
"""

DISCUSSED = """
The DET DT det 1 the
ministers NOUN NNS nsubj 2 minister
discussed VERB VBD ROOT 2 discuss
the DET DT det 4 the
ceasefire NOUN NN dobj 2 ceasefire
. PUNCT . punct 2 .
"""


@functools.cache
def _lexicon() -> EventLexicon:
    return EventLexicon.from_data()


def _aux(sentence: str, trigger: int) -> str | None:
    doc = parse(sentence)
    return aux_marker(doc[trigger], list(doc), [], _lexicon())


def test_an_act_a_government_is_considering_is_hypothetical() -> None:
    assert _aux(CONSIDERING_SENDING, 3) == "hypothetical"
    assert _aux(POSSIBILITY_OF_PROVIDING, 6) == "hypothetical"


def test_a_noun_weighed_is_hypothetical_through_its_prepositions() -> None:
    assert _aux(WEIGHING_AN_INCREASE, 4) == "hypothetical"
    assert _aux(WEIGHING_AN_INCREASE, 6) == "hypothetical"


def test_whether_opens_a_question_not_a_fact() -> None:
    assert _aux(WEIGHING_WHETHER, 6) == "hypothetical"


def test_what_a_weighed_document_does_and_the_deliberating_verb_itself_stand() -> None:
    # The resolution's demand is made; only its adoption is weighed.
    assert _aux(RESOLUTION_DEMANDING, 6) is None
    assert _aux(SENT_AID, 1) is None
    assert _aux(DISCUSSED, 2) is None  # "discussed" as the event (CONSULT), not a weigher


# "The UN urged Israel to withdraw" and "China called on the US to lift sanctions".
URGED_TO_WITHDRAW = """
The DET DT det 1 the
UN PROPN NNP nsubj 2 UN
urged VERB VBD ROOT 2 urge
Israel PROPN NNP dobj 2 Israel
to PART TO aux 5 to
withdraw VERB VB xcomp 2 withdraw
. PUNCT . punct 2 .
"""

CALLED_ON_TO_LIFT = """
China PROPN NNP nsubj 1 China
called VERB VBD ROOT 1 call
on ADP IN prep 1 on
the DET DT det 4 the
US PROPN NNP pobj 2 US
to PART TO aux 6 to
lift VERB VB advcl 1 lift
sanctions NOUN NNS dobj 6 sanction
. PUNCT . punct 1 .
"""


def test_an_act_a_request_asks_for_has_not_happened() -> None:
    assert _aux(URGED_TO_WITHDRAW, 5) == "hypothetical"
    assert _aux(CALLED_ON_TO_LIFT, 6) == "hypothetical"
    # The request itself is made.
    assert _aux(URGED_TO_WITHDRAW, 2) is None
    assert _aux(CALLED_ON_TO_LIFT, 1) is None


# "Ghani issued a plea to the Taliban to talk", parsed with the infinitive on the verb,
# and "appeals to release her", with it on the noun.
ISSUED_PLEA_TO_TALK = """
Ghani PROPN NNP nsubj 1 Ghani
issued VERB VBD ROOT 1 issue
a DET DT det 3 a
{noun} NOUN NN dobj 1 {noun}
to ADP IN prep 1 to
the DET DT det 6 the
Taliban PROPN NNP pobj 4 Taliban
to PART TO aux 8 to
talk VERB VB advcl 1 talk
. PUNCT . punct 1 .
"""
APPEALS_TO_RELEASE = """
They PRON PRP nsubj 1 they
rejected VERB VBD ROOT 1 reject
appeals NOUN NNS dobj 1 appeal
to PART TO aux 4 to
release VERB VB acl 2 release
her PRON PRP dobj 4 she
. PUNCT . punct 1 .
"""


def test_what_a_plea_or_an_appeal_asks_for_has_not_happened() -> None:
    """The act an appeal, a plea or an invitation (words.json ``proposals``) asks for,
    whether the parse hangs its infinitive on the noun or on the verb taking it; after
    another object ("issued a statement to ...") the act is the verb's purpose."""
    assert _aux(ISSUED_PLEA_TO_TALK.format(noun="plea"), 8) == "hypothetical"
    assert _aux(APPEALS_TO_RELEASE, 4) == "hypothetical"
    assert _aux(ISSUED_PLEA_TO_TALK.format(noun="plea"), 1) is None
    assert _aux(ISSUED_PLEA_TO_TALK.format(noun="statement"), 8) is None


# "Tillerson called Lavrov to discuss Syria": a phone call; the talk happened.
CALLED_TO_DISCUSS = """
Tillerson PROPN NNP nsubj 1 Tillerson
called VERB VBD ROOT 1 call
Lavrov PROPN NNP dobj 1 Lavrov
to PART TO aux 4 to
discuss VERB VB advcl 1 discuss
Syria PROPN NNP dobj 4 Syria
. PUNCT . punct 1 .
"""


# "On Monday, Tillerson called Lavrov to discuss Syria": the time's "on" is not "call on".
ON_MONDAY_CALLED = """
On ADP IN prep 4 on
Monday PROPN NNP pobj 0 Monday
, PUNCT , punct 4 ,
Tillerson PROPN NNP nsubj 4 Tillerson
called VERB VBD ROOT 4 call
Lavrov PROPN NNP dobj 4 Lavrov
to PART TO aux 7 to
discuss VERB VB advcl 4 discuss
. PUNCT . punct 4 .
"""


def test_a_call_without_on_or_for_is_not_a_request() -> None:
    assert _aux(CALLED_TO_DISCUSS, 4) is None
    assert _aux(ON_MONDAY_CALLED, 7) is None


NO_SOLDIERS_KILLED = """
No DET DT det 2 no
American ADJ JJ amod 2 american
soldiers NOUN NNS nsubjpass 4 soldier
were AUX VBD auxpass 4 be
killed VERB VBN ROOT 4 kill
. PUNCT . punct 4 .
"""

ARRESTED_NOBODY = """
Police NOUN NNS nsubj 1 police
arrested VERB VBD ROOT 1 arrest
nobody PRON NN dobj 1 nobody
. PUNCT . punct 1 .
"""

# "no fewer than 20": the "no" qualifies the number, and the killing happened.
NO_FEWER_THAN = """
Police NOUN NNS nsubj 1 police
killed VERB VBD ROOT 1 kill
no ADV RB quantmod 5 no
fewer ADJ JJR amod 5 few
than ADP IN quantmod 5 than
20 NUM CD nummod 6 20
people NOUN NNS dobj 1 people
. PUNCT . punct 1 .
"""


def test_an_act_done_by_or_to_nobody_did_not_happen() -> None:
    assert _aux(NO_SOLDIERS_KILLED, 4) == "negation"
    assert _aux(ARRESTED_NOBODY, 1) == "negation"
    assert _aux(NO_FEWER_THAN, 1) is None


WILL_KEEP_TARGETING = """
They PRON PRP nsubj 2 they
will AUX MD aux 2 will
keep VERB VB ROOT 2 keep
targeting VERB VBG xcomp 2 target
ships NOUN NNS dobj 3 ship
. PUNCT . punct 2 .
"""

DID_NOT_RESUME_SHELLING = """
Troops NOUN NNS nsubj 3 troop
did AUX VBD aux 3 do
not PART RB neg 3 not
resume VERB VB ROOT 3 resume
shelling VERB VBG xcomp 3 shell
the DET DT det 6 the
town NOUN NN dobj 4 town
. PUNCT . punct 3 .
"""

CONTINUED_TO_SHELL = """
Troops NOUN NNS nsubj 1 troop
continued VERB VBD ROOT 1 continue
to PART TO aux 3 to
shell VERB VB xcomp 1 shell
the DET DT det 5 the
town NOUN NN dobj 3 town
. PUNCT . punct 1 .
"""


def test_a_verb_that_says_an_act_goes_on_carries_its_auxiliaries() -> None:
    assert _aux(WILL_KEEP_TARGETING, 3) == "future"
    assert _aux(DID_NOT_RESUME_SHELLING, 4) == "negation"
    assert _aux(CONTINUED_TO_SHELL, 3) is None


SAID_IT_WOULD = """
Paris PROPN NNP nsubj 1 Paris
{say} VERB {tag} ROOT 1 say
it PRON PRP nsubj 4 it
would AUX MD aux 4 would
withdraw VERB VB ccomp 1 withdraw
its PRON PRP$ poss 6 its
troops NOUN NNS dobj 4 troop
{rest}
. PUNCT . punct 1 .
"""

IF_ATTACKED = """if SCONJ IN mark 8 if
attacked VERB VBN advcl 4 attack"""


def test_would_in_what_was_said_is_the_future_seen_from_then() -> None:
    """'Paris said it would withdraw its troops' reports a future act; 'says it would',
    and 'said it would withdraw if attacked', a hypothetical one."""
    said = {"say": "said", "tag": "VBD"}
    assert _aux(SAID_IT_WOULD.format(rest="", **said), 4) == "future"
    assert _aux(SAID_IT_WOULD.format(rest="", say="says", tag="VBZ"), 4) == "hypothetical"
    assert _aux(SAID_IT_WOULD.format(rest=IF_ATTACKED, **said), 4) == "hypothetical"


OFFERED_TO_SEND = """
Australia PROPN NNP nsubj 2 Australia
has AUX VBZ aux 2 have
offered VERB VBN ROOT 2 offer
to PART TO aux 4 to
send VERB VB xcomp 2 send
troops NOUN NNS dobj 4 troop
to PART TO aux 7 to
help VERB VB advcl 4 help
the DET DT det 9 the
army NOUN NN dobj 7 army
. PUNCT . punct 2 .
"""

SENT_TROOPS_TO_HELP = """
Australia PROPN NNP nsubj 1 Australia
sent VERB VBD ROOT 1 send
troops NOUN NNS dobj 1 troop
to PART TO aux 4 to
help VERB VB advcl 1 help
the DET DT det 6 the
army NOUN NN dobj 4 army
. PUNCT . punct 1 .
"""


def test_an_act_offered_and_its_purpose_lie_ahead() -> None:
    assert _aux(OFFERED_TO_SEND, 4) == "future"
    assert _aux(OFFERED_TO_SEND, 7) == "future"
    # The purpose of an act done is no act ahead of its own.
    assert _aux(SENT_TROOPS_TO_HELP, 1) is None
    assert _aux(SENT_TROOPS_TO_HELP, 4) is None


MIGHT_DECIDE_TO_SEND = """
Turkey PROPN NNP nsubj 2 Turkey
{aux} AUX MD aux 2 {aux}
decide VERB VB ROOT 2 decide
to PART TO aux 4 to
send VERB VB xcomp 2 send
troops NOUN NNS dobj 4 troop
. PUNCT . punct 2 .
"""

DECIDED_TO_SEND = """
Turkey PROPN NNP nsubj 1 Turkey
decided VERB VBD ROOT 1 decide
to PART TO aux 3 to
send VERB VB xcomp 1 send
troops NOUN NNS dobj 3 troop
. PUNCT . punct 1 .
"""

MAY_FEEL_EMBOLDENED = """
Assad PROPN NNP nsubj 2 Assad
may AUX MD aux 2 may
feel VERB VB ROOT 2 feel
emboldened ADJ JJ acomp 2 emboldened
to PART TO aux 5 to
launch VERB VB {dep} {head} launch
an DET DT det 7 an
assault NOUN NN dobj 5 assault
. PUNCT . punct 2 .
"""


def test_a_modal_above_carries_to_the_act_it_opens() -> None:
    """'Turkey might decide to send troops' is hypothetical and 'will decide to send' lies
    ahead; 'decided to send' is a fact. The parser hangs "to launch" of 'may feel
    emboldened to launch an assault' from the adjective or, as a purpose, from the verb:
    either way the modal carries."""
    assert _aux(MIGHT_DECIDE_TO_SEND.format(aux="might"), 4) == "hypothetical"
    # "can": what one is able to do, not what was done ("dangling dollars can force the
    # regime to make concessions").
    assert _aux(MIGHT_DECIDE_TO_SEND.format(aux="can"), 4) == "hypothetical"
    assert _aux(MIGHT_DECIDE_TO_SEND.format(aux="will"), 4) == "future"
    assert _aux(DECIDED_TO_SEND, 3) is None
    assert _aux(MAY_FEEL_EMBOLDENED.format(dep="xcomp", head=3), 7) == "hypothetical"
    assert _aux(MAY_FEEL_EMBOLDENED.format(dep="advcl", head=2), 7) == "hypothetical"


WARNED_THAT = """
{who} PROPN NNP nsubj 1 {who}
warned VERB VBD ROOT 1 warn
that SCONJ IN mark 5 that
{subject}
{aux} AUX MD aux 5 {aux}
{verb} VERB VB ccomp 1 {verb}
. PUNCT . punct 1 .
"""

WARNED_OF = """
Iran PROPN NNP nsubj 1 Iran
warned VERB VBD ROOT 1 warn
Israel PROPN NNP dobj 1 Israel
of ADP IN prep 1 of
a DET DT det 5 a
{noun} NOUN NN pobj 3 {noun}
. PUNCT . punct 1 .
"""

THERE_WOULD_BE_COSTS = """
Obama PROPN NNP nsubj 1 Obama
warned VERB VBD ROOT 1 warn
Moscow PROPN NNP dobj 1 Moscow
that SCONJ IN mark 6 that
there PRON EX expl 6 there
would AUX MD aux 6 would
be AUX VB ccomp 1 be
costs NOUN NNS attr 6 cost
. PUNCT . punct 1 .
"""

WARNED_NOT_TO = """
Turkey PROPN NNP nsubj 1 Turkey
warned VERB VBD ROOT 1 warn
Kyiv PROPN NNP dobj 1 Kyiv
{neg}
to PART TO aux 5 to
cross VERB VB xcomp 1 cross
. PUNCT . punct 1 .
"""


def test_a_warning_is_a_threat_only_of_the_warners_own_act() -> None:
    """'China warned it would strike', 'that Moscow could strike', 'that police would
    strike', 'that retaliation would follow', 'that organisers would be arrested', 'of a
    response', 'that there would be costs', 'not to cross': the warner's side acts. 'That a
    crisis could follow', 'that civilians did suffer', 'which would happen', 'of a risk',
    'Kyiv then to cross': no threat."""
    from strife.events.markers import warns_of_own_act

    def warned(subject: str, aux: str = "would", verb: str = "strike") -> bool:
        doc = parse(WARNED_THAT.format(subject=subject, aux=aux, verb=verb, who="China"))
        return warns_of_own_act(doc[1])

    assert warned("it PRON PRP nsubj 5 it")
    assert warned("Moscow PROPN NNP nsubj 5 Moscow", aux="could")
    assert warned("police NOUN NNS nsubj 5 police", aux="will")
    assert warned("retaliation NOUN NN nsubj 5 retaliation", verb="follow")
    assert warned("organisers NOUN NNS nsubjpass 5 organiser", verb="arrest")
    assert not warned("crisis NOUN NN nsubj 5 crisis", aux="could", verb="follow")
    assert not warned("civilians NOUN NNS nsubj 5 civilian", aux="did", verb="suffer")
    assert not warned("which PRON WDT nsubj 5 which", verb="happen")
    assert warns_of_own_act(parse(WARNED_OF.format(noun="response"))[1])
    assert not warns_of_own_act(parse(WARNED_OF.format(noun="risk"))[1])
    assert warns_of_own_act(parse(THERE_WOULD_BE_COSTS)[1])
    assert warns_of_own_act(parse(WARNED_NOT_TO.format(neg="not PART RB neg 5 not"))[1])
    assert not warns_of_own_act(parse(WARNED_NOT_TO.format(neg="then ADV RB advmod 5 then"))[1])


WANTED_TO_PULL_OUT = """
Washington PROPN NNP nsubj 1 Washington
{verb} VERB VBD ROOT 1 {lemma}
to PART TO aux 3 to
withdraw VERB VB xcomp 1 withdraw
its PRON PRP$ poss 5 its
troops NOUN NNS dobj 3 troop
. PUNCT . punct 1 .
"""


def test_an_act_only_wished_for_is_hypothetical_and_an_attempt_is_the_act() -> None:
    """'wanted to withdraw', 'hoped to withdraw': a wish that may never come true; 'tried
    to withdraw' tells the act, attempted."""
    assert _aux(WANTED_TO_PULL_OUT.format(verb="wanted", lemma="want"), 3) == "hypothetical"
    assert _aux(WANTED_TO_PULL_OUT.format(verb="hoped", lemma="hope"), 3) == "hypothetical"
    assert _aux(WANTED_TO_PULL_OUT.format(verb="tried", lemma="try"), 3) is None


# "US troops are training local forces to fight Isis" and "the intention to withdraw troops
# emboldened Isis": the infinitive hangs on a word that is no act (a verb or a noun).
TRAINING_FORCES_TO_FIGHT = """
US PROPN NNP compound 1 US
troops NOUN NNS nsubj 3 troop
are AUX VBP aux 3 be
training VERB VBG ROOT 3 train
local ADJ JJ amod 5 local
forces NOUN NNS dobj 3 force
to PART TO aux 7 to
fight VERB VB {dep} {head} fight
Isis PROPN NNP dobj 7 Isis
. PUNCT . punct 3 .
"""

INTENTION_TO_WITHDRAW = """
The DET DT det 1 the
intention NOUN NN nsubj 5 intention
to PART TO aux 3 to
withdraw VERB VB acl 1 withdraw
troops NOUN NNS dobj 3 troop
emboldened VERB VBD ROOT 5 embolden
Isis PROPN NNP dobj 5 Isis
. PUNCT . punct 5 .
"""

# "Germany provided funds to help Haiti" (a transfer verb), "activists began a hunger
# strike to protest" (a trigger noun), "Christopher telephoned Kozyrev to discuss peace"
# (a contact verb): the purpose of an act is told as the act's content.
PROVIDED_TO_HELP = """
Germany PROPN NNP nsubj 1 Germany
provided VERB VBD ROOT 1 provide
funds NOUN NNS dobj 1 fund
to PART TO aux 4 to
help VERB VB advcl 1 help
Haiti PROPN NNP dobj 4 Haiti
. PUNCT . punct 1 .
"""

STRIKE_TO_PROTEST = """
Activists NOUN NNS nsubj 1 activist
began VERB VBD ROOT 1 begin
a DET DT det 4 a
hunger NOUN NN compound 4 hunger
strike NOUN NN dobj 1 strike
to PART TO aux 6 to
protest VERB VB acl 4 protest
the DET DT det 8 the
policy NOUN NN dobj 6 policy
. PUNCT . punct 1 .
"""

TELEPHONED_TO_DISCUSS = """
Christopher PROPN NNP nsubj 1 Christopher
telephoned VERB VBD ROOT 1 telephone
Kozyrev PROPN NNP dobj 1 Kozyrev
to PART TO aux 4 to
discuss VERB VB advcl 1 discuss
peace NOUN NN dobj 4 peace
. PUNCT . punct 1 .
"""


def test_a_purpose_on_no_act_is_what_is_meant_to_happen_not_what_did() -> None:
    assert _aux(TRAINING_FORCES_TO_FIGHT.format(dep="advcl", head=3), 7) == "hypothetical"
    assert _aux(TRAINING_FORCES_TO_FIGHT.format(dep="acl", head=5), 7) == "hypothetical"
    assert _aux(INTENTION_TO_WITHDRAW, 3) == "hypothetical"
    assert _aux(INTENTION_TO_WITHDRAW, 5) is None  # what the intention did
    # The open complement of a verb is read by the verb's own markers ("tried to").
    assert _aux(TRAINING_FORCES_TO_FIGHT.format(dep="xcomp", head=3), 7) is None


def test_the_purpose_of_an_act_is_told_with_the_act() -> None:
    assert _aux(PROVIDED_TO_HELP, 4) is None
    assert _aux(STRIKE_TO_PROTEST, 6) is None
    assert _aux(TELEPHONED_TO_DISCUSS, 4) is None


# "Turkey made plans to attack the Kurds": the noun of a plan verb puts its act ahead, as
# "Turkey plans to attack" does; "the decision to reimpose sanctions" and "an attempt to
# assassinate him" tell the act, as "decided to" and "tried to" do; "her wish to return"
# is a wish.
NOUN_TO_ACT = """
Turkey PROPN NNP nsubj 1 Turkey
made VERB VBD ROOT 1 make
{noun} NOUN NN dobj 1 {lemma}
to PART TO aux 4 to
attack VERB VB acl 2 attack
the DET DT det 6 the
Kurds PROPN NNPS dobj 4 Kurds
. PUNCT . punct 1 .
"""


def test_the_infinitive_of_a_noun_reads_as_the_verb_of_that_noun_would() -> None:
    assert _aux(NOUN_TO_ACT.format(noun="plans", lemma="plan"), 4) == "future"
    assert _aux(NOUN_TO_ACT.format(noun="decision", lemma="decision"), 4) is None
    assert _aux(NOUN_TO_ACT.format(noun="attempt", lemma="attempt"), 4) is None
    assert _aux(NOUN_TO_ACT.format(noun="wish", lemma="wish"), 4) == "hypothetical"
    assert _aux(NOUN_TO_ACT.format(noun="bid", lemma="bid"), 4) == "hypothetical"


# "The ministry is to suspend cooperation", "the ministers are due to meet", "the envoy was
# likely to press Britain", "it is easier to bomb a town": an act arranged lies ahead, one
# only likely may not come; an infinitive an adjective after "be" opens describes the act.
BE_TO_ACT = """
The DET DT det 1 the
ministry NOUN NN nsubj 2 ministry
is AUX VBZ ROOT 2 be
{word}
to PART TO aux {verb} to
suspend VERB VB xcomp {head} suspend
cooperation NOUN NN dobj {verb} cooperation
. PUNCT . punct 2 .
"""

IT_IS_EASIER = """
It PRON PRP nsubj 1 it
is AUX VBZ ROOT 1 be
easier ADJ JJR acomp 1 easy
to PART TO aux 4 to
bomb VERB VB xcomp 1 bomb
a DET DT det 6 a
town NOUN NN dobj 4 town
. PUNCT . punct 1 .
"""


def test_an_act_arranged_lies_ahead_and_an_act_only_likely_may_not_come() -> None:
    assert _aux(BE_TO_ACT.format(word="", verb=4, head=2), 4) == "future"
    assert _aux(BE_TO_ACT.format(word="due ADJ JJ acomp 2 due", verb=5, head=3), 5) == "future"
    likely = BE_TO_ACT.format(word="likely ADJ JJ acomp 2 likely", verb=5, head=3)
    assert _aux(likely, 5) == "hypothetical"
    assert _aux(IT_IS_EASIER, 4) is None
