"""/export (coordinators): format → scope (everything, a commitment, a round, a date range) → the file."""

from __future__ import annotations

import io
from dataclasses import asdict
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from handlers.kit import documents
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Document, Reply
from handlers.kit.dates import find_dates
from handlers.kit.documents import (
    AuditLine,
    Built,
    DocumentKind,
    Job,
    file_language,
    file_language_line,
    language_choice,
)
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import Lang
from handlers.kit.routes import on
from handlers.kit.who import Who
from reports.export import ExportFormat, export
from storage import catalogue
from storage.exports import ExportScope, RoundInfo, get_round, recent_rounds

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # Telegram's upload limit for bots (WhatsApp allows 100 MB)
ROUNDS_SHOWN = 8


class Step(StrEnum):
    """Steps of the export flow."""

    FORMAT = "format"
    SCOPE = "scope"
    COMMITMENT = "commitment"
    ROUND = "round"
    DATES = "dates"


class Scope(StrEnum):
    """What to export: everything, one commitment, one round, or a date range."""

    ALL = "all"
    COMMITMENT = "c"
    ROUND = "r"
    DATES = "d"


class Asked(FlowData):
    """The chosen format, and the file's language (None: the one the coordinator reads)."""

    fmt: ExportFormat = ExportFormat.XLSX
    language: Lang | None = None


class PickFormat(Button, prefix="exp:f"):
    """The file format."""

    fmt: ExportFormat


class PickScope(Button, prefix="exp:s"):
    """What the file covers."""

    scope: Scope


class PickCommitment(Button, prefix="exp:c"):
    """The one commitment to export."""

    commitment: int


class PickRound(Button, prefix="exp:r"):
    """The one round to export."""

    round: int


class FileLanguage(Button, prefix="exp:l"):
    """Have the file in another language than the one the coordinator reads."""

    language: Lang


class Cancel(Button, prefix="exp:x"):
    """Export nothing."""


