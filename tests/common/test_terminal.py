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


@given(st.text(alphabet=st.characters(max_codepoint=0x2100, blacklist_categories=())))
def test_any_text(text: str) -> None:
    assert (visible(text), visible_json(text)) == by_expression(text)
