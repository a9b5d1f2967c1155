"""``procmodeler git-setup [DIR]``: make ``git diff`` and ``git merge`` of ``*.procm``
files in DIR's repository use ``procmodeler diff`` (a textconv driver) and
``procmodeler merge`` (a merge driver): ``.gitattributes`` in DIR and the repository's
git config."""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from procmodeler.cli.output import note, write_output
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message, Translator

ATTRIBUTES_LINE = "*.procm diff=procmodeler merge=procmodeler"


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    parser.add_argument(
        "dir", metavar="DIR", nargs="?", default=".", help=tr("a folder in the git repository")
    )
    parser.add_argument(
        "--command",
        dest="git_command",
        metavar="CMD",
        help=tr("how git should call procmodeler (default: this installation's own path)"),
    )


def this_command() -> str:
    """A command line that runs this very procmodeler, whatever PATH says."""
    return f"{shlex.quote(sys.executable)} -m procmodeler"


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    git = shutil.which("git")
    if git is None:
        raise UserError(Message(N_("git is not installed (no 'git' on the PATH)")))
    return subprocess.run(
        [git, "-C", str(folder), *args], capture_output=True, text=True, check=False
    )


def git_config(folder: Path, command: str) -> dict[str, str]:
    """The git configuration that ``git-setup`` writes."""
    return {
        "diff.procmodeler.textconv": f"{command} diff --textconv",
        "merge.procmodeler.name": "procmodeler three-way merge of models",
        "merge.procmodeler.driver": f"{command} merge %O %A %B -o %A",
    }


def run(args: argparse.Namespace, tr: Translator) -> int:
    folder = Path(args.dir)
    if not folder.is_dir():
        raise UserError(Problem(args.dir, Message(N_("is not a folder"))))
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise UserError(Problem(args.dir, Message(N_("is not in a git repository"))))
    attributes = folder / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.is_file() else ""
    if ATTRIBUTES_LINE not in text.splitlines():
        if text and not text.endswith("\n"):
            text += "\n"
        write_output(attributes, (text + ATTRIBUTES_LINE + "\n").encode("utf-8"))
        note(
            Message(
                N_("wrote '{line}' to {file}"), line=ATTRIBUTES_LINE, file=str(attributes)
            ).text(tr),
            tr,
        )
    for key, value in git_config(folder, args.git_command or this_command()).items():
        done = _git(folder, "config", "--local", key, value)
        if done.returncode != 0:
            reason = done.stderr.strip() or str(done.returncode)
            raise UserError(
                Problem(args.dir, Message(N_("git config failed: {reason}"), reason=reason))
            )
        note(f"git config {key} {shlex.quote(value)}", tr)
    return 0
