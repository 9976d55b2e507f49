"""The ``strife`` command line: checks arguments, calls the library, prints.

Exit status: 0 when every input was coded, 1 when any input was rejected, 2 on usage errors
(including a store that cannot be opened or an output that cannot be written), 141 when
standard output is closed before strife is done (``strife events | head -1``), the status a
shell gives ``cat`` or ``grep`` killed by SIGPIPE there. Every message on standard error is
one line.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Annotated, Any, Final, Protocol, cast

import typer
from typer.core import TyperGroup

from strife import __version__
from strife.cli.classify import classify_command
from strife.cli.code import code_command
from strife.cli.eval_events import eval_events_command
from strife.cli.eval_geo import eval_geo_command
from strife.cli.geoparse import geoparse_command
from strife.cli.serve import serve_command
from strife.cli.store import events_command, export_command, stats_command, truces_command
from strife.display import one_line, stderr_console, tell

# 128 + SIGPIPE: what a shell reports for a command that a closed pipe stopped.
CLOSED_PIPE: Final = 141
# Click's UsageError (typer.BadParameter's base): typer 0.24 and later run on a copy of
# Click of their own, so ``import click`` may name another one.
_USAGE_ERROR: Final = cast("type[Exception]", typer.BadParameter.__mro__[1])


class _UsageError(Protocol):
    exit_code: int
    ctx: Any

    def format_message(self) -> str: ...


class _Commands(TyperGroup):
    """strife's commands, with the edge every one of them shares.

    A closed standard output ends the command quietly with ``CLOSED_PIPE`` (Click would
    exit 1, which strife uses for rejected inputs), and a usage error is one line.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a reader that left shows here, not at interpreter exit
        except BrokenPipeError as exc:
            _discard_stdout()
            raise typer.Exit(CLOSED_PIPE) from exc
        except _USAGE_ERROR as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":
                raise  # its message is the help page: Click prints it as such
            error = cast(_UsageError, exc)
            tell(stderr_console(), _usage_line(error))
            raise typer.Exit(error.exit_code) from exc


def _usage_line(error: _UsageError) -> str:
    hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
    return f"strife: {error.format_message()}{hint}"


def _discard_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered must not fail again."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return  # not a file (a test's capture): nothing is flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


app = typer.Typer(
    name="strife",
    cls=_Commands,
    help="Code conflict news into PLOVER 2.0 events, with the evidence for every field.",
    no_args_is_help=True,
    add_completion=False,
)


class _StderrWarnings(logging.Handler):
    """The library's warnings, one line each on standard error: ``strife: warning: ...``.
    Errors are not repeated here: the commands report them themselves."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno != logging.WARNING:
            return
        try:
            message = one_line(record.getMessage())
            sys.stderr.write(f"strife: warning: {message}\n")  # the stream of this moment
        except (OSError, ValueError, TypeError):
            self.handleError(record)


_WARNINGS: Final = _StderrWarnings()


def _show_warnings() -> None:
    logger = logging.getLogger("strife")
    if _WARNINGS not in logger.handlers:
        logger.addHandler(_WARNINGS)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"strife {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """strife: who did what to whom, where and when, and who says so."""
    _show_warnings()


def _register() -> None:
    """Every command, by name: one line each (importing a module registers nothing)."""
    app.command("code")(code_command)
    app.command("events")(events_command)
    app.command("stats")(stats_command)
    app.command("export")(export_command)
    app.command("truces")(truces_command)
    app.command("classify")(classify_command)
    app.command("geoparse")(geoparse_command)
    app.command("serve")(serve_command)
    evaluations = typer.Typer(
        help="Measure strife against gold sets (accuracy, per-type tables).",
        no_args_is_help=True,
    )
    evaluations.command("events")(eval_events_command)
    evaluations.command("geo")(eval_geo_command)
    app.add_typer(evaluations, name="eval")


_register()


def main() -> None:
    """Entry point of the ``strife`` script."""
    app()
