"""WhatsApp throughput: the whole bot beside a bare aiohttp webhook echo, in one run, measured from outside.

python -m benchmarks.whatsapp_load [--people 1500] [--in-flight 20] [--repeat 1] [--profile FILE] [--quick]
Each person's message comes in its own signed webhook post, in-flight posts at a time; the replies go to a lean
Graph API stand-in. Two workloads: a first message from a new number (the welcome and the name question) and
/status from a registered number. Pacing is lifted with OGP_WHATSAPP_RATE and OGP_WHATSAPP_PER_USER_RATE.
Messages/s run from the first post to the last expected reply; CPU is the process's (every thread) over the same
stretch; peak memory is its VmHWM at the end. --profile FILE runs the bot's /status under cProfile (the event loop's
thread only, slowed by the profiler: for where the time goes, not for the figures) and prints the top of it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiohttp

from benchmarks.graph_standin import LeanGraph
from benchmarks.process import ROOT, cpu_seconds, peak_rss_mb
from benchmarks.webhook_flood import free_port
from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import participants
from storage.database import open_database
from storage.models import GOVERNORATES, Sector

SECRET = "bench-app-secret"  # noqa: S105 - a stand-in on 127.0.0.1
TOKEN = "bench-graph-token"  # noqa: S105 - a stand-in on 127.0.0.1
PHONE_ID = "100200300"
NEW, KNOWN = 962_700_000_000, 962_790_000_000
WORKLOADS = ("first contact", "/status")
WARM_UP = 5
SETTLE = 0.3  # seconds of quiet after a warm-up: how many messages one answer is
ANSWER_TIMEOUT = 300.0
GOALS_MS = {"first contact": 3.0, "/status": 1.5}
GOAL_RATIO = 0.3


@dataclass
class Figure:
    """One workload on one target."""

    target: str
    workload: str
    messages: int
    seconds: float
    cpu: float
    peak_mb: float
    missing: int

    @property
    def per_second(self) -> float:
        """Messages answered per second."""
        return self.messages / self.seconds if self.seconds > 0 else 0.0

    @property
    def cpu_ms(self) -> float:
        """CPU milliseconds per message (every thread of the process)."""
        return self.cpu / self.messages * 1000 if self.messages else float("nan")


def post_body(number: int, text: str, sequence: int) -> bytes:
    """Return one signed-to-be webhook body: one text message from one person."""
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "96265000000", "phone_number_id": PHONE_ID},
        "contacts": [{"wa_id": str(number), "profile": {"name": "سلمى"}}],
        "messages": [
            {
                "from": str(number),
                "id": f"wamid.BENCH{number}.{sequence}",
                "timestamp": str(int(time.time())),
                "type": "text",
                "text": {"body": text},
            }
        ],
    }
    change = {"field": "messages", "value": value}
    payload = {"object": "whatsapp_business_account", "entry": [{"id": "W", "changes": [change]}]}
    return json.dumps(payload, ensure_ascii=False).encode()


class Poster:
    """Posts signed webhooks to one target, a fixed number in flight."""

    def __init__(self, url: str, in_flight: int) -> None:
        self.url = url
        self.in_flight = in_flight
        self.refused = 0
        self._sequence = 0

    async def post_all(self, http: aiohttp.ClientSession, messages: list[tuple[int, str]]) -> None:
        """Post every (number, text) in order, in_flight at a time."""
        queue = iter(messages)

        async def worker() -> None:
            for number, text in queue:
                self._sequence += 1
                body = post_body(number, text, self._sequence)
                signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
                headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature}
                async with http.post(self.url, data=body, headers=headers) as response:
                    await response.read()
                    self.refused += response.status != 200

        await asyncio.gather(*(worker() for _ in range(self.in_flight)))


def environment(workdir: Path, graph: LeanGraph, port: int) -> dict[str, str]:
    """The environment both targets run in (the bot reads OGP_*, the echo its arguments)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OGP_")}
    env.update(
        PYTHONPATH=str(ROOT),
        OGP_DATABASE=str(workdir / "bench.sqlite3"),
        OGP_WHATSAPP_TOKEN=TOKEN,
        OGP_WHATSAPP_PHONE_NUMBER_ID=PHONE_ID,
        OGP_WHATSAPP_APP_SECRET=SECRET,
        OGP_WHATSAPP_VERIFY_TOKEN="bench-verify",  # noqa: S106 - a stand-in on 127.0.0.1
        OGP_WHATSAPP_API_URL=graph.base_url,
        OGP_WHATSAPP_RATE="1000000",
        OGP_WHATSAPP_PER_USER_RATE="1000000",
        OGP_WHATSAPP_PER_USER_BURST="1000",
        OGP_WEBHOOK_HOST="127.0.0.1",
        OGP_WEBHOOK_PORT=str(port),
        OGP_LOG_LEVEL="WARNING",
    )
    return env


