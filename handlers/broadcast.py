"""/broadcast (coordinators): message → audience → preview with the number of recipients → confirm → queued."""

from __future__ import annotations

import uuid
from enum import StrEnum

from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.labels import short_date
from handlers.menu import with_menu
from handlers.text import clean_text, parse_int
from storage import broadcasts, catalogue
from storage import reminders as rem
from storage.broadcasts import Audience

FLOW = "broadcast"
MAX_CHARS = 3500  # one Telegram message (4,096) with the heading: a retry never re-sends half of it


class Step(StrEnum):
    """Steps of the broadcast flow."""

    TEXT = "text"
    AUDIENCE = "audience"
    COMMITMENT = "commitment"
    ROUND = "round"
    PREVIEW = "preview"


AUDIENCE_LABELS = {
    Audience.ALL: "bc-audience-all",
    Audience.FOLLOWERS: "bc-audience-followers",
    Audience.LIAISONS: "bc-audience-liaisons",
    Audience.ROUND: "bc-audience-round",
}


def _cancel(ctx: Context) -> Choice:
    return Choice(id="bc:x", label=ctx.t("bc-cancel-button"))


async def start(ctx: Context) -> list[Reply]:
    """Answer /broadcast: coordinators only; ask for the message."""
    if not ctx.is_coordinator:
        return [with_menu(ctx, ctx.t("bc-not-allowed"))]
    ctx.goto(FLOW, Step.TEXT)
    return [Reply(text=ctx.t("bc-ask-text", max=MAX_CHARS), choices=(_cancel(ctx),))]


async def on_text(ctx: Context) -> list[Reply]:
    """Take the message typed in the flow."""
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("bc-not-allowed"))]
    if ctx.step != Step.TEXT:
        return [Reply(text=ctx.t("bc-use-buttons"), choices=(_cancel(ctx),))]
    text = clean_text(ctx.incoming.text or "")
    if not text or len(text) > MAX_CHARS:
        return [Reply(text=ctx.t("bc-text-length", max=MAX_CHARS, length=len(text)), choices=(_cancel(ctx),))]
    ctx.goto(FLOW, Step.AUDIENCE, text=text)
    choices = tuple(Choice(id=f"bc:a:{a.value}", label=ctx.t(key)) for a, key in AUDIENCE_LABELS.items())
    return [Reply(text=ctx.t("bc-choose-audience"), choices=(*choices, _cancel(ctx)))]


async def on_choice(ctx: Context) -> list[Reply]:
    """Route a bc:* button, re-checking the role and the step."""
    parts = (ctx.incoming.choice or "").split(":")
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("bc-not-allowed"))]
    action = parts[1] if len(parts) > 1 else ""
    if action == "x" and len(parts) == 2:
        ctx.end()
        return [with_menu(ctx, ctx.t("bc-cancelled"), replace=True)]
    handler = _ACTIONS.get(action)
    if handler is None:
        return await unknown_button(ctx)
    step, needs_arg = handler[0], handler[1]
    if ctx.flow != FLOW or ctx.step != step:
        return await stale_button(ctx)
    if needs_arg != (len(parts) == 3):
        return await unknown_button(ctx)
    return await handler[2](ctx, parts[2] if needs_arg else "")


async def _audience(ctx: Context, value: str) -> list[Reply]:
    if value not in {a.value for a in Audience}:
        return await unknown_button(ctx)
    audience = Audience(value)
    if audience is Audience.FOLLOWERS:
        ctx.goto(FLOW, Step.COMMITMENT, audience=audience.value)
        commitments = await catalogue.list_commitments(ctx.conn)
        choices = tuple(Choice(id=f"bc:c:{c.id}", label=f"{c.number}. {c.title_ar}") for c in commitments)
        return [Reply(text=ctx.t("bc-choose-commitment"), choices=(*choices, _cancel(ctx)), replace=True)]
    if audience is Audience.ROUND:
        rounds = await broadcasts.rounds_to_address(ctx.conn)
        if not rounds:
            return [Reply(text=ctx.t("bc-no-rounds"), choices=(_cancel(ctx),), replace=True)]
        ctx.goto(FLOW, Step.ROUND, audience=audience.value)
        choices = tuple(Choice(id=f"bc:r:{r.id}", label=r.name) for r in rounds)
        return [Reply(text=ctx.t("bc-choose-round"), choices=(*choices, _cancel(ctx)), replace=True)]
    return await _preview(ctx, audience, None)


async def _commitment(ctx: Context, value: str) -> list[Reply]:
    commitment_id = parse_int(value)
    if commitment_id not in {c.id for c in await catalogue.list_commitments(ctx.conn)}:
        return await unknown_button(ctx)
    return await _preview(ctx, Audience.FOLLOWERS, commitment_id)


async def _round(ctx: Context, value: str) -> list[Reply]:
    round_id = parse_int(value)
    if round_id not in {r.id for r in await broadcasts.rounds_to_address(ctx.conn)}:
        return await unknown_button(ctx)
    return await _preview(ctx, Audience.ROUND, round_id)


async def _preview(ctx: Context, audience: Audience, ref: int | None) -> list[Reply]:
    count = await broadcasts.count_audience(ctx.conn, audience, ref)
    ctx.goto(FLOW, Step.PREVIEW, audience=audience.value, ref=ref, count=count)
    text = ctx.t("bc-preview", text=ctx.data["text"], count=count)
    rules = await rem.load_rules(ctx.conn, ctx.config.reminder_defaults)
    when = rem.next_allowed(ctx.now, rules, ctx.config.timezone, official=False)
    if when > ctx.now:
        local = when.astimezone(ctx.config.timezone)
        text += "\n\n" + ctx.t("bc-quiet-hours", date=short_date(ctx, when), time=f"{local:%H:%M}")
    choices = (Choice(id="bc:send", label=ctx.t("bc-send-button")), _cancel(ctx)) if count else (_cancel(ctx),)
    return [Reply(text=text, choices=choices, replace=True)]


async def _send(ctx: Context, _: str) -> list[Reply]:
    audience, ref, text = Audience(ctx.data["audience"]), ctx.data.get("ref"), str(ctx.data["text"])
    rules = await rem.load_rules(ctx.conn, ctx.config.reminder_defaults)
    batch = uuid.uuid4().hex[:16]
    payload = Reply(text=ctx.t("bc-heading", text=text)).to_payload()
    when = rem.next_allowed(ctx.now, rules, ctx.config.timezone, official=False)
    queued = await broadcasts.queue_broadcast(ctx.conn, batch, audience, ref, payload, now=ctx.now, not_before=when)
    await broadcasts.record_broadcast(
        ctx.conn,
        batch,
        created_by=ctx.participant.id if ctx.participant else None,
        channel=ctx.incoming.channel,
        recipient=ctx.incoming.user,
        audience=audience,
        ref=ref,
        text=text,
        total=queued,
        now=ctx.now,
    )
    ctx.end()
    return [with_menu(ctx, ctx.t("bc-queued", count=queued), replace=True)]


# action -> (the step it belongs to, whether it carries an argument, handler)
_ACTIONS = {
    "a": (Step.AUDIENCE, True, _audience),
    "c": (Step.COMMITMENT, True, _commitment),
    "r": (Step.ROUND, True, _round),
    "send": (Step.PREVIEW, False, _send),
}

FEATURE = Feature(commands={"broadcast": start}, choices={"bc": on_choice}, legacy_flows={FLOW: on_text})
