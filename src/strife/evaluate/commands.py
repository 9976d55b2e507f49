"""``strife eval ...``: accuracy of strife's stages on gold sets.

Each evaluation registers its command on ``eval_app`` in its own module; this module only
collects them.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Measure strife against gold sets (accuracy, per-type tables).",
    no_args_is_help=True,
)

# Evaluations register below, one import each (the import registers the command).
import strife.evaluate.geo_commands  # noqa: E402, F401  (strife eval geo)
from strife.evaluate import plover  # noqa: E402, F401
