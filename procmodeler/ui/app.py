"""Start the desktop app: ``run_app(file, args)`` (called by ``procmodeler [FILE]``).

Sets up the application (language, translations, font, style), opens the main window
on FILE if given (a bad file gives a message box and an empty window), and runs.

Options after FILE (for documentation and checks; not in ``--help``):
``--screenshot PATH`` grabs the window once it is shown and quits;
``--level PROCESS_ID`` opens that process's sub-process diagram first;
``--select ID[,ID...]`` selects elements; ``--size WxH`` sets the window size;
``--lang en|sv`` overrides the language; ``--first-paint`` prints ``first paint
SECONDS`` (since the process started) once the window has painted the model's diagram,
and quits (bench/bench_issue20.py).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QColor, QFileOpenEvent, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from procmodeler.common.paths import resources_dir

STYLE_SHEET = """
QMainWindow::separator { background: #e3e7ec; width: 1px; height: 1px; }
QDockWidget { font-weight: 600; color: #3a4450; }
QDockWidget::title { background: #f3f5f8; padding: 6px 8px; border-bottom: 1px solid #e3e7ec; }
QToolBar#mainToolbar { background: #f8f9fb; border: none; border-bottom: 1px solid #e3e7ec;
    spacing: 2px; padding: 3px 6px; }
QToolBar#mainToolbar QToolButton { padding: 4px 9px; border-radius: 5px; color: #24292f; }
QToolBar#mainToolbar QToolButton:hover { background: #e8ecf1; }
QToolBar#mainToolbar QToolButton:checked { background: #dbe7f5; color: #13294b; }
QToolBar#mainToolbar QToolButton:disabled { color: #a0a8b2; }
QWidget#breadcrumb { background: #ffffff; border-bottom: 1px solid #e3e7ec; }
QToolButton#breadcrumbLink { color: #1f6feb; padding: 2px 4px; border: none; font-size: 10.5pt; }
QToolButton#breadcrumbLink:hover { text-decoration: underline; }
QToolButton#breadcrumbCurrent { color: #1f2328; padding: 2px 4px; border: none;
    font-weight: 600; font-size: 10.5pt; }
QLabel#breadcrumbSeparator { color: #8c959f; font-size: 11pt; padding: 0 2px; }
QWidget#palette { background: #ffffff; }
QLabel#paletteHeading { color: #6e7781; font-size: 8pt; font-weight: 700;
    text-transform: uppercase; letter-spacing: 1px; padding: 6px 4px 4px 4px; }
QLabel#paletteHint { color: #6e7781; font-size: 8.5pt; padding: 4px; }
QWidget#palette QToolButton { text-align: left; padding: 5px 6px; border-radius: 6px;
    color: #24292f; }
