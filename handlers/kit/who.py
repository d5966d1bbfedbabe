"""Who may use an entry point: the levels `@requires` declares and the router and tests read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any


class Who(IntEnum):
    """Who may use an entry point, from everyone to coordinators only (each includes the ones after it)."""

    ANYONE = 0
    REGISTERED = 1
    OFFICER = 2  # a liaison officer of any commitment, or a coordinator; commitment checks are the handler's
    COORDINATOR = 3


@dataclass(frozen=True)
class Declared:
    """What the decorators declare on an entry point, read by the router, the routes and the authorisation test."""

    who: Who = Who.ANYONE
    registered: bool = False  # the person registers first
    then: str | None = None  # the command a newcomer continues with after registering from a button
    offers_parked: bool = False  # a command that offers a parked draft back before doing its own work
    # The handler inside the check `@requires` wraps it in: the router, having checked the declaration, calls this.
    unchecked: Callable[..., Any] | None = None


# Keyed by the function a decorator returns; entry points live as long as the program, so nothing is ever removed.
_DECLARED: dict[object, Declared] = {}


def declared(handler: object) -> Declared:
    """Return what an entry point was declared with (nothing, for an undeclared one)."""
    return _DECLARED.get(handler, Declared())


def declare(handler: object, base: object = None, **changes: Any) -> None:
    """Record a declaration on an entry point, on top of what it (or the function it wraps, `base`) declared."""
    _DECLARED[handler] = replace(declared(handler if base is None else base), **changes)


def who_of(handler: object) -> Who:
    """Return who an entry point was declared for (everyone when it was not declared)."""
    return declared(handler).who


def registered_of(handler: object) -> bool:
    """Tell whether an entry point asks the person to register first."""
    return declared(handler).registered
