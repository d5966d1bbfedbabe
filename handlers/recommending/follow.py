"""/follow and /unfollow: hear of a commitment's status changes."""

from __future__ import annotations

from handlers.kit.access import requires
from handlers.kit.context import Member
from handlers.kit.contract import Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.menu import menu_choices
from handlers.kit.routes import on
from handlers.kit.who import Who
from handlers.recommending import status
from handlers.recommending.commitment_buttons import Follow, FollowHere, Switch
from storage import catalogue, follows
from storage.models import Commitment


@requires(Who.REGISTERED)
async def start(ctx: Member) -> list[Reply]:
    """Answer /follow and /unfollow: every commitment with a button that turns following on or off."""
    return await board(ctx, replace=False)


async def board(ctx: Member, *, replace: bool, notice: str | None = None) -> list[Reply]:
    """List the commitments, marking those followed."""
    followed = await follows.followed(ctx.conn, ctx.participant.id)
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("follow-title"))
    choices = []
    for c in await catalogue.list_commitments(ctx.conn):
        on_now = c.id in followed
        label = ctx.t("follow-line-on" if on_now else "follow-line-off", number=c.number, title=ctx.name(c))
        choices.append(Follow(switch=Switch.OFF if on_now else Switch.ON, commitment=c.id).choice(label))
    return [Reply(text="\n".join(lines), choices=(*choices, *menu_choices(ctx)), replace=replace)]


async def _switch(ctx: Member, switch: Switch, commitment_id: int) -> tuple[Commitment, str] | None:
    """Follow or stop following; return the commitment and what to tell the person."""
    commitment = next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == commitment_id), None)
    if commitment is None:
        return None
    if switch is Switch.ON:
        await follows.follow(ctx.conn, ctx.participant.id, commitment.id, ctx.now)
        return commitment, ctx.t("follow-started", number=commitment.number)
    await follows.unfollow(ctx.conn, ctx.participant.id, commitment.id)
    return commitment, ctx.t("follow-stopped", number=commitment.number)


@requires(Who.REGISTERED, then="follow")
async def switch_in_list(ctx: Member, press: Follow) -> list[Reply]:
    """Follow or stop, then show the list again."""
    done = await _switch(ctx, press.switch, press.commitment)
    if done is None:
        return await unknown_button(ctx)
    return await board(ctx, replace=True, notice=done[1])


@requires(Who.REGISTERED, then="follow")
async def switch_in_status(ctx: Member, press: FollowHere) -> list[Reply]:
    """Follow or stop, then show the commitment's status view again."""
    done = await _switch(ctx, press.switch, press.commitment)
    if done is None:
        return await unknown_button(ctx)
    commitment, notice = done
    replies = await status.detail(ctx, commitment.id)
    return [r.model_copy(update={"text": notice + "\n\n" + r.text}) for r in replies]


FEATURE = Feature(
    commands={"follow": start, "unfollow": start},
    buttons=(on(Follow, switch_in_list), on(FollowHere, switch_in_status)),
)
