"""/export (coordinators): format → scope (everything, a commitment, a round, a date range) → the file."""

from __future__ import annotations

import io
from dataclasses import asdict
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from handlers.context import Context
from handlers.contract import Choice, Document, Reply
from handlers.dates import find_dates
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.menu import menu_choices, with_menu
from handlers.text import parse_int
from reports.export import ExportFormat, export
from storage import audit, catalogue
from storage.exports import ExportScope, get_round, recent_rounds

FLOW = "export"
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # Telegram's upload limit for bots (WhatsApp allows 100 MB)
ROUNDS_SHOWN = 8


class Step(StrEnum):
    """Steps of the export flow."""

    FORMAT = "format"
    SCOPE = "scope"
    COMMITMENT = "commitment"
    ROUND = "round"
    DATES = "dates"


# The step each kind of button belongs to; a button pressed in any other step is stale.
_STEP_OF = {"f": Step.FORMAT, "s": Step.SCOPE, "c": Step.COMMITMENT, "r": Step.ROUND}


def _cancel(ctx: Context) -> Choice:
    return Choice(id="exp:x", label=ctx.t("cancel-button"))


async def start(ctx: Context) -> list[Reply]:
    """Answer /export: coordinators choose a format."""
    if not ctx.is_coordinator:
        return [with_menu(ctx, ctx.t("exp-not-allowed"))]
    ctx.goto(FLOW, Step.FORMAT)
    choices = (
        Choice(id="exp:f:xlsx", label=ctx.t("exp-format-xlsx")),
        Choice(id="exp:f:csv", label=ctx.t("exp-format-csv")),
        Choice(id="exp:f:json", label=ctx.t("exp-format-json")),
        _cancel(ctx),
    )
    return [Reply(text=ctx.t("exp-choose-format"), choices=choices)]


def _scope_prompt(ctx: Context, key: str = "exp-choose-scope") -> Reply:
    choices = (
        Choice(id="exp:s:all", label=ctx.t("exp-scope-all")),
        Choice(id="exp:s:c", label=ctx.t("exp-scope-commitment")),
        Choice(id="exp:s:r", label=ctx.t("exp-scope-round")),
        Choice(id="exp:s:d", label=ctx.t("exp-scope-dates")),
        _cancel(ctx),
    )
    return Reply(text=ctx.t(key), choices=choices, replace=True)


async def on_choice(ctx: Context) -> list[Reply]:
    """Route an exp:* button, re-checking the role and that the button belongs to the current step."""
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("exp-not-allowed"))]
    parts = (ctx.incoming.choice or "").split(":")
    if parts[1:] == ["x"]:
        ctx.end()
        return [with_menu(ctx, ctx.t("cancelled"), replace=True)]
    step = _STEP_OF.get(parts[1]) if len(parts) == 3 else None
    if step is None:
        return await unknown_button(ctx)
    if ctx.flow != FLOW or ctx.step != step:
        return await stale_button(ctx)
    value = parts[2]
    if step is Step.FORMAT:
        return _chose_format(ctx, value)
    if step is Step.SCOPE:
        return await _chose_scope(ctx, value)
    number = parse_int(value)
    if step is Step.COMMITMENT:
        active = {c.id for c in await catalogue.list_commitments(ctx.conn)}
        return await _deliver(ctx, ExportScope(commitment_id=number)) if number in active else await unknown_button(ctx)
    if number is None or await get_round(ctx.conn, number) is None:
        return await unknown_button(ctx)
    return await _deliver(ctx, ExportScope(round_id=number))


def _chose_format(ctx: Context, value: str) -> list[Reply]:
    if value not in {f.value for f in ExportFormat}:
        return [with_menu(ctx, ctx.t("unknown-button"))]
    ctx.goto(FLOW, Step.SCOPE, fmt=value)
    return [_scope_prompt(ctx)]


async def _chose_scope(ctx: Context, value: str) -> list[Reply]:
    if value == "all":
        return await _deliver(ctx, ExportScope())
    if value == "c":
        ctx.goto(FLOW, Step.COMMITMENT)
        commitments = await catalogue.list_commitments(ctx.conn)
        choices = tuple(Choice(id=f"exp:c:{c.id}", label=f"{c.number}. {c.title_ar}") for c in commitments)
        return [Reply(text=ctx.t("exp-choose-commitment"), choices=(*choices, _cancel(ctx)), replace=True)]
    if value == "r":
        rounds = await recent_rounds(ctx.conn, ROUNDS_SHOWN)
        if not rounds:
            return [_scope_prompt(ctx, "exp-no-rounds")]
        ctx.goto(FLOW, Step.ROUND)
        choices = tuple(Choice(id=f"exp:r:{r.id}", label=r.name) for r in rounds)
        return [Reply(text=ctx.t("exp-choose-round"), choices=(*choices, _cancel(ctx)), replace=True)]
    if value == "d":
        ctx.goto(FLOW, Step.DATES)
        return [Reply(text=ctx.t("exp-ask-dates"), choices=(_cancel(ctx),), replace=True)]
    return await unknown_button(ctx)


def parse_range(text: str) -> tuple[date, date] | None:
    """Read two dates (30/9/2019 or 2019-09-30, any digits) in order; None when they are not there."""
    days = find_dates(text)
    if days is None or len(days) != 2:
        return None
    return (days[0], days[1]) if days[0] <= days[1] else None


async def on_text(ctx: Context) -> list[Reply]:
    """Read the date range typed in the dates step."""
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("exp-not-allowed"))]
    if ctx.step != Step.DATES:
        return await stale_button(ctx)
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
    fmt = ExportFormat(ctx.data.get("fmt", ExportFormat.XLSX.value))
    ctx.end()
    out = io.BytesIO()
    result = await export(ctx.conn, scope, fmt, out, messages=ctx.messages, tz=ctx.config.timezone, now=ctx.now)
    data = out.getvalue()
    if len(data) > MAX_DOCUMENT_BYTES:
        return [with_menu(ctx, ctx.t("exp-too-large", megabytes=round(len(data) / 1024 / 1024)))]
    actor = ctx.participant.id if ctx.participant else None
    await audit.record(ctx.conn, actor, "export", fmt.value, _describe(scope, result.recommendations), ctx.now)
    caption = ctx.t("exp-caption", count=result.recommendations)
    document = Document(
        filename=result.filename(ctx.now, ctx.config.timezone), mime=result.mime, data=data, caption=caption
    )
    return [Reply(text=caption, document=document, choices=menu_choices(ctx))]


FEATURE = Feature(
    commands={"export": start},
    choices={"exp": on_choice},
    legacy_flows={FLOW: on_text},
)
