"""The role ranker: the options it weighs, what it reads of each, and how its picks and the
rules' combine. Parses are built by hand; the model is the shipped one or a tiny one
written here."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from parsed import actor, parse
from strife.errors import ModelError
from strife.events.arguments import Arguments
from strife.events.lexicon import TriggerSpec
from strife.events.linear import LinearModel
from strife.events.roles import RoleRanker, option_features, role_options
from strife.events.triggers import Trigger
from strife.events.typer import Candidate, TypeChoice
from strife.records import ActorRef

# "Stepanyan said civilians were wounded in attacks by Azeri forces on Shushi ."
WOUNDED = """
Stepanyan PROPN NNP nsubj 1 Stepanyan
said VERB VBD ROOT 1 say
civilians NOUN NNS nsubjpass 4 civilian
were AUX VBD auxpass 4 be
wounded VERB VBN ccomp 1 wound
in ADP IN prep 4 in
attacks NOUN NNS pobj 5 attack
by ADP IN prep 6 by
Azeri ADJ JJ amod 9 azeri
forces NOUN NNS pobj 7 force
on ADP IN prep 6 on
Shushi PROPN NNP pobj 10 Shushi
. PUNCT . punct 1 .
"""

# "Russia says it will send troops to Armenia ."
SENDS = """
Russia PROPN NNP nsubj 1 Russia
says VERB VBZ ROOT 1 say
it PRON PRP nsubj 4 it
will AUX MD aux 4 will
send VERB VB ccomp 1 send
troops NOUN NNS dobj 4 troop
to ADP IN prep 4 to
Armenia PROPN NNP pobj 6 Armenia
. PUNCT . punct 1 .
"""


Refs = tuple[ActorRef, ...]


def _candidate(token: int, event: str, actors: Refs, recipients: Refs = ()) -> Candidate:
    spec = TriggerSpec("x", None, "VERB", event, None, frozenset(), frozenset())
    return Candidate(Trigger(token, spec, token, token + 1), Arguments(actors, recipients))


def test_a_speaker_is_no_option_unless_the_rules_chose_it() -> None:
    doc = parse(WOUNDED)
    stepanyan = actor(doc, 0, 1, "ARM", "GOV", kind="person")
    civilians = actor(doc, 2, 3, None, "CVL", kind="agent")
    forces = actor(doc, 8, 10, "AZE", "MIL", kind="agent")
    wounded = _candidate(4, "ASSAULT", (), (civilians.ref,))
    options = role_options(doc[:], wounded, [stepanyan, civilians, forces], frozenset())
    assert [o.entity_text for o in options] == ["civilians", "Azeri forces"]
    # A dateline's words are no option unless the rules chose them.
    mentions = [stepanyan, civilians, forces]
    assert role_options(doc[:], wounded, mentions, frozenset({8, 9})) == [civilians.ref]
    # "Russia says it will send": the rules made the speaker the actor; it stays an option.
    sends = parse(SENDS)
    russia = actor(sends, 0, 1, "RUS", "GOV")
    armenia = actor(sends, 7, 8, "ARM", "GOV")
    send = _candidate(4, "AID", (russia.ref,), (armenia.ref,))
    names = [o.entity_text for o in role_options(sends[:], send, [russia, armenia], frozenset())]
    assert names == ["Russia", "Armenia"]


def test_features_read_the_path_the_preposition_and_the_voice() -> None:
    doc = parse(WOUNDED)
    forces = actor(doc, 8, 10, "AZE", "MIL", kind="agent").ref
    civilians = actor(doc, 2, 3, None, "CVL", kind="agent").ref
    wounded = _candidate(4, "ASSAULT", (), (civilians,))
    choice = TypeChoice("ASSAULT", None, None)
    by = set(option_features(doc[:], wounded, choice, forces, "actor"))
    assert {"actor:path=pobj<prep<pobj<prep<", "actor:prep=by", "actor:passive"} <= by
    assert "actor:path=pobj<prep<pobj<prep<+prep=by" in by
    assert {"actor:rule=none", "actor:quad=4", "actor:sector=MIL", "actor:side=after"} <= by
    assert {"actor:coded=True", "actor:in_subtree", "actor:distance=8"} <= by
    victims = set(option_features(doc[:], wounded, choice, civilians, "recipient"))
    assert {"recipient:path=nsubjpass<", "recipient:rule=recipient", "recipient:side=before"} <= (
        victims
    )
    assert {"recipient:passive+dep=nsubjpass", "recipient:distance=2"} <= victims
    elsewhere = ActorRef("Baku", "AZE", "GOV", "Baku", 500, 504)
    assert "actor:outside" in option_features(doc[:], wounded, choice, elsewhere, "actor")


# "Christians , who were targeted by Isis , returned ."
TARGETED = """
Christians PROPN NNPS nsubj 7 Christians
, PUNCT , punct 0 ,
who PRON WP nsubjpass 4 who
were AUX VBD auxpass 4 be
targeted VERB VBN relcl 0 target
by ADP IN agent 4 by
Isis PROPN NNP pobj 5 Isis
returned VERB VBD ROOT 7 return
. PUNCT . punct 7 .
"""


def test_the_noun_a_relative_clause_describes_stands_as_its_pronoun() -> None:
    doc = parse(TARGETED)
    christians = actor(doc, 0, 1, None, "REL", kind="agent").ref
    targeted = _candidate(4, "ASSAULT", (), (christians,))
    choice = TypeChoice("ASSAULT", None, None)
    features = set(option_features(doc[:], targeted, choice, christians, "actor"))
    # Its place in the main clause (nsubj) would make it the attacker.
    assert {"actor:dep=nsubjpass", "actor:passive+dep=nsubjpass"} <= features
    assert "actor:dep=nsubj" not in features


def _ranker(tmp_path: Path, weights: dict[str, float], threshold: float) -> RoleRanker:
    """A ranker whose logit is the sum of the given features' weights (bias -4)."""
    onnx = pytest.importorskip("onnx", reason="onnx comes with the dev and train extras")
    from onnx import TensorProto, helper, numpy_helper

    names = ["actor:bias", "recipient:bias", *weights]
    w = np.array([[-4.0], [-4.0], *[[v] for v in weights.values()]], dtype=np.float32)
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["features", "weights"], ["score"]),
            helper.make_node("Sigmoid", ["score"], ["probability"]),
        ],
        "test",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, len(names)])],
        [helper.make_tensor_value_info("probability", TensorProto.FLOAT, [None, 1])],
        [numpy_helper.from_array(w, "weights")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, str(tmp_path / "roles.onnx"))
    card = {"threshold": threshold, "features": names}
    (tmp_path / "features.json").write_text(json.dumps(card), encoding="utf-8")
    return RoleRanker.load(tmp_path)


