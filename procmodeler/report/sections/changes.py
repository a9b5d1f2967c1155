"""The report's chapter "Changes since version X": an older model's semantic diff in words (``io.diffwords``, given by the caller), grouped by kind and bounded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from reportlab.platypus import Flowable, KeepTogether

from procmodeler.common.i18n import N_, Translator
from procmodeler.report.context import ReportContext
from procmodeler.report.sections.base import _chapter, _head, _table
from procmodeler.report.words import esc

#: At most this many names per list and rows per table (``io.diffwords.SHOWN``).
SHOWN = 25


class Group(Protocol):
    """One kind's changes (``io.diffwords.ChangeGroup``)."""

    @property
    def heading(self) -> str: ...
    @property
    def added(self) -> Sequence[str]: ...
    @property
    def deleted(self) -> Sequence[str]: ...
    @property
    def changed(self) -> Sequence[tuple[str, Sequence[str]]]: ...


class Summary(Protocol):
    """The changes in words (``io.diffwords.ChangeSummary``)."""

    @property
    def groups(self) -> Sequence[Group]: ...
    @property
    def diagrams(self) -> int: ...
    @property
    def shapes(self) -> int: ...
    @property
    def routes(self) -> int: ...
    @property
    def empty(self) -> bool: ...


@dataclass(frozen=True)
class Comparison:
    """What the report calls the older version (its version label, or its file's name
    when it has none) and the changes since it, in the report's language: the command
    line gives ``lambda tr: io.diffwords.summarise(old, new, tr)``."""

    label: str
    describe: Callable[[Translator], Summary]


def changes(
    ctx: ReportContext, number_: int, width: float, comparison: Comparison
) -> list[Flowable]:
    """The chapter: an introduction, then per kind what was added, deleted and changed,
    the layout in one line."""
    tr = ctx.tr
    story = _chapter(ctx, number_, since(comparison.label, tr), "changes")
    summary = comparison.describe(tr)
    if summary.empty:
        story.append(ctx.p(esc(tr("Nothing in the model has changed since that version."))))
        return story
    intro = tr(
        "What changed in the model since {version}, compared element by element: what "
        "was added, what was removed and which fields changed, kind by kind."
    ).format(version=_version(comparison.label, tr))
    story.append(ctx.p(esc(intro)))
    for group in summary.groups:
        story.append(ctx.p(esc(group.heading), "h2"))
        for label, names in ((N_("Newly added"), group.added), (N_("Deleted"), group.deleted)):
            if names:
                text = f"<b>{esc(tr(label))} ({len(names)}):</b> {esc(_bounded(names, tr))}"
                story.append(ctx.p(text))
        if group.changed:
            story.append(_changed_table(ctx, group.changed, width))
    if summary.diagrams:
        story.append(ctx.p(esc(tr("Layout")), "h2"))
        story.append(ctx.p(esc(_layout_line(tr, summary))))
    return story


def since(label: str, tr: Translator) -> str:
    """The chapter's title: "Changes since version 2.1", or "Changes since Version 2.1
    (adopted)" when the label already says it is a version."""
    return tr("Changes since {version}").format(version=_version(label, tr))


def _version(label: str, tr: Translator) -> str:
    if label.lower().startswith(tr("version").lower()):
        return label
    return tr("version {version}").format(version=label)


def _bounded(names: Sequence[str], tr: Translator) -> str:
    """``a, b, c`` or ``a, b and 12 more``."""
    if len(names) <= SHOWN:
        return ", ".join(names)
    rest = len(names) - SHOWN
    return tr.n("{names} and {n} more", "{names} and {n} more", rest).format(
        names=", ".join(names[:SHOWN]), n=rest
    )


def _changed_table(
    ctx: ReportContext, rows: Sequence[tuple[str, Sequence[str]]], width: float
) -> Flowable:
    """Name | what changed, at most SHOWN rows, the rest counted below."""
    tr = ctx.tr
    name_w = min(190.0, width * 0.34)
    table_rows: list[list[object]] = [_head(ctx, N_("Name"), N_("What changed"))]
    for name, lines in rows[:SHOWN]:
        what = ctx.p("<br/>".join(esc(line).replace("\n", "<br/>") for line in lines), "cell")
        table_rows.append([ctx.cell(name, name_w), what])
    table = _table(ctx, table_rows, [name_w, width - name_w])
    if len(rows) <= SHOWN:
        return table
    rest = len(rows) - SHOWN
    more = tr.n(
        "{n} more changed element is not listed.", "{n} more changed elements are not listed.", rest
    )
    return KeepTogether([table, ctx.p(esc(more.format(n=rest)), "small")])


def _layout_line(tr: Translator, summary: Summary) -> str:
    """One line: in how many diagrams how many shapes moved and connections were redrawn."""
    text = tr.n(
        "The layout changed in {n} diagram:",
        "The layout changed in {n} diagrams:",
        summary.diagrams,
    ).format(n=summary.diagrams)
    shapes = tr.n(
        "{n} shape placed, moved or resized", "{n} shapes placed, moved or resized", summary.shapes
    ).format(n=summary.shapes)
    routes = tr.n("{n} connection redrawn", "{n} connections redrawn", summary.routes).format(
        n=summary.routes
    )
    return f"{text} {shapes}, {routes}. " + tr("Layout changes are not listed one by one.")
