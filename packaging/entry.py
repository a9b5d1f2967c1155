"""Entry script of the PyInstaller bundle (packaging/procmodeler.spec): the command line,
as ``procmodeler`` runs it from an installed package."""

import os
import sys

# A windowed Windows executable has no console: writes to stdout or stderr would fail.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

# With no locale at all (env -i, some services) Qt warns and falls back to C.UTF-8 itself.
if sys.platform.startswith("linux") and not any(
    os.environ.get(v) for v in ("LC_ALL", "LC_CTYPE", "LANG")
):
    os.environ["LC_CTYPE"] = "C.UTF-8"

from procmodeler.cli import main  # noqa: E402

raise SystemExit(main())
