"""Drains the outbox: paces per chat, retries what is transient, gives up on what is not."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiosqlite

from bot.clock import Clock
from bot.transport import Delivery, Outcome, Transport, serves
from handlers.contract import Reply
from storage import outbox, participants, privacy
from storage.database import Database
from storage.models import OutboxRow
from storage.timefmt import to_db

log = logging.getLogger(__name__)

BATCH = 200
PER_CHAT = 10  # rows of one chat per round: a flooded chat gets its turn without holding up anyone else's
IDLE_WAKE_SECONDS = 5.0
FLOOD_WAITS = 5  # 429 answers waited out in place before the row goes back to the queue with its retry_after


class ChatPacer:
    """Token buckets per chat, on the event loop's monotonic time."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}

    def wait_time(self, key: tuple[str, str], per_second: float, burst: int) -> float:
        """Return how long until the chat may receive one more message (0 = now)."""
        tokens, _ = self._refill(key, per_second, burst)
        return 0.0 if tokens >= 1 else (1 - tokens) / per_second

    def take(self, key: tuple[str, str], per_second: float, burst: int) -> None:
        """Spend one token of the chat's bucket."""
        tokens, stamp = self._refill(key, per_second, burst)
        self._buckets[key] = (tokens - 1, stamp)

    def _refill(self, key: tuple[str, str], per_second: float, burst: int) -> tuple[float, float]:
        now = asyncio.get_running_loop().time()
        tokens, stamp = self._buckets.get(key, (float(burst), now))
        return min(float(burst), tokens + (now - stamp) * per_second), now


class RatePacer:
    """Lets a channel's sends go one at a time on an even 1/rate timeline; a flood-control answer holds them all.

    Sleeping overshoots a little, so turns follow the ideal timeline rather than the moment the previous send woke;
    a turn missed while the event loop was busy is not made up, so a stall never releases a burst.
    """

    def __init__(self, per_second: float | None) -> None:
        self.interval = 1.0 / per_second if per_second else 0.0
        self._slot = -math.inf
        self._held_until = -math.inf
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait for this send's turn."""
        loop = asyncio.get_running_loop()
        async with self._lock:
            turn = max(self._slot + self.interval, loop.time())  # late: start again from now, make nothing up
            while True:
                target = max(turn, self._held_until)
                now = loop.time()
                if now >= target:
                    break
                await asyncio.sleep(target - now)  # pacing is real time by nature
            self._slot = target

    def hold(self, seconds: float) -> None:
        """Send nothing on this channel for a while (Telegram's retry_after applies to the whole bot)."""
        self._held_until = max(self._held_until, asyncio.get_running_loop().time() + seconds)


class SentLog:
    """Marks delivered rows as sent, many at a time: group commit.

    Each delivery still waits until its own row is committed as sent before its chat goes on (so a crash can only
    repeat a message, never lose or reorder one); deliveries that finish while a commit is under way share the next.
    """

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._waiting: list[tuple[int, str | None, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def mark(self, row_id: int, channel_msg_id: str | None) -> None:
        """Return once the row is stored as sent."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((row_id, channel_msg_id, done))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write(), name="outbox-sent-log")
        await done

    async def _write(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                try:
                    async with self.db.transaction() as conn:
                        await outbox.mark_sent_many(conn, [(i, msg) for i, msg, _ in batch], self.clock.now())
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
    ) -> None:
        self.db = db
        self.clock = clock
        self.transports: dict[str, Transport] = {}
        self.concurrency = concurrency
        self.max_attempts = max_attempts
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self.stats = SenderStats()
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._busy: set[tuple[str, str]] = set()
        self._unreleased: dict[tuple[str, str], list[OutboxRow]] = {}  # claims a failed release left behind
        self._inflight: dict[str, int] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._pacer = ChatPacer()
        self._sent_log = SentLog(db, clock)
        self._overall: dict[str, RatePacer] = {}
        self._runner: asyncio.Task[None] | None = None
        self._stopping = False
        for transport in transports.values():
            self.add_transport(transport)

    def add_transport(self, transport: Transport) -> None:
        """Register a channel's transport."""
        self.transports[transport.channel] = transport
        self._overall[transport.channel] = RatePacer(transport.pacing.overall_per_second)

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
                    pause = self._pacer.wait_time(key, transport.pacing.per_second, transport.pacing.burst)
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
        rows = replies + [r for r in others if r.id not in seen]
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

    async def _seconds_to_next_due(self, conn: aiosqlite.Connection, now: datetime) -> float:
        earliest = await outbox.next_due_time(conn)
        if earliest is None or earliest <= to_db(now):
            return IDLE_WAKE_SECONDS
        delta = (datetime.fromisoformat(earliest) - now).total_seconds()
        return max(0.01, min(IDLE_WAKE_SECONDS, delta))

    async def _send_group(self, key: tuple[str, str], rows: list[OutboxRow]) -> None:
        """Send one chat's rows in order; stop at the first that cannot go now."""
        transport = self.transports[key[0]]
        try:
            for done, row in enumerate(rows):
                pause = self._pacer.wait_time(key, transport.pacing.per_second, transport.pacing.burst)
                if pause > 0:
                    await asyncio.sleep(pause)  # pacing a chat is real time by nature
                self._pacer.take(key, transport.pacing.per_second, transport.pacing.burst)
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
            async with self._slots:
                delivery = await self._deliver(transport, row)
            if delivery.outcome is not Outcome.RETRY or delivery.retry_after is None:
                return delivery
            self.stats.flood_waits += 1
            log.warning("%s flood control: holding every send for %.1fs", row.channel, delivery.retry_after)
            overall.hold(delivery.retry_after)
        return delivery

    async def _deliver(self, transport: Transport, row: OutboxRow) -> Delivery:
        try:
            reply = Reply.from_payload(row.payload, row.document)
            return await transport.deliver(row, reply)
        except Exception as error:  # a transport must not take the sender down with it
            log.exception("transport %s raised on outbox row %d", row.channel, row.id)
            return Delivery(Outcome.RETRY, error=type(error).__name__)

    async def _record(self, row: OutboxRow, delivery: Delivery) -> bool:
        """Store the attempt's result; return True when the chat's next row may go now."""
        if delivery.outcome is Outcome.SENT:
            await self._sent_log.mark(row.id, delivery.channel_msg_id)
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
