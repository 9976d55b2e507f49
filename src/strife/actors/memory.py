"""Document memory: what an article has already said about its actors.

One :class:`DocumentMemory` lives for one call of ``ActorResolver.find`` and nothing is
kept between documents. It resolves three kinds of later mention:

* **Surnames** (kind "alias"): once a person has been named, with a title ("Armenian
  Prime Minister Nikol Pashinyan", "Spokeswoman ... Shushan Stepanyan") or from the
  persons file, a later "Pashinyan" or "Stepanyan" gets the same coding and full name.
* **Pronouns** (kind "pronoun"): "he" / "she", "him" / "her", and "his" / "her" used as
  possessive determiners, refer to the most recent person in the latest sentence (of the
  last three) that mentions one, preferring a person who was that sentence's subject: in
  "Pashinyan sent a request to Putin. He said ..." "He" is Pashinyan. A person known to be
  a man ("spokesman", "Mr", an earlier "he") is never the antecedent of "she", nor a woman
  of "he". An object ("police arrested him") never stands for the subject of its own
  clause, which would have been "himself": in "Putin met Erdogan and praised him" "him"
  is Erdogan. "it" and "they" are never resolved: they refer to things and groups too
  often to guess.
* **Owned agents** (kind "alias"): "its" is no mention of its own, but an agent or a
  weapon right after it takes the country of the institution, country or organisation
  that is the subject of a clause above it, when one is named before it ("Ethiopia's
  government rejected a report accusing its forces", "the ministry said its aircraft had
  struck"); a person there, or no subject, leaves the agent as it was. A subject that is
  itself owned by "its" has the same owner, further up ("Israel said its troops moved in
  and its warplanes struck").
* **Groups** (kind "alias"): "the group", "the militia", "the movement" (words.json
  ``group_anaphors``, lower case, after "the") with no coding of their own take the
  coding of the armed group, party or movement named last, in that sentence or the
  three before it ("Houthi rebels fired a missile ... the group would retaliate" is YEM
  REB); none named there leaves them as they were. So "the bloc", "the alliance"
  (``igo_anaphors``) take the coding of the intergovernmental organisation named last
  ("Tokayev asked the CSTO for help ... the bloc said").
* **Definite agents** (kind "alias"): "the ministry", "the army", "the president" with no
  country of their own take the coding of the last coded agent with the same head word
  ("Azerbaijan's defense ministry ... The ministry said" is AZE). A bare institution
  opening a longer agent takes the country of the last one with that name ("Russia's
  defence ministry ... ministry spokesman Igor Konashenkov" is RUS; "Sudan's army ... Army
  warplanes" is SDN, and weapons no one is known to hold are no actor), and an agent after a
  resolved possessive takes that person's country ("Mikati said his government ..." is
  LBN GOV).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from strife.actors.compose import (
    INSTITUTION_POSSESSIVES,
    INSTITUTION_SUBJECTS,
    Coding,
    Phrase,
    is_name_token,
    merge_sectors,
    name_run,
)
from strife.actors.lexicon import WORDS, fold
from strife.records import ActorMention, ActorRef, MentionKind
from strife.syntax import NOMINAL_SUBJECT_DEPS, SUBJECTLESS_DEPS

# The words are in data/actors/words.json, each list with why it is there.
PERSONAL_PRONOUNS = WORDS["personal_pronouns"]
POSSESSIVE_PRONOUNS = WORDS["possessive_pronouns"]
# Mentions that can own "its": not people (nor pronouns, nor a person's surname).
INSTITUTION_KINDS = frozenset({"country", "agent", "igo", "group"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
PRONOUN_GENDERS = {
    **dict.fromkeys(WORDS["male_pronouns"], "m"),
    **dict.fromkeys(WORDS["female_pronouns"], "f"),
}
GENDERED_WORDS = {
    **dict.fromkeys(WORDS["male_words"], "m"),
    **dict.fromkeys(WORDS["female_words"], "f"),
}
NAME_SUFFIXES = WORDS["name_suffixes"]
PRONOUN_REACH = 3  # sentences: the current one and the two before it
# The kind of organisation each word stands for after "the" (the armed group, or the
# intergovernmental organisation, named last).
ANAPHORS: dict[MentionKind, frozenset[str]] = {
    "group": WORDS["group_anaphors"],
    "igo": WORDS["igo_anaphors"],
}
GROUP_REACH = 4  # sentences: the current one and the three before it


@dataclass(frozen=True, slots=True)
class Sighting:
    """A person seen in the article, as a candidate antecedent for a later pronoun.

    ``gender`` is "m", "f" or None (unknown), from a gendered title or an earlier pronoun.
    """

    coding: Coding
    sentence: int
    subject: bool
    gender: str | None = None
    tokens: range = range(0)


class DocumentMemory:
    """People, surnames and agents an article has mentioned so far."""

    def __init__(self) -> None:
        self._people: dict[str, Coding] = {}
        self._surnames: dict[str, str] = {}
        self._agents: dict[str, Coding] = {}
        self._sightings: list[Sighting] = []
        self._genders: dict[str, str] = {}
        # The organisation of each kind named last, and the sentence it was named in.
        self._named: dict[MentionKind, tuple[int, Coding]] = {}

    def person(self, name: str | None) -> Coding | None:
        return self._people.get(name) if name else None

    def surname(self, text: str) -> Coding | None:
        """The person last named in full whose surname ``text`` is, written with or
        without its accents ("Gonzalez" after "Edmundo González")."""
        name = self._surnames.get(fold(text))
        return self._people.get(name) if name else None

    def agent(self, head: str | None) -> Coding | None:
        return self._agents.get(head) if head else None

    def antecedent(
        self, sentence: int, gender: str | None, unbound: Collection[int] = ()
    ) -> Coding | None:
        """The person a pronoun of ``gender`` in ``sentence`` most likely refers to, never
        one whose words hold a token of ``unbound`` (the subject of an object pronoun's
        clause)."""
        latest = [
            s
            for s in self._sightings
            if s.sentence > sentence - PRONOUN_REACH
            and self._gender(s) in (None, gender)
            and not any(i in s.tokens for i in unbound)
        ]
        if not latest:
            return None
        last_sentence = latest[-1].sentence
        candidates = [s for s in latest if s.sentence == last_sentence]
        subjects = [s for s in candidates if s.subject]
        return (subjects or candidates)[-1].coding

    def remember_person(
        self,
        coding: Coding,
        sentence: int,
        subject: bool,
        gender: str | None,
        tokens: range = range(0),
    ) -> None:
        if coding.name:
            self._people[coding.name] = coding
            surname = surname_of(coding.name)
            if surname:
                self._surnames[fold(surname)] = coding.name
            if gender:
                self._genders.setdefault(coding.name, gender)
        self._sightings.append(Sighting(coding, sentence, subject, gender, tokens))

    def _gender(self, sighting: Sighting) -> str | None:
        if sighting.gender or not sighting.coding.name:
            return sighting.gender
        return self._genders.get(sighting.coding.name)

    def remember_agent(self, head: str, coding: Coding) -> None:
        self._agents[head] = coding

    def remember_named(self, kind: MentionKind, coding: Coding, sentence: int) -> None:
        self._named[kind] = (sentence, coding)

    def named_last(self, kind: MentionKind, sentence: int) -> Coding | None:
        """The organisation of ``kind`` ("group", "igo") named last, if in ``sentence`` or
        the GROUP_REACH - 1 before it."""
        seen = self._named.get(kind)
        if seen is None or seen[0] <= sentence - GROUP_REACH:
            return None
        return seen[1]


def surname_of(name: str) -> str | None:
    words = [w for w in name.split() if w.lower() not in NAME_SUFFIXES]
    return words[-1] if words else None


def resolve(doc: Doc, phrases: Sequence[Phrase]) -> list[ActorMention]:
    """Turn composed phrases into mentions, resolving them and pronouns through memory."""
    memory = DocumentMemory()
    sentences = sentence_ids(doc)
    covered = {i for p in phrases for i in range(p.start, p.end)}
    mentions: list[ActorMention] = []
    owner: tuple[int, Coding] | None = None  # the token after a resolved "its", its owner
    for item in _in_text_order(doc, phrases, covered):
        mention: ActorMention | None
        if isinstance(item, Phrase):
            owned = owner[1] if owner and owner[0] == item.start else None
            previous = mentions[-1] if mentions else None
            mention = _phrase_mention(doc, item, memory, previous, owned, sentences[item.start])
        elif _is_institution_subject(doc[item.start]):
            antecedent = _subject_institution(doc[item.start], mentions)
            if antecedent is None:
                continue
            # The role cites the words that name the party, in its clause above.
            mention = ActorMention(item.start, item.end, antecedent.ref, "pronoun")
        elif doc[item.start].lower_ in INSTITUTION_POSSESSIVES:
            coding = _possessor(doc[item.start], mentions)
            owner = (item.end, coding) if coding else None
            continue
        else:
            mention = _token_mention(doc, item, memory, sentences[item.start])
        if mention is not None:
            _remember(doc, mention, item, memory, sentences[mention.token_start])
            mentions.append(mention)
    return mentions


def sentence_ids(doc: Doc) -> list[int]:
    """The sentence number of every token (all 0 when the Doc has no sentence bounds)."""
    ids = [0] * len(doc)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for number, sent in enumerate(doc.sents):
            ids[sent.start : sent.end] = [number] * len(sent)
    return ids


@dataclass(frozen=True, slots=True)
class Candidate:
    """Uncovered tokens that may be a pronoun or a remembered surname."""

    start: int
    end: int


def _in_text_order(
    doc: Doc, phrases: Sequence[Phrase], covered: set[int]
) -> Iterator[Phrase | Candidate]:
    by_start = {p.start: p for p in phrases}
    tokens = list(doc)  # indexing a Doc builds a Token each time: build them once
    index = 0
    while index < len(tokens):
        phrase = by_start.get(index)
        if phrase is not None:
            yield phrase
            index = phrase.end
            continue
        token = tokens[index]
        run = name_run(doc, index, covered) if is_name_token(token) else None
        end = run[1] if run else index + 1
        anaphor = _anaphor_kind(token) is not None
        if run or _is_pronoun(token) or anaphor or _is_institution_subject(token):
            yield Candidate(index, end)
        index = end


def _anaphor_kind(token: Token) -> MentionKind | None:
    """The kind of organisation the word stands for (:data:`ANAPHORS`: "the group said",
    "the group's leader", "the bloc agreed"), or None: not "the group of protesters", nor a
    name, nor one that a name follows ("the group Friends of Kurdistan")."""
    kind = next((k for k, words in ANAPHORS.items() if token.text in words), None)
    if kind is None or token.i == 0:
        return None
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if doc[token.i - 1].lower_ != "the":
        return None
    if after is not None and (after.lower_ == "of" or after.pos_ == "PROPN"):
        return None
    return kind


def _is_institution_subject(token: Token) -> bool:
    """ "it" as the subject of a clause joined to another ("Beijing summoned the envoy, and
    on Wednesday it halted imports"), which may stand for a country or an institution named
    as that clause's subject. Not after a verb of saying ("France said it would respond"),
    where the event stage reads the speaker."""
    return (
        token.lower_ in INSTITUTION_SUBJECTS
        and token.dep_ in NOMINAL_SUBJECT_DEPS
        and token.head.dep_ in ("conj", "advcl")
    )


def _is_pronoun(token: Token) -> bool:
    if token.lower_ in PERSONAL_PRONOUNS:
        return True
    possessive = token.lower_ in POSSESSIVE_PRONOUNS or token.lower_ in INSTITUTION_POSSESSIVES
    return possessive and (token.tag_ == "PRP$" or token.dep_ == "poss")


def _phrase_mention(
    doc: Doc,
    phrase: Phrase,
    memory: DocumentMemory,
    previous: ActorMention | None,
    owned: Coding | None,
    sentence: int,
) -> ActorMention | None:
    """The phrase's mention, coded through memory where it can be; None for a weapon no
    one is known to hold."""
    coding, kind = phrase.coding, phrase.kind
    span_text = doc[phrase.start : phrase.end].text
    known = memory.person(coding.name) if phrase.category == "person" else None
    if owned is not None and phrase.category == "agent" and coding.code is None:
        return _mention(doc, phrase.start, phrase.end, replace(coding, code=owned.code), "alias")
    recalled = _recalled_agent(doc, phrase, memory, previous, sentence)
    if phrase.role == "equipment" and coding.code is None and recalled is None:
        return None  # "army warplanes" where no army was named before
    if known is not None:
        coding = known
        kind = "alias" if span_text != known.name else kind
    elif recalled is not None:
        coding = recalled
        kind = kind if phrase.named else "alias"
    return _mention(doc, phrase.start, phrase.end, coding, kind)


def _recalled_agent(
    doc: Doc,
    phrase: Phrase,
    memory: DocumentMemory,
    previous: ActorMention | None,
    sentence: int,
) -> Coding | None:
    """The coding an uncoded agent gets from what the article said before, if any."""
    if phrase.category != "agent" or phrase.coding.code is not None:
        return None
    coding = phrase.coding
    if previous and previous.kind == "pronoun" and previous.token_end == phrase.start:
        return replace(coding, code=previous.ref.code)
    definite = phrase.start > 0 and doc[phrase.start - 1].lower_ == "the"
    if definite and not phrase.named and (same := memory.agent(phrase.head)):
        return same
    anaphor = _anaphor_kind(doc[phrase.start]) if phrase.end - phrase.start == 1 else None
    if definite and anaphor is not None:
        return memory.named_last(anaphor, sentence)  # "the militia", not "the rights group"
    if phrase.lead and (institution := memory.agent(phrase.lead)):
        others = merge_sectors(coding.sector, coding.other_sectors, institution.other_sectors)
        return replace(coding, code=institution.code, other_sectors=others)
    return None


def _token_mention(
    doc: Doc, candidate: Candidate, memory: DocumentMemory, sentence: int
) -> ActorMention | None:
    kind: MentionKind
    if _is_pronoun(doc[candidate.start]):
        pronoun = doc[candidate.start]
        gender = PRONOUN_GENDERS[pronoun.lower_]
        coding = memory.antecedent(sentence, gender, _clause_subjects(pronoun))
        kind = "pronoun"
    elif (anaphor := _anaphor_kind(doc[candidate.start])) is not None:
        coding = memory.named_last(anaphor, sentence)
        kind = "alias"
    else:
        coding = memory.surname(doc[candidate.end - 1].text)
        kind = "alias"
    if coding is None:
        return None
    return _mention(doc, candidate.start, candidate.end, coding, kind)


def _clause_subjects(pronoun: Token) -> list[int]:
    """The subjects an object pronoun cannot stand for: those of the verb it is the object
    of, directly or through a preposition ("arrested him", "sent a letter to him"), or,
    where that verb has none, of the verb it is joined to or hangs on ("met Erdogan and
    praised him", "called Erdogan, urging him"); a relative clause's "who" stands for the
    noun it describes ("Erdogan, who had urged him")."""
    if pronoun.dep_ in NOMINAL_SUBJECT_DEPS or pronoun.dep_ == "poss":
        return []
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head
    while True:
        found = [c.i for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if found and verb.dep_ == "relcl":
            found.append(verb.head.i)
        if found or verb.dep_ not in SUBJECTLESS_DEPS:
            return found
        verb = verb.head


def _possessor(token: Token, before: Sequence[ActorMention]) -> Coding | None:
    """The coding of the institution "its" refers to (:func:`_subject_institution`)."""
    mention = _subject_institution(token, before)
    if mention is None:
        return None
    ref = mention.ref
    return Coding(ref.code, ref.sector, ref.other_sectors, ref.name)


def _subject_institution(token: Token, before: Sequence[ActorMention]) -> ActorMention | None:
    """The mention "its" or "it" refers to: the subject of the nearest clause above it
    that has one, apart from the phrase holding "its" ("its aircraft struck") and "it"
    (which stands for the same owner), when that subject is a coded country, institution
    or organisation, singular, and named before it (None otherwise)."""
    for above in token.ancestors:
        subjects = [
            c for c in above.children if c.dep_ in NOMINAL_SUBJECT_DEPS and not c.is_ancestor(token)
        ]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.lower_ == "it" or any(
            c.dep_ == "poss" and c.lower_ in INSTITUTION_POSSESSIVES for c in subject.children
        ):
            # "said it had sent reinforcements and that its aircraft had struck", "said its
            # troops had moved in and its warplanes struck": the same owner, further up.
            continue
        if subject.i > token.i or subject.tag_ in PLURAL_NOUN_TAGS:
            return None
        for mention in reversed(before):
            if mention.token_start <= subject.i < mention.token_end:
                if mention.kind not in INSTITUTION_KINDS or mention.ref.code is None:
                    return None
                return mention
        return None
    return None


def _remember(
    doc: Doc,
    mention: ActorMention,
    item: Phrase | Candidate,
    memory: DocumentMemory,
    sentence: int,
) -> None:
    ref = mention.ref
    coding = Coding(ref.code, ref.sector, ref.other_sectors, ref.name)
    span = doc[mention.token_start : mention.token_end]
    # A candidate is a name or a pronoun, but "the group" names no person.
    named = item.named if isinstance(item, Phrase) else _anaphor_kind(doc[item.start]) is None
    is_person = mention.kind in ("person", "pronoun") or (mention.kind == "alias" and named)
    titled = isinstance(item, Phrase) and item.role == "title" and ref.code is not None
    if is_person or titled:
        # An unnamed title ("a Dutch Islamic State fighter") is a person, not the group.
        person = coding if named else replace(coding, name=None)
        subject = span.root.dep_ in NOMINAL_SUBJECT_DEPS
        tokens = range(mention.token_start, mention.token_end)
        memory.remember_person(person, sentence, subject, gender_of(doc, mention), tokens)
    if isinstance(item, Phrase) and item.head and ref.code is not None:
        memory.remember_agent(item.head, coding)
    if mention.kind in ANAPHORS and ref.code is not None:
        memory.remember_named(mention.kind, coding, sentence)


def gender_of(doc: Doc, mention: ActorMention) -> str | None:
    """ "m" / "f" when a pronoun, a gendered title or an honorific says so, else None."""
    if mention.kind == "pronoun":
        return PRONOUN_GENDERS.get(doc[mention.token_start].lower_)
    first = max(mention.token_start - 1, 0)
    for token in doc[first : mention.token_end]:
        if token.lower_ in GENDERED_WORDS:
            return GENDERED_WORDS[token.lower_]
    return None


def _mention(doc: Doc, start: int, end: int, coding: Coding, kind: MentionKind) -> ActorMention:
    span = doc[start:end]
    ref = ActorRef(
        entity_text=span.text,
        code=coding.code,
        sector=coding.sector,
        name=coding.name,
        start=span.start_char,
        end=span.end_char,
        other_sectors=coding.other_sectors,
    )
    return ActorMention(start, end, ref, kind)
