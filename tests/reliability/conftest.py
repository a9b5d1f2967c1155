"""Fixtures of the reliability tests: a private per-user data folder for each test, so
that journals of one test are never found by another."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own ``PROCMODELER_DATA_DIR`` (its recovery folder is ``recovery/``)."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("PROCMODELER_DATA_DIR", str(folder))
    return folder
