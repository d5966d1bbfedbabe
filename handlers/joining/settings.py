"""/settings: which notifications a participant receives, and the language they read the bot in."""

from __future__ import annotations

from handlers.joining.language import switch_choice
from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.feature import Feature
from handlers.kit.menu import menu_choices
from handlers.kit.routes import on
from handlers.kit.who import Who
from storage import preferences, publishing
from storage.preferences import Notice


class Toggle(Button, prefix="set"):
    """Turn one kind of notification on or off."""

    notice: Notice


class ToggleName(Button, prefix="set:name"):
    """Show or stop showing my name with my published recommendations."""


def _label(ctx: Context, notice: Notice, on: bool) -> str:
    name = {
        Notice.ANSWERS: ctx.t("settings-answers"),
        Notice.STATUS: ctx.t("settings-status"),
        Notice.REMINDERS: ctx.t("settings-reminders"),
    }[notice]
    return ctx.t("settings-on", name=name) if on else ctx.t("settings-off", name=name)


@requires(Who.REGISTERED)
async def start(ctx: Member) -> list[Reply]:
    """Answer /settings."""
    return show(ctx, replace=False)


def show(ctx: Member, *, replace: bool) -> list[Reply]:
    """Show each kind of notification with a button that turns it on or off, and the language with its switch."""
    participant = ctx.participant
    choices = tuple(Toggle(notice=n).choice(_label(ctx, n, preferences.is_on(participant, n))) for n in Notice)
    name = ToggleName().choice(ctx.t("settings-name-on" if participant.show_name else "settings-name-off"))
    text = ctx.t("settings-title") + "\n\n" + ctx.t("settings-language", language=ctx.t("language-name"))
    choices = (*choices, name, switch_choice(ctx), *menu_choices(ctx))
    return [Reply(text=text, choices=choices, replace=replace)]


@requires(Who.REGISTERED, then="settings")
async def toggle(ctx: Member, press: Toggle) -> list[Reply]:
    """Turn one kind of notification on or off."""
    on_now = not preferences.is_on(ctx.participant, press.notice)
    ctx.participant = await preferences.set_preference(ctx.conn, ctx.participant.id, press.notice, on_now)
    return show(ctx, replace=True)


@requires(Who.REGISTERED, then="settings")
async def toggle_name(ctx: Member, press: ToggleName) -> list[Reply]:
    """Show, or stop showing, the person's name with their published recommendations."""
    named = not ctx.participant.show_name
    await publishing.set_show_name(ctx.conn, ctx.participant.id, named)
    ctx.participant = ctx.participant.model_copy(update={"show_name": named})
    return show(ctx, replace=True)


FEATURE = Feature(commands={"settings": start}, buttons=(on(Toggle, toggle), on(ToggleName, toggle_name)))
