"""The management summary of each bundled example (issue 15, items 1 and 4), read from
the PDF: every KPI that signals a concern or cannot meet its target and every overdue
improvement and review is named with its process and the person who should act, as
the analysis computed here independently says; nothing else is listed; it takes two
pages; every KPI is shown with its process, and owner columns never hold a bare dash."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from procmodeler.analysis.xmr import analyse_kpi
from procmodeler.model.architecture import Architecture
from tests.report.conftest import Pdf, normalise

DAY = datetime.date(2026, 6, 30)
EXAMPLES = ("manufacturing", "municipality")
LANGS = ("en", "sv")


@dataclass(frozen=True)
class Words:
    """The report's words the test looks for, per language."""

    summary: str
    process_map: str
    processes: str
    concerns: str
    off_target: str
    objectives: str
    overdue: str
    findings: str
    no_owner: str
    inherited: str
    review: str
    named: str


WORDS = {
    "en": Words(
        "Executive summary",
        "The process map",
        "The processes",
        "KPIs that signal a concern or cannot meet their target",
        "Other KPIs off target at their latest value",
        "Objectives not served or not measured",
        "Overdue improvements and reviews",
        "Most important findings",
        "No process owner",
        "inherited from",
        "Review of the process",
        "have a named process owner; {inherited} inherit one, {none} have none",
    ),
    "sv": Words(
        "Sammanfattning för ledningen",
        "Processkartan",
        "Processerna",
        "Nyckeltal som visar en försämring eller inte kan nå målet",
        "Övriga nyckeltal långt från målet i senaste mätningen",
        "Mål som ingen process bidrar till eller som inte mäts",
        "Försenade förbättringar och översyner",
        "De viktigaste anmärkningarna",
        "Ingen processägare",
        "ärvd från",
        "Översyn av processen",
        "har en egen processägare; {inherited} ärver den från en överordnad process och "
        "{none} saknar ägare",
    ),
}


# ---------------------------------------------------------------------- independent truth
def owner_of(arch: Architecture, pid: str) -> tuple[str | None, str | None]:
    """(person's name, name of the process it is inherited from or None); (None, None)
    when nobody answers for the process: walked up the parents here, not taken from the
    code under test."""
    current: str | None = pid
    while current is not None:
        proc = arch.processes[current]
        if proc.owner is not None and proc.owner in arch.people:
            whose = None if current == pid else proc.name
            return arch.people[proc.owner].name, whose
        current = proc.parent
    return None, None


def owner_pattern(arch: Architecture, pid: str, words: Words) -> str:
    name, whose = owner_of(arch, pid)
    if name is None:
        return re.escape(words.no_owner)
    if whose is None:
        return re.escape(name) + r"(?: \([^)]*\))?"
    return re.escape(name) + r"(?: \([^)]*\))? " + re.escape(f"{words.inherited} {whose}")


def kpi_concerns(arch: Architecture) -> list[tuple[str, str]]:
    """(process id, KPI name) of every KPI whose latest value is a special cause concern
    or whose process cannot meet its target (FLOW-AND-EFFECT.md)."""
    out = []
    for kpi in arch.kpis.values():
        if not kpi.series:
            continue
        result = analyse_kpi(kpi)
        if result.variation == "special_cause_concern" or result.assurance == "consistent_fail":
            out.append((kpi.process, kpi.name))
    return out


def overdue(arch: Architecture) -> list[tuple[str, str, str | None]]:
    """(title, process id, responsible's name) of improvements planned or ongoing whose
    due date is before DAY."""
    today = DAY.isoformat()
    return [
        (imp.title, imp.process, arch.people[imp.responsible].name if imp.responsible else None)
        for imp in arch.improvements.values()
        if imp.status in ("planned", "ongoing") and imp.due is not None and imp.due < today
    ]


# ---------------------------------------------------------------------- the pages
@pytest.fixture(scope="module", params=[(e, lang) for e in EXAMPLES for lang in LANGS])
def case(
    request: pytest.FixtureRequest, build: Callable[..., Pdf]
) -> tuple[Architecture, Pdf, Words]:
    example, lang = request.param
    arch = request.getfixturevalue(example)
    kwargs = {"today": DAY} if arch.meta.language == lang else {"today": DAY, "lang": lang}
    return arch, build(arch, **kwargs), WORDS[lang]


def chapter_pages(pdf: Pdf, title: str, following: str) -> tuple[int, int]:
    """First page of the chapter titled *title* and first page of the next (1-based)."""
    outline = pdf.page_of_outline()
    start = next(p for t, p in outline.items() if re.fullmatch(rf"\d+ {re.escape(title)}", t))
    end = next(p for t, p in outline.items() if re.fullmatch(rf"\d+ {re.escape(following)}", t))
    return start, end


def summary_text(pdf: Pdf, words: Words) -> str:
    start, end = chapter_pages(pdf, words.summary, words.process_map)
    return normalise(" ".join(pdf.pages[start - 1 : end - 1]))


def part(text: str, heading: str, following: tuple[str, ...]) -> str:
    """The text from *heading* up to the first of *following* after it."""
    begin = text.index(heading)
    ends = [text.find(f, begin + len(heading)) for f in following]
    return text[begin : min([e for e in ends if e >= 0], default=len(text))]


