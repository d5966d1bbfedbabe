"""One transaction per incoming event: dedupe, load state, run the handler, store state and replies."""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
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
from storage import events, outbox, participants, sessions
from storage.arrival import arrive
from storage.database import Database
from storage.models import Session

log = logging.getLogger(__name__)

DeliverNow = Callable[[Incoming, Reply], Awaitable[bool]]


async def _cannot_deliver(incoming: Incoming, reply: Reply) -> bool:
    return False


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
        committed: list[int] = []  # the data version the batch started from, once the first event has read it
        try:
            with metrics.timed(events[0].channel):
                async with self.db.transaction() as conn:
                    fresh = [await self._handle_in(conn, incoming, committed) for incoming in events]
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

    async def handle_in(self, conn: aiosqlite.Connection, incoming: Incoming, committed: list[int]) -> bool:
        """Handle one event of a channel's batch in the transaction the channel opened; False for a duplicate.

        The caller commits (and calls on_queued) or, when anything raised, rolls back and takes each event again
        through handle(), as handle_batch does; committed is the batch's list, empty at its first event.
        """
        return await self._handle_in(conn, _storable(incoming), committed)

    async def _handle_in(self, conn: aiosqlite.Connection, incoming: Incoming, committed: list[int] | None) -> bool:
        """Handle one event in the open transaction; committed holds the batch's starting data version (None: alone)."""
        with handling(update_id(incoming)):
            return await self._handle_tagged(conn, incoming, committed)

    async def _handle_tagged(self, conn: aiosqlite.Connection, incoming: Incoming, committed: list[int] | None) -> bool:
        """Handle one event in the open transaction, its id on every line logged meanwhile."""
        now = self.clock.now()
        if not await events.record_event(conn, incoming.channel, incoming.event_id, now):
            return False
        arrival = await arrive(conn, incoming.channel, incoming.user, now)
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
        data = {**ctx.data, **ctx.carry.to_session()}
        if (ctx.flow, ctx.step, data) != (session.flow, session.step, session.data):  # unchanged: nothing to write
            after = Session(
                channel=incoming.channel, external_id=incoming.user, flow=ctx.flow, step=ctx.step, data=data
            )
            await sessions.save_session(conn, after, now)
        participant_id = ctx.participant.id if ctx.participant else None
        await self._queue(conn, incoming, replies, participant_id, queued=arrival.queued_replies, messages=ctx.messages)
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
        queued: int = 0,
        messages: Messages | None = None,
    ) -> None:
        """Queue the answers to an event; past max_queued_replies waiting for the chat, only the newest event's."""
        messages = messages or self._reader(None, incoming)
        replies_out = [
            outbox.NewReply(
                payload=reply.model_copy(update={"language": messages.language}).to_payload(),
                document=reply.document.data if reply.document else None,
                edit_ref=incoming.message_ref if reply.replace else None,
            )
            for reply in replies
        ]
        now = self.clock.now()
        if self.max_queued_replies and queued >= self.max_queued_replies and replies_out:
            note = outbox.NewReply(
                payload=Reply(text=messages.t("flood-replies"), language=messages.language).to_payload()
            )
            await outbox.queue_latest(
                conn,
                incoming.channel,
                incoming.user,
                replies_out,
                participant_id=participant_id,
                now=now,
                event_id=incoming.event_id,
                note=note,
            )
            return
        await outbox.enqueue_replies(
            conn, incoming.channel, incoming.user, replies_out, participant_id=participant_id, now=now
        )

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
