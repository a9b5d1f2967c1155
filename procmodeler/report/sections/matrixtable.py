"""The report's participation (RACI) matrix chapter."""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    Spacer,
    Table,
)

from procmodeler.common.i18n import N_
from procmodeler.model.elements import RACI
from procmodeler.report import fonts
from procmodeler.report.context import ReportContext
from procmodeler.report.sections.base import (
    MATRIX_NAME_WIDTH,
    MATRIX_UNIT_WIDTH,
    VerticalLabel,
    _chapter,
    _muted,
)
from procmodeler.report.theme import RULE, plain_style
from procmodeler.report.words import (
    RACI_LETTERS,
    esc,
)


# ---------------------------------------------------------------------- matrix
def matrix(ctx: ReportContext, number_: int, narrow: float, wide: float) -> list[Flowable]:
    """Process x unit with the RACI letters, for the top two levels: on portrait pages
    when every unit fits across one, else on landscape pages, in chunks of units."""
    arch, tr = ctx.arch, ctx.tr
    rows_pids = ctx.sectioned  # the processes with a section (all but in huge models)
    in_rows = set(rows_pids)
    used_units = {uid for (pid, uid) in arch.participation if pid in in_rows}
    units = [u for u in arch.walk_units() if u in used_units]
    units += [u for u in used_units if u not in units]
    fits_portrait = MATRIX_NAME_WIDTH + len(units) * MATRIX_UNIT_WIDTH <= narrow
    width = narrow if fits_portrait else wide
    story = _chapter(
        ctx,
        number_,
        tr("Participation: processes and units"),
        "matrix",
        template="body" if fits_portrait else "wide",
    )
    story.append(
        ctx.p(
            esc(
                tr(
                    "Which organisational units take part in the processes of the top two "
                    "levels, and in which roles. Each process should have exactly one "
                    "accountable unit (A)."
                )
            ),
        )
    )
    legend = "\u2003".join(f"<b>{letter}</b> {esc(tr(RACI_LETTERS[letter]))}" for letter in RACI)
    story.append(ctx.p(legend, "small"))
    if ctx.sections_omitted:
        story.append(
            ctx.p(
                esc(
                    tr(
                        "The rows are the first {shown} of the {total} processes at the top "
                        "two levels, as in the chapter on the processes."
                    ).format(shown=len(rows_pids), total=len(rows_pids) + ctx.sections_omitted)
                ),
                "small",
            )
        )
    story.append(Spacer(1, 6))
    if not units or not rows_pids:
        story.append(_muted(ctx, N_("No participation recorded for these processes.")))
        return story
    per_chunk = max(1, int((width - MATRIX_NAME_WIDTH) // MATRIX_UNIT_WIDTH))
    # the name column takes the room the units leave (up to a limit)
    name_w = min(MATRIX_NAME_WIDTH * 1.6, width - min(per_chunk, len(units)) * MATRIX_UNIT_WIDTH)
    label_h = VerticalLabel.height_for([ctx.unit(u) for u in units])
    chunks = [units[i : i + per_chunk] for i in range(0, len(units), per_chunk)]
    for index, chunk in enumerate(chunks):
        if len(chunks) > 1:
            first = index * per_chunk + 1
            story.append(
                ctx.p(
                    esc(
                        tr("Units {first}\u2013{last} of {n}").format(
                            first=first, last=first + len(chunk) - 1, n=len(units)
                        )
                    ),
                    "h4",
                )
            )
        table = _matrix_table(ctx, rows_pids, chunk, name_w, label_h)
        story.append(table)
        story.append(Spacer(1, 12))
    return story


def _matrix_table(
    ctx: ReportContext, rows_pids: list[str], chunk: list[str], name_w: float, label_h: float
) -> Table:
    """One table of the matrix: the processes down, the units of *chunk* across."""
    arch, tr = ctx.arch, ctx.tr
    header: list[object] = [ctx.p(esc(tr("Process")), "head")]
    header += [VerticalLabel(ctx.unit(u), label_h) for u in chunk]
    rows: list[list[object]] = [header]
    extra: list[tuple[object, ...]] = [
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
        ("LINEAFTER", (0, 0), (-2, -1), 0.3, RULE),
    ]
    extra.append(("FONTNAME", (1, 1), (-1, -1), fonts.font(True)))
    for r, pid in enumerate(rows_pids, 1):
        top = ctx.level(pid) == 0
        name = ctx.name(pid) if top else "\u2003" + ctx.name(pid)
        row: list[object] = [ctx.cell(name, name_w, bold=top)]
        if top:
            extra.append(("FONTNAME", (0, r), (0, r), fonts.font(True)))
        letters_of = arch.participation_of(pid)
        for c, uid in enumerate(chunk, 1):
            letters = letters_of.get(uid)
            if letters is None:
                row.append([])  # an empty cell that costs nothing to draw
                continue
            row.append(letters or "\u00b7")
            if "A" in letters:
                extra.append(("BACKGROUND", (c, r), (c, r), ctx.theme.primary_mid))
        rows.append(row)
        if top:
            extra.append(("LINEABOVE", (0, r), (-1, r), 0.8, ctx.theme.primary))
    table = Table(
        rows,
        colWidths=[name_w] + [MATRIX_UNIT_WIDTH] * len(chunk),
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(ctx.theme.table_style())
    table.setStyle(plain_style(extra))
    return table
