"""Image export of the diagram shown: PNG at a chosen resolution, SVG with text as
text, and PDF on one page of the diagram's size. Selection and handles are not drawn;
every file is written atomically."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from procmodeler.common.atomicfile import atomic_write_bytes
from procmodeler.ui.canvas.scene import DiagramScene

SCREEN_DPI = 96.0  # one diagram unit is one pixel at 100 %, i.e. 1/96 inch
MAX_DPI = 600
MIN_DPI = 36
MAX_PIXELS = 120_000_000  # about 480 MB of image memory
BORDER = 24.0
FORMATS = ("png", "svg", "pdf")


def source_rect(scene: DiagramScene) -> QRectF:
    """The part of the scene that is exported: the content with a small border."""
    rect = scene.content_rect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 200, 100)
    return rect.adjusted(-BORDER, -BORDER, BORDER, BORDER)


def _render(scene: DiagramScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    scene.exporting = True
    try:
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        scene.exporting = False


def _buffer() -> tuple[QByteArray, QBuffer]:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    return data, buf


def effective_dpi(scene: DiagramScene, dpi: int) -> int:
    """*dpi* within 36..600, lowered if the image would be larger than MAX_PIXELS."""
    dpi = max(MIN_DPI, min(MAX_DPI, int(dpi)))
    src = source_rect(scene)
    while dpi > MIN_DPI:
        scale = dpi / SCREEN_DPI
        if src.width() * scale * src.height() * scale <= MAX_PIXELS:
            break
        dpi -= 12
    return dpi


def export_png(scene: DiagramScene, path: str | os.PathLike[str], dpi: int = 150) -> int:
    """Write a PNG at *dpi* (lowered when the image would be too large); returns the
    resolution used."""
    dpi = effective_dpi(scene, dpi)
    src = source_rect(scene)
    scale = dpi / SCREEN_DPI
    size = QSize(max(1, round(src.width() * scale)), max(1, round(src.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    dpm = round(dpi / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    painter = QPainter(image)
    try:
        _render(scene, painter, QRectF(0, 0, size.width(), size.height()), src)
    finally:
        painter.end()
    data, buf = _buffer()
    if not image.save(buf, "PNG"):
        raise OSError("the PNG image could not be encoded")
    buf.close()
    atomic_write_bytes(path, bytes(data.data()))
    return dpi


def export_svg(scene: DiagramScene, path: str | os.PathLike[str], title: str = "") -> None:
    """Write an SVG in diagram units (text stays text)."""
    src = source_rect(scene)
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
        _render(scene, painter, QRectF(0, 0, w, h), src)
    finally:
        painter.end()
    buf.close()
    atomic_write_bytes(path, bytes(data.data()))


def export_pdf(scene: DiagramScene, path: str | os.PathLike[str], title: str = "") -> None:
    """Write a one-page PDF of the diagram's size (vector, text as text)."""
    src = source_rect(scene)
    points = QSizeF(src.width() * 72.0 / SCREEN_DPI, src.height() * 72.0 / SCREEN_DPI)
    data, buf = _buffer()
    writer = QPdfWriter(buf)
    writer.setTitle(title)
    writer.setCreator("procmodeler")
    writer.setResolution(300)
    layout = QPageLayout(
        QPageSize(points, QPageSize.Unit.Point, "diagram", QPageSize.SizeMatchPolicy.ExactMatch),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )
    writer.setPageLayout(layout)
    painter = QPainter(writer)
    try:
        target = QRectF(0, 0, writer.width(), writer.height())
        _render(scene, painter, target, src)
    finally:
        painter.end()
    buf.close()
    atomic_write_bytes(path, bytes(data.data()))


def export_image(
    scene: DiagramScene, path: str | os.PathLike[str], dpi: int = 150, title: str = ""
) -> int | None:
    """Export by the file's suffix (.png, .svg, .pdf); returns the PNG resolution used."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "png":
        return export_png(scene, path, dpi)
    if suffix == "svg":
        export_svg(scene, path, title)
        return None
    if suffix == "pdf":
        export_pdf(scene, path, title)
        return None
    raise ValueError(f"unknown image format {suffix!r}")
