"""/follow and /unfollow: hear of a commitment's status changes."""

from __future__ import annotations

from handlers import roles as access
from handlers import status
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.menu import menu_choices
from handlers.text import parse_int
from storage import catalogue, follows


async def start(ctx: Context) -> list[Reply]:
    """Answer /follow and /unfollow: every commitment with a button that turns following on or off."""
    if ctx.participant is None:
        return access.need_registration(ctx, ctx.incoming.command or "follow")
    return await board(ctx, replace=False)


async def board(ctx: Context, *, replace: bool, notice: str | None = None) -> list[Reply]:
    """List the commitments, marking those followed."""
    assert ctx.participant is not None  # noqa: S101 - callers check
    followed = await follows.followed(ctx.conn, ctx.participant.id)
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("follow-title"))
    choices = []
    for c in await catalogue.list_commitments(ctx.conn):
        on = c.id in followed
        label = ctx.t("follow-line-on" if on else "follow-line-off", number=c.number, title=c.title_ar)
        choices.append(Choice(id=f"fol:{'off' if on else 'on'}:{c.id}", label=label))
    return [Reply(text="\n".join(lines), choices=(*choices, *menu_choices(ctx)), replace=replace)]


async def on_choice(ctx: Context) -> list[Reply]:
    """Route fol:on|off:<commitment>[:d]; ':d' came from the status view and returns there."""
    parts = (ctx.incoming.choice or "").split(":")
    commitment_id = parse_int(parts[2]) if len(parts) in (3, 4) and parts[1] in ("on", "off") else None
    commitment = next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == commitment_id), None)
    if commitment is None or (len(parts) == 4 and parts[3] != "d"):
        return await unknown_button(ctx)
    if ctx.participant is None:
        return access.need_registration(ctx, "follow")
    if parts[1] == "on":
        await follows.follow(ctx.conn, ctx.participant.id, commitment.id, ctx.now)
        notice = ctx.t("follow-started", number=commitment.number)
    else:
        await follows.unfollow(ctx.conn, ctx.participant.id, commitment.id)
        notice = ctx.t("follow-stopped", number=commitment.number)
    if len(parts) == 4:
        replies = await status.detail(ctx, commitment.id)
        return [r.model_copy(update={"text": notice + "\n\n" + r.text}) for r in replies]
    return await board(ctx, replace=True, notice=notice)


FEATURE = Feature(
    commands={"follow": start, "unfollow": start},
    choices={"fol": on_choice},
)
