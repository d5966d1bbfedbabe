"""The main menu, /help, /cancel and the menu's buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.feature import Feature
from handlers.kit.parking import offers_parked


class OpenMenu(Button, prefix="m"):
    """A main-menu button: runs the command it names (the router answers it)."""

    command: str


@dataclass(frozen=True)
class MenuEntry:
    """A main-menu button: its label key, the command it runs and who sees it."""

    label_key: str
    command: str
    visible: Callable[[Context], bool]


def _registered(ctx: Context) -> bool:
    return ctx.participant is not None


def _unregistered(ctx: Context) -> bool:
    return ctx.participant is None


def _everyone(ctx: Context) -> bool:
    return True


def _answers(ctx: Context) -> bool:
    return ctx.participant is not None and (ctx.is_coordinator or bool(ctx.liaison_commitments()))


def _in_round(ctx: Context) -> bool:
    return ctx.participant is not None and ctx.carry.round is not None  # set on joining a round's working group


def _coordinator(ctx: Context) -> bool:
    return ctx.participant is not None and ctx.is_coordinator


# Order is the order on screen; role-specific entries are appended by their features' modules via the router.
MENU: list[MenuEntry] = [
    MenuEntry("menu-register", "start", _unregistered),
    MenuEntry("menu-recommend", "recommend", _everyone),
    MenuEntry("menu-status", "status", _everyone),
    MenuEntry("menu-my", "my", _registered),
    MenuEntry("menu-group", "group", _in_round),
    MenuEntry("menu-rounds", "round", _coordinator),
    MenuEntry("menu-inbox", "inbox", _answers),
    MenuEntry("menu-update", "update", _answers),
    MenuEntry("menu-team", "team", _coordinator),
    MenuEntry("menu-settings", "settings", _registered),
    MenuEntry("menu-export", "export", _coordinator),
    MenuEntry("menu-stats", "stats", _coordinator),
    MenuEntry("menu-report", "report", _coordinator),
    MenuEntry("menu-rules", "rules", _everyone),
    MenuEntry("menu-help", "help", _everyone),
]


def menu_choices(ctx: Context) -> tuple[Choice, ...]:
    """Return the main-menu buttons this person may use."""
    return tuple(OpenMenu(command=e.command).choice(ctx.t(e.label_key)) for e in MENU if e.visible(ctx))


def with_menu(ctx: Context, text: str, *, replace: bool = False) -> Reply:
    """Return a message that ends a step, with the main menu under it."""
    return Reply(text=text, choices=menu_choices(ctx), replace=replace)


@offers_parked
async def show_menu(ctx: Context) -> list[Reply]:
    """Answer /menu."""
    return [with_menu(ctx, ctx.t("menu-title"))]


async def cancel(ctx: Context) -> list[Reply]:
    """Leave whatever flow the chat is in."""
    key = "cancelled" if ctx.flow else "nothing-to-cancel"
    ctx.end()
    ctx.carry.then = None
    return [with_menu(ctx, ctx.t(key))]


FEATURE = Feature(
    commands={"menu": show_menu, "cancel": cancel},
    keywords={"keyword-menu": "menu", "keyword-cancel": "cancel"},
)
