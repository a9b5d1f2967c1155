"""``python -m procmodeler``: the command line (see procmodeler.cli)."""

from procmodeler.cli import main

raise SystemExit(main())
