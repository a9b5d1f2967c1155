"""Settings of the desktop app (window geometry, panels, recent files) in an INI file
under the per-user settings folder, so tests can redirect it with
``PROCMODELER_CONFIG_DIR``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from procmodeler.common.paths import user_config_dir

MAX_RECENT = 10


def settings_path() -> Path:
    return user_config_dir() / "procmodeler.ini"


def settings() -> QSettings:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value] if isinstance(value, list) else []


def add_recent_file(path: str) -> list[str]:
    files = [path, *(f for f in recent_files() if f != path)][:MAX_RECENT]
    s = settings()
    s.setValue("recentFiles", files)
    s.sync()
    return files


def clear_recent_files() -> None:
    s = settings()
    s.setValue("recentFiles", [])
    s.sync()
