"""Killing procmodeler at random moments (SIGKILL: no clean-up runs) loses nothing:

* while it saves, the file on disk always loads and is either the old or the new model;
* while it edits, the next start recovers every edit that had returned to its caller.

Modest counts here (CI); ``bench/soak.py`` runs 200 save and 50 editing trials.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.reliability.harness import kill_during_editing_trial, kill_during_save_trial

SAVE_TRIALS = 20
EDIT_TRIALS = 6


@pytest.mark.slow
def test_a_kill_during_save_always_leaves_the_old_or_the_new_model(tmp_path: Path) -> None:
    rnd = random.Random(20250301)
    trials = [
        kill_during_save_trial(tmp_path / f"trial{i}", rnd, "save" if i % 2 else "write")
        for i in range(SAVE_TRIALS)
    ]
    broken = [t for t in trials if t.outcome not in ("old", "new")]
    assert not broken, broken
    # The kills landed at different moments: some before a save completed, some after.
    assert {t.outcome for t in trials} == {"old", "new"}


@pytest.mark.slow
def test_a_kill_during_editing_loses_no_committed_edit(tmp_path: Path) -> None:
    rnd = random.Random(20250302)
    trials = [
        kill_during_editing_trial(tmp_path / f"trial{i}", rnd, "file" if i % 2 else "new")
        for i in range(EDIT_TRIALS)
    ]
    failed = [t for t in trials if not t.ok]
    assert not failed, failed
    # They were editing (hundreds of steps each) and the journal brought work back.
    assert sum(t.steps_done for t in trials) > 100
    assert any(t.offered for t in trials)
