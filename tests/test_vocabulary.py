"""One vocabulary (procmodeler.vocabulary): every domain word once, in English and
Swedish, for exactly the model's keys; one number parser and writer."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from procmodeler import vocabulary as v
from procmodeler.common.i18n import parse_po, translator
from procmodeler.common.numbers import format_number, parse_decimal
from procmodeler.model.elements import BAND_ORDER, PROCESS_KINDS

PO_DIR = Path(__file__).resolve().parents[1] / "procmodeler" / "resources" / "translations" / "sv"


@pytest.mark.parametrize("name", sorted(v.VOCABULARIES))
def test_each_vocabulary_names_exactly_the_model_keys_in_order(name: str) -> None:
    table, keys = v.VOCABULARIES[name]
    assert tuple(table) == keys


def test_every_word_is_translated_in_one_place_only() -> None:
    words = {msgid for table, _ in v.VOCABULARIES.values() for msgid in table.values()}
    own = parse_po((PO_DIR / "vocabulary.po").read_text(encoding="utf-8"))
    assert words <= own.keys()
    assert all(own[w] and own[w] != w or w == "Variation" for w in words)
    for po in sorted(PO_DIR.glob("*.po")):
        if po.name != "vocabulary.po":
            elsewhere = words & parse_po(po.read_text(encoding="utf-8")).keys()
            assert elsewhere == set(), po.name


def test_words_in_both_languages() -> None:
    sv, en = translator("sv"), translator("en")
    assert v.word(v.PROCESS_KIND, "core", sv) == "Huvudprocess"
    assert v.word(v.PROCESS_KIND, "core", en) == "Core process"
    assert v.word(v.PROCESS_KIND, "unknown", sv) == "unknown"
    assert v.words(v.DIRECTION, sv) == {"lower": "Lägre är bättre", "higher": "Högre är bättre"}
    assert v.roles_text("RA", en) == "Responsible, Accountable"
    assert v.BAND_ORDER == BAND_ORDER == PROCESS_KINDS


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12.0), ("-3.5", -3.5), ("3,5", 3.5), ("1 234,5", 1234.5), ("\u22122", -2.0),
     ("1\u00a0000", 1000.0), (" 7 ", 7.0), ("1e3", 1000.0), (".5", 0.5)],
)  # fmt: skip
def test_parse_decimal_reads_what_people_write(text: str, value: float) -> None:
    assert parse_decimal(text) == value


@pytest.mark.parametrize(
    "text", ["", "nan", "NaN", "inf", "-inf", "1e999", "1,2,3", "1.2,3", "x", "12 %", "0x10"]
)
def test_parse_decimal_refuses_the_rest(text: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal(text)


@pytest.mark.parametrize("value", [0.0, 12.0, -3.5, 0.1, 1e20, 123456.789])
def test_format_number_reads_back(value: float) -> None:
    assert parse_decimal(format_number(value)) == value
    assert parse_decimal(format_number(value, decimal_comma=True)) == value
    assert math.isfinite(value)


def test_format_number_writes_integers_without_a_fraction() -> None:
    assert format_number(12.0) == "12"
    assert format_number(2.5, decimal_comma=True) == "2,5"
    assert format_number(None) == ""


def test_variation_and_assurance_words_name_exactly_the_analysis_states() -> None:
    from procmodeler.analysis.xmr import ASSURANCES, VARIATIONS

    assert tuple(v.VARIATION) == VARIATIONS
    assert tuple(v.ASSURANCE) == ASSURANCES
    sv = translator("sv")
    assert v.word(v.ASSURANCE, "consistent_fail", sv) == "Kan inte nå målet"


# ---------------------------------------------------------------------- one wording
TRANSLATIONS = PO_DIR.parent

#: English texts that name different things in different places, so that their Swedish
#: words rightly differ (each with the reason).
HOMONYMS = {
    "none": "Inga/Ingen: the same 'none', agreeing with the gender of what is counted",
    "note": "a measurement's note (Anteckning), a finding of severity info (Notering)",
    "owner": "a process's owner (Processägare) and an objective's owner (Ägare)",
    "responsible": "the RACI role (Utförare) and an improvement's responsible person",
}

#: Swedish words that must not appear in any catalogue: calques and the second words
#: the one vocabulary replaced (the word to use instead in the comment).
NOT_SWEDISH = (
    r"föräldralös",  # orphaned: "processer som hänger löst"
    r"\bspann\b",  # a unit span: "där de deltagande enheterna möts"
    r"\bfynd",  # a finding: "anmärkning"
    r"undertryck",  # suppressed: "undantagen"
)


def _catalogue_entries() -> list[tuple[str, str, str]]:
    """(file, English, Swedish) for every singular message of the .po and .ts files."""
    import xml.etree.ElementTree as ET

    entries = []
    for po in sorted(PO_DIR.glob("*.po")):
        for msgid, msgstr in parse_po(po.read_text(encoding="utf-8")).items():
            if "\x00" not in msgid and isinstance(msgstr, str):
                entries.append((po.name, msgid, msgstr))
    for ts in sorted(TRANSLATIONS.glob("*_sv.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            node = message.find("translation")
            text = "".join(node.itertext()) if node is not None else ""
            entries.append((ts.name, message.findtext("source") or "", text))
    return entries


def test_one_english_text_has_one_swedish_word_in_every_catalogue() -> None:
    """The app (.ts, ui/teams/strategyui .po) and the report, checks and exports (.po)
    translate the same English text the same way: 'Findings' is not 'Fynd' in the app
    and 'Anmärkningar' in the report."""
    seen: dict[str, dict[str, str]] = {}
    for name, english, swedish in _catalogue_entries():
        seen.setdefault(english.lower(), {})[swedish.lower()] = name
    differ = {
        english: words
        for english, words in seen.items()
        if len(words) > 1 and english not in HOMONYMS
    }
    assert differ == {}
    assert set(HOMONYMS) <= {e for e, w in seen.items() if len(w) > 1}  # none is stale


def test_no_calque_or_second_word_in_the_swedish_catalogues() -> None:
    import re

    found = [
        (name, english, swedish)
        for name, english, swedish in _catalogue_entries()
        for bad in NOT_SWEDISH
        if re.search(bad, swedish, re.IGNORECASE)
    ]
    assert found == []
