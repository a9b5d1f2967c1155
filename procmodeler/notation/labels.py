"""Label fitting: wrap a name into the lines that fit a width, never cutting a word
without an ellipsis.

Text width is measured by a callback so that the canvas can use Qt's font metrics and
the report reportlab's, and both wrap the same words the same way for the same font.
"""

from __future__ import annotations

from collections.abc import Callable

ELLIPSIS = "\u2026"

Measure = Callable[[str], float]


def _truncate(word: str, width: float, measure: Measure) -> str:
    """The longest prefix of *word* that fits with an ellipsis (at least the ellipsis)."""
    if measure(word) <= width:
        return word
    lo, hi = 0, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(word[:mid] + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    return word[:lo].rstrip() + ELLIPSIS


def _with_ellipsis(line: str, width: float, measure: Measure) -> str:
    """*line* marked as cut: whole words followed by an ellipsis, within *width*."""
    if line.endswith(ELLIPSIS):
        return line
    words = line.split(" ")
    while len(words) > 1 and measure(" ".join(words) + ELLIPSIS) > width:
        words.pop()
    joined = " ".join(words)
    if measure(joined + ELLIPSIS) <= width:
        return joined + ELLIPSIS
    return _truncate(joined + "\u2026\u2026", width, measure)


def fit_lines(text: str, width: float, max_lines: int, measure: Measure) -> list[str]:
    """Wrap *text* into at most *max_lines* lines no wider than *width*.

    Words are kept whole; a word longer than a line is shortened with an ellipsis
    (and so is the last line when the text does not fit in *max_lines*). Hyphenated
    words may break after a hyphen.
    """
    words: list[str] = []
    glued: set[int] = set()  # indexes of words that continue the previous one
    for word in text.split():
        # allow a break after a hyphen inside a long compound word
        if measure(word) > width and "-" in word.strip("-"):
            parts = word.split("-")
            for i, part in enumerate(parts):
                if i:
                    glued.add(len(words))
                words.append(part + "-" if i < len(parts) - 1 else part)
        else:
            words.append(word)
    if not words or max_lines <= 0:
        return []
    lines: list[str] = []
    current = ""
    index = 0
    while index < len(words):
        word = words[index]
        joiner = "" if index in glued or not current else " "
        candidate = current + joiner + word
        if measure(candidate) <= width:
            current = candidate
            index += 1
            continue
        if current:
            lines.append(current)
            current = ""
            if len(lines) == max_lines:
                break
            continue
        # a single word wider than the line
        lines.append(_truncate(word, width, measure))
        index += 1
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
    elif current or index < len(words):
        lines[-1] = _with_ellipsis(lines[-1], width, measure)
    return lines


def fit_label(
    text: str,
    width: float,
    max_lines: int,
    measure_at: Callable[[float], Measure],
    size: float,
    min_size: float,
) -> tuple[float, list[str]]:
    """Like :func:`fit_lines`, but first shrinks the font (in steps of 0.5 from *size*
    down to *min_size*) until the text fits without an ellipsis; returns the font size
    used and the lines. Short labels in narrow places (band labels) use it, so that a
    long single word such as "Ledningsprocesser" is shown whole."""
    current = size
    while current > min_size:
        lines = fit_lines(text, width, max_lines, measure_at(current))
        if not any(line.endswith(ELLIPSIS) for line in lines) or ELLIPSIS in text:
            return current, lines
        current -= 0.5
    return min_size, fit_lines(text, width, max_lines, measure_at(min_size))


def approx_measure(font_size: float) -> Measure:
    """A font-free width estimate (average DejaVu Sans advance), for tests and layout."""
    return lambda s: len(s) * font_size * 0.56
