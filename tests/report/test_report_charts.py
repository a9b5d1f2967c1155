"""The report shows each measured KPI's process behaviour chart (drawn from the same
notation records as the app) and its variation and assurance words."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from procmodeler.io import native
from procmodeler.report.builder import render_report

EXAMPLES = Path(__file__).resolve().parents[2] / "procmodeler" / "resources" / "examples"


def test_charts_and_words_in_both_languages() -> None:
    for example, words in (
        ("manufacturing", ("Mean", "Target", "Cannot meet the target")),
        ("municipality-sv", ("Medelvärde", "Mål", "Försämring", "Kan inte nå målet")),
    ):
        arch = native.load(EXAMPLES / f"{example}.procm")
        pdf = render_report(arch)
        pages = PdfReader(io.BytesIO(pdf)).pages
        text = " ".join(" ".join(page.extract_text() for page in pages).split())
        measured = sum(1 for k in arch.kpis.values() if k.series)
        mean = "Mean" if example == "manufacturing" else "Medelvärde"
        assert text.count(mean) >= measured - 2  # each measured KPI on a process page shown
        for word in words:
            assert word in text, word
