"""Generators of hostile inputs (issue 21): gateway meshes, long texts, huge numbers,
lone surrogates, control characters, self-relations, decompression bombs, damaged
workbooks and special files. Used by the regression tests and by
``bench/hostile_corpus.py``, which runs every command over all of them."""

from __future__ import annotations

import io
import json
import math
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from procmodeler.io import native
from tests.bpmn.bpmn_models import sample_architecture

#: The members of an exported workbook's ``processes`` and ``units`` sheets: the export
#: puts its two sheets for people (the process register, the RACI matrix) first.
PROCESSES_MEMBER = "xl/worksheets/sheet3.xml"
UNITS_MEMBER = "xl/worksheets/sheet4.xml"

_BPMN_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
    'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="x">\n'
)


def gateway_mesh(gateways: int = 400, tasks: int = 50) -> bytes:
    """A BPMN file of *gateways* exclusive gateways in a square grid, each linked to its
    neighbours both ways, and *tasks* tasks that enter and leave the grid: every task
    reaches every other through the gateways (0.1 ran over 600 s on 400 of them)."""
    side = max(1, math.isqrt(gateways))
    out = [_BPMN_HEAD, '<process id="P">\n']
    out += [f'<task id="t{t}" name="Task {t}"/>\n' for t in range(tasks)]
    out += [f'<exclusiveGateway id="g{i}"/>\n' for i in range(side * side)]
    flows: list[tuple[str, str]] = []
    for r in range(side):
        for c in range(side):
            i = r * side + c
            if c + 1 < side:
                flows += [(f"g{i}", f"g{i + 1}"), (f"g{i + 1}", f"g{i}")]
            if r + 1 < side:
                flows += [(f"g{i}", f"g{i + side}"), (f"g{i + side}", f"g{i}")]
    for t in range(tasks):
        flows += [(f"t{t}", f"g{(t * 7919) % (side * side)}")]
        flows += [(f"g{(t * 104729) % (side * side)}", f"t{t}")]
    out += [
        f'<sequenceFlow id="f{k}" sourceRef="{a}" targetRef="{b}"/>\n'
        for k, (a, b) in enumerate(flows)
    ]
    out.append("</process>\n</definitions>\n")
    return "".join(out).encode()


def _model_doc() -> dict:
    return json.loads(native.dumps(sample_architecture()))


