"""What strife shows: one line per message on standard error, a progress bar, a summary,
and the consoles its tables are printed on.

Every message is one line whatever its length and whatever the terminal (scripts split
standard error on newlines), and control characters from hostile input (a file name with a
newline or an escape sequence) cannot forge a line or move the cursor. The bar (on a
terminal only) shows the share of input bytes read, articles, events and rejections so
far, the coding rate and the time left; the summary line names what was coded, skipped as
duplicates or already stored, rejected, the rate and each worker's peak memory.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from strife.runner import Summary

# C0 and C1 control characters (newline, carriage return, escape, CSI ...) and DEL.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def stderr_console() -> Console:
    """The console for standard error: messages are never wrapped, cropped or restyled.

    ``soft_wrap`` keeps a long message on one line (rich wraps at 80 columns when standard
    error is not a terminal); without markup, highlighting and emoji codes, input text is
    printed as it is.
    """
    return Console(stderr=True, soft_wrap=True, markup=False, highlight=False, emoji=False)


class _Output(Console):
    """A console on standard output that leaves a closed pipe to the command line's edge:
    rich itself would exit with status 1, which strife uses for rejected inputs."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, "the reader of standard output has left")


def stdout_console(out: TextIO | None = None, *, width: int | None = None) -> Console:
    """The console tables are printed on (``out``: standard output unless given)."""
    return _Output(file=out, width=width)


def one_line(message: str) -> str:
    """``message`` as one printable line: each run of control characters becomes a space."""
    return _CONTROLS.sub(" ", message).strip()


def tell(console: Console, message: str) -> None:
    """Print ``message`` on ``console`` as one line."""
    console.print(one_line(message))


class ProgressDisplay:
    """A rich progress bar for one run, or nothing when ``enabled`` is False."""

    def __init__(self, console: Console, *, enabled: bool) -> None:
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if enabled:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("coding"),
                BarColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[counts]}"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )

    def __enter__(self) -> ProgressDisplay:
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("coding", total=None, counts="")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, summary: Summary) -> None:
        if self._progress is None or self._task is None:
            return
        self._progress.update(
            self._task,
            total=summary.progress.total_bytes,
            completed=summary.progress.done_bytes,
            counts=progress_counts(summary),
        )


def progress_counts(summary: Summary) -> str:
    done = summary.coded + summary.already_stored
    return (
        f"{done} articles · {summary.events} events · {summary.rejected} rejected"
        f" · {summary.rate:.1f} articles/s"
    )


def summary_line(summary: Summary, db: Path | None) -> str:
    """The closing line of a run."""
    parts = [f"coded {summary.coded} articles"]
    if summary.already_stored:
        parts.append(f"{summary.already_stored} already stored")
    if summary.duplicates:
        parts.append(f"{summary.duplicates} duplicates skipped")
    if summary.near_duplicates:
        parts.append(f"{summary.near_duplicates} near duplicates kept as copies")
    parts.append(f"{summary.events} events")
    parts.append(f"{summary.rejected} rejected")
    parts.append(f"{summary.rate:.1f} articles/s")
    if summary.workers:
        peaks = ", ".join(f"{mb:.0f}" for mb in sorted(summary.workers.values(), reverse=True))
        parts.append(f"peak RSS per worker {peaks} MB")
    where = f" -> {db}" if db is not None else ""
    return "strife: " + ", ".join(parts) + where
