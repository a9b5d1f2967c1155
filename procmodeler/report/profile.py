"""The branding profile of a report: logo (on the cover, optionally in every page's
header), primary and accent colour, fonts, page size, per-language texts (confidentiality
line, footer, cover subtitle), author and whether "Made with procmodeler" is printed.

A profile is a small JSON object (``docs/report.md`` documents it; an example is
``procmodeler/resources/branding/example-profile.json``). Everything is checked when the profile is
loaded, the logo included, so that a bad profile is refused with a clear message before
any page is laid out, and nothing is written.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import LANGUAGES, N_, Message
from procmodeler.common.inputfile import read_input_bytes
from procmodeler.report.assets import problem as _problem
from procmodeler.report.assets import read_asset
from procmodeler.report.fontfile import FontFile, read_font

PAGE_SIZES: tuple[str, ...] = ("A4", "Letter")
LOGO_FORMATS: tuple[str, ...] = ("PNG", "JPEG")
MAX_LOGO_BYTES = 10 * 1024 * 1024
#: Most pixels a logo may have (checked before the image is decoded: a small PNG can
#: unpack to gigabytes). 40 megapixels is an 8000 x 5000 image, far more than a page needs.
MAX_LOGO_PIXELS = 40_000_000
#: Largest branding profile read (a few lines of JSON).
MAX_PROFILE_BYTES = 1024 * 1024
DEFAULT_PRIMARY = "#1f3a5f"
DEFAULT_ACCENT = DEFAULT_SECONDARY = "#2e8b57"

_COLOUR_RE = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
#: texts that may differ per language: a string, or an object {"en": ..., "sv": ...}
LOCAL_TEXT_KEYS: tuple[str, ...] = ("confidentiality", "footer", "cover_subtitle")
_TEXT_KEYS = ("author",)
_BOOL_KEYS = ("logo_in_header", "made_with")
KEYS: tuple[str, ...] = (
    "logo",
    "logo_in_header",
    "primary_colour",
    "accent_colour",
    "secondary_colour",
    "font",
    "font_bold",
    "page_size",
    "confidentiality",
    "footer",
    "cover_subtitle",
    "author",
    "made_with",
)


@dataclass(frozen=True)
class Logo:
    """A logo that was read and checked: its bytes, format and pixel size."""

    data: bytes
    format: str
    width: int
    height: int
    source: str


#: (key, language, text) of the per-language texts a profile gives as an object
LocalTexts = tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, kw_only=True)
class Profile:
    """A checked branding profile (the defaults give a plain, navy-and-green report).

    ``confidentiality``, ``footer`` and ``cover_subtitle`` hold the text used when no
    language is chosen; :meth:`for_language` gives the profile with the texts of one
    language (the builder calls it with the report's language)."""

    primary_colour: str = DEFAULT_PRIMARY
    #: empty: the older ``secondary_colour`` if given, else the default accent
    accent_colour: str = ""
    page_size: str = "A4"
    confidentiality: str = ""
    footer: str = ""
    cover_subtitle: str = ""
    author: str = ""
    logo: Logo | None = None
    logo_in_header: bool = False
    font: FontFile | None = None
    font_bold: FontFile | None = None
    made_with: bool = True
    local_texts: LocalTexts = ()
    #: the older name of the accent colour (kept equal to it)
    secondary_colour: str = ""

    def __post_init__(self) -> None:
        accent = self.accent_colour or self.secondary_colour or DEFAULT_ACCENT
        object.__setattr__(self, "accent_colour", accent)
        object.__setattr__(self, "secondary_colour", accent)

    def text(self, key: str, lang: str) -> str:
        """The text *key* (one of :data:`LOCAL_TEXT_KEYS`) in *lang*: the text given
        for that language, else the English one, else the first one given; a text
        given as a plain string is the same in every language."""
        given = {code: text for k, code, text in self.local_texts if k == key}
        if not given:
            return str(getattr(self, key))
        return given.get(lang) or given.get("en") or next(iter(given.values()))

    def for_language(self, lang: str) -> Profile:
        """This profile with the per-language texts of *lang*."""
        return replace(
            self,
            confidentiality=self.text("confidentiality", lang),
            footer=self.text("footer", lang),
            cover_subtitle=self.text("cover_subtitle", lang),
        )


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
    data = read_asset(
        path,
        where,
        MAX_LOGO_BYTES,
        N_("the logo '{path}' is larger than 10 MB"),
        N_("the logo '{path}' cannot be read: {reason}"),
    )
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


def _local_text(value: Any) -> str | dict[str, str] | None:
    """A text that may differ per language, normalised (whitespace collapsed), or None
    when it is neither a string nor an object of language codes to strings."""
    if isinstance(value, str):
        return " ".join(value.split())
    if (
        isinstance(value, dict)
        and value
        and all(k in LANGUAGES and isinstance(v, str) for k, v in value.items())
    ):
        return {k: " ".join(v.split()) for k, v in value.items()}
    return None


def _resolve(base: Path, value: str) -> Path:
    path = Path(value.strip()).expanduser()
    return path if path.is_absolute() else base / path


class _Checker:
    """Checks the keys of one profile, collecting one problem per mistake."""

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.data = data
        self.source = source
        self.problems: list[Problem] = []
        self.values: dict[str, Any] = {}

    def bad(self, msgid: str, **args: Any) -> None:
        self.problems.append(Problem(self.source, Message(msgid, **args)))

    def check(self) -> None:
        for key in self.data:
            if key not in KEYS:
                self.bad(
                    N_("unknown key '{key}'; the keys are: {keys}"),
                    key=str(key),
                    keys=", ".join(KEYS),
                )
        self.colours()
        self.page_size()
        self.texts()
        for key in _BOOL_KEYS:
            if key in self.data:
                if isinstance(self.data[key], bool):
                    self.values[key] = self.data[key]
                else:
                    self.bad(N_("'{key}' must be true or false"), key=key)
        if self.values.get("logo_in_header") and not self.data.get("logo"):
            self.bad(N_("'logo_in_header' is true but the profile names no 'logo'"))
        for key in ("logo", "font", "font_bold"):
            value = self.data.get(key)
            if value is not None and not (isinstance(value, str) and value.strip()):
                if key == "logo":
                    self.bad(N_("'logo' must be the path of a PNG or JPEG file"))
                else:
                    self.bad(N_("'{key}' must be the path of a TrueType (.ttf) font"), key=key)

    def colours(self) -> None:
        data = self.data
        if "accent_colour" in data and "secondary_colour" in data:
            self.bad(N_("give 'accent_colour' or its older name 'secondary_colour', not both"))
        for key in ("primary_colour", "accent_colour", "secondary_colour"):
            if key in data:
                value = data[key]
                if not isinstance(value, str) or not _COLOUR_RE.fullmatch(value.strip()):
                    self.bad(
                        N_("'{key}' must be a colour like \"#1f3a5f\", not {value}"),
                        key=key,
                        value=json.dumps(value, ensure_ascii=False),
                    )
                else:
                    field = "primary_colour" if key == "primary_colour" else "accent_colour"
                    self.values[field] = _colour(value.strip())

    def page_size(self) -> None:
        if "page_size" not in self.data:
            return
        value = self.data["page_size"]
        match = next(
            (
                s
                for s in PAGE_SIZES
                if isinstance(value, str) and value.strip().lower() == s.lower()
            ),
            None,
        )
        if match is None:
            self.bad(
                N_("'page_size' must be one of {sizes}, not {value}"),
                sizes=", ".join(PAGE_SIZES),
                value=json.dumps(value, ensure_ascii=False),
            )
        else:
            self.values["page_size"] = match

    def texts(self) -> None:
        for key in _TEXT_KEYS:
            if key in self.data:
                value = self.data[key]
                if not isinstance(value, str):
                    self.bad(N_("'{key}' must be a text"), key=key)
                else:
                    self.values[key] = " ".join(value.split())
        local: list[tuple[str, str, str]] = []
        for key in LOCAL_TEXT_KEYS:
            if key not in self.data:
                continue
            text = _local_text(self.data[key])
            if text is None:
                self.bad(
                    N_(
                        "'{key}' must be a text or an object of texts per language "
                        "({languages}), e.g. {example}"
                    ),
                    key=key,
                    languages=", ".join(LANGUAGES),
                    example='{"en": "...", "sv": "..."}',
                )
            elif isinstance(text, str):
                self.values[key] = text
            else:
                local += [(key, code, value) for code, value in text.items()]
                self.values[key] = text.get("en") or next(iter(text.values()))
        self.values["local_texts"] = tuple(local)


def profile_from_dict(data: Any, base: Path, source: str) -> Profile:
    """A profile from parsed JSON; relative logo and font paths are taken from *base*."""
    if not isinstance(data, dict):
        raise _problem(source, N_("a branding profile must be a JSON object"))
    checker = _Checker(data, source)
    checker.check()
    values = checker.values
    readers: dict[str, Callable[[Path, str], Logo | FontFile]] = {
        "logo": read_logo,
        "font": read_font,
        "font_bold": read_font,
    }
    for key, reader in readers.items():
        if isinstance(data.get(key), str) and data[key].strip():
            try:
                values[key] = reader(_resolve(base, data[key]), source)
            except UserError as exc:  # every file's problem is told, not just the first
                checker.problems += exc.problems
    if checker.problems:
        raise UserError(checker.problems)
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
