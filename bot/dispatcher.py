"""One transaction per incoming event: dedupe, load state, run the handler, store state and replies."""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import aiosqlite

from bot import metrics
from bot.clock import Clock
from bot.logs import handling
from handlers.kit.context import Carry, Context, HandlerConfig
from handlers.kit.contract import Incoming, Reply
from handlers.kit.memo import Memo
from handlers.kit.text import valid_unicode
from handlers.router import Router
from messages import language_for, load_messages
from messages_ar import Messages
from storage import outbox, participants, sessions
from storage.arrival import enter
from storage.database import Database, in_one_trip
from storage.models import Session
from storage.trips import Work

log = logging.getLogger(__name__)

DeliverNow = Callable[[Incoming, Reply], Awaitable[bool]]
Adapt = Callable[[Incoming], Incoming]


async def _cannot_deliver(incoming: Incoming, reply: Reply) -> bool:
    return False


@dataclass
class Batch:
    """What the events handled in one transaction share: the data version it started from, and writes held back.

    An event's last writes (its chat's state and answers) wait for the next round trip the transaction makes: the
    next event's first, or the caller's own (run_later) before anything else reads or it commits.
    """

    committed: list[int] = field(default_factory=list)  # the starting data version, once the first event read it
    later: list[Work[None]] = field(default_factory=list)

    def run_later(self, plain: sqlite3.Connection) -> None:
        """Make the writes held back, in order (on the database thread, inside a one-trip function)."""
        writes, self.later = self.later, []
        _each(writes, plain)


def update_id(incoming: Incoming) -> str:
    """Return how the log names an update: its channel and the channel's id for it (never who sent it)."""
    return f"{incoming.channel}:{incoming.event_id}"


def _storable(incoming: Incoming) -> Incoming:
    """Return the event with every string storable as UTF-8, whatever the channel decoded."""
    changes: dict[str, Any] = {
        name: valid_unicode(value)
        for name in ("user", "event_id", "command", "args", "choice", "text", "name", "message_ref", "language")
        if isinstance(value := getattr(incoming, name), str)
    }
    return replace(incoming, **changes)


def _reason(error: Exception) -> str:
    """Return what an error says about the system (SQLite's message, an OSError's errno name), never about a person."""
    if isinstance(error, OSError) and error.errno is not None:
        return errno.errorcode.get(error.errno, str(error.errno))
    return str(error) if isinstance(error, sqlite3.Error) else ""


