"""Load: simulated people register, recommend, check /status and /my against the full bot and an echo bot.

python -m benchmarks.load [--users 500] [--rate 100] [--paced-seconds 30] [--repeat 1] [--quick]
Each target runs in its own process against a lean Bot API stand-in in this process. Two measurements per target:
- throughput: every user acts as soon as the previous answer arrived (a hall scanning the same QR code);
- latency at an offered load: actions arrive as a Poisson stream of --rate updates/s.
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
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.process import PER_CHAT_LIFTED, TOKEN, BotProcess, Target, echo_bot, full_bot, self_cpu_seconds
from benchmarks.standin import Chat, LeanStandIn

ORGANISATION = "جمعية الشفافية الأردنية"
RECOMMENDATION = "إطلاق حملة توعوية تستهدف المواطنين والقطاع العام جنباً إلى جنب مع أنشطة المشروع في المحافظات"
# (action, argument, bot messages the full bot answers with): a newcomer registers, recommends, looks around.
SCRIPT: tuple[tuple[str, str, int], ...] = (
    ("cmd", "start", 2),
    ("press", "reg:name", 1),
    ("text", ORGANISATION, 1),
    ("press", "reg:sector:", 1),
    ("press", "reg:gov:", 1),
    ("press", "reg:consent:yes", 1),
    ("cmd", "recommend", 1),
    ("press", "rec:c:", 1),
    ("press", "rec:t:", 1),
    ("text", RECOMMENDATION, 1),
    ("press", "rec:ok", 1),
    ("cmd", "status", 1),
    ("press", "st:c:", 1),
    ("cmd", "my", 1),
)
ANSWER_TIMEOUT = 30.0
WARM_UP_USERS = 10


@dataclass
class Tally:
    """What the simulated users saw."""

    latencies: list[float] = field(default_factory=list)
    by_step: dict[str, list[float]] = field(default_factory=dict)
    errors: int = 0
    first_served: float = float("inf")
    last_answer: float = 0.0


@dataclass
class Result:
    """One measurement of one target."""

    target: str
    mode: str
    users: int
    answered: int
    errors: int
    seconds: float
    bot_cpu: float
    loadgen_cpu: float
    peak_mb: float
    latencies: list[float]
    by_step: dict[str, list[float]] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        """Updates answered per second."""
        return self.answered / self.seconds if self.seconds > 0 else 0.0

    def percentile(self, p: int, step: str | None = None) -> float:
        """Reply latency percentile in milliseconds (of one script step if asked)."""
        values = self.by_step.get(step, []) if step else self.latencies
        if len(values) < 2:
            return float("nan")
        return statistics.quantiles(values, n=100, method="inclusive")[p - 1] * 1000

    @property
    def cpu_ms_per_update(self) -> float:
        """Bot CPU milliseconds per answered update."""
        return self.bot_cpu / self.answered * 1000 if self.answered else float("nan")


class PoissonPacer:
    """Hands out action slots as a Poisson stream of `rate` per second."""

    def __init__(self, rate: float, seed: int = 8) -> None:
        self.rate = rate
        self._random = random.Random(seed)
        self._next = 0.0

    async def slot(self) -> None:
        """Wait for the next arrival."""
        now = time.perf_counter()
        self._next = max(self._next, now) + self._random.expovariate(self.rate)
        await asyncio.sleep(self._next - now)


def _choose(buttons: list[str], prefix: str, rng: random.Random) -> str:
    """Press what a person would: one of the offered buttons with that meaning (echo bots offer none)."""
    offered = [b for b in buttons if b == prefix or (prefix.endswith(":") and b.startswith(prefix))]
    if offered:
        return rng.choice(offered)
    return prefix + "1" if prefix.endswith(":") else prefix


Script = tuple[tuple[str, str, int], ...]


async def person(
    api: LeanStandIn, chat: Chat, *, echo: bool, tally: Tally, pacer: PoissonPacer | None, script: Script = SCRIPT
) -> None:
    """Go through the script, waiting for each answer before acting again."""
    rng = random.Random(chat.user_id)
    for action, argument, replies in script:
        if pacer is not None:
            await pacer.slot()
        answered = api.expect(chat, 1 if echo else replies)
        if action == "press":
            update_id = api.press(chat, _choose(api.buttons(chat), argument, rng))
        else:
            update_id = api.send_text(chat, f"/{argument}" if action == "cmd" else argument)
        try:
            async with asyncio.timeout(ANSWER_TIMEOUT):
                arrived = await answered
        except TimeoutError:
            tally.errors += 1
            return
        served = api.served_at[update_id]
        tally.first_served = min(tally.first_served, served)
        tally.last_answer = max(tally.last_answer, arrived)
        tally.latencies.append(arrived - served)
        tally.by_step.setdefault(f"{action} {argument}", []).append(arrived - served)


async def crowd(
    api: LeanStandIn, ids: Sequence[int], *, echo: bool, pacer: PoissonPacer | None, script: Script = SCRIPT
) -> Tally:
    """Run the script for many people at once."""
    tally = Tally()
    chats = [api.chat(i, first_name="سلمى") for i in ids]
    await asyncio.gather(*(person(api, c, echo=echo, tally=tally, pacer=pacer, script=script) for c in chats))
    return tally


async def measure(target: Target, *, users: int, rate: float | None, workdir: Path) -> Result:
    """Start the target on a fresh database, warm it up, run the crowd, and read its CPU time and peak memory."""
    echo = target.argv[-1] != "run"
    async with LeanStandIn(TOKEN) as api:
        bot = await BotProcess.start(target, api.base_url, workdir)
        try:
            async with asyncio.timeout(60):
                await api.polling.wait()
            await crowd(api, range(1, WARM_UP_USERS + 1), echo=echo, pacer=None)
            cpu, own = bot.cpu, self_cpu_seconds()
            pacer = PoissonPacer(rate) if rate else None
            tally = await crowd(api, range(10_000, 10_000 + users), echo=echo, pacer=pacer)
            bot_cpu, own_cpu, peak = bot.cpu - cpu, self_cpu_seconds() - own, bot.peak_mb
        finally:
            api.release()
            code = await bot.stop()
        if code not in (0, -15):
            print(f"warning: {target.name} exited with {code}; see {bot.log}", file=sys.stderr)
    return Result(
        target=target.name,
        mode=f"{rate:g}/s offered" if rate else "throughput",
        users=users,
        answered=len(tally.latencies),
        errors=tally.errors,
        seconds=tally.last_answer - tally.first_served,
        bot_cpu=bot_cpu,
        loadgen_cpu=own_cpu,
        peak_mb=peak,
        latencies=tally.latencies,
    )


def targets(database: Path, settings: dict[str, str]) -> list[Target]:
    """The three bots measured: ours (on a fresh database), the echo bot with PTB defaults, and tuned like ours."""
    return [
        full_bot(database, **{**PER_CHAT_LIFTED, **settings}),
        echo_bot(tuned=False),
        echo_bot(tuned=True, **settings),
    ]


HEADER = (
    f"{'bot':<24} {'mode':<16} {'upd/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
    f"{'CPU ms/upd':>10} {'peak MB':>8} {'gen CPU%':>8} {'errors':>6}"
)


def row(result: Result) -> str:
    """One line of the results table."""
    generator = result.loadgen_cpu / result.seconds * 100 if result.seconds > 0 else float("nan")
    return (
        f"{result.target:<24} {result.mode:<16} {result.per_second:>7.0f} {result.percentile(50):>7.1f} "
        f"{result.percentile(95):>7.1f} {result.percentile(99):>7.1f} {result.cpu_ms_per_update:>10.2f} "
        f"{result.peak_mb:>8.1f} {generator:>8.0f} {result.errors:>6}"
    )


def median_result(results: list[Result]) -> Result:
    """The run with the median throughput (its other figures come with it)."""
    ordered = sorted(results, key=lambda r: r.per_second)
    return ordered[len(ordered) // 2]


async def run_all(args: argparse.Namespace) -> dict[tuple[str, str], list[Result]]:
    """Measure every target in every mode, interleaved, `repeat` times."""
    settings = dict(item.split("=", 1) for item in args.setting)
    collected: dict[tuple[str, str], list[Result]] = {}
    paced_users = max(1, round(args.rate * args.paced_seconds / len(SCRIPT)))
    with tempfile.TemporaryDirectory(prefix="ogp-bench-") as tmp:
        workdir = Path(tmp)
        for run in range(args.repeat):
            for index in range(3):
                for mode, (users, rate) in enumerate(((args.users, None), (paced_users, args.rate))):
                    if args.throughput_only and rate:
                        continue
                    target = targets(workdir / f"bench-{run}-{mode}.sqlite3", settings)[index]
                    if args.only and not any(o in target.name for o in args.only):
                        continue
                    result = await measure(target, users=users, rate=rate, workdir=workdir)
                    print(row(result), flush=True)
                    collected.setdefault((result.target, result.mode), []).append(result)
    return collected


def summary(collected: dict[tuple[str, str], list[Result]]) -> list[str]:
    """Medians per target and mode, and the throughput ratios the goals are about."""
    lines = ["", f"medians of {max(len(v) for v in collected.values())} run(s):", HEADER]
    medians = {key: median_result(results) for key, results in collected.items()}
    lines += [row(r) for r in medians.values()]
    ours = medians.get(("full bot", "throughput"))
    for name in ("echo (PTB defaults)", "echo (tuned like ours)"):
        echo = medians.get((name, "throughput"))
        if ours and echo and echo.per_second:
            lines.append(f"full bot / {name}: {ours.per_second / echo.per_second:.2f}x throughput")
    return lines


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--users", type=int, default=500, help="simulated people in the throughput run")
    parser.add_argument("--rate", type=float, default=100.0, help="offered updates/s in the latency run")
    parser.add_argument("--paced-seconds", type=float, default=30.0, help="length of the latency run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per target (medians reported)")
    parser.add_argument("--quick", action="store_true", help="100 users, 10 s latency run")
    parser.add_argument("--only", action="append", default=[], help="only targets whose name contains this")
    parser.add_argument("--throughput-only", action="store_true", help="skip the latency run")
    parser.add_argument("--setting", action="append", default=[], help="OGP setting for our bot, e.g. pool_size=8")
    args = parser.parse_args(argv)
    if args.quick:
        args.users, args.paced_seconds = min(args.users, 100), min(args.paced_seconds, 10.0)
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Run the load benchmark and print the table."""
    args = parse(argv)
    print(HEADER, flush=True)
    collected = asyncio.run(run_all(args))
    print("\n".join(summary(collected)))


if __name__ == "__main__":
    main()
