"""Drafts never lost: a flow left unfinished is parked in the chat's carry and offered back.

A flow declares `parking=Parking(keep=..., describe=..., resume=...)`; when a command or a menu button takes the
person out of it, the router keeps its step and data (`ctx.carry.parked`). Commands declared `@offers_parked`
(/start, /recommend, /menu) first offer the newest parked draft: go on with it, or drop it and run the command.
A button of the parked step (an older message's «✅ إرسال») brings the draft back by itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from handlers.kit.buttons import Button

H = TypeVar("H", bound=Callable[..., Awaitable[Any]])


class ResumeParked(Button, prefix="park:go"):
    """Go on with the newest parked draft."""


class DropParked(Button, prefix="park:drop"):
    """Drop the newest parked draft, then run the command that offered it."""

    command: str


def offers_parked(handler: H) -> H:
    """Declare that a command offers a parked draft back before doing its own work."""
    handler.offers_parked = True  # type: ignore[attr-defined]
    return handler


def does_offer(handler: object) -> bool:
    """Tell whether a command offers parked drafts back."""
    return bool(getattr(handler, "offers_parked", False))