def _procm(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")


def long_purpose(size: int = 400_000) -> bytes:
    """A model whose first process has a purpose text of *size* characters (words and
    a few line breaks): 0.1 took 138 s for 400 KB in the report."""
    doc = _model_doc()
    words = ("Ansvar för processen ligger hos enheten " * (size // 40 + 1))[:size]
    doc["processes"][0]["purpose"] = words
    return _procm(doc)


def long_unbroken_purpose(size: int = 400_000) -> bytes:
    """A purpose text of one word of *size* letters (no place to break a line)."""
    doc = _model_doc()
    doc["processes"][0]["purpose"] = "x" * size
    return _procm(doc)


def long_name(size: int = 1_000_000) -> bytes:
    """A process name of *size* characters (0.1's report crashed)."""
    doc = _model_doc()
    doc["processes"][0]["name"] = ("Name " * (size // 5 + 1))[:size]
    return _procm(doc)


def huge_integer(digits: int = 5000) -> bytes:
    """A shape coordinate with *digits* digits (0.1 said Python's
    "set_int_max_str_digits")."""
    doc = _model_doc()
    text = json.dumps(doc)
    return text.replace('"x": 220', '"x": ' + "9" * digits, 1).encode()


def huge_coordinates() -> bytes:
    """Coordinates of 1e308 in a model (the report crashed on them)."""
    doc = _model_doc()
    text = json.dumps(doc)
    return text.replace('"x": 220', '"x": 1e308', 1).replace('"w": 180', '"w": 1e308', 1).encode()


def bpmn_huge_coordinates() -> bytes:
    """A BPMN file whose task is drawn at x = 1e308 (0.1 imported it)."""
    return (
        _BPMN_HEAD + '<process id="P"><task id="t1" name="T"/></process>\n'
        '<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="PL" bpmnElement="P">'
        '<bpmndi:BPMNShape id="s1" bpmnElement="t1">'
        '<dc:Bounds x="1e308" y="10" width="1e308" height="80"/></bpmndi:BPMNShape>'
        "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>\n</definitions>\n"
    ).encode()


def lone_surrogate() -> bytes:
    """A model with the JSON escape ``\\ud800`` (no partner) in a name, on line 3 or
    later (0.1 loaded it; then every command and Save broke)."""
    text = native.dumps(sample_architecture())
    return text.replace('"Acme process map"', '"Acme \\ud800 map"', 1).encode()


def control_characters() -> bytes:
    """Names with ESC, BEL, C1 controls, bidi overrides and NUL."""
    doc = _model_doc()
    doc["processes"][0]["name"] = "Pay\x1b]0;owned\x07\x1b[2J\x9b31m\u202eevil\x00"
    doc["units"][0]["name"] = "Unit\r\n=cmd|' /C calc'!A0"
    return _procm(doc)


def self_relation() -> bytes:
    """A relation from a process to itself."""
    doc = _model_doc()
    rel = doc["relations"][0]
    rel["target"] = rel["source"]
    return _procm(doc)


def png_bomb(side: int = 12_000) -> bytes:
    """A PNG of *side* x *side* grey pixels that compresses to a few dozen KB (a
    decompression bomb)."""
    raw_row = b"\x00" + b"\x00" * side
    comp = zlib.compressobj(9)
    body = b"".join(comp.compress(raw_row) for _ in range(side)) + comp.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def _edited_workbook(
    edit: Callable[[str, bytes, list[str]], bytes], extra: dict[str, str]
) -> bytes:
    """The sample model's register workbook with each member passed through *edit*
    (name, bytes, all names) and the members of *extra* added when missing."""
    from procmodeler.io.register import workbook_bytes

    src = zipfile.ZipFile(io.BytesIO(workbook_bytes(sample_architecture())))
    names = src.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, edit(info.filename, src.read(info.filename), names))
        for name, text in extra.items():
            if name not in names:
                dst.writestr(name, text)
    return out.getvalue()


def _rows(rows: int, cells: Callable[[int], str]) -> str:
    return "".join(f'<row r="{r}">{cells(r)}</row>' for r in range(100, 100 + rows))


def _cells(row: int, *values: str) -> str:
    """Inline-string cells A, B, C, ... of *row*."""
    return "".join(
        f'<c r="{"ABCDEFGHIJ"[i]}{row}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )


def workbook_wide(rows: int = 2000) -> bytes:
    """A small workbook whose processes sheet has a cell in column XFD of row 1, then
    *rows* short rows: a reader that pads every row to the widest one makes 16,384
    cells of each."""

    def edit(name: str, member: bytes, names: list[str]) -> bytes:
        if name != PROCESSES_MEMBER:
            return member
        extra = _rows(rows, lambda r: _cells(r, f"p{r}", f"Process {r}", "core"))
        text = member.decode().replace("</sheetData>", extra + "</sheetData>", 1)
        wide = '<c r="XFD1" t="inlineStr"><is><t>x</t></is></c><c r="A1"'
        return text.replace('<c r="A1"', wide, 1).encode()

    return _edited_workbook(edit, {})


def workbook_shared_strings(copies: int = 20_000, length: int = 5_000) -> bytes:
    """A workbook whose one long shared string is referenced by *copies* cells: a few
    KB on disk, *copies* x *length* characters once read."""

    def edit(name: str, member: bytes, names: list[str]) -> bytes:
        if name == PROCESSES_MEMBER:
            extra = _rows(
                copies,
                lambda r: (
                    _cells(r, f"q{r}", f"Process {r}", "core") + f'<c r="J{r}" t="s"><v>0</v></c>'
                ),
            )
            return member.decode().replace("</sheetData>", extra + "</sheetData>", 1).encode()
        if "xl/sharedStrings.xml" in names:
            return member
        if name == "[Content_Types].xml":
            return member.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
        if name == "xl/_rels/workbook.xml.rels":
            return member.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                b"</Relationships>",
            )
        return member

    table = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="1" uniqueCount="1"><si><t>{"y" * length}</t></si></sst>'
    )
    return _edited_workbook(edit, {"xl/sharedStrings.xml": table})


#: name -> (suffix, generator): the files of the hostile corpus.
GENERATORS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "gateway-mesh-400": (".bpmn", gateway_mesh),
    "gateway-chain-400": (".bpmn", lambda: gateway_mesh(400, 2)),
    "long-purpose-400k": (".procm", long_purpose),
    "long-purpose-4m": (".procm", lambda: long_purpose(4_000_000)),
    "long-unbroken-purpose": (".procm", long_unbroken_purpose),
    "long-name-1m": (".procm", long_name),
    "huge-integer": (".procm", huge_integer),
    "huge-coordinates": (".procm", huge_coordinates),
    "bpmn-huge-coordinates": (".bpmn", bpmn_huge_coordinates),
    "lone-surrogate": (".procm", lone_surrogate),
    "control-characters": (".procm", control_characters),
    "self-relation": (".procm", self_relation),
    "png-bomb": (".png", png_bomb),
    "workbook-wide": (".xlsx", workbook_wide),
    "workbook-shared-strings": (".xlsx", workbook_shared_strings),
}


def write_corpus(folder: Path) -> list[Path]:
    """Write every generated file into *folder*, plus a FIFO and links to /dev/zero
    (special files); returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (suffix, make) in GENERATORS.items():
        path = folder / f"{name}{suffix}"
        path.write_bytes(make())
        paths.append(path)
    for suffix in (".procm", ".bpmn", ".xlsx", ".json"):
        fifo = folder / f"special-fifo{suffix}"
        if hasattr(os, "mkfifo") and not fifo.exists():
            os.mkfifo(fifo)
        zero = folder / f"special-zero{suffix}"
        if not zero.exists() and os.path.exists("/dev/zero"):
            zero.symlink_to("/dev/zero")
        paths += [p for p in (fifo, zero) if p.exists() or p.is_symlink()]
    return paths
