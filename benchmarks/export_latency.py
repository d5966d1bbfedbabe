"""Chat latency while a coordinator exports: reply p95 at a steady offered load, idle and during an XLSX export.

python -m benchmarks.export_latency [--participants 10000] [--recommendations 100000] [--rate 20] [--seconds 20]
The real bot (`python -m bot run`) serves a database of --recommendations against the lean stand-in. Newcomers
register, recommend and look around (benchmarks/load.py's script) as a Poisson stream of --rate updates/s: first for
--seconds with nothing else going on, then while a coordinator asks for /export → XLSX → everything; the second
p95 counts only the updates sent between the coordinator's last press and the document's arrival.
Goal (issue 19): the p95 during the export within 2x of the idle p95.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.exports import build
from benchmarks.load import SCRIPT, WARM_UP_USERS, _choose, crowd
from benchmarks.process import TOKEN, BotProcess, full_bot
from benchmarks.standin import Chat, LeanStandIn

COORDINATOR = 777_000_001
FIRST_USER = 30_000_000
GOAL_RATIO = 2.0
THINK_SECONDS = 3.0  # between one person's actions, on average: a person, not a script hammering one chat
ANSWER_LIMIT = 120.0  # a reply later than this counts as lost (the whole export, before the fix, held the lock)


@dataclass
class Samples:
    """(sent at, latency) of every answered update, and how many were never answered.

    Latency runs from the moment the person sent the update, not from when the bot fetched it: a bot too busy to
    poll keeps people waiting too.
    """

    answered: list[tuple[float, float]] = field(default_factory=list)
    lost: int = 0

    def p95_ms(self, start: float = 0.0, end: float = float("inf")) -> float:
        """Return the p95 latency in ms of updates sent in [start, end)."""
        values = [latency for sent, latency in self.answered if start <= sent < end]
        if len(values) < 2:
            return float("nan")
        return statistics.quantiles(values, n=100, method="inclusive")[94] * 1000

    def count(self, start: float = 0.0, end: float = float("inf")) -> int:
        """Return how many updates sent in [start, end) were answered."""
        return sum(1 for sent, _ in self.answered if start <= sent < end)


class Arrivals:
    """A Poisson stream of `rate` actions per second, shared by everyone acting."""

    def __init__(self, rate: float, seed: int) -> None:
        self.rate = rate
        self._random = random.Random(seed)
        self._next = 0.0

    async def wait(self, stop: asyncio.Event) -> bool:
        """Wait for the next arrival; return False when stop was set first."""
        now = time.perf_counter()
        self._next = max(self._next, now) + self._random.expovariate(self.rate)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self._next - now):
                await stop.wait()
        return not stop.is_set()


async def _person(api: LeanStandIn, chat: Chat, arrivals: Arrivals, samples: Samples, stop: asyncio.Event) -> None:
    """Go through the script at the stream's pace, as long as stop is not set."""
    rng = random.Random(chat.user_id)
    for action, argument, replies in SCRIPT:
        if not await arrivals.wait(stop):
            return
        answered = api.expect(chat, replies)
        sent = time.perf_counter()
        if action == "press":
            api.press(chat, _choose(api.buttons(chat), argument, rng))
        else:
            api.send_text(chat, f"/{argument}" if action == "cmd" else argument)
        try:
            async with asyncio.timeout(ANSWER_LIMIT):
                arrived = await answered
        except TimeoutError:
            samples.lost += 1
            return
        samples.answered.append((sent, arrived - sent))


async def _seat(api: LeanStandIn, arrivals: Arrivals, samples: Samples, stop: asyncio.Event, users: range) -> None:
    """One place in the hall: newcomer after newcomer goes through the script until stop is set."""
    for user in users:
        if stop.is_set():
            return
        await _person(api, api.chat(user), arrivals, samples, stop)


async def _offer_load(api: LeanStandIn, rate: float, first: int, stop: asyncio.Event) -> Samples:
    """Offer `rate` updates/s from a hall of people who each act every THINK_SECONDS or so, until stop is set."""
    samples = Samples()
    arrivals = Arrivals(rate, seed=first)
    seats = max(1, round(rate * THINK_SECONDS))
    per_seat = 10_000
    await asyncio.gather(
        *(
            _seat(api, arrivals, samples, stop, range(first + i * per_seat, first + (i + 1) * per_seat))
            for i in range(seats)
        )
    )
    return samples


