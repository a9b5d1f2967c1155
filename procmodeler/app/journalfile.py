"""The recovery journal's file: framing, the encoding of change records, the header and reading."""

from __future__ import annotations

import dataclasses
import json
import math
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procmodeler import __version__
from procmodeler.app.locking import DiskState
from procmodeler.common.i18n import Message
from procmodeler.common.paths import user_data_dir
from procmodeler.model.changes import COLLECTIONS, Put
from procmodeler.model.elements import (
    Bounds,
    ChangeLogEntry,
    DiagramOptions,
    Improvement,
    Kpi,
    Measurement,
    Metadata,
    Objective,
    Person,
    Process,
    Relation,
    Unit,
)

FORMAT = "procmodeler-journal"
VERSION = 1
SUFFIX = ".journal"
#: Longest line read: the header holds a whole model (at most 200 MB as a .procm file,
#: escaped once more as a JSON string); a longer line is damage, not read on.
MAX_LINE = 2 * 200 * 1024 * 1024 + 65536
#: Most of a journal replayed (about two million edits); later records are not read.
MAX_JOURNAL_BYTES = 1024 * 1024 * 1024
OWNER_SUFFIX = ".owner"

#: Seconds between fsyncs while edits come in quickly (see the module docstring).
SYNC_INTERVAL = 0.2

#: Element records a journal may hold, by type name.
RECORD_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Metadata,
        ChangeLogEntry,
        Process,
        Unit,
        Person,
        Relation,
        Kpi,
        Measurement,
        Objective,
        Improvement,
        Bounds,
        DiagramOptions,
    )
}


class JournalError(Exception):
    """A journal line or value that cannot be read (damaged or from a newer version)."""


class JournalTooNew(JournalError):
    """A journal written by a newer procmodeler: left alone for that version."""


def recovery_dir() -> Path:
    """The folder of the recovery journals (inside the per-user data folder)."""
    return user_data_dir() / "recovery"


# ====================================================================== encoding
def encode_value(value: Any) -> Any:
    """A JSON-ready form of a model value that :func:`decode_value` turns back into an
    equal value of the same types."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"x": repr(value)}
    if isinstance(value, tuple):
        return {"t": [encode_value(item) for item in value]}
    if isinstance(value, list):
        return [encode_value(item) for item in value]
    name = type(value).__name__
    if RECORD_TYPES.get(name) is type(value) and dataclasses.is_dataclass(value):
        return {
            "d": name,
            "f": {f.name: encode_value(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    raise TypeError(f"a {name} cannot be written to the recovery journal")


def decode_value(raw: Any) -> Any:
    """The inverse of :func:`encode_value`; raises JournalError for anything else."""
    if raw is None or isinstance(raw, (str, bool, int, float)):
        return raw
    if isinstance(raw, list):
        return [decode_value(item) for item in raw]
    if isinstance(raw, dict):
        if set(raw) == {"t"} and isinstance(raw["t"], list):
            return tuple(decode_value(item) for item in raw["t"])
        if set(raw) == {"x"} and raw["x"] in ("nan", "inf", "-inf"):
            return float(raw["x"])
        if set(raw) == {"d", "f"} and isinstance(raw["f"], dict):
            cls = RECORD_TYPES.get(raw["d"])
            if cls is None:
                raise JournalError(f"unknown record type {raw['d']!r}")
            known = {f.name for f in dataclasses.fields(cls)}
            fields = raw["f"]
            if not set(fields) <= known:
                raise JournalError(f"unknown fields of {raw['d']}: {sorted(set(fields) - known)}")
            try:
                return cls(**{k: decode_value(v) for k, v in fields.items()})
            except TypeError as exc:
                raise JournalError(str(exc)) from None
    raise JournalError(f"not a journal value: {raw!r}"[:200])


def encode_put(put: Put) -> list[Any]:
    return [
        put.collection,
        encode_value(put.key),
        encode_value(put.old),
        encode_value(put.new),
        put.index,
    ]


def decode_put(raw: Any) -> Put:
    if not isinstance(raw, list) or len(raw) != 5:
        raise JournalError("a change should be [collection, key, old, new, index]")
    collection, key, old, new, index = raw
    if collection not in COLLECTIONS:
        raise JournalError(f"unknown collection {collection!r}")
    if index is not None and (isinstance(index, bool) or not isinstance(index, int)):
        raise JournalError("a change's index should be a whole number or null")
    return Put(collection, decode_value(key), decode_value(old), decode_value(new), index)


def encode_label(label: Any) -> Any:
    if isinstance(label, Message):
        args = {}
        for key, value in label.args.items():
            try:
                args[key] = encode_value(value)
            except TypeError:
                args[key] = str(value)
        return {"msgid": label.msgid, "plural": label.plural, "count": label.count, "args": args}
    return str(label)


def decode_label(raw: Any) -> Message:
    if isinstance(raw, dict) and isinstance(raw.get("msgid"), str):
        args = raw.get("args") or {}
        try:
            decoded = {str(k): decode_value(v) for k, v in args.items()}
        except (JournalError, AttributeError):
            decoded = {}
        count = raw.get("count", 1)
        return Message(
            raw["msgid"],
            raw.get("plural") if isinstance(raw.get("plural"), str) else None,
            count if isinstance(count, int) else 1,
            **decoded,
        )
    return Message(str(raw))


def frame(obj: dict[str, Any]) -> bytes:
    """One journal line: CRC-32 of the JSON text, a space, the JSON text, a line feed."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    data = text.encode("utf-8")
    return b"%08x " % zlib.crc32(data) + data + b"\n"


