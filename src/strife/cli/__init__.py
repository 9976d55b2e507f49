"""strife's command line, one module per command (:mod:`strife.cli.commands` registers them).

The ``strife`` script imports :func:`main` from here, and so does each ``--jobs`` worker
process: multiprocessing's spawn runs the parent's main script in each new worker before
the worker reads a task. So ``main`` imports the commands when it runs, not when it is
imported (they take most of a second: typer, rich, the store, the readers, deduplication),
and ``app`` and ``CLOSED_PIPE`` are imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strife.cli.commands import CLOSED_PIPE, app

__all__ = ["CLOSED_PIPE", "app", "main"]


def main() -> None:
    """Entry point of the ``strife`` script."""
    importlib.import_module("strife.cli.commands").main()


def __getattr__(name: str) -> Any:
    if name in ("CLOSED_PIPE", "app"):
        return getattr(importlib.import_module("strife.cli.commands"), name)
    raise AttributeError(f"module 'strife.cli' has no attribute {name!r}")
