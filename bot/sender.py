"""Drains the outbox: paces per chat, retries what is transient, gives up on what is not."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import sqlite3
from collections import deque
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

import aiosqlite

from bot import metrics
from bot.clock import Clock
from bot.transport import Delivery, Outcome, Transport, serves
from handlers.kit.contract import Reply
from storage import document_jobs, outbox, participants, privacy, roles
from storage.database import Database
from storage.models import OutboxRow
from storage.timefmt import to_db

log = logging.getLogger(__name__)

BATCH = 200
PER_CHAT = 10  # rows of one chat per round: a flooded chat gets its turn without holding up anyone else's
IDLE_WAKE_SECONDS = 5.0
FLOOD_WAITS = 5  # 429 answers waited out in place before the row goes back to the queue with its retry_after
# Turns of the overall pace a late send may make up (back to back): on a busy CPU every wake-up comes late, and
# without it the pace fell to 0.91 of the rate; the window keeps any catching up within the limit.
CATCH_UP = 3
MAX_KEYS = 10_000  # chats whose pacing is remembered before the full buckets are dropped
REPLIES_KEPT = 256  # replies kept decoded by payload: a board many people ask for is read back once, not per message
SLOWER = 1.1  # the overall interval after a 429, as a multiple of the one before
RECOVERY = 0.999  # ... and after each message sent, back down to the configured one


class RatePacer:
    """The one rate limiter: at most `per_second` sends a second, evenly after a burst, per key or overall.

    A generic cell rate algorithm on the event loop's monotonic clock: each key (a chat) keeps the moment its bucket
    would be full again; delay() and take() check and spend it without waiting (the sender skips a chat that must
    wait). acquire() is the overall pace of a channel: sends go one at a time on an even 1/rate timeline (turns
    missed while the loop was busy are made up only up to the burst, so a stall never releases more), and never
    more than `window` of them are in flight or were answered within the last second (Telegram counts a message
    when it arrives, between the moment it left and its answer: counting to the answer is exact, however late a busy
    CPU sends or reads). A flood-control answer holds every send (hold) and slows the pace by a tenth (slow_down),
    which recovers by a thousandth with each message sent.
    """

    def __init__(
        self, per_second: float | None, burst: int = 1, *, window: int | None = None, span: float = 1.0
    ) -> None:
        self.base_interval = 1.0 / per_second if per_second else 0.0
        self.interval = self.base_interval
        self.tolerance = (burst - 1) * self.base_interval
        self.window = window  # sends in flight or answered within the last `span` seconds
        self.span = span
        self._due: dict[Hashable, float] = {}  # key -> when its bucket is full again (the algorithm's TAT)
        self._held_until = -math.inf
        self._in_flight = 0
        self._answered: deque[float] = deque()
        self._lock = asyncio.Lock()
        self._finished = asyncio.Event()

    def delay(self, key: Hashable = None) -> float:
        """Return how long until one more send for key may go (0 = now)."""
        now = asyncio.get_running_loop().time()
        return max(0.0, self._due.get(key, now) - self.tolerance - now, self._held_until - now)

    def take(self, key: Hashable = None) -> None:
        """Spend one send for key (after delay() said it may go)."""
        now = asyncio.get_running_loop().time()
        if len(self._due) > MAX_KEYS:  # full buckets need no memory
            self._due = {k: due for k, due in self._due.items() if due > now}
        self._due[key] = max(self._due.get(key, now), now) + self.interval

    async def acquire(self) -> None:
        """Wait for this send's turn in the overall pace (and room in the window); call finished() after it."""
        loop = asyncio.get_running_loop()
        async with self._lock:
            while True:  # a hold() may come while this send waits its turn
                pause = self.delay()
                if pause <= 0:
                    break
                await asyncio.sleep(pause)  # pacing is real time by nature
            while self.window is not None and not self._room(loop.time()):
                self._finished.clear()
                wake = self._answered[0] + self.span - loop.time() if self._answered else None
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(wake):
                        await self._finished.wait()
            self.take()
            self._in_flight += 1

    def finished(self) -> None:
        """Count a send acquired from the overall pace as answered (it leaves the window a second later)."""
        self._in_flight -= 1
        if self.window is not None:
            self._answered.append(asyncio.get_running_loop().time())
        self.interval = max(self.base_interval, self.interval * RECOVERY)
        self._finished.set()

    def hold(self, seconds: float) -> None:
        """Send nothing for a while (Telegram's retry_after applies to the whole bot)."""
        self._held_until = max(self._held_until, asyncio.get_running_loop().time() + seconds)

    def slow_down(self) -> None:
        """Lower the pace after a flood-control answer (down to half the configured rate)."""
        self.interval = min(self.base_interval * 2, self.interval * SLOWER)

    def _room(self, now: float) -> bool:
        while self._answered and self._answered[0] <= now - self.span:
            self._answered.popleft()
        return self.window is None or self._in_flight + len(self._answered) < self.window


