"""Whatever a damaged or hand-edited file holds, loading it either gives a model that
saves and loads back the same, or a UserError: never another exception."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procmodeler.common.errors import UserError
from procmodeler.io import native

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden" / "v1-every-field.procm"
TEXT = GOLDEN.read_text(encoding="utf-8")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", "core", "org", "boss", "core", "sub", "r1", "RA", "1x", "lead"]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "name", "kind", "x", "level", "process"]), children, max_size=3
        )
    ),
    max_leaves=6,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths(item, (*prefix, i))
    return found


def check(text: str) -> None:
    try:
        arch = native.loads(text, "fuzz.procm")
    except UserError as exc:
        assert exc.lines() and all(line.startswith("fuzz.procm") for line in exc.lines())
        return
    again = native.loads(native.dumps(arch))
    assert again.snapshot() == arch.snapshot()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), replacement=json_values, delete=st.booleans())
def test_mutated_documents(data: st.DataObject, replacement: Any, delete: bool) -> None:
    doc = json.loads(TEXT)
    path = data.draw(st.sampled_from(paths(doc)[1:]))
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    check(json.dumps(doc))


@settings(max_examples=200, deadline=None)
@given(cut=st.integers(0, len(TEXT)), junk=st.text(max_size=3))
def test_truncated_and_spliced_text(cut: int, junk: str) -> None:
    check(TEXT[:cut] + junk)


def test_an_empty_original_id_means_none_and_round_trips() -> None:
    # found by the test above: "" was read as an original id but never written back
    doc = json.loads(TEXT)
    doc["units"][1]["original_id"] = ""
    check(json.dumps(doc))
    assert native.loads(json.dumps(doc)).units[doc["units"][1]["id"]].original_id is None