QWidget#palette QToolButton:hover { background: #f0f3f6; }
QWidget#palette QToolButton:checked { background: #dbe7f5; }
QTreeWidget#modelTree { border: none; background: #ffffff; }
QTreeWidget#modelTree::item { padding: 3px 2px; }
QTreeWidget#modelTree::item:selected { background: #dbe7f5; color: #13294b; }
QStatusBar { background: #f8f9fb; border-top: 1px solid #e3e7ec; color: #57606a; }
QStatusBar QLabel { padding: 0 8px; color: #57606a; }
QMenuBar { background: #f8f9fb; }
QListWidget { border: 1px solid #d0d7de; border-radius: 4px; }
QListWidget::item { padding: 4px; }
"""


def ui_language(override: str | None = None) -> str:
    """ "sv" or "en": --lang, else the preference (Edit › Preferences), else
    PROCMODELER_LANG, else the locale."""
    from procmodeler.ui import preferences

    chosen = preferences.load().ui_language
    for value in (override, chosen, os.environ.get("PROCMODELER_LANG")):
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "sv" if QLocale.system().language() == QLocale.Language.Swedish else "en"


def current_language() -> str:
    """The language the app speaks now: "sv" or "en"."""
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Set the default locale and load our Qt translations (and Qt's own) for *lang*."""
    for old in getattr(app, "_procmodeler_translators", ()):
        app.removeTranslator(old)
    app._procmodeler_translators = []  # type: ignore[attr-defined]
    if lang == "sv":
        QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    loaded: list[QTranslator] = []
    if lang == "en":
        return loaded
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"procmodeler_{lang}.qm")):
        app.installTranslator(translator)
        loaded.append(translator)
    from procmodeler.ui.panels import install_translator

    panels = install_translator(app, lang)
    if panels is not None:
        loaded.append(panels)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(QLocale(), "qtbase", "_", qt_dir):
        app.installTranslator(translator)
        loaded.append(translator)
    app.setProperty("procmodeler_translators", len(loaded))
    app._procmodeler_translators = loaded  # type: ignore[attr-defined]  # keep them alive
    return loaded


def style_application(app: QApplication) -> None:
    """The light, quiet look: Fusion, a neutral palette, DejaVu Sans."""
    app.setStyle("Fusion")
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#f8f9fb"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor("#1f2328"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f8fa"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
    pal.setColor(QPalette.ColorRole.Button, QColor("#f6f8fa"))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor("#1f2328"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#1f6feb"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor("#1f2328"))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8c959f"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#a0a8b2"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#a0a8b2"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#a0a8b2"))
    app.setPalette(pal)
    if "DejaVu Sans" in QFontDatabase.families():
        font = QFont("DejaVu Sans")
        font.setPointSizeF(9.5)
        app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)


def create_application(argv: Sequence[str], lang: str | None = None) -> QApplication:
    """The QApplication (the existing one in tests), styled and translated."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([sys.argv[0] if sys.argv else "procmodeler", *argv])
    app.setApplicationName("procmodeler")
    app.setOrganizationName("procmodeler")
    app.setApplicationDisplayName("procmodeler")
    style_application(app)  # type: ignore[arg-type]
    if app.platformName() == "offscreen":  # type: ignore[attr-defined]
        # Qt's offscreen clipboard crashes at exit while it holds our data.
        app.aboutToQuit.connect(lambda: QApplication.clipboard().clear())  # type: ignore[attr-defined]
    install_translations(app, lang or ui_language())  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def _options(rest: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--screenshot")
    parser.add_argument("--level")
    parser.add_argument("--select")
    parser.add_argument("--size")
    parser.add_argument("--lang")
    parser.add_argument("--first-paint", action="store_true")
    return parser.parse_known_args(list(rest))


def process_seconds() -> float:
    """Seconds since this process started (Linux: /proc; elsewhere since first use)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - started
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


class _FirstPaint(QObject):
    """Prints the time of the first paint of the canvas after the model is open, then
    quits the application."""

    def __init__(self, app: QApplication, viewport: QObject) -> None:
        super().__init__(viewport)
        self.app = app
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"first paint {process_seconds():.3f}", flush=True)
        stop_now(self.app, 0)  # gives the file free


def stop_now(app: QApplication, code: int) -> None:
    """Stop at once without asking (a signal from outside): each window keeps its
    recovery journal, so unsaved work is offered at the next start, and gives its file
    free (the lock file goes); then the event loop ends with *code*."""
    from procmodeler.ui.mainwindow import MainWindow

    for window in list(MainWindow.windows):
        window.journal_sync.timer.stop()
        window.session.shutdown()
        MainWindow.windows.remove(window)
        window.hide()
    app.exit(code)


class FileOpenFilter(QObject):
    """macOS hands a document double-clicked in Finder (or dropped on the Dock icon) to
    the running app as a FileOpen event, not as an argument: open it in the newest
    window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        from procmodeler.ui.mainwindow import MainWindow

        if event.file() and MainWindow.windows:
            MainWindow.windows[-1].open_path(event.file())
        return True


def _stop_on_signals(app: QApplication) -> Callable[[], None]:
    """SIGTERM and SIGINT (Ctrl+C in the terminal) stop the app cleanly: see
    :func:`stop_now`. Python runs a signal handler only between its own steps, so a
    timer gives it a step every 200 ms while Qt waits for events. Returns what puts the
    handlers before and the timer away again (the app ended, its process goes on: a
    test)."""

    def handler(signum: int, _frame: object) -> None:
        QTimer.singleShot(0, lambda: stop_now(app, 128 + signum))

    before = {}
    for name in ("SIGTERM", "SIGINT"):
        if hasattr(signal, name):
            number = getattr(signal, name)
            before[number] = signal.signal(number, handler)
    tick = QTimer(app)
    tick.timeout.connect(lambda: None)
    tick.start(200)

    def undo() -> None:
        tick.stop()
        tick.deleteLater()
        for number, previous in before.items():
            signal.signal(number, previous)

    return undo


def run_app(file: str | None, rest_args: Sequence[str] = ()) -> int:
    """Run the desktop app on *file* (or an empty model); returns the exit code."""
    opts, qt_args = _options(rest_args)
    app = create_application(qt_args, opts.lang)
    from procmodeler.ui.mainwindow import MainWindow

    interactive = opts.screenshot is None and not opts.first_paint
    window = MainWindow(remember=interactive)
    if opts.size:
        w, _, h = opts.size.lower().partition("x")
        window.resize(int(w), int(h))
    elif opts.screenshot:
        window.resize(1600, 1000)
    window.show()

    def start() -> None:
        if interactive:
            window.offer_recovery()  # unsaved work of sessions that ended without saving
        if file:
            window.open_path(file, ask=False)
        if opts.level:
            window.context.open_level(opts.level)
        if opts.select:
            window.context.set_selection(opts.select.split(","))
        if opts.first_paint:
            window.session.editor.mark_clean()  # nothing to ask on quitting
            _FirstPaint(app, window.canvas.view.viewport())
            window.canvas.view.viewport().update()

    QTimer.singleShot(0, start)
    stop_handling_signals = _stop_on_signals(app)
    opener = FileOpenFilter(app)
    app.installEventFilter(opener)
    if opts.screenshot:
        target = Path(opts.screenshot)

        def shoot() -> None:
            window.canvas.view.fit()
            app.processEvents()
            window.grab().save(str(target))
            window.session.editor.mark_clean()
            window.close()
            app.quit()

        QTimer.singleShot(600, shoot)
    code = int(app.exec())
    # Closing the last window posts a Quit event (Qt's automatic quit), which the
    # explicit quit or exit overtakes: left queued, it would end at once every event loop
    # the application runs later (a dialog's exec, when run_app is called in a test).
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    stop_handling_signals()
    app.removeEventFilter(opener)
    return code
