"""``procmodeler merge BASE OURS THEIRS -o OUT``: three-way merge of models; exit 0
merged, 1 merged with conflicts (OUT keeps OURS for them and records them; one line per
conflict on stderr). Usable as a git merge driver: ``procmodeler merge %O %A %B -o %A``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from procmodeler.cli.cmd_check import load_model
from procmodeler.cli.output import check_output
from procmodeler.common.i18n import Translator
from procmodeler.io import native
from procmodeler.io.diff import Namer
from procmodeler.io.merge import describe, merge
from procmodeler.model.architecture import Architecture


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    parser.add_argument(
        "base", metavar="BASE", help=tr("the common ancestor (an empty file: none)")
    )
    parser.add_argument("ours", metavar="OURS", help=tr("our version"))
    parser.add_argument("theirs", metavar="THEIRS", help=tr("their version"))
    parser.add_argument(
        "-o", dest="output", metavar="OUT", required=True, help=tr("the merged model to write")
    )


def _load_base(path: str, tr: Translator) -> Architecture:
    """The common ancestor; git gives an empty file when there is none."""
    file = Path(path)
    if file.is_file() and file.stat().st_size == 0:
        return Architecture()
    return load_model(path, tr)


def run(args: argparse.Namespace, tr: Translator) -> int:
    check_output(args.output)
    base = _load_base(args.base, tr)
    ours = load_model(args.ours, tr)
    theirs = load_model(args.theirs, tr)
    result = merge(base, ours, theirs)
    native.save(result.model, args.output)
    namer = Namer(theirs, ours, tr)
    for conflict in result.conflicts:
        print(f"procmodeler: {tr('conflict')}: {describe(conflict, namer)}", file=sys.stderr)
    return 1 if result.conflicts else 0
