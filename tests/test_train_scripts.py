"""The training scripts' command lines (they need torch, which only `make train` installs)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

TRAIN = Path(__file__).resolve().parent.parent / "train"


@pytest.mark.parametrize("script", ["train_typer", "cross_validate"])
def test_default_epochs_are_a_number(script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch", reason="torch is installed by `make train` only")
    monkeypatch.syspath_prepend(str(TRAIN))
    monkeypatch.setattr(sys, "argv", [script])
    module = importlib.import_module(script)
    assert module._arguments().epochs == 4
