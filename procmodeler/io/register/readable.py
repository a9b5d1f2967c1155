"""The register workbook's sheets for people: the process register and the RACI matrix."""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from procmodeler import vocabulary as vocab
from procmodeler.common.i18n import LANGUAGES, N_, Translator, translator
from procmodeler.io.register.cells import NOT_IN_XML
from procmodeler.io.register.spec import _FORMULA_START
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import BAND_ORDER, Process

#: The two sheets' names, in the model's language. The import skips a sheet of either
#: name in any language procmodeler speaks (see :func:`readable_sheet_names`).
REGISTER_SHEET = N_("Process register")
RACI_SHEET = N_("RACI matrix")

#: Colours of the sheets (header, rows of top-level processes, RACI cells).
HEADER_FILL = "DCE6F1"
TOP_FILL = "F2F5F9"
TAKES_PART_FILL = "EAF1FB"
ACCOUNTABLE_FILL = "C6D9F1"
#: Points per line of the sheets' 11-point text, and characters of text per unit of
#: column width (a unit is a digit's width; text runs a little narrower).
LINE_HEIGHT = 15.0
CHARS_PER_WIDTH = 1.1
#: The mark of a unit that takes part but whose RACI letters are not decided yet.
UNDECIDED = "•"


def readable_sheet_names() -> frozenset[str]:
    """The names (casefolded) of the sheets for people in every language: the import
    skips them without a warning."""
    return frozenset(
        translator(lang)(name).strip().casefold()
        for lang in LANGUAGES
        for name in (REGISTER_SHEET, RACI_SHEET)
    )


@dataclass(frozen=True)
class _Column:
    """One column of the process register sheet."""

    heading: str  # msgid
    width: float  # in characters
    value: Callable[[Process], Any]
    choices: tuple[str, ...] = ()  # the words of its drop-down list, if any


def process_order(arch: Architecture) -> list[str]:
    """Every process, depth first: the top level in the landscape's band order
    (management, core, support), each followed by its sub-processes."""
    band = {kind: i for i, kind in enumerate(BAND_ORDER)}
    order: list[str] = []
    for pid in sorted(arch.top_level(), key=lambda p: band.get(arch.processes[p].kind, 0)):
        order.append(pid)
        order.extend(arch.descendants(pid))
    return order


def _register_columns(arch: Architecture, tr: Translator) -> list[_Column]:
    people, units, processes = arch.people, arch.units, arch.processes

    def person(key: str | None) -> str:
        return people[key].name if key in people else ""

    def unit_of(key: str | None) -> str:
        unit = people[key].unit if key in people else None
        return units[unit].name if unit in units else ""

    def process(key: str | None) -> str:
        return processes[key].name if key in processes else ""

    def kpis(p: Process) -> str:
        return "\n".join(arch.kpis[k].name for k in arch.kpis_of(p.id))

    def establishment(p: Process) -> str:
        return vocab.word(vocab.ESTABLISHMENT, p.established, tr) if p.established else ""

    def choices(table: dict[str, str]) -> tuple[str, ...]:
        return tuple(vocab.words(table, tr).values())

    return [
        _Column(N_("Process"), 40, lambda p: p.name),
        _Column(
            N_("Kind"),
            18,
            lambda p: vocab.word(vocab.PROCESS_KIND, p.kind, tr),
            choices(vocab.PROCESS_KIND),
        ),
        _Column(N_("Part of"), 28, lambda p: process(p.parent)),
        _Column(N_("Process owner"), 22, lambda p: person(p.owner)),
        _Column(N_("Owner's unit"), 30, lambda p: unit_of(p.owner)),
        _Column(N_("Process leader"), 22, lambda p: person(p.leader)),
        _Column(N_("Leader's unit"), 30, lambda p: unit_of(p.leader)),
        _Column(
            N_("Status"),
            17,
            lambda p: vocab.word(vocab.STATUS, p.status, tr),
            choices(vocab.STATUS),
        ),
        _Column(N_("Establishment level"), 16, establishment, choices(vocab.ESTABLISHMENT)),
        _Column(N_("Next review"), 13, lambda p: _date(p.next_review)),
        _Column(N_("Customer"), 24, lambda p: p.customer),
        _Column(N_("Need"), 32, lambda p: p.need),
        _Column(N_("Result"), 32, lambda p: p.result),
        _Column(N_("Purpose"), 44, lambda p: p.purpose),
        _Column(N_("Objects in"), 26, lambda p: "\n".join(p.objects_in)),
        _Column(N_("Objects out"), 26, lambda p: "\n".join(p.objects_out)),
        _Column(N_("KPIs of the process"), 30, kpis),
        _Column(N_("Id in the register"), 16, lambda p: str(p.original_id or p.id)),
    ]


