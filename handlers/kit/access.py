"""Who may do what, declared on the entry point: `@requires(Who.COORDINATOR)` above a command or a button.

The check runs on the server for every command, button and flow step, whatever the person's menu showed; a refusal
changes nothing and always reads the same. The decorated handler receives a `Member` (its participant is known),
so no handler narrows the type by hand.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Concatenate, ParamSpec, cast

from handlers.context import Context, Member
from handlers.contract import Reply
from handlers.kit.who import Who
from handlers.menu import with_menu

P = ParamSpec("P")
Entry = Callable[Concatenate[Context, P], Awaitable[list[Reply]]]
MemberEntry = Callable[Concatenate[Member, P], Awaitable[list[Reply]]]


REFUSAL_KEYS = {Who.OFFICER: "roles-refused", Who.COORDINATOR: "roles-refused-coordinator"}


def allowed(ctx: Context, who: Who) -> bool:
    """Tell whether the person holds the role an entry point asks for (registration aside)."""
    if who is Who.COORDINATOR:
        return ctx.is_coordinator
    if who is Who.OFFICER:
        return ctx.is_coordinator or bool(ctx.liaison_commitments())
    return True


def refuse(ctx: Context, who: Who = Who.OFFICER) -> list[Reply]:
    """Refuse a privileged action politely; the flow ends and nothing changes."""
    ctx.end()
    return [with_menu(ctx, ctx.t(REFUSAL_KEYS.get(who, "roles-refused")))]


def need_registration(ctx: Context, command: str | None, args: str = "") -> list[Reply]:
    """Register the person first, then run the command that asked for it (or show the menu)."""
    from handlers import registration  # registration's own buttons are declared with this module's decorator

    ctx.carry.then = (command, args) if command else None
    return [Reply(text=ctx.t("need-registration")), *registration.begin(ctx)[1:]]


def gate(ctx: Context, who: Who, then: str | None = None) -> list[Reply] | None:
    """Return the refusal (or the registration that comes first) when the person may not go on; None if they may."""
    if not allowed(ctx, who):
        return refuse(ctx, who)
    if who >= Who.REGISTERED and ctx.participant is None:
        if ctx.incoming.command:
            return need_registration(ctx, ctx.incoming.command, ctx.incoming.args)
        return need_registration(ctx, then)
    return None


def requires(who: Who, *, then: str | None = None) -> Callable[[MemberEntry[P]], Entry[P]]:
    """Declare who may use an entry point; `then` is the command to continue with after registering (buttons)."""
    if who is Who.ANYONE:
        raise ValueError("an entry point for anyone needs no declaration")

    def declare(handler: MemberEntry[P]) -> Entry[P]:
        @wraps(handler)
        async def checked(ctx: Context, *args: P.args, **kwargs: P.kwargs) -> list[Reply]:
            stop = gate(ctx, who, then)
            if stop is not None:
                return stop
            return await handler(cast(Member, ctx), *args, **kwargs)

        # Read by the router (which gates before checking a flow's step) and by the authorisation test.
        checked.who = who  # type: ignore[attr-defined]
        checked.then = then  # type: ignore[attr-defined]
        return cast(Entry[P], checked)

    return declare
