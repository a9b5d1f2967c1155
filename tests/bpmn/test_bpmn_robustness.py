"""Lenient import never crashes: damaged but well-formed BPMN (elements and attributes
removed at random, references pointing nowhere, odd values in our extension data) gives
a model that the native file format accepts, plus warnings — never a traceback."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree

from procmodeler.common.errors import UserError
from procmodeler.io import native
from procmodeler.io.bpmn import export_bpmn, import_bpmn
from tests.bpmn.bpmn_models import sample_architecture

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "bpmn-samples").glob("*.bpmn"))


def sources() -> dict[str, bytes]:
    found = {p.stem: p.read_bytes() for p in SAMPLES}
    found["own-export"] = export_bpmn(sample_architecture())
    return found


def mutate(data: bytes, rng: random.Random) -> bytes:
    root = etree.fromstring(data)
    elements = [e for e in root.iter() if isinstance(e.tag, str) and e is not root]
    for el in rng.sample(elements, k=min(len(elements), rng.randint(1, 8))):
        choice = rng.random()
        parent = el.getparent()
        if choice < 0.4 and parent is not None:
            parent.remove(el)
        elif choice < 0.7 and el.attrib:
            del el.attrib[rng.choice(list(el.attrib))]
        elif el.attrib:
            key = rng.choice(list(el.attrib))
            el.set(key, rng.choice(["", "nowhere", "1.5", "-1", "inf", "x,y", "pm_kind_core"]))
        elif el.text is not None:
            el.text = rng.choice(["", "nowhere", "RAXZ"])
    return etree.tostring(root)


@pytest.mark.parametrize("name", list(sources()))
def test_damaged_files_import_to_valid_models(name: str) -> None:
    data = sources()[name]
    rng = random.Random(name)
    for _ in range(15):
        damaged = mutate(data, rng)
        try:
            arch, warnings = import_bpmn(damaged)
        except UserError as exc:
            assert len(exc.lines()) == 1
            continue
        text = native.dumps(arch)
        assert native.loads(text) == arch  # every invariant of the model file holds
        assert all(w.text() for w in warnings)
        assert export_bpmn(arch)


def test_self_calling_call_activity_and_bad_ids() -> None:
    data = (
        b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">'
        b'<process id="P" name="P"><callActivity id="C" name="C" calledElement="P"/>'
        b'<task id="1bad id" name="T"/><task id="T2"/><task id="T2" name="dup"/>'
        b'<sequenceFlow id="f" sourceRef="C" targetRef="1bad id"/></process></definitions>'
    )
    arch, warnings = import_bpmn(data)
    assert "C" in arch.processes and arch.children("C") == []
    [bad] = [p for p in arch.processes.values() if p.original_id == "1bad id"]
    assert bad.id.startswith("id_1bad")
    assert any("duplicate" in w.text() for w in warnings)
    native.loads(native.dumps(arch))
