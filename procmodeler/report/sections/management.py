"""The management summary's lists of what to act on, each line naming process and person."""

from __future__ import annotations

import datetime
from dataclasses import replace

from reportlab.platypus import Flowable, KeepTogether, Spacer

from procmodeler.analysis import Finding
from procmodeler.analysis.attention import UNDER_WAY, Attention, Concern, attention
from procmodeler.analysis.xmr import KpiAnalysis, analyse_kpi
from procmodeler.common.i18n import N_
from procmodeler.model.elements import Kpi
from procmodeler.notation.kpi import traffic_light
from procmodeler.report.context import ReportContext, finding_order
from procmodeler.report.sections.base import SUMMARY_FINDINGS, _head, _severity_chip, _table
from procmodeler.report.words import esc, long_date, number, word
from procmodeler.vocabulary import ASSURANCE, IMPROVEMENT_STATUS, VARIATION

RED = "#b3261e"
GREY = "#59636e"
#: Rules whose findings the lists above the top findings already name, line by line.
LISTED_RULES = (
    "kpi.special-cause-concern",
    "kpi.target-not-capable",
    "improvement.concern-unanswered",
    "improvement.overdue",
    "process.review-overdue",
    "strategy.objective-unserved",
    "strategy.objective-unmeasured",
)


def management(ctx: ReportContext, width: float) -> list[Flowable]:
    """What management should act on, as of the report's date: KPIs that signal a
    concern or cannot meet their target, objectives not served or not measured, overdue
    improvements and reviews, and the most serious other findings."""
    tr = ctx.tr
    found = scoped_attention(ctx)
    story: list[Flowable] = [ctx.p(esc(tr("What to act on")), "h2")]
    lists = (
        _kpi_concerns(ctx, found, width)
        + _off_target(ctx, found, width)
        + _objective_gaps(ctx, found, width)
        + _overdue(ctx, found, width)
    )
    date = long_date(ctx.today, tr)
    if lists:
        intro = tr(
            "As of {date}, management should act on the following, drawn from the KPIs' "
            "process behaviour charts, the objectives, the improvements and the model "
            "checks. Each line names the process and the person who should act."
        )
    else:
        intro = tr(
            "As of {date} no KPI signals a concern or misses its target for good, every "
            "objective is served and measured, and no improvement or review is overdue."
        )
    story.append(ctx.p(esc(intro.format(date=date))))
    return story + lists + _top_findings(ctx, width)


def scoped_attention(ctx: ReportContext) -> Attention:
    """What management should act on, as the app's management view lists it; in a
    report of one process only what concerns that process and its sub-processes (an
    objective when one of them serves it or one of their KPIs measures it)."""
    found = attention(ctx.arch, ctx.today.isoformat())
    if ctx.scope is None:
        return found
    arch, scope = ctx.arch, ctx.in_scope
    served = {oid for pid in scope for oid in arch.contributions_of(pid)}
    measured = {k.objective for k in arch.kpis.values() if k.process in scope and k.objective}
    return replace(
        found,
        unanswered=tuple(c for c in found.unanswered if c.process in scope),
        answered=tuple(c for c in found.answered if c.process in scope),
        unserved=tuple(o for o in found.unserved if o in measured),
        unmeasured=tuple(o for o in found.unmeasured if o in served),
        overdue_improvements=tuple(
            i for i in found.overdue_improvements if arch.improvements[i].process in scope
        ),
        overdue_reviews=tuple(p for p in found.overdue_reviews if p in scope),
    )


# ---------------------------------------------------------------------- people
def owner_markup(ctx: ReportContext, pid: str) -> str:
    """The person who answers for a process, with their unit, as cell markup: named,
    inherited from a parent process (said so), or "No process owner" in red."""
    tr = ctx.tr
    own = ctx.owners.get(pid)
    if own is None or own.person is None or own.source is None:
        return f"<font color='{RED}'><b>{esc(tr('No process owner'))}</b></font>"
    text = _person_markup(ctx, own.person)
    if own.source != pid:
        whose = tr("inherited from {process}").format(process=ctx.name(own.source))
        text += f"<br/><font color='{GREY}'>{esc(whose)}</font>"
    return text


def _person_markup(ctx: ReportContext, person_id: str | None, missing: str = "") -> str:
    """``<b>Name</b> (Unit)``, or *missing* (translated, in red) when nobody is named."""
    person = ctx.arch.people.get(person_id) if person_id else None
    if person is None:
        return f"<font color='{RED}'>{esc(ctx.tr(missing))}</font>" if missing else ""
    text = f"<b>{esc(person.name)}</b>"
    unit = ctx.arch.units.get(person.unit) if person.unit else None
    return text + (f" ({esc(unit.name)})" if unit is not None else "")


