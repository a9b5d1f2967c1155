"""Safe parsing of untrusted XML (BPMN files from other tools and other people).

The parser reads nothing but the bytes it is given: no DTD is loaded, no entity is
expanded, nothing is fetched from the network or the disk, and a document that
declares a DOCTYPE at all is refused (an unexpanded entity would otherwise survive
into the tree). The size of the input and the nesting depth of the document are
limited. The declared encoding and a byte-order mark are honoured (UTF-8, UTF-16,
ISO-8859-1, windows-1252, ...), because the parser is given bytes, not text.

Every refusal is a :class:`~procmodeler.common.errors.UserError` with one clear line.
"""

from __future__ import annotations

import os
import re
from typing import Any

from lxml import etree

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.common.inputfile import read_input_bytes

#: Largest file accepted (bytes). A 10,000-process export is about 20 MB.
MAX_BYTES = 200 * 1024 * 1024
#: Deepest element nesting accepted: libxml2's own limit without its "huge" option
#: (enforced while parsing, so a deep document costs nothing). A 20-level process
#: hierarchy is about 30 elements deep.
MAX_DEPTH = 256


_WHERE = re.compile(r",? line \d+, column \d+$")


def _refuse(source: str, msgid: str, **args: Any) -> UserError:
    return UserError(Problem(source, Message(msgid, **args)))


def read_limited(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, refusing folders, special files (a pipe, a device), missing
    files and files over the limit (at most the limit is read, whatever the size says)."""
    return read_input_bytes(path, MAX_BYTES)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def parse_bytes(data: bytes, source: str = "") -> etree._Element:
    """Parse untrusted XML bytes into an element tree root, or raise UserError."""
    if len(data) > MAX_BYTES:
        raise _refuse(
            source,
            N_("is too large ({size} MB; at most {limit} MB are read)"),
            size=len(data) // (1024 * 1024),
            limit=MAX_BYTES // (1024 * 1024),
        )
    if not data.strip(b" \t\r\n\x00"):
        raise _refuse(source, N_("is empty"))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        text = str(exc.msg or exc)
        if "depth" in text.lower() and "excessive" in text.lower():
            raise _refuse(
                source,
                N_("is nested too deeply (more than {limit} levels of elements)"),
                limit=MAX_DEPTH,
            ) from None
        if "encoding" in text.lower() or "unsupported" in text.lower():
            raise _refuse(
                source, N_("has an encoding that cannot be read: {reason}"), reason=text
            ) from None
        line = exc.lineno if exc.lineno else None
        reason = _WHERE.sub("", text).strip()
        raise UserError(
            Problem(source, Message(N_("is not well-formed XML: {reason}"), reason=reason), line)
        ) from None
    except (ValueError, LookupError) as exc:
        raise _refuse(
            source, N_("has an encoding that cannot be read: {reason}"), reason=str(exc)
        ) from None
    if root is None:
        raise _refuse(source, N_("is empty"))
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise _refuse(
            source,
            N_("declares a DOCTYPE; documents with a DTD or entities are refused for safety"),
        )
    return root
