"""Text for a terminal: control characters (C0, DEL, C1 and the bidirectional
overrides) made visible as escapes, so a model's names cannot drive the terminal."""

from __future__ import annotations

import re

#: C0 controls except tab and newline, DEL, the C1 range, and the Unicode bidi controls
#: that reorder what follows (a "Trojan source" name).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """*text* with every control character written as ``\\xNN`` (or ``\\uNNNN``); tabs
    stay, and newlines too unless *keep_newlines* is False (then ``\\n``)."""
    out = _CONTROL.sub(_escape, text)
    if not keep_newlines:
        out = out.replace("\n", "\\n")
    return out


#: What JSON leaves raw that a terminal would act on: DEL, C1, bidi controls, surrogates.
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible_json(text: str) -> str:
    """JSON text (from ``json.dumps``) with the characters that JSON leaves raw but a
    terminal would act on written as ``\\uNNNN`` escapes; still the same JSON value."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
