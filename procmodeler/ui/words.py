"""The domain vocabulary of ``procmodeler.vocabulary`` (process kinds, statuses, relation
kinds, KPI kinds, directions, severities, KPI lights, RACI roles) in the app's language,
read from the Qt-free catalogue: the canvas, the panels and the image export say the same
words as the report and the BPMN documentation, and Qt's .ts files keep the widget chrome
only."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from procmodeler import vocabulary as v
from procmodeler.common.i18n import Translator, translator


def ui_translator() -> Translator:
    """The Qt-free catalogue in the app's language (the default locale's)."""
    return translator("sv" if QLocale().language() == QLocale.Language.Swedish else "en")


def _words(table: dict[str, str]) -> dict[str, str]:
    return v.words(table, ui_translator())


def process_kind_labels() -> dict[str, str]:
    """Process kind -> its name, singular ("Core process")."""
    return _words(v.PROCESS_KIND)


def band_labels() -> dict[str, str]:
    """Process kind -> the name of its landscape band, plural ("Core processes")."""
    return _words(v.PROCESS_KIND_PLURAL)


def status_labels() -> dict[str, str]:
    return _words(v.STATUS)


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


def raci_labels() -> dict[str, str]:
    """RACI letter -> its role ("Responsible")."""
    return _words(v.RACI_ROLE)


def kind_label(kind: str) -> str:
    """The name of a process kind, singular."""
    return process_kind_labels().get(kind, kind)


def relation_label(kind: str) -> str:
    """The name of a relation kind."""
    return relation_kind_labels().get(kind, kind)
