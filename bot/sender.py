"""Drains the outbox: paces per chat, retries what is transient, gives up on what is not."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from datetime import datetime, timedelta

import aiosqlite

from bot.clock import Clock
from bot.transport import Delivery, Outcome, Transport
from handlers.contract import Reply
from storage import outbox, participants
from storage.database import Database
from storage.models import OutboxRow
from storage.timefmt import to_db

log = logging.getLogger(__name__)

BATCH = 200
IDLE_WAKE_SECONDS = 5.0


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


class Sender:
    """Sends outbox rows through their channel's transport, in order per chat."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        transports: Mapping[str, Transport],
        *,
        concurrency: int = 64,
        max_attempts: int = 8,
        max_backoff: float = 300.0,
    ) -> None:
        self.db = db
        self.clock = clock
        self.transports = dict(transports)
        self.max_attempts = max_attempts
        self.max_backoff = max_backoff
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._busy: set[tuple[str, str]] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._pacer = ChatPacer()
        self._runner: asyncio.Task[None] | None = None
        self._stopping = False

    def add_transport(self, transport: Transport) -> None:
        """Register a channel's transport."""
        self.transports[transport.channel] = transport

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

    async def _pump(self) -> tuple[int, float]:
        """Claim due rows of idle chats and start sending them; return (started, seconds to wait)."""
        now = self.clock.now()
        groups: dict[tuple[str, str], list[OutboxRow]] = {}
        wait = IDLE_WAKE_SECONDS
        async with self.db.transaction() as conn:
            rows = await outbox.due(conn, now, BATCH)
            for row in rows:
                key = (row.channel, row.recipient)
                transport = self.transports.get(row.channel)
                if transport is None or key in self._busy:
                    continue
                if key not in groups:
                    pause = self._pacer.wait_time(key, transport.pacing.per_second, transport.pacing.burst)
                    if pause > 0:
                        wait = min(wait, pause)
                        continue
                groups.setdefault(key, []).append(row)
            await outbox.claim(conn, [r.id for g in groups.values() for r in g])
            wait = min(wait, await self._seconds_to_next_due(conn, now))
        for key, group in groups.items():
            self._busy.add(key)
            task = asyncio.create_task(self._send_group(key, group))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return len(groups), wait

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
            for index, row in enumerate(rows):
                pause = self._pacer.wait_time(key, transport.pacing.per_second, transport.pacing.burst)
                if pause > 0:
                    await asyncio.sleep(pause)  # pacing a chat is real time by nature
                self._pacer.take(key, transport.pacing.per_second, transport.pacing.burst)
                async with self._slots:
                    delivery = await self._deliver(transport, row)
                if not await self._record(row, delivery):
                    await self._release(rows[index + 1 :])
                    break
        finally:
            self._busy.discard(key)
            self.wake()

    async def _deliver(self, transport: Transport, row: OutboxRow) -> Delivery:
        try:
            reply = Reply.from_payload(row.payload, row.document)
            return await transport.deliver(row, reply)
        except Exception as error:  # a transport must not take the sender down with it
            log.exception("transport %s raised on outbox row %d", row.channel, row.id)
            return Delivery(Outcome.RETRY, error=type(error).__name__)

    async def _record(self, row: OutboxRow, delivery: Delivery) -> bool:
        """Store the attempt's result; return True when the chat's next row may go now."""
        now = self.clock.now()
        async with self.db.transaction() as conn:
            if delivery.outcome is Outcome.SENT:
                await outbox.mark_sent(conn, row.id, delivery.channel_msg_id, now)
                return True
            if delivery.outcome is Outcome.RETRY and row.attempts + 1 < self.max_attempts:
                delay = delivery.retry_after or min(self.max_backoff, 2.0**row.attempts)
                await outbox.mark_retry(conn, row.id, now + timedelta(seconds=delay), delivery.error)
                log.warning("outbox row %d: retry in %.1fs (%s)", row.id, delay, delivery.error)
                return False
            if delivery.outcome is Outcome.UNREACHABLE:
                await outbox.mark_final(conn, row.id, "unreachable", delivery.error)
                await outbox.give_up_recipient(conn, row.channel, row.recipient, delivery.error)
                if row.participant_id is not None:
                    await participants.mark_unreachable(conn, row.participant_id, now)
                return False
            status = "held" if delivery.outcome is Outcome.HELD else "failed"
            await outbox.mark_final(conn, row.id, status, delivery.error)
            log.error("outbox row %d %s: %s", row.id, status, delivery.error)
            return True

    async def _release(self, rows: list[OutboxRow]) -> None:
        """Put claimed rows back, keeping their order behind one that must wait."""
        if not rows:
            return
        async with self.db.transaction() as conn:
            await outbox.unclaim(conn, [r.id for r in rows])
