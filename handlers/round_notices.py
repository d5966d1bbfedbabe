"""Telling a round's members what changed: the deadline moved, the round closed."""

from __future__ import annotations

from handlers.context import Context
from handlers.contract import Reply
from handlers.round_views import deadline_text
from storage import rounds
from storage.rounds import Round
from storage.timefmt import to_db


async def tell_members(ctx: Context, found: Round, reply: Reply, *, about: str) -> int:
    """Queue a notice to every reachable member who takes reminders; return how many were queued."""
    queued = 0
    for member in await rounds.member_contacts(ctx.conn, found.id):
        if not member.notify_reminders:
            continue
        key = f"round:{about}:{found.id}:{member.participant_id}"
        queued += (
            await ctx.push(
                member.channel, member.external_id, reply, participant_id=member.participant_id, dedupe_key=key
            )
            is not None
        )
    return queued


async def deadline_moved(ctx: Context, found: Round) -> int:
    """Tell the members the round's new deadline."""
    text = ctx.t("round-notice-deadline", name=found.name, deadline=deadline_text(ctx, found.deadline))
    stamp = to_db(found.deadline) if found.deadline else "none"
    return await tell_members(ctx, found, Reply(text=text), about=f"deadline:{stamp}")


async def closed(ctx: Context, found: Round) -> int:
    """Tell the members the round closed, and what happens next."""
    text = ctx.t("round-notice-closed", name=found.name)
    stamp = to_db(found.closed_at) if found.closed_at else "now"
    return await tell_members(ctx, found, Reply(text=text), about=f"closed:{stamp}")
