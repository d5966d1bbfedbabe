"""/privacy: what is kept and why; /forget: erase my personal data after confirmation."""

from __future__ import annotations

from enum import StrEnum

from handlers.joining import roles
from handlers.joining.disclosure import disclosure
from handlers.kit.access import as_member, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.fallback import stale_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.routes import on
from handlers.kit.who import Who
from storage import audit, privacy, recommendations


class Mode(StrEnum):
    """What becomes of the person's recommendations."""

    KEEP = "keep"  # kept, no longer linked to anyone
    DELETE = "delete"


class Step(StrEnum):
    """Steps of erasing one's data."""

    CHOOSE = "choose"
    CONFIRM = "confirm"


class Erasing(FlowData):
    """The chosen fate of the person's recommendations."""

    mode: Mode | None = None


class AskForget(Button, prefix="prv:forget"):
    """Start erasing one's personal data."""


class PickMode(Button, prefix="prv:mode"):
    """Keep the recommendations unlinked, or delete them."""

    mode: Mode


class Confirm(Button, prefix="prv:yes"):
    """Erase now."""

    mode: Mode


class Cancel(Button, prefix="prv:x"):
    """Erase nothing."""


async def show(ctx: Context) -> list[Reply]:
    """Answer /privacy."""
    text = ctx.t("prv-notice", days=ctx.config.retention_days, public=disclosure(ctx))
    if ctx.participant is None:
        return [with_menu(ctx, text)]
    forget = AskForget().choice(ctx.t("prv-forget-button"))
    return [Reply(text=text, choices=(forget, *menu_choices(ctx)))]


async def start_forget(ctx: Context) -> list[Reply]:
    """Answer /forget: explain, and let the person choose what becomes of their recommendations."""
    member = as_member(ctx)
    if member is None:  # a half-finished registration holds what was typed: it goes
        await privacy.forget_chat(ctx.conn, ctx.incoming.channel, ctx.incoming.user, ctx.now)
        ctx.become_stranger()
        return [with_menu(ctx, ctx.t("prv-nothing-stored"))]
    count = await recommendations.count_by_participant(ctx.conn, member.participant.id)
    FORGET.start(ctx, Step.CHOOSE)
    choices = (
        PickMode(mode=Mode.KEEP).choice(ctx.t("prv-keep-button")),
        PickMode(mode=Mode.DELETE).choice(ctx.t("prv-delete-button")),
        Cancel().choice(ctx.t("cancel-button")),
    )
    return [Reply(text=ctx.t("prv-forget-explain", count=count), choices=choices)]


async def ask_forget(ctx: Context, press: AskForget) -> list[Reply]:
    """The /privacy notice's erase button."""
    return await start_forget(ctx)


@requires(Who.REGISTERED)
async def pick_mode(ctx: Member, press: PickMode) -> list[Reply]:
    """Take the choice, then ask to confirm."""
    FORGET.goto(ctx, Step.CONFIRM, Erasing(mode=press.mode))
    return [_confirmation(ctx, press.mode)]


def _confirmation(ctx: Context, mode: Mode) -> Reply:
    key = "prv-confirm-keep" if mode is Mode.KEEP else "prv-confirm-delete"
    choices = (Confirm(mode=mode).choice(ctx.t("prv-yes-button")), Cancel().choice(ctx.t("cancel-button")))
    return Reply(text=ctx.t(key), choices=choices, replace=True)


@requires(Who.REGISTERED)
async def confirm(ctx: Member, press: Confirm) -> list[Reply]:
    """Erase, as chosen."""
    if FORGET.load(ctx).mode is not press.mode:
        return await stale_button(ctx)
    return await _forget(ctx, press.mode)


async def _forget(ctx: Member, mode: Mode) -> list[Reply]:
    person = ctx.participant.id
    await privacy.forget(ctx.conn, person, delete_recommendations=mode is Mode.DELETE, now=ctx.now)
    if ctx.roles and ctx.incoming.channel == roles.MENU_CHANNEL:  # the officer's commands leave the chat menu
        menu = roles.cleared_menu()
        await ctx.push(ctx.incoming.channel, ctx.incoming.user, menu, participant_id=None, kind=roles.COMMANDS_KIND)
    # That it happened, by whom (an id that no longer leads to a name), never what was erased.
    await audit.record(ctx.conn, person, "privacy.forget", f"participant:{person}", None, ctx.now)
    ctx.become_stranger()
    key = "prv-forgotten-keep" if mode is Mode.KEEP else "prv-forgotten-delete"
    return [Reply(text=ctx.t(key), replace=True)]


async def ask_again(ctx: Context, erasing: Erasing) -> list[Reply]:
    """Text typed while the choice is pending: ask again."""
    if ctx.step == Step.CONFIRM and erasing.mode is not None:
        return [_confirmation(ctx, erasing.mode).model_copy(update={"replace": False})]
    ctx.end()
    return await start_forget(ctx)


async def cancelled(ctx: Context, erasing: Erasing) -> list[Reply]:
    """Say that nothing was erased."""
    return [with_menu(ctx, ctx.t("prv-forget-cancelled"), replace=True)]


FORGET = Flow(
    name="forget",
    data=Erasing,
    cancel=Cancel,
    on_cancel=cancelled,
    steps={
        Step.CHOOSE: Accepts(buttons=(on(PickMode, pick_mode),), question=ask_again, goes=(Step.CONFIRM,)),
        Step.CONFIRM: Accepts(buttons=(on(Confirm, confirm),), question=ask_again),
    },
)

FEATURE = Feature(
    commands={"privacy": show, "forget": start_forget},
    buttons=(on(AskForget, ask_forget),),
    flows=(FORGET,),
    keywords={"keyword-privacy": "privacy"},
)
