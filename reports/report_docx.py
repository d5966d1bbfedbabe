"""The meeting report: an Arabic, right-to-left Word document in the shape of the coordinating unit's reports."""

from __future__ import annotations

import io
from datetime import date, datetime
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from messages_ar import Messages, load_messages
from storage import catalogue, exports, rounds
from storage.models import Commitment, Plan, Sector
from storage.publishing import PublishMode
from storage.round_hall import HallCount
from storage.rounds import Attendance, CommitmentFindings, Count, QuestionFindings, RoundReport

MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Arial"  # present on every Office and LibreOffice install, with Arabic glyphs
_LANG = "ar-JO"
ORGANISATIONS_LISTED = 12  # more than this and the attendance paragraph gives their number, not their names


async def build_report(
    conn: aiosqlite.Connection,
    *,
    round_id: int | None,
    now: datetime,
    messages: Messages | None = None,
    tz: ZoneInfo | None = None,
    publish: PublishMode | None = None,
    author: str | None = None,
) -> bytes:
    """Return the report (.docx bytes) on the active plan's visible input, or one round's (publish: public copy).

    The document's author is the coordinating unit (OGP_REPORT_AUTHOR, or the catalogue's name for it).
    """
    if publish is not None and round_id is None:
        raise ValueError("the public copy of a report covers one round")  # the whole-plan report is not filtered
    messages = messages or load_messages()
    tz = tz or ZoneInfo("Asia/Amman")
    plan = await catalogue.active_plan(conn)
    if plan is None:
        raise LookupError("no active plan to report on")
    writer = _Writer(messages, author or messages.t("rep-author"))
    if round_id is not None:
        report = await rounds.report_data(conn, round_id, publish=publish)
        if report is None:
            raise LookupError(f"round {round_id} does not exist")
        await _round_report(conn, writer, plan, report, tz)
        return writer.save()
    _front(writer, plan, now.astimezone(tz).date())
    await _participants(conn, writer)
    for commitment in await catalogue.list_commitments(conn):
        await _commitment(conn, writer, commitment, tz)
    return writer.save()


def report_filename(now: datetime, tz: ZoneInfo, round_code: str | None = None) -> str:
    """Return the report's file name, e.g. ogp-report-meeting-1-20261129.docx."""
    stamp = f"{now.astimezone(tz):%Y%m%d}"
    return f"ogp-report-{round_code}-{stamp}.docx" if round_code else f"ogp-report-{stamp}.docx"


def _front(writer: _Writer, plan: Plan, today: date) -> None:
    t = writer.messages.t
    writer.title(t("rep-title", plan=plan.title_ar))
    writer.paragraph(_day(today), bold=True)
    writer.paragraph(t("rep-intro", owner=plan.owner_ar, plan=plan.title_ar), justify=True)


def _day(day: date) -> str:
    """Return a date as the seed writes it: 30/9/2019."""
    return f"{day.day}/{day.month}/{day.year}"


async def _participants(conn: aiosqlite.Connection, writer: _Writer) -> None:
    t = writer.messages.t
    by_sector = await exports.contributors_by_sector(conn, None)
    text = t("rep-participants", count=sum(n for _, n in by_sector))
    if by_sector:
        parts = [t("rep-sector-count", sector=_sector(writer.messages, s), count=n) for s, n in by_sector]
        text += " " + t("rep-sectors", sectors=writer.messages.join(parts))
    writer.paragraph(text, justify=True)


def _sector(messages: Messages, sector: Sector | None) -> str:
    """Return a kind of organisation in the plural, as the seed's sentences name them («مؤسسات المجتمع المدني»)."""
    return messages.t(f"sector-plural-{sector.value}") if sector else messages.t("rep-sector-unknown")


async def _commitment(conn: aiosqlite.Connection, writer: _Writer, commitment: Commitment, tz: ZoneInfo) -> None:
    t = writer.messages.t
    _commitment_heading(writer, commitment)
    items = [item async for item in exports.iter_report_items(conn, commitment.id, None)]
    if not items:
        writer.paragraph(t("rep-no-recommendations"))
    themed = any(item.theme for item in items)
    for theme, group in groupby(items, key=lambda item: item.theme):
        if themed:
            writer.paragraph(t("rep-theme", theme=theme or t("rep-theme-other")), bold=True)
        writer.numbered([_item_text(writer.messages, item.text, item.endorsements) for item in group])
    await _status(conn, writer, commitment, tz)


def _commitment_heading(writer: _Writer, commitment: Commitment) -> None:
    t = writer.messages.t
    writer.heading(t("rep-commitment-heading", number=commitment.number))
    writer.paragraph(
        t("rep-commitment-title", title=commitment.title_ar, agency=commitment.lead_agency_ar), italic=True
    )


