"""Where things live: the bundled resources and the per-user folders for settings,
data (recovery journal, recent files) on Linux, Windows and macOS."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "procmodeler"


def resources_dir() -> Path:
    """The package's ``procmodeler/resources/`` folder, found with ``importlib.resources``.

    The same in a checkout, an installed wheel and a PyInstaller bundle (which collects
    the folder as the package's data). Installs are unpacked folders, never zip files, so
    the folder is a real directory that fonts, translations and Qt can be given by path.
    """
    from importlib import resources  # here, not at the top: it costs a start-up 30 ms

    return Path(str(resources.files("procmodeler") / "resources"))


def examples_dir() -> Path:
    return resources_dir() / "examples"


def user_data_dir() -> Path:
    """Per-user data folder; ``PROCMODELER_DATA_DIR`` overrides it (tests use that)."""
    override = os.environ.get("PROCMODELER_DATA_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return base / APP_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_NAME


def user_config_dir() -> Path:
    """Per-user settings folder; ``PROCMODELER_CONFIG_DIR`` overrides it."""
    override = os.environ.get("PROCMODELER_CONFIG_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / APP_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Preferences" / APP_NAME
    base = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    return base / APP_NAME