def _process_markup(ctx: ReportContext, pid: str) -> str:
    """The process's name (a link) with the chain of its parents when it has any."""
    arch = ctx.arch
    parents = [ctx.name(a) for a in reversed(arch.ancestors(pid))]
    text = f"<b>{ctx.link(pid)}</b>"
    if parents:
        text += f"<br/><font size=7 color='{GREY}'>{esc(' › '.join(parents))}</font>"
    return text


# ---------------------------------------------------------------------- KPIs
def verdict(ctx: ReportContext, kpi: Kpi, result: KpiAnalysis) -> str:
    """What the KPI's process behaviour chart says, in words, as markup."""
    tr = ctx.tr
    parts: list[str] = []
    unit = f"\u00a0{kpi.measure}" if kpi.measure else ""
    if result.variation == "special_cause_concern":
        latest = kpi.series[-1]
        said = tr("the latest value, {value} ({period}), signals a change for the worse.").format(
            value=number(latest.value, tr) + unit, period=latest.period
        )
        parts.append(f"<b>{esc(word(VARIATION, 'special_cause_concern', tr))}:</b> {esc(said)}")
    if result.assurance == "consistent_fail" and kpi.target is not None:
        last = result.segments[-1]
        said = tr(
            "the target is {target}, but as the process runs its values vary between "
            "{lower} and {upper}."
        ).format(
            target=number(kpi.target, tr) + unit,
            lower=number(round(last.lower or 0.0, 1), tr),
            upper=number(round(last.upper or 0.0, 1), tr) + unit,
        )
        parts.append(f"<b>{esc(word(ASSURANCE, 'consistent_fail', tr))}:</b> {esc(said)}")
    return "<br/>".join(parts)


def _answer(ctx: ReportContext, concern: Concern, kpi: Kpi) -> str:
    """The improvements under way that answer a concern (those meant to move this KPI
    first), or that none does, with any ideas on the process."""
    arch, tr = ctx.arch, ctx.tr
    chosen = [i for i in concern.answered_by if arch.improvements[i].kpi == kpi.id]
    chosen = chosen or list(concern.answered_by)
    if chosen:
        return "<br/>".join(_improvement_markup(ctx, iid) for iid in chosen)
    text = f"<font color='{RED}'><b>{esc(tr('No improvement planned or under way'))}</b></font>"
    family = [concern.process, *arch.descendants(concern.process)]
    ideas = [
        i for p in family for i in arch.improvements_of(p) if arch.improvements[i].status == "idea"
    ]
    for iid in ideas[:2]:
        idea = arch.improvements[iid]
        who = ctx.person(idea.responsible)
        line = tr("Idea: {title}").format(title=idea.title) + (f" ({who})" if who else "")
        text += f"<br/><font color='{GREY}'>{esc(line)}</font>"
    return text


def _improvement_markup(ctx: ReportContext, iid: str) -> str:
    """``Title`` – status, responsible, due date (overdue in red)."""
    tr = ctx.tr
    imp = ctx.arch.improvements[iid]
    parts = [word(IMPROVEMENT_STATUS, imp.status, tr)]
    who = ctx.person(imp.responsible)
    if who:
        parts.append(who)
    text = f"{esc(imp.title)}<br/><font color='{GREY}'>{esc(', '.join(parts))}"
    if imp.due:
        due = tr("due {date}").format(date=long_date(datetime.date.fromisoformat(imp.due), tr))
        late = imp.status in UNDER_WAY and imp.due < ctx.today.isoformat()
        text += ", " + (f"<font color='{RED}'>{esc(due)}</font>" if late else esc(due))
    return text + "</font>"


def _kpi_concerns(ctx: ReportContext, found: Attention, width: float) -> list[Flowable]:
    """One row per KPI that signals a concern or cannot meet its target; processes
    without an improvement under way first."""
    arch, tr = ctx.arch, ctx.tr
    rows: list[list[object]] = [
        _head(
            ctx,
            N_("Process"),
            N_("Process owner"),
            N_("KPI and what its chart says"),
            N_("Improvement that answers it"),
        )
    ]
    for concern in (*found.unanswered, *found.answered):
        for kid in concern.kpis:
            kpi = arch.kpis[kid]
            rows.append(
                [
                    ctx.p(_process_markup(ctx, concern.process), "cell"),
                    ctx.p(owner_markup(ctx, concern.process), "cell"),
                    ctx.p(
                        f"<b>{esc(kpi.name)}</b><br/>{verdict(ctx, kpi, analyse_kpi(kpi))}", "cell"
                    ),
                    ctx.p(_answer(ctx, concern, kpi), "cell"),
                ]
            )
    if len(rows) == 1:
        return []
    title = tr("KPIs that signal a concern or cannot meet their target ({n})").format(
        n=len(rows) - 1
    )
    widths = [width * 0.2, width * 0.19, width * 0.34, width * 0.27]
    return [ctx.p(esc(title), "h3"), _table(ctx, rows, widths)]


