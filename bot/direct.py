"""Sending one reply straight through its channel, for when the outbox itself cannot be written."""

from __future__ import annotations

import logging

from bot.clock import Clock
from bot.sender import Sender
from bot.transport import Outcome
from handlers.kit.contract import Incoming, Reply
from storage.models import OutboxRow

log = logging.getLogger(__name__)


async def deliver_now(sender: Sender, clock: Clock, incoming: Incoming, reply: Reply) -> bool:
    """Send reply to the person behind incoming without an outbox row; return True when it went out."""
    transport = sender.transports.get(incoming.channel)
    if transport is None:
        return False
    now = clock.now()
    row = OutboxRow.unsaved(incoming.channel, incoming.user, reply.to_payload(), now)
    try:
        delivery = await transport.deliver(row, reply)
    except Exception:  # a transport must not turn an apology into a crash
        log.exception("direct delivery on %s raised", incoming.channel)
        return False
    if delivery.outcome is not Outcome.SENT:
        log.error("direct delivery on %s failed: %s", incoming.channel, delivery.error)
    return delivery.outcome is Outcome.SENT
