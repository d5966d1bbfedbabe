"""/help: every command the person may use, by who may use it, generated from the router's table and its guards.

Which commands a section lists comes from the level each command declares (`@requires`), read through the router;
what a line says is the command's description, the same words as the Telegram command menu. A command nobody
describes fails the help test, so a new command cannot be left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from handlers.joining import roles
from handlers.kit.access import allowed
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.feature import Feature
from handlers.kit.hooks import Hook
from handlers.kit.menu import with_menu
from handlers.kit.who import Who

Guards = Callable[[], Mapping[str, Who]]
# The router binds this to its command table: each command with the level its handler declares.
COMMAND_GUARDS: Hook[Guards] = Hook("help.command_guards")

# Each command's description, in the order /help lists them: the command menus' words, and three typed by hand.
DESCRIPTIONS: Mapping[str, str] = {
    **roles.PUBLIC_COMMANDS,
    "unfollow": "command-unfollow",
    "forget": "command-forget",
    "join": "command-join",
    **roles.COORDINATOR_COMMANDS,
}
# The sections, by the level a command asks for: everyone's (a registered person's too), officers', coordinators'.
SECTIONS = ((Who.REGISTERED, "help-everyone"), (Who.OFFICER, "help-officers"), (Who.COORDINATOR, "help-coordinators"))


def guards(ctx: Context) -> Mapping[str, Who]:
    """Return every routed command with the level it declares."""
    return {name: who for table in ctx.hooks(COMMAND_GUARDS) for name, who in table().items()}


def help_sections(ctx: Context) -> list[tuple[str, list[str]]]:
    """Return each section this person may use, with its commands in order."""
    levels = guards(ctx)
    sections = []
    for level, key in SECTIONS:
        names = [n for n in DESCRIPTIONS if n in levels and max(levels[n], Who.REGISTERED) is level]
        if names and allowed(ctx, level):
            sections.append((key, names))
    return sections


async def show_help(ctx: Context) -> list[Reply]:
    """Answer /help, with the commands of the person's roles."""
    parts = [ctx.t("help-intro")]
    for key, names in help_sections(ctx):
        lines = [ctx.t("help-line", command=n, description=ctx.t(DESCRIPTIONS[n])) for n in names]
        parts.append("\n".join([ctx.t(key), *lines]))
    parts.append(ctx.t("help-keywords"))
    return [with_menu(ctx, "\n\n".join(parts))]


FEATURE = Feature(commands={"help": show_help}, keywords={"keyword-help": "help"})