def test_the_ranker_overrules_abstains_or_agrees(tmp_path: Path) -> None:
    doc = parse(WOUNDED)
    civilians = actor(doc, 2, 3, None, "CVL", kind="agent").ref
    forces = actor(doc, 8, 10, "AZE", "MIL", kind="agent").ref
    wounded = _candidate(4, "ASSAULT", (), (civilians,))
    choice = TypeChoice("ASSAULT", None, None)
    options = [civilians, forces]
    # Sure that "by Azeri forces" is the actor: it fills the role the rules left empty.
    sure = _ranker(tmp_path, {"actor:prep=by": 8.0, "recipient:rule=recipient": 8.0}, 0.5)
    args = sure.assign(doc[:], wounded, choice, options)
    assert args.actors == (forces,) and args.recipients == (civilians,)
    # Unsure of everything: the rules' roles stand.
    unsure = _ranker(tmp_path, {"actor:prep=by": 2.0}, 0.5)
    assert unsure.assign(doc[:], wounded, choice, options) == wounded.args
    # Sure the forces are the actor, and likely the recipient too: the actor keeps them.
    both = _ranker(tmp_path, {"actor:prep=by": 8.0, "recipient:prep=by": 6.0}, 0.5)
    args = both.assign(doc[:], wounded, choice, options)
    assert args.actors == (forces,) and args.recipients == (civilians,)


def test_a_passive_subject_of_a_material_act_is_never_its_actor(tmp_path: Path) -> None:
    doc = parse(WOUNDED)
    civilians = actor(doc, 2, 3, None, "CVL", kind="agent").ref
    forces = actor(doc, 8, 10, "AZE", "MIL", kind="agent").ref
    options = [civilians, forces]
    # Sure that the civilians, who "were wounded", are the actor: the ranker may not say so.
    wrong = _ranker(tmp_path, {"actor:rule=recipient": 8.0}, 0.5)
    assault = _candidate(4, "ASSAULT", (), (civilians,))
    args = wrong.assign(doc[:], assault, TypeChoice("ASSAULT", None, None), options)
    assert args.actors == () and args.recipients == (civilians,)
    # A verbal event's participle may state the subject's own stance ("is committed to"):
    # there the ranker may make the passive subject the actor.
    agree = _candidate(4, "AGREE", (), (civilians,))
    args = wrong.assign(doc[:], agree, TypeChoice("AGREE", None, None), options)
    assert args.actors == (civilians,) and args.recipients == ()


