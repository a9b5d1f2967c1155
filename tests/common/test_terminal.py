"""visible and visible_json: the quick check of Latin-1 text gives exactly what the
regular expressions give, for every code point below 256 and any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from procmodeler.common import terminal
from procmodeler.common.terminal import visible, visible_json


def by_expression(text: str) -> tuple[str, str]:
    control, json_raw = re.compile(terminal._CONTROL), re.compile(terminal._JSON_RAW)
    json_text = json_raw.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return control.sub(terminal._escape, text), json_text


def test_each_latin1_code_point_alone_and_in_text() -> None:
    for code in range(256):
        for text in (chr(code), f"Åsa {chr(code)} Öberg", chr(code) * 3):
            assert (visible(text), visible_json(text)) == by_expression(text), code
    assert visible("Åsa\tÖberg\n") == "Åsa\tÖberg\n"
    assert visible("a\x9bb") == "a\\x9bb" and visible_json("a\x7fb") == "a\\u007fb"


def test_the_quick_check_and_the_expressions_agree_on_each_code_point() -> None:
    """Below 0x3000, the surrogates and the bidi controls: where the quick check says "none",
    the expression finds none, and on Latin-1 it says so exactly when the expression does
    (the byte lists and the expressions come from the same ranges)."""
    control, json_raw = re.compile(terminal._CONTROL), re.compile(terminal._JSON_RAW)
    codes = [*range(0x3000), *range(0xD800, 0xE000)]
    for code in codes:
        char = chr(code)
        for pattern, latin1 in (
            (control, terminal._CONTROL_LATIN1),
            (json_raw, terminal._JSON_RAW_LATIN1),
        ):
            quick = terminal._has_none(char, latin1)
            if code < 0x100:
                assert quick == (pattern.search(char) is None), (hex(code), pattern.pattern)
            else:
                assert not quick, hex(code)  # not Latin-1: the expression decides
    matched = {code for code in codes if control.match(chr(code))}
    bidi = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    assert {*range(0x2000, 0x3000)} & matched == bidi
    assert {*range(0xD800, 0xE000)} <= matched


@given(st.text(alphabet=st.characters(max_codepoint=0x2100, blacklist_categories=())))
def test_any_text(text: str) -> None:
    assert (visible(text), visible_json(text)) == by_expression(text)