def off_target(ctx: ReportContext, found: Attention) -> list[Kpi]:
    """KPIs whose latest value is off target (a red light: more than 10 % from it) that
    the list of concerns does not name already, in the model's order."""
    listed = {k for c in (*found.unanswered, *found.answered) for k in c.kpis}
    return [
        kpi
        for kpi in ctx.arch.kpis.values()
        if kpi.id not in listed and kpi.process in ctx.in_scope and traffic_light(kpi) == "red"
    ]


def _off_target(ctx: ReportContext, found: Attention, width: float) -> list[Flowable]:
    """One row per other KPI off target, with what its chart says of it (for most, that
    the process hits and misses the target: no signal to act on by itself)."""
    tr = ctx.tr
    kpis = off_target(ctx, found)
    if not kpis:
        return []
    rows: list[list[object]] = [
        _head(ctx, N_("Process"), N_("Process owner"), N_("KPI and what its chart says"))
    ]
    for kpi in kpis:
        unit = f"\u00a0{kpi.measure}" if kpi.measure else ""
        said = tr("latest value {value} against the target {target}").format(
            value=number(kpi.actual, tr) + unit, target=number(kpi.target, tr) + unit
        )
        if kpi.series:
            chart = word(ASSURANCE, analyse_kpi(kpi).assurance, tr)
        else:
            chart = tr("no measurements over time")
        rows.append(
            [
                ctx.p(_process_markup(ctx, kpi.process), "cell"),
                ctx.p(owner_markup(ctx, kpi.process), "cell"),
                ctx.p(f"<b>{esc(kpi.name)}</b>: {esc(said)}; {esc(chart.lower())}", "cell"),
            ]
        )
    title = tr("Other KPIs off target at their latest value ({n})").format(n=len(kpis))
    widths = [width * 0.25, width * 0.25, width * 0.5]
    return [ctx.p(esc(title), "h3"), _table(ctx, rows, widths)]


# ---------------------------------------------------------------------- objectives
def _objective_gaps(ctx: ReportContext, found: Attention, width: float) -> list[Flowable]:
    """Objectives that no process serves or no KPI measures, with their owners."""
    arch, tr = ctx.arch, ctx.tr
    gaps = list(dict.fromkeys((*found.unserved, *found.unmeasured)))
    if not gaps:
        return []
    rows: list[list[object]] = [_head(ctx, N_("Objective"), N_("Owner"), N_("What is missing"))]
    order = list(arch.walk_objectives())
    for oid in sorted(gaps, key=order.index):
        objective = arch.objectives[oid]
        missing = []
        if oid in found.unserved:
            missing.append(tr("No process contributes to it"))
        if oid in found.unmeasured:
            missing.append(tr("No KPI measures it"))
        rows.append(
            [
                ctx.p(f"<b>{esc(objective.name)}</b>", "cell"),
                ctx.p(_person_markup(ctx, objective.owner, N_("No owner")), "cell"),
                ctx.p(esc("; ".join(missing)), "cell"),
            ]
        )
    title = tr("Objectives not served or not measured ({n})").format(n=len(gaps))
    widths = [width * 0.39, width * 0.27, width * 0.34]
    return [ctx.p(esc(title), "h3"), _table(ctx, rows, widths)]


