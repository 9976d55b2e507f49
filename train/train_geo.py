"""Train the place resolver shipped in ``src/strife/data/models/resolver/``.

Usage (no training extras needed; about two minutes, most of it spaCy parsing)::

    .venv/bin/python train/train_geo.py [--data ../shared/data] \\
        [--out src/strife/data/models/resolver/weights.json]

Material: the development parts (``strife.evaluate.geo_suite``) of TR-News, GeoVirus and
TUD-Loc2013; nothing of a held-out part is read. Every article is parsed and its toponyms
found as ``strife geoparse`` finds them; each toponym that overlaps a gold toponym with
coordinates is one example, its right readings those with the gold's GeoNames id, or within
161 km of the gold point when none has it. A conditional logit is fitted on the readings'
local features, then another on local and context features, the context computed from the
first (:func:`strife.evaluate.geo_suite.fit_model`).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from strife.evaluate.geo_suite import CORPORA, fit_model, parse_corpora, read_corpora
from strife.nlp import load_nlp
from strife.places import Gazetteer, Geoparser
from strife.places.features import FEATURES, LOCAL_FEATURES
from strife.places.ranker import ResolverModel, default_path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=default_path())
    args = parser.parse_args()
    started = time.perf_counter()
    blank = ResolverModel(np.zeros(len(LOCAL_FEATURES)), np.zeros(len(FEATURES)), {})
    geoparser = Geoparser(Gazetteer.load(), model=blank)
    corpora = read_corpora(args.data)
    dev = {name: [a for a in articles if a.part == "dev"] for name, articles in corpora.items()}
    parsed = parse_corpora(dev, load_nlp(), geoparser)
    trained_on = {
        "corpora": {name: f"development part, {len(dev[name])} articles" for name in CORPORA},
    }
    model = fit_model(parsed, trained_on)
    model.save(args.out)
    took = time.perf_counter() - started
    print(f"wrote {args.out}: {model.trained_on['toponyms']} toponyms, {took:.0f} s")


if __name__ == "__main__":
    main()
