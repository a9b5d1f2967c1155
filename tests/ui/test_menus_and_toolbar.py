"""The menus' access keys (the underlined letter, Alt+letter): in English and in Swedish
each entry of the menu bar's menus has one, and no two entries of one menu share it (a
shared letter makes Alt+letter step between them instead of choosing). And the toolbar
fits a laptop's 1024 px window in both languages."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QMenu

_KEY = re.compile(r"&([^&])")


def access_key(text: str) -> str | None:
    found = _KEY.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def clashes(menu: QMenu) -> list[str]:
    """The shared access keys of *menu* and of its submenus, as 'menu: key: entries'."""
    out = []
    entries = [a for a in menu.actions() if not a.isSeparator()]
    keys = Counter(access_key(a.text()) for a in entries)
    for key, count in keys.items():
        if key is not None and count > 1:
            names = [a.text() for a in entries if access_key(a.text()) == key]
            out.append(f"{menu.title()}: {key}: {names}")
    for action in entries:
        if action.menu() is not None:
            out += clashes(action.menu())
    return out


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_menu_entry_has_its_own_access_key(qapp, qtbot, lang) -> None:
    from procmodeler.app.session import Session
    from procmodeler.ui.app import install_translations
    from procmodeler.ui.mainwindow import MainWindow
    from tests.ui.helpers import close_window, sample_editor

    install_translations(qapp, lang)
    try:
        ed, _ids = sample_editor()
        win = MainWindow(Session(ed), remember=False)
        try:
            menus = [a.menu() for a in win.menuBar().actions()]
            assert len(menus) == 4
            bar_keys = [access_key(a.text()) for a in win.menuBar().actions()]
            assert None not in bar_keys and len(set(bar_keys)) == 4
            problems = [p for menu in menus for p in clashes(menu)]
            assert not problems
            # the menus' own entries all have one (lists that change, such as the
            # panels and the recent files, are submenus and are left out)
            without = [
                f"{menu.title()}: {a.text()}"
                for menu in menus
                for a in menu.actions()
                if not a.isSeparator() and access_key(a.text()) is None
            ]
            assert not without
        finally:
            close_window(win)
    finally:
        install_translations(qapp, "en")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_laptop_window_shows_the_whole_toolbar(app, qtbot, lang) -> None:
    # at 1024 px no toolbar button is pushed into the overflow menu (the Swedish "Anpassa
    # till fönstret" pushed out "Sök": the toolbar says "Anpassa", its tooltip the whole)
    from procmodeler.app.session import Session
    from procmodeler.ui.app import install_translations
    from procmodeler.ui.mainwindow import MainWindow
    from tests.ui.helpers import close_window, sample_editor

    install_translations(app, lang)
    try:
        ed, _ids = sample_editor()
        win = MainWindow(Session(ed), remember=False)
        try:
            win.resize(1024, 752)
            win.show()
            qtbot.waitExposed(win)
            toolbar = win.toolbar
            shown = [a for a in toolbar.actions() if not a.isSeparator()]
            assert len(shown) >= 10
            qtbot.waitUntil(lambda: toolbar.widgetForAction(shown[-1]).isVisible())
            cut = [a.iconText() for a in shown if not toolbar.widgetForAction(a).isVisible()]
            assert not cut
            fit = win.actions_by_name["fit"]
            assert fit.toolTip() == fit.text().replace("&", "")
        finally:
            close_window(win)
    finally:
        install_translations(app, "en")
