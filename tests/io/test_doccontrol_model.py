"""The document control in the model (issue 15 item 5): the validator's rules, and the
diff, the merge's conflict file and the recovery journal see and keep every field."""

from __future__ import annotations

from dataclasses import replace

from procmodeler.app.journalfile import decode_value, encode_value
from procmodeler.common.i18n import translator
from procmodeler.io import native
from procmodeler.io.diff import diff, format_text
from procmodeler.io.merge import merge
from procmodeler.model import Architecture, ChangeLogEntry, Metadata
from procmodeler.model import validate as v

ENTRY = ChangeLogEntry("2026-01-12", "0.9", "Remiss till nämnderna", "Åsa Öberg")


def controlled() -> Metadata:
    return Metadata(
        name="Arkitektur",
        language="sv",
        version_label="1.0",
        status="for_decision",
        adopted_by="Kommunstyrelsen",
        adopted_on="2026-03-18",
        reference="KS 2026/0142",
        distribution="Förvaltningsledningen",
        change_log=(ENTRY,),
    )


def test_a_controlled_model_is_valid_and_bad_words_and_dates_are_not() -> None:
    assert v.violations(Architecture(controlled())) == []
    bad = replace(
        controlled(),
        status="final",
        adopted_on="2026-02-30",
        change_log=(ENTRY, ChangeLogEntry("18/3", "1.0", " ", "")),
    )
    found = {(x.kind, x.field) for x in v.violations(Architecture(bad))}
    assert found == {
        (v.VOCABULARY, "status"),
        (v.DATE, "adopted_on"),
        (v.DATE, "change_log[1].date"),
        (v.EMPTY, "change_log[1].change"),
    }


def test_diff_names_every_changed_field_of_the_document_control() -> None:
    old = Architecture(Metadata(name="Arkitektur", language="sv"))
    new = Architecture(controlled())
    changes = diff(old, new)
    assert {(c.kind, c.field) for c in changes} == {
        ("architecture", field)
        for field in (
            "version_label",
            "status",
            "adopted_by",
            "adopted_on",
            "reference",
            "distribution",
            "change_log",
        )
    }
    text = format_text(changes, old, new, translator("sv"))
    assert "  diarienummer: (inget) → 'KS 2026/0142'" in text
    assert "Remiss till nämnderna" in text


def test_a_conflict_on_the_change_log_is_kept_in_the_file(tmp_path) -> None:  # noqa: ANN001
    base = Architecture(controlled())
    ours = Architecture(
        replace(controlled(), change_log=(ENTRY, ChangeLogEntry("2026-03-01", change="Vår")))
    )
    theirs = Architecture(
        replace(controlled(), change_log=(ENTRY, ChangeLogEntry("2026-03-02", change="Deras")))
    )
    result = merge(base, ours, theirs)
    assert [(c.kind, c.field) for c in result.conflicts] == [("architecture", "change_log")]
    path = tmp_path / "merged.procm"
    native.save(result.model, path)
    again = native.load(path)
    assert again.snapshot() == result.model.snapshot()
    (conflict,) = again.conflicts.values()
    assert ChangeLogEntry("2026-03-02", change="Deras") in conflict[-1]


def test_the_recovery_journal_keeps_the_change_log() -> None:
    meta = controlled()
    assert decode_value(encode_value(meta)) == meta
