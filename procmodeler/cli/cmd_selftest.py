"""``procmodeler self-test``: checks that an installation works, for a packaged build or a
support call. It loads the bundled examples, checks them, saves and reloads them in a
temporary folder, and, where those parts are installed, exports BPMN, writes a report
(PDF and Word), loads the PostgreSQL driver with its libpq and starts Qt offscreen. Each
step prints one line; exit code 0 when all pass, 2 when one fails (the installation is
broken)."""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from procmodeler.common.i18n import Translator
from procmodeler.common.paths import examples_dir


def add_arguments(parser: argparse.ArgumentParser, tr: Translator, name: str) -> None:
    parser.add_argument("--no-gui", action="store_true", help=tr("skip the Qt check"))
    parser.add_argument("--verbose", action="store_true", help=tr("show the details of a failure"))


def _examples() -> list[Path]:
    return sorted(examples_dir().glob("*.procm"))


def _step_examples(tr: Translator) -> str:
    from procmodeler.io import native

    paths = _examples()
    if not paths:
        raise RuntimeError(
            tr("no bundled examples found in {folder}").format(folder=examples_dir())
        )
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            arch = native.load(path)
            copy = Path(tmp) / path.name
            native.save(arch, copy)
            if copy.read_bytes() != path.read_bytes():
                raise RuntimeError(
                    tr("{file} does not save back byte for byte").format(file=path.name)
                )
    return tr("{n} examples load and save").format(n=len(paths))


def _step_checks(tr: Translator) -> str:
    from procmodeler.analysis import run_checks
    from procmodeler.io import native

    total = 0
    for path in _examples():
        total += len(run_checks(native.load(path)).findings)
    return tr("{n} findings in the examples").format(n=total)


def _step_bpmn(tr: Translator) -> str:
    from procmodeler.io import native
    from procmodeler.io.bpmn import export_bpmn, import_bpmn

    for path in _examples():
        data = export_bpmn(native.load(path))
        import_bpmn(data)
    return tr("examples export to BPMN and import back")


def _step_report(tr: Translator) -> str:
    from procmodeler.io import native
    from procmodeler.report import build_report
    from procmodeler.report.text import HYPHENATION, available

    missing = [lang for lang in HYPHENATION.values() if not available(lang)]
    if missing:  # (pyphen's dictionaries are data files a bundle must carry)
        raise RuntimeError(
            tr("the report's hyphenation dictionaries are missing: {names}").format(
                names=", ".join(missing)
            )
        )
    path = _examples()[0]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.pdf"
        build_report(native.load(path), out)
        size = out.stat().st_size
    return tr("report of {file}: {kb} kB").format(file=path.name, kb=size // 1024)


def _step_word(tr: Translator) -> str:
    import docx

    from procmodeler.io import native
    from procmodeler.report import build_report
    from procmodeler.report.text import HYPHENATION, available

    missing = [lang for lang in HYPHENATION.values() if not available(lang)]
    if missing:  # (pyphen's dictionaries are data files a bundle must carry)
        raise RuntimeError(
            tr("the report's hyphenation dictionaries are missing: {names}").format(
                names=", ".join(missing)
            )
        )
    path = _examples()[0]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.docx"
        build_report(native.load(path), out, fmt="docx")  # python-docx's template, pdfium
        size = out.stat().st_size
        document = docx.Document(str(out))
    headings = sum(
        1 for p in document.paragraphs if str(p.style and p.style.name).startswith("Heading")
    )
    pictures = len(document.inline_shapes)
    if not headings or not pictures:
        raise RuntimeError(tr("the Word report has no headings or no pictures"))
    return tr("Word report of {file}: {kb} kB, {headings} headings, {pictures} pictures").format(
        file=path.name, kb=size // 1024, headings=headings, pictures=pictures
    )


def _step_repository(tr: Translator) -> str:
    import psycopg

    # "binary" or "c": libpq comes with the installation (the wheel or the bundle)
    return tr("psycopg {version} ({impl}), libpq {libpq}").format(
        version=psycopg.__version__, impl=psycopg.pq.__impl__, libpq=psycopg.pq.version()
    )


def _step_qt(tr: Translator) -> str:
    from procmodeler.ui.selftest import qt_self_test

    version, families = qt_self_test()
    return tr("Qt {version} starts, {n} font families").format(version=version, n=families)


def run(args: argparse.Namespace, tr: Translator) -> int:
    steps: list[tuple[str, str, Callable[[Translator], str]]] = [
        (tr("examples"), "procmodeler.io.native", _step_examples),
        (tr("checks"), "procmodeler.analysis", _step_checks),
        (tr("BPMN"), "procmodeler.io.bpmn", _step_bpmn),
        (tr("report"), "procmodeler.report", _step_report),
        (tr("Word"), "docx", _step_word),
        (tr("repository"), "psycopg", _step_repository),
    ]
    if not args.no_gui:
        steps.append((tr("Qt"), "PySide6", _step_qt))
    failed = 0
    for label, module, step in steps:
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            print(f"{label}: {tr('not installed')}")
            continue
        start = time.perf_counter()
        try:
            detail = step(tr)
        except Exception as exc:  # noqa: BLE001 - a self-test reports every failure
            failed += 1
            print(f"{label}: {tr('FAILED')}: {exc}")
            if args.verbose:
                traceback.print_exc()
            continue
        print(f"{label}: {tr('ok')} ({detail}, {time.perf_counter() - start:.2f} s)")
    print(tr("self-test passed") if not failed else tr("self-test failed"))
    return 0 if not failed else 2
