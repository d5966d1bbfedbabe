"""Coordinators hide a recommendation with a reason (kept and flagged, out of public views), or show it again."""

from __future__ import annotations

from enum import StrEnum

from handlers.answers import inbox
from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.routes import on
from handlers.kit.text import clean_line
from handlers.kit.who import Who
from storage import audit, recommendations
from storage import inbox as inbox_store
from storage.models import Recommendation

REASON_LIMITS = (3, 300)


class Step(StrEnum):
    """Steps of hiding a recommendation."""

    REASON = "reason"


class Hiding(FlowData):
    """The recommendation being hidden, and the inbox page to return to."""

    rec: int
    offset: int = 0


class Hide(Button, prefix="hide:h"):
    """Hide a recommendation (its reason comes next)."""

    rec: int
    offset: int


class Unhide(Button, prefix="hide:un"):
    """Show a hidden recommendation again."""

    rec: int
    offset: int


class Cancel(Button, prefix="hide:x"):
    """Leave the recommendation as it is."""


def item_actions(ctx: Context, rec: Recommendation, offset: int) -> list[Choice]:
    """Return the hide (or show again) button under a recommendation in the inbox, for coordinators."""
    if not ctx.is_coordinator:
        return []
    if rec.hidden:
        return [Unhide(rec=rec.id, offset=offset).choice(ctx.t("unhide-button"))]
    return [Hide(rec=rec.id, offset=offset).choice(ctx.t("hide-button"))]


@requires(Who.COORDINATOR)
async def ask_reason(ctx: Member, press: Hide) -> list[Reply]:
    """Ask why the recommendation is hidden."""
    rec = await recommendations.get_recommendation(ctx.conn, press.rec)
    if rec is None:
        return await unknown_button(ctx)
    hiding = HIDE.start(ctx, Step.REASON, rec=rec.id, offset=press.offset)
    return [reply.model_copy(update={"replace": True}) for reply in await ask_again(ctx, hiding)]


async def ask_again(ctx: Context, hiding: Hiding) -> list[Reply]:
    """Ask why the recommendation is hidden."""
    text = ctx.t("hide-ask-reason", receipt=ctx.t("receipt", id=hiding.rec))
    return [Reply(text=text, choices=(Cancel().choice(ctx.t("cancel-button")),))]


@requires(Who.COORDINATOR)
async def take_reason(ctx: Member, hiding: Hiding) -> list[Reply]:
    """Take the reason and hide the recommendation."""
    reason = clean_line(ctx.incoming.text or "")
    low, high = REASON_LIMITS
    if not low <= len(reason) <= high:
        return [Reply(text=ctx.t("hide-reason-length", min=low, max=high))]
    hidden = await inbox_store.hide(ctx.conn, hiding.rec, reason)
    if hidden is None:
        ctx.end()
        return await unknown_button(ctx)
    await audit.record(
        ctx.conn, ctx.participant.id, "recommendation.hide", f"recommendation:{hidden.id}", reason, ctx.now
    )
    ctx.end()
    notice = ctx.t("hide-done", receipt=ctx.t("receipt", id=hidden.id))
    return [(await inbox.show(ctx, hidden, hiding.offset, notice=notice))[0].model_copy(update={"replace": False})]


@requires(Who.COORDINATOR)
async def unhide(ctx: Member, press: Unhide) -> list[Reply]:
    """Show a hidden recommendation again."""
    shown = await inbox_store.unhide(ctx.conn, press.rec)
    if shown is None:
        return await unknown_button(ctx)
    await audit.record(
        ctx.conn, ctx.participant.id, "recommendation.unhide", f"recommendation:{shown.id}", None, ctx.now
    )
    return await inbox.show(
        ctx, shown, press.offset, notice=ctx.t("unhide-done", receipt=ctx.t("receipt", id=shown.id))
    )


async def cancelled(ctx: Context, hiding: Hiding) -> list[Reply]:
    """Back to the recommendation (or the inbox), nothing hidden."""
    rec = await recommendations.get_recommendation(ctx.conn, hiding.rec)
    if rec is None:
        return await inbox.page(ctx, 0, replace=True)
    return await inbox.show(ctx, rec, hiding.offset, notice=ctx.t("cancelled"))


HIDE = Flow(
    name="hide",
    data=Hiding,
    cancel=Cancel,
    on_cancel=cancelled,
    steps={Step.REASON: Accepts(text=take_reason, question=ask_again)},
)

FEATURE = Feature(
    buttons=(on(Hide, ask_reason), on(Unhide, unhide)),
    flows=(HIDE,),
    hooks=(inbox.ITEM_ACTIONS.bind(item_actions),),
)
