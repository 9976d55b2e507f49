"""``strife geoparse FILE...``: the toponyms of texts, resolved to GeoNames, as JSON lines.

Input: ``.jsonl``/``.ndjson`` files of ``{"id", "text"}`` objects, or any other file read
whole as one plain UTF-8 text (its id is its path). Output: one line per text,
``{"id", "places": [{"start", "end", "text", "geonameid", "lat", "lon", "country_code",
"feature_code", "resolved_place", "level", "resolved_by"}]}``, offsets into the text as
given.

Every toponym is reported, as a geoparser does: countries named as actors ("Russia said")
and demonyms ("Turkish troops") too; ``--places-only`` keeps only names used as places,
which is what ``strife code`` codes events at.

Every input is geoparsed or rejected with its reason on one line (a missing or unreadable
file, a bad JSON line, a text longer than the coder's limit); the others go on. Exit
status: 0 when every text was geoparsed, 1 when one was rejected, 2 on usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from strife.cli.options import reject

BATCH_SIZE = 16


def geoparse_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help='Files: .jsonl/.ndjson of {"id", "text"}, or plain UTF-8 text files.',
            show_default=False,
        ),
    ],
    places_only: Annotated[
        bool,
        typer.Option(
            "--places-only",
            help="Only names used as places (not countries named as actors, nor demonyms).",
        ),
    ] = False,
) -> None:
    """Find and resolve the toponyms of texts; print one JSON line per text."""
    from strife.errors import InputError
    from strife.nlp import load_nlp
    from strife.pipeline import chunks
    from strife.places.geoparser import Geoparser
    from strife.places.texts import every_text, geoparse_batch

    nlp, geoparser = load_nlp(), Geoparser.load()
    rejected = 0
    for batch in chunks(every_text(paths), BATCH_SIZE):
        for result in geoparse_batch(nlp, geoparser, batch, every_toponym=not places_only):
            if isinstance(result, InputError):
                rejected += 1
                reject(result.source, result.reason)
            else:
                sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if rejected else 0)
