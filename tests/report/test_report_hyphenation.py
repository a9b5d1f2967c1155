"""A word wider than its column in the report breaks at a syllable of the report's
language (pyphen's dictionaries), not at any letter; words that fit on a line of their
own move whole, and headings are never hyphenated."""

from __future__ import annotations

import pyphen
import pytest

from procmodeler.report.profile import Profile
from procmodeler.report.text import Text
from procmodeler.report.theme import Theme

UNIT = "Samhällsbyggnadsförvaltningen"


def lines(text: str, style_name: str, lang: str, width: float) -> list[str]:
    """The lines reportlab sets *text* in, in the report's style *style_name*."""
    paragraph = Text(text, Theme(Profile(), lang).styles[style_name])
    paragraph.wrap(width, 10_000)
    return [" ".join(str(w) for w in line[1]) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("lang, dictionary", [("sv", "sv"), ("en", "en_GB")])
def test_a_word_wider_than_its_column_breaks_at_a_syllable(lang: str, dictionary: str) -> None:
    got = lines(f"Karin Lindqvist ({UNIT})", "cell", lang, 90)
    broken = [line for line in got if line.endswith("-")]
    assert broken, got  # the unit's name is wider than 90 pt and was hyphenated
    allowed = {f"({UNIT[:i]}" for i in pyphen.Pyphen(lang=dictionary).positions(UNIT)}
    allowed |= {UNIT[:i] for i in pyphen.Pyphen(lang=dictionary).positions(UNIT)}
    text = ""
    for line in got:
        if line.endswith("-"):
            text += line.removesuffix("-")
            assert text.split(" ")[-1] in allowed, (text, got)  # a break the language allows
        else:
            text += line + " "
    assert f"({UNIT})" in text


def test_words_that_fit_a_line_move_whole() -> None:
    # "(standardavvikelse)" fits a line of its own: it is not split to fill the line
    # above (that broke the KPI's name, and a search for it in the PDF)
    name = "Spridning i handläggningstid (standardavvikelse)"
    got = lines(name, "cell_bold", "sv", 200)
    assert len(got) == 2 and not any(line.endswith("-") for line in got), got
    assert " ".join(got) == name
    assert lines("Handlägga bygglov", "cell_bold", "sv", 62) == ["Handlägga", "bygglov"]


def test_headings_are_not_hyphenated() -> None:
    heading = lines(f"Om {UNIT}", "h2", "sv", 200)
    assert len(heading) >= 2 and not any(line.endswith("-") for line in heading), heading


def test_a_word_longer_than_any_real_word_is_cut_without_hyphenation() -> None:
    # reportlab tries every split of a word it hyphenates: a 30,000-letter "word"
    # (tests/reliability) took minutes; such text is cut at the letters at once
    from procmodeler.report.text import LONGEST_HYPHENATED

    word = "a" * (LONGEST_HYPHENATED + 1)
    paragraph = Text(f"{UNIT} {word}", Theme(Profile(), "sv").styles["cell"])
    paragraph.wrap(90, 10_000)
    assert not paragraph.style.hyphenationLang and len(paragraph.blPara.lines) >= 3
