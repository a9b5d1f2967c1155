"""The native file ``*.procm``: a versioned, diff-friendly JSON document of a whole model.

Writing is deterministic: UTF-8 without escapes, two-space indentation, LF line ends, a
final newline, keys in one fixed order, lists in the model's stored order, no
timestamps, numbers in one canonical form. Small leaf records (a shape, a participation
row, a relation, a waypoint list) are written on one line each so that a change to one
element is a one-line diff. Saving the same model twice, or opening and saving a saved
file, gives the same bytes. ``docs/file-format.md`` is the field reference and
``procmodeler/resources/schemas/procm-2.schema.json`` the JSON Schema.

Reading checks everything a hand-edited or damaged file can get wrong (JSON syntax,
types, unknown fields, invalid or duplicate ids, dangling references, cycles) and
reports each problem with the file and the JSON path (``processes[3].kind``). Older
format versions are upgraded one step at a time by the functions in :data:`UPGRADES`;
newer ones are refused with a message naming both versions.

The package: ``format`` (version, limits, key order), ``writer``, ``reader`` (the entry
points), ``checker`` (the checking reader) and ``upgrades``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from procmodeler.common.lazy import lazy_attributes
from procmodeler.io.native.format import (
    FORMAT_VERSION,
    MAX_FILE_SIZE,
    META_KEYS,
    RULE_SETTINGS,
    SUFFIX,
    TOP_KEYS,
)
from procmodeler.io.native.writer import _number as _number
from procmodeler.io.native.writer import dumps, save, to_document

if TYPE_CHECKING:
    from procmodeler.io.native.reader import from_document, load, loadb, loads
    from procmodeler.io.native.upgrades import UPGRADES, upgrade

#: Reading is loaded when first used (PEP 562): a command that only writes a model
#: file (import-bpmn, import-register) does not load the checking reader.
_LAZY = {
    "from_document": "reader",
    "load": "reader",
    "loadb": "reader",
    "loads": "reader",
    "UPGRADES": "upgrades",
    "upgrade": "upgrades",
    "reader": None,
    "checker": None,
    "upgrades": None,
    "wording": None,
}

__getattr__ = lazy_attributes(__name__, _LAZY)


__all__ = [
    "FORMAT_VERSION",
    "MAX_FILE_SIZE",
    "META_KEYS",
    "RULE_SETTINGS",
    "SUFFIX",
    "TOP_KEYS",
    "UPGRADES",
    "dumps",
    "from_document",
    "load",
    "loadb",
    "loads",
    "save",
    "to_document",
    "upgrade",
]
