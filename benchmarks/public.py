"""The public site at scale: requests/s for / and a commitment page against a bare aiohttp handler, and p95 under chat.

python -m benchmarks.public [--participants 10000] [--recommendations 100000] [--requests 3000] [--pages 500] [--quick]
The site is served by the real bot (`python -m bot run`, its own web server) on a database filled by
benchmarks.sample_data; the bare handler returns fixed bytes of the front page's size from its own process.
Recommendation pages: --pages distinct published recommendations fetched one after another, each built afresh.
Throughput: --concurrency clients fetch one path as fast as it answers (the cached case: nothing is written).
Under chat: the load benchmark's people register and recommend at --rate updates/s while readers fetch / and a
commitment page as a Poisson stream of --page-rate requests/s; every recommendation invalidates the cache.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from aiohttp import web

from benchmarks.load import PoissonPacer, crowd
from benchmarks.process import TOKEN, BotProcess, full_bot
from benchmarks.sample_data import populate
from benchmarks.standin import LeanStandIn
from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage.database import open_database

PAGES = ("", "commitments/1/")


def free_port() -> int:
    """Return a port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def generate(path: Path, people: int, recs: int) -> float:
    """Fill a fresh database with the plan, people and recommendations; return the seconds it took."""
    start = time.perf_counter()
    db = await open_database(path)
    try:
        await load_plan(db, DEFAULT_PLAN)
        async with db.transaction() as conn:
            await populate(conn, participants=people, recommendations=recs, now=datetime(2026, 11, 1, tzinfo=UTC))
    finally:
        await db.close()
    return time.perf_counter() - start


def serve_bare(port: int, size: int) -> None:
    """Serve fixed bytes at / (the floor a page can be compared with)."""
    body = b"x" * size

    async def bare(_: web.Request) -> web.Response:
        return web.Response(body=body, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.router.add_get("/", bare)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


async def wait_listening(url: str, timeout: float = 60.0) -> None:  # noqa: ASYNC109 - a plain deadline
    """Wait until the URL answers."""
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(url) as response:
                    await response.read()
                    return
            except aiohttp.ClientError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)


async def throughput(url: str, requests: int, concurrency: int) -> tuple[float, int]:
    """Fetch a URL `requests` times from `concurrency` clients; return requests/s and bytes per answer."""
    remaining = requests
    size = 0
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def client() -> None:
            nonlocal remaining, size
            while remaining > 0:
                remaining -= 1
                async with session.get(url) as response:
                    size = len(await response.read())
                    assert response.status == 200, (url, response.status)

        await client_once(session, url)  # built and cached before the clock starts
        start = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        return requests / (time.perf_counter() - start), size


async def client_once(session: aiohttp.ClientSession, url: str) -> float:
    """Fetch once; return the seconds it took."""
    start = time.perf_counter()
    async with session.get(url) as response:
        await response.read()
    return time.perf_counter() - start


async def readers(base: str, rate: float, stop: asyncio.Event) -> dict[str, list[float]]:
    """Fetch the pages as a Poisson stream until stopped; return latencies per page."""
    pacer = PoissonPacer(rate, seed=3)
    latencies: dict[str, list[float]] = {p: [] for p in PAGES}
    pending: set[asyncio.Task[None]] = set()
    async with aiohttp.ClientSession() as session:

        async def one(path: str) -> None:
            latencies[path].append(await client_once(session, f"{base}/{path}"))

        n = 0
        while not stop.is_set():
            await pacer.slot()
            task = asyncio.create_task(one(PAGES[n % len(PAGES)]))
            pending.add(task)
            task.add_done_callback(pending.discard)
            n += 1
        await asyncio.gather(*pending)
    return latencies


def p(values: list[float], q: int) -> float:
    """Return the q-th percentile in milliseconds."""
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else float("nan")


async def run(args: argparse.Namespace) -> None:
    """Generate, serve, measure, print."""
    with tempfile.TemporaryDirectory(prefix="ogp-bench-public-") as tmp:
        workdir = Path(tmp)
        database = workdir / "public.sqlite3"
        took = await generate(database, args.participants, args.recommendations)
        print(f"database: {args.participants} participants, {args.recommendations} recommendations ({took:.1f} s)")
        port = free_port()
        async with LeanStandIn(TOKEN) as api:
            bot = await BotProcess.start(full_bot(database, webhook_port=str(port)), api.base_url, workdir)
            try:
                base = f"http://127.0.0.1:{port}"
                await wait_listening(f"{base}/healthz")
                async with asyncio.timeout(60):
                    await api.polling.wait()
                await measure_pages(base, args)
                await recommendation_pages(base, database, args.pages)
                await under_chat(api, base, args)
            finally:
                api.release()
                await bot.stop()


