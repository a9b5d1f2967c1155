"""A reportlab paragraph's parsed markup as Word runs: bold, italic, colour, size, line breaks, links and anchors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from reportlab.lib.fonts import ps2tt
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from procmodeler.report.word import ooxml
from procmodeler.report.word.styles import hex6, is_bold


@dataclass(frozen=True)
class Look:
    """What a run looks like, as far as Word is told (None: as the paragraph style)."""

    bold: bool
    italic: bool
    colour: str | None
    size: float | None
    link: str | None
    rise: float


def anchors(para: Paragraph) -> list[str]:
    """The names of the ``<a name="..."/>`` targets in *para*."""
    names = []
    for frag in getattr(para, "frags", []):
        cb = getattr(frag, "cbDefn", None)
        if cb is not None and getattr(cb, "kind", "") == "anchor":
            names.append(str(cb.name))
    return names


def _upright_only(font_name: str) -> bool:
    """Whether the font has no italic face (DejaVu Sans in the report: ``<i>`` and plain
    text then look the same in the PDF, and reportlab marks every fragment italic)."""
    try:
        return bool(ps2tt(font_name)[2])
    except ValueError:
        return False


def _look(frag: Any, style: ParagraphStyle) -> Look:
    colour = frag.textColor
    shown = hex6(colour) if colour is not None else None
    links = getattr(frag, "link", None) or []
    link = None
    if isinstance(links, list) and links:
        link = str(links[0][1])
    elif isinstance(links, str):
        link = links
    return Look(
        bold=is_bold(str(frag.fontName)),
        italic=bool(getattr(frag, "italic", 0)) and not _upright_only(str(style.fontName)),
        colour=None if shown == hex6(style.textColor) else shown,
        size=None if frag.fontSize == style.fontSize else float(frag.fontSize),
        link=link,
        rise=float(getattr(frag, "rise", 0) or 0),
    )


def _pieces(para: Paragraph) -> Iterator[tuple[Look | None, str]]:
    """(look, text) per stretch of equally formatted text; (None, "") for a line break."""
    style = para.style
    current: Look | None = None
    text = ""
    for frag in getattr(para, "frags", []):
        if getattr(frag, "lineBreak", False):
            if text:
                yield current, text
            yield None, ""
            current, text = None, ""
            continue
        piece = getattr(frag, "text", "")
        if not piece:
            continue
        look = _look(frag, style)
        if look != current and text:
            yield current, text
            text = ""
        current = look
        text += piece
    if text:
        yield current, text


def add_runs(target: DocxParagraph, para: Paragraph, style: ParagraphStyle) -> None:
    """The text of *para* as runs appended to *target* (bullets included)."""
    bullet = getattr(para, "bulletText", None)
    if bullet:
        target.add_run(f"{bullet}\u2002")
    for look, text in _pieces(para):
        if look is None:
            target.add_run().add_break()
            continue
        run = _run_in(target, look.link)
        run.text = text
        _format(run, look, style)


def _run_in(target: DocxParagraph, link: str | None) -> Run:
    if not link:
        return target.add_run()
    if link.startswith("#"):
        holder = ooxml.internal_link(target, link[1:])
    else:
        holder = ooxml.external_link(target, link)
    r = target._p._new_r()  # a run made by the paragraph, moved into the hyperlink
    holder.append(r)
    return Run(r, target)


def _format(run: Run, look: Look, style: ParagraphStyle) -> None:
    if look.bold != is_bold(str(style.fontName)):
        run.bold = look.bold
    if look.italic:
        run.italic = True
    if look.colour is not None:
        run.font.color.rgb = RGBColor.from_string(look.colour)
    if look.size is not None:
        run.font.size = Pt(look.size)
    if look.rise > 0:
        run.font.superscript = True
    elif look.rise < 0:
        run.font.subscript = True


def plain_text(para: Paragraph) -> str:
    """The text of *para* without markup (line breaks as spaces)."""
    return "".join(text if look is not None else " " for look, text in _pieces(para))
