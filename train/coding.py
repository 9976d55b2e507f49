"""The coder the training scripts code the development sentences with."""

from __future__ import annotations

from strife.pipeline import Coder


def training_coder(detector: bool) -> Coder:
    """``Coder.load()`` with the shipped typer, the shipped event detector when ``detector``
    (else none: it may not exist yet) and no role ranker: the parts a model is trained
    after are the shipped ones, the parts it replaces or precedes are not there."""
    from strife.actors import ActorResolver
    from strife.classify.model import EventTyper
    from strife.events import EventCoder, EventLexicon
    from strife.events.detect import EventDetector
    from strife.events.typer import ModelTyping
    from strife.nlp import load_nlp
    from strife.places import Gazetteer, Geoparser

    nlp = load_nlp()
    actors = ActorResolver.from_data(nlp.vocab)
    events = EventCoder(
        EventLexicon.from_data(),
        actors.lookup_country,
        ModelTyping(EventTyper.load()),
        EventDetector.load() if detector else None,
    )
    return Coder(nlp, actors, Geoparser(Gazetteer.load()), events)
