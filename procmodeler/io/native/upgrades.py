"""Upgrading a parsed native document of an older format version, one step at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.io.native.format import FORMAT_VERSION

#: Upgrade steps: ``UPGRADES[n]`` turns a version-n document (parsed JSON) into a
#: version n+1 document. Add one function per new format version; never change old ones.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the optional ``series`` of a KPI (its measurements,
    FLOW-AND-EFFECT.md); a version-1 document is a version-2 document as it is."""
    return doc


UPGRADES[1] = _v1_to_v2


def _v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds strategic steering and everyday improvement (REGISTER.md version
    2): the optional lists ``objectives``, ``contributions`` and ``improvements``, a
    KPI's ``objective`` and a process's ``established`` and ``next_review``; a version-2
    document is a version-3 document as it is."""
    return doc


UPGRADES[2] = _v2_to_v3


def _v3_to_v4(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 4 adds the document control to ``meta``: the optional ``status``,
    ``adopted_by``, ``adopted_on``, ``reference``, ``distribution`` and ``change_log``; a
    version-3 document is a version-4 document as it is."""
    return doc


UPGRADES[3] = _v3_to_v4


def upgrade(doc: dict[str, Any], filename: str = "<model>") -> dict[str, Any]:
    """Bring a parsed document of any supported version to :data:`FORMAT_VERSION`."""
    version = doc.get("format_version")
    if version is None:
        raise UserError(
            Problem(
                filename,
                Message(N_("has no format_version, so it is not a procmodeler model file")),
            )
        )
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise UserError(
            Problem(
                filename,
                Message(N_("should be a whole number of 1 or more")),
                column="format_version",
            )
        )
    if version > FORMAT_VERSION:
        raise UserError(
            Problem(
                filename,
                Message(
                    N_(
                        "was saved by a newer procmodeler (file format version {file}); this "
                        "version reads format version {ours} and older: please update procmodeler"
                    ),
                    file=version,
                    ours=FORMAT_VERSION,
                ),
            )
        )
    while version < FORMAT_VERSION:
        doc = UPGRADES[version](doc)
        version += 1
        doc["format_version"] = version
    return doc
