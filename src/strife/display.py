"""What ``strife code`` shows while it runs: a progress bar, then one summary line.

The bar (on a terminal only) shows the share of input bytes read, articles, events and
rejections so far, the coding rate and the time left; the summary line names what was
coded, skipped as duplicates or already stored, rejected, the rate and each worker's
peak memory.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

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
