"""Run the command line with ``python -m procmodeler``."""

from procmodeler.cli import main

raise SystemExit(main())
