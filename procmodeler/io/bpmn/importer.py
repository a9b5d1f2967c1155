"""BPMN 2.0 import: any tool's BPMN 2.0 XML as an architecture, leniently.

:func:`import_bpmn` returns the model and a list of warnings (translatable messages)
for everything it did not map; it fails (``UserError``, one line) only on input that
is not safe, not XML or not BPMN 2.0. The mapping (``docs/bpmn-mapping.md``):

* a participant and the process it references become one top-level process; a
  process no participant references (and no call activity calls) too;
* sub-processes, call activities (with the process they call, when it is in the file)
  and tasks become child processes of the process or sub-process that holds them;
* lanes become units taking part with ``R``; resource roles become owner
  (``potentialOwner``), leader (``humanPerformer``) and participating units
  (``performer``), with the letters of our extension where present;
* sequence and message flows become flow relations, bridged through gateways and
  events so that the flow between activities survives;
* the file's diagram geometry is kept where present (a level whose shapes were drawn
  inside a pool or an expanded sub-process is moved to the diagram's top left);
  processes without geometry are laid out automatically;
* our own extension data (``urn:procmodeler:bpmn:1``) restores everything else, so
  that our own export imports back losslessly.
"""

from __future__ import annotations

import os

from lxml import etree

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.gcpause import gc_paused
from procmodeler.common.i18n import N_, Message
from procmodeler.io.bpmn.import_base import MAX_IDS_IN_WARNING
from procmodeler.io.bpmn.import_build import _Builder
from procmodeler.io.bpmn.names import (
    BPMN,
    EXTENSION_VERSION,
    b,
)
from procmodeler.io.bpmn.safexml import parse_bytes, read_limited
from procmodeler.model.architecture import Architecture
from procmodeler.model.ids import IdAllocator
from procmodeler.model.validate import violations

Warning_ = Message

_BPMN_IDS = etree.XPath("descendant-or-self::bpmn:*/@id", namespaces={"bpmn": BPMN})


def import_bpmn(
    source: str | os.PathLike[str] | bytes, name: str = ""
) -> tuple[Architecture, list[Message]]:
    """Read BPMN 2.0 XML (a path or the file's bytes) as an architecture.

    Returns ``(architecture, warnings)``. Raises :class:`UserError` for input that is
    unsafe, not well-formed XML or not BPMN 2.0.
    """
    if isinstance(source, bytes):
        label = name or "<bpmn>"
        data = source
    else:
        label = name or str(source)
        data = read_limited(source)
    root = parse_bytes(data, label)
    if root.tag != b("definitions"):
        raise UserError(
            Problem(
                label,
                Message(
                    N_(
                        "is not a BPMN 2.0 file: its root element is <{tag}>, not <definitions> "
                        "of the BPMN 2.0 model namespace"
                    ),
                    tag=etree.QName(root).localname if isinstance(root.tag, str) else "?",
                ),
            )
        )
    with gc_paused():
        arch, warnings = _Importer(root).run()
    found = violations(arch)
    if found:  # the importer repairs what it can; anything left is refused, not kept
        first = found[0]
        raise UserError(
            Problem(
                label,
                Message(
                    N_("cannot be imported: '{id}' is not valid after the import ({field})"),
                    id=str(first.key),
                    field=first.field,
                ),
            )
        )
    return arch, warnings


class _Importer(_Builder):
    # ------------------------------------------------------------------ main
    def run(self) -> tuple[Architecture, list[Message]]:
        root = self.root
        duplicates: list[str] = []
        # the id attributes of the BPMN elements, in document order, each with its
        # element (an XPath with an [@id] test took six times as long on a 16.9 MB file,
        # every element's get("id") twice as long as this)
        by_id = self.by_id
        for attribute in _BPMN_IDS(root):
            if attribute:
                ident = str(attribute)
                if ident in by_id:
                    duplicates.append(ident)
                else:
                    by_id[ident] = attribute.getparent()
        self.ids = IdAllocator(set(self.by_id))
        if duplicates:
            self.warnings.append(
                Message(
                    "{n} duplicate id; only the first element with it was used: {ids}",
                    "{n} duplicate ids; only the first element with each was used: {ids}",
                    len(duplicates),
                    ids=", ".join(duplicates[:MAX_IDS_IN_WARNING]),
                )
            )
        info = self.info
        if info is not None:
            version = info.get("version", "1")
            if version.isdigit() and int(version) > EXTENSION_VERSION:
                self.warn(
                    N_(
                        "the file was written by a newer procmodeler (extension version "
                        "{version}); data it does not know was left out"
                    ),
                    version=version,
                )
        self._structure()
        self._extension_namespaces()
        arch = self._build()
        self._summarise()
        return arch, self.warnings

    # ------------------------------------------------------------------ summary
    def _summarise(self) -> None:
        if self.bridged_nodes:
            self.warnings.append(
                Message(
                    "{n} event or gateway is not a process in procmodeler; the flows "
                    "through it became direct relations",
                    "{n} events and gateways are not processes in procmodeler; the flows "
                    "through them became direct relations",
                    self.bridged_nodes,
                )
            )
        for kind, count in sorted(self.unmapped.items()):
            ids = self.unmapped_ids.get(kind, [])
            shown = ", ".join(ids[:MAX_IDS_IN_WARNING])
            if len(ids) > MAX_IDS_IN_WARNING:
                shown += ", ..."
            self.warnings.append(
                Message(
                    N_("{number} <{element}> not imported: {ids}"),
                    number=count,
                    element=kind,
                    ids=shown or "-",
                )
            )
        if self.foreign_ns:
            self.warnings.append(
                Message(
                    N_("extension data of other tools was not imported (namespaces: {names})"),
                    names=", ".join(sorted(self.foreign_ns)),
                )
            )
