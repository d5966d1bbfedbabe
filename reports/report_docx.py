"""The meeting report: a Word document in the shape of the coordinating unit's reports, in the asker's language:
Arabic right to left, English left to right."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import AsyncIterator
from datetime import date, datetime
from typing import IO, Any, BinaryIO
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import aiosqlite
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from messages_ar import Messages, load_messages
from reports import round_findings
from reports.file_names import safe_file_name
from reports.round_findings import Attendance, CommitmentFindings, Count, QuestionFindings, RoundReport
from reports.said import said
from reports.tables import irm_key
from storage import catalogue, exports, files, irm
from storage.exports import ReportItem
from storage.irm import IrmField
from storage.models import Commitment, Plan, Sector
from storage.publishing import PublishMode
from storage.round_hall import HallCount
from storage.rounds import RoundInput

MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Arial"  # present on every Office and LibreOffice install, with Arabic glyphs
_LANG = "ar-JO"
_LANG_LTR = "en-GB"  # an English report's language (British spelling, as the catalogue writes)
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
    out = io.BytesIO()
    await write_report(conn, out, round_id=round_id, now=now, messages=messages, tz=tz, publish=publish, author=author)
    return out.getvalue()


async def write_report(
    conn: aiosqlite.Connection,
    out: BinaryIO,
    *,
    round_id: int | None,
    now: datetime,
    messages: Messages | None = None,
    tz: ZoneInfo | None = None,
    publish: PublishMode | None = None,
    author: str | None = None,
) -> None:
    """Write the report (.docx) to out; memory stays flat whatever the number of recommendations."""
    if publish is not None and round_id is None:
        raise ValueError("the public copy of a report covers one round")  # the whole-plan report is not filtered
    messages = messages or load_messages()
    tz = tz or ZoneInfo("Asia/Amman")
    plan = await catalogue.active_plan(conn)
    if plan is None:
        raise LookupError("no active plan to report on")
    report = await round_findings.report_data(conn, round_id, publish=publish) if round_id is not None else None
    if round_id is not None and report is None:
        raise LookupError(f"round {round_id} does not exist")
    with tempfile.SpooledTemporaryFile(max_size=_BODY_IN_MEMORY) as body:
        writer = _Writer(messages, body, author or messages.t("rep-author"))
        if report is not None:
            await _round_report(conn, writer, plan, report, tz)
        else:
            _front(writer, plan, now.astimezone(tz).date())
            await _participants(conn, writer)
            for commitment in await catalogue.list_commitments(conn):
                await _commitment(conn, writer, commitment, tz)
        writer.save(out)


def report_filename(now: datetime, tz: ZoneInfo, round_name: str | None = None) -> str:
    """Return the report's file name, after the round's name when it covers one (ogp-report-اللقاء-الأول-20261129.docx),
    never its join code."""
    stamp = f"{now.astimezone(tz):%Y%m%d}"
    return f"ogp-report-{safe_file_name(round_name)}-{stamp}.docx" if round_name else f"ogp-report-{stamp}.docx"


def _front(writer: _Writer, plan: Plan, today: date) -> None:
    t = writer.messages.t
    name = writer.messages.name
    writer.title(t("rep-title", plan=name(plan)))
    writer.paragraph(_day(today), bold=True)
    writer.paragraph(t("rep-intro", owner=name(plan, "owner"), plan=name(plan)), justify=True)


def _day(day: date) -> str:
    """Return a date as the seed writes it: 30/9/2019."""
    return f"{day.day}/{day.month}/{day.year}"


async def _participants(conn: aiosqlite.Connection, writer: _Writer) -> None:
    t = writer.messages.t
    by_sector = await exports.contributors_by_sector(conn, None)
    text = t("rep-participants", count=sum(n for _, n in by_sector))
    if by_sector:
        parts = [t("rep-sector-count", sector=_sector(writer.messages, s), count=n) for s, n in by_sector]
        text += " " + t("rep-sectors", sectors=writer.messages.join_and(parts, "rep-list-and"))
    writer.paragraph(text, justify=True)


def _sector(messages: Messages, sector: Sector | None) -> str:
    """Return a kind of organisation in the plural, as the seed's sentences name them («مؤسسات المجتمع المدني»)."""
    return messages.t(f"sector-plural-{sector.value}") if sector else messages.t("rep-sector-unknown")


