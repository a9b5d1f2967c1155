"""The JSON Schema of the model file (procmodeler/resources/schemas/procm-4.schema.json) describes
what save writes: the examples, the golden files and a model with every field validate
(older golden files against procm-1, procm-2 and procm-3.schema.json).

A small validator for the subset of JSON Schema the schema uses lives here (the project
does not depend on the ``jsonschema`` package); it refuses keywords it does not know, so
the schema cannot silently use more than is checked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from procmodeler.io import native

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "procmodeler" / "resources" / "schemas"
SCHEMA = json.loads((SCHEMAS / "procm-4.schema.json").read_text("utf-8"))
SCHEMA_V3 = json.loads((SCHEMAS / "procm-3.schema.json").read_text("utf-8"))
SCHEMA_V2 = json.loads((SCHEMAS / "procm-2.schema.json").read_text("utf-8"))
SCHEMA_V1 = json.loads((SCHEMAS / "procm-1.schema.json").read_text("utf-8"))
ANNOTATIONS = {"$schema", "$id", "title", "description", "$comment", "$defs"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def errors(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    out: list[str] = []
    for key, rule in schema.items():
        if key in ANNOTATIONS:
            continue
        if key == "$ref":
            target: Any = SCHEMA
            for part in rule.removeprefix("#/").split("/"):
                target = target[part]
            out += errors(value, target, path)
        elif key == "type":
            names = rule if isinstance(rule, list) else [rule]
            if not any(TYPES[name](value) for name in names):
                out.append(f"{path}: not of type {rule}")
        elif key == "enum":
            if value not in rule:
                out.append(f"{path}: {value!r} not in {rule}")
        elif key == "const":
            if value != rule or type(value) is not type(rule):
                out.append(f"{path}: {value!r} is not {rule!r}")
        elif key == "anyOf":
            if all(errors(value, option, path) for option in rule):
                out.append(f"{path}: matches none of anyOf")
        elif key == "required":
            if isinstance(value, dict):
                out += [f"{path}: missing {name}" for name in rule if name not in value]
        elif key == "properties":
            if isinstance(value, dict):
                for name, sub in rule.items():
                    if name in value:
                        out += errors(value[name], sub, f"{path}.{name}")
        elif key == "additionalProperties":
            if isinstance(value, dict):
                extra = [k for k in value if k not in schema.get("properties", {})]
                if rule is False:
                    out += [f"{path}: unexpected {k}" for k in extra]
                elif isinstance(rule, dict):
                    for k in extra:
                        out += errors(value[k], rule, f"{path}[{k!r}]")
        elif key == "items":
            if isinstance(value, list):
                for i, item in enumerate(value):
                    out += errors(item, rule, f"{path}[{i}]")
        elif key == "minItems":
            if isinstance(value, list) and len(value) < rule:
                out.append(f"{path}: fewer than {rule} items")
        elif key == "maxItems":
            if isinstance(value, list) and len(value) > rule:
                out.append(f"{path}: more than {rule} items")
        elif key == "minLength":
            if isinstance(value, str) and len(value) < rule:
                out.append(f"{path}: shorter than {rule}")
        elif key == "pattern":
            if isinstance(value, str) and not re.search(rule, value):
                out.append(f"{path}: {value!r} does not match {rule}")
        elif key == "exclusiveMinimum":
            if TYPES["number"](value) and not value > rule:
                out.append(f"{path}: {value} is not above {rule}")
        else:
            raise AssertionError(f"the test validator does not know the keyword {key!r}")
    return out


def documents() -> list[tuple[str, Any]]:
    paths = [
        *sorted((ROOT / "procmodeler" / "resources" / "examples").glob("*.procm")),
        *sorted((ROOT / "tests" / "data" / "golden").glob("v*.procm")),
    ]
    return [(p.name, json.loads(p.read_text("utf-8"))) for p in paths]


@pytest.mark.parametrize(
    ("name", "doc"), documents(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_saved_files_validate(name: str, doc: Any) -> None:
    schema = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3}.get(doc.get("format_version"), SCHEMA)
    assert errors(doc, schema) == []


def test_schema_lists_every_top_level_key_in_file_order() -> None:
    assert list(SCHEMA["properties"]) == list(native.TOP_KEYS)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(format_version=2), "$.format_version: 2 is not 4"),
        (lambda d: d["meta"].update(status="final"), "$.meta.status: 'final' not in"),
        (
            lambda d: d["meta"].update(change_log=[{"date": "2026-1-5", "change": "x"}]),
            "$.meta.change_log[0].date: '2026-1-5' does not match",
        ),
        (lambda d: d["processes"][0].update(kind="main"), "$.processes[0].kind: 'main' not in"),
        (lambda d: d["processes"][0].update(extra=1), "$.processes[0]: unexpected extra"),
        (lambda d: d["processes"][0].pop("name"), "$.processes[0]: missing name"),
        (lambda d: d["processes"][0].update(id="1x"), "$.processes[0].id: '1x' does not match"),
        (
            lambda d: d["participation"][0].update(roles="AR"),
            "$.participation[0].roles: 'AR' does not match",
        ),
        (lambda d: d["kpis"][0].update(target="5"), "$.kpis[0].target: not of type"),
        (
            lambda d: d["kpis"][0]["series"][0].update(period="2024-1"),
            "$.kpis[0].series[0].period: '2024-1' does not match",
        ),
        (
            lambda d: d["kpis"][0]["series"][0].update(rebase=False),
            "$.kpis[0].series[0].rebase: False is not True",
        ),
        (lambda d: d["rules"].update(x="loud"), "$.rules['x']: 'loud' not in"),
        (
            lambda d: d["diagrams"][0]["shapes"][0].update(w=0),
            "$.diagrams[0].shapes[0].w: 0 is not above 0",
        ),
        (lambda d: d["diagrams"][0].update(level=3), "$.diagrams[0].level: matches none of anyOf"),
    ],
)
def test_the_validator_catches_what_the_schema_forbids(change, expected: str) -> None:  # noqa: ANN001
    doc = json.loads(
        (ROOT / "procmodeler" / "resources" / "examples" / "manufacturing.procm").read_text("utf-8")
    )
    doc["rules"] = {}
    change(doc)
    found = errors(doc, SCHEMA)
    assert any(e.startswith(expected) for e in found), found
