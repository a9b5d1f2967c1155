"""The branding profile (checked fully before any work, with one clear line per
problem) and the ``report`` command: exit codes, language, profile, nothing written on
a mistake."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from procmodeler.common.errors import UserError
from procmodeler.report import Profile, load_profile
from tests.report.conftest import EXAMPLES, ROOT, normalise, read_pdf

BRANDING = ROOT / "procmodeler" / "resources" / "branding"


def write_profile(folder: Path, **data: object) -> Path:
    path = folder / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def problems(exc: pytest.ExceptionInfo[UserError]) -> str:
    return "\n".join(exc.value.lines())


# ---------------------------------------------------------------------- profile
def test_example_profile_loads_with_its_logo() -> None:
    profile = load_profile(BRANDING / "example-profile.json")
    assert profile.page_size == "A4"
    assert profile.primary_colour == "#123c5a" and profile.secondary_colour == "#3aa17e"
    assert profile.author == "Nordic Process Partners AB"
    assert "Confidential" in profile.confidentiality
    assert profile.logo is not None and profile.logo.format == "PNG"
    assert profile.logo.width > profile.logo.height > 0


def test_profile_defaults_and_normalisation(tmp_path: Path) -> None:
    profile = load_profile(write_profile(tmp_path, primary_colour="#ABC", page_size="letter"))
    assert profile.primary_colour == "#aabbcc"
    assert profile.page_size == "Letter"
    assert profile.secondary_colour == Profile().secondary_colour
    assert profile.logo is None


def test_relative_logo_is_found_beside_the_profile(tmp_path: Path) -> None:
    folder = tmp_path / "brand"
    folder.mkdir()
    Image.new("RGB", (40, 20), "#336699").save(folder / "logo.jpg", "JPEG")
    profile = load_profile(write_profile(folder, logo="logo.jpg"))
    assert profile.logo is not None and profile.logo.format == "JPEG"
    assert (profile.logo.width, profile.logo.height) == (40, 20)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"primary_colour": "navy"}, "'primary_colour' must be a colour like"),
        ({"secondary_colour": 12}, "'secondary_colour' must be a colour like"),
        ({"page_size": "A3"}, "'page_size' must be one of A4, Letter, not \"A3\""),
        ({"colour": "#000000"}, "unknown key 'colour'; the keys are: logo,"),
        ({"author": ["x"]}, "'author' must be a text"),
        ({"logo": ""}, "'logo' must be the path of a PNG or JPEG file"),
        ({"logo": "missing.png"}, "missing.png' does not exist"),
    ],
)
def test_bad_profile_values_are_refused(tmp_path: Path, data: dict, expected: str) -> None:
    path = write_profile(tmp_path, **data)
    with pytest.raises(UserError) as exc:
        load_profile(path)
    text = problems(exc)
    assert expected in text
    assert text.startswith(str(path))


def test_all_problems_of_a_profile_are_listed(tmp_path: Path) -> None:
    path = write_profile(tmp_path, primary_colour="x", page_size="A5", extra=1)
    with pytest.raises(UserError) as exc:
        load_profile(path)
    assert len(exc.value.problems) == 3


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"not an image at all", "logo.png", "is not a readable PNG or JPEG image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.svg", "is an SVG image"),
        (None, "logo.gif", "is a GIF image; use a PNG or JPEG file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "cut.png", "is not a readable PNG or JPEG image"),
    ],
)
def test_unreadable_logos_are_refused(
    tmp_path: Path, content: bytes | None, name: str, expected: str
) -> None:
    logo = tmp_path / name
    if content is None:
        Image.new("RGB", (4, 4)).save(logo, "GIF")
    else:
        logo.write_bytes(content)
    with pytest.raises(UserError) as exc:
        load_profile(write_profile(tmp_path, logo=str(logo)))
    assert expected in problems(exc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "not valid JSON"),
        ("[1, 2]", "a branding profile must be a JSON object"),
    ],
)
def test_profile_that_is_not_a_json_object(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_profile(path)
    assert expected in problems(exc)


def test_missing_profile_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as exc:
        load_profile(tmp_path / "nope.json")
    assert "the branding profile does not exist" in problems(exc)


def test_profile_errors_are_translated(tmp_path: Path) -> None:
    from procmodeler.common.i18n import translator

    with pytest.raises(UserError) as exc:
        load_profile(write_profile(tmp_path, logo="saknas.png"))
    assert "logotypen" in "\n".join(exc.value.lines(translator("sv")))


# ---------------------------------------------------------------------- command
def test_report_command_writes_the_report(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    proc = run_cli(
        "report",
        EXAMPLES / "manufacturing.procm",
        "-o",
        out,
        "--profile",
        BRANDING / "example-profile.json",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    pdf = read_pdf(out.read_bytes())
    assert "Nordic Process Partners AB" in pdf.pages[0]
    assert "Executive summary" in pdf.text  # the example model is English


def test_report_command_language_defaults_to_the_models(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "rapport.pdf"
    proc = run_cli("report", EXAMPLES / "municipality-sv.procm", "-o", out)
    assert proc.returncode == 0, proc.stderr
    text = read_pdf(out.read_bytes()).text
    assert "Sammanfattning för ledningen" in text
    proc = run_cli("report", EXAMPLES / "municipality-sv.procm", "-o", out, "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "Executive summary" in normalise(read_pdf(out.read_bytes()).text)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--profile", "{bad_profile}"], "'page_size' must be one of"),
        (["--profile", "{bad_logo}"], "is not a readable PNG or JPEG image"),
        (["--profile", "{missing}"], "the branding profile does not exist"),
    ],
)
def test_bad_profile_exits_2_and_writes_nothing(
    run_cli, tmp_path: Path, extra: list[str], expected: str
) -> None:
    bad_profile = write_profile(tmp_path, page_size="A3")
    logo = tmp_path / "logo.png"
    logo.write_text("text", encoding="utf-8")
    bad_logo = tmp_path / "logo-profile.json"
    bad_logo.write_text(json.dumps({"logo": "logo.png"}), encoding="utf-8")
    names = {"bad_profile": bad_profile, "bad_logo": bad_logo, "missing": tmp_path / "no.json"}
    args = [a.format(**names) for a in extra]
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    proc = run_cli("report", EXAMPLES / "manufacturing.procm", "-o", out, *args)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert expected in lines[0] and "Traceback" not in proc.stderr
    assert list(out.parent.iterdir()) == []


def test_existing_output_is_kept_when_the_profile_is_bad(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"previous report")
    proc = run_cli(
        "report",
        EXAMPLES / "manufacturing.procm",
        "-o",
        out,
        "--profile",
        write_profile(tmp_path, primary_colour="red"),
    )
    assert proc.returncode == 2
    assert out.read_bytes() == b"previous report"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["{missing_model}", "-o", "{out}"], "does not exist"),
        (["{model}", "-o", "{no_folder}"], "does not exist"),
        (["{model}", "-o", "{out}", "--lang", "de"], "invalid choice"),
        (["{model}"], "required"),
    ],
)
def test_report_command_exit_2_on_a_wrong_call(
    run_cli, tmp_path: Path, args: list[str], expected: str
) -> None:
    names = {
        "model": EXAMPLES / "manufacturing.procm",
        "missing_model": tmp_path / "nope.procm",
        "out": tmp_path / "report.pdf",
        "no_folder": tmp_path / "no" / "report.pdf",
    }
    proc = run_cli("report", *[a.format(**names) for a in args])
    assert proc.returncode == 2
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "report.pdf").exists()


def test_report_command_takes_a_rules_file(run_cli, tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"rules": {"responsibility.no-owner": "off"}}), "utf-8")
    out = tmp_path / "report.pdf"
    model = tmp_path / "model.procm"
    shutil.copy(EXAMPLES / "manufacturing.procm", model)
    proc = run_cli("report", model, "-o", out, "--rules", rules)
    assert proc.returncode == 0, proc.stderr
    text = read_pdf(out.read_bytes()).text
    assert "Rules switched off for this report: Process without an owner" in text
    assert "has no process owner." not in text
    proc = run_cli("report", model, "-o", out)
    assert "has no process owner." in read_pdf(out.read_bytes()).text