class SentLog:
    """Marks delivered rows as sent, many at a time: group commit, BEGIN to COMMIT in one trip to the database thread.

    Each delivery still waits until its own row is committed as sent before its chat goes on (so a crash can only
    repeat a message, never lose or reorder one); deliveries that finish while a commit is under way share the next.
    A channel's own record of the message (Delivery.with_mark) is written in the same commit.
    """

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._waiting: list[tuple[int, Delivery, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def mark(self, row_id: int, delivery: Delivery) -> None:
        """Return once the row is stored as sent (with the channel's record of it)."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((row_id, delivery, done))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write(), name="outbox-sent-log")
        await done

    async def _write(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                sent = [(i, delivery.channel_msg_id) for i, delivery, _ in batch]
                records = [delivery.with_mark for _, delivery, _ in batch if delivery.with_mark is not None]
                now = self.clock.now()
                try:
                    await self.db.write_in_one_trip(partial(_mark_in, sent=sent, records=records, now=now))
                except Exception as error:  # each waiting delivery raises it, as its own write would have
                    for _, _, done in batch:
                        if not done.done():
                            done.set_exception(error)
                    continue
                for _, _, done in batch:
                    if not done.done():
                        done.set_result(None)
        finally:
            self._writer = None


def _mark_in(
    plain: sqlite3.Connection,
    sent: list[tuple[int, str | None]],
    records: list[Callable[[sqlite3.Connection], None]],
    now: datetime,
) -> None:
    """Write the channels' records of the messages, then mark their rows as sent (on the database thread)."""
    for record in records:
        record(plain)
    outbox.mark_sent_in(plain, sent, now)


class Replies:
    """Rows' replies decoded, the ones without a document kept by payload (a Reply is frozen, so one may be shared)."""

    def __init__(self, size: int = REPLIES_KEPT) -> None:
        self.size = size
        self._kept: dict[str, Reply] = {}

    def of(self, row: OutboxRow) -> Reply:
        """Return the reply a row draws, decoding and validating its payload only when it was not seen lately."""
        if row.document is not None:  # its bytes are the row's own
            return Reply.from_payload(row.payload, row.document)
        reply = self._kept.get(row.payload)
        if reply is None:
            reply = Reply.from_payload(row.payload, None)
            if len(self._kept) >= self.size:
                self._kept.clear()  # a new board after a change of the data: the old ones are not asked for again
            self._kept[row.payload] = reply
        return reply


@dataclass
class SenderStats:
    """What the sender did since it started (for logs and benchmarks)."""

    sent: int = 0
    flood_waits: int = 0  # 429 answers
    retries: int = 0  # transient failures put back with a backoff
    failed: int = 0
    unreachable: int = 0


class Sender:
    """Sends outbox rows through their channel's transport, in order per chat, replies before pushes."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        transports: Mapping[str, Transport],
        *,
        concurrency: int = 64,
        max_attempts: int = 8,
        base_backoff: float = 1.0,
        max_backoff: float = 300.0,
        coordinators: frozenset[str] = frozenset(),
    ) -> None:
        self.db = db
        self.clock = clock
        self.transports: dict[str, Transport] = {}
        self.concurrency = concurrency
        self.max_attempts = max_attempts
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self.coordinators = coordinators  # "channel:id" entries of OGP_COORDINATORS, for the documents' check
        self.stats = SenderStats()
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._busy: set[tuple[str, str]] = set()
        self._unreleased: dict[tuple[str, str], list[OutboxRow]] = {}  # claims a failed release left behind
        self._inflight: dict[str, int] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._chats: dict[str, RatePacer] = {}  # per channel: each chat's bucket
        self._sent_log = SentLog(db, clock)
        self._replies = Replies()
        self._overall: dict[str, RatePacer] = {}
        self._runner: asyncio.Task[None] | None = None
        self._stopping = False
        for transport in transports.values():
            self.add_transport(transport)

    def add_transport(self, transport: Transport) -> None:
        """Register a channel's transport."""
        self.transports[transport.channel] = transport
        pacing = transport.pacing
        self._chats[transport.channel] = RatePacer(pacing.per_second, pacing.burst)
        rate = pacing.overall_per_second
        window = math.floor(rate) + 1 if rate else None
        self._overall[transport.channel] = RatePacer(rate, CATCH_UP, window=window)

    def wake(self) -> None:
        """Tell the sender that rows were queued."""
        self._wake.set()

    async def start(self) -> None:
        """Return rows a previous run had claimed, then start draining in the background."""
        async with self.db.transaction() as conn:
            released = await outbox.release_claims(conn)
        if released:
            log.info("re-queued %d messages claimed before a restart", released)
        self._runner = asyncio.create_task(self._run(), name="outbox-sender")

    async def stop(self) -> None:
        """Stop draining; let in-flight deliveries finish."""
        self._stopping = True
        self._wake.set()
        if self._runner is not None:
            await self._runner
            self._runner = None
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def flush(self) -> None:
        """Send everything due now and wait until it is done (console, tests, shutdown)."""
        while True:
            started, _ = await self._pump()
            if not started and not self._tasks:
                return
            if self._tasks:
                await asyncio.wait(set(self._tasks), return_when=asyncio.FIRST_COMPLETED)

    async def _run(self) -> None:
        # A flag, not task cancellation: on Python 3.11 wait_for can swallow a cancel that races its timeout.
        while not self._stopping:
            try:
                _, wait = await self._pump()
            except Exception:
                log.exception("outbox pump failed")
                wait = IDLE_WAKE_SECONDS
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await self._wake.wait()
            self._wake.clear()

    def _room(self, transport: Transport) -> int:
        """Return how many more pushes the channel may have in flight: about one second of its overall rate."""
        rate = transport.pacing.overall_per_second
        cap = max(1, math.ceil(rate)) if rate else self.concurrency
        return cap - self._inflight.get(transport.channel, 0)

    async def _pump(self) -> tuple[int, float]:
        """Claim due rows of idle chats and start sending them; return (started, seconds to wait)."""
        if self._unreleased:
            await self._release_stuck()
        now = self.clock.now()
        groups: dict[tuple[str, str], list[OutboxRow]] = {}
        wait = IDLE_WAKE_SECONDS
        async with self.db.transaction() as conn:
            for row in await self._due(conn, now):
                key = (row.channel, row.recipient)
                transport = self.transports.get(row.channel)
                if transport is None or key in self._busy or not serves(transport, row.recipient):
                    continue
                if row.kind != "reply" and self._room(transport) <= 0:
                    continue  # pushes queue behind about a second of sends, so replies never wait longer
                if key not in groups:
                    pause = self._chats[row.channel].delay(row.recipient)
                    if pause > 0:
                        wait = min(wait, pause)
                        continue
                elif len(groups[key]) >= PER_CHAT:
                    continue  # one chat's backlog waits its turn; everyone else's next rows go in this round
                groups.setdefault(key, []).append(row)
                self._inflight[row.channel] = self._inflight.get(row.channel, 0) + 1
            await outbox.claim(conn, [r.id for g in groups.values() for r in g])
            if not groups:  # otherwise each group wakes the sender when it ends, and the next pump looks again
                wait = min(wait, await self._seconds_to_next_due(conn, now))
        for key, group in groups.items():
            self._busy.add(key)
            task = asyncio.create_task(self._send_group(key, group))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return len(groups), wait

    async def _due(self, conn: aiosqlite.Connection, now: datetime) -> list[OutboxRow]:
        """Return due rows of idle chats, a few per chat, replies first; pushes to the unreachable are given up."""
        busy = [outbox.chat_key(*key) for key in self._busy]
        replies = await outbox.due(conn, now, BATCH, replies_only=True, per_chat=PER_CHAT, busy=busy)
        seen = {r.id for r in replies}
        others = await outbox.due(conn, now, BATCH, per_chat=PER_CHAT, busy=busy)
        rows = await self._documents_allowed(conn, replies + [r for r in others if r.id not in seen])
        pushed_to = {r.participant_id for r in rows if r.kind != "reply" and r.participant_id is not None}
        gone = await outbox.unreachable_among(conn, pushed_to) if pushed_to else set()
        if not gone:
            return rows
        kept = []
        for row in rows:
            if row.kind != "reply" and row.participant_id in gone:
                await outbox.mark_final(conn, row.id, "unreachable", "recipient unreachable")
                self.stats.unreachable += 1
            else:
                kept.append(row)
        return kept

    async def _documents_allowed(self, conn: aiosqlite.Connection, rows: list[OutboxRow]) -> list[OutboxRow]:
        """Drop the documents built for someone who no longer coordinates (the role taken after they were built)."""
        kept = []
        for row in rows:
            built = row.document is not None and (row.dedupe_key or "").startswith(document_jobs.OUTBOX_KEY)
            if built and not await roles.chat_coordinates(conn, row.channel, row.recipient, self.coordinators):
                await outbox.mark_final(conn, row.id, "failed", "the requester no longer coordinates")
                log.warning("outbox row %d: a document dropped, its requester no longer coordinates", row.id)
            else:
                kept.append(row)
        return kept

    async def _seconds_to_next_due(self, conn: aiosqlite.Connection, now: datetime) -> float:
        earliest = await outbox.next_due_time(conn)
        if earliest is None or earliest <= to_db(now):
            return IDLE_WAKE_SECONDS
        delta = (datetime.fromisoformat(earliest) - now).total_seconds()
        return max(0.01, min(IDLE_WAKE_SECONDS, delta))

    async def _send_group(self, key: tuple[str, str], rows: list[OutboxRow]) -> None:
        """Send one chat's rows in order; stop at the first that cannot go now."""
        transport = self.transports[key[0]]
        chats = self._chats[key[0]]
        try:
            for done, row in enumerate(rows):
                pause = chats.delay(key[1])
                if pause > 0:
                    await asyncio.sleep(pause)  # pacing a chat is real time by nature
                chats.take(key[1])
                delivery = await self._attempt(transport, row)
                try:
                    go_on = await self._record(row, delivery)
                except Exception as error:  # the database refused the outcome: the row goes back, at the front
                    log.error("outbox row %d: could not record its %s (%s); released", row.id, delivery.outcome, error)
                    await self._release(key, rows[done:])
                    return
                if row.erase and delivery.outcome not in (Outcome.RETRY, Outcome.HELD):
                    await self._erase(row)
                if not go_on:
                    await self._release(key, rows[done + 1 :])
                    return
        finally:
            self._inflight[key[0]] -= len(rows)
            if key not in self._unreleased:
                self._busy.discard(key)
            self.wake()

    async def _attempt(self, transport: Transport, row: OutboxRow) -> Delivery:
        """Deliver one row at the channel's overall pace, waiting out flood control in place."""
        overall = self._overall[transport.channel]
        for _ in range(FLOOD_WAITS):
            await overall.acquire()
            try:
                async with self._slots:
                    delivery = await self._deliver(transport, row)
            finally:
                overall.finished()
            metrics.count_delivery(row.channel, row.kind, delivery)
            if delivery.outcome is not Outcome.RETRY or delivery.retry_after is None:
                return delivery
            self.stats.flood_waits += 1
            log.warning("%s flood control: holding every send for %.1fs", row.channel, delivery.retry_after)
            overall.hold(delivery.retry_after)
            overall.slow_down()
        return delivery

    async def _deliver(self, transport: Transport, row: OutboxRow) -> Delivery:
        try:
            return await transport.deliver(row, self._replies.of(row))
        except Exception as error:  # a transport must not take the sender down with it
            log.exception("transport %s raised on outbox row %d", row.channel, row.id)
            return Delivery(Outcome.RETRY, error=type(error).__name__)

    async def _record(self, row: OutboxRow, delivery: Delivery) -> bool:
        """Store the attempt's result; return True when the chat's next row may go now."""
        if delivery.outcome is Outcome.SENT:
            await self._sent_log.mark(row.id, delivery)
            self.stats.sent += 1
            return True
        now = self.clock.now()
        async with self.db.transaction() as conn:
            if delivery.outcome is Outcome.RETRY and row.attempts + 1 < self.max_attempts:
                delay = delivery.retry_after or min(self.max_backoff, self.base_backoff * 2.0**row.attempts)
                await outbox.mark_retry(conn, row.id, now + timedelta(seconds=delay), delivery.error)
                self.stats.retries += 1
                log.warning("outbox row %d: retry in %.1fs (%s)", row.id, delay, delivery.error)
                return False
            if delivery.outcome is Outcome.UNREACHABLE:
                await outbox.mark_final(conn, row.id, "unreachable", delivery.error)
                self.stats.unreachable += 1 + await outbox.give_up_recipient(
                    conn, row.channel, row.recipient, delivery.error
                )
                if row.participant_id is not None:
                    await participants.mark_unreachable(conn, row.participant_id, now)
                return False
            status = "held" if delivery.outcome is Outcome.HELD else "failed"
            await outbox.mark_final(conn, row.id, status, delivery.error)
            self.stats.failed += status == "failed"
            log.error("outbox row %d %s: %s", row.id, status, delivery.error)
            return True

    async def _erase(self, row: OutboxRow) -> None:
        """Delete a row that went to, or named, someone forgotten; then empty the WAL of what was erased."""
        try:
            async with self.db.transaction() as conn:
                finished = await privacy.erase_sent(conn, row.id, row.channel, row.recipient)
            if finished and not await self.db.checkpoint():
                log.warning("erasure: a reader held the WAL; it is emptied at the next checkpoint")
        except Exception:  # the daily retention job finishes what is left
            log.exception("erasure of outbox row %d failed", row.id)

    async def _release(self, key: tuple[str, str], rows: list[OutboxRow]) -> None:
        """Put claimed rows back, keeping their order; when even that fails, keep the chat busy until it works.

        A chat whose rows stay claimed must send nothing else, or its later rows would overtake them.
        """
        if not rows:
            return
        try:
            async with self.db.transaction() as conn:
                await outbox.unclaim(conn, [r.id for r in rows])
        except Exception as error:
            log.error("could not release %d claimed outbox rows (%s); their chat waits", len(rows), error)
            self._unreleased[key] = rows
            return
        self._unreleased.pop(key, None)

    async def _release_stuck(self) -> None:
        """Try again to release the claims a failed release left behind."""
        for key, rows in list(self._unreleased.items()):
            await self._release(key, rows)
            if key not in self._unreleased:
                self._busy.discard(key)
