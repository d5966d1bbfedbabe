"""Who may use an entry point: the levels `@requires` declares and the router and tests read."""

from __future__ import annotations

from enum import IntEnum
from typing import cast


class Who(IntEnum):
    """Who may use an entry point, from everyone to coordinators only (each includes the ones after it)."""

    ANYONE = 0
    REGISTERED = 1
    OFFICER = 2  # a liaison officer of any commitment, or a coordinator; commitment checks are the handler's
    COORDINATOR = 3


def who_of(handler: object) -> Who:
    """Return who an entry point was declared for (everyone when it was not declared)."""
    return cast(Who, getattr(handler, "who", Who.ANYONE))


def registered_of(handler: object) -> bool:
    """Tell whether an entry point asks the person to register first."""
    return bool(getattr(handler, "registered", False))
