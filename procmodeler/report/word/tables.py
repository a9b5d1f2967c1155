"""A reportlab table as a real Word table: widths, repeated header rows, spans, cell colours and text, flowables inside cells."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table as DocxTable
from reportlab.lib import colors
from reportlab.platypus import Table

from procmodeler.report.theme import RULE
from procmodeler.report.word import ooxml
from procmodeler.report.word.styles import hex6, is_bold

if TYPE_CHECKING:
    from procmodeler.report.word.convert import Container, WordWriter

_ALIGN = {"RIGHT": WD_ALIGN_PARAGRAPH.RIGHT, "CENTER": WD_ALIGN_PARAGRAPH.CENTER}
_CELL_PADDING = 10.0  # points a cell's content is narrower than its column
PAGEREF = "\x00pageref:"


def _index(value: int, count: int) -> int:
    return value + count if value < 0 else value


def _box(start: Any, stop: Any, cols: int, rows: int) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) of a style command's range."""
    return (
        _index(int(start[0]), cols),
        _index(int(start[1]), rows),
        _index(int(stop[0]), cols),
        _index(int(stop[1]), rows),
    )


def column_widths(table: Table, width: float) -> list[float]:
    """The table's column widths in points, the unknown ones sharing what is left, all
    scaled down when together wider than *width*."""
    given = list(table._colWidths)
    known = [float(w) for w in given if isinstance(w, (int, float))]
    unknown = len(given) - len(known)
    rest = max(20.0 * unknown, width - sum(known)) / unknown if unknown else 0.0
    widths = [float(w) if isinstance(w, (int, float)) else rest for w in given]
    total = sum(widths)
    if total > width > 0:
        widths = [w * width / total for w in widths]
    return widths


class TableWriter:
    """Writes reportlab tables for a :class:`WordWriter` (which converts cell flowables)."""

    def __init__(self, writer: WordWriter) -> None:
        self.writer = writer

    def write(self, table: Table, into: Container, width: float) -> None:
        values = table._cellvalues
        rows, cols = len(values), (len(values[0]) if values else 0)
        if not rows or not cols:
            return
        widths = column_widths(table, width)
        word = into.add_table(rows=rows, cols=cols)
        word.style = self.writer.styles.table_style
        # the style's header look only for a table whose first row is a header
        look = word._tbl.tblPr.find(qn("w:tblLook"))
        if look is not None:  # the attributes, and the older bit mask LibreOffice reads
            headed = self._headed(table, cols, rows)
            look.set(qn("w:firstRow"), "1" if headed else "0")
            look.set(qn("w:firstColumn"), "0")
            look.set(qn("w:val"), f"{0x0400 | (0x0020 if headed else 0):04X}")
        word.alignment = WD_TABLE_ALIGNMENT.LEFT
        word.autofit = False
        ooxml.table_rules(word._tbl, hex6(RULE))
        for column, column_width in zip(word.columns, widths, strict=True):
            column.width = Pt(column_width)  # the grid: LibreOffice lays a fixed table out by it
        cells = [row.cells for row in word.rows]
        for r in range(rows):
            for c in range(cols):
                cells[r][c].width = Pt(widths[c])
        covered = self._spans(table, cells, cols, rows)
        self._header_rows(table, word, rows)
        self._backgrounds(table, cells, cols, rows)
        for r in range(rows):
            for c in range(cols):
                if (r, c) not in covered:
                    self._cell(table, r, c, cells[r][c], widths[c])

    def _spans(self, table: Table, cells: list[Any], cols: int, rows: int) -> set[tuple[int, int]]:
        """Merge the SPAN ranges; the (row, column) of the cells merged away."""
        covered: set[tuple[int, int]] = set()
        for command in getattr(table, "_spanCmds", []):
            sc, sr, ec, er = _box(command[1], command[2], cols, rows)
            if (sc, sr) == (ec, er):
                continue
            cells[sr][sc].merge(cells[er][ec])
            covered |= {(r, c) for r in range(sr, er + 1) for c in range(sc, ec + 1)}
            covered.discard((sr, sc))
        return covered

    def _headed(self, table: Table, cols: int, rows: int) -> bool:
        """Whether the first row is a header: shaded in the primary colour."""
        primary = hex6(self.writer.ctx.theme.primary)
        for command in getattr(table, "_bkgrndcmds", []):
            if command[0] == "BACKGROUND" and _box(command[1], command[2], cols, rows)[1] == 0:
                try:
                    if hex6(colors.toColor(command[3])) == primary:
                        return True
                except (ValueError, TypeError, AttributeError):
                    continue
        return False

    @staticmethod
    def _header_rows(table: Table, word: DocxTable, rows: int) -> None:
        repeat = table.repeatRows
        indices = range(repeat) if isinstance(repeat, int) else repeat
        for r in indices:
            if 0 <= r < rows:
                ooxml.repeat_as_header(word.rows[r])

    @staticmethod
    def _backgrounds(table: Table, cells: list[Any], cols: int, rows: int) -> None:
        for command in getattr(table, "_bkgrndcmds", []):
            name, start, stop, arg = command[0], command[1], command[2], command[3]
            sc, sr, ec, er = _box(start, stop, cols, rows)
            for r in range(sr, min(er, rows - 1) + 1):
                for c in range(sc, min(ec, cols - 1) + 1):
                    if name == "BACKGROUND":
                        colour = arg
                    elif name == "ROWBACKGROUNDS" and arg:
                        colour = arg[(r - sr) % len(arg)]
                    elif name == "COLBACKGROUNDS" and arg:
                        colour = arg[(c - sc) % len(arg)]
                    else:
                        continue
                    try:
                        fill = hex6(colors.toColor(colour))
                    except (ValueError, TypeError, AttributeError):
                        continue  # a gradient or no colour: left white
                    if fill != "FFFFFF":
                        ooxml.shade_cell(cells[r][c], fill)

    def _cell(self, table: Table, r: int, c: int, cell: Any, width: float) -> None:
        value = table._cellvalues[r][c]
        inner = max(20.0, width - _CELL_PADDING)
        if isinstance(value, str):
            self._text(table, r, c, cell, value)
            return
        flowables = value if isinstance(value, (list, tuple)) else [value]
        writer = self.writer
        writer.fresh.add(id(cell._tc))
        for flowable in flowables:
            if flowable is not None:
                writer.emit(flowable, cell, inner)
        writer.fresh.discard(id(cell._tc))

    def _text(self, table: Table, r: int, c: int, cell: Any, value: str) -> None:
        """A plain-string cell in the font, colour and alignment its table style gives."""
        writer = self.writer
        para = cell.paragraphs[0]
        writer.set_style(para, writer.styles.name_of(writer.ctx.style("cell")))
        look = table._cellStyles[r][c]
        if look.alignment in _ALIGN:
            para.alignment = _ALIGN[look.alignment]
        if value.startswith(PAGEREF):
            run = ooxml.field(para, f"PAGEREF {value[len(PAGEREF) :]} \\h", "")
        else:
            lines = value.split("\n")
            run = para.add_run(lines[0])
            for line in lines[1:]:
                run.add_break()
                run.add_text(line)
        if is_bold(str(look.fontname)):
            run.bold = True
        if look.color is not None:
            run.font.color.rgb = RGBColor.from_string(hex6(colors.toColor(look.color)))
        run.font.size = Pt(float(look.fontsize))
