"""Storage at scale: 10,000 participants and 100,000 recommendations, then /status and /my through the real bot.

python -m benchmarks.storage_scale [--participants 10000] [--recommendations 100000] [--quick]
The data goes in through the storage layer (the bot's own write path, timed); the reads are people asking
/status, opening a commitment, /my and its next page, as a Poisson stream against `python -m bot run`.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.load import PoissonPacer, Result, Script, crowd, row
from benchmarks.process import TOKEN, BotProcess, full_bot, self_cpu_seconds
from benchmarks.standin import LeanStandIn
from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import catalogue, participants, recommendations
from storage.database import open_database
from storage.models import GOVERNORATES, Sector

FIRST_USER = 20_000_000
GOAL_MS = 50.0
READER: Script = (
    ("cmd", "status", 1),
    ("press", "st:c:", 1),
    ("cmd", "my", 1),
    ("press", "my:p:", 1),
)
TEXT = "نقترح نشر بيانات الموازنة بصيغة مفتوحة كل ربع سنة مع شرح مبسط للمواطنين في كل محافظة، رقم "


async def generate(path: Path, people: int, recs: int) -> tuple[float, float]:
    """Fill a fresh database; return seconds spent on participants and on recommendations."""
    db = await open_database(path)
    try:
        await load_plan(db, DEFAULT_PLAN)
        rng = random.Random(8)
        start = time.perf_counter()
        now = datetime(2026, 11, 1, tzinfo=UTC)
        async with db.transaction() as conn:
            commitments = await catalogue.list_commitments(conn)
            themes = {c.id: [t.id for t in await catalogue.list_themes(conn, c.id)] for c in commitments}
            ids = []
            for i in range(people):
                person = await participants.register(
                    conn,
                    "telegram",
                    str(FIRST_USER + i),
                    name=f"مشارك {i}",
                    organisation="جمعية",
                    sector=rng.choice(list(Sector)),
                    governorate=rng.choice(GOVERNORATES),
                    now=now,
                )
                ids.append(person.id)
        middle = time.perf_counter()
        for start_at in range(0, recs, 10_000):
            async with db.transaction() as conn:
                for n in range(start_at, min(recs, start_at + 10_000)):
                    commitment = rng.choice(commitments)
                    await recommendations.add_recommendation(
                        conn,
                        participant_id=ids[n % len(ids)],
                        commitment_id=commitment.id,
                        theme_id=rng.choice(themes[commitment.id] or [None]),
                        text=f"{TEXT}{n}",
                        channel="telegram",
                        now=now + timedelta(seconds=n),
                    )
        return middle - start, time.perf_counter() - middle
    finally:
        await db.close()


async def readers(path: Path, users: int, rate: float, workdir: Path) -> Result:
    """Run the bot on the big database and let existing participants read at `rate` actions/s."""
    target = full_bot(path)
    async with LeanStandIn(TOKEN) as api:
        bot = await BotProcess.start(target, api.base_url, workdir)
        try:
            async with asyncio.timeout(60):
                await api.polling.wait()
            await crowd(api, [FIRST_USER + i for i in range(5)], echo=False, pacer=None, script=READER)
            cpu, own = bot.cpu, self_cpu_seconds()
            ids = [FIRST_USER + 5 + i for i in range(users)]
            tally = await crowd(api, ids, echo=False, pacer=PoissonPacer(rate), script=READER)
            bot_cpu, own_cpu, peak = bot.cpu - cpu, self_cpu_seconds() - own, bot.peak_mb
        finally:
            api.release()
            await bot.stop()
    return Result(
        target="full bot, big database",
        mode=f"{rate:g}/s offered",
        users=users,
        answered=len(tally.latencies),
        errors=tally.errors,
        seconds=tally.last_answer - tally.first_served,
        bot_cpu=bot_cpu,
        loadgen_cpu=own_cpu,
        peak_mb=peak,
        latencies=tally.latencies,
        by_step=tally.by_step,
    )


def _size_mb(folder: Path, pattern: str) -> float:
    """Return the size of the database with its WAL, in MiB."""
    return sum(p.stat().st_size for p in folder.glob(pattern)) / 2**20


async def run(args: argparse.Namespace) -> None:
    """Generate, report the size, then measure the readers."""
    with tempfile.TemporaryDirectory(prefix="ogp-scale-") as tmp:
        workdir = Path(tmp)
        path = workdir / "scale.sqlite3"
        people_s, recs_s = await generate(path, args.participants, args.recommendations)
        size = _size_mb(workdir, "scale.sqlite3*")
        print(
            f"generated {args.participants:,} participants in {people_s:.1f}s and "
            f"{args.recommendations:,} recommendations in {recs_s:.1f}s "
            f"({args.recommendations / recs_s:,.0f}/s through storage/); database {size:.1f} MiB"
        )
        print(f"the /status board read afresh (after any change to the data): {await board_read_ms(path)}")
        users = max(1, round(args.rate * args.seconds / len(READER)))
        result = await readers(path, users, args.rate, workdir)
        print("/status, a commitment, /my and its next page, by people already registered:")
        print(row(result))
        for step in result.by_step:
            print(f"  {step:<12} p50 {result.percentile(50, step):6.1f} ms  p95 {result.percentile(95, step):6.1f} ms")
        p95 = result.percentile(95, "cmd status")
        print(
            f"goal: /status p95 <= {GOAL_MS:g} ms at {args.rate:g} reads/s on {args.recommendations:,} "
            f"recommendations: {p95:.1f} ms: {'met' if p95 <= GOAL_MS else 'missed'}"
        )


async def board_read_ms(path: Path, times: int = 20) -> str:
    """Time the storage read behind a /status board that is not kept (the first after a change)."""
    db = await open_database(path)
    try:
        spent = []
        for _ in range(times):
            async with db.transaction() as conn:
                start = time.perf_counter()
                await catalogue.status_board(conn)
                spent.append((time.perf_counter() - start) * 1000)
    finally:
        await db.close()
    return f"median {statistics.median(spent):.1f} ms, slowest {max(spent):.1f} ms of {times}"


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line and run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.storage_scale", description=__doc__)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--recommendations", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=100.0, help="offered reads/s")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the read run")
    parser.add_argument("--quick", action="store_true", help="a tenth of the data, 10 s of reads")
    args = parser.parse_args(argv)
    if args.quick:
        args.participants, args.recommendations, args.seconds = 1_000, 10_000, 10.0
    if args.participants < 1:
        sys.exit("--participants must be at least 1")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