class Dispatcher:
    """Turns incoming events into stored changes and outbox rows."""

    def __init__(
        self,
        db: Database,
        router: Router,
        messages: Messages,
        clock: Clock,
        config: HandlerConfig,
        on_queued: Callable[[], None] = lambda: None,
    ) -> None:
        self.db = db
        self.router = router
        self.messages = messages
        self.clock = clock
        self.config = config
        self.on_queued = on_queued
        # When the database cannot be written, the apology cannot go through the outbox either.
        self.deliver_now: DeliverNow = _cannot_deliver
        # Answers waiting for one chat before the bot answers only the newest event (0: no bound).
        self.max_queued_replies = 0
        self.memo = Memo()  # renderings of public data, valid while it stays as committed

    async def handle(self, incoming: Incoming) -> bool:
        """Process an event exactly once; return False when it was a duplicate."""
        incoming = _storable(incoming)
        with handling(update_id(incoming)):
            return await self._handle_alone(incoming)

    async def _handle_alone(self, incoming: Incoming) -> bool:
        """Process an event in its own transaction, apologising when it fails."""
        metrics.received(incoming)
        try:
            with metrics.timed(incoming.channel):
                async with self.db.transaction() as conn:
                    fresh = await self._handle_in(conn, incoming, None)
        except sqlite3.OperationalError as error:
            log.error("database unavailable for %s event: %s", incoming.channel, error)
            await self._apologise_directly(incoming, "busy-error")
            return True
        except Exception:
            log.exception("handler failed on a %s event", incoming.channel)
            await self._apologise(incoming, "internal-error")
            return True
        metrics.handled(incoming)
        if fresh:
            self.on_queued()
        return fresh

    async def handle_batch(self, batch: Sequence[Incoming]) -> None:
        """Process events in order in one transaction (one commit for a polled batch instead of one per event).

        If anything fails, the whole batch is rolled back and each event goes through handle() in its own
        transaction: the failing one alone is rolled back and apologised for, the others are stored. (A savepoint
        per event would do the same at two more trips to SQLite's thread per event, 40% of them for /status.)
        """
        if len(batch) <= 1:
            for incoming in batch:
                await self.handle(incoming)
            return
        events = [_storable(incoming) for incoming in batch]
        shared = Batch()
        try:
            with metrics.timed(events[0].channel):
                async with self.db.transaction() as conn:
                    fresh = [await self._handle_in(conn, incoming, shared) for incoming in events]
                    await in_one_trip(conn, shared.run_later)
        except Exception as error:  # the kind of error only: a message could quote what people typed
            kind = type(error).__name__
            log.warning("a batch of %d events was rolled back (%s); handling each alone", len(events), kind)
            for incoming in events:
                await self.handle(incoming)
            return
        for incoming in events:
            metrics.received(incoming)
            metrics.handled(incoming)
        if any(fresh):
            self.on_queued()

    async def handle_in(
        self,
        conn: aiosqlite.Connection,
        incoming: Incoming,
        batch: Batch,
        *,
        before: Work[object] | None = None,
        adapt: Adapt | None = None,
    ) -> bool:
        """Handle one event of a channel's batch in the transaction the channel opened; False for a duplicate.

        The caller runs batch.run_later in its next round trip (before anything else reads, at the latest before it
        commits), then commits (and calls on_queued) or, when anything raised, rolls back and takes each event again
        through handle(), as handle_batch does. before (the channel's own bookkeeping) runs in the event's first
        round trip, and adapt then gets a new event to change from what before found (its id, channel and sender
        stay).
        """
        return await self._handle_in(conn, _storable(incoming), batch, before, adapt)

    async def _handle_in(
        self,
        conn: aiosqlite.Connection,
        incoming: Incoming,
        batch: Batch | None,
        before: Work[object] | None = None,
        adapt: Adapt | None = None,
    ) -> bool:
        """Handle one event in the open transaction, alone (batch None) or as one of a batch."""
        with handling(update_id(incoming)):
            return await self._handle_tagged(conn, incoming, batch, before, adapt)

    async def _handle_tagged(
        self,
        conn: aiosqlite.Connection,
        incoming: Incoming,
        batch: Batch | None,
        before: Work[object] | None,
        adapt: Adapt | None,
    ) -> bool:
        """Handle one event in the open transaction, its id on every line logged meanwhile.

        Besides the handler's own, one round trip to the database thread records the event (a duplicate stops
        there) with its person's arrival, after the batch's writes held back; the chat's state and answers are
        stored in another, or held back for the batch's next.
        """
        now = self.clock.now()
        first = before if batch is None else _then(batch.run_later, before)
        arrival = await enter(conn, incoming.channel, incoming.event_id, incoming.user, now, first)
        if arrival is None:
            return False
        if adapt is not None:
            incoming = adapt(incoming)
        committed = batch.committed if batch is not None else None
        if committed is not None and not committed:
            committed.append(arrival.data_version)  # nothing in the batch had written before its first arrival
        # Alone, the event's own arrival has changed no public data; in a batch, earlier events may have.
        as_committed = committed is None or arrival.data_version == committed[0]
        session = arrival.session
        carry = Carry.from_session(session.data)
        ctx = Context(
            conn=conn,
            incoming=incoming,
            participant=arrival.participant,
            roles=arrival.roles,
            messages=self._reader(arrival.participant.language if arrival.participant else carry.language, incoming),
            now=now,
            config=self.config,
            flow=session.flow,
            step=session.step,
            data={k: v for k, v in session.data.items() if not k.startswith("_")},
            carry=carry,
            data_version=arrival.data_version if as_committed else None,
            changes_at_arrival=conn.total_changes,
            memo=self.memo,
        )
        replies = await self.router.route(ctx)
        writes: list[Work[None]] = []
        data = {**ctx.data, **ctx.carry.to_session()}
        if (ctx.flow, ctx.step, data) != (session.flow, session.step, session.data):  # unchanged: nothing to write
            after = Session(
                channel=incoming.channel, external_id=incoming.user, flow=ctx.flow, step=ctx.step, data=data
            )
            writes.append(lambda plain: sessions.save_session_in(plain, after, now))
        participant_id = ctx.participant.id if ctx.participant else None
        queue = self._queuing(incoming, replies, participant_id, arrival.queued_replies, ctx.messages)
        if queue is not None:
            writes.append(queue)
        if batch is not None:
            batch.later += writes
        elif writes:
            await in_one_trip(conn, lambda plain: _each(writes, plain))
        return True

    def _reader(self, chosen: str | None, incoming: Incoming) -> Messages:
        """Return the catalogue of the person's language: chosen, else what their app reports (else Arabic)."""
        return load_messages(chosen or language_for(incoming.language))

    async def _queue(
        self,
        conn: aiosqlite.Connection,
        incoming: Incoming,
        replies: list[Reply],
        participant_id: int | None,
        *,
        messages: Messages | None = None,
    ) -> None:
        """Queue the answers to an event (an apology: the chat's queue is not bounded for it)."""
        queue = self._queuing(incoming, replies, participant_id, 0, messages or self._reader(None, incoming))
        if queue is not None:
            await in_one_trip(conn, queue)

    def _queuing(
        self, incoming: Incoming, replies: list[Reply], participant_id: int | None, queued: int, messages: Messages
    ) -> Work[None] | None:
        """Return the writes that queue an event's answers (None: none); past max_queued_replies waiting for the
        chat, only the newest event's."""
        if not replies:
            return None
        replies_out = [
            outbox.NewReply(
                payload=reply.model_copy(update={"language": messages.language}).to_payload(),
                document=reply.document.data if reply.document else None,
                edit_ref=incoming.message_ref if reply.replace else None,
            )
            for reply in replies
        ]
        now = self.clock.now()
        channel, user = incoming.channel, incoming.user
        if self.max_queued_replies and queued >= self.max_queued_replies:
            note = outbox.NewReply(
                payload=Reply(text=messages.t("flood-replies"), language=messages.language).to_payload()
            )
            latest = outbox.Latest(channel, user, incoming.event_id, note)
            return lambda plain: outbox.queue_latest_in(plain, latest, replies_out, participant_id, now)
        return lambda plain: outbox.enqueue_replies_in(plain, channel, user, replies_out, participant_id, now)

    async def refuse(self, incoming: Incoming, error: Exception) -> None:
        """Ask the person to send again a file that could not be taken (a full disk, a locked database); none kept."""
        log.error("a %s file could not be taken (%s: %s)", incoming.channel, type(error).__name__, _reason(error))
        if isinstance(error, sqlite3.OperationalError):  # locked or full: the outbox cannot take the apology either
            await self._apologise_directly(incoming, "file-store-failed")
            return
        await self._apologise(incoming, "file-store-failed")

    async def _apologise(self, incoming: Incoming, key: str) -> None:
        """Tell the person something went wrong; the event stays unrecorded so a redelivery can retry it."""
        try:
            async with self.db.transaction() as conn:
                chosen = await participants.chat_language(conn, incoming.channel, incoming.user)
                messages = self._reader(chosen, incoming)
                reply = Reply(text=messages.t(key), language=messages.language)
                await self._queue(conn, incoming, [reply], None, messages=messages)
        except sqlite3.Error as error:
            log.error("could not queue an apology either: %s", error)
            await self._apologise_directly(incoming, key)
            return
        self.on_queued()

    async def _apologise_directly(self, incoming: Incoming, key: str) -> None:
        """Send the apology past the outbox: the database is locked or full, and waiting would only repeat it."""
        messages = self._reader(None, incoming)  # the database cannot say what the person chose: their app's language
        if not await self.deliver_now(incoming, Reply(text=messages.t(key), language=messages.language)):
            log.error("could not tell the person on %s that their message was not handled", incoming.channel)


def _each(writes: list[Work[None]], plain: sqlite3.Connection) -> None:
    """Run writes in order on the database thread (one round trip for all of them)."""
    for write in writes:
        write(plain)


def _then(first: Work[None], second: Work[object] | None) -> Work[object]:
    """Return a function that runs first, then second (when there is one)."""

    def both(plain: sqlite3.Connection) -> object:
        first(plain)
        return second(plain) if second is not None else None

    return both