async def measure_pages(base: str, args: argparse.Namespace) -> None:
    """Print cold build times, then requests/s of the cached pages against the bare handler."""
    async with aiohttp.ClientSession() as session:
        for path in (*PAGES, "open-data/recommendations.json"):
            print(f"first build of /{path}: {await client_once(session, f'{base}/{path}') * 1000:.0f} ms")
    home_size = (await throughput(f"{base}/", 10, 1))[1]
    bare_port = free_port()
    bare = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "benchmarks.public", "--bare", str(bare_port), "--size", str(home_size)
    )
    try:
        await wait_listening(f"http://127.0.0.1:{bare_port}/")
        print(f"\n{'path':<22} {'req/s':>8} {'bytes':>8} {'ratio to bare':>14}")
        for round_ in range(args.repeat):
            floor, size = await throughput(f"http://127.0.0.1:{bare_port}/", args.requests, args.concurrency)
            print(f"{'bare aiohttp':<22} {floor:>8.0f} {size:>8} {'1.00':>14}   (run {round_ + 1})")
            for path in PAGES:
                rate, size = await throughput(f"{base}/{path}", args.requests, args.concurrency)
                print(f"{'/' + path:<22} {rate:>8.0f} {size:>8} {rate / floor:>14.2f}")
    finally:
        bare.terminate()
        await bare.wait()


async def recommendation_pages(base: str, database: Path, count: int) -> None:
    """Print the p95 of distinct recommendation pages, each built for its request (none is cached yet)."""
    import random

    from storage import public
    from storage.database import open_reader
    from storage.publishing import PublishMode

    conn = await open_reader(database)
    try:
        ids = await public.published_ids(conn, PublishMode.APPROVED)
    finally:
        await conn.close()
    chosen = random.Random(7).sample(ids, min(count, len(ids)))
    async with aiohttp.ClientSession() as session:
        took = [await client_once(session, f"{base}/recommendations/{n}/") for n in chosen]
    print(
        f"\n{len(chosen)} distinct recommendation pages of {len(ids)} published (each built for its request):"
        f" p50 {p(took, 50):.1f} ms, p95 {p(took, 95):.1f} ms (goal p95 <= 20 ms)"
    )


async def under_chat(api: LeanStandIn, base: str, args: argparse.Namespace) -> None:
    """Print the pages' latency while the chat load writes (and so invalidates the cache) all along."""
    stop = asyncio.Event()
    reading = asyncio.create_task(readers(base, args.page_rate, stop))
    tally = await crowd(api, range(50_000, 50_000 + args.users), echo=False, pacer=PoissonPacer(args.rate))
    stop.set()
    latencies = await reading
    chat = tally.latencies
    print(
        f"\nunder chat load ({args.rate:g} updates/s offered, {len(chat)} answered, p95 {p(chat, 95):.0f} ms),"
        f" pages at {args.page_rate:g}/s:"
    )
    for path, values in latencies.items():
        print(f"  /{path:<21} n={len(values):<5} p50 {p(values, 50):6.1f} ms   p95 {p(values, 95):6.1f} ms")


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.public", description=__doc__)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--recommendations", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=3000, help="requests per path and run")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--users", type=int, default=200, help="chat users during the latency run")
    parser.add_argument("--rate", type=float, default=50.0, help="chat updates/s offered meanwhile")
    parser.add_argument("--page-rate", type=float, default=20.0, help="page requests/s meanwhile")
    parser.add_argument("--pages", type=int, default=500, help="distinct recommendation pages fetched")
    parser.add_argument("--quick", action="store_true", help="10,000 recommendations, fewer requests")
    parser.add_argument("--bare", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=10_000, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.participants, args.recommendations = min(args.participants, 1000), min(args.recommendations, 10_000)
        args.requests, args.repeat, args.users = min(args.requests, 1000), 1, min(args.users, 50)
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark (or, with --bare, serve the bare handler)."""
    args = parse(argv)
    if args.bare:
        serve_bare(args.bare, args.size)
        return
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
