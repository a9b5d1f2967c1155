"""The Swedish report of each bundled example has none of the English words of the
English report's headings (issue 15, item 6): the headings are read from the English PDF
with pypdf (bold text at the sizes of the heading styles), the user's own words (names
and texts of the model) are taken out, and the whole text of the Swedish PDF must not
hold one of the rest."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from procmodeler.model.architecture import Architecture
from procmodeler.report.profile import Profile
from procmodeler.report.theme import Theme
from tests.report.conftest import EXAMPLES, Pdf

WORD = re.compile(r"[^\W\d_]{2,}")  # words of two letters or more (not RACI letters)
#: English heading words that are Swedish words too, spelled the same
SAME_IN_SWEDISH = {"process", "signal", "under"}
FILES = {"manufacturing": "manufacturing.procm", "municipality": "municipality-sv.procm"}


def headings(data: bytes) -> list[str]:
    """Every line of text in the bold font at the size of a heading style (h1 to h4)."""
    styles = Theme(Profile()).styles
    sizes = {styles[name].fontSize for name in ("h1", "h2", "h3", "h4")}
    found: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        if "Bold" in name and round(size * scale, 1) in sizes and text.strip():
            found.append(" ".join(text.split()))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def user_words(arch: Architecture, example: str) -> tuple[list[str], set[str]]:
    """The names of the model's elements (longest first) and every word of its file."""
    collections = (arch.processes, arch.units, arch.people, arch.kpis, arch.objectives)
    names = {e.name for c in collections for e in c.values()}  # type: ignore[attr-defined]
    names |= {arch.meta.name, arch.meta.organisation}
    text = (EXAMPLES / FILES[example]).read_text(encoding="utf-8")
    words = {w.lower() for w in WORD.findall(text)}
    return sorted((n for n in names if n), key=len, reverse=True), words


@pytest.mark.parametrize("example", sorted(FILES))
def test_the_swedish_report_has_no_english_heading_word(
    example: str, request: pytest.FixtureRequest, build: Callable[..., Pdf]
) -> None:
    arch: Architecture = request.getfixturevalue(example)
    names, own = user_words(arch, example)
    english: set[str] = set()
    for heading in headings(build(arch, lang="en").data):
        for name in names:  # a process's section is headed by its name
            heading = heading.replace(" ".join(name.split()), " ")
        english |= {w.lower() for w in WORD.findall(heading)}
    english -= own | SAME_IN_SWEDISH
    assert {"glossary", "participating", "summary", "establishment"} <= english
    swedish = build(arch, lang="sv")
    words = {w.lower() for w in WORD.findall(" ".join(swedish.pages))}
    assert sorted(english & words) == []
