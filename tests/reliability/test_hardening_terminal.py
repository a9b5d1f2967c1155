"""Issue 21, item 6: what the commands print has control characters made visible, so a
model's names cannot drive the user's terminal (clear it, retitle it, fake a prompt)."""

from __future__ import annotations

import json
from pathlib import Path

from procmodeler.cli import main
from procmodeler.common.terminal import visible, visible_json
from procmodeler.io import native
from tests.bpmn.bpmn_models import sample_architecture

HOSTILE = "Pay\x1b]0;owned\x07\x1b[2J\x9b31m\u202eevil\x00"


def _hostile_model(tmp_path: Path) -> Path:
    doc = json.loads(native.dumps(sample_architecture()))
    doc["processes"].append({"id": "bad", "name": HOSTILE, "kind": "core"})  # an orphan
    path = tmp_path / "hostile.procm"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _raw_controls(text: str) -> list[str]:
    return [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]


def test_check_text_output_shows_escapes_not_controls(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    main(["check", str(_hostile_model(tmp_path))])
    out = capsys.readouterr().out
    assert "Pay\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eevil\\x00" in out
    assert _raw_controls(out) == [] and "\u202e" not in out


def test_check_json_output_stays_json_with_the_name_intact(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    main(["check", str(_hostile_model(tmp_path)), "--format", "json"])
    out = capsys.readouterr().out
    assert _raw_controls(out) == [] and "\u202e" not in out
    doc = json.loads(out)
    assert any(HOSTILE in f["message"] for f in doc["findings"])


def test_error_lines_show_escapes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "x\x1b[2J.procm"
    bad.write_text("{not json")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "x\\x1b[2J.procm" in err and _raw_controls(err) == []


def test_visible_keeps_text_and_tabs_and_escapes_lone_surrogates() -> None:
    assert visible("Åsa\tÖberg\n") == "Åsa\tÖberg\n"
    assert visible("a\ud800b") == "a\\ud800b"
    assert visible("a\nb", keep_newlines=False) == "a\\nb"
    assert json.loads(visible_json(json.dumps("\x9b\u202e", ensure_ascii=False))) == "\x9b\u202e"
