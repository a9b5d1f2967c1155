"""The domain vocabulary of ``procmodeler.vocabulary`` (process kinds, statuses, relation
kinds, KPI kinds, directions, severities, KPI lights, RACI roles) in the app's language,
read from the Qt-free catalogue: the canvas, the panels and the image export say the same
words as the report and the BPMN documentation, and Qt's .ts files keep the widget chrome
only. Numbers are written and read with ``common.numbers`` too (:func:`number_text`,
:func:`number_or_none`)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from procmodeler import vocabulary as v
from procmodeler.common.i18n import Translator, translator
from procmodeler.common.numbers import format_number, parse_decimal


def ui_translator() -> Translator:
    """The Qt-free catalogue in the app's language (the default locale's)."""
    return translator("sv" if QLocale().language() == QLocale.Language.Swedish else "en")


def _words(table: dict[str, str], tr: Translator | None = None) -> dict[str, str]:
    return v.words(table, tr or ui_translator())


def process_kind_labels() -> dict[str, str]:
    """Process kind -> its name, singular ("Core process")."""
    return _words(v.PROCESS_KIND)


def band_labels(tr: Translator | None = None) -> dict[str, str]:
    """Process kind -> the name of its landscape band, plural ("Core processes"), in the
    app's language or *tr*'s (an image export speaks the model's language)."""
    return _words(v.PROCESS_KIND_PLURAL, tr)


def status_labels() -> dict[str, str]:
    return _words(v.STATUS)


def document_status_labels() -> dict[str, str]:
    """The architecture's document status (draft, for decision, adopted) -> its word."""
    return _words(v.DOCUMENT_STATUS)


def relation_kind_labels() -> dict[str, str]:
    return _words(v.RELATION_KIND)


def kpi_kind_labels() -> dict[str, str]:
    return _words(v.KPI_KIND)


def direction_labels() -> dict[str, str]:
    return _words(v.DIRECTION)


def severity_labels() -> dict[str, str]:
    return _words(v.SEVERITY)


def light_labels() -> dict[str, str]:
    return _words(v.LIGHT)


def state_labels() -> dict[str, str]:
    """Variation and assurance state -> its word ("Common cause", "Hit and miss");
    ``none`` is "Too few values"."""
    return {**_words(v.ASSURANCE), **_words(v.VARIATION)}


def raci_labels() -> dict[str, str]:
    """RACI letter -> its role ("Responsible")."""
    return _words(v.RACI_ROLE)


def kind_label(kind: str) -> str:
    """The name of a process kind, singular."""
    return process_kind_labels().get(kind, kind)


def relation_label(kind: str) -> str:
    """The name of a relation kind."""
    return relation_kind_labels().get(kind, kind)


def number_text(value: float | None) -> str:
    """A number as a cell shows it (decimal comma in Swedish); "" for None. It reads
    back to the same value with :func:`number_or_none`."""
    return format_number(value, decimal_comma=QLocale().decimalPoint() == ",")


def number_or_none(text: str) -> float | None:
    """A number typed into a cell: ``12,5``, ``12.5``, ``1 234,5``; None when empty;
    raises ValueError otherwise (``nan`` and ``inf`` too)."""
    return parse_decimal(text) if text.strip() else None
