"""/held (coordinators): messages waiting because their recipient has not written within WhatsApp's 24 hours."""

from __future__ import annotations

from handlers.kit.access import requires_role
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.feature import Feature
from handlers.kit.labels import short_date
from handlers.kit.menu import with_menu
from handlers.kit.who import Who
from storage import whatsapp

SHOWN = 20


@requires_role(Who.COORDINATOR)
async def show_held(ctx: Context) -> list[Reply]:
    """Answer /held with how many messages are held and the newest of them."""
    count = await whatsapp.count_held(ctx.conn)
    lines = [ctx.t("wa-held-title", count=count)]
    for held in await whatsapp.list_held(ctx.conn, SHOWN):
        name = held.participant_name or ctx.t("wa-held-unnamed")
        lines.append(ctx.t("wa-held-line", id=held.id, name=name, date=short_date(ctx, held.created_at)))
    if count:
        lines += ["", ctx.t("wa-held-footer")]
    return [with_menu(ctx, "\n".join(lines))]


FEATURE = Feature(commands={"held": show_held})
