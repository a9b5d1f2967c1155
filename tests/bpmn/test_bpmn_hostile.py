"""Hostile and broken input is refused with one clear line (UserError; exit 2 from the
command line, no traceback, no output file) and nothing beyond the file itself is read:
DOCTYPEs, entity expansion, external entities, XInclude, XML that is not BPMN,
truncated files, binary garbage, empty files, extreme nesting, oversized files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from procmodeler.common.errors import UserError
from procmodeler.io.bpmn import import_bpmn, safexml

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "bpmn-samples" / "reference__C.1.0.bpmn"


def hostile_inputs(secret: Path) -> dict[str, bytes]:
    wrap = '<definitions xmlns="' + BPMN_NS + '" targetNamespace="x">{}</definitions>'
    laughs = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return {
        "doctype": ("<!DOCTYPE definitions>" + wrap.format("")).encode(),
        "billion-laughs": (
            f"<!DOCTYPE definitions [{laughs}]>" + wrap.format('<process id="p" name="&l9;"/>')
        ).encode(),
        "external-entity-file": (
            f'<!DOCTYPE definitions [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
            + wrap.format('<process id="p" name="&x;"/>')
        ).encode(),
        "external-entity-network": (
            '<!DOCTYPE definitions [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
            + wrap.format('<process id="p" name="&x;"/>')
        ).encode(),
        "parameter-entity": (
            f'<!DOCTYPE definitions [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>'
            + wrap.format("")
        ).encode(),
        "undeclared-entity": wrap.format('<process id="p" name="&x;"/>').encode(),
        "not-bpmn": b"<html><body>hello</body></html>",
        "bpmn-name-other-namespace": b'<definitions xmlns="urn:other"><process/></definitions>',
        "truncated": SAMPLE.read_bytes()[: len(SAMPLE.read_bytes()) // 2],
        "binary-garbage": random.Random(6).randbytes(4096),
        "empty": b"",
        "whitespace": b"  \n\t\n",
        "deep-nesting": wrap.format(
            '<process id="p"><extensionElements>'
            + "<x>" * 5000
            + "</x>" * 5000
            + "</extensionElements></process>"
        ).encode(),
        "json": b'{"format_version": 1}',
        "bad-encoding": b'<?xml version="1.0" encoding="x-no-such"?><definitions/>',
    }


def test_hostile_inputs_cover_the_issue(tmp_path: Path) -> None:
    assert len(hostile_inputs(tmp_path / "s")) >= 14


@pytest.mark.parametrize("case", list(hostile_inputs(Path("/nonexistent"))))
def test_hostile_input_is_refused_with_one_line(case: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    data = hostile_inputs(secret)[case]
    path = tmp_path / "in.bpmn"
    path.write_bytes(data)
    with pytest.raises(UserError) as info:
        import_bpmn(path)
    lines = info.value.lines()
    assert len(lines) == 1
    assert lines[0].startswith(str(path))
    assert "TOP-SECRET" not in lines[0]
    assert "Traceback" not in lines[0]


def test_xinclude_is_not_processed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    data = (
        f'<definitions xmlns="{BPMN_NS}" xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'targetNamespace="x"><process id="p" name="P"><documentation>'
        f'<xi:include href="{secret.as_uri()}" parse="text"/></documentation>'
        f'<task id="t" name="T"/></process></definitions>'
    ).encode()
    arch, _ = import_bpmn(data)
    assert arch.processes["t"].name == "T"
    assert "TOP-SECRET" not in repr(arch.snapshot())


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(safexml, "MAX_BYTES", 1000)
    path = tmp_path / "big.bpmn"
    path.write_bytes(b" " * 2000)
    with pytest.raises(UserError, match="too large"):
        import_bpmn(path)
    with pytest.raises(UserError, match="too large"):
        import_bpmn(b" " * 2000)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        import_bpmn(tmp_path / "nope.bpmn")
    with pytest.raises(UserError, match="folder"):
        import_bpmn(tmp_path)


@pytest.mark.parametrize(
    "case",
    [
        "doctype",
        "billion-laughs",
        "truncated",
        "deep-nesting",
        "not-bpmn",
        "empty",
        "binary-garbage",
    ],
)
def test_cli_refuses_hostile_input(case: str, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.bpmn"
    path.write_bytes(hostile_inputs(tmp_path / "secret")[case])
    out = tmp_path / "out.procm"
    proc = run_cli("import-bpmn", path, "-o", out)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("procmodeler: error: ")
    assert "Traceback" not in proc.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [path]