async def _commitment(conn: aiosqlite.Connection, writer: _Writer, commitment: Commitment, tz: ZoneInfo) -> None:
    """Write a commitment's heading, its recommendations as a numbered list per theme, then its status."""
    t = writer.messages.t
    _commitment_heading(writer, commitment)
    async with contextlib.aclosing(exports.iter_report_items(conn, commitment.id, None)) as items:
        first = await anext(items, None)
        if first is None:
            writer.paragraph(t("rep-no-recommendations"))
        else:
            themed = first.theme is not None  # themed items come first: the first tells whether any has a theme
            theme, num_id = _START_LIST, 0
            async for item in _chain(first, items):
                if item.theme != theme:
                    theme = item.theme
                    if themed:
                        named = item.theme_en if item.theme_en and writer.messages.language == "en" else theme
                        writer.paragraph(t("rep-theme", theme=named or t("rep-theme-other")), bold=True)
                    num_id = writer.new_list()
                writer.list_item(num_id, writer.item_text(_said(writer, item), item.endorsements, item.raised_by))
    await _status(conn, writer, commitment, tz)
    await _answers_and_irm(conn, writer, commitment, None)


async def _chain(first: ReportItem, rest: AsyncIterator[ReportItem]) -> AsyncIterator[ReportItem]:
    yield first
    async for item in rest:
        yield item


def _said(writer: _Writer, item: ReportItem | RoundInput) -> str:
    """Return what a recommendation says; a voice one by its length, then its transcript."""
    return said(writer.messages, item.text, item.voice_seconds, item.transcript)


def _commitment_heading(writer: _Writer, commitment: Commitment) -> None:
    t = writer.messages.t
    writer.heading(t("rep-commitment-heading", number=commitment.number))
    name = writer.messages.name
    writer.paragraph(
        t("rep-commitment-title", title=name(commitment), agency=name(commitment, "lead_agency")), italic=True
    )


async def _round_report(
    conn: aiosqlite.Connection, writer: _Writer, plan: Plan, report: RoundReport, tz: ZoneInfo
) -> None:
    """Write a round's report: its name, date and place, attendance, then each working group's findings."""
    t = writer.messages.t
    found = report.round
    writer.title(t("rep-title-round", round=writer.messages.name(found, "name")))
    if found.held_on is not None:
        writer.paragraph(_day(found.held_on), bold=True)
    writer.paragraph(_round_intro(writer.messages, plan, report), justify=True)
    writer.paragraph(_attendance_text(writer.messages, report.attendance, report.hall), justify=True)
    for group in report.findings:
        _commitment_heading(writer, group.commitment)
        _round_findings(writer, group)
        await _status(conn, writer, group.commitment, tz)
        await _answers_and_irm(conn, writer, group.commitment, found.id)


def _round_intro(messages: Messages, plan: Plan, report: RoundReport) -> str:
    found = report.round
    place = (
        messages.t("round-online")
        if found.online or not found.place
        else messages.t("rep-round-place", place=messages.name(found, "place"))
    )
    owner, title = messages.name(plan, "owner"), messages.name(plan)
    if found.held_on is None:
        return messages.t(
            "rep-round-intro-undated", owner=owner, round=messages.name(found, "name"), place=place, plan=title
        )
    weekday = messages.t("rep-weekday", day=found.held_on.weekday())
    return messages.t(
        "rep-round-intro",
        owner=owner,
        round=messages.name(found, "name"),
        weekday=weekday,
        date=_day(found.held_on),
        place=place,
        plan=title,
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
        t("rep-sectors", sectors=messages.join_and(sectors, "rep-list-and")),
        _organisations_text(messages, figures.organisations),
    ]
    groups = [t("rep-attendance-group", number=g.commitment.number, count=g.total) for g in figures.groups]
    if groups:
        parts.append(t("rep-attendance-groups", groups=messages.join_and(groups, "rep-list-and")))
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
    return (
        messages.t("rep-attendance-organisations", organisations=messages.join_and(listed, "rep-list-and"))
        if listed
        else ""
    )


