"""The map coloured by strategy, Qt-free: a colour per establishment level, a colour
per top-level objective, which top-level objectives a process (with its
sub-processes) serves, and the legend of either colouring."""

from __future__ import annotations

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import ESTABLISHMENT_LEVELS

#: establishment level -> colour, from described (pale) to improving (deep); None: not assessed
ESTABLISHMENT_COLOURS: dict[str | None, str] = {
    "described": "#c6dbef",
    "in_use": "#6baed6",
    "measured": "#2171b5",
    "improving": "#1a7f37",
    None: "#9e9e9e",
}
#: colours of the top-level objectives, in their order (repeating after the last)
OBJECTIVE_PALETTE = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#cc79a7",
    "#0072b2",
    "#d55e00",
    "#8c6d31",
    "#7b4173",
)
#: the colour of a process that serves no objective
NO_OBJECTIVE = "#bdbdbd"
MODES = ("kind", "established", "objective")


def objective_colours(arch: Architecture) -> dict[str, str]:
    """Top-level objective id -> its colour."""
    tops = arch.objective_children(None)
    return {oid: OBJECTIVE_PALETTE[i % len(OBJECTIVE_PALETTE)] for i, oid in enumerate(tops)}


def top_objective(arch: Architecture, oid: str) -> str:
    ancestors = arch.objective_ancestors(oid)
    return ancestors[-1] if ancestors else oid


def served_objectives(arch: Architecture, pid: str) -> list[str]:
    """The top-level objectives that *pid* or one of its sub-processes contributes to
    (through any objective below them), in the objectives' order."""
    found: set[str] = set()
    for each in (pid, *arch.descendants(pid)):
        for oid in arch.contributions_of(each):
            found.add(top_objective(arch, oid))
    return [oid for oid in arch.objective_children(None) if oid in found]


def process_colours(arch: Architecture, pid: str, mode: str) -> list[str]:
    """The colours a process is painted with in *mode* ("kind": none, the map's own
    colours; "established": one; "objective": one per top-level objective served, or
    the no-objective grey)."""
    if mode == "established":
        return [ESTABLISHMENT_COLOURS[arch.processes[pid].established]]
    if mode == "objective":
        colours = objective_colours(arch)
        return [colours[o] for o in served_objectives(arch, pid)] or [NO_OBJECTIVE]
    return []


def legend(arch: Architecture, mode: str) -> list[tuple[str, str | None]]:
    """(colour, what it means) rows of the legend; the meaning is a level key, an
    objective id, or None (not assessed / no objective)."""
    if mode == "established":
        return [(ESTABLISHMENT_COLOURS[k], k) for k in (*ESTABLISHMENT_LEVELS, None)]
    if mode == "objective":
        rows: list[tuple[str, str | None]] = list(
            (colour, oid) for oid, colour in objective_colours(arch).items()
        )
        return [*rows, (NO_OBJECTIVE, None)]
    return []
