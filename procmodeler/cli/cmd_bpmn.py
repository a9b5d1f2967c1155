"""The ``export-bpmn`` and ``import-bpmn`` commands: a model to BPMN 2.0 XML and back.

``procmodeler export-bpmn MODEL -o OUT.bpmn`` writes BPMN 2.0 XML with diagram
interchange (see docs/bpmn-mapping.md). ``procmodeler import-bpmn IN.bpmn -o
OUT.procm`` reads any tool's BPMN 2.0 file, prints what it could not map as warnings on
stderr and writes the model. Bad input (unsafe, not XML, not BPMN) exits 2 with one line
and writes nothing.
"""

from __future__ import annotations

import argparse

from procmodeler.cli.output import check_output, end_process, set_inputs, warn, write_output
from procmodeler.common.gcpause import gc_paused
from procmodeler.common.i18n import Translator
from procmodeler.io import native


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    if name == "export-bpmn":
        parser.add_argument("model", metavar="MODEL", help=tr("the model file (.procm)"))
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="OUT.bpmn",
            help=tr("the BPMN 2.0 XML file to write"),
        )
    else:
        parser.add_argument("bpmn", metavar="IN.bpmn", help=tr("the BPMN 2.0 XML file to read"))
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="OUT.procm",
            help=tr("the model file to write"),
        )


def run(args: argparse.Namespace, tr: Translator) -> int:
    set_inputs(args.model if args.command == "export-bpmn" else args.bpmn)
    check_output(args.output)
    if args.command == "export-bpmn":
        from procmodeler.io.bpmn.export import export_bpmn  # each side loads only its own

        arch = native.load(args.model)
        write_output(args.output, export_bpmn(arch))
        return 0
    from procmodeler.io.bpmn.importer import import_bpmn

    # the import builds the model and its file text: the collector, paused, does not walk
    # the hundreds of thousands of objects again and again (and what they are lives
    # until the process ends when the command is the whole process, as with check)
    with gc_paused(until_exit=getattr(args, "whole_process", False)):
        arch, warnings = import_bpmn(args.bpmn)
        for message in warnings:
            text = message if isinstance(message, str) else message.text(tr)
            warn(f"{args.bpmn}: {text}", tr)
        data = native.dumps(arch).encode("utf-8")
    write_output(args.output, data)
    if getattr(args, "whole_process", False):
        end_process(0)
    return 0
