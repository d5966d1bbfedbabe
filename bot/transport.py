"""What the outbox sender needs from a channel: deliver one reply, say how it went."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from handlers.kit.contract import Reply
from storage.models import OutboxRow


class Outcome(StrEnum):
    """How a delivery attempt ended."""

    SENT = "sent"
    RETRY = "retry"  # transient: network, 5xx, flood control
    UNREACHABLE = "unreachable"  # the person blocked the bot or no longer exists
    FAILED = "failed"  # the channel refused the message itself; trying again will not help
    HELD = "held"  # the channel cannot take it now (e.g. outside WhatsApp's 24-hour window)


@dataclass(frozen=True)
class Delivery:
    """The result of one attempt."""

    outcome: Outcome
    channel_msg_id: str | None = None
    retry_after: float | None = None  # seconds, when the channel said how long to wait
    error: str = ""
    # A channel's own record of a sent message, committed with the row's "sent" mark (one commit, not two).
    with_mark: Callable[[sqlite3.Connection], None] | None = None


@dataclass(frozen=True)
class Pacing:
    """How fast one chat may receive messages (a token bucket), and how fast the channel as a whole (evenly)."""

    per_second: float = 1.0
    burst: int = 10
    overall_per_second: float | None = None  # None: the channel sets no overall limit


class Transport(Protocol):
    """A channel's sending half."""

    channel: str
    pacing: Pacing

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Send one outbox row's reply; never raise for channel errors."""
        ...


def serves(transport: Transport, recipient: str) -> bool:
    """Tell whether a transport can deliver to a recipient now (a terminal serves only the identity at it)."""
    check = getattr(transport, "serves", None)
    return True if check is None else bool(check(recipient))
