"""The branding profile of a report: logo, primary and secondary colour, page size,
confidentiality line and author (the consultancy or person who signs the report).

A profile is a small JSON object (``docs/report.md`` documents it; an example is
``procmodeler/resources/branding/example-profile.json``). Everything is checked when the profile is
loaded, the logo included, so that a bad profile is refused with a clear message before
any page is laid out, and nothing is written.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.common.inputfile import read_input_bytes

PAGE_SIZES: tuple[str, ...] = ("A4", "Letter")
LOGO_FORMATS: tuple[str, ...] = ("PNG", "JPEG")
MAX_LOGO_BYTES = 10 * 1024 * 1024
#: Most pixels a logo may have (checked before the image is decoded: a small PNG can
#: unpack to gigabytes). 40 megapixels is an 8000 x 5000 image, far more than a page needs.
MAX_LOGO_PIXELS = 40_000_000
#: Largest branding profile read (a few lines of JSON).
MAX_PROFILE_BYTES = 1024 * 1024
DEFAULT_PRIMARY = "#1f3a5f"
DEFAULT_SECONDARY = "#2e8b57"

_COLOUR_RE = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_TEXT_KEYS = ("confidentiality", "author")
KEYS: tuple[str, ...] = (
    "logo",
    "primary_colour",
    "secondary_colour",
    "page_size",
    "confidentiality",
    "author",
)


@dataclass(frozen=True)
class Logo:
    """A logo that was read and checked: its bytes, format and pixel size."""

    data: bytes
    format: str
    width: int
    height: int
    source: str


@dataclass(frozen=True)
class Profile:
    """A checked branding profile (the defaults give a plain, navy-and-green report)."""

    primary_colour: str = DEFAULT_PRIMARY
    secondary_colour: str = DEFAULT_SECONDARY
    page_size: str = "A4"
    confidentiality: str = ""
    author: str = ""
    logo: Logo | None = None


def _problem(source: str, msgid: str, **args: Any) -> UserError:
    return UserError(Problem(source, Message(msgid, **args)))


def _colour(value: str) -> str:
    """``#abc`` -> ``#aabbcc``, lower case."""
    value = value.lower()
    if len(value) == 4:
        value = "#" + "".join(ch * 2 for ch in value[1:])
    return value


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's header (before any decoding), else None."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _too_many_pixels(where: str, path: Path, pixels: int) -> UserError:
    return _problem(
        where,
        N_("the logo '{path}' has {pixels} megapixels; at most {limit} are used"),
        path=str(path),
        pixels=pixels // 1_000_000,
        limit=MAX_LOGO_PIXELS // 1_000_000,
    )


def read_logo(path: Path, source: str | None = None) -> Logo:
    """Read and check a logo file (PNG or JPEG); raise UserError when it cannot be used."""
    where = source or str(path)
    if path.suffix.lower() == ".svg":
        raise _problem(
            where,
            N_("the logo '{path}' is an SVG image; use a PNG or JPEG file"),
            path=str(path),
        )
    if not path.exists():
        raise _problem(where, N_("the logo '{path}' does not exist"), path=str(path))
    try:
        data = read_input_bytes(path, MAX_LOGO_BYTES)
    except UserError as exc:
        if exc.problems and "too large" in exc.problems[0].text():
            raise _problem(
                where, N_("the logo '{path}' is larger than 10 MB"), path=str(path)
            ) from None
        raise _problem(
            where,
            N_("the logo '{path}' cannot be read: {reason}"),
            path=str(path),
            reason=exc.problems[0].text().split(": ", 1)[-1] if exc.problems else "",
        ) from None
    declared = _png_size(data)
    if declared is not None and declared[0] * declared[1] > MAX_LOGO_PIXELS:
        raise _too_many_pixels(where, path, declared[0] * declared[1])
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format or ""
            size = image.size
            if size[0] * size[1] > MAX_LOGO_PIXELS:  # before decoding: a decompression bomb
                raise _too_many_pixels(where, path, size[0] * size[1])
            image.load()
    except UserError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise _problem(
            where,
            N_("the logo '{path}' is not a readable PNG or JPEG image"),
            path=str(path),
        ) from None
    if fmt not in LOGO_FORMATS:
        raise _problem(
            where,
            N_("the logo '{path}' is a {format} image; use a PNG or JPEG file"),
            path=str(path),
            format=fmt or "?",
        )
    if size[0] < 1 or size[1] < 1:
        raise _problem(where, N_("the logo '{path}' has no pixels"), path=str(path))
    return Logo(data, fmt, size[0], size[1], str(path))


def profile_from_dict(data: Any, base: Path, source: str) -> Profile:
    """A profile from parsed JSON; a relative logo path is taken from *base*."""
    if not isinstance(data, dict):
        raise _problem(source, N_("a branding profile must be a JSON object"))
    problems: list[Problem] = []

    def bad(msgid: str, **args: Any) -> None:
        problems.append(Problem(source, Message(msgid, **args)))

    for key in data:
        if key not in KEYS:
            bad(
                N_("unknown key '{key}'; the keys are: {keys}"),
                key=str(key),
                keys=", ".join(KEYS),
            )
    values: dict[str, Any] = {}
    for key in ("primary_colour", "secondary_colour"):
        if key in data:
            value = data[key]
            if not isinstance(value, str) or not _COLOUR_RE.fullmatch(value.strip()):
                bad(
                    N_("'{key}' must be a colour like \"#1f3a5f\", not {value}"),
                    key=key,
                    value=json.dumps(value, ensure_ascii=False),
                )
            else:
                values[key] = _colour(value.strip())
    if "page_size" in data:
        value = data["page_size"]
        match = next(
            (
                s
                for s in PAGE_SIZES
                if isinstance(value, str) and value.strip().lower() == s.lower()
            ),
            None,
        )
        if match is None:
            bad(
                N_("'page_size' must be one of {sizes}, not {value}"),
                sizes=", ".join(PAGE_SIZES),
                value=json.dumps(value, ensure_ascii=False),
            )
        else:
            values["page_size"] = match
    for key in _TEXT_KEYS:
        if key in data:
            value = data[key]
            if not isinstance(value, str):
                bad(N_("'{key}' must be a text"), key=key)
            else:
                values[key] = " ".join(value.split())
    logo_value = data.get("logo")
    if logo_value is not None and not (isinstance(logo_value, str) and logo_value.strip()):
        bad(N_("'logo' must be the path of a PNG or JPEG file"))
        logo_value = None
    if problems:
        raise UserError(problems)
    if logo_value:
        logo_path = Path(logo_value.strip()).expanduser()
        if not logo_path.is_absolute():
            logo_path = base / logo_path
        values["logo"] = read_logo(logo_path, source)
    return Profile(**values)


def load_profile(path: str | Path) -> Profile:
    """Read and check a branding profile file; raise UserError when it cannot be used."""
    file = Path(path)
    source = str(file)
    if not file.exists() and not file.is_symlink():
        raise _problem(source, N_("the branding profile does not exist"))
    raw = read_input_bytes(file, MAX_PROFILE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _problem(source, N_("the branding profile is not UTF-8 text")) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            Problem(
                source,
                Message(
                    N_("not valid JSON: {reason} (column {column})"),
                    reason=exc.msg,
                    column=exc.colno,
                ),
                line=exc.lineno,
            )
        ) from None
    return profile_from_dict(data, file.resolve().parent, source)
