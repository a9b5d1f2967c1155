"""``procmodeler diff OLD NEW [--format text|json]``: what changed from OLD to NEW
(models or registers); exit 0 when nothing did, 1 when something did.

``procmodeler diff --textconv FILE`` prints one model as the line-per-field text that
git diffs (the textconv driver that ``git-setup`` configures)."""

from __future__ import annotations

import argparse
import sys

from procmodeler.cli.cmd_check import load_model
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import LANGUAGES, N_, Message, Translator, translator
from procmodeler.io.diff import diff, format_listing, format_text, to_json_text


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    parser.add_argument("old", metavar="OLD", help=tr("the older model (.procm) or register"))
    parser.add_argument(
        "new", metavar="NEW", nargs="?", help=tr("the newer model (.procm) or register")
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=tr("output format (default: text)"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=tr("language of the text (default: the model's language)"),
    )
    parser.add_argument(
        "--textconv",
        action="store_true",
        help=tr("print one model as text for git to compare line by line"),
    )


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        pass


def run(args: argparse.Namespace, tr: Translator) -> int:
    if args.textconv:
        if args.new is not None:
            raise UserError(Message(N_("--textconv takes one model")))
        arch = load_model(args.old, tr)
        _write(format_listing(arch, translator(args.lang or arch.meta.language)))
        return 0
    if args.new is None:
        raise UserError(Message(N_("give two models to compare: OLD and NEW")))
    old = load_model(args.old, tr)
    new = load_model(args.new, tr)
    changes = diff(old, new)
    if args.format == "json":
        _write(to_json_text(changes))
    else:
        _write(format_text(changes, old, new, translator(args.lang or new.meta.language)))
    return 1 if changes else 0