def _round_findings(writer: _Writer, group: CommitmentFindings) -> None:
    """Write a working group's findings: a sub-heading per discussion question, a numbered list per theme."""
    t = writer.messages.t
    if not group.questions:
        writer.paragraph(t("rep-no-recommendations"))
    tables = [i.at_table for b in group.questions for th in b.themes for i in th.items if i.group_round_id is not None]
    if tables:  # the group spoke through its rapporteur: its findings are the group's, as the seed gives them
        writer.paragraph(
            t("group-author", number=group.commitment.number, count=max(n or 0 for n in tables)), italic=True
        )
    for block in group.questions:
        writer.subheading(_question_title(writer.messages, block))
        themed = any(theme.theme_id is not None for theme in block.themes)
        for theme in block.themes:
            if themed:
                named = writer.messages.name(theme, "theme_title")
                writer.paragraph(t("rep-theme", theme=named or t("rep-theme-other")), bold=True)
            writer.numbered(
                [writer.item_text(_said(writer, item), item.endorsements, item.raised_by) for item in theme.items]
            )


def _question_title(messages: Messages, block: QuestionFindings) -> str:
    return messages.name(block.question, "text") if block.question else messages.t("round-findings-untagged")


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
    evidence = await files.of_update(conn, latest.id)
    if evidence:
        names = [f.name or t("file-unnamed-photo" if f.format in ("jpeg", "png") else "file-unnamed") for f in evidence]
        writer.paragraph(t("rep-status-files", files=writer.messages.join(names)))


async def _answers_and_irm(
    conn: aiosqlite.Connection, writer: _Writer, commitment: Commitment, round_id: int | None
) -> None:
    """Write how the input was answered (storage.answers) and, beside the officers' status, the IRM's assessment."""
    t = writer.messages.t
    counts = await exports.answer_counts(conn, commitment.id, round_id)
    if counts.total:
        writer.paragraph(t("rep-answers", total=counts.total, answered=counts.answered))
        if counts.missing_reason:
            writer.paragraph(t("rep-answers-missing-reason", count=counts.missing_reason))
    assessment = await irm.get_assessment(conn, commitment.id)
    if assessment.empty:
        return
    given = [
        t("rep-irm-item", field=t(f"irm-field-{f.value}"), value=t(irm_key(f, code)))
        for f in IrmField
        if f is not IrmField.SOURCE_URL and (code := assessment.value(f)) is not None
    ]
    writer.paragraph(t("rep-irm", assessment=writer.messages.join(given)), bold=True)
    if assessment.source_url:
        writer.paragraph(t("rep-irm-source", url=assessment.source_url))