def unframe(line: bytes) -> dict[str, Any]:
    """The JSON object of one complete journal line; JournalError when it is torn."""
    if not line.endswith(b"\n") or len(line) < 11 or line[8:9] != b" ":
        raise JournalError("torn or damaged line")
    body = line[9:-1]
    try:
        crc = int(line[:8], 16)
    except ValueError:
        raise JournalError("damaged line (no checksum)") from None
    if zlib.crc32(body) != crc:
        raise JournalError("damaged line (checksum does not match)")
    try:
        obj = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise JournalError("damaged line (not JSON)") from None
    if not isinstance(obj, dict):
        raise JournalError("damaged line (not an object)")
    return obj


# ====================================================================== reading
@dataclass(frozen=True)
class Header:
    """What a journal starts from."""

    path: Path | None  # the document's file; None: never saved
    disk: DiskState | None  # that file as the base was read from / written to it
    base: str  # the starting model, as native .procm text
    base_is_file: bool  # True when base is the file's content at ``disk``
    pid: int
    host: str
    created: str

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "app": f"procmodeler {__version__}",
            "pid": self.pid,
            "host": self.host,
            "created": self.created,
            "path": str(self.path) if self.path is not None else None,
            "disk": self.disk.to_json() if self.disk is not None else None,
            "base_is_file": self.base_is_file,
            "base": self.base,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Header:
        if raw.get("format") != FORMAT:
            raise JournalError("not a procmodeler journal")
        version = raw.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise JournalError(f"bad journal version {version!r}")
        if version > VERSION:
            raise JournalTooNew(f"journal version {version} is newer than this program's")
        base = raw.get("base")
        if not isinstance(base, str):
            raise JournalError("the journal has no base model")
        path = raw.get("path")
        pid = raw.get("pid")
        return cls(
            path=Path(path) if isinstance(path, str) else None,
            disk=DiskState.from_json(raw.get("disk")) if raw.get("disk") else None,
            base=base,
            base_is_file=bool(raw.get("base_is_file")),
            pid=pid if isinstance(pid, int) else 0,
            host=str(raw.get("host", "")),
            created=str(raw.get("created", "")),
        )


@dataclass(frozen=True)
class Entry:
    """One committed transaction, undo or redo as recorded."""

    n: int
    how: str
    label: Message
    changes: tuple[Put, ...]


@dataclass
class JournalContents:
    """A journal as read: its header, the intact records, and what was cut off."""

    header: Header
    entries: list[Entry]
    torn_tail: bool = False  # the last line was incomplete (a crash during a write)
    damaged_after: int | None = None  # records after this one were unreadable


def _entry(raw: dict[str, Any], expected: int) -> Entry:
    if raw.get("n") != expected:
        raise JournalError(f"record {raw.get('n')!r} where {expected} was expected")
    how = raw.get("how")
    if how not in ("do", "undo", "redo", "setting"):
        raise JournalError(f"unknown record kind {how!r}")
    changes = raw.get("changes")
    if not isinstance(changes, list):
        raise JournalError("a record without changes")
    return Entry(expected, how, decode_label(raw.get("label")), tuple(map(decode_put, changes)))


def read_journal(path: Path) -> JournalContents:
    """Read a journal file; raises JournalError when even its header is unreadable.

    Records are read up to the first line that is torn or damaged: a torn last line is
    normal after a crash and is ignored; anything unreadable before the end is reported
    in ``damaged_after`` (later records cannot be applied without it).
    """
    with open(path, "rb") as handle:
        header = Header.from_json(unframe(handle.readline(MAX_LINE + 1)))
        contents = JournalContents(header, [])
        expected, total = 1, handle.tell()
        line = handle.readline(MAX_LINE + 1)
        while line:
            following = handle.readline(MAX_LINE + 1)  # to tell a torn last line
            total += len(line)
            try:
                entry = _entry(unframe(line), expected)
            except JournalError:
                if following:
                    contents.damaged_after = expected - 1
                else:
                    contents.torn_tail = True
                break
            contents.entries.append(entry)
            if total > MAX_JOURNAL_BYTES and following:
                contents.damaged_after = expected  # bounded: the rest is not read
                break
            expected += 1
            line = following
    return contents
