"""Flood control: a person may send only so many recommendations an hour."""

from __future__ import annotations

import math
from datetime import timedelta

from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.menu import with_menu
from storage import flood

WINDOW = timedelta(hours=1)


async def refusal(ctx: Context) -> Reply | None:
    """Return a polite refusal when the person reached the hourly limit, else None."""
    if ctx.participant is None:
        return None
    limit = ctx.config.recommendations_per_hour
    incoming = ctx.incoming
    since = ctx.now - WINDOW
    count, oldest = await flood.recent_recommendations(
        ctx.conn, ctx.participant.id, since, channel=incoming.channel, external_id=incoming.user
    )
    if count < limit or oldest is None:
        return None
    minutes = max(1, math.ceil((oldest + WINDOW - ctx.now).total_seconds() / 60))
    return with_menu(ctx, ctx.t("flood-recommendations", limit=limit, minutes=minutes))
