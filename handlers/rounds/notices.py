"""Telling a round's members what changed: the deadline moved, the round closed."""

from __future__ import annotations

from collections.abc import Callable

from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.rounds.views import deadline_text
from storage import rounds
from storage.rounds import Round
from storage.timefmt import to_db

Notice = Callable[[Context], Reply]  # words the notice in the language of the context it is given


async def tell_members(ctx: Context, found: Round, notice: Notice, *, about: str) -> int:
    """Queue a notice to every reachable member who takes reminders, in their language; return how many."""
    queued = 0
    for member in await rounds.member_contacts(ctx.conn, found.id):
        if not member.notify_reminders:
            continue
        reader = ctx.speaking(member.language)
        key = f"round:{about}:{found.id}:{member.participant_id}"
        queued += (
            await reader.push(
                member.channel, member.external_id, notice(reader), participant_id=member.participant_id, dedupe_key=key
            )
            is not None
        )
    return queued


async def deadline_moved(ctx: Context, found: Round) -> int:
    """Tell the members the round's new deadline."""

    def notice(reader: Context) -> Reply:
        deadline = deadline_text(reader, found.deadline)
        return Reply(text=reader.t("round-notice-deadline", name=reader.name(found, "name"), deadline=deadline))

    stamp = to_db(found.deadline) if found.deadline else "none"
    return await tell_members(ctx, found, notice, about=f"deadline:{stamp}")


async def closed(ctx: Context, found: Round) -> int:
    """Tell the members the round closed, and what happens next."""

    def notice(reader: Context) -> Reply:
        return Reply(text=reader.t("round-notice-closed", name=reader.name(found, "name")))

    stamp = to_db(found.closed_at) if found.closed_at else "now"
    return await tell_members(ctx, found, notice, about=f"closed:{stamp}")
