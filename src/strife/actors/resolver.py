"""The actor stage: recognise actors in a parsed Doc and code them as PLOVER does."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from strife.actors.compose import compose
from strife.actors.lexicon import Lexicon
from strife.actors.match import AtomMatcher
from strife.actors.memory import resolve
from strife.records import ActorMention


class ActorResolver:
    """Finds and codes the actors of a Doc from the dictionaries in ``strife/data/actors``.

    Recognition is driven by the dictionaries, not by the parser's entity labels (the small
    English model calls "Armenia" a PERSON and "Nagorno-Karabakh" an ORG); proper-noun tags
    and PERSON entities only supply the names of people the dictionaries do not know, when a
    title introduces them.

    Coding rules (see :mod:`strife.actors.compose` and :mod:`strife.actors.memory`):

    * A state named alone -- by its name ("Russia says"), a capital or a seat of power used
      as a metonym ("Yerevan and Baku accused each other", "the Kremlin") -- is the state
      acting as a state: its code, sector GOV (a seat's own sector where it has one:
      Pentagon MIL, Knesset LEG), kind "country". Whether such a mention is an event's
      actor, recipient or only a place is for the event stage to decide.
    * A partially recognised entity is coded to its sovereign state with PRE in
      ``other_sectors``: "Nagorno-Karabakh" alone is AZE with no sector, "Karabakh
      authorities" AZE GOV.
    * A plural demonym ("Armenians") is that country's civilians (CVL).
    * Agents take the code of the country, organisation, seat or person that affiliates
      them; people introduced with a title, and later their surnames and pronouns, carry
      that coding through the article.
    """

    def __init__(self, lexicon: Lexicon, matcher: AtomMatcher) -> None:
        self._lexicon = lexicon
        self._matcher = matcher

    @classmethod
    def from_data(cls, vocab: Vocab, data_dir: Path | None = None) -> ActorResolver:
        """Load the dictionaries (default: the packaged ones) and build the matchers once.

        Raises :class:`strife.errors.ModelError` when a dictionary is missing or malformed.
        """
        lexicon = Lexicon.from_dir(data_dir)
        return cls(lexicon, AtomMatcher.from_lexicon(vocab, lexicon))

    def find(self, doc: Doc) -> list[ActorMention]:
        """The actor mentions of ``doc``, sorted by token start and non-overlapping."""
        return resolve(doc, compose(doc, self._matcher.atoms(doc)))

    def lookup_country(self, text: str) -> str | None:
        """Alpha-3 code for a country name, demonym or capital ("Azeri" -> "AZE")."""
        return self._lexicon.lookup_country(text)
