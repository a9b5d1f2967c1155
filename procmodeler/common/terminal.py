"""Text for a terminal: control characters (C0, DEL, C1 and the bidirectional
overrides) made visible as escapes, so a model's names cannot drive the terminal."""

from __future__ import annotations

import functools
import re

#: What JSON leaves raw that a terminal would act on: DEL, C1, the Unicode bidi controls
#: that reorder what follows (a "Trojan source" name) and lone surrogates, as inclusive
#: ranges of code points.
_JSON_RAW_RANGES = ((0x7F, 0x9F), (0x202A, 0x202E), (0x2066, 0x2069), (0xD800, 0xDFFF))
#: Those and the C0 controls except tab and newline.
_CONTROL_RANGES = ((0x00, 0x08), (0x0B, 0x1F), *_JSON_RAW_RANGES)


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    """The regular expression of one character in *ranges* (written as the characters
    themselves: no control character is special in a character class)."""
    return "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges) + "]"


def _latin1(ranges: tuple[tuple[int, int], ...]) -> tuple[bytes, ...]:
    """The code points of *ranges* below 256 as Latin-1 bytes (text that holds only such
    code points is searched for each with memchr)."""
    found: list[bytes] = []
    for low, high in ranges:
        found += map(int.to_bytes, range(low, min(high, 0xFF) + 1))
    return tuple(found)


_CONTROL = _char_class(_CONTROL_RANGES)
_CONTROL_LATIN1 = _latin1(_CONTROL_RANGES)
_JSON_RAW = _char_class(_JSON_RAW_RANGES)
_JSON_RAW_LATIN1 = _latin1(_JSON_RAW_RANGES)


def _has_none(text: str, latin1: tuple[bytes, ...]) -> bool:
    """True when *text* is Latin-1 (every code point below 256, as in most output) and
    holds none of the characters *latin1*: a byte search each (memchr) instead of a
    regular expression over each character (2.3 MB of findings: 35 ms)."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not any(b in data for b in latin1)


@functools.cache
def _pattern(chars: str) -> re.Pattern[str]:
    """*chars* compiled on first use: most output needs no expression (see _has_none),
    and compiling these ranges took 2 ms of every start."""
    return re.compile(chars)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """*text* with every control character written as ``\\xNN`` (or ``\\uNNNN``); tabs
    stay, and newlines too unless *keep_newlines* is False (then ``\\n``)."""
    out = text if _has_none(text, _CONTROL_LATIN1) else _pattern(_CONTROL).sub(_escape, text)
    if not keep_newlines:
        out = out.replace("\n", "\\n")
    return out


def visible_json(text: str) -> str:
    """JSON text (from ``json.dumps``) with the characters that JSON leaves raw but a
    terminal would act on written as ``\\uNNNN`` escapes; still the same JSON value."""
    if _has_none(text, _JSON_RAW_LATIN1):
        return text
    return _pattern(_JSON_RAW).sub(lambda m: f"\\u{ord(m.group()):04x}", text)
