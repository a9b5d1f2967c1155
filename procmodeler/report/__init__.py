"""The report (reportlab, no Qt; Word through python-docx): a client deliverable and a
management brief in English or Swedish, as PDF or as an editable Word document, branded
by a profile, with the process map and sub-process diagrams drawn from the same notation
as the app's canvas.

API for the command line and the app::

    from procmodeler.report import build_report, load_profile, ReportCancelled

    profile = load_profile("brand.json")            # UserError when unusable
    build_report(arch, "out.pdf", lang="sv", profile=profile,
                 progress=lambda done, total: not dialog.wasCanceled())
"""

from procmodeler.common.chapters import SECTION_TITLES, SECTIONS
from procmodeler.report.builder import (
    FORMATS,
    build_report,
    check_scope,
    check_sections,
    render_report,
    report_language,
)
from procmodeler.report.document import ReportCancelled
from procmodeler.report.profile import Profile, load_profile, profile_from_dict, read_logo
from procmodeler.report.sections.changes import Comparison

__all__ = [
    "Comparison",
    "FORMATS",
    "Profile",
    "ReportCancelled",
    "SECTIONS",
    "SECTION_TITLES",
    "build_report",
    "check_scope",
    "check_sections",
    "load_profile",
    "profile_from_dict",
    "read_logo",
    "render_report",
    "report_language",
]