async def _export(api: LeanStandIn) -> tuple[float, float, int]:
    """Ask for the XLSX export of everything as the coordinator; return (last press, document arrival, bytes)."""
    chat = api.chat(COORDINATOR, first_name="منسقة")
    await _say(api, chat, lambda: api.send_text(chat, "/export"))
    await _say(api, chat, lambda: api.press(chat, "exp:f:xlsx"))
    before = len(api.documents)
    pressed = time.perf_counter()
    api.press(chat, "exp:s:all")
    while not any(d[0] == COORDINATOR for d in api.documents[before:]):
        api.new_document.clear()
        await api.new_document.wait()
    _, _, size, arrived = next(d for d in api.documents[before:] if d[0] == COORDINATOR)
    return pressed, arrived, size


async def _say(api: LeanStandIn, chat: Chat, act: object) -> None:
    answered = api.expect(chat, 1)
    act()  # type: ignore[operator]
    async with asyncio.timeout(ANSWER_LIMIT):
        await answered


@dataclass(frozen=True)
class Figures:
    """What one run measured."""

    idle_p95: float
    idle_count: int
    busy_p95: float
    busy_count: int
    lost: int
    export_seconds: float
    export_mib: float

    @property
    def ratio(self) -> float:
        """Return the p95 during the export over the idle p95."""
        return self.busy_p95 / self.idle_p95


async def measure(db_path: Path, rate: float, seconds: float, workdir: Path) -> Figures:
    """Run the bot on the database; offer load idle, then during an export."""
    target = full_bot(db_path, coordinators=f"telegram:{COORDINATOR}")
    async with LeanStandIn(TOKEN) as api:
        bot = await BotProcess.start(target, api.base_url, workdir)
        try:
            async with asyncio.timeout(120):
                await api.polling.wait()
            await crowd(api, range(FIRST_USER - WARM_UP_USERS, FIRST_USER), echo=False, pacer=None)
            stop = asyncio.Event()
            asyncio.get_running_loop().call_later(seconds, stop.set)
            idle = await _offer_load(api, rate, FIRST_USER, stop)
            stop = asyncio.Event()
            load = asyncio.create_task(_offer_load(api, rate, FIRST_USER + 10_000_000, stop))
            await asyncio.sleep(min(2.0, seconds / 4))  # the load is steady before the export starts
            pressed, arrived, size = await _export(api)
            stop.set()
            busy = await load
        finally:
            api.release()
            code = await bot.stop()
        if code not in (0, -15):
            print(f"warning: the bot exited with {code}; see {bot.log}", file=sys.stderr)
    return Figures(
        idle_p95=idle.p95_ms(),
        idle_count=idle.count(),
        busy_p95=busy.p95_ms(pressed, arrived),
        busy_count=busy.count(pressed, arrived),
        lost=idle.lost + busy.lost,
        export_seconds=arrived - pressed,
        export_mib=size / 2**20,
    )


def report(figures: Figures, rate: float) -> list[str]:
    """Return the result lines, ending with the goal and whether it was met."""
    verdict = "met" if figures.ratio <= GOAL_RATIO else "missed"
    return [
        f"chat reply p95 at {rate:g} updates/s offered, idle:          {figures.idle_p95:9.1f} ms "
        f"({figures.idle_count} replies)",
        f"chat reply p95 at {rate:g} updates/s offered, during export: {figures.busy_p95:9.1f} ms "
        f"({figures.busy_count} replies; export {figures.export_seconds:.1f} s, {figures.export_mib:.1f} MiB; "
        f"{figures.lost} unanswered)",
        f"goal: chat p95 during a 100,000-row XLSX export within {GOAL_RATIO:g}x idle: "
        f"{figures.ratio:.2f}x — {verdict}",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Build the database, then measure."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.export_latency", description=__doc__)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--recommendations", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=20.0, help="offered chat updates/s")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the idle run")
    parser.add_argument("--quick", action="store_true", help="10 s idle run (the export stays at full size)")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds = min(args.seconds, 10.0)
    with tempfile.TemporaryDirectory(prefix="ogp-export-latency-") as tmp:
        workdir = Path(tmp)
        db_path = workdir / "bench.sqlite3"
        built = asyncio.run(build(db_path, args.participants, args.recommendations))
        size = f"{args.recommendations:,} recommendations from {args.participants:,} participants"
        print(f"generated {size} in {built:.1f} s")
        figures = asyncio.run(measure(db_path, args.rate, args.seconds, workdir))
    print("\n".join(report(figures, args.rate)))


if __name__ == "__main__":
    main()
