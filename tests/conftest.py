"""Shared test set-up. ``tests/``, ``bench/`` and ``train/`` are importable through
``pythonpath`` in pyproject.toml's ``[tool.pytest.ini_options]``."""

from __future__ import annotations
