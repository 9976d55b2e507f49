"""Worker processes that do not outlive the process that started them.

A worker blocked on its task queue, or loading the model, never learns that its parent
was killed (SIGKILL, the out-of-memory killer): it would wait for ever, holding its
memory. :func:`arm`, run first thing in each worker, makes it exit within a second of
its parent's death in two ways:

* on Linux, the kernel's parent-death signal (``prctl(PR_SET_PDEATHSIG)``) kills it at
  once, even in the middle of a long call that holds the interpreter;
* everywhere, a daemon thread checks every half second that the worker still has the
  same parent (an orphan is adopted by another process, so ``os.getppid`` changes).

The kernel sends the parent-death signal when the *thread* that started the worker ends,
not its process; it is armed only when that thread is the parent's main thread, which
lasts as long as the process. Workers started from other threads (a Dask nanny's, a
pool driven from a server's thread) rely on the watch alone.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import Final

WATCH_INTERVAL_S: Final = 0.5
# The status an orphaned worker exits with; nobody is left to read it but init.
ORPHANED_EXIT_STATUS: Final = 1
_PR_SET_PDEATHSIG: Final = 1  # from <linux/prctl.h>


@dataclass(frozen=True, slots=True)
class Parent:
    """The process a worker must not outlive, as seen by the thread that starts it."""

    pid: int
    main_thread: bool

    @classmethod
    def here(cls) -> Parent:
        """This process, as the parent of the workers the calling thread starts."""
        return cls(os.getpid(), threading.current_thread() is threading.main_thread())

    @classmethod
    def started_elsewhere(cls) -> Parent:
        """This process, as the parent of workers started by a thread of some library."""
        return cls(os.getpid(), main_thread=False)


def arm(parent: Parent) -> None:
    """Make this worker exit when ``parent`` dies (a process pool's ``initializer``)."""
    if parent.main_thread:
        set_parent_death_signal(signal.SIGKILL)
    # Checked after arming: a parent that died before it would never send the signal.
    if os.getppid() != parent.pid:
        os._exit(ORPHANED_EXIT_STATUS)
    watch = threading.Thread(target=_watch, args=(parent.pid,), name="strife-lifeline")
    watch.daemon = True
    watch.start()


def set_parent_death_signal(signum: int) -> bool:
    """Ask the kernel to send ``signum`` to this process when its parent thread ends;
    False where the platform has no such signal (anything but Linux) or refuses it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(WATCH_INTERVAL_S)
    # os._exit, not sys.exit: no clean-up that could block on the dead parent's pipes.
    os._exit(ORPHANED_EXIT_STATUS)
