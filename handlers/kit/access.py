"""Who may do what, declared on the entry point: `@requires(Who.OFFICER)` above a command, a button or a step.

One rule for registration: whatever puts a person's name on the record (recommending, endorsing, answering,
reporting progress, inviting) asks them to register first, with the same words for everyone — `@requires`, whose
handler receives a `Member`. Administering (rounds, broadcasts, reminders, exports, statistics, the team) is open to
coordinators named in the configuration before they register — `@requires_role`. The check runs on the server for
every command, button and flow step, whatever the person's menu showed; a refusal changes nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec, cast

from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.hooks import Hook
from handlers.kit.menu import with_menu
from handlers.kit.who import Who, declare
from storage import catalogue
from storage.models import Commitment

P = ParamSpec("P")
Entry = Callable[Concatenate[Context, P], Awaitable[list[Reply]]]
MemberEntry = Callable[Concatenate[Member, P], Awaitable[list[Reply]]]


# How a newcomer registers: the registration feature binds its first step, whose opening line this module replaces.
Registration = Callable[[Context], list[Reply]]
REGISTRATION: Hook[Registration] = Hook("access.registration")

REFUSAL_KEYS = {Who.OFFICER: "roles-refused", Who.COORDINATOR: "roles-refused-coordinator"}


def allowed(ctx: Context, who: Who) -> bool:
    """Tell whether the person holds the role an entry point asks for (registration aside)."""
    if who is Who.COORDINATOR:
        return ctx.is_coordinator
    if who is Who.OFFICER:
        return ctx.is_coordinator or bool(ctx.liaison_commitments())
    return True


def as_member(ctx: Context) -> Member | None:
    """Return the context as a registered person's, or None for a newcomer (for entries open to both)."""
    return cast(Member, ctx) if ctx.participant is not None else None


async def handled_commitments(ctx: Context) -> list[Commitment]:
    """Return the commitments this person answers and reports on (all of them for coordinators), in order."""
    if ctx.participant is None:
        return []
    commitments = await catalogue.list_commitments(ctx.conn)
    if ctx.is_coordinator:
        return commitments
    mine = ctx.liaison_commitments()
    return [c for c in commitments if c.id in mine]


def refuse(ctx: Context, who: Who = Who.OFFICER) -> list[Reply]:
    """Refuse a privileged action politely; the flow ends and nothing changes."""
    ctx.end()
    return [with_menu(ctx, ctx.t(REFUSAL_KEYS.get(who, "roles-refused")))]


def need_registration(ctx: Context, command: str | None, args: str = "") -> list[Reply]:
    """Register the person first, then run the command that asked for it (or show the menu)."""
    ctx.carry.then = (command, args) if command else None
    first_step = [reply for begin in ctx.hooks(REGISTRATION) for reply in begin(ctx)[1:]]
    return [Reply(text=ctx.t("need-registration")), *first_step]


def gate(ctx: Context, who: Who, *, registered: bool, then: str | None = None) -> list[Reply] | None:
    """Return the refusal (or the registration that comes first) when the person may not go on; None if they may."""
    if not allowed(ctx, who):
        return refuse(ctx, who)
    if registered and ctx.participant is None:
        if ctx.incoming.command:
            return need_registration(ctx, ctx.incoming.command, ctx.incoming.args)
        return need_registration(ctx, then)
    return None


def _declared(handler: Callable[..., Awaitable[list[Reply]]], who: Who, registered: bool, then: str | None) -> Any:
    @wraps(handler)
    async def checked(ctx: Context, *args: Any, **kwargs: Any) -> list[Reply]:
        stop = gate(ctx, who, registered=registered, then=then)
        return stop if stop is not None else await handler(ctx, *args, **kwargs)

    # Read by the router (which gates before checking a flow's step) and by the authorisation test.
    declare(checked, handler, who=who, registered=registered, then=then, unchecked=handler)
    return checked


def requires(who: Who, *, then: str | None = None) -> Callable[[MemberEntry[P]], Entry[P]]:
    """Declare who may use an entry point that puts the person on the record: they register first.

    `then` is the command a newcomer continues with after registering from a button.
    """
    if who is Who.ANYONE:
        raise ValueError("an entry point for anyone needs no declaration")

    def declare(handler: MemberEntry[P]) -> Entry[P]:
        return cast(Entry[P], _declared(handler, who, True, then))

    return declare


def requires_role(who: Who) -> Callable[[Entry[P]], Entry[P]]:
    """Declare who may use an entry point that administers without recording the person (no registration asked)."""
    if who < Who.OFFICER:
        raise ValueError("requires_role is for privileged roles; use requires() for registration")

    def declare(handler: Entry[P]) -> Entry[P]:
        return cast(Entry[P], _declared(handler, who, False, None))

    return declare
