"""Button routes: which handler answers a button family, declared in the feature's table."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.who import Who, declared, registered_of, who_of

B = TypeVar("B", bound=Button)
ButtonHandler = Callable[[Context, B], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class ButtonRoute(Generic[B]):
    """A button family and the handler that answers it."""

    button: type[B]
    handler: ButtonHandler[B]

    @property
    def who(self) -> Who:
        """Return who may press the button (declared on the handler)."""
        return who_of(self.handler)

    @property
    def answer(self) -> ButtonHandler[B]:
        """Return the handler without its own check of the declaration (the router checks it once, before)."""
        return declared(self.handler).unchecked or self.handler

    @property
    def registered(self) -> bool:
        """Tell whether pressing the button asks a newcomer to register first."""
        return registered_of(self.handler)

    @property
    def then(self) -> str | None:
        """Return the command a newcomer continues with after registering, when the button needs registration."""
        return declared(self.handler).then


def on(button: type[B], handler: ButtonHandler[B]) -> ButtonRoute[B]:
    """Route a button family to its handler."""
    return ButtonRoute(button, handler)
