"""Register cells: formula protection, numbers, cleaning, ids mapped to NCNames."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from procmodeler.io.register.spec import _FORMULA_START, _NUMBER, _PROTECTED
from procmodeler.model import elements


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


def format_number(value: float | None) -> str:
    """A number as register text: no fraction when integral, else the shortest form."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def parse_number(text: str) -> float:
    """A register number: ``12``, ``-3.5``, ``3,5`` (decimal comma), ``1 234,5``."""
    t = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("\u2212", "-")
    if "," in t:
        if "." in t or t.count(",") > 1:
            raise ValueError(text)
        t = t.replace(",", ".")
    if not _NUMBER.fullmatch(t):
        raise ValueError(text)
    value = float(t)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


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
    taken."""
    if original.isascii():
        base = "id_" + original.translate(_ASCII_NOT_NCNAME)
    else:
        char = elements.NCNAME_CHAR_RE  # compiled on first use
        base = "id_" + "".join(ch if char.fullmatch(ch) else "_" for ch in original)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


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
