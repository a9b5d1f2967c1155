"""Objectives, contributions and improvements in the model: the one definition of a
valid model knows them (ids, references, the objective tree, words, dates), and the
records table of diff and merge has a kind for each."""

from __future__ import annotations

from dataclasses import replace

from procmodeler.io import diff as d
from procmodeler.io.merge import merge
from procmodeler.io.records import BY_NAME
from procmodeler.model import Architecture, Improvement, Kpi, Metadata, Objective, Process
from procmodeler.model import validate as v
from procmodeler.model.elements import is_date


def model() -> Architecture:
    return Architecture.from_collections(
        Metadata(),
        {
            "processes": {
                "A": Process("A", "Support", established="in_use", next_review="2026-06-01")
            },
            "kpis": {"K": Kpi("K", "A", "Lead time", objective="O2")},
            "objectives": {
                "O1": Objective("O1", "Safe childhood", horizon="2027"),
                "O2": Objective("O2", "Early support", parent="O1"),
            },
            "contributions": {("O2", "A"): "assessment"},
            "improvements": {
                "I": Improvement("I", "A", "Digital form", "ongoing", kpi="K", due="2026-05-31")
            },
        },
    )


def test_a_model_with_strategy_is_valid_and_its_queries_answer() -> None:
    arch = model()
    assert v.violations(arch) == []
    assert arch.objective_children("O1") == ["O2"] and arch.objective_ancestors("O2") == ["O1"]
    assert arch.contributors("O2") == {"A": "assessment"} and arch.kpis_measuring("O2") == ["K"]
    assert arch.improvements_of("A") == ["I"]
    assert {"O1", "O2", "I"} <= arch.all_ids()


def test_the_validator_finds_every_broken_strategy_invariant() -> None:
    arch = model()
    arch.objectives["O1"] = replace(arch.objectives["O1"], parent="O2")  # a cycle
    arch.objectives["O3"] = Objective("O3", " ", owner="K")  # empty name, owner a KPI
    arch.kpis["K"] = replace(arch.kpis["K"], objective="nope")
    arch.contributions[("O9", "A")] = ""
    arch.improvements["I"] = replace(
        arch.improvements["I"], title="", status="finished", due="2026-02-30", kpi="A"
    )
    arch.processes["A"] = replace(arch.processes["A"], established="perfect", next_review="soon")
    arch.improvements["A"] = Improvement("A", "A", "Duplicate id")
    kinds = {(x.kind, x.collection, x.field) for x in v.violations(arch)}
    assert kinds >= {
        (v.CYCLE, "objectives", "parent"),
        (v.EMPTY, "objectives", "name"),
        (v.WRONG_KIND, "objectives", "owner"),
        (v.DANGLING, "kpis", "objective"),
        (v.DANGLING, "contributions", "objective"),
        (v.EMPTY, "improvements", "title"),
        (v.VOCABULARY, "improvements", "status"),
        (v.DATE, "improvements", "due"),
        (v.WRONG_KIND, "improvements", "kpi"),
        (v.VOCABULARY, "processes", "established"),
        (v.DATE, "processes", "next_review"),
        (v.DUPLICATE, "improvements", "id"),
    }


def test_dates_are_calendar_dates_written_one_way() -> None:
    assert is_date("2026-06-30") and is_date("2024-02-29")
    for bad in ("2026-6-30", "2026-02-30", "30/06/2026", "2026-06-30T00:00", "", None, 20260630):
        assert not is_date(bad)


def test_diff_names_the_new_kinds_and_their_ids() -> None:
    old, new = model(), model()
    new.contributions[("O1", "A")] = ""
    new.improvements["I"] = replace(new.improvements["I"], status="done", done="2026-06-01")
    del new.objectives["O2"]
    new.kpis["K"] = replace(new.kpis["K"], objective=None)
    del new.contributions[("O2", "A")]
    changes = {(c.op, c.kind, c.id, c.field) for c in d.diff(old, new)}
    assert changes == {
        ("added", "contribution", "O1/A", None),
        ("removed", "contribution", "O2/A", None),
        ("removed", "objective", "O2", None),
        ("changed", "kpi", "K", "objective"),
        ("changed", "improvement", "I", "status"),
        ("changed", "improvement", "I", "done"),
    }
    assert BY_NAME["contribution"].parse_id("O1/A") == ("O1", "A")


def test_merge_takes_their_removed_objective_and_our_improvement() -> None:
    base = model()
    ours = model()
    ours.improvements["I"] = replace(ours.improvements["I"], status="done")
    theirs = model()
    del theirs.objectives["O2"]  # they delete the objective and what refers to it
    del theirs.contributions[("O2", "A")]
    theirs.kpis["K"] = replace(theirs.kpis["K"], objective=None)
    result = merge(base, ours, theirs)
    assert "O2" not in result.model.objectives and not result.conflicts
    assert result.model.improvements["I"].status == "done"
    assert v.violations(result.model) == []


def test_merge_reports_an_edited_contribution_whose_objective_they_removed() -> None:
    base, ours, theirs = model(), model(), model()
    ours.contributions[("O2", "A")] = "a new note"
    del theirs.objectives["O2"]
    del theirs.contributions[("O2", "A")]
    result = merge(base, ours, theirs)
    assert {c.kind for c in result.conflicts} == {"contribution", "objective"}
    assert result.model.contributions[("O2", "A")] == "a new note"  # ours kept
    assert v.violations(result.model) == []
