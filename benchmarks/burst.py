"""Chat throughput: bursts of /status and /my, and full recommendations, against the default-settings echo bot.

python -m benchmarks.burst [--people 200] [--per-person 10] [--repeat 1] [--profile DIR] [--quick]
The shape of issue 19's outside measurement: 2,000 updates from 200 people pushed at once (every update is queued
at the Bot API stand-in before the bot asks for the first), Telegram's pacing lifted with the documented knobs
(OGP_TELEGRAM_OVERALL_RATE, OGP_TELEGRAM_PER_CHAT_RATE and _BURST). A recommendation
is a flow whose next step depends on the answer, so there the same 200 people go through it at once, each step as
soon as the answer to the previous one arrived (/recommend, commitment, theme, text, send: 1,000 updates).
Updates/s run from the moment the stand-in hands out the first update to the last answer; CPU is the bot
process's (every thread) over the same stretch. --profile DIR also runs the full bot's /status burst under
py-spy (sampling, every thread) and prints where its CPU goes.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.load import RECOMMENDATION, Script, Tally, crowd
from benchmarks.process import PER_CHAT_LIFTED, TOKEN, BotProcess, Target, echo_bot, full_bot, thread_cpu_seconds
from benchmarks.standin import LeanStandIn
from benchmarks.storage_scale import FIRST_USER, generate

LIFTED = PER_CHAT_LIFTED
RECOMMEND: Script = (
    ("cmd", "recommend", 1),
    ("press", "rec:c:", 1),
    ("press", "rec:t:", 1),
    ("text", RECOMMENDATION, 1),
    ("press", "rec:ok", 1),
)
WORKLOADS = ("/status", "/my", "recommendation")
CPU_GOAL_MS = 2.0
ANSWER_TIMEOUT = 120.0
WARM_UP = 10


@dataclass
class Figure:
    """One workload on one bot."""

    target: str
    workload: str
    updates: int
    seconds: float
    cpu: float
    main_cpu: float
    missing: int

    @property
    def per_second(self) -> float:
        """Updates answered per second."""
        return self.updates / self.seconds if self.seconds > 0 else 0.0

    @property
    def cpu_ms(self) -> float:
        """Bot CPU milliseconds per update (every thread)."""
        return self.cpu / self.updates * 1000 if self.updates else float("nan")

    @property
    def main_ms(self) -> float:
        """Bot CPU milliseconds per update on the event loop's thread."""
        return self.main_cpu / self.updates * 1000 if self.updates else float("nan")


async def push(api: LeanStandIn, ids: Sequence[int], per_person: int, command: str) -> tuple[int, float, int]:
    """Queue per_person commands from each person at once; return (answered, seconds, missing)."""
    chats = [api.chat(i, first_name="سلمى") for i in ids]
    waits = [api.expect(chat, per_person) for chat in chats]
    update_ids = [api.send_text(chat, command) for _ in range(per_person) for chat in chats]  # interleaved
    done, pending = await asyncio.wait(waits, timeout=ANSWER_TIMEOUT)
    for future in pending:
        future.cancel()
    first = min(api.served_at[u] for u in update_ids if u in api.served_at)
    last = max(f.result() for f in done) if done else first
    return len(done) * per_person, last - first, len(pending) * per_person


def _workload_people(workload: str, people: int) -> list[int]:
    """Different people for each workload (and the warm-up), all registered beforehand."""
    start = FIRST_USER + WARM_UP + WORKLOADS.index(workload) * people
    return list(range(start, start + people))


async def measure(
    target: Target, args: argparse.Namespace, workdir: Path, *, profiled: Path | None = None
) -> list[Figure]:
    """Run every workload against one bot process (sampled by py-spy into `profiled` when given)."""
    echo = "benchmarks.echo_bot" in target.argv
    figures: list[Figure] = []
    async with LeanStandIn(TOKEN) as api:
        bot = await BotProcess.start(target, api.base_url, workdir)
        try:
            async with asyncio.timeout(60):
                await api.polling.wait()
            warm = [FIRST_USER + i for i in range(WARM_UP)]
            await crowd(api, warm, echo=echo, pacer=None, script=(("cmd", "status", 1), ("cmd", "my", 1)))
            for workload in args.workloads:
                people = _workload_people(workload, args.people)
                spy = await record_profile(bot.proc.pid, profiled) if profiled is not None else None
                cpu, main = bot.cpu, thread_cpu_seconds(bot.proc.pid)[0]
                if workload == "recommendation":
                    tally: Tally = await crowd(api, people, echo=echo, pacer=None, script=RECOMMEND)
                    answered, missing = len(tally.latencies), tally.errors
                    seconds = tally.last_answer - tally.first_served
                else:
                    answered, seconds, missing = await push(api, people, args.per_person, workload)
                await asyncio.sleep(0.2)  # what the bot does after the last answer (marking it sent) counts too
                if spy is not None:
                    await stop_profile(spy)
                figures.append(
                    Figure(
                        target=target.name,
                        workload=workload,
                        updates=answered,
                        seconds=seconds,
                        cpu=bot.cpu - cpu,
                        main_cpu=thread_cpu_seconds(bot.proc.pid)[0] - main,
                        missing=missing,
                    )
                )
        finally:
            api.release()
            code = await bot.stop()
        if code not in (0, -15):
            print(f"warning: {target.name} exited with {code}; see {bot.log}", file=sys.stderr)
    return figures


