"""Towns, villages and districts the gazetteer lacks, known by how the text names them.

The gazetteer holds places of 500 people or more; news also names villages, quarters and
hamlets below that ("the villages of Foua and Kfraya in Idlib", "Qunu village", "in Rippey,
Iowa"). A capitalised proper name the gazetteer does not know is read as such a place when
the words around it say so:

* a level noun before it with "of": "the town of Gerlach", "the villages of Foua and Kfraya"
  (every name of the list after a plural noun);
* a noun of its kind right after it: "Qunu village", "the city's Abbassiya district" (not
  "Manchester airport": an airport is in a town, not what the town is);
* a locative preposition before it and a known place after a comma: "in Rippey, Iowa",
  "in Dawadmy, near Riyadh" (here the name must not be an English word, "In Brief, London",
  nor a person, an organisation or a date to the parser's entity recogniser, which the two
  cues above overrule).

Once a name is read so, its other mentions in the article are that place too ("Gerlach" alone,
later). Each is returned as a :class:`~strife.places.sites.Site` and placed like one: at the
place named right after it, else at the nearest town or division of its article; a name a
region's noun marks ("the Kurdish region of Rojava") only at the place named after it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.attrs import ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from strife.nlp import english_words
from strife.places.lexicon import Lexicon, singular_of
from strife.places.recognize import Toponym
from strife.places.sites import Site
from strife.places.words import Hashes, indices_among, is_capitalised_word, lower_keys
from strife.syntax import PLACE_ENTITIES

__all__ = ["find_settlements"]

# The longest unknown name read as a settlement ("Dogu Beyazit", "Pointe Denis Ekwata" no).
_MAX_WORDS = 2
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
# Entity labels that a name after a bare preposition may carry (none, or a place's).
_PLACE_LABELS = PLACE_ENTITIES | {""}
# Entity labels that keep a name before a level noun from being a place's ("the Trump camp").
_AGENT_LABELS = frozenset({"PERSON", "ORG"})
_STRINGS = StringStore()
_COMMA = _STRINGS.as_int(",")


def find_settlements(
    doc: Doc,
    toponyms: Sequence[Toponym],
    taken_spans: Iterable[Site],
    lexicon: Lexicon,
    lowers: Hashes | None = None,
) -> list[Site]:
    """The names of ``doc`` that the words around them make settlements or districts, and
    every other mention of those names, in text order. Names inside ``toponyms`` or
    ``taken_spans`` (sites found otherwise) are left alone. ``lowers``:
    :func:`~strife.places.words.lower_keys` of ``doc``, when the caller has it."""
    taken = {i for t in toponyms for i in range(t.start, t.end)}
    taken |= {i for s in taken_spans for i in range(s.start, s.end)}
    starts = {t.start for t in toponyms}
    found: dict[int, Site] = {}
    if lowers is None:
        lowers = lower_keys(doc)
    for index in _cue_words(lowers, lexicon):
        if lowers[index] == _COMMA and index + 1 not in starts and index + 2 not in starts:
            continue  # no known place after the comma: decided without a Token
        token = doc[index]
        if _is_level_noun(token, lexicon):
            before = _named_before_noun(doc, token) if _names_a_kind(token, lexicon) else None
            # "the Kurdish region of Rojava": a region no town stands for, placed only by
            # the place named after it.
            small = not _is_area_noun(token, lexicon)
            for site in (*_named_after_noun(doc, token, lexicon), before):
                if site is not None and _is_free(site, taken, lexicon, doc):
                    found.setdefault(site.start, replace(site, anywhere=small))
        elif token.text == "," and token.i + 1 < len(doc):
            site = _listed_with_container(doc, token, starts, lexicon)
            if site is not None and _is_free(site, taken, lexicon, doc):
                found.setdefault(site.start, site)
    for site in _other_mentions(doc, list(found.values()), taken):
        found.setdefault(site.start, site)
    return _without_overlaps(sorted(found.values(), key=lambda s: s.start))


def _cue_words(lowers: Hashes, lexicon: Lexicon) -> list[int]:
    """The indices of the words that may be a level noun or a comma, the only words the scan
    acts on, read from the Doc's array of lower-case forms: a Token object for every word of
    an article costs more than the rest of the scan."""
    keys = _cue_keys(lexicon.level_words)
    return indices_among(keys, lowers)


@functools.lru_cache(maxsize=4)
def _cue_keys(level_words: frozenset[str]) -> frozenset[int]:
    """The hashes of the level words, of their plurals (:func:`_is_plural`) and of a comma:
    a superset of what :func:`_is_level_noun` and the comma test accept."""
    plurals = {word + "s" for word in level_words}
    plurals |= {word[:-1] + "ies" for word in level_words if word.endswith("y")}
    return frozenset(_STRINGS.as_int(word) for word in level_words | plurals | {","})


def _is_level_noun(token: Token, lexicon: Lexicon) -> bool:
    return token.is_lower and (token.lower_ in lexicon.level_words or _is_plural(token, lexicon))


def _is_area_noun(noun: Token, lexicon: Lexicon) -> bool:
    word = noun.lower_
    singular = word[:-1] if word.endswith("s") else word
    return word in lexicon.area_nouns or singular in lexicon.area_nouns


def _names_a_kind(noun: Token, lexicon: Lexicon) -> bool:
    """A level noun that says what the name before it is ("Qunu village", "Gondra
    district"), not what lies in it ("Manchester airport")."""
    kinds = lexicon.settlement_kinds | lexicon.district_nouns | lexicon.area_nouns
    return noun.lower_ in kinds


def _is_plural(token: Token, lexicon: Lexicon) -> bool:
    """ "villages", "cities": the plural of a level noun (a list of names may follow)."""
    singular = singular_of(token.lower_)
    return singular is not None and singular in lexicon.level_words


def _named_after_noun(doc: Doc, noun: Token, lexicon: Lexicon) -> list[Site]:
    """ "the town of Gerlach"; after a plural, each name of the list ("the villages of Foua and
    Kfraya", "the towns of A, B and C")."""
    at = noun.i + 1
    if at >= len(doc) or doc[at].lower_ != "of":
        return []
    sites: list[Site] = []
    at += 1
    while at < len(doc):
        end = _proper_name_end(doc, at)
        if end == at:
            break
        if end < len(doc) and doc[end].lower_ == "'s":
            break  # "the centre of Johnson's plan"
        sites.append(Site(at, end))
        if not _is_plural(noun, lexicon) or end >= len(doc) or doc[end].lower_ not in {",", "and"}:
            break
        at = end + 1 if doc[end].lower_ == "and" else end + 1 + (doc[end + 1].lower_ == "and")
    return sites


def _named_before_noun(doc: Doc, noun: Token) -> Site | None:
    """ "Qunu village", "the city's Abbassiya district"; not a person's or an organisation's
    ("the Clinton camp"), nor a noun that itself modifies one ("a Biden town hall")."""
    end = noun.i
    if noun.dep_ == "compound":
        return None
    start = _proper_name_start(doc, end)
    if start == end or any(t.ent_type_ in _AGENT_LABELS for t in doc[start:end]):
        return None
    return Site(start, end)


def _listed_with_container(
    doc: Doc, comma: Token, toponym_starts: set[int], lexicon: Lexicon
) -> Site | None:
    """ "in Rippey, Iowa", "in Dawadmy, near Riyadh": a name after a locative preposition,
    then a comma and a known place (at most one word of glue between them)."""
    after = comma.i + 1
    glued = after < len(doc) and doc[after].lower_ in lexicon.container_glue
    if after not in toponym_starts and not (glued and after + 1 in toponym_starts):
        return None
    start = _proper_name_start(doc, comma.i)
    if start == comma.i or start == 0 or doc[start - 1].lower_ not in lexicon.locative_prepositions:
        return None
    name = doc[start : comma.i]
    if any(t.ent_type_ not in _PLACE_LABELS for t in name) or name.text.lower() in english_words():
        return None
    return Site(start, comma.i)


def _proper_name_start(doc: Doc, end: int) -> int:
    """Where the proper name of at most ``_MAX_WORDS`` words that ends at ``end`` starts
    (``end`` when there is none)."""
    start = end
    while start > 0 and end - start < _MAX_WORDS and _is_proper_word(doc[start - 1]):
        start -= 1
    return start


def _proper_name_end(doc: Doc, start: int) -> int:
    end = start
    while end < len(doc) and end - start < _MAX_WORDS and _is_proper_word(doc[end]):
        end += 1
    return end


def _is_proper_word(token: Token) -> bool:
    return (
        token.tag_ in _PROPER_TAGS and token.ent_type_ != "NORP" and is_capitalised_word(token.text)
    )


def _is_free(site: Site, taken: set[int], lexicon: Lexicon, doc: Doc) -> bool:
    """A name that is no toponym or site already, nor a title, a common word, a level noun
    or a name the actor dictionary knows."""
    if any(i in taken for i in range(site.start, site.end)):
        return False
    words = [t.lower_ for t in doc[site.start : site.end]]
    name = " ".join(words)
    if name in lexicon.actor_names or name in lexicon.never_places:
        return False
    return not any(
        lexicon.is_common(w) or w in lexicon.person_titles or w in lexicon.level_words
        for w in words
    )


def _other_mentions(doc: Doc, sites: Sequence[Site], taken: set[int]) -> list[Site]:
    """The article's other mentions of names read as settlements, written the same way."""
    if not sites:
        return []
    names = {tuple(t.text for t in doc[s.start : s.end]): s.anywhere for s in sites}
    # Each name's first word is found by its ORTH hash: no Token object for every word.
    orths = doc.to_array(ORTH)
    out = []
    for name, anywhere in names.items():
        first, width = name[0], len(name)
        for at in (orths == _STRINGS.as_int(first)).nonzero()[0].tolist():
            if at + width > len(doc):
                continue
            words = tuple(t.text for t in doc[at : at + width])
            if words != name or any(i in taken for i in range(at, at + width)):
                continue
            if at + width < len(doc) and is_capitalised_word(doc[at + width].text):
                continue  # part of a longer name ("Gerlach Street")
            if at > 0 and _is_proper_word(doc[at - 1]):
                continue  # part of a longer name ("Lake Gerlach")
            out.append(Site(at, at + width, anywhere))
    return out


def _without_overlaps(sites: Sequence[Site]) -> list[Site]:
    out: list[Site] = []
    for site in sites:
        if not out or out[-1].end <= site.start:
            out.append(site)
    return out