def row_height(cells: Iterable[tuple[Any, float]]) -> float | None:
    """The height (points) a row needs to show its wrapped texts whole, from each cell's
    text and width (a spreadsheet does not always fit rows when it opens a file);
    None for a row of one line."""
    lines = 1
    for value, width in cells:
        if not isinstance(value, str) or not value:
            continue
        chars = max(4, int(width * CHARS_PER_WIDTH) - 1)
        count = sum(max(1, len(textwrap.wrap(part, chars))) for part in value.split("\n"))
        lines = max(lines, count)
    return None if lines == 1 else LINE_HEIGHT * lines + 2


def _date(text: str | None) -> datetime.date | str:
    """A ``YYYY-MM-DD`` text as a date (a spreadsheet sorts and filters it as one)."""
    if not text:
        return ""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


class _Styles:
    """The few cell styles of the sheets, made once per workbook."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.bold = Font(name="Calibri", size=11, bold=True)  # the workbook's own font
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.top_fill = PatternFill("solid", fgColor=TOP_FILL)
        self.part_fill = PatternFill("solid", fgColor=TAKES_PART_FILL)
        self.accountable_fill = PatternFill("solid", fgColor=ACCOUNTABLE_FILL)
        self.header_border = Border(bottom=Side(style="thin", color="7F8FA6"))
        self.header = Alignment(wrap_text=True, vertical="center")
        self.bottom = Alignment(wrap_text=True, vertical="bottom")
        self.rotated = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
        self.centre = Alignment(horizontal="center", vertical="top")
        self.plain = Alignment(vertical="top")
        self._wrapped: dict[int, Alignment] = {}
        self.alignment = Alignment

    def wrapped(self, indent: int = 0) -> Any:
        """Wrapped text at the top of its cell, indented by *indent* levels."""
        if indent not in self._wrapped:
            self._wrapped[indent] = self.alignment(
                horizontal="left",  # dates too; and an indent needs it
                wrap_text=True,
                vertical="top",
                indent=min(indent, 15),
            )
        return self._wrapped[indent]


def _cell(ws: Any, value: Any, font: Any = None, fill: Any = None, align: Any = None) -> Any:
    """A cell of a write-only sheet: text cleaned of what XML cannot hold, and shown
    as text even when it starts like a formula."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        value = NOT_IN_XML.sub("", value)
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    if isinstance(value, datetime.date):
        cell.number_format = "YYYY-MM-DD"
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if align is not None:
        cell.alignment = align
    return cell


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _print_setup(ws: Any, pages_wide: int) -> None:
    """Printed on A4 landscape, *pages_wide* pages across, the header row and the
    process column on every page (set before the first row: a write-only sheet writes
    its properties with it)."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.print_title_cols = "A:A"


def write_register_sheet(workbook: Any, arch: Architecture, tr: Translator, st: _Styles) -> None:
    """The process register for people: one row per process (sub-processes indented
    under their parent), names instead of ids, words instead of keys, a drop-down list
    for kind, status and establishment level, a filter and a frozen header row."""
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = workbook.create_sheet(tr(REGISTER_SHEET))
    columns = _register_columns(arch, tr)
    for i, column in enumerate(columns, start=1):
        ws.column_dimensions[_letter(i)].width = column.width
    ws.freeze_panes = "B2"
    _print_setup(ws, 3)  # some 18 columns: three pages across at a readable size
    headings = [tr(c.heading) for c in columns]
    ws.row_dimensions[1].height = row_height(zip(headings, (c.width for c in columns), strict=True))
    ws.append([_cell(ws, text, st.bold, st.header_fill, st.header) for text in headings])
    order = process_order(arch)
    for line, pid in enumerate(order, start=2):
        p = arch.processes[pid]
        depth = arch.depth(pid)
        fill = st.top_fill if depth == 0 else None
        texts = [c.value(p) for c in columns]
        widths = [columns[0].width - 2 * depth] + [c.width for c in columns[1:]]
        ws.row_dimensions[line].height = row_height(zip(texts, widths, strict=True))
        row = [_cell(ws, p.name, st.bold if depth == 0 else None, fill, st.wrapped(2 * depth))]
        row += [_cell(ws, text, None, fill, st.wrapped()) for text in texts[1:]]
        ws.append(row)
    last = len(order) + 1
    ws.auto_filter.ref = f"A1:{_letter(len(columns))}{last}"
    for i, column in enumerate(columns, start=1):
        if column.choices and not any("," in w or '"' in w for w in column.choices):
            rule = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=tr(column.heading),
                error=tr(N_("Choose one of the words in the list.")),
            )
            rule.add(f"{_letter(i)}2:{_letter(i)}{max(last, 2)}")
            ws.data_validations.append(rule)


def _raci_rows(arch: Architecture, units: list[str]) -> Iterator[tuple[str, list[str | None]]]:
    """(process id, one entry per unit: its letters, "" when it takes part without
    letters, None when it does not take part) for every process in register order."""
    for pid in process_order(arch):
        part = arch.participation_of(pid)
        yield pid, [part.get(uid) for uid in units]


def write_raci_sheet(workbook: Any, arch: Architecture, tr: Translator, st: _Styles) -> None:
    """The RACI matrix for people: processes down, units across (in the unit tree's
    order, as in the app's matrix), the letters of each participation, and a legend."""
    ws = workbook.create_sheet(tr(RACI_SHEET))
    units = list(arch.walk_units())
    ws.column_dimensions["A"].width = 44
    for i in range(len(units)):
        ws.column_dimensions[_letter(i + 2)].width = 6.5
    longest = max((len(arch.units[u].name) for u in units), default=10)
    ws.row_dimensions[1].height = min(300, 20 + 7 * longest)  # names turned upright
    ws.freeze_panes = "B2"
    _print_setup(ws, 1)
    header = [_cell(ws, tr(N_("Process")), st.bold, st.header_fill, st.bottom)]
    header += [_cell(ws, arch.units[u].name, st.bold, st.header_fill, st.rotated) for u in units]
    ws.append(header)
    count = 0
    for pid, entries in _raci_rows(arch, units):
        count += 1
        depth = arch.depth(pid)
        name = arch.processes[pid].name
        ws.row_dimensions[count + 1].height = row_height([(name, 44 - 2 * depth)])
        row = [_cell(ws, name, st.bold if depth == 0 else None, None, st.wrapped(2 * depth))]
        for letters in entries:
            if letters is None:
                row.append(_cell(ws, None))
                continue
            fill = st.accountable_fill if "A" in letters else st.part_fill
            row.append(_cell(ws, letters or UNDECIDED, st.bold, fill, st.centre))
        ws.append(row)
    ws.auto_filter.ref = f"A1:{_letter(len(units) + 1)}{count + 1}"
    ws.append([])
    ws.append([_cell(ws, tr(N_("Roles")), st.bold)])
    for letter, meaning in vocab.RACI_MEANING.items():
        ws.append([_cell(ws, f"{letter} = {tr(meaning)}")])
    undecided = tr(N_("{mark} = takes part; its role is not decided yet"))
    ws.append([_cell(ws, undecided.format(mark=UNDECIDED))])


def write_readable_sheets(workbook: Any, arch: Architecture) -> None:
    """Add the process register and the RACI matrix, in the model's language, as the
    first two sheets of a write-only *workbook* (before the register's own sheets)."""
    tr = translator(arch.meta.language)
    styles = _Styles()
    write_register_sheet(workbook, arch, tr, styles)
    write_raci_sheet(workbook, arch, tr, styles)