HEADER = f"{'bot':<22} {'workload':<15} {'updates':>7} {'upd/s':>7} {'CPU ms/upd':>10} {'loop ms':>8} {'missing':>7}"


def line(figure: Figure) -> str:
    """One line of the results table."""
    return (
        f"{figure.target:<22} {figure.workload:<15} {figure.updates:>7} {figure.per_second:>7.0f} "
        f"{figure.cpu_ms:>10.2f} {figure.main_ms:>8.2f} {figure.missing:>7}"
    )


def goals(runs: list[list[Figure]]) -> list[str]:
    """The issue's chat goals, each with its figure (per run, range over runs) and met/missed."""
    out = []
    ratios: dict[str, list[float]] = {}
    cpu: list[float] = []
    for figures in runs:
        by = {(f.target, f.workload): f for f in figures}
        for workload in WORKLOADS:
            ours, echo = by.get(("full bot", workload)), by.get(("echo (PTB defaults)", workload))
            if ours and echo and echo.per_second and not ours.missing:
                ratios.setdefault(workload, []).append(ours.per_second / echo.per_second)
        if (status := by.get(("full bot", "/status"))) is not None:
            cpu.append(status.cpu_ms)
    for workload, values in ratios.items():
        worst = min(values)
        out.append(
            f"goal: {workload} throughput >= 1.0x the default-settings PTB echo bot: "
            f"{_span(values, 'x')} in {len(values)} run(s): {'met' if worst >= 1.0 else 'missed'}"
        )
    if cpu:
        out.append(
            f"goal: <= {CPU_GOAL_MS:g} ms CPU per /status update: {_span(cpu, ' ms')} in {len(cpu)} run(s): "
            f"{'met' if max(cpu) <= CPU_GOAL_MS else 'missed'}"
        )
    return out


def _span(values: list[float], unit: str) -> str:
    low, high = min(values), max(values)
    if len(values) == 1:
        return f"{low:.2f}{unit}"
    return f"{low:.2f}-{high:.2f}{unit} (median {statistics.median(values):.2f})"


# ------------------------------------------------------------------ the profile of one /status update


# Where a sample of the event loop's thread belongs: the first phase with a frame anywhere in the sample's stack.
PHASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("handling: catalogue (Fluent, Babel)", ("fluent/", "runtime/", "babel/", "messages/catalog")),
    ("handling: handlers and the kit", ("handlers/",)),
    ("handling: dispatcher, storage, SQLite hand-offs", ("Dispatcher.", "storage/")),
    ("receiving: getUpdates, decoding updates", ("get_updates", "to_incoming", "read_batch", "read_update")),
    ("sending: Bot API requests (HTTP, JSON)", ("TelegramTransport.", "telegram/", "aiohttp/")),
    ("outbox: claiming, pacing, marking sent", ("Sender.", "SentLog.", "Pacer.")),
)
IDLE = ("EpollSelector.select (selectors.py:468)",)
OTHER_THREADS = "SQLite's thread: statements and commits (and other threads)"
LOOP = "event loop, sockets, tasks"


def profile_split(raw: str) -> dict[str, float]:
    """Return each phase's share of the event loop thread's busy samples (py-spy raw output, --threads)."""
    counts: dict[str, int] = {}
    for line in raw.splitlines():
        stack, _, number = line.rpartition(" ")
        frames = stack.split(";")
        if "MainThread" not in frames[0] or frames[-1] in IDLE:
            continue
        phase = next((name for name, marks in PHASES if any(m in f for f in frames for m in marks)), LOOP)
        counts[phase] = counts.get(phase, 0) + int(number)
    total = sum(counts.values())
    return {name: counts.get(name, 0) / total for name in [*(p for p, _ in PHASES), LOOP]} if total else {}