def argv_of(target: str, graph: LeanGraph, port: int, profile: Path | None = None) -> list[str]:
    """Return the command line that starts a target (the bot under cProfile when profile names a file)."""
    if target == "bot":
        profiler = ["-m", "cProfile", "-o", str(profile)] if profile is not None else []
        return [sys.executable, *profiler, "-m", "bot", "run"]
    return [
        *(sys.executable, "-m", "benchmarks.whatsapp_echo", "--port", str(port), "--secret", SECRET),
        *("--api-url", graph.base_url, "--phone-id", PHONE_ID, "--token", TOKEN),
    ]


async def started(argv: list[str], env: dict[str, str], workdir: Path, port: int) -> asyncio.subprocess.Process:
    """Start a target and wait until its web server answers."""
    with (workdir / "target.log").open("ab") as log:
        proc = await asyncio.create_subprocess_exec(*argv, env=env, cwd=workdir, stdout=log, stderr=log)
    async with aiohttp.ClientSession() as http, asyncio.timeout(60):
        while True:  # a child process starting: a short poll of its socket
            if proc.returncode is not None:
                raise RuntimeError(f"{argv} exited; see {workdir / 'target.log'}")
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return proc
            await asyncio.sleep(0.05)


async def stop(proc: asyncio.subprocess.Process) -> None:
    """SIGTERM, then SIGKILL if it does not stop within 15 s."""
    if proc.returncode is None:
        proc.terminate()
        try:
            async with asyncio.timeout(15):
                await proc.wait()
        except TimeoutError:
            proc.kill()
            await proc.wait()


async def seed(database: Path, people: int) -> None:
    """Register people on WhatsApp beforehand: the /status workload's known numbers."""
    db = await open_database(database)
    try:
        await load_plan(db, DEFAULT_PLAN)
        now = datetime.now(UTC)
        async with db.transaction() as conn:
            for i in range(people):
                await participants.register(
                    conn,
                    "whatsapp",
                    str(KNOWN + i),
                    name=f"مشارك {i}",
                    organisation="جمعية",
                    sector=list(Sector)[i % len(Sector)],
                    governorate=GOVERNORATES[i % len(GOVERNORATES)],
                    now=now,
                )
    finally:
        await db.close()


def numbers(workload: str, people: int, run: int) -> list[int]:
    """Different people for each workload and run (the warm-up's come first)."""
    base = NEW if workload == "first contact" else KNOWN
    start = WARM_UP + run * people
    return [base + start + i for i in range(people)]


def text_of(workload: str) -> str:
    """What people write in a workload."""
    return "السلام عليكم" if workload == "first contact" else "/status"


async def warm_up(graph: LeanGraph, poster: Poster, http: aiohttp.ClientSession, workload: str) -> int:
    """Send the workload from a few people; return how many messages answer one (for the echo: 1)."""
    base = NEW if workload == "first contact" else KNOWN
    people = [base + i for i in range(WARM_UP)]
    await poster.post_all(http, [(n, text_of(workload)) for n in people])
    await asyncio.wait([graph.expect(str(n), 1) for n in people], timeout=30)
    await graph.quiet(SETTLE)
    return min(graph.received.get(str(n), 0) for n in people)


