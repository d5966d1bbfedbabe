"""The evidence pack's index: a right-to-left Word file, standard by standard, requirement by requirement."""

from __future__ import annotations

import io
import tempfile
from datetime import datetime
from itertools import groupby

from messages_ar import Messages
from reports.evidence import STANDARDS, Finding, Period
from reports.report_docx import RtlDocument


def index(messages: Messages, plan: str, period: Period, now: datetime, findings: list[Finding]) -> bytes:
    """Return the index (.docx bytes): each standard, its requirements, what was recorded, the files and the gaps."""
    with tempfile.SpooledTemporaryFile(max_size=1 << 20) as body:
        doc = RtlDocument(messages, body, messages.t("rep-author"))
        _write(doc, messages, plan, period, now, findings)
        out = io.BytesIO()
        doc.save(out)
    return out.getvalue()


def _write(
    doc: RtlDocument, messages: Messages, plan: str, period: Period, now: datetime, findings: list[Finding]
) -> None:
    t = messages.t
    doc.title(t("ev-title", plan=plan))
    since, until = messages.date(period.since), messages.date(period.until)
    doc.paragraph(
        t("ev-period", since=since, until=until, made=messages.date(now.astimezone(period.tz).date())), bold=True
    )
    doc.paragraph(t("ev-intro"), justify=True)
    by_standard = {n: list(group) for n, group in groupby(findings, key=lambda f: f.standard)}
    for number in STANDARDS:
        doc.heading(t(f"ev-std-{number}"))
        doc.paragraph(t(f"ev-std-{number}-quote"), italic=True)
        for finding in by_standard.get(number, []):
            _requirement(doc, messages, finding)
    gaps = [f for f in findings if f.gap]
    doc.heading(t("ev-gaps-title"))
    if not gaps:
        doc.paragraph(t("ev-no-gaps"))
    for finding in gaps:
        doc.paragraph(t("ev-gap-summary", requirement=t(f"ev-req-{finding.requirement}"), gap=finding.gap or ""))


def _requirement(doc: RtlDocument, messages: Messages, finding: Finding) -> None:
    t = messages.t
    doc.subheading(t(f"ev-req-{finding.requirement}"))
    doc.paragraph(t(f"ev-quote-{finding.requirement}"), italic=True)
    doc.paragraph(t("ev-recorded"), bold=True)
    if finding.evidence:
        doc.numbered(finding.evidence)
    else:
        doc.paragraph(t("ev-nothing-recorded"))
    if finding.files:
        doc.paragraph(t("ev-files", files=messages.join(finding.files)))
    doc.paragraph(t("ev-gap", gap=finding.gap) if finding.gap else t("ev-met"), bold=True)
