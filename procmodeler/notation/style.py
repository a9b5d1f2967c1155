"""Colours, line styles and fonts of the notation, shared by the canvas and the report.

Colours are ``#rrggbb`` strings; sizes are in diagram units (1 unit = 1 px at 100 %
zoom = 0.75 pt in print). Both renderers read everything from here, so a process looks
the same on screen, in an exported image and in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from procmodeler.common.i18n import N_
from procmodeler.vocabulary import PROCESS_KIND_PLURAL

FONT_FAMILY = "DejaVu Sans"
NAME_FONT_SIZE = 11.0
NAME_FONT_BOLD = True  # process names are bold; owner lines, objects and labels are not
DETAIL_FONT_SIZE = 8.5
BAND_FONT_SIZE = 10.0
BAND_MIN_FONT_SIZE = 7.5  # band labels shrink down to this before they are cut
BAND_FONT_BOLD = True

#: The label in the left column of each landscape band (translate when painting).
BAND_LABELS: dict[str, str] = PROCESS_KIND_PLURAL
#: The labels of the two need arrows beside the core band: (left, right).
NEED_LABELS: tuple[str, str] = (N_("Customer need"), N_("Satisfied need"))


@dataclass(frozen=True)
class KindStyle:
    """How processes of one kind are drawn."""

    fill: str
    stroke: str
    text: str
    accent: str
    band_fill: str
    band_stroke: str


KIND_STYLES: dict[str, KindStyle] = {
    "management": KindStyle(
        fill="#dbe7f5",
        stroke="#3f6fa8",
        text="#13294b",
        accent="#3f6fa8",
        band_fill="#f2f6fb",
        band_stroke="#c7d6ea",
    ),
    "core": KindStyle(
        fill="#d9efe3",
        stroke="#2e8b57",
        text="#0f3321",
        accent="#2e8b57",
        band_fill="#f1f9f4",
        band_stroke="#c3e2cf",
    ),
    "support": KindStyle(
        fill="#f6e8d3",
        stroke="#b7791f",
        text="#3d2a08",
        accent="#b7791f",
        band_fill="#fcf7ef",
        band_stroke="#ecd9b9",
    ),
}

SELECTION = "#1f6feb"
NEED_ARROW = "#5f6b7a"
LANE_FILL = ("#fafbfc", "#f3f5f8")
LANE_STROKE = "#c9d1db"
LANE_HEADER = "#e6eaf0"
MARKER_FILL = "#ffffff"
MARKER_STROKE = "#5f6b7a"
NEED_ARROW_FILL = "#eef1f4"
LABEL_BACKGROUND = "#ffffff"  # behind the object name of a flow
LABEL_CROWDED = "#d4a72c"  # the border of a name that found no free place
FINDING_COLOURS = {"error": "#d1242f", "warning": "#d4a72c", "info": "#57606a"}
LIGHT_COLOURS = {"green": "#2da44e", "yellow": "#e3b341", "red": "#d1242f"}


@dataclass(frozen=True)
class RelationStyle:
    """How relations of one kind are drawn."""

    colour: str
    width: float
    dash: tuple[float, ...]  # empty: solid
    head: str  # "filled" | "open" | "diamond"


RELATION_STYLES: dict[str, RelationStyle] = {
    "flow": RelationStyle(colour="#2f3a46", width=1.8, dash=(), head="filled"),
    "support": RelationStyle(colour="#b7791f", width=1.4, dash=(6.0, 4.0), head="open"),
    "steering": RelationStyle(colour="#3f6fa8", width=1.4, dash=(2.0, 3.0), head="diamond"),
}


def kind_style(kind: str) -> KindStyle:
    return KIND_STYLES.get(kind, KIND_STYLES["core"])


def relation_style(kind: str) -> RelationStyle:
    return RELATION_STYLES.get(kind, RELATION_STYLES["flow"])
