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
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from messages_ar import Messages, load_messages
from storage import catalogue, exports
from storage.exports import ReportItem, RoundInfo
from storage.models import Commitment, Plan, Sector

MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Arial"  # present on every Office and LibreOffice install, with Arabic glyphs
_LANG = "ar-JO"


async def build_report(
    conn: aiosqlite.Connection,
    *,
    round_id: int | None,
    now: datetime,
    messages: Messages | None = None,
    tz: ZoneInfo | None = None,
) -> bytes:
    """Return the report (.docx bytes) on the active plan's visible input, or one round's."""
    messages = messages or load_messages()
    tz = tz or ZoneInfo("Asia/Amman")
    plan = await catalogue.active_plan(conn)
    if plan is None:
        raise LookupError("no active plan to report on")
    rnd = await exports.get_round(conn, round_id) if round_id is not None else None
    if round_id is not None and rnd is None:
        raise LookupError(f"round {round_id} does not exist")
    writer = _Writer(messages)
    _front(writer, plan, rnd, now.astimezone(tz).date())
    await _participants(conn, writer, round_id)
    for commitment in await catalogue.list_commitments(conn):
        await _commitment(conn, writer, commitment, round_id, tz)
    return writer.save()


def report_filename(now: datetime, tz: ZoneInfo, round_code: str | None = None) -> str:
    """Return the report's file name, e.g. ogp-report-meeting-1-20261129.docx."""
    stamp = f"{now.astimezone(tz):%Y%m%d}"
    return f"ogp-report-{round_code}-{stamp}.docx" if round_code else f"ogp-report-{stamp}.docx"


def _front(writer: _Writer, plan: Plan, rnd: RoundInfo | None, today: date) -> None:
    t = writer.messages.t
    if rnd is None:
        writer.title(t("rep-title", plan=plan.title_ar))
    else:
        writer.title(t("rep-title-round", round=rnd.name, plan=plan.title_ar))
    day = rnd.held_on if rnd and rnd.held_on else today
    writer.paragraph(f"{day.day}/{day.month}/{day.year}", bold=True)
    intro = t("rep-intro", owner=plan.owner_ar, plan=plan.title_ar)
    if rnd is not None:
        intro += " " + t("rep-intro-round", round=rnd.name)
    writer.paragraph(intro, justify=True)


async def _participants(conn: aiosqlite.Connection, writer: _Writer, round_id: int | None) -> None:
    t = writer.messages.t
    by_sector = await exports.contributors_by_sector(conn, round_id)
    text = t("rep-participants", count=sum(n for _, n in by_sector))
    if by_sector:
        parts = [t("rep-sector-count", sector=_sector(writer.messages, s), count=n) for s, n in by_sector]
        text += " " + t("rep-sectors", sectors="، ".join(parts))
    writer.paragraph(text, justify=True)


def _sector(messages: Messages, sector: Sector | None) -> str:
    return messages.t(f"sector-{sector.value}") if sector else messages.t("rep-sector-unknown")


async def _commitment(
    conn: aiosqlite.Connection, writer: _Writer, commitment: Commitment, round_id: int | None, tz: ZoneInfo
) -> None:
    t = writer.messages.t
    writer.heading(t("rep-commitment-heading", number=commitment.number))
    writer.paragraph(
        t("rep-commitment-title", title=commitment.title_ar, agency=commitment.lead_agency_ar), italic=True
    )
    items = [item async for item in exports.iter_report_items(conn, commitment.id, round_id)]
    if not items:
        writer.paragraph(t("rep-no-recommendations"))
    themed = any(item.theme for item in items)
    for theme, group in groupby(items, key=lambda item: item.theme):
        if themed:
            writer.paragraph(t("rep-theme", theme=theme or t("rep-theme-other")), bold=True)
        writer.numbered([_item_text(writer.messages, item) for item in group])
    await _status(conn, writer, commitment, tz)


def _item_text(messages: Messages, item: ReportItem) -> str:
    if item.endorsements == 0:
        return item.text
    return f"{item.text} {messages.t('rep-endorsements', count=item.endorsements)}"


async def _status(conn: aiosqlite.Connection, writer: _Writer, commitment: Commitment, tz: ZoneInfo) -> None:
    t = writer.messages.t
    latest = await catalogue.latest_status(conn, commitment.id)
    if latest is None:
        writer.paragraph(t("rep-status-none"), bold=True)
        return
    day = latest.created_at.astimezone(tz).date()
    completion = t(f"completion-{latest.completion.value}")
    date_text = f"{day.day}/{day.month}/{day.year}"
    writer.paragraph(t("rep-status", completion=completion, progress=latest.progress, date=date_text), bold=True)
    if latest.note:
        writer.paragraph(t("rep-status-note", note=latest.note))


class _Writer:
    """python-docx with every paragraph and run marked right-to-left, and numbered lists that restart."""

    def __init__(self, messages: Messages) -> None:
        self.messages = messages
        self.doc: DocxDocument = Document()
        self._rtl_styles()
        self._rtl_section()
        self._end = self.doc.element.body.sectPr  # new paragraphs go just before the section properties
        self._list_style = self.doc.styles["List Number"].style_id

    def _rtl_styles(self) -> None:
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Number"):
            style = self.doc.styles[name]
            _bidi(style.element.get_or_add_pPr())
            _rtl_run_props(style.element.get_or_add_rPr(), size=None)
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(13)
        _rtl_run_props(normal.element.get_or_add_rPr(), size=Pt(13))

    def _rtl_section(self) -> None:
        _add_once(self.doc.sections[0]._sectPr, "w:bidi", _SECT_AFTER_BIDI)

    def title(self, text: str) -> None:
        """Add the document's title, centred."""
        paragraph = self.doc.add_heading(level=1)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(paragraph, text)

    def heading(self, text: str) -> None:
        """Add a section heading."""
        self._run(self.doc.add_heading(level=2), text)

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
