"""Fixtures for the report tests: the sample model, reports built once per session
(English and Swedish, the two bundled examples), their text per page, and the
external PDF tools (qpdf, pdffonts), which are skipped outside CI and required in it."""

from __future__ import annotations

import datetime
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from procmodeler.io.native import load
from procmodeler.model.architecture import Architecture
from procmodeler.report import render_report
from tests.report.sample import build_sample

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}
DAY = datetime.date(2025, 11, 27)


def normalise(text: str) -> str:
    """Text with every run of whitespace as one space (names may wrap in cells)."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Pdf:
    """A built report: its bytes, reader, and the text of each page."""

    data: bytes
    reader: PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        return normalise(" ".join(self.pages))

    def page_of_outline(self) -> dict[str, int]:
        """Outline title -> 1-based page number, at every level."""
        found: dict[str, int] = {}

        def walk(items: list[object]) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    found[str(item.title)] = self.reader.get_destination_page_number(item) + 1

        walk(self.reader.outline)
        return found


def read_pdf(data: bytes) -> Pdf:
    reader = PdfReader(BytesIO(data))
    return Pdf(data, reader, [page.extract_text() or "" for page in reader.pages])


@pytest.fixture(scope="session")
def sample() -> Architecture:
    return build_sample()


@pytest.fixture(scope="session")
def build() -> Callable[..., Pdf]:
    """build(arch, **kwargs) -> Pdf (cached per model and arguments)."""
    cache: dict[tuple[int, str], Pdf] = {}

    def make(arch: Architecture, **kwargs: object) -> Pdf:
        key = (id(arch), repr(sorted(kwargs.items())))
        if key not in cache:
            kwargs.setdefault("today", DAY)
            cache[key] = read_pdf(render_report(arch, **kwargs))  # type: ignore[arg-type]
        return cache[key]

    return make


@pytest.fixture(scope="session")
def sample_en(sample: Architecture, build: Callable[..., Pdf]) -> Pdf:
    return build(sample, lang="en")


@pytest.fixture(scope="session")
def sample_sv(sample: Architecture, build: Callable[..., Pdf]) -> Pdf:
    return build(sample, lang="sv")


@pytest.fixture(scope="session")
def manufacturing() -> Architecture:
    return load(EXAMPLES / "manufacturing.procm")


@pytest.fixture(scope="session")
def municipality() -> Architecture:
    return load(EXAMPLES / "municipality-sv.procm")


def need_tool(name: str, package: str) -> str:
    """The path of an external tool; skipped when missing, but a failure in CI."""
    path = shutil.which(name)
    if path is None:
        reason = f"`{name}` is not installed (Debian package `{package}`)"
        if IN_CI:
            pytest.fail(f"{reason}; CI must run every test", pytrace=False)
        pytest.skip(reason)
    return path
