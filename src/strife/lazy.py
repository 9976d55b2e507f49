"""A package's names imported on first use (PEP 562), for packages whose modules a coding
worker does not all need: the worker imports the one module it uses, not its siblings'
libraries (:mod:`strife.ingest`, :mod:`strife.dedupe`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package`` that imports each name of ``homes`` (name:
    the submodule that defines it) from its submodule when it is first asked for."""

    def attribute(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{home}"), name)

    return attribute
