"""Regressions found by fuzzing the register import: damaged .xlsx workbooks gave
openpyxl's exceptions (ParseError, XMLSyntaxError, zlib.error, TypeError, ValueError,
NotImplementedError, ...) instead of a UserError, and a small workbook could unpack to
any size before anything was checked."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from procmodeler.common.errors import UserError
from procmodeler.io import register
from tests.reliability.harness import xlsx_seeds
from tests.reliability.hostile import PROCESSES_MEMBER, UNITS_MEMBER


def rewrite(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The workbook with each member replaced by ``change(name, content)`` (None: drop)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            content = change(name, src.read(name))
            if content is not None:
                dst.writestr(name, content)
    return out.getvalue()


@pytest.fixture(scope="module")
def workbook() -> bytes:
    return xlsx_seeds()[0]


def test_the_members_named_are_the_processes_and_units_sheets(workbook: bytes) -> None:
    import re

    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        book = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    targets = {}
    for rel in re.findall(r"<Relationship [^>]*>", rels):
        ident = re.search(r'Id="([^"]+)"', rel)
        target = re.search(r'Target="([^"]+)"', rel)
        assert ident and target
        targets[ident.group(1)] = target.group(1)
    members = {}
    for sheet in re.findall(r"<sheet [^>]*>", book):
        name = re.search(r'name="([^"]+)"', sheet)
        ident = re.search(r'r:id="([^"]+)"', sheet)
        assert name and ident
        members[name.group(1)] = targets[ident.group(1)]
    assert members["processes"].endswith(PROCESSES_MEMBER.removeprefix("xl/"))
    assert members["units"].endswith(UNITS_MEMBER.removeprefix("xl/"))


def cut_sheet(name: str, content: bytes) -> bytes:
    return content[: len(content) // 2] if name == PROCESSES_MEMBER else content


def bad_workbook_xml(name: str, content: bytes) -> bytes:
    return content.replace(b"<sheets>", b"<sheets") if name == "xl/workbook.xml" else content


def bad_rels(name: str, content: bytes) -> bytes:
    return content.replace(b'Target="', b'Target="\x01', 1) if name.endswith(".rels") else content


def no_content_types(name: str, content: bytes) -> bytes | None:
    return None if name == "[Content_Types].xml" else content


def entity_bomb(name: str, content: bytes) -> bytes:
    if name != UNITS_MEMBER:
        return content
    return (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>'
    )


@pytest.mark.parametrize(
    "change", [cut_sheet, bad_workbook_xml, bad_rels, no_content_types, entity_bomb]
)
def test_a_damaged_workbook_is_a_user_error(
    workbook: bytes, tmp_path: Path, change: Callable[[str, bytes], bytes | None]
) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(rewrite(workbook, change))
    with pytest.raises(UserError) as caught:
        register.import_register(path)
    assert str(path) in caught.value.lines()[0]


def test_a_zip_of_an_unsupported_version_is_a_user_error(workbook: bytes, tmp_path: Path) -> None:
    data = bytearray(workbook)
    central = data.rfind(b"PK\x01\x02")  # the last central directory entry
    data[central + 6] = 104  # "version needed to extract": 10.4
    path = tmp_path / "register.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(UserError):
        register.import_register(path)


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_reading(
    workbook: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(register.spec, "MAX_FILE_SIZE", 64 * 1024)
    huge = rewrite(
        workbook,
        lambda name, content: (
            content + b" " * (200 * 1024) if name == PROCESSES_MEMBER else content
        ),
    )
    assert len(huge) < 64 * 1024  # small on disk ...
    path = tmp_path / "register.xlsx"
    path.write_bytes(huge)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    with pytest.raises(UserError) as caught:  # ... but too large unpacked
        register.import_register(path)
    assert "is too large" in caught.value.lines()[0]
