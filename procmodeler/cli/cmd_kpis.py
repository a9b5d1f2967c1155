"""``procmodeler kpis PATH [--format text|json]``: every KPI with measurements and what
its process behaviour chart says (FLOW-AND-EFFECT.md); PATH a model or a register."""

from __future__ import annotations

import argparse
import sys

from procmodeler.analysis.kpi_output import format_json, format_text
from procmodeler.cli.cmd_check import load_model
from procmodeler.common.i18n import Translator


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help=tr(
            "a model file (.procm) or a process register (a folder of CSV files or an "
            ".xlsx workbook)"
        ),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=tr("output format (default: text)"),
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    arch = load_model(args.path, tr)
    text = format_json(arch) if args.format == "json" else format_text(arch, tr)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        pass
    return 0
