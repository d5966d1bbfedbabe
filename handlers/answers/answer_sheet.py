"""Recommendations answered from a spreadsheet: download → fill in Excel → send back → checked preview → confirm.

The sheet (reports.answer_sheet_xlsx) lists the recommendations an officer answers; the file sent back is checked
as a whole before anything is stored (handlers.answers.answer_rows says what a row means), and on confirmation every
answer goes through `inbox.give_answer`, exactly as one given in the chat, in the event's one transaction.
"""

from __future__ import annotations

import asyncio
import io
from collections import Counter
from enum import StrEnum

from pydantic import Field

from handlers.answers import inbox
from handlers.answers.answer_rows import SheetAnswer, check_rows
from handlers.answers.inbox import ANSWER_STATES
from handlers.kit import files as sent
from handlers.kit.access import as_member, handled_commitments, refuse, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Document, Reply
from handlers.kit.fallback import FREE_FILE
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import state_label
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.who import Who
from reports.answer_sheet import SheetItem
from reports.answer_sheet_import import AnswerRow, read_answer_sheet
from reports.sheet_import import SheetError
from reports.tables import Labels
from storage import answer_sheet, audit, exports, files, recommendations
from storage.exports import ExportScope
from storage.filetypes import Format
from storage.models import Recommendation

ERRORS_SHOWN = 30
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Step(StrEnum):
    """Steps of answering from a sheet: the file, then the preview."""

    FILE = "file"
    PREVIEW = "preview"


class Which(StrEnum):
    """Which recommendations the downloaded sheet lists."""

    WAITING = "waiting"
    ALL = "all"


class Upload(FlowData):
    """The answers the checked sheet gives."""

    answers: list[SheetAnswer] = Field(default_factory=list)


class Download(Button, prefix="ans:dl"):
    """Send the sheet to answer in Excel."""

    which: Which


class StartUpload(Button, prefix="ans:up"):
    """Answer from a filled sheet: ask for the file."""


class Apply(Button, prefix="ans:ok"):
    """Give every answer of the previewed sheet."""


class Cancel(Button, prefix="ans:x"):
    """Store nothing from the sheet."""


def page_buttons(ctx: Context) -> list[Choice]:
    """The inbox's two buttons for the sheet."""
    return [
        Download(which=Which.WAITING).choice(ctx.t("answer-sheet-download-button")),
        StartUpload().choice(ctx.t("answer-sheet-upload-button")),
    ]


def _ask_file(ctx: Context, lead: str | None = None, *, offer_all: bool = False) -> Reply:
    text = ctx.t("answer-sheet-ask-file")
    choices = [Cancel().choice(ctx.t("cancel-button"))]
    if offer_all:
        choices.insert(0, Download(which=Which.ALL).choice(ctx.t("answer-sheet-all-button")))
    return Reply(text=f"{lead}\n\n{text}" if lead else text, choices=tuple(choices))


@requires(Who.OFFICER)
async def download(ctx: Member, press: Download) -> list[Reply]:
    """Send the sheet of the person's recommendations (waiting ones, or all), then wait for it filled in."""
    commitments = await handled_commitments(ctx)
    if not commitments:
        return refuse(ctx)
    items = []
    for commitment in commitments:
        async for rec in exports.iter_recommendations(ctx.conn, commitment.id, ExportScope()):
            if not rec.hidden and rec.merged_into is None and (press.which is Which.ALL or not rec.answered):
                items.append(rec)
    SHEET.start(ctx, Step.FILE)
    offer_all = press.which is Which.WAITING
    if not items:
        return [_ask_file(ctx, ctx.t("answer-sheet-empty"), offer_all=offer_all)]
    versions = await answer_sheet.versions(ctx.conn, [rec.id for rec in items])
    document = await asyncio.to_thread(_workbook, ctx, [SheetItem(rec, versions.get(rec.id, 0)) for rec in items])
    caption = ctx.t("answer-sheet-caption", count=len(items))
    return [Reply(text=caption, document=document), _ask_file(ctx, offer_all=offer_all)]


def _workbook(ctx: Context, items: list[SheetItem]) -> Document:
    from reports.answer_sheet_xlsx import write_answer_sheet  # openpyxl loads only when asked

    out = io.BytesIO()
    write_answer_sheet(items, ANSWER_STATES, out, _labels(ctx))
    name = f"ogp-answers-{ctx.local_now:%Y%m%d-%H%M}.xlsx"
    return Document(filename=name, mime=MIME_XLSX, data=out.getvalue())


def _labels(ctx: Context) -> Labels:
    return Labels(ctx.messages, ctx.config.timezone)


@requires(Who.OFFICER)
async def begin(ctx: Member, press: StartUpload) -> list[Reply]:
    """Ask for the filled sheet."""
    if not await handled_commitments(ctx):
        return refuse(ctx)
    SHEET.start(ctx, Step.FILE)
    return [_ask_file(ctx)]


@requires(Who.OFFICER)
async def ask_again(ctx: Member, data: Upload) -> list[Reply]:
    """Text where a file is awaited: ask for the file again."""
    return [_ask_file(ctx)]


@requires(Who.OFFICER)
async def take_file(ctx: Member, data: Upload) -> list[Reply]:
    """Read the sheet, check every row, and preview the answers with every refused row and why."""
    rows = await _read(ctx)
    if isinstance(rows, str):
        return [_ask_file(ctx, rows)]
    return await _preview(ctx, rows)