def test_every_kpi_concern_is_named_with_process_and_owner(
    case: tuple[Architecture, Pdf, Words],
) -> None:
    arch, pdf, words = case
    text = summary_text(pdf, words)
    expected = kpi_concerns(arch)
    assert expected  # each example has some
    ends = (words.off_target, words.objectives, words.overdue, words.findings)
    section = part(text, words.concerns, ends)
    assert f"{words.concerns} ({len(expected)})" in section
    for pid, kpi_name in expected:
        process = re.escape(arch.processes[pid].name)
        # one row: the process (and the chain of its parents), its owner, the KPI
        row = rf"{process}(?: [^ ].{{0,120}}?)? {owner_pattern(arch, pid, words)} .{{0,80}}?{re.escape(kpi_name)}"
        assert re.search(row, section), (pid, kpi_name, owner_of(arch, pid))
    listed = {name for _, name in expected}
    for kpi in arch.kpis.values():  # and no KPI that is fine
        if kpi.name not in listed:
            assert kpi.name not in section, kpi.name


def test_other_kpis_off_target_are_named_with_process_and_owner(
    case: tuple[Architecture, Pdf, Words],
) -> None:
    """KPIs whose latest value misses the target by more than 10 % and that are not
    among the concerns above (most hit and miss their target)."""
    arch, pdf, words = case
    concerns = {name for _, name in kpi_concerns(arch)}
    red = []
    for kpi in arch.kpis.values():
        if kpi.target is None or kpi.actual is None or kpi.name in concerns:
            continue
        miss = kpi.actual - kpi.target if kpi.direction == "lower" else kpi.target - kpi.actual
        if miss > 0.1 * abs(kpi.target):
            red.append(kpi)
    assert red
    text = summary_text(pdf, words)
    section = part(text, words.off_target, (words.objectives, words.overdue, words.findings))
    assert f"{words.off_target} ({len(red)})" in section
    for kpi in red:
        process = re.escape(arch.processes[kpi.process].name)
        row = rf"{process}(?: [^ ].{{0,120}}?)? {owner_pattern(arch, kpi.process, words)} .{{0,80}}?{re.escape(kpi.name)}"
        assert re.search(row, section), kpi.name
    for kpi in arch.kpis.values():
        if kpi not in red:
            assert kpi.name not in section, kpi.name


def test_every_overdue_improvement_and_review_names_process_and_person(
    case: tuple[Architecture, Pdf, Words],
) -> None:
    arch, pdf, words = case
    text = summary_text(pdf, words)
    late = overdue(arch)
    reviews = [
        pid
        for pid, p in arch.processes.items()
        if p.next_review is not None and p.next_review < DAY.isoformat()
    ]
    assert late and reviews
    section = part(text, words.overdue, (words.findings,))
    assert f"{words.overdue} ({len(late) + len(reviews)})" in section
    for title, pid, who in late:
        assert who is not None
        row = rf"{re.escape(title)} .{{0,40}}?{re.escape(arch.processes[pid].name)} .{{0,120}}?{re.escape(who)}"
        assert re.search(row, section), title
    for pid in reviews:
        row = rf"{re.escape(words.review)} {re.escape(arch.processes[pid].name)} .{{0,120}}?{owner_pattern(arch, pid, words)}"
        assert re.search(row, section), pid
    for imp in arch.improvements.values():  # nothing that is on time or not under way
        if imp.title not in {t for t, _, _ in late}:
            assert imp.title not in section, imp.title


def test_the_summary_takes_two_pages_and_counts_named_owners_apart(
    case: tuple[Architecture, Pdf, Words],
) -> None:
    arch, pdf, words = case
    start, end = chapter_pages(pdf, words.summary, words.process_map)
    assert end - start == 2
    owners = [owner_of(arch, pid) for pid in arch.processes]
    total = len(owners)
    named = sum(1 for name, whose in owners if name is not None and whose is None)
    inherited = sum(1 for name, whose in owners if whose is not None)
    none = total - named - inherited
    sign = "\u00a0%" if words is WORDS["sv"] else "%"

    def share(n: int) -> str:
        return f"{round(100 * n / total)}{sign}"

    figure = f"{share(named)} " + words.named.format(inherited=share(inherited), none=share(none))
    assert normalise(figure) in summary_text(pdf, words)


def test_every_kpi_is_shown_with_its_process(case: tuple[Architecture, Pdf, Words]) -> None:
    """Also the KPIs of processes three levels down, which have no section of their own."""
    arch, pdf, words = case
    start, _ = chapter_pages(pdf, words.processes, words.processes)
    pages = [normalise(p) for p in pdf.pages[start - 1 :]]
    deep = [k for k in arch.kpis.values() if arch.depth(k.process) >= 2]
    assert deep  # each example has one
    for kpi in arch.kpis.values():
        process = arch.processes[kpi.process].name
        assert any(kpi.name in p and process in p for p in pages), (kpi.name, process)


def test_owner_columns_say_inherited_or_none_never_a_dash(
    case: tuple[Architecture, Pdf, Words],
) -> None:
    """The index of processes lists every process with its owner: as many "inherited
    from" as processes that inherit their owner, and the one without any named so."""
    arch, pdf, words = case
    outline = pdf.page_of_outline()
    index_title = next(
        t for t in outline if t.endswith(("Index of processes", "Processförteckning"))
    )
    text = normalise(" ".join(pdf.pages[outline[index_title] - 1 :]))
    owners = {pid: owner_of(arch, pid) for pid in arch.processes}
    inherited = [pid for pid, (_, whose) in owners.items() if whose is not None]
    assert text.count(f"({words.inherited} ") == len(inherited)
    for pid, (name, _) in owners.items():
        if name is None:
            assert re.search(
                rf"{re.escape(arch.processes[pid].name)} .{{0,40}}?{re.escape(words.no_owner)}",
                text,
            )
