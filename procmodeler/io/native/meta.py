"""The model's metadata in the native file, with its document control (format version 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from procmodeler.common.i18n import N_
from procmodeler.io.native.format import META_KEYS
from procmodeler.model.elements import ChangeLogEntry, Metadata

if TYPE_CHECKING:
    from procmodeler.io.native.checker import _Reader

#: The keys every file writes, in order (format version 1).
BASE_KEYS: tuple[str, ...] = META_KEYS[:5]
#: The keys of one change log entry, in order.
ENTRY_KEYS: tuple[str, ...] = ("date", "version", "change", "author")


def meta_record(meta: Metadata, inline: type) -> dict[str, Any]:
    """The ``meta`` object of a file (*inline*: the writer's one-line record type)."""
    rec: dict[str, Any] = {key: getattr(meta, key) for key in BASE_KEYS}
    if meta.status != "draft":
        rec["status"] = meta.status
    for key in ("adopted_by", "adopted_on", "reference", "distribution"):
        value = getattr(meta, key)
        if value not in (None, ""):
            rec[key] = value
    if meta.change_log:
        rec["change_log"] = [
            inline({key: getattr(entry, key) for key in ENTRY_KEYS}) for entry in meta.change_log
        ]
    return rec


def read_meta(checker: _Reader, value: Any) -> Metadata:
    """The metadata of a ``meta`` object, every problem named by its JSON path (the
    validator checks the status and the dates)."""
    rec = checker.obj(value, "meta", (), META_KEYS)
    if rec is None:
        return Metadata()
    adopted_on = rec.get("adopted_on")
    if adopted_on is not None and not isinstance(adopted_on, str):
        checker.problem("meta.adopted_on", N_("should be a date YYYY-MM-DD"))
        adopted_on = None
    return Metadata(
        name=checker.text(rec, "name", "meta"),
        organisation=checker.text(rec, "organisation", "meta"),
        language=checker.word(rec, "language") if "language" in rec else "en",
        version_label=checker.text(rec, "version_label", "meta"),
        author=checker.text(rec, "author", "meta"),
        status=checker.word(rec, "status") if "status" in rec else "draft",
        adopted_by=checker.text(rec, "adopted_by", "meta"),
        adopted_on=adopted_on,
        reference=checker.text(rec, "reference", "meta"),
        distribution=checker.text(rec, "distribution", "meta"),
        change_log=_change_log(checker, rec),
    )


def _change_log(checker: _Reader, rec: dict[str, Any]) -> tuple[ChangeLogEntry, ...]:
    if "change_log" not in rec:
        return ()
    entries = []
    for i, item in enumerate(checker.seq(rec["change_log"], "meta.change_log")):
        path = f"meta.change_log[{i}]"
        entry = checker.obj(item, path, ("date", "change"), ENTRY_KEYS)
        if entry is not None:
            entries.append(ChangeLogEntry(*(checker.text(entry, key, path) for key in ENTRY_KEYS)))
    return tuple(entries)