async def _read(ctx: Member) -> list[AnswerRow] | str:
    """Return the sheet's rows, or why the file cannot be read as the answer sheet (a table is read, not kept)."""
    attachment = ctx.incoming.attachment
    if attachment is None or attachment.data is None:
        return ctx.t("import-not-downloaded")
    stored = await sent.sent_file(ctx)
    if attachment.stored is not None:
        await files.drop(ctx.conn, attachment.stored, ctx.now)
    if stored is None or stored.format != Format.XLSX:
        return ctx.t("answer-sheet-not-xlsx", button=ctx.t("answer-sheet-download-button"))
    try:
        return await asyncio.to_thread(read_answer_sheet, attachment.data, _labels(ctx))
    except SheetError as error:
        return ctx.t(error.key)


async def _preview(ctx: Member, rows: list[AnswerRow]) -> list[Reply]:
    answers, errors, unchanged = await check_rows(ctx, rows)
    lines = _summary(ctx, answers)
    if unchanged:
        lines += ["", ctx.t("answer-sheet-unchanged", count=unchanged)]
    if errors:
        lines += ["", ctx.t("answer-sheet-refused", count=len(errors))]
        lines += [ctx.t("import-error-line", row=row, reason=reason) for row, reason in errors[:ERRORS_SHOWN]]
        if len(errors) > ERRORS_SHOWN:
            lines.append(ctx.t("import-more", count=len(errors) - ERRORS_SHOWN))
    if not answers:
        SHEET.goto(ctx, Step.FILE, Upload())
        return [_ask_file(ctx, "\n".join([*lines, "", ctx.t("answer-sheet-nothing")]))]
    SHEET.goto(ctx, Step.PREVIEW, Upload(answers=answers))
    return [_ready(ctx, lines)]


def _summary(ctx: Context, answers: list[SheetAnswer]) -> list[str]:
    """Return how many answers the sheet gives, and how many of each state."""
    by_state = Counter(answer.state for answer in answers)
    return [ctx.t("answer-sheet-preview", count=len(answers))] + [
        ctx.t("answer-sheet-preview-state", state=state_label(ctx, s), count=by_state[s])
        for s in ANSWER_STATES
        if by_state[s]
    ]


def _ready(ctx: Context, lines: list[str]) -> Reply:
    """Return the preview with its buttons to give the answers or cancel."""
    choices = (Apply().choice(ctx.t("answer-sheet-apply")), Cancel().choice(ctx.t("cancel-button")))
    return Reply(text="\n".join([*lines, "", ctx.t("answer-sheet-then")]), choices=choices)


@requires(Who.OFFICER)
async def apply(ctx: Member, press: Apply) -> list[Reply]:
    """Give every answer as the chat does, or none when a recommendation changed since the sheet was checked."""
    answers = SHEET.load(ctx).answers
    found: list[tuple[SheetAnswer, Recommendation]] = []
    for answer in answers:
        rec = await recommendations.get_recommendation(ctx.conn, answer.rec)
        if rec is None or not ctx.may_handle(rec.commitment_id):
            return refuse(ctx)
        if rec.participant_id == ctx.participant.id:  # as in the chat: nobody answers their own recommendation
            return [inbox.own_refusal(ctx, rec)]
        found.append((answer, rec))
    versions = await answer_sheet.versions(ctx.conn, [a.rec for a in answers])
    for answer, rec in found:
        if rec.hidden or rec.merged_into is not None or versions.get(rec.id) != answer.seen:
            SHEET.goto(ctx, Step.FILE, Upload())
            return [_ask_file(ctx, ctx.t("answer-sheet-stale", receipt=ctx.t("receipt", id=rec.id)))]
    told = 0
    for answer, rec in found:
        given = await inbox.give_answer(ctx, rec, answer.state, answer.response)
        told += given is not None and given[1] is not None
    await audit.record(ctx.conn, ctx.participant.id, "answers.sheet", None, f"answers={len(found)}", ctx.now)
    ctx.end()
    return [with_menu(ctx, ctx.t("answer-sheet-done", count=len(found), told=told))]


async def offer_sheet(ctx: Context) -> list[Reply] | None:
    """Take an answer sheet an officer sends outside any flow (None for any other file, or from anyone else)."""
    if ctx.participant is None or not await handled_commitments(ctx):
        return None
    stored = await sent.sent_file(ctx)
    data = ctx.incoming.attachment.data if ctx.incoming.attachment else None
    if stored is None or stored.format != Format.XLSX or data is None:
        return None
    try:
        rows = await asyncio.to_thread(read_answer_sheet, data, _labels(ctx))
    except SheetError:
        return None  # another workbook: whoever else takes files sees it
    member = as_member(ctx)
    if member is None:
        return None
    await files.drop(ctx.conn, stored.id, ctx.now)
    return await _preview(member, rows)


async def show_preview(ctx: Context, data: Upload) -> list[Reply]:
    """Show the checked answers with their buttons again (the refused rows were shown when the sheet came)."""
    return [_ready(ctx, _summary(ctx, data.answers))]


async def cancelled(ctx: Context, data: Upload) -> list[Reply]:
    """Nothing from the sheet was stored."""
    return [with_menu(ctx, ctx.t("answer-sheet-cancelled"))]


SHEET = Flow(
    name="answer_sheet",
    data=Upload,
    cancel=Cancel,
    on_cancel=cancelled,
    entry=(Step.FILE, Step.PREVIEW),
    steps={
        Step.FILE: Accepts(question=ask_again, file=take_file, text=ask_again, goes=(Step.PREVIEW,)),
        Step.PREVIEW: Accepts(file=take_file, buttons=(on(Apply, apply),), question=show_preview, goes=(Step.FILE,)),
    },
)

FEATURE = Feature(
    buttons=(
        on(Download, download),
        on(StartUpload, begin),
    ),
    flows=(SHEET,),
    hooks=(inbox.PAGE_ACTIONS.bind(page_buttons), FREE_FILE.bind(offer_sheet)),
)
