"""/held (coordinators): messages waiting because their recipient has not written within WhatsApp's 24 hours."""

from __future__ import annotations

from handlers.context import Context
from handlers.contract import Reply
from handlers.feature import Feature
from handlers.labels import short_date
from handlers.menu import with_menu
from storage import whatsapp

SHOWN = 20


async def show_held(ctx: Context) -> list[Reply]:
    """Answer /held with how many messages are held and the newest of them."""
    if not ctx.is_coordinator:
        return [with_menu(ctx, ctx.t("wa-held-only-coordinators"))]
    count = await whatsapp.count_held(ctx.conn)
    lines = [ctx.t("wa-held-title", count=count)]
    for held in await whatsapp.list_held(ctx.conn, SHOWN):
        name = held.participant_name or ctx.t("wa-held-unnamed")
        lines.append(ctx.t("wa-held-line", id=held.id, name=name, date=short_date(ctx, held.created_at)))
    if count:
        lines += ["", ctx.t("wa-held-footer")]
    return [with_menu(ctx, "\n".join(lines))]


FEATURE = Feature(commands={"held": show_held})
