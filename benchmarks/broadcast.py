"""Broadcast to many registered participants through a loopback Bot API stand-in that answers 429 above a limit.

    python -m benchmarks.broadcast [--count 10000] [--limit 30] [--busy 2] [--pacing sender|none]

Reports the achieved rate (goal: at least 95% of the limit), the 429s received (goal: none) and the messages lost
or duplicated (must be none), on a loaded machine: --busy processes spin on the CPU all the while (default 2, one
per core of the benchmark machine). `--pacing none` turns the sender's overall pacing off, to show what the stand-in
does to a bot that does not pace.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import multiprocessing
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path

from bot.channels.telegram import TelegramChannel
from bot.core import Core, open_core
from bot.settings import Settings
from handlers.kit.contract import Reply
from storage import broadcasts
from storage.broadcasts import Audience
from tests.standins.telegram import BotApiStandIn

TOKEN = "123:BENCH"  # noqa: S105 - the stand-in's made-up token
FIRST_USER = 100_000
GOAL_SHARE = 0.95
REGISTER = """
INSERT INTO participants (name, sector, consent_at, created_at, last_seen_at) VALUES (?, 'cso', ?, ?, ?)
RETURNING id
"""
IDENTITY = "INSERT INTO identities (channel, external_id, participant_id) VALUES ('telegram', ?, ?)"


def spin(stop: Event, budget: float) -> None:
    """Keep one core busy until told to stop (or the budget runs out)."""
    deadline = time.monotonic() + budget
    while not stop.is_set() and time.monotonic() < deadline:
        sum(range(10_000))


def serve(pipe: Connection, count: int, limit: int) -> None:
    """Run the stand-in in this (child) process until told to stop; answer with each user's message count."""

    async def main() -> None:
        async with BotApiStandIn(token=TOKEN, bot_username="ogp_bench_bot") as api:
            users = [api.user(FIRST_USER + n, started=True) for n in range(count)]
            api.rate_limit(overall_per_second=limit)
            pipe.send(api.base_url)
            await asyncio.get_running_loop().run_in_executor(None, pipe.recv)
            pipe.send([len(u.chat) for u in users])

    asyncio.run(main())


@dataclass
class Figures:
    """What one run measured."""

    pacing: str
    busy_processes: int
    recipients: int
    limit_per_second: int
    queue_seconds: float
    send_seconds: float
    achieved_per_second: float
    share_of_limit: float
    http_429_received: int
    lost: int
    duplicated: int
    failed_rows: int


async def register(core: Core, count: int) -> None:
    """Register count participants with Telegram identities (directly: registration is not what is measured)."""
    stamp = core.clock.now().isoformat()
    async with core.db.transaction() as conn:
        for n in range(count):
            async with conn.execute(REGISTER, (f"p{n}", stamp, stamp, stamp)) as cursor:
                row = await cursor.fetchone()
            assert row is not None
            await conn.execute(IDENTITY, (str(FIRST_USER + n), row[0]))


async def wait_until_done(core: Core, count: int, budget: float) -> None:
    """Wait until every broadcast row is final (sent, failed or unreachable)."""
    deadline = time.monotonic() + budget
    while time.monotonic() < deadline:
        tally = await _tally(core)
        if tally.waiting == 0 and tally.sent + tally.failed + tally.unreachable >= count:
            return
        await asyncio.sleep(0.5)
    raise TimeoutError("broadcast did not finish in time")


async def _tally(core: Core) -> broadcasts.Tally:
    async with core.db.transaction() as conn:
        return await broadcasts.tally(conn, "bench")


async def send_window(core: Core) -> float:
    """Return seconds between the first and the last message marked sent."""
    async with (
        core.db.transaction() as conn,
        conn.execute(
            "SELECT MIN(sent_at), MAX(sent_at) FROM outbox WHERE batch = 'bench' AND status = 'sent'"
        ) as cursor,
    ):
        row = await cursor.fetchone()
    assert row is not None and row[0] is not None
    return (datetime.fromisoformat(row[1]) - datetime.fromisoformat(row[0])).total_seconds()


