"""Reading a native file: size, kind and JSON checks, then upgrade and the checking reader."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.common.inputfile import read_input_bytes
from procmodeler.io.native.checker import _Reader
from procmodeler.io.native.format import MAX_FILE_SIZE
from procmodeler.io.native.upgrades import upgrade
from procmodeler.model.architecture import Architecture


def load(path: str | os.PathLike[str]) -> Architecture:
    """Read a ``.procm`` file; any problem raises :class:`UserError` naming the file.
    Only a regular file is read (never a pipe or a device), and at most
    :data:`MAX_FILE_SIZE` bytes of it."""
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise UserError(
            Problem(name, Message(N_("cannot be read: {reason}"), reason=exc.strerror or str(exc)))
        ) from None
    if p.is_dir():
        raise UserError(Problem(name, Message(N_("is a folder, not a file"))))
    if size > MAX_FILE_SIZE:
        raise UserError(
            Problem(
                name,
                Message(
                    N_("is too large to be a model file ({size} MB; the limit is {limit} MB)"),
                    size=size // (1024 * 1024),
                    limit=MAX_FILE_SIZE // (1024 * 1024),
                ),
            )
        )
    return loadb(read_input_bytes(p, MAX_FILE_SIZE, name), name)


def loadb(data: bytes, filename: str = "<model>") -> Architecture:
    """Read a model from the bytes of a ``.procm`` file."""
    if len(data) > MAX_FILE_SIZE:
        raise UserError(Problem(filename, Message(N_("is too large to be a model file"))))
    head = data[:512].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    if head.startswith(b"<"):
        msgid = (
            N_("is a BPMN file, not a procmodeler model; import it with 'procmodeler import-bpmn'")
            if b"bpmn" in data[:4096].lower()
            else N_("is an XML file, not a procmodeler model (.procm)")
        )
        raise UserError(Problem(filename, Message(msgid)))
    if data[:4] == b"PK\x03\x04":
        raise UserError(
            Problem(
                filename,
                Message(
                    N_(
                        "is a zip file (an .xlsx workbook?), not a procmodeler model; "
                        "import a register with 'procmodeler import-register'"
                    )
                ),
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(
            Problem(
                filename,
                Message(N_("is not UTF-8 text, so it is not a procmodeler model file")),
                line=line,
            )
        ) from None
    return loads(text, filename)


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def loads(text: str, filename: str = "<model>") -> Architecture:
    """Read a model from the text of a ``.procm`` file."""
    if not text.strip():
        raise UserError(Problem(filename, Message(N_("is empty, not a procmodeler model file"))))
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise UserError(
            Problem(
                filename,
                Message(
                    N_(
                        "is not valid JSON at column {column} ({reason}); the file may be "
                        "truncated or damaged"
                    ),
                    column=exc.colno,
                    reason=exc.msg,
                ),
                line=exc.lineno,
            )
        ) from None
    except ValueError as exc:
        long_number = _LONG_NUMBER.search(text)
        if long_number is not None:  # Python's limit on the digits of an integer
            raise UserError(
                Problem(
                    filename,
                    Message(
                        N_(
                            "holds a number of {digits} digits, far more than any number in a model"
                        ),
                        digits=len(long_number.group()),
                    ),
                    line=text.count("\n", 0, long_number.start()) + 1,
                )
            ) from None
        raise UserError(
            Problem(filename, Message(N_("holds '{value}', which is not a number"), value=str(exc)))
        ) from None
    except RecursionError:
        raise UserError(Problem(filename, Message(N_("is nested too deeply")))) from None
    _refuse_lone_surrogates(text, filename)
    return from_document(doc, filename)


#: Longer than Python turns into an integer (sys.get_int_max_str_digits: 4,300).
_LONG_NUMBER = re.compile(r"[0-9]{4301,}")
#: A JSON escape of a UTF-16 surrogate (after an odd number of backslashes: an even
#: number is an escaped backslash and then plain text), or a raw surrogate.
_SURROGATE = re.compile(r"(?<!\\)(?:\\\\)*(\\u[dD][89a-fA-F][0-9a-fA-F]{2})|([\ud800-\udfff])")
_PAIR = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _refuse_lone_surrogates(text: str, filename: str) -> None:
    """Refuse a surrogate without its partner, naming its line (JSON allows the escape
    ``\\ud800``, but such text cannot be written as UTF-8: every later save would fail)."""
    if "\\ud" not in text and "\\uD" not in text and _encodable(text):
        return  # the common case, in quick passes (the full pattern is slow on MBs)
    pos = 0
    while (found := _SURROGATE.search(text, pos)) is not None:
        start = found.start(1) if found.group(1) else found.start(2)
        if found.group(1) and _PAIR.match(text, start):
            pos = start + 12  # a proper pair: one character outside the BMP
            continue
        shown = found.group(1) or f"\\u{ord(found.group(2)):04x}"
        raise UserError(
            Problem(
                filename,
                Message(
                    N_("holds '{escape}', half of a UTF-16 character pair, which is not text"),
                    escape=shown,
                ),
                line=text.count("\n", 0, start) + 1,
            )
        )


def _encodable(text: str) -> bool:
    """True when *text* holds no raw surrogate (ASCII text is known to hold none)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def from_document(doc: Any, filename: str = "<model>") -> Architecture:
    """Build a model from a parsed document, upgrading and checking it first."""
    if not isinstance(doc, dict):
        raise UserError(
            Problem(filename, Message(N_("is not a procmodeler model file (no JSON object)")))
        )
    doc = upgrade(doc, filename)
    reader = _Reader(filename)
    arch = reader.read(doc)
    if reader.problems:
        raise UserError(reader.problems)
    return arch
