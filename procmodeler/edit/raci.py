"""The participation matrix's letter editing, Qt-free: the cycle, the toggle and the
check that warns of a second accountable unit in a cell."""

from __future__ import annotations

from procmodeler.model.elements import RACI

#: what a click on a cell steps through: nothing, then each single letter
CYCLE: tuple[str | None, ...] = (None, "R", "A", "C", "I")


def next_in_cycle(letters: str | None) -> str | None:
    """The value after *letters* when a cell is clicked: none → R → A → C → I → none;
    "takes part, no letters yet" goes to R, several letters to none."""
    if letters == "":
        return "R"
    if letters in CYCLE:
        return CYCLE[(CYCLE.index(letters) + 1) % len(CYCLE)]
    return None


def toggled(letters: str | None, letter: str) -> str:
    """*letters* with *letter* added or removed, in RACI order."""
    current = set(letters or "")
    current ^= {letter}
    return "".join(x for x in RACI if x in current)


def accountable_count(rows: dict[str, str]) -> int:
    """How many units of a process's participation rows (unit -> letters) are accountable."""
    return sum(1 for letters in rows.values() if "A" in letters)
