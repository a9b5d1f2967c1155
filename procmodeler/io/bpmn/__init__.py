"""BPMN 2.0 XML interchange: :func:`export_bpmn` writes an architecture as BPMN 2.0 with
diagram interchange, :func:`import_bpmn` reads BPMN 2.0 from any tool (leniently, with
warnings), and :mod:`~procmodeler.io.bpmn.safexml` parses untrusted XML safely.
The mapping is documented in ``docs/bpmn-mapping.md``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from procmodeler.common.lazy import lazy_attributes

if TYPE_CHECKING:
    from procmodeler.io.bpmn.export import export_bpmn
    from procmodeler.io.bpmn.importer import import_bpmn

__all__ = ["export_bpmn", "import_bpmn"]

#: Each side is loaded when first used (PEP 562): an import does not load the export
#: (its router and label placement), nor an export the import.
_LAZY = {"export_bpmn": "export", "import_bpmn": "importer"}

__getattr__ = lazy_attributes(__name__, _LAZY)