def _cancel(ctx: Context) -> Choice:
    return Cancel().choice(ctx.t("cancel-button"))


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /export: choose a format (and, with one button, the file's language)."""
    return [_format_prompt(ctx, EXPORT.start(ctx, Step.FORMAT))]


def _format_prompt(ctx: Context, asked: Asked, *, replace: bool = False) -> Reply:
    language = file_language(ctx, asked.language)
    choices = (
        PickFormat(fmt=ExportFormat.XLSX).choice(ctx.t("exp-format-xlsx")),
        PickFormat(fmt=ExportFormat.CSV).choice(ctx.t("exp-format-csv")),
        PickFormat(fmt=ExportFormat.JSON).choice(ctx.t("exp-format-json")),
        language_choice(ctx, FileLanguage, language),
        _cancel(ctx),
    )
    text = ctx.t("exp-choose-format") + "\n" + file_language_line(ctx, language)
    return Reply(text=text, choices=choices, replace=replace)


@requires_role(Who.COORDINATOR)
async def pick_language(ctx: Context, press: FileLanguage) -> list[Reply]:
    """Have the file in the language pressed."""
    asked = EXPORT.load(ctx)
    asked.language = press.language
    EXPORT.goto(ctx, Step.FORMAT, asked)
    return [_format_prompt(ctx, asked, replace=True)]


def _scope_prompt(ctx: Context, key: str = "exp-choose-scope") -> Reply:
    choices = (
        PickScope(scope=Scope.ALL).choice(ctx.t("exp-scope-all")),
        PickScope(scope=Scope.COMMITMENT).choice(ctx.t("exp-scope-commitment")),
        PickScope(scope=Scope.ROUND).choice(ctx.t("exp-scope-round")),
        PickScope(scope=Scope.DATES).choice(ctx.t("exp-scope-dates")),
        _cancel(ctx),
    )
    return Reply(text=ctx.t(key), choices=choices, replace=True)


@requires_role(Who.COORDINATOR)
async def pick_format(ctx: Context, press: PickFormat) -> list[Reply]:
    """Take the format, then ask what to export."""
    asked = EXPORT.load(ctx)
    asked.fmt = press.fmt
    EXPORT.goto(ctx, Step.SCOPE, asked)
    return [_scope_prompt(ctx)]


@requires_role(Who.COORDINATOR)
async def pick_scope(ctx: Context, press: PickScope) -> list[Reply]:
    """Take what to export; a commitment, a round or dates need one more answer."""
    asked = EXPORT.load(ctx)
    if press.scope is Scope.ALL:
        return await _deliver(ctx, ExportScope())
    if press.scope is Scope.COMMITMENT:
        EXPORT.goto(ctx, Step.COMMITMENT, asked)
        return [(await _commitment_prompt(ctx)).model_copy(update={"replace": True})]
    if press.scope is Scope.ROUND:
        rounds = await recent_rounds(ctx.conn, ROUNDS_SHOWN)
        if not rounds:
            return [_scope_prompt(ctx, "exp-no-rounds")]
        EXPORT.goto(ctx, Step.ROUND, asked)
        return [_round_prompt(ctx, rounds).model_copy(update={"replace": True})]
    EXPORT.goto(ctx, Step.DATES, asked)
    return [Reply(text=ctx.t("exp-ask-dates"), choices=(_cancel(ctx),), replace=True)]


@requires_role(Who.COORDINATOR)
async def pick_commitment(ctx: Context, press: PickCommitment) -> list[Reply]:
    """Export one commitment."""
    if press.commitment not in {c.id for c in await catalogue.list_commitments(ctx.conn)}:
        return await unknown_button(ctx)
    return await _deliver(ctx, ExportScope(commitment_id=press.commitment))


@requires_role(Who.COORDINATOR)
async def pick_round(ctx: Context, press: PickRound) -> list[Reply]:
    """Export one round."""
    if await get_round(ctx.conn, press.round) is None:
        return await unknown_button(ctx)
    return await _deliver(ctx, ExportScope(round_id=press.round))


def parse_range(text: str) -> tuple[date, date] | None:
    """Read two dates (30/9/2019 or 2019-09-30, any digits) in order; None when they are not there."""
    days = find_dates(text)
    if days is None or len(days) != 2:
        return None
    return (days[0], days[1]) if days[0] <= days[1] else None


@requires_role(Who.COORDINATOR)
async def take_dates(ctx: Context, asked: Asked) -> list[Reply]:
    """Read the date range typed in the dates step."""
    span = parse_range(ctx.incoming.text or "")
    if span is None:
        return [Reply(text=ctx.t("exp-bad-dates"), choices=(_cancel(ctx),))]
    zone = ctx.config.timezone
    since = datetime.combine(span[0], time(0), zone)
    until = datetime.combine(span[1] + timedelta(days=1), time(0), zone)
    return await _deliver(ctx, ExportScope(since=since, until=until))


def _describe(scope: ExportScope, rows: int) -> str:
    """Say in the audit log what left the system: the scope and how many recommendations, never their content."""
    parts = [f"{name}={value}" for name, value in asdict(scope).items() if value is not None]
    return " ".join([*parts, f"recommendations={rows}"])


async def _deliver(ctx: Context, scope: ExportScope) -> list[Reply]:
    asked = EXPORT.load(ctx)
    ctx.end()
    language = file_language(ctx, asked.language)
    return await documents.request(ctx, DocumentKind.EXPORT, scope, language=language, fmt=asked.fmt.value)


async def build(job: Job) -> Built:
    """Write the file on the job's read-only snapshot: the document with its caption, or why it cannot be sent."""
    fmt, scope = ExportFormat(job.params["fmt"]), job.scope
    out = io.BytesIO()
    result = await export(job.conn, scope, fmt, out, messages=job.messages, tz=job.timezone, now=job.requested_at)
    data = out.getvalue()
    if len(data) > MAX_DOCUMENT_BYTES:
        too_large = job.t("exp-too-large", megabytes=round(len(data) / 1024 / 1024))
        return Built([Reply(text=too_large, choices=job.menu)])
    caption = job.t("exp-caption", count=result.recommendations)
    name = result.filename(job.requested_at, job.timezone)
    document = Document(filename=name, mime=result.mime, data=data, caption=caption)
    audit = AuditLine("export", fmt.value, _describe(scope, result.recommendations))
    return Built([Reply(text=caption, document=document, choices=job.menu)], audit)


async def _commitment_prompt(ctx: Context) -> Reply:
    commitments = await catalogue.list_commitments(ctx.conn)
    choices = tuple(PickCommitment(commitment=c.id).choice(f"{c.number}. {ctx.name(c)}") for c in commitments)
    return Reply(text=ctx.t("exp-choose-commitment"), choices=(*choices, _cancel(ctx)))


def _round_prompt(ctx: Context, rounds: list[RoundInfo]) -> Reply:
    choices = tuple(PickRound(round=r.id).choice(r.name) for r in rounds)
    return Reply(text=ctx.t("exp-choose-round"), choices=(*choices, _cancel(ctx)))


async def ask_again(ctx: Context, asked: Asked) -> list[Reply]:
    """Ask the question of the button step the chat is in again."""
    if EXPORT.at(ctx, Step.FORMAT):
        return [_format_prompt(ctx, asked)]
    if EXPORT.at(ctx, Step.COMMITMENT):
        return [await _commitment_prompt(ctx)]
    if EXPORT.at(ctx, Step.ROUND):
        return [_round_prompt(ctx, await recent_rounds(ctx.conn, ROUNDS_SHOWN))]
    if EXPORT.at(ctx, Step.DATES):
        return [Reply(text=ctx.t("exp-ask-dates"), choices=(_cancel(ctx),))]
    return [_scope_prompt(ctx).model_copy(update={"replace": False})]


EXPORT = Flow(
    name="export",
    data=Asked,
    cancel=Cancel,
    steps={
        Step.FORMAT: Accepts(
            buttons=(on(PickFormat, pick_format), on(FileLanguage, pick_language)),
            question=ask_again,
            goes=(Step.SCOPE,),
        ),
        Step.SCOPE: Accepts(
            buttons=(on(PickScope, pick_scope),), question=ask_again, goes=(Step.COMMITMENT, Step.ROUND, Step.DATES)
        ),
        Step.COMMITMENT: Accepts(buttons=(on(PickCommitment, pick_commitment),), question=ask_again),
        Step.ROUND: Accepts(buttons=(on(PickRound, pick_round),), question=ask_again),
        Step.DATES: Accepts(text=take_dates, question=ask_again),
    },
)

FEATURE = Feature(
    commands={"export": start},
    buttons=(),
    flows=(EXPORT,),
)