def _item_text(messages: Messages, text: str, endorsements: int) -> str:
    if endorsements == 0:
        return text
    return f"{text} {messages.t('rep-endorsements', count=endorsements)}"


async def _round_report(
    conn: aiosqlite.Connection, writer: _Writer, plan: Plan, report: RoundReport, tz: ZoneInfo
) -> None:
    """Write a round's report: its name, date and place, attendance, then each working group's findings."""
    t = writer.messages.t
    found = report.round
    writer.title(t("rep-title-round", round=found.name))
    if found.held_on is not None:
        writer.paragraph(_day(found.held_on), bold=True)
    writer.paragraph(_round_intro(writer.messages, plan, report), justify=True)
    writer.paragraph(_attendance_text(writer.messages, report.attendance, report.hall), justify=True)
    for group in report.findings:
        _commitment_heading(writer, group.commitment)
        _round_findings(writer, group)
        await _status(conn, writer, group.commitment, tz)


def _round_intro(messages: Messages, plan: Plan, report: RoundReport) -> str:
    found = report.round
    place = (
        messages.t("round-online")
        if found.online or not found.place
        else messages.t("rep-round-place", place=found.place)
    )
    if found.held_on is None:
        return messages.t(
            "rep-round-intro-undated", owner=plan.owner_ar, round=found.name, place=place, plan=plan.title_ar
        )
    weekday = messages.t("rep-weekday", day=found.held_on.weekday())
    return messages.t(
        "rep-round-intro",
        owner=plan.owner_ar,
        round=found.name,
        weekday=weekday,
        date=_day(found.held_on),
        place=place,
        plan=plan.title_ar,
    )


def _hall_text(messages: Messages, hall: HallCount) -> str:
    """Return the seed's sentence on who attended the hall: «وقد حضر الاجتماع 55 مشاركاً ومشاركة من ضمنهم ...»."""
    t = messages.t
    among = [t("rep-hall-officers", count=hall.officers)] if hall.officers else []
    among += [t("rep-hall-part", count=n, group=_sector(messages, sector)) for sector, n in hall.by_sector]
    text = t("rep-hall", count=hall.total)
    if among and hall.total:
        text = t("rep-hall-among", attendance=text, parts=t("rep-hall-separator").join(among))
    return text + "."


def _attendance_text(messages: Messages, figures: Attendance, hall: HallCount | None = None) -> str:
    """Return the seed's "55 participants, among them liaison officers, from ..." with the round's figures: the count
    in the hall when it was entered, beside who joined through the bot."""
    t = messages.t
    text = t("rep-attendance" if hall is None else "rep-joined-bot", count=figures.total)
    if figures.liaison_officers:
        officers = t("rep-attendance-officers", count=figures.liaison_officers)
        text = t("rep-attendance-with-officers", attendance=text, officers=officers)
    text += "."
    if hall is not None:
        text = f"{_hall_text(messages, hall)} {text}"
    if figures.total == 0:
        return text
    sectors = [t("rep-sector-count", sector=_sector_label(messages, c), count=c.count) for c in figures.by_sector]
    parts = [
        text,
        t("rep-sectors", sectors=messages.join(sectors)),
        _organisations_text(messages, figures.organisations),
    ]
    groups = [t("rep-attendance-group", number=g.commitment.number, count=g.total) for g in figures.groups]
    if groups:
        parts.append(t("rep-attendance-groups", groups=messages.join(groups)))
    return " ".join(parts)


def _sector_label(messages: Messages, count: Count) -> str:
    return _sector(messages, Sector(count.label) if count.label else None)


def _organisations_text(messages: Messages, organisations: tuple[Count, ...]) -> str:
    named = [c for c in organisations if c.label is not None]
    if len(named) > ORGANISATIONS_LISTED:
        return messages.t("rep-attendance-organisations-count", count=len(named))
    listed = [
        messages.t("rep-organisation-count", organisation=c.label, count=c.count) if c.count > 1 else c.label
        for c in named
        if c.label is not None
    ]
    return messages.t("rep-attendance-organisations", organisations=messages.join(listed)) if listed else ""


def _round_findings(writer: _Writer, group: CommitmentFindings) -> None:
    """Write a working group's findings: a sub-heading per discussion question, a numbered list per theme."""
    t = writer.messages.t
    if not group.questions:
        writer.paragraph(t("rep-no-recommendations"))
    for block in group.questions:
        writer.subheading(_question_title(writer.messages, block))
        themed = any(theme.theme_id is not None for theme in block.themes)
        for theme in block.themes:
            if themed:
                writer.paragraph(t("rep-theme", theme=theme.theme_title or t("rep-theme-other")), bold=True)
            writer.numbered([_item_text(writer.messages, item.text, item.endorsements) for item in theme.items])


def _question_title(messages: Messages, block: QuestionFindings) -> str:
    return block.question.text_ar if block.question else messages.t("round-findings-untagged")