# "A convoy of vehicles was ambushed by gunmen ."
CONVOY_AMBUSHED = """
A DET DT det 1 a
convoy NOUN NN nsubjpass 5 convoy
of ADP IN prep 1 of
vehicles NOUN NNS pobj 2 vehicle
was AUX VBD auxpass 5 be
ambushed VERB VBN ROOT 5 ambush
by ADP IN agent 5 by
gunmen NOUN NNS pobj 6 gunman
. PUNCT . punct 5 .
"""


def test_what_the_passive_subject_is_made_of_suffers_the_act_too(tmp_path: Path) -> None:
    """ "a convoy of vehicles was ambushed": the vehicles, inside the passive subject, were
    ambushed with it; the ranker may not make them the actor."""
    doc = parse(CONVOY_AMBUSHED)
    convoy = actor(doc, 0, 4, None, None, kind="agent").ref
    vehicles = actor(doc, 3, 4, None, None, kind="agent").ref
    gunmen = actor(doc, 7, 8, None, "REB", kind="agent").ref
    wrong = _ranker(tmp_path, {"actor:prep=of": 8.0}, 0.5)
    ambush = _candidate(5, "ASSAULT", (), (convoy,))
    args = wrong.assign(doc[:], ambush, TypeChoice("ASSAULT", None, None), [vehicles, gunmen])
    assert vehicles not in args.actors


# "Moscow retaliated for the expulsion of 18 diplomats by Prague ."
EXPULSION_BY = """
Moscow PROPN NNP nsubj 1 Moscow
retaliated VERB VBD ROOT 1 retaliate
for ADP IN prep 1 for
the DET DT det 4 the
expulsion NOUN NN pobj 2 expulsion
of ADP IN prep 4 of
18 NUM CD nummod 7 18
diplomats NOUN NNS pobj 5 diplomat
by ADP IN prep 7 by
Prague PROPN NNP pobj 8 Prague
. PUNCT . punct 1 .
"""


def test_a_doer_the_text_names_with_by_stands_against_the_ranker(tmp_path: Path) -> None:
    doc = parse(EXPULSION_BY)
    moscow = actor(doc, 0, 1, "RUS", "GOV").ref
    diplomats = actor(doc, 6, 8, None, "GOV", kind="agent").ref
    prague = actor(doc, 9, 10, "CZE", "GOV").ref
    choice = TypeChoice("SANCTION", None, None)
    options = [moscow, diplomats, prague]
    # Sure that the subject of the verb above is the actor.
    subject = _ranker(tmp_path, {"actor:dep=nsubj": 8.0}, 0.5)
    # "by Prague" hangs on what the expulsion is done to (the parse's usual attachment).
    expulsion = _candidate(4, "SANCTION", (prague,), (diplomats,))
    args = subject.assign(doc[:], expulsion, choice, options)
    assert args.actors == (prague,) and args.recipients == (diplomats,)
    # A party the rules chose without "by" is the ranker's to overrule.
    chosen = _candidate(4, "SANCTION", (diplomats,), ())
    assert subject.assign(doc[:], chosen, choice, options).actors == (moscow,)


def test_each_other_is_left_to_the_rules(tmp_path: Path) -> None:
    doc = parse(WOUNDED)
    civilians = actor(doc, 2, 3, None, "CVL", kind="agent").ref
    forces = actor(doc, 8, 10, "AZE", "MIL", kind="agent").ref
    reciprocal = Candidate(
        _candidate(4, "ASSAULT", (civilians, forces)).trigger,
        Arguments((civilians, forces), (), reciprocal=True),
    )
    sure = _ranker(tmp_path, {"actor:prep=by": 8.0}, 0.5)
    choice = TypeChoice("ASSAULT", None, None)
    assert sure.assign(doc[:], reciprocal, choice, [civilians, forces]) == reciprocal.args


