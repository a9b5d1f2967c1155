"""Numbers as people write them: one parser (:func:`parse_decimal`) and one writer
(:func:`format_number`) for every place that reads or writes a number as text (register
cells, the KPI panel, the command line). Standard library only."""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_SPACES = str.maketrans("", "", " \u00a0\u202f")


def parse_decimal(text: str) -> float:
    """A finite number from text: ``12``, ``-3.5``, ``3,5`` (decimal comma),
    ``1 234,5`` (spaces between thousands), ``−2`` (a minus sign). Raises
    :class:`ValueError` for anything else, ``nan`` and ``inf`` included."""
    t = text.strip().translate(_SPACES).replace("\u2212", "-")
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


def format_number(value: float | None, decimal_comma: bool = False) -> str:
    """A number as text that :func:`parse_decimal` reads back to the same value: no
    fraction when integral, else the shortest form; ``""`` for None. With
    *decimal_comma* (Swedish) the decimal point is a comma."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    return text.replace(".", ",") if decimal_comma else text
