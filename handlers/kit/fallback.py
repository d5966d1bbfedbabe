"""What the bot says when it cannot do what was asked: never silence."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.hooks import Hook
from handlers.kit.intent import Intent
from handlers.kit.menu import with_menu

# Free text outside any flow, offered to features before "not understood" (recommend.py turns a text that reads like
# a recommendation into one); a bound function returns None when the text is not for it.
FreeText = Callable[[Context], Awaitable[list[Reply] | None]]
FREE_TEXT: Hook[FreeText] = Hook("fallback.free_text")
# A file sent outside any flow, likewise (recommend.py offers a voice note as a recommendation).
FREE_FILE: Hook[FreeText] = Hook("fallback.free_file")


async def stale_button(ctx: Context) -> list[Reply]:
    """Answer a button from an earlier message that no longer applies."""
    return [with_menu(ctx, ctx.t("stale-button"))]


async def unknown_button(ctx: Context) -> list[Reply]:
    """Answer a button the bot never made (or forged callback data)."""
    return [with_menu(ctx, ctx.t("unknown-button"))]


async def unknown_command(ctx: Context) -> list[Reply]:
    """Answer a command the bot does not know."""
    return [with_menu(ctx, ctx.t("unknown-command"))]


async def courtesy(ctx: Context, kind: Intent) -> list[Reply] | None:
    """Answer a greeting or thanks typed outside any flow with the menu; None for anything else."""
    if kind is Intent.GREETING:
        return [with_menu(ctx, ctx.t("intent-greeting"))]
    if kind is Intent.THANKS:
        return [with_menu(ctx, ctx.t("intent-thanks"))]
    return None


async def not_understood(ctx: Context) -> list[Reply]:
    """Answer free text outside any flow."""
    return [with_menu(ctx, ctx.t("not-understood"))]


async def non_text(ctx: Context) -> list[Reply]:
    """Answer a photo, sticker or anything else without text."""
    return [Reply(text=ctx.t("non-text-message"))]
