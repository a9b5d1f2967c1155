"""The main window's size and place: at a first start the screen's available area (at
most 1600×1000, at least the 1024×640 the window is built for), afterwards what the user
left it at on that screen (a laptop alone and docked to a large monitor keep their own)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QMainWindow

from procmodeler.ui import settings

MAX_FIRST = QSize(1600, 1000)
MINIMUM = QSize(1024, 640)
#: room for the window frame and title bar, which the available area does not leave
FRAME = QSize(16, 48)


def first_launch_size(screen: QScreen | None) -> QSize:
    """The window's size at a first start on *screen*."""
    if screen is None:
        return QSize(1400, 900)
    area = screen.availableGeometry().size() - FRAME
    return QSize(
        max(min(MINIMUM.width(), area.width()), min(MAX_FIRST.width(), area.width())),
        max(min(MINIMUM.height(), area.height()), min(MAX_FIRST.height(), area.height())),
    )


def screen_key(screen: QScreen | None) -> str:
    """The settings key of a screen: its name and size (a renamed or resized screen
    counts as another one)."""
    if screen is None:
        return "mainWindow/geometry/none"
    size = screen.size()
    name = "".join(ch if ch.isalnum() else "_" for ch in screen.name()) or "screen"
    return f"mainWindow/geometry/{name}-{size.width()}x{size.height()}"


def place_first(window: QMainWindow) -> None:
    """Size the window for a first start and centre it on its screen's available area."""
    screen = window.screen()
    size = first_launch_size(screen)
    window.resize(size)
    if screen is not None:
        area: QRect = screen.availableGeometry()
        window.move(
            area.x() + max(0, (area.width() - size.width() - FRAME.width()) // 2),
            area.y() + max(0, (area.height() - size.height() - FRAME.height()) // 2),
        )


def restore(window: QMainWindow) -> bool:
    """The geometry remembered for the window's screen (else the last one of any screen,
    as earlier versions kept it); False at a first start."""
    s = settings.settings()
    for key in (screen_key(window.screen()), "mainWindow/geometry"):
        value = s.value(key)
        if isinstance(value, QByteArray) and window.restoreGeometry(value):
            return True
    return False


def save(window: QMainWindow) -> None:
    s = settings.settings()
    geometry = window.saveGeometry()
    s.setValue(screen_key(window.screen()), geometry)
    s.setValue("mainWindow/geometry", geometry)
