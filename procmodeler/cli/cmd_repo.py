"""``procmodeler repo init|push|pull|log|list``: the shared repository on PostgreSQL.

``repo push MODEL URL --name NAME`` stores MODEL and then writes MODEL again (atomically)
so that it remembers the version it now is (and holds the merge when others had pushed
since): the next push of the same file is based on it. A conflict exits 1 and stores and
writes nothing; every other problem exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from procmodeler.cli.output import check_output, note, write_output
from procmodeler.common.i18n import N_, Message, Translator
from procmodeler.io import native
from procmodeler.repository import PushConflict, Repository, summary_text

_URL_HELP = N_(
    "the repository's database: postgresql://user@host:port/database (libpq's environment "
    "variables, PGPASSWORD and ~/.pgpass are honoured; put no password in the address)"
)


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    sub = parser.add_subparsers(
        dest="repo_command", metavar="ACTION", required=True, parser_class=type(parser)
    )
    init = sub.add_parser("init", help=tr("set up the repository's tables and roles"))
    init.add_argument("url", metavar="URL", help=tr(_URL_HELP))
    push = sub.add_parser("push", help=tr("store a model as the next version"))
    push.add_argument("model", metavar="MODEL", help=tr("the model file (.procm)"))
    push.add_argument("url", metavar="URL", help=tr(_URL_HELP))
    push.add_argument("--name", required=True, metavar="NAME", help=tr("the architecture"))
    pull = sub.add_parser("pull", help=tr("write a version as a model file"))
    pull.add_argument("url", metavar="URL", help=tr(_URL_HELP))
    pull.add_argument("--name", required=True, metavar="NAME", help=tr("the architecture"))
    pull.add_argument(
        "-o", "--output", required=True, metavar="OUT.procm", help=tr("the model file to write")
    )
    pull.add_argument(
        "--version", type=int, metavar="N", help=tr("the version (default: the latest)")
    )
    log = sub.add_parser("log", help=tr("list the versions of an architecture"))
    log.add_argument("url", metavar="URL", help=tr(_URL_HELP))
    log.add_argument("--name", required=True, metavar="NAME", help=tr("the architecture"))
    log.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=tr("output format (default: text)"),
    )
    listing = sub.add_parser("list", help=tr("list the architectures in the repository"))
    listing.add_argument("url", metavar="URL", help=tr(_URL_HELP))


def run(args: argparse.Namespace, tr: Translator) -> int:
    action = args.repo_command
    if action == "init":
        return _init(args, tr)
    if action == "push":
        return _push(args, tr)
    if action == "pull":
        check_output(args.output)
        with Repository(args.url) as repo:
            model = repo.pull(args.name, args.version)
        write_output(args.output, native.dumps(model).encode("utf-8"))
        return 0
    if action == "log":
        with Repository(args.url) as repo:
            versions = repo.log(args.name)
        _print_log(versions, args.format, tr)
        return 0
    with Repository(args.url) as repo:
        for info in repo.architectures():
            when = info.updated_at.isoformat(timespec="seconds") if info.updated_at else ""
            print(f"{info.name}\t{info.head}\t{when}\t{info.author}")
    return 0


def _init(args: argparse.Namespace, tr: Translator) -> int:
    with Repository(args.url, migrate=False) as repo:
        done, (reader, editor) = repo.init()
    if done:
        note(Message(N_("repository schema set up to version {v}"), v=done[-1]).text(tr), tr)
    else:
        note(tr("the repository was already set up; nothing to do"), tr)
    note(
        Message(
            N_("roles: '{reader}' may read, '{editor}' may push; grant them to login roles"),
            reader=reader,
            editor=editor,
        ).text(tr),
        tr,
    )
    return 0


def _push(args: argparse.Namespace, tr: Translator) -> int:
    model = native.load(args.model)
    check_output(args.model)
    with Repository(args.url) as repo:
        try:
            result = repo.push(model, args.name)
        except PushConflict as exc:
            for line in exc.lines(tr):
                print(f"procmodeler: {tr('conflict')}: {line}", file=sys.stderr)
            note(tr("nothing was stored; pull the latest version and redo your changes there"), tr)
            return 1
    write_output(args.model, native.dumps(result.model).encode("utf-8"))
    if not result.stored:
        note(
            Message(
                N_("nothing changed; '{name}' stays at version {v}"),
                name=args.name,
                v=result.version,
            ).text(tr),
            tr,
        )
    elif result.merged:
        note(
            Message(
                N_("merged with what others pushed and stored as version {v}"), v=result.version
            ).text(tr),
            tr,
        )
    else:
        note(Message(N_("stored as version {v}"), v=result.version).text(tr), tr)
    return 0


def _print_log(versions: list[Any], fmt: str, tr: Translator) -> None:
    if fmt == "json":
        entries = [
            {
                "version": v.number,
                "time": v.created_at.isoformat(timespec="seconds"),
                "author": v.author,
                "based_on": v.based_on,
                "merged": v.merged,
                "summary": v.summary,
            }
            for v in versions
        ]
        print(json.dumps({"versions": entries}, ensure_ascii=False, indent=2))
        return
    for v in versions:
        when = v.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        merged = (
            " " + Message(N_("(based on version {v}, merged)"), v=v.based_on).text(tr)
            if v.merged
            else ""
        )
        print(f"{v.number}\t{when}\t{v.author}\t{summary_text(v.summary, tr)}{merged}")
