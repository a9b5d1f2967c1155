"""Rules of strategic steering, improvement and establishment (RULES.md version 2):
objectives no process serves or no KPI measures, core processes that serve no objective,
concerns without an improvement under way, overdue improvements and reviews. The
definitions are computed once per run in :mod:`procmodeler.analysis.attention` (shared
with the management view); date rules compare with the run's ``today``."""

from __future__ import annotations

from collections.abc import Iterator

from procmodeler.analysis.index import ModelIndex
from procmodeler.analysis.rules.registry import Raw, _Msg, _rule
from procmodeler.common.i18n import N_


def _objective_name(idx: ModelIndex, oid: str) -> str:
    objective = idx.arch.objectives.get(oid)
    return objective.name if objective is not None else oid


# ---------------------------------------------------------------------- strategy
@_rule(
    "strategy.objective-unserved",
    "warning",
    N_("Objective that no process serves"),
    N_(
        "An objective is reached through the everyday work of processes. When no process "
        "contributes to it, nor to any of its sub-objectives, nobody's work is steered "
        "towards it: it stays a wish."
    ),
    N_(
        "Mark the processes that contribute to the objective (the strategy matrix), or "
        "question the objective."
    ),
)
def check_objective_unserved(idx: ModelIndex) -> Iterator[Raw]:
    for oid in idx.attention.unserved:
        yield Raw(
            (oid,),
            _Msg(
                N_(
                    "No process contributes to the objective '{name}' or to any of its "
                    "sub-objectives. Say which processes serve it."
                ),
                name=_objective_name(idx, oid),
            ),
        )


@_rule(
    "strategy.objective-unmeasured",
    "warning",
    N_("Objective that no KPI measures"),
    N_(
        "Without a measure nobody can tell whether the organisation is coming closer to "
        "the objective, nor which processes move it."
    ),
    N_("Say which KPI measures the objective (or one of its sub-objectives)."),
)
def check_objective_unmeasured(idx: ModelIndex) -> Iterator[Raw]:
    for oid in idx.attention.unmeasured:
        yield Raw(
            (oid,),
            _Msg(
                N_(
                    "No KPI measures the objective '{name}' or any of its sub-objectives. "
                    "Give it a measure."
                ),
                name=_objective_name(idx, oid),
            ),
        )


@_rule(
    "strategy.core-without-objective",
    "info",
    N_("Core process that serves no objective"),
    N_(
        "A core process that contributes to no strategic objective is outside management's "
        "steering: its goals are not set, prioritised or followed up with the others."
    ),
    N_("Mark the objectives the process contributes to, or ask why it is there."),
)
def check_core_without_objective(idx: ModelIndex) -> Iterator[Raw]:
    arch = idx.arch
    contributing = {pid for _, pid in arch.contributions}
    for pid in idx.children.get(None, ()):
        if idx.processes[pid].kind != "core":
            continue
        if contributing and {pid, *arch.descendants(pid)} & contributing:
            continue
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "Core process '{name}' contributes to no strategic objective, and none "
                    "of its sub-processes does. Say which objectives it serves."
                ),
                name=idx.process_name(pid),
            ),
        )


# ---------------------------------------------------------------------- improvement
@_rule(
    "improvement.concern-unanswered",
    "warning",
    N_("Concern without an improvement under way"),
    N_(
        "A KPI of the process shows a change for the worse or a target the process cannot "
        "meet, and no improvement of the process (or of its sub-processes) is planned or "
        "ongoing: the weakness is seen but nobody works on it."
    ),
    N_("Plan an improvement that answers the concern, or start one that waits."),
)
def check_concern_unanswered(idx: ModelIndex) -> Iterator[Raw]:
    for concern in idx.attention.unanswered:
        kpis = idx.arch.kpis
        names = ", ".join(f"'{kpis[k].name}'" for k in concern.kpis if k in kpis)
        yield Raw(
            (concern.process,),
            _Msg(
                N_(
                    "'{name}' has a KPI concern ({kpis}) and no improvement planned or "
                    "ongoing on it or its sub-processes. Plan one."
                ),
                name=idx.process_name(concern.process),
                kpis=names,
            ),
            concern.kpis,
        )


@_rule(
    "improvement.overdue",
    "warning",
    N_("Improvement overdue"),
    N_(
        "An improvement that is planned or ongoing is past its due date: it is late, or "
        "the plan no longer says what is really happening."
    ),
    N_("Finish the improvement, give it a new due date, or drop it."),
)
def check_improvement_overdue(idx: ModelIndex) -> Iterator[Raw]:
    arch = idx.arch
    for iid in idx.attention.overdue_improvements:
        improvement = arch.improvements[iid]
        yield Raw(
            (iid,),
            _Msg(
                N_(
                    "The improvement '{title}' of '{name}' was due on {due} and is not "
                    "done. Finish it, give it a new date, or drop it."
                ),
                title=improvement.title,
                name=idx.process_name(improvement.process),
                due=improvement.due,
            ),
            (improvement.process,),
        )


@_rule(
    "process.review-overdue",
    "warning",
    N_("Review overdue"),
    N_(
        "The process was to be reviewed by a date that has passed: it may no longer "
        "describe how the work is done."
    ),
    N_("Review the process with its owner and set the date of the next review."),
    group="improvement",
)
def check_review_overdue(idx: ModelIndex) -> Iterator[Raw]:
    for pid in idx.attention.overdue_reviews:
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "The review of '{name}' was due on {date}. Review the process and set "
                    "the date of the next one."
                ),
                name=idx.process_name(pid),
                date=idx.processes[pid].next_review,
            ),
        )
