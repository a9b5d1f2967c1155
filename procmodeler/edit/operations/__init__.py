"""Intention-named operations: every edit a user can make, each one undo entry.

Each function checks the rules (raising :class:`EditRefused` with a reason a user can
read), opens one transaction with a readable label ("Move 3 processes") and writes the
change records. The canvas, the panels and the clipboard call these; nothing else
writes to a model that has an editor. (Readers and importers build a new model at once
with ``Architecture.from_collections``: an import is not an undo history.)

Deleting a unit or a person that is still referred to is refused with the list of what
refers to it, unless ``force=True``: then the references are cleared (owner, leader,
head, person's unit, participation rows, sub-units move up to the parent) in the same
undoable step. The app asks the user before it passes ``force=True``.

One module per kind of element (``processes``, ``geometry``, ``relations``,
``organisation``, ``kpis``, ``strategy`` for objectives, contributions and improvements); ``common`` holds the prefixes and the checks they share.
Import the package: ``from procmodeler.edit import operations as ops``.
"""

from procmodeler.edit.operations.common import (
    IMPROVEMENT_PREFIX,
    KPI_PREFIX,
    OBJECTIVE_PREFIX,
    PERSON_PREFIX,
    PROCESS_PREFIX,
    PROCESS_TEXT_FIELDS,
    RELATION_PREFIX,
    RULE_VALUES,
    UNIT_PREFIX,
)
from procmodeler.edit.operations.geometry import (
    arrange,
    move_shapes,
    remove_shapes,
    route_lines,
    set_diagram_options,
    set_shape_bounds,
    set_waypoints,
    show_swimlanes,
)
from procmodeler.edit.operations.kpis import (
    add_kpi,
    delete_kpi,
    set_kpi,
    set_kpi_objective,
    set_rule,
    suppress_finding,
    unsuppress_finding,
)
from procmodeler.edit.operations.organisation import (
    add_person,
    add_unit,
    delete_person,
    delete_unit,
    describe_references,
    move_unit,
    rename_person,
    rename_unit,
    set_person_fields,
    set_unit_head,
)
from procmodeler.edit.operations.processes import (
    create_process,
    delete_processes,
    rename_process,
    reparent_process,
    set_established,
    set_leader,
    set_metadata,
    set_next_review,
    set_owner,
    set_process_fields,
    set_process_kind,
)
from procmodeler.edit.operations.relations import (
    connect,
    disconnect,
    set_participation,
    set_relation,
)
from procmodeler.edit.operations.strategy import (
    add_improvement,
    add_objective,
    delete_improvement,
    delete_objective,
    move_objective,
    rename_objective,
    set_contribution,
    set_improvement,
    set_improvement_status,
    set_objective_fields,
)
from procmodeler.model.elements import DEFAULT_SIZE

__all__ = [
    "DEFAULT_SIZE",
    "IMPROVEMENT_PREFIX",
    "KPI_PREFIX",
    "OBJECTIVE_PREFIX",
    "PERSON_PREFIX",
    "PROCESS_PREFIX",
    "PROCESS_TEXT_FIELDS",
    "RELATION_PREFIX",
    "RULE_VALUES",
    "UNIT_PREFIX",
    "add_improvement",
    "add_kpi",
    "add_objective",
    "add_person",
    "add_unit",
    "connect",
    "create_process",
    "delete_improvement",
    "delete_kpi",
    "delete_objective",
    "delete_person",
    "delete_processes",
    "delete_unit",
    "describe_references",
    "disconnect",
    "arrange",
    "move_objective",
    "move_shapes",
    "move_unit",
    "remove_shapes",
    "rename_objective",
    "route_lines",
    "rename_person",
    "rename_process",
    "rename_unit",
    "reparent_process",
    "set_contribution",
    "set_diagram_options",
    "set_established",
    "set_improvement",
    "set_improvement_status",
    "set_kpi",
    "set_kpi_objective",
    "set_leader",
    "set_metadata",
    "set_next_review",
    "set_objective_fields",
    "set_owner",
    "set_participation",
    "set_person_fields",
    "set_process_fields",
    "set_process_kind",
    "set_relation",
    "set_rule",
    "set_shape_bounds",
    "set_unit_head",
    "set_waypoints",
    "show_swimlanes",
    "suppress_finding",
    "unsuppress_finding",
]
