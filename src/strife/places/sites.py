"""Sites the gazetteer does not know, placed where the article puts them.

The gazetteer holds towns, divisions and a curated list of regions and physical features; it
does not hold hotels, hospitals, airports, streets, parks or huts. A capitalised name that
ends with such a word ("Scripps Memorial Hospital", "Sloane Street", "Landdroskop Hut") or
opens with one ("Lake Nokomis", "Rue Lepic") is still a place. It takes the point of the
place the article puts it in: the place named right after it ("the Ritz Hotel in Paris",
"Frith Street, Soho"), else the nearest town or division the article names as a place (not a
name inside an organisation's, nor a country that acts). Its
:class:`~strife.records.Place` says so (``resolved_by="context"``).

A name that holds or touches a toponym ("Sandy Hook Elementary School", "Copenhagen
Airport") is left to that toponym, unless the toponym's reading lies far from every other
town and division of its article (:func:`far_held`): "Petrin Tower" in a story about Prague
is no Thai town whose alternate name is Petrin, and "Jorge Chavez International Airport" in
one about Lima no hamlet of that name, so the whole name is a site. A site with no town or
division in its article stays unplaced.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from strife.places.geometry import distance_km
from strife.places.levels import level_of
from strife.places.lexicon import Lexicon
from strife.places.names import Candidate
from strife.places.recognize import MAX_NAME_TOKENS, Toponym
from strife.places.words import Hashes, indices_among, is_capitalised_word, lower_keys, word_keys
from strife.records import PlaceMention
from strife.syntax import TIME_ENTITIES

__all__ = ["Site", "far_held", "find_sites", "place_sites", "site_word_hits"]

# How many words may stand between a site and the town it is in (``container_glue``).
_MAX_GLUE = 2
# Levels too coarse to stand for a site's point.
_TOO_COARSE = frozenset({"country", "continent"})
# How far a toponym held in a site name may lie from every other town and division of its
# article and still stand for the site (``far_held``). On the development parts of the
# geoparsing corpora 100 and 150 km score a little better than 300 (docs/geoparsing.md),
# but take "Copenhagen Airport" from a story that also names Aarhus, 157 km away.
FAR_HELD_KM = 300.0


@dataclass(frozen=True, slots=True)
class Site:
    """A name of a site the gazetteer lacks: token span [start, end). ``anywhere``: it may
    take the nearest town of its article when no place is named right after it (not a
    region, which no town stands for)."""

    start: int
    end: int
    anywhere: bool = True


def site_word_hits(doc: Doc, lexicon: Lexicon, lowers: Hashes | None = None) -> list[int]:
    """The indices of the words that may open or end a site name, found in the Doc's array
    of lower-case forms (``lowers``: :func:`~strife.places.words.lower_keys` of ``doc``, when
    the caller has it): only these are read as tokens. The geoparser finds them once per
    article and hands them to both :func:`far_held` and :func:`find_sites`."""
    keys = word_keys(lexicon.site_prefixes | lexicon.site_words)
    if lowers is None:
        lowers = lower_keys(doc)
    return indices_among(keys, lowers)


def find_sites(
    doc: Doc,
    toponyms: Sequence[Toponym],
    lexicon: Lexicon,
    hits: Sequence[int] | None = None,
) -> list[Site]:
    """The site names of ``doc`` that hold no toponym, in text order. ``hits``: what
    :func:`site_word_hits` gives for ``doc``, when the caller has it already."""
    if hits is None:
        hits = site_word_hits(doc, lexicon)
    if not hits:
        return []
    taken = {index for t in toponyms for index in range(t.start, t.end)}
    sites: list[Site] = []
    for index in hits:
        if (sites and index < sites[-1].end) or not is_capitalised_word(doc[index].text):
            continue
        if doc[index].lower_ in lexicon.site_prefixes:
            span = (index, _name_end(doc, index + 1, lexicon))
        else:
            span = (_name_start(doc, index, lexicon), index + 1)
        if (not sites or sites[-1].end <= span[0]) and _is_site_name(doc, span, taken, lexicon):
            sites.append(Site(*span))
    return sites


def far_held(
    doc: Doc,
    readings: Sequence[tuple[Toponym, Candidate]],
    lexicon: Lexicon,
    hits: Sequence[int] | None = None,
) -> set[int]:
    """Indices of ``readings`` (toponyms with their chosen candidates, in text order) that a
    site name holds ("Petrin" in "Petrin Tower"; "Pala" and "Mesa" in "Pala Mesa Resort")
    when each of them lies more than ``FAR_HELD_KM`` from every town and division the article
    names outside site names (as a place or not: "the Prague mayor"). Without such another
    place, or with one held name near it, the held toponyms keep their readings. ``hits`` as
    for :func:`find_sites`."""
    towns = [
        (index, toponym, candidate.entry)
        for index, (toponym, candidate) in enumerate(readings)
        if level_of(candidate.entry.feature_code) not in _TOO_COARSE
    ]
    if len(towns) < 2:
        return set()
    far: set[int] = set()
    sites = find_sites(doc, (), lexicon, hits)
    # Another site's name vouches for no place ("the church of St. Peter and St. Paul").
    free = [
        entry
        for _, t, entry in towns
        if not any(site.start <= t.start and t.end <= site.end for site in sites)
    ]
    for site in sites:
        held = [
            (index, toponym, entry)
            for index, toponym, entry in towns
            if site.start <= toponym.start and toponym.end <= site.end
        ]
        if not held or any((t.start, t.end) == (site.start, site.end) for _, t, _ in held):
            continue
        if free and all(
            distance_km(here.lat, here.lon, o.lat, o.lon) > FAR_HELD_KM
            for _, _, here in held
            for o in free
        ):
            far.update(index for index, _, _ in held)
    return far


def _name_start(doc: Doc, head: int, lexicon: Lexicon) -> int:
    """The first word of the capitalised name that ends on ``head``: capitalised words or
    abbreviations, two joined by a hyphen ("Macdonald-Cartier"), a saint's possessive
    ("St. Michael's Hospital"), without a stop word that opens it ("The Ritz Hotel", "AT
    MAGAZAN BEACH")."""
    start = head
    while start > 0 and head - start + 1 < MAX_NAME_TOKENS:
        if _name_word(doc[start - 1].text):
            start -= 1
        elif start >= 2 and _joins(doc, start - 1) and is_capitalised_word(doc[start - 2].text):
            start -= 2
        elif start >= 3 and _saints(doc, start - 1, lexicon):
            start -= 2  # "St. Michael's Hospital", "St. Peter's Square"
        else:
            break
    while start < head and doc[start].is_stop and doc[start].whitespace_:
        start += 1
    return start


def _name_word(text: str) -> bool:
    """A capitalised word, or an abbreviation with its full stop ("St.", "Mt.")."""
    if is_capitalised_word(text):
        return True
    return 2 <= len(text) <= 4 and text.endswith(".") and text[0].isupper() and text[:-1].isalpha()


def _saints(doc: Doc, index: int, lexicon: Lexicon) -> bool:
    """A possessive ending written onto a saint's name ("St. Michael's"): the name of what
    is the saint's, not a place's ("Toronto's Pearson airport")."""
    return (
        doc[index].lower_ in ("'s", "’s")
        and not doc[index - 1].whitespace_
        and is_capitalised_word(doc[index - 1].text)
        and doc[index - 2].lower_ in lexicon.saint_titles
    )


def _joins(doc: Doc, index: int) -> bool:
    """A hyphen written without spaces between two words."""
    return doc[index].text == "-" and not doc[index - 1].whitespace_ and not doc[index].whitespace_


def _name_end(doc: Doc, first: int, lexicon: Lexicon) -> int:
    """The end of the capitalised name whose words after its opening one start at ``first``:
    capitalised words, and a name connector between two ("Rue des Petites Ecuries", "Viale
    di Porta Ardeatine"); not a date's ("Camp David on Friday")."""
    end = first
    while end < len(doc) and end - first + 1 < MAX_NAME_TOKENS:
        if _name_part(doc[end]):
            end += 1
        elif (
            doc[end].lower_ in lexicon.name_connectors
            and end + 1 < len(doc)
            and _name_part(doc[end + 1])
        ):
            end += 2
        else:
            break
    return end


def _name_part(token: Token) -> bool:
    """A capitalised word that is no date's or time's ("Camp David on Friday")."""
    return is_capitalised_word(token.text) and token.ent_type_ not in TIME_ENTITIES


def _is_site_name(doc: Doc, span: tuple[int, int], taken: set[int], lexicon: Lexicon) -> bool:
    """A name of two words or more, one of them neither generic nor a direction ("Memorial
    Hospital" is a site, "National Park" alone is not), that holds and touches no toponym and
    does not open with a title ("President Hotel")."""
    start, end = span
    if end - start < 2 or any(index in taken for index in range(start - 1, end + 1)):
        return False
    words = [token.lower_ for token in doc[start:end]]
    if words[0] in lexicon.person_titles or " ".join(words) in lexicon.never_places:
        return False
    return any(word not in lexicon.unnaming_words for word in words)


def place_sites(
    doc: Doc, sites: Sequence[Site], mentions: Sequence[PlaceMention], lexicon: Lexicon
) -> list[PlaceMention]:
    """Each site that its article's places (``mentions``: the names used as places) can
    place, as a mention of the town or division it is in (see the module docstring), in text
    order."""
    named = _ByPosition(mentions)
    towns = _ByPosition([m for m in mentions if m.place.level not in _TOO_COARSE])
    out = []
    for site in sites:
        container = _named_after(doc, site, named, lexicon.container_glue)
        if container is None and site.anywhere:
            container = _nearest(site, towns)
        if container is None:
            continue
        span = doc[site.start : site.end]
        place = replace(
            container.place,
            extracted_place=span.text,
            start=span.start_char,
            end=span.end_char,
            resolved_by="context",
        )
        out.append(PlaceMention(token_start=site.start, token_end=site.end, place=place))
    return out


class _ByPosition:
    """Place mentions in text order, searched by position (an article may name thousands)."""

    def __init__(self, mentions: Sequence[PlaceMention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.token_start)
        self.starts = [m.token_start for m in self.mentions]

    def around(self, site: Site) -> tuple[PlaceMention | None, PlaceMention | None]:
        """The last mention before the site and the first after it (mentions never overlap
        a site)."""
        index = bisect.bisect_left(self.starts, site.end)
        before = self.mentions[index - 1] if index > 0 else None
        after = self.mentions[index] if index < len(self.mentions) else None
        return before, after


def _named_after(
    doc: Doc, site: Site, mentions: _ByPosition, glue: frozenset[str]
) -> PlaceMention | None:
    """The place named right after the site: "the Ritz Hotel in Paris", "Frith Street, Soho"."""
    _, after = mentions.around(site)
    if after is None:
        return None
    gap = after.token_start - site.end
    glued = all(t.lower_ in glue for t in doc[site.end : after.token_start])
    return after if 0 < gap <= _MAX_GLUE and glued else None


def _nearest(site: Site, towns: _ByPosition) -> PlaceMention | None:
    """The town or division named nearest to the site, before it on a tie."""
    before, after = towns.around(site)
    if before is None or after is None:
        return before or after
    if site.start - before.token_end <= after.token_start - site.end:
        return before
    return after