async def _status(conn: aiosqlite.Connection, writer: _Writer, commitment: Commitment, tz: ZoneInfo) -> None:
    t = writer.messages.t
    latest = await catalogue.latest_status(conn, commitment.id)
    if latest is None:
        writer.paragraph(t("rep-status-none"), bold=True)
        return
    day = latest.created_at.astimezone(tz).date()
    completion = t(f"completion-{latest.completion.value}")
    writer.paragraph(t("rep-status", completion=completion, progress=latest.progress, date=_day(day)), bold=True)
    if latest.note:
        writer.paragraph(t("rep-status-note", note=latest.note))


class _Writer:
    """python-docx with every paragraph and run marked right-to-left, and numbered lists that restart."""

    def __init__(self, messages: Messages, author: str) -> None:
        self.messages = messages
        self.doc: DocxDocument = Document()
        self.doc.core_properties.author = author
        self.doc.core_properties.last_modified_by = author
        self._rtl_styles()
        self._rtl_section()
        self._a4()
        self._end = self.doc.element.body.sectPr  # new paragraphs go just before the section properties
        self._list_style = self.doc.styles["List Number"].style_id
        self._subheading_style = self.doc.styles["Heading 3"]

    def _rtl_styles(self) -> None:
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Number"):
            style = self.doc.styles[name]
            _bidi(style.element.get_or_add_pPr())
            _rtl_run_props(style.element.get_or_add_rPr(), size=None)
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(13)
        _rtl_run_props(normal.element.get_or_add_rPr(), size=Pt(13))

    def _rtl_section(self) -> None:
        _add_once(self.doc.sections[0]._sectPr, "w:bidi", _SECT_AFTER_BIDI)

    def _a4(self) -> None:
        """Lay the page out on A4 (python-docx's template is US Letter), as the Ministry prints."""
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)

    def title(self, text: str) -> None:
        """Add the document's title, centred."""
        paragraph = self.doc.add_heading(level=1)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(paragraph, text)

    def heading(self, text: str) -> None:
        """Add a section heading."""
        self._run(self.doc.add_heading(level=2), text)

    def subheading(self, text: str) -> None:
        """Add a sub-heading under a section."""
        paragraph = self._add()
        paragraph.style = self._subheading_style
        self._run(paragraph, text)

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False, justify: bool = False) -> None:
        """Add a right-to-left paragraph."""
        paragraph = self._add()
        if justify:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        run = self._run(paragraph, text)
        r_pr = run._r.get_or_add_rPr()
        if bold:
            run.bold = True
            r_pr.get_or_add_bCs()  # Arabic is a complex script: Word bolds it by bCs, not b
        if italic:
            run.italic = True
            r_pr.get_or_add_iCs()

    def numbered(self, texts: list[str]) -> None:
        """Add a numbered list that starts again at 1."""
        num_id = self._new_numbering()
        for text in texts:
            paragraph = self._add()
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.get_or_add_pStyle().val = self._list_style
            num_pr = p_pr.get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
            self._run(paragraph, text)

    def _add(self) -> Paragraph:
        """Append an empty paragraph in constant time (python-docx's add_paragraph scans the whole body)."""
        element = OxmlElement("w:p")
        self._end.addprevious(element)
        return Paragraph(element, self.doc._body)

    def _new_numbering(self) -> int:
        numbering = self.doc.part.numbering_part.element
        style_num = self.doc.styles["List Number"].element.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def _run(self, paragraph: Paragraph, text: str) -> Run:
        _bidi(paragraph._p.get_or_add_pPr())
        run = paragraph.add_run(text)
        _rtl_run_props(run._r.get_or_add_rPr(), size=None)
        return run

    def save(self) -> bytes:
        """Return the document's bytes."""
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


# Schema order matters to Word: a new child goes before the first of these that is present.
_PPR_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_RPR_AFTER_SZCS = (
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_SECT_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _add_once(parent: Any, tag: str, successors: tuple[str, ...]) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert_element_before(found, *successors)
    return found


def _bidi(p_pr: Any) -> None:
    """Mark a paragraph (or paragraph style) right-to-left."""
    _add_once(p_pr, "w:bidi", _PPR_AFTER_BIDI)


def _rtl_run_props(r_pr: Any, size: Pt | None) -> None:
    """Mark runs right-to-left, with the complex-script font, size and language Arabic needs."""
    r_pr.get_or_add_rFonts().set(qn("w:cs"), FONT)
    if size is not None:
        _add_once(r_pr, "w:szCs", _RPR_AFTER_SZCS).set(qn("w:val"), str(int(size.pt * 2)))
    r_pr.get_or_add_rtl()
    _add_once(r_pr, "w:lang", _RPR_AFTER_LANG).set(qn("w:bidi"), _LANG)
