"""``procmodeler report FILE -o OUT.pdf|OUT.docx [--format pdf|docx] [--lang en|sv]
[--profile PROFILE.json] [--rules RULES.json] [--sections NAME,...] [--process ID]
[--compare OLD]``: write the report of a model as PDF or as an editable Word document,
with all chapters or those named, of the whole architecture or of one process and its
sub-processes; with ``--compare`` an older version of the model (a ``.procm`` file or a
register) adds the chapter "Changes since version X", X being OLD's version label, or
its file name when it has none.

The format follows from ``--format``, else from the suffix of ``-o`` (``.pdf``,
``.docx``), else PDF; a suffix that says another format than ``--format``, or names
neither, is an error. The language defaults to the model's. The branding profile, the
logo it names, the rules file and the older model are checked before any page is laid
out; a problem with any of them is one line on stderr, exit code 2, and no file is
written. The file is written atomically.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from procmodeler.analysis import load_rules_file
from procmodeler.cli.cmd_check import load_model
from procmodeler.cli.output import check_output, set_inputs, write_output
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import LANGUAGES, N_, Message, Translator
from procmodeler.io.diffwords import summarise
from procmodeler.model.architecture import Architecture
from procmodeler.report import (
    FORMATS,
    SECTIONS,
    Comparison,
    check_scope,
    check_sections,
    load_profile,
    render_report,
)


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
        help=tr("where to write the report, .pdf or .docx (overwritten)"),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=tr("pdf or docx (an editable Word document); default: from the suffix of -o"),
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
            "a branding profile: logo, primary and accent colour, fonts, page size, "
            "confidentiality line, footer, cover subtitle and author"
        ),
    )
    parser.add_argument(
        "--sections",
        metavar="NAME,...",
        help=tr(
            "the chapters to include, separated by commas (the cover and the contents "
            "always are): {names}; default: all"
        ).format(names=", ".join(SECTIONS)),
    )
    parser.add_argument(
        "--process",
        metavar="ID",
        help=tr(
            "report on this process and its sub-processes only (its id, as in the model); "
            "default: the whole architecture"
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

    parser.add_argument(
        "--compare",
        metavar="OLD",
        help=tr(
            "an older version of the model (.procm or register): adds the chapter "
            "'Changes since version X' to the report"
        ),
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    set_inputs(args.file, args.profile, args.rules, args.compare)
    check_output(args.output)
    fmt = output_format(args.output, args.format)
    chosen = None
    if args.sections is not None:
        names = [n.strip() for n in args.sections.split(",") if n.strip()]
        chosen = check_sections(names, "--sections")
    profile = load_profile(args.profile) if args.profile else None
    overrides = load_rules_file(args.rules) if args.rules else None
    arch = load_model(args.file, tr)
    check_scope(arch, args.process, args.file)
    compare = comparison(args.compare, arch, tr) if args.compare else None
    data = render_report(
        arch,
        lang=args.lang,
        profile=profile,
        overrides=overrides,
        fmt=fmt,
        sections=chosen,
        scope=args.process,
        compare=compare,
    )
    write_output(args.output, data)
    return 0


def comparison(path: str, arch: Architecture, tr: Translator) -> Comparison:
    """The changes since the older model at *path*, which is named by its version label,
    else by its file's name."""
    old = load_model(path, tr)
    return Comparison(
        old.meta.version_label or Path(path).name,
        lambda language: summarise(old, arch, language),
    )


def output_format(output: str, asked: str | None) -> str:
    """The format to write: *asked* (``--format``), else the one the suffix of *output*
    names, else PDF. A suffix naming another format, or none of them, is refused."""
    suffix = Path(output).suffix.lower()
    if not suffix:
        return asked or "pdf"
    named = suffix[1:]
    if named not in FORMATS:
        raise UserError(
            Problem(
                output,
                Message(N_("a report is written as .pdf or .docx, not as {suffix}"), suffix=suffix),
            )
        )
    if asked is not None and asked != named:
        raise UserError(
            Problem(
                output,
                Message(
                    N_("ends in {suffix} but --format asks for {format}"),
                    suffix=suffix,
                    format=asked,
                ),
            )
        )
    return named
