"""/settings: which notifications a participant receives."""

from __future__ import annotations

from handlers import roles as access
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.menu import menu_choices
from storage import preferences
from storage.preferences import Notice


def _label(ctx: Context, notice: Notice, on: bool) -> str:
    name = {
        Notice.ANSWERS: ctx.t("settings-answers"),
        Notice.STATUS: ctx.t("settings-status"),
        Notice.REMINDERS: ctx.t("settings-reminders"),
    }[notice]
    return ctx.t("settings-on", name=name) if on else ctx.t("settings-off", name=name)


async def start(ctx: Context) -> list[Reply]:
    """Answer /settings."""
    if ctx.participant is None:
        return access.need_registration(ctx, "settings")
    return show(ctx, replace=False)


def show(ctx: Context, *, replace: bool) -> list[Reply]:
    """Show each kind of notification with a button that turns it on or off."""
    assert ctx.participant is not None  # noqa: S101 - callers check
    participant = ctx.participant
    choices = tuple(
        Choice(id=f"set:{n.value}", label=_label(ctx, n, preferences.is_on(participant, n))) for n in Notice
    )
    return [Reply(text=ctx.t("settings-title"), choices=(*choices, *menu_choices(ctx)), replace=replace)]


async def on_choice(ctx: Context) -> list[Reply]:
    """Toggle one kind of notification (set:answers|status|reminders)."""
    value = (ctx.incoming.choice or "").partition(":")[2]
    if value not in Notice.__members__.values():
        return await unknown_button(ctx)
    if ctx.participant is None:
        return access.need_registration(ctx, "settings")
    notice = Notice(value)
    on = not preferences.is_on(ctx.participant, notice)
    ctx.participant = await preferences.set_preference(ctx.conn, ctx.participant.id, notice, on)
    return show(ctx, replace=True)


FEATURE = Feature(commands={"settings": start}, choices={"set": on_choice})
