"""Coordinators hide a recommendation with a reason (kept and flagged, out of public views), or show it again."""

from __future__ import annotations

from enum import StrEnum

from handlers import inbox
from handlers import roles as access
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.text import clean_line, parse_int
from storage import audit, recommendations
from storage import inbox as inbox_store
from storage.models import Recommendation

FLOW = "hide"
REASON_LIMITS = (3, 300)


class Step(StrEnum):
    """Steps of hiding a recommendation."""

    REASON = "reason"


async def on_choice(ctx: Context) -> list[Reply]:
    """Route hide:h:<id>:<page> (ask the reason), hide:un:<id>:<page> (show again) and hide:x (cancel)."""
    if not ctx.is_coordinator or ctx.participant is None:
        return access.refuse(ctx)
    parts = (ctx.incoming.choice or "").split(":")
    if parts[1:] == ["x"]:
        return await _cancel(ctx)
    rec = await _find(ctx, parts[2]) if len(parts) == 4 and parts[1] in ("h", "un") else None
    if rec is None:
        return await unknown_button(ctx)
    offset = parse_int(parts[3]) or 0
    if parts[1] == "un":
        return await _unhide(ctx, rec, offset)
    ctx.goto(FLOW, Step.REASON, rec=rec.id, offset=offset)
    text = ctx.t("hide-ask-reason", receipt=ctx.t("receipt", id=rec.id))
    return [Reply(text=text, choices=(Choice(id="hide:x", label=ctx.t("cancel-button")),), replace=True)]


async def _find(ctx: Context, raw: str) -> Recommendation | None:
    number = parse_int(raw)
    return await recommendations.get_recommendation(ctx.conn, number) if number is not None else None


async def _cancel(ctx: Context) -> list[Reply]:
    if ctx.flow != FLOW:
        return await stale_button(ctx)
    rec = await _find(ctx, str(ctx.data.get("rec", "")))
    offset = int(ctx.data.get("offset", 0))
    ctx.end()
    if rec is None:
        return await inbox.page(ctx, 0, replace=True)
    return await inbox.show(ctx, rec, offset, notice=ctx.t("cancelled"))


async def on_text(ctx: Context) -> list[Reply]:
    """Take the reason and hide the recommendation."""
    if not ctx.is_coordinator or ctx.participant is None:
        return access.refuse(ctx)
    rec = await _find(ctx, str(ctx.data.get("rec", "")))
    if rec is None:
        ctx.end()
        return await unknown_button(ctx)
    reason = clean_line(ctx.incoming.text or "")
    low, high = REASON_LIMITS
    if not low <= len(reason) <= high:
        return [Reply(text=ctx.t("hide-reason-length", min=low, max=high))]
    hidden = await inbox_store.hide(ctx.conn, rec.id, reason)
    assert hidden is not None  # noqa: S101 - read in this transaction
    await audit.record(ctx.conn, ctx.participant.id, "recommendation.hide", f"recommendation:{rec.id}", reason, ctx.now)
    offset = int(ctx.data.get("offset", 0))
    ctx.end()
    notice = ctx.t("hide-done", receipt=ctx.t("receipt", id=rec.id))
    return [(await inbox.show(ctx, hidden, offset, notice=notice))[0].model_copy(update={"replace": False})]


async def _unhide(ctx: Context, rec: Recommendation, offset: int) -> list[Reply]:
    assert ctx.participant is not None  # noqa: S101 - checked by on_choice
    shown = await inbox_store.unhide(ctx.conn, rec.id)
    assert shown is not None  # noqa: S101 - read in this transaction
    await audit.record(ctx.conn, ctx.participant.id, "recommendation.unhide", f"recommendation:{rec.id}", None, ctx.now)
    return await inbox.show(ctx, shown, offset, notice=ctx.t("unhide-done", receipt=ctx.t("receipt", id=rec.id)))


FEATURE = Feature(choices={"hide": on_choice}, legacy_flows={FLOW: on_text})
