"""Shared by the benchmarks: replace one ``## Heading`` section of docs/performance.md
with fresh figures, leaving the other sections as they are."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "performance.md"


def write_section(heading: str, section: str, doc: Path = DOC) -> None:
    """Put *section* (which starts with *heading*) in place of the section of that
    heading, or append it when the document has none."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    start = text.find("\n" + heading + "\n")
    if start < 0:
        new = text.rstrip("\n") + "\n\n" + section
    else:
        start += 1
        end = text.find("\n## ", start + len(heading))
        rest = text[end + 1 :] if end >= 0 else ""
        new = text[:start] + section.rstrip("\n") + "\n" + ("\n" + rest if rest else "")
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(new.rstrip("\n") + "\n", encoding="utf-8")