class _Writer:
    """Writes the report's paragraphs as WordprocessingML straight to a file, in the language's direction, with
    restarting lists.

    python-docx holds the whole document as an XML tree (about 5 KiB a paragraph: 509 MiB at 100,000
    recommendations), so it only provides the package: the styles (right to left for Arabic), the numbering and the
    section.
    Each paragraph is written as the XML python-docx itself would make for it, and save() puts the streamed body
    into that package's document part.
    """

    def __init__(self, messages: Messages, body: IO[bytes], author: str) -> None:
        self.messages = messages
        self.doc: DocxDocument = Document()
        self.doc.core_properties.author = author
        self.doc.core_properties.last_modified_by = author
        rtl = messages.direction == "rtl"  # Arabic; an English report reads left to right
        # What each paragraph and run carries for its direction: Arabic's bidi marks, or English's language.
        self._bidi = "<w:bidi/>" if rtl else ""
        self._run_tail = f'<w:rtl/><w:lang w:bidi="{_LANG}"/>' if rtl else f'<w:lang w:val="{_LANG_LTR}"/>'
        if rtl:
            self._rtl_styles()
            self._rtl_section()
        else:
            self._ltr_styles()
        self._a4()
        self._body = body
        self._endorsed: dict[int, str] = {}  # "(endorsed by n)" per n: formatted once, not per recommendation
        styles = self.doc.styles
        self._heading_styles = {level: styles[f"Heading {level}"].style_id for level in (1, 2, 3)}
        self._list_style = styles["List Number"].style_id
        numbering = self.doc.part.numbering_part.element
        style_num = styles["List Number"].element.pPr.numPr.numId.val
        self._numbering = numbering
        self._list_abstract = numbering.num_having_numId(style_num).abstractNumId.val

    def _rtl_styles(self) -> None:
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Number"):
            style = self.doc.styles[name]
            _bidi(style.element.get_or_add_pPr())
            _rtl_run_props(style.element.get_or_add_rPr(), size=None)
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(13)
        _rtl_run_props(normal.element.get_or_add_rPr(), size=Pt(13))

    def _ltr_styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(13)
        _add_once(normal.element.get_or_add_rPr(), "w:lang", _RPR_AFTER_LANG).set(qn("w:val"), _LANG_LTR)

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
        self._write(f'<w:pStyle w:val="{self._heading_styles[1]}"/>{self._bidi}<w:jc w:val="center"/>', "", text)

    def heading(self, text: str) -> None:
        """Add a section heading."""
        self._write(f'<w:pStyle w:val="{self._heading_styles[2]}"/>{self._bidi}', "", text)

    def subheading(self, text: str) -> None:
        """Add a sub-heading under a section."""
        self._write(f'<w:pStyle w:val="{self._heading_styles[3]}"/>{self._bidi}', "", text)

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False, justify: bool = False) -> None:
        """Add a paragraph in the document's direction."""
        p_pr = f'{self._bidi}<w:jc w:val="both"/>' if justify else self._bidi
        r_pr = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")  # bCs: Arabic is bold by it
        self._write(p_pr, r_pr, text)

    def numbered(self, texts: list[str]) -> None:
        """Add a numbered list that starts again at 1."""
        num_id = self.new_list()
        for text in texts:
            self.list_item(num_id, text)

    def new_list(self) -> int:
        """Start a numbered list that counts from 1 again; return its numbering id."""
        num = self._numbering.add_num(self._list_abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def list_item(self, num_id: int, text: str) -> None:
        """Add an item to a numbered list."""
        p_pr = (
            f'<w:pStyle w:val="{self._list_style}"/>'
            f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>{self._bidi}'
        )
        self._write(p_pr, "", text)

    def item_text(self, text: str, endorsements: int, raised: int = 1) -> str:
        """Return a recommendation's text with how many raised it (when more than one) and endorsed it (if any)."""
        if raised > 1:
            text = f"{text} {self.messages.t('rep-raised-by', count=raised)}"
        if endorsements == 0:
            return text
        note = self._endorsed.get(endorsements)
        if note is None:
            note = self._endorsed[endorsements] = self.messages.t("rep-endorsements", count=endorsements)
        return f"{text} {note}"

    def _write(self, p_pr: str, r_pr: str, text: str) -> None:
        run = f'<w:r><w:rPr><w:rFonts w:cs="{FONT}"/>{r_pr}{self._run_tail}</w:rPr>'
        p_pr = f"<w:pPr>{p_pr}</w:pPr>" if p_pr else ""
        self._body.write(f"<w:p>{p_pr}{run}{_run_content(text)}</w:r></w:p>".encode())

    def save(self, out: BinaryIO) -> None:
        """Write the package to out, its document part made of the streamed body."""
        package = io.BytesIO()
        self.doc.save(package)
        with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename != _DOCUMENT_PART:
                    target.writestr(info, source.read(info))
                    continue
                head, tail = _split_body(source.read(info))
                info.file_size = len(head) + self._body.tell() + len(tail)  # zipfile picks ZIP64 from it if needed
                with target.open(info, "w") as part:
                    part.write(head)
                    self._body.seek(0)
                    shutil.copyfileobj(self._body, part)
                    part.write(tail)


_DOCUMENT_PART = "word/document.xml"
_BODY_IN_MEMORY = 4 * 2**20  # a larger body goes to a temporary file
_START_LIST = object()  # no theme seen yet (None is "no theme")
# What lxml refuses in XML text, refused here too so that a report fails the same way it did through python-docx.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SEPARATORS = re.compile(r"([\t\r\n])")
_SEPARATOR_XML = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>"}


def _split_body(document: bytes) -> tuple[bytes, bytes]:
    """Return the document part before and after the body's content (python-docx's empty body: just the section)."""
    head, marker, tail = document.partition(b"<w:body>")
    if not marker or not tail.startswith(b"<w:sectPr") or b"<w:p>" in tail:
        raise ValueError("unexpected document template: the body must hold only its section properties")
    return head + marker, tail


def _run_content(text: str) -> str:
    """Return a run's content as python-docx's Run.text makes it: <w:t> pieces, a tab, a line break per CR or LF."""
    if _NOT_XML.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    parts = []
    for piece in _SEPARATORS.split(text):
        if piece in _SEPARATOR_XML:
            parts.append(_SEPARATOR_XML[piece])
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return "".join(parts)


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


# The writer other documents reuse (the evidence pack's index), in their language's direction.
RtlDocument = _Writer
