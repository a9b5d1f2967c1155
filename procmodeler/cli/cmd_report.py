"""``procmodeler report FILE -o OUT.pdf [--lang en|sv] [--profile PROFILE.json]
[--rules RULES.json]``: write the PDF report of a model.

The language defaults to the model's. The branding profile, the logo it names and the
rules file are checked before any page is laid out; a problem with any of them is one
line on stderr, exit code 2, and no file is written. The PDF is written atomically.
"""

from __future__ import annotations

import argparse

from procmodeler.analysis import load_rules_file
from procmodeler.cli.cmd_check import load_model
from procmodeler.cli.output import check_output, set_inputs, write_output
from procmodeler.common.i18n import LANGUAGES, Translator
from procmodeler.report import load_profile, render_report


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help=tr(
            "a model file (.procm) or a process register (a folder of CSV files or an "
            ".xlsx workbook)"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.pdf",
        help=tr("where to write the PDF (overwritten)"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=tr("language of the report (default: the model's language)"),
    )
    parser.add_argument(
        "--profile",
        metavar="PROFILE.json",
        help=tr(
            "a branding profile: logo, primary and secondary colour, page size, "
            "confidentiality line and author"
        ),
    )
    parser.add_argument(
        "--rules",
        metavar="RULES.json",
        help=tr(
            "a rules file that switches rules off, changes their severity or suppresses "
            "findings, for this report"
        ),
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    set_inputs(args.file, args.profile, args.rules)
    check_output(args.output)
    profile = load_profile(args.profile) if args.profile else None
    overrides = load_rules_file(args.rules) if args.rules else None
    arch = load_model(args.file, tr)
    data = render_report(arch, lang=args.lang, profile=profile, overrides=overrides)
    write_output(args.output, data)
    return 0