async def record_profile(pid: int, output: Path) -> asyncio.subprocess.Process:
    """Start py-spy sampling the bot while a thread holds the GIL (running Python); SIGINT makes it write output."""
    spy = Path(sys.executable).with_name("py-spy")
    argv = [str(spy), "record", "--pid", str(pid), "--rate", "1000", "--threads", "--gil", "--format", "raw"]
    return await asyncio.create_subprocess_exec(
        *argv, "--output", str(output), stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
    )


async def stop_profile(spy: asyncio.subprocess.Process) -> None:
    """Stop py-spy and wait until it wrote its samples."""
    spy.send_signal(signal.SIGINT)
    async with asyncio.timeout(30):
        await spy.wait()


async def profile(args: argparse.Namespace, workdir: Path, master: Path, out: Path) -> list[str]:
    """Profile the full bot's /status burst and return where the CPU of one update goes."""
    samples = out / "status.txt"
    only_status = argparse.Namespace(**{**vars(args), "workloads": (args.profile_workload,)})
    # py-spy pauses the bot for each sample: the figures come from a run without it, the split from one with it.
    [figure] = await measure(full_bot(_copy(master, workdir / "plain.sqlite3"), **LIFTED), only_status, workdir)
    target = full_bot(_copy(master, workdir / "profiled.sqlite3"), **LIFTED)
    await measure(target, only_status, workdir, profiled=samples)
    split = profile_split(samples.read_text())
    others = figure.cpu_ms - figure.main_ms
    lines = [
        f"CPU profile of one {args.profile_workload} update: {figure.cpu_ms:.2f} ms ({figure.updates:,} in a burst, "
        f"{figure.per_second:.0f}/s; the event loop's {figure.main_ms:.2f} ms split by py-spy's samples):"
    ]
    lines += [f"  {share * figure.main_ms:6.3f} ms  {name}" for name, share in split.items()]
    lines.append(f"  {others:6.3f} ms  {OTHER_THREADS}")
    lines.append(f"  (samples: {samples})")
    return lines


# ------------------------------------------------------------------ running it


async def run(args: argparse.Namespace) -> None:
    """Generate the database, then measure every bot in turn, `repeat` times, and print the goals."""
    runs: list[list[Figure]] = []
    with tempfile.TemporaryDirectory(prefix="ogp-burst-") as tmp:
        workdir = Path(tmp)
        master = workdir / "master.sqlite3"
        people = WARM_UP + len(WORKLOADS) * args.people
        await generate(master, people, people * 3)  # /my has three recommendations to show
        print(HEADER, flush=True)
        for run_number in range(0 if args.profile_only else args.repeat):
            figures: list[Figure] = []
            for workload in args.workloads:  # each bot fresh for each workload, the two in turn: the machine drifts
                one = argparse.Namespace(**{**vars(args), "workloads": (workload,)})
                for target in _targets(workdir, master, f"{run_number}-{workload.strip('/')}"):
                    for figure in await measure(target, one, workdir):
                        print(line(figure), flush=True)
                        figures.append(figure)
            runs.append(figures)
        print()
        for text in goals(runs):
            print(text, flush=True)
        if args.profile:
            print()
            for text in await profile(args, workdir, master, Path(args.profile)):
                print(text, flush=True)


def _copy(master: Path, to: Path) -> Path:
    to.write_bytes(master.read_bytes())
    return to


def _targets(workdir: Path, master: Path, name: str) -> list[Target]:
    database = _copy(master, workdir / f"burst-{name}.sqlite3")
    return [full_bot(database, **LIFTED), echo_bot(tuned=False)]


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.burst", description=__doc__)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--per-person", type=int, default=10, help="/status (or /my) updates each person pushes")
    parser.add_argument("--repeat", type=int, default=1, help="runs of every bot, alternating")
    parser.add_argument("--profile", metavar="DIR", help="also profile the full bot's /status burst (py-spy)")
    parser.add_argument("--profile-only", action="store_true", help="with --profile: skip the comparison")
    parser.add_argument("--profile-workload", choices=WORKLOADS, default="/status", help="what --profile profiles")
    parser.add_argument("--quick", action="store_true", help="100 people")
    args = parser.parse_args(argv)
    if args.quick:
        args.people = min(args.people, 100)
    args.workloads = WORKLOADS
    if args.profile:
        Path(args.profile).mkdir(parents=True, exist_ok=True)
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Run the burst benchmark and print the table and the goals."""
    asyncio.run(run(parse(argv)))


if __name__ == "__main__":
    main()
