"""The one image writer of the app, used by the diagram and the participation matrix:
PNG at a chosen resolution (lowered when the image would be too large), SVG with text as
text, and a vector PDF on one page of the picture's size. A failed encoding raises
OSError; every file is written atomically.

What is written is a :class:`Picture`: its size in diagram units (1/96 inch) and how to
draw it into a rectangle. :func:`diagram_picture` makes one of the diagram shown
(selection and handles are not drawn)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from procmodeler.common.atomicfile import atomic_write_bytes
from procmodeler.ui.canvas.scene import DiagramScene

SCREEN_DPI = 96.0  # one diagram unit is one pixel at 100 %, i.e. 1/96 inch
MAX_DPI = 600
MIN_DPI = 36
PDF_DPI = 300
MAX_PIXELS = 120_000_000  # about 480 MB of image memory
BORDER = 24.0
FORMATS = ("png", "svg", "pdf")


class Picture(Protocol):
    """Something to write as an image."""

    def size(self) -> QSizeF:
        """Width and height in diagram units (1/96 inch)."""
        ...

    def draw(self, painter: QPainter, target: QRectF) -> None:
        """Draw the whole picture scaled into *target* (device coordinates)."""
        ...


# ---------------------------------------------------------------------- the diagram
def source_rect(scene: DiagramScene) -> QRectF:
    """The part of the scene that is exported: the content with a small border."""
    rect = scene.content_rect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 200, 100)
    return rect.adjusted(-BORDER, -BORDER, BORDER, BORDER)


class _DiagramPicture:
    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        self.source = source_rect(scene)

    def size(self) -> QSizeF:
        return self.source.size()

    def draw(self, painter: QPainter, target: QRectF) -> None:
        self.scene.exporting = True
        self.scene.speak(self.scene.arch.meta.language)  # the model's words, not the UI's
        try:
            self.scene.render(painter, target, self.source, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            self.scene.exporting = False
            self.scene.speak(None)


def diagram_picture(scene: DiagramScene) -> Picture:
    """The diagram of *scene* as a picture (its content with a small border)."""
    return _DiagramPicture(scene)


# ---------------------------------------------------------------------- writing
def _hints(painter: QPainter) -> None:
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )


def _buffer() -> tuple[QByteArray, QBuffer]:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    return data, buf


def effective_dpi(picture: Picture, dpi: int) -> int:
    """*dpi* within 36..600, lowered if the image would be larger than MAX_PIXELS."""
    dpi = max(MIN_DPI, min(MAX_DPI, int(dpi)))
    size = picture.size()
    while dpi > MIN_DPI:
        scale = dpi / SCREEN_DPI
        if size.width() * scale * size.height() * scale <= MAX_PIXELS:
            break
        dpi -= 12
    return dpi


def export_png(picture: Picture, path: str | os.PathLike[str], dpi: int = 150) -> int:
    """Write a PNG at *dpi* (lowered when the image would be too large); returns the
    resolution used."""
    dpi = effective_dpi(picture, dpi)
    src = picture.size()
    scale = dpi / SCREEN_DPI
    size = QSize(max(1, round(src.width() * scale)), max(1, round(src.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    dpm = round(dpi / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    painter = QPainter(image)
    try:
        _hints(painter)
        picture.draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    data, buf = _buffer()
    if not image.save(buf, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
        raise OSError("the PNG image could not be encoded")
    buf.close()
    atomic_write_bytes(path, bytes(data.data()))
    return dpi


def export_svg(picture: Picture, path: str | os.PathLike[str], title: str = "") -> None:
    """Write an SVG in diagram units (text stays text)."""
    src = picture.size()
    w, h = round(src.width()), round(src.height())
    data, buf = _buffer()
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRectF(0, 0, w, h))
    gen.setResolution(round(SCREEN_DPI))
    gen.setTitle(title)
    gen.setDescription("procmodeler")
    painter = QPainter(gen)
    try:
        _hints(painter)
        picture.draw(painter, QRectF(0, 0, w, h))
    finally:
        painter.end()
    buf.close()
    atomic_write_bytes(path, bytes(data.data()))


def export_pdf(picture: Picture, path: str | os.PathLike[str], title: str = "") -> None:
    """Write a one-page PDF of the picture's size (vector, text as text)."""
    src = picture.size()
    points = QSizeF(src.width() * 72.0 / SCREEN_DPI, src.height() * 72.0 / SCREEN_DPI)
    data, buf = _buffer()
    writer = QPdfWriter(buf)
    writer.setTitle(title)
    writer.setCreator("procmodeler")
    writer.setResolution(PDF_DPI)
    layout = QPageLayout(
        QPageSize(points, QPageSize.Unit.Point, "diagram", QPageSize.SizeMatchPolicy.ExactMatch),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )
    writer.setPageLayout(layout)
    painter = QPainter(writer)
    try:
        _hints(painter)
        picture.draw(painter, QRectF(0, 0, writer.width(), writer.height()))
    finally:
        painter.end()
    buf.close()
    atomic_write_bytes(path, bytes(data.data()))


def export_image(
    picture: Picture | DiagramScene,
    path: str | os.PathLike[str],
    dpi: int = 150,
    title: str = "",
) -> int | None:
    """Export by the file's suffix (.png, .svg, .pdf); returns the PNG resolution used.
    A scene is exported as its diagram (:func:`diagram_picture`)."""
    if isinstance(picture, DiagramScene):
        picture = diagram_picture(picture)
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "png":
        return export_png(picture, path, dpi)
    if suffix == "svg":
        export_svg(picture, path, title)
        return None
    if suffix == "pdf":
        export_pdf(picture, path, title)
        return None
    raise ValueError(f"unknown image format {suffix!r}")
