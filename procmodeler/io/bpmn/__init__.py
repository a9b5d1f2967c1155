"""BPMN 2.0 XML interchange: :func:`export_bpmn` writes an architecture as BPMN 2.0 with
diagram interchange, :func:`import_bpmn` reads BPMN 2.0 from any tool (leniently, with
warnings), and :mod:`~procmodeler.io.bpmn.safexml` parses untrusted XML safely.
The mapping is documented in ``docs/bpmn-mapping.md``."""

from procmodeler.io.bpmn.export import export_bpmn
from procmodeler.io.bpmn.importer import import_bpmn

__all__ = ["export_bpmn", "import_bpmn"]
