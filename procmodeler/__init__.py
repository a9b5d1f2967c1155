"""procmodeler: a desktop tool for process architecture, cross-unit responsibility,
model checks, BPMN 2.0 interchange and PDF reports.

Layers (see docs/architecture.md): ``common`` (i18n, errors, files) and ``model`` at the
bottom; ``edit``, ``analysis``, ``notation``, ``io`` on the model; ``report`` and ``app``
above them; ``ui`` (the only package that imports PySide6) and ``cli`` on top.
"""

__version__ = "0.1.0"

#: Where users report problems (Help › Report a problem, CONTRIBUTING.md, pyproject.toml).
ISSUES_URL = "https://github.com/procmodeler/procmodeler/issues"