# ---------------------------------------------------------------------- overdue
def _overdue(ctx: ReportContext, found: Attention, width: float) -> list[Flowable]:
    """Improvements and reviews that are overdue as of the report's date."""
    arch, tr = ctx.arch, ctx.tr
    rows: list[list[object]] = [
        _head(ctx, N_("What"), N_("Process"), N_("Who should act"), N_("Due"))
    ]
    for iid in found.overdue_improvements:
        imp = arch.improvements[iid]
        rows.append(
            [
                ctx.p(
                    f"<b>{esc(imp.title)}</b><br/>{esc(word(IMPROVEMENT_STATUS, imp.status, tr))}",
                    "cell",
                ),
                ctx.p(_process_markup(ctx, imp.process), "cell"),
                ctx.p(_person_markup(ctx, imp.responsible, N_("No responsible person")), "cell"),
                ctx.p(_late(ctx, imp.due or ""), "cell"),
            ]
        )
    for pid in found.overdue_reviews:
        rows.append(
            [
                ctx.p(f"<b>{esc(tr('Review of the process'))}</b>", "cell"),
                ctx.p(_process_markup(ctx, pid), "cell"),
                ctx.p(owner_markup(ctx, pid), "cell"),
                ctx.p(_late(ctx, arch.processes[pid].next_review or ""), "cell"),
            ]
        )
    if len(rows) == 1:
        return []
    title = tr("Overdue improvements and reviews ({n})").format(n=len(rows) - 1)
    widths = [width * 0.33, width * 0.25, width * 0.24, width * 0.18]
    return [ctx.p(esc(title), "h3"), _table(ctx, rows, widths)]


def _late(ctx: ReportContext, due: str) -> str:
    """The due date and how many days it is past the report's date."""
    tr = ctx.tr
    day = datetime.date.fromisoformat(due)
    days = (ctx.today - day).days
    late = tr.n("{n} day overdue", "{n} days overdue", days).format(n=days)
    return f"{esc(long_date(day, tr))}<br/><font color='{RED}'>{esc(late)}</font>"


# ---------------------------------------------------------------------- findings
def top_findings(ctx: ReportContext) -> list[Finding]:
    """Up to SUMMARY_FINDINGS unsuppressed errors and warnings that the lists above do
    not name already: one per rule first, most serious first."""
    active = sorted(
        (f for f in ctx.result.active if f.severity != "info" and f.rule not in LISTED_RULES),
        key=finding_order,
    )
    chosen: list[Finding] = []
    seen: set[str] = set()
    for finding in active:
        if finding.rule not in seen:
            chosen.append(finding)
            seen.add(finding.rule)
    chosen += [f for f in active if f not in chosen]
    return sorted(chosen[:SUMMARY_FINDINGS], key=finding_order)


def _who_acts(ctx: ReportContext, finding: Finding) -> str:
    """The person who should act on a finding: the process's owner (named or inherited),
    an objective's owner or an improvement's responsible person."""
    arch, tr = ctx.arch, ctx.tr
    first = finding.elements[0] if finding.elements else ""
    if first in arch.processes:
        if ctx.owners[first].source is None:
            return f"<font color='{RED}'><b>{esc(tr('No process owner: management appoints one'))}</b></font>"
        return owner_markup(ctx, first)
    if first in arch.objectives:
        return _person_markup(ctx, arch.objectives[first].owner, N_("No owner"))
    if first in arch.improvements:
        return _person_markup(
            ctx, arch.improvements[first].responsible, N_("No responsible person")
        )
    return ""


def _top_findings(ctx: ReportContext, width: float) -> list[Flowable]:
    """The counts of the model checks' findings and the most serious others, each with
    the process it is about and who should act."""
    tr = ctx.tr
    counts = ctx.result.summary
    text = tr("The model checks found {errors}, {warnings} and {notes}.").format(
        errors=tr.n("{n} error", "{n} errors", counts["error"]).format(n=counts["error"]),
        warnings=tr.n("{n} warning", "{n} warnings", counts["warning"]).format(n=counts["warning"]),
        notes=tr.n("{n} note", "{n} notes", counts["info"]).format(n=counts["info"]),
    )
    suppressed = len(ctx.result.suppressed)
    if suppressed:
        text += " " + tr.n(
            "{n} more finding is suppressed with a written justification.",
            "{n} more findings are suppressed with a written justification.",
            suppressed,
        ).format(n=suppressed)
    story: list[Flowable] = [ctx.p(esc(tr("Most important findings")), "h3"), ctx.p(esc(text))]
    chosen = top_findings(ctx)
    if not chosen:
        return [KeepTogether(story)]
    rows: list[list[object]] = [_head(ctx, N_("Finding"), N_("Process"), N_("Who should act"))]
    for finding in chosen:
        first = finding.elements[0] if finding.elements else ""
        where = _process_markup(ctx, first) if first in ctx.arch.processes else ""
        rows.append(
            [
                ctx.p(f"{_severity_chip(ctx, finding.severity)} {esc(finding.message)}", "cell"),
                ctx.p(where, "cell"),
                ctx.p(_who_acts(ctx, finding), "cell"),
            ]
        )
    widths = [width * 0.52, width * 0.23, width * 0.25]
    return [KeepTogether([*story, _table(ctx, rows, widths)]), Spacer(1, 4)]
