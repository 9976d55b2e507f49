"""A store file held by another process cannot be opened: the error says so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from strife.errors import StoreError
from strife.store import Store

# The child opens the store, says so, and holds it until its stdin closes.
HOLDER = """
import sys
from strife.store import Store
with Store.open(sys.argv[1]):
    print("ready", flush=True)
    sys.stdin.read()
"""


def test_file_in_use_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "strife.duckdb"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"

        with pytest.raises(StoreError, match="in use by another process") as info:
            Store.open(path)
        assert str(path) in str(info.value)
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=30)

    # Once the other process is gone the file opens again.
    with Store.open(path) as store:
        assert store.counts()["articles"] == 0
