"""Every message of the Qt-free layers has a Swedish translation, and the catalogue
machinery (PO parsing, plurals, lazy messages) works."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from procmodeler.common import i18n
from procmodeler.common.i18n import Message, parse_po, translator

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "procmodeler"
MARKERS = {"N_", "tr", "_", "Message"}


def _string(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_":
        return _string(node.args[0]) if node.args else None
    return None


def used_msgids() -> set[tuple[str, str | None, str]]:
    """(msgid, plural or None, where) for every marked string outside procmodeler/ui."""
    found: set[tuple[str, str | None, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inner: set[int] = set()  # N_() calls that are the arguments of a plural message
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or id(node) in inner or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            is_plural_call = isinstance(func, ast.Attribute) and func.attr == "n"
            if name not in MARKERS and not is_plural_call:
                continue
            first = _string(node.args[0])
            if first is None:
                continue
            plural = None
            if (is_plural_call or name == "Message") and len(node.args) > 1:
                plural = _string(node.args[1])
            if name != "N_":
                inner.update(id(a) for a in node.args[:2] if isinstance(a, ast.Call))
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            found.add((first, plural, where))
    return found


def test_every_message_has_a_swedish_translation() -> None:
    catalogue = i18n._catalogue("sv")
    missing = []
    for msgid, plural, where in sorted(used_msgids(), key=lambda t: t[2]):
        key = msgid + "\x00" + plural if plural else msgid
        if key not in catalogue:
            missing.append(f"{where}: {msgid!r}" + (f" / {plural!r}" if plural else ""))
    assert not missing, "untranslated messages:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders() -> None:
    import string

    fmt = string.Formatter()
    catalogue = i18n._catalogue("sv")
    bad = []
    for key, value in catalogue.items():
        sources = key.split("\x00")
        targets = value if isinstance(value, list) else [value]
        wanted = {f for s in sources for _, f, _, _ in fmt.parse(s) if f}
        for target in targets:
            got = {f for _, f, _, _ in fmt.parse(target) if f}
            if not got <= wanted | {"n"}:
                bad.append(f"{key!r}: {target!r}")
    assert not bad, "translations with unknown placeholders:\n" + "\n".join(bad)


def test_parse_po_handles_plurals_continuations_and_fuzzy() -> None:
    text = """
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

msgid "Save"
msgstr "Spara"

msgid "Long "
"text"
msgstr "Lång "
"text"

#, fuzzy
msgid "Unsure"
msgstr "Osäker"

msgid "{n} process"
msgid_plural "{n} processes"
msgstr[0] "{n} process"
msgstr[1] "{n} processer"
"""
    entries = parse_po(text)
    assert entries["Save"] == "Spara"
    assert entries["Long text"] == "Lång text"
    assert "Unsure" not in entries
    assert entries["{n} process\x00{n} processes"] == ["{n} process", "{n} processer"]
    assert "" not in entries


@pytest.mark.parametrize(("count", "expected"), [(1, "1 process"), (3, "3 processer")])
def test_plural_message_in_swedish(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, count: int, expected: str
) -> None:
    folder = tmp_path / "translations" / "sv"
    folder.mkdir(parents=True)
    (folder / "x.po").write_text(
        'msgid "{n} thing"\nmsgid_plural "{n} things"\nmsgstr[0] "{n} process"\nmsgstr[1] "{n} processer"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    i18n.reload_catalogues()
    try:
        msg = Message("{n} thing", "{n} things", count)
        assert msg.text(translator("sv")) == expected
        assert msg.text(translator("en")) == f"{count} thing" + ("" if count == 1 else "s")
    finally:
        monkeypatch.undo()
        i18n.reload_catalogues()


def test_unknown_language_falls_back_to_english() -> None:
    assert translator("xx")("Save") == "Save"
    assert translator("xx").lang == "en"


def test_nested_messages_are_translated_with_the_outer_one() -> None:
    from procmodeler.common.errors import EditRefused
    from procmodeler.edit import Editor
    from procmodeler.edit import operations as op

    ed = Editor()
    unit = op.add_unit(ed, "Bygglovsenheten")
    op.add_person(ed, "Anna", unit=unit)
    with pytest.raises(EditRefused) as refused:
        op.delete_unit(ed, unit)
    (line,) = refused.value.lines(translator("sv"))
    assert "medarbetaren 'Anna'" in line
    assert "member" not in line
    (english,) = refused.value.lines(translator("en"))
    assert "member 'Anna'" in english
