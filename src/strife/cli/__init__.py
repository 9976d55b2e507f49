"""strife's command line, one module per command (:mod:`strife.cli.app` registers them)."""

from strife.cli.app import CLOSED_PIPE, app, main

__all__ = ["CLOSED_PIPE", "app", "main"]
