"""Register cells: formula protection, numbers, cleaning, ids mapped to NCNames."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from procmodeler.common.numbers import format_number, parse_decimal
from procmodeler.io.register.spec import _FORMULA_START, _PROTECTED
from procmodeler.model.ids import IdAllocator, ncname_from

#: What XML 1.0 and so a workbook cannot hold: C0 controls but tab, LF and CR;
#: surrogates; U+FFFE, U+FFFF.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# ====================================================================== cells
def protect(text: str) -> str:
    """A CSV cell that a spreadsheet shows as text: formula-like cells get an ``'``."""
    if text.startswith(_FORMULA_START) or _PROTECTED.match(text):
        return "'" + text
    return text


def unprotect(text: str) -> str:
    """The inverse of :func:`protect`."""
    if _PROTECTED.match(text):
        return text[1:]
    return text


def parse_number(text: str) -> float:
    """A register number: ``12``, ``-3.5``, ``3,5`` (decimal comma), ``1 234,5``
    (:func:`procmodeler.common.numbers.parse_decimal`; ``nan`` and ``inf`` refused)."""
    return parse_decimal(text)


def split_objects(text: str) -> tuple[str, ...]:
    """The objects of an ``objects_in`` or ``objects_out`` cell, separated by ``;`` or
    line breaks."""
    if ";" not in text and "\n" not in text:  # most cells: one object or none
        text = text.strip()
        return (text,) if text else ()
    parts = (p.strip() for p in re.split(r"[;\n]", text))
    return tuple(p for p in parts if p)


def _clean(value: str) -> str:
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.strip()
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


#: ASCII characters that an NCName cannot hold (all but letters, digits, "_", "-", ".").
_ASCII_NOT_NCNAME = {
    code: "_" for code in range(128) if not (chr(code).isalnum() or chr(code) in "_-.")
}


def mapped_id(original: str, taken: set[str]) -> str:
    """The NCName an invalid register id becomes: ``id_`` + the original with every
    character not allowed in an NCName replaced by ``_``, then ``_2``, ``_3``, ... while
    taken (:meth:`procmodeler.model.ids.IdAllocator.derived`). Adds it to *taken*."""
    return IdAllocator(taken).free(ncname_from(original))


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value) if math.isfinite(value) else ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
