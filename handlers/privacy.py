"""/privacy: what is kept and why; /forget: erase my personal data after confirmation."""

from __future__ import annotations

from enum import StrEnum

from handlers import roles
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.menu import menu_choices, with_menu
from storage import audit, privacy, recommendations

FLOW = "forget"


class Mode(StrEnum):
    """What becomes of the person's recommendations."""

    KEEP = "keep"  # kept, no longer linked to anyone
    DELETE = "delete"


async def show(ctx: Context) -> list[Reply]:
    """Answer /privacy."""
    text = ctx.t("prv-notice", days=ctx.config.retention_days)
    if ctx.participant is None:
        return [with_menu(ctx, text)]
    forget = Choice(id="prv:forget", label=ctx.t("prv-forget-button"))
    return [Reply(text=text, choices=(forget, *menu_choices(ctx)))]


async def start_forget(ctx: Context) -> list[Reply]:
    """Answer /forget: explain, and let the person choose what becomes of their recommendations."""
    if ctx.participant is None:  # a half-finished registration holds what was typed: it goes
        await privacy.forget_chat(ctx.conn, ctx.incoming.channel, ctx.incoming.user, ctx.now)
        ctx.end()
        ctx.data.clear()
        return [with_menu(ctx, ctx.t("prv-nothing-stored"))]
    count = await recommendations.count_by_participant(ctx.conn, ctx.participant.id)
    ctx.goto(FLOW, "choose")
    choices = (
        Choice(id=f"prv:mode:{Mode.KEEP}", label=ctx.t("prv-keep-button")),
        Choice(id=f"prv:mode:{Mode.DELETE}", label=ctx.t("prv-delete-button")),
        Choice(id="prv:x", label=ctx.t("cancel-button")),
    )
    return [Reply(text=ctx.t("prv-forget-explain", count=count), choices=choices)]


async def on_choice(ctx: Context) -> list[Reply]:
    """Route prv:forget, prv:mode:<mode>, prv:yes:<mode> and prv:x."""
    _, action, value = [*(ctx.incoming.choice or "").split(":", 2), "", ""][:3]
    if action == "forget" and not value:
        return await start_forget(ctx)
    if action not in ("mode", "yes", "x") or (action != "x" and value not in Mode.__members__.values()):
        return await unknown_button(ctx)
    if ctx.flow != FLOW or ctx.participant is None:
        return await stale_button(ctx)
    if action == "x":
        ctx.end()
        return [with_menu(ctx, ctx.t("prv-forget-cancelled"), replace=True)]
    if action == "mode" and ctx.step == "choose":
        ctx.goto(FLOW, "confirm", mode=value)
        return [_confirmation(ctx, Mode(value))]
    if action == "yes" and ctx.step == "confirm" and ctx.data.get("mode") == value:
        return await _forget(ctx, Mode(value))
    return await stale_button(ctx)


def _confirmation(ctx: Context, mode: Mode) -> Reply:
    key = "prv-confirm-keep" if mode is Mode.KEEP else "prv-confirm-delete"
    choices = (
        Choice(id=f"prv:yes:{mode}", label=ctx.t("prv-yes-button")),
        Choice(id="prv:x", label=ctx.t("cancel-button")),
    )
    return Reply(text=ctx.t(key), choices=choices, replace=True)


async def _forget(ctx: Context, mode: Mode) -> list[Reply]:
    assert ctx.participant is not None  # noqa: S101 - checked by on_choice
    person = ctx.participant.id
    await privacy.forget(ctx.conn, person, delete_recommendations=mode is Mode.DELETE, now=ctx.now)
    if ctx.roles and ctx.incoming.channel == roles.MENU_CHANNEL:  # the officer's commands leave the chat menu
        menu = roles.menu_reply(ctx.messages, {})
        await ctx.push(ctx.incoming.channel, ctx.incoming.user, menu, participant_id=None, kind=roles.COMMANDS_KIND)
    # That it happened, by whom (an id that no longer leads to a name), never what was erased.
    await audit.record(ctx.conn, person, "privacy.forget", f"participant:{person}", None, ctx.now)
    ctx.participant = None
    ctx.roles = []
    ctx.end()
    ctx.data.clear()
    key = "prv-forgotten-keep" if mode is Mode.KEEP else "prv-forgotten-delete"
    return [Reply(text=ctx.t(key), replace=True)]


async def on_text(ctx: Context) -> list[Reply]:
    """Text typed while the choice is pending: ask again."""
    if ctx.step == "confirm" and ctx.data.get("mode") in Mode.__members__.values():
        return [_confirmation(ctx, Mode(ctx.data["mode"])).model_copy(update={"replace": False})]
    ctx.end()
    return await start_forget(ctx)


FEATURE = Feature(
    commands={"privacy": show, "forget": start_forget},
    choices={"prv": on_choice},
    flows={FLOW: on_text},
    keywords={"keyword-privacy": "privacy"},
)