async def run(count: int, limit: int, pacing: str, busy: int) -> Figures:
    """Run one broadcast and measure it."""
    spawn = multiprocessing.get_context("spawn")
    stop = spawn.Event()
    spinners = [spawn.Process(target=spin, args=(stop, count / limit * 3 + 120)) for _ in range(busy)]
    for spinner in spinners:
        spinner.start()
    try:
        return await _run(count, limit, pacing, busy)
    finally:
        stop.set()
        for spinner in spinners:
            spinner.join(timeout=10)


async def _run(count: int, limit: int, pacing: str, busy: int) -> Figures:
    with tempfile.TemporaryDirectory() as folder:
        overall = limit * 29 / 30 if pacing == "sender" else 1e9  # the default 29/s of 30; 1e9: no spacing
        settings = Settings(_env_file=None, database=Path(folder) / "bench.sqlite3", telegram_overall_rate=overall)
        core = await open_core(settings)
        # The stand-in runs in its own process: in the bot's event loop its clock would share the bot's stalls.
        ours, theirs = multiprocessing.Pipe()
        server = multiprocessing.get_context("spawn").Process(target=serve, args=(theirs, count, limit))
        server.start()
        try:
            base_url = await asyncio.to_thread(ours.recv)
            await register(core, count)
            channel = TelegramChannel(core, TOKEN, base_url, poll_timeout=1)
            await channel.start()
            try:
                started = time.monotonic()
                async with core.db.transaction() as conn:
                    payload = Reply(text="📢 رسالة تجريبية إلى جميع المشاركين").to_payload()
                    now = core.clock.now()
                    queued = await broadcasts.queue_broadcast(
                        conn, "bench", Audience.ALL, None, {"ar": payload}, now=now, not_before=now
                    )
                queue_seconds = time.monotonic() - started
                assert queued == count, queued
                await core.sender.start()
                await wait_until_done(core, count, budget=count / limit * 3 + 60)
                window = await send_window(core)
                tally = await _tally(core)
            finally:
                await channel.stop()
                await core.close()
            ours.send("stop")
            received: list[int] = await asyncio.to_thread(ours.recv)
        finally:
            server.join(timeout=10)
            if server.is_alive():
                server.terminate()
        achieved = (tally.sent - 1) / window if window else 0.0
        return Figures(
            pacing=pacing,
            busy_processes=busy,
            recipients=count,
            limit_per_second=limit,
            queue_seconds=round(queue_seconds, 3),
            send_seconds=round(window, 1),
            achieved_per_second=round(achieved, 2),
            share_of_limit=round(achieved / limit, 3),
            http_429_received=core.sender.stats.flood_waits,
            lost=sum(1 for n in received if n == 0),
            duplicated=sum(n - 1 for n in received if n > 1),
            failed_rows=tally.failed + tally.unreachable,
        )


def main() -> None:
    """Parse arguments, run, print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.broadcast")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--limit", type=int, default=30, help="the stand-in's overall messages per second")
    parser.add_argument("--pacing", choices=("sender", "none"), default="sender")
    parser.add_argument("--busy", type=int, default=2, help="processes keeping the CPU busy meanwhile")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    figures = asyncio.run(run(args.count, args.limit, args.pacing, args.busy))
    print(json.dumps(asdict(figures), ensure_ascii=False, indent=2))
    met = figures.share_of_limit >= GOAL_SHARE and figures.http_429_received == 0
    met = met and figures.lost == 0 and figures.duplicated == 0
    print(
        f"goal: broadcast to {figures.recipients:,} at >= {GOAL_SHARE:g} of {figures.limit_per_second} messages/s "
        f"with 0 x 429, 0 lost, 0 duplicated, {figures.busy_processes} busy processes: {figures.share_of_limit:.3f} "
        f"of the limit, {figures.http_429_received} x 429, {figures.lost} lost, {figures.duplicated} duplicated: "
        f"{'met' if met else 'missed'}"
    )


if __name__ == "__main__":
    main()
