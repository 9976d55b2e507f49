"""The Dask worker plugin that arms :mod:`strife.scale.lifeline` in each worker of a
local cluster, and keeps torch out of it as ``--jobs`` workers do
(:func:`strife.pipeline.start_worker`).

A ``LocalCluster`` runs its scheduler and nannies inside the client process and each
worker in a process of its own, started by a nanny's thread. ``distributed`` already ends
such a worker when its nanny's pipe closes; the plugin keeps that promise whatever
``distributed`` does, as ``--jobs`` workers keep it. Imported only for a local cluster:
``distributed`` takes a second to import.
"""

from __future__ import annotations

from distributed import Worker, WorkerPlugin

from strife.pipeline import leave_torch_out
from strife.scale.lifeline import Parent, arm


class Lifeline(WorkerPlugin):
    """Each worker exits when ``parent`` (the process that started the cluster) dies, and
    does not import torch (a local cluster's workers only code)."""

    name = "strife-lifeline"

    def __init__(self, parent: Parent) -> None:
        self.parent = parent

    def setup(self, worker: Worker) -> None:
        arm(self.parent)
        leave_torch_out()
