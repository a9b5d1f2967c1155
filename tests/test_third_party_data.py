"""Third-party files are kept as they came and each is credited: every file in
procmodeler/resources/schemas/bpmn/ and tests/data/bpmn-samples/ is listed in its folder's README
(source and licence) with the git blob id of the original, and still has that id."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {
    REPO_ROOT / "procmodeler" / "resources" / "schemas" / "bpmn": ("*.xsd", "OMG"),
    REPO_ROOT / "tests" / "data" / "bpmn-samples": ("*.bpmn", "CC BY 3.0"),
}
ROW = re.compile(
    r"^\| `(?P<name>[^`]+)` \| (?P<size>\d+) \|(?:[^\n]*?\|)? (?P<blob>[0-9a-f]{12}) \|", re.M
)


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@pytest.mark.parametrize("folder", list(FOLDERS), ids=lambda p: p.name)
def test_every_file_is_credited_and_unmodified(folder: Path) -> None:
    pattern, licence = FOLDERS[folder]
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert licence in readme
    listed = {m["name"]: (int(m["size"]), m["blob"]) for m in ROW.finditer(readme)}
    present = {p.name for p in folder.glob(pattern)}
    assert present and present == set(listed)
    for name in sorted(present):
        data = (folder / name).read_bytes()
        size, blob = listed[name]
        assert len(data) == size, name
        assert git_blob_id(data).startswith(blob), f"{name} differs from the original"


def test_the_blob_id_is_computed_as_git_does() -> None:
    # `printf 'hello\n' | git hash-object --stdin`
    assert git_blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"
