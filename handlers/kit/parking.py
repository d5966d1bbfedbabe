"""Drafts never lost: a flow left unfinished is parked in the chat's carry and offered back.

A flow declares `parking=Parking(keep=..., describe=..., resume=...)`; when a command or a menu button takes the
person out of it, the router keeps its step and data (`ctx.carry.parked`). Commands declared `@offers_parked`
(/start, /recommend, /menu) first offer the newest parked draft: go on with it, or drop it and run the command.
A button of the parked step (an older message's «✅ إرسال») brings the draft back by itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from handlers.kit.buttons import Button
from handlers.kit.context import Context, Parked
from handlers.kit.contract import Reply
from handlers.kit.flows import Flow, Parking
from handlers.kit.who import declare, declared

H = TypeVar("H", bound=Callable[..., Awaitable[Any]])


class ResumeParked(Button, prefix="park:go"):
    """Go on with the newest parked draft."""


class DropParked(Button, prefix="park:drop"):
    """Ask before dropping the newest parked draft (a «2» typed by habit must not delete it)."""

    command: str


class ConfirmDrop(Button, prefix="park:dropok"):
    """Drop the newest parked draft, then run the command that offered it."""

    command: str


def offers_parked(handler: H) -> H:
    """Declare that a command offers a parked draft back before doing its own work."""
    declare(handler, offers_parked=True)
    return handler


def does_offer(handler: object) -> bool:
    """Tell whether a command offers parked drafts back."""
    return declared(handler).offers_parked


class ParkingLot:
    """The parked drafts of every flow that keeps them: park on leaving, offer back, resume, drop."""

    def __init__(self, flows: Mapping[str, Flow[Any]]) -> None:
        self.flows = flows

    def leave(self, ctx: Context) -> None:
        """Leave the chat's flow; park its data when the flow keeps what was typed."""
        flow = self.flows.get(ctx.flow or "")
        if flow is not None and ctx.step is not None and self.keeps(ctx):
            ctx.carry.park(Parked(flow=flow.name, step=ctx.step, data=dict(ctx.data)))
        ctx.end()

    def keeps(self, ctx: Context) -> bool:
        """Tell whether leaving the chat's flow now would park what was typed in it."""
        flow = self.flows.get(ctx.flow or "")
        if flow is None or flow.parking is None or ctx.step is None:
            return False
        data = flow.parse(ctx.data)
        return data is not None and flow.parking.keep(data)

    def newest(self, ctx: Context) -> tuple[Parked, Parking[Any], Any] | None:
        """Return the newest parked draft that still fits its flow (dropping any that do not)."""
        while ctx.carry.parked:
            parked = ctx.carry.parked[-1]
            flow = self.flows.get(parked.flow)
            data = flow.parse(parked.data) if flow is not None and flow.parking is not None else None
            if flow is not None and flow.parking is not None and data is not None:
                return parked, flow.parking, data
            ctx.carry.parked = ctx.carry.parked[:-1]
        return None

    def offer(self, ctx: Context, command: str) -> list[Reply] | None:
        """Offer the newest parked draft back (continue, or drop it and run the command); None when there is none."""
        newest = self.newest(ctx) if ctx.participant is not None else None
        if newest is None:
            return None
        _, parking, data = newest
        choices = (
            ResumeParked().choice(ctx.t("parked-resume")),
            DropParked(command=command).choice(ctx.t("parked-drop")),
        )
        return [Reply(text=parking.describe(ctx, data), choices=choices)]

    def confirm_drop(self, ctx: Context, command: str) -> list[Reply] | None:
        """Ask once before the newest parked draft is dropped; None when there is none (a stale button)."""
        newest = self.newest(ctx)
        if newest is None:
            return None
        _, parking, data = newest
        choices = (
            ResumeParked().choice(ctx.t("parked-resume")),
            ConfirmDrop(command=command).choice(ctx.t("parked-drop-yes")),
        )
        text = f"{ctx.t('parked-drop-confirm')}\n\n{parking.describe(ctx, data)}"
        return [Reply(text=text, choices=choices, replace=True)]

    def unpark(self, ctx: Context, parked: Parked) -> None:
        """Bring a parked draft back as the chat's flow (parking the flow the chat is in, if it keeps anything)."""
        ctx.carry.parked = [p for p in ctx.carry.parked if p is not parked]
        self.leave(ctx)
        ctx.flow, ctx.step, ctx.data = parked.flow, parked.step, dict(parked.data)

    def reach(self, ctx: Context, flow: str, steps: frozenset[str]) -> bool:
        """Tell whether the chat is at one of a flow's steps, bringing back the newest draft parked at one if not."""
        if ctx.flow == flow and ctx.step in steps:
            return True
        parked = next((p for p in reversed(ctx.carry.parked) if p.flow == flow and p.step in steps), None)
        if parked is None:
            return False
        self.unpark(ctx, parked)
        return True

    async def resume(self, ctx: Context) -> list[Reply] | None:
        """Go on with the newest parked draft; None when there is none (a stale button)."""
        newest = self.newest(ctx)
        if newest is None:
            return None
        parked, parking, data = newest
        self.unpark(ctx, parked)
        return await parking.resume(ctx, data)

    def drop(self, ctx: Context) -> bool:
        """Drop the newest parked draft; False when there is none (a stale button)."""
        if self.newest(ctx) is None:
            return False
        ctx.carry.parked = ctx.carry.parked[:-1]
        return True