def test_the_shipped_ranker_reads_its_features() -> None:
    ranker = RoleRanker.load()
    assert 0.0 < ranker.threshold < 1.0
    doc = parse(WOUNDED)
    civilians = actor(doc, 2, 3, None, "CVL", kind="agent").ref
    forces = actor(doc, 8, 10, "AZE", "MIL", kind="agent").ref
    wounded = _candidate(4, "ASSAULT", (), (civilians,))
    args = ranker.assign(doc[:], wounded, TypeChoice("ASSAULT", None, None), [civilians, forces])
    assert args.recipients == (civilians,)


def test_a_broken_ranker_folder_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="the role ranker"):
        RoleRanker.load(tmp_path)
    (tmp_path / "features.json").write_text(json.dumps({"features": ["x"], "threshold": 0.5}))
    with pytest.raises(ModelError, match="cannot load the role ranker"):
        RoleRanker.load(tmp_path)
    with pytest.raises(ModelError, match="the thing"):
        LinearModel.load(tmp_path / "nowhere", "m.onnx", "the thing")


def test_the_forces_an_order_sends_are_no_option() -> None:
    from test_events_triggers import ORDERED_TO_CONFRONT

    doc = parse(ORDERED_TO_CONFRONT)
    abiy = actor(doc, 0, 1, "ETH", "GOV", kind="person")
    army = actor(doc, 2, 4, None, "MIL", kind="agent")
    party = actor(doc, 6, 8, None, "PTY", kind="agent")
    flags = frozenset({"command"})
    spec = TriggerSpec("order", None, "VERB", "MOBILIZE", "troops", frozenset({"army"}), flags)
    order = Candidate(Trigger(1, spec, 1, 2), Arguments((abiy.ref,), ()))
    options = role_options(doc[:], order, [abiy, army, party], frozenset())
    assert [o.entity_text for o in options] == ["Abiy", "the party"]
    plain = _candidate(1, "MOBILIZE", (abiy.ref,))
    options = role_options(doc[:], plain, [abiy, army, party], frozenset())
    assert [o.entity_text for o in options] == ["Abiy", "the army", "the party"]


# "Iraq complained to the UN after Iran fired missiles at Erbil ."
COMPLAINED_AFTER = """
Iraq PROPN NNP nsubj 1 Iraq
complained VERB VBD ROOT 1 complain
to ADP IN prep 1 to
the DET DT det 4 the
UN PROPN NNP pobj 2 UN
after SCONJ IN mark 7 after
Iran PROPN NNP nsubj 7 Iran
fired VERB VBD advcl 1 fire
missiles NOUN NNS dobj 7 missile
at ADP IN prep 7 at
Erbil PROPN NNP pobj 9 Erbil
. PUNCT . punct 1 .
"""


def test_an_act_told_after_another_takes_no_party_from_that_others_clause() -> None:
    """The missiles Iran fired are not aimed at Iraq, who complained, nor at the UN, to
    whom it complained; the complaint may still be about Iran."""
    doc = parse(COMPLAINED_AFTER)
    iraq, un = actor(doc, 0, 1, "IRQ", "GOV"), actor(doc, 3, 5, "UNO", None)
    iran, erbil = actor(doc, 6, 7, "IRN", "GOV"), actor(doc, 10, 11, "IRQ", None)
    mentions = [iraq, un, iran, erbil]
    fired = _candidate(7, "ASSAULT", (iran.ref,))
    assert [o.entity_text for o in role_options(doc[:], fired, mentions, frozenset())] == [
        "Iran",
        "Erbil",
    ]
    complained = _candidate(1, "ACCUSE", (iraq.ref,))
    options = role_options(doc[:], complained, mentions, frozenset())
    assert [o.entity_text for o in options] == ["Iraq", "the UN", "Iran", "Erbil"]


# "The UN mission in Libya called on the militias in Tripoli to stop ."
MISSION_IN_LIBYA = """
The DET DT det 2 the
UN PROPN NNP compound 2 UN
mission NOUN NN nsubj 5 mission
in ADP IN prep 2 in
Libya PROPN NNP pobj 3 Libya
called VERB VBD ROOT 5 call
on ADP IN prep 5 on
the DET DT det 8 the
militias NOUN NNS pobj 6 militia
in ADP IN prep 8 in
Tripoli PROPN NNP pobj 9 Tripoli
to PART TO aux 12 to
stop VERB VB xcomp 5 stop
. PUNCT . punct 5 .
"""


