"""The Qt-free message catalogue for the model, edit, checks, file formats, report and
command line.

Source strings are English and marked with ``_()`` (translated at once) or ``N_()``
(marked only; translated later). Translations are gettext ``.po`` files under
``procmodeler/resources/translations/<lang>/`` (one file per area, e.g. ``checks.po``), read
directly: no compile step. The UI uses Qt's own ``tr`` for its widgets and this
catalogue for messages that come from the layers below.

Usage::

    tr = translator("sv")
    tr("Unowned process")                      # -> "Process utan ägare"
    tr.n("Move {n} process", "Move {n} processes", 3).format(n=3)
    msg = Message("Rename '{old}' to '{new}'", old="A", new="B")
    msg.text(tr)                               # translated and formatted late
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procmodeler.common.paths import resources_dir

LANGUAGES: tuple[str, ...] = ("en", "sv")
_PLURAL_SEP = "\x00"


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a string for translation without translating it (translate it later)."""
    return msgid


def _unquote(text: str) -> str:
    import ast  # only when a catalogue is read: not on every start

    return str(ast.literal_eval(text))


def parse_po(text: str) -> dict[str, str | list[str]]:
    """Parse a gettext ``.po`` text into ``{msgid: msgstr}``.

    Plural entries are keyed ``singular + "\\x00" + plural`` and map to the list of
    plural forms. Fuzzy and empty translations are left out; the header is skipped.
    """
    entries: dict[str, str | list[str]] = {}
    current: dict[str, Any] = {}
    last: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal current, fuzzy
        msgid = current.get("msgid")
        if msgid and not fuzzy:
            if "msgid_plural" in current:
                forms = [current.get(f"msgstr[{i}]", "") for i in range(10)]
                forms = [f for f in forms if f]
                if forms:
                    entries[msgid + _PLURAL_SEP + current["msgid_plural"]] = forms
            elif current.get("msgstr"):
                entries[msgid] = current["msgstr"]
        current = {}
        fuzzy = False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            last = None
            continue
        if line.startswith("#,") and "fuzzy" in line:
            if current:
                flush()
            fuzzy = True
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if last is not None:
                current[last] += _unquote(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid" and "msgid" in current:
            flush()
        current[keyword] = _unquote(rest)
        last = keyword
    flush()
    return entries


@functools.cache
def _catalogue(lang: str) -> dict[str, str | list[str]]:
    folder = resources_dir() / "translations" / lang
    merged: dict[str, str | list[str]] = {}
    if folder.is_dir():
        for po in sorted(folder.glob("*.po")):
            merged.update(parse_po(po.read_text(encoding="utf-8")))
    return merged


class Translator:
    """Translates English source strings into one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "en"
        self._entries = _catalogue(self.lang) if self.lang != "en" else {}

    def __call__(self, msgid: str) -> str:
        value = self._entries.get(msgid)
        return value if isinstance(value, str) else msgid

    def n(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form for *count* (English and Swedish: n != 1)."""
        value = self._entries.get(singular + _PLURAL_SEP + plural)
        index = 0 if count == 1 else 1
        if isinstance(value, list) and value:
            return value[min(index, len(value) - 1)]
        return singular if index == 0 else plural

    def has(self, msgid: str) -> bool:
        return self.lang == "en" or msgid in self._entries


@functools.cache
def translator(lang: str) -> Translator:
    """The (cached) translator for a language code; unknown codes give English."""
    return Translator(lang)


def reload_catalogues() -> None:
    """Forget cached catalogues (tests that write .po files use it)."""
    _catalogue.cache_clear()
    translator.cache_clear()


@dataclass(frozen=True)
class Message:
    """A message kept untranslated until it is shown, with its format arguments.

    With ``plural`` set, ``count`` chooses the form and is also available as ``{n}``.
    """

    msgid: str
    plural: str | None = None
    count: int = 1
    args: dict[str, Any] = field(default_factory=dict)

    def __init__(self, msgid: str, plural: str | None = None, count: int = 1, **args: Any) -> None:
        # the fields at once, past the frozen __setattr__ (a check makes thousands)
        self.__dict__.update(msgid=msgid, plural=plural, count=count, args=args)

    def text(self, tr: Translator | None = None) -> str:
        tr = tr or translator("en")
        template = tr.n(self.msgid, self.plural, self.count) if self.plural else tr(self.msgid)
        args = {key: _render(value, tr) for key, value in self.args.items()}
        return template.format(n=self.count, **args)

    def __str__(self) -> str:
        return self.text()


def _render(value: Any, tr: Translator) -> Any:
    """A format argument in the message's language: nested messages are translated with
    the same translator, a list of them joined with "; "."""
    if isinstance(value, Message):
        return value.text(tr)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, Message) for v in value):
        return "; ".join(v.text(tr) for v in value)
    return value


def catalogue_path(lang: str) -> Path:
    return resources_dir() / "translations" / lang
