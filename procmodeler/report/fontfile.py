"""A TrueType font a branding profile names: read, size-limited and checked (reportlab can embed it, it has the letters a report needs) before any page is laid out."""

from __future__ import annotations

import hashlib
import io
import struct
from dataclasses import dataclass
from pathlib import Path

from procmodeler.common.i18n import N_
from procmodeler.report.assets import problem, read_asset

#: Largest font file read (a TrueType font with many scripts is a few MB).
MAX_FONT_BYTES = 30 * 1024 * 1024
#: Letters every report text needs (English and Swedish), checked in the font.
NEEDED_LETTERS = "AZaz09åäöÅÄÖé–"


@dataclass(frozen=True)
class FontFile:
    """A font that was read and checked: its bytes, family and PostScript name."""

    data: bytes
    family: str
    postscript_name: str
    source: str

    @property
    def digest(self) -> str:
        """A short fingerprint of the font's bytes (the name it is registered by)."""
        return hashlib.sha1(self.data).hexdigest()[:12]


def _decoded(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def read_font(path: Path, source: str) -> FontFile:
    """Read and check the font *path* named by the profile *source*; raise
    UserError (one line naming *source*) when reportlab cannot embed it."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFace

    if not path.exists():
        raise problem(source, N_("the font '{path}' does not exist"), path=str(path))
    if not path.is_file():
        raise problem(source, N_("the font '{path}' is not a regular file"), path=str(path))
    data = read_asset(
        path,
        source,
        MAX_FONT_BYTES,
        N_("the font '{path}' is larger than 30 MB"),
        N_("the font '{path}' cannot be read: {reason}"),
    )
    if data[:4] == b"OTTO":
        raise problem(
            source,
            N_(
                "the font '{path}' has PostScript outlines (OpenType CFF); use a TrueType (.ttf) font"
            ),
            path=str(path),
        )
    try:
        face = TTFontFace(io.BytesIO(data))
    except TTFError as exc:
        if "subsetting/embedding" in str(exc):
            raise problem(
                source,
                N_("the font '{path}' does not allow embedding (its licence flags forbid it)"),
                path=str(path),
            ) from None
        raise _not_truetype(source, path) from None
    except (struct.error, IndexError, KeyError, ValueError, TypeError, ZeroDivisionError):
        raise _not_truetype(source, path) from None
    missing = "".join(ch for ch in NEEDED_LETTERS if ord(ch) not in face.charToGlyph)
    if missing:
        raise problem(
            source,
            N_("the font '{path}' has no letters for {letters}"),
            path=str(path),
            letters=" ".join(missing),
        )
    return FontFile(data, _decoded(face.familyName), _decoded(face.name), str(path))


def _not_truetype(source: str, path: Path) -> Exception:
    return problem(source, N_("the font '{path}' is not a TrueType (.ttf) font"), path=str(path))