def test_where_a_named_doer_is_is_no_party() -> None:
    """ "The UN mission in Libya called": Libya only says where the UN's mission is. Where
    the phrase is acted on ("the militias in Tripoli"), the place may stand for them."""
    doc = parse(MISSION_IN_LIBYA)
    un, libya = actor(doc, 1, 2, "UNO", None), actor(doc, 4, 5, "LBY", "GOV")
    militias, tripoli = actor(doc, 8, 9, None, "REB"), actor(doc, 10, 11, "LBY", None)
    called = _candidate(5, "REQUEST", ())
    options = role_options(doc[:], called, [un, libya, militias, tripoli], frozenset())
    assert [o.entity_text for o in options] == ["UN", "militias", "Tripoli"]


# "Washington will pull its troops out of Niger ."
PULLS_OUT = """
Washington PROPN NNP nsubj 2 Washington
will AUX MD aux 2 will
pull VERB VB ROOT 2 pull
its PRON PRP$ poss 4 its
troops NOUN NNS dobj 2 troop
out ADP IN prep 2 out
of ADP IN prep 5 of
Niger PROPN NNP pobj 6 Niger
. PUNCT . punct 2 .
"""


def _withdrawal(token: int, actors: Refs, recipients: Refs, mode: str | None) -> Candidate:
    spec = TriggerSpec("pull", "out", "VERB", "RETREAT", mode, frozenset(), frozenset())
    return Candidate(Trigger(token, spec, token, token + 1), Arguments(actors, recipients))


def test_what_the_actor_withdraws_or_sends_is_its_means_not_the_recipient(
    tmp_path: Path,
) -> None:
    """ "will pull its troops out of Niger": the troops are Washington's, moved by it; the
    act is aimed at Niger, even where the ranker prefers the direct object. What is
    released ("freed its prisoners") stays the recipient."""
    doc = parse(PULLS_OUT)
    washington = actor(doc, 0, 1, "USA", "GOV").ref
    troops = actor(doc, 3, 5, None, "MIL", kind="agent").ref
    niger = actor(doc, 7, 8, "NER", "GOV").ref
    options = [washington, troops, niger]
    choice = TypeChoice("RETREAT", None, None)
    objects = _ranker(
        tmp_path,
        {"actor:dep=nsubj": 8.0, "recipient:dep=dobj": 8.0, "recipient:prep=of": 6.0},
        0.5,
    )
    pull = _withdrawal(2, (washington,), (troops,), "withdraw")
    args = objects.assign(doc[:], pull, choice, options)
    assert args.actors == (washington,) and args.recipients == (niger,)
    # Where the ranker abstains, the rules' recipient is dropped too.
    unsure = _ranker(tmp_path, {"actor:dep=nsubj": 8.0}, 0.5)
    assert unsure.assign(doc[:], pull, choice, options).recipients == ()
    # A release's object is whom it frees.
    release = _withdrawal(2, (washington,), (troops,), "release")
    assert objects.assign(doc[:], release, choice, options).recipients == (troops,)


# "Ukraine received jets from Denmark ."
RECEIVED_FROM = """
Ukraine PROPN NNP nsubj 1 Ukraine
received VERB VBD ROOT 1 receive
jets NOUN NNS dobj 1 jet
from ADP IN prep 1 from
Denmark PROPN NNP pobj 3 Denmark
. PUNCT . punct 1 .
"""


def test_who_gives_what_the_subject_got_is_the_actor(tmp_path: Path) -> None:
    """ "Ukraine received jets from Denmark": Denmark gave them, whatever the ranker prefers;
    taking in observers or conceding ("received a mission from the OSCE", RETREAT) stays the
    subject's act."""
    doc = parse(RECEIVED_FROM)
    ukraine = actor(doc, 0, 1, "UKR", "GOV").ref
    denmark = actor(doc, 4, 5, "DNK", "GOV").ref
    subject = _ranker(tmp_path, {"actor:dep=nsubj": 8.0, "recipient:prep=from": 8.0}, 0.5)
    received = _candidate(1, "AID", (ukraine,), (denmark,))
    args = subject.assign(doc[:], received, TypeChoice("AID", None, None), [ukraine, denmark])
    assert args.actors == (denmark,) and args.recipients == (ukraine,)
    let_in = _candidate(1, "RETREAT", (ukraine,), (denmark,))
    args = subject.assign(doc[:], let_in, TypeChoice("RETREAT", None, None), [ukraine, denmark])
    assert args.actors == (ukraine,) and args.recipients == (denmark,)