async def measure(
    target: str, workload: str, people: list[int], in_flight: int, workdir: Path, profile: Path | None = None
) -> Figure:
    """Start a target fresh, warm it up, push the workload, and return its figures."""
    port = free_port()
    async with LeanGraph() as graph, aiohttp.ClientSession() as http:
        argv = argv_of(target, graph, port, profile)
        proc = await started(argv, environment(workdir, graph, port), workdir, port)
        try:
            poster = Poster(f"http://127.0.0.1:{port}/whatsapp/webhook", in_flight)
            each = await warm_up(graph, poster, http, workload)
            waits = [graph.expect(str(n), each) for n in people]
            cpu, began = cpu_seconds(proc.pid), time.perf_counter()
            await poster.post_all(http, [(n, text_of(workload)) for n in people])
            done, pending = await asyncio.wait(waits, timeout=ANSWER_TIMEOUT)
            last = max((f.result() for f in done), default=began)
            for future in pending:
                future.cancel()
            await asyncio.sleep(0.2)  # what the target does after the last reply (marking it sent) counts too
            return Figure(
                target=target,
                workload=workload,
                messages=len(done),
                seconds=last - began,
                cpu=cpu_seconds(proc.pid) - cpu,
                peak_mb=peak_rss_mb(proc.pid),
                missing=len(pending) + poster.refused,
            )
        finally:
            await stop(proc)


HEADER = f"{'target':<6} {'workload':<14} {'people':>6} {'msg/s':>7} {'CPU ms/msg':>10} {'peak MiB':>8} {'missing':>7}"


def line(figure: Figure) -> str:
    """Format one figure as a table row."""
    return (
        f"{figure.target:<6} {figure.workload:<14} {figure.messages:>6} {figure.per_second:>7.0f} "
        f"{figure.cpu_ms:>10.2f} {figure.peak_mb:>8.0f} {figure.missing:>7}"
    )


def goals(figures: list[Figure]) -> list[str]:
    """Return the goal lines: medians over runs, the bot against the echo of the same runs."""
    lines = []
    for workload in WORKLOADS:
        bot = [f for f in figures if f.target == "bot" and f.workload == workload]
        echo = [f for f in figures if f.target == "echo" and f.workload == workload]
        if not bot or not echo:
            continue
        cpu = statistics.median(f.cpu_ms for f in bot)
        ratio = statistics.median(f.per_second for f in bot) / statistics.median(f.per_second for f in echo)
        lines.append(f"goal: WhatsApp {workload} CPU {cpu:.2f} ms per message (goal ≤ {GOALS_MS[workload]} ms)")
        lines.append(f"goal: WhatsApp {workload} throughput {ratio:.2f}× the bare webhook echo (goal ≥ {GOAL_RATIO}×)")
    return lines


async def run(args: argparse.Namespace) -> None:
    """Seed the known numbers, then measure the echo and the bot in turn for each workload and run."""
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="ogp-wa-load-") as tmp:
        workdir = Path(tmp)
        master = workdir / "master.sqlite3"
        await seed(master, WARM_UP + args.repeat * args.people)
        print(HEADER, flush=True)
        for run_number in range(args.repeat):
            for workload in WORKLOADS:
                people = numbers(workload, args.people, run_number)
                for target in ("echo", "bot"):
                    (workdir / "bench.sqlite3").write_bytes(master.read_bytes())
                    for suffix in ("-wal", "-shm"):
                        (workdir / f"bench.sqlite3{suffix}").unlink(missing_ok=True)
                    profiled = args.profile if target == "bot" and workload == "/status" else None
                    figure = await measure(target, workload, people, args.in_flight, workdir, profiled)
                    print(line(figure), flush=True)
                    figures.append(figure)
    print()
    for text in goals(figures):
        print(text, flush=True)
    if args.profile is not None:
        print_profile(args.profile)


def print_profile(path: Path) -> None:
    """Print the functions that took the most time of their own, then the most time with what they called."""
    stats = pstats.Stats(str(path))
    stats.sort_stats(pstats.SortKey.TIME).print_stats(30)
    stats.sort_stats(pstats.SortKey.CUMULATIVE).print_stats(60)


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.whatsapp_load", description=__doc__)
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--in-flight", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", type=Path, metavar="FILE", help="run the bot's /status under cProfile into FILE")
    parser.add_argument("--quick", action="store_true", help="300 people")
    args = parser.parse_args(argv)
    if args.profile is not None:
        args.profile = args.profile.resolve()
    if args.quick:
        args.people = min(args.people, 300)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
