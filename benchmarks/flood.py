"""One person floods the bot; everyone else should barely notice.

    python -m benchmarks.flood [--messages 700] [--others 5] [--rounds 20]

The real bot (`python -m bot run`, Telegram's production pacing: 1 message/s per chat after a burst of 10, 29/s
overall) against the lean Bot API stand-in. A few other people each send /help, wait for the answer, pause and
send again; their reply latency (from the moment the message reaches Telegram to the moment the answer does) is
measured once with nobody else writing and once while one person sends --messages texts as fast as a script can.
Goal: the others' p95 while one person floods stays within 2x of idle.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.process import TOKEN, BotProcess, full_bot
from benchmarks.standin import Chat, LeanStandIn

ANSWER_TIMEOUT = 120.0
GAP = 0.5  # seconds another person waits between messages (stays inside Telegram's 1/s per chat)
FLOOD_BURST = 10  # the flooder's messages queued at once
FLOOD_EVERY = 0.1  # seconds between bursts: 100 messages/s
# The benchmarks' default lifts Telegram's overall cap; a flood is about pacing, so this one keeps production's.
PRODUCTION_PACING = {"telegram_overall_rate": "29"}


@dataclass
class Phase:
    """What one phase measured."""

    name: str
    latencies: list[float] = field(default_factory=list)
    timeouts: int = 0
    flood_sent: int = 0
    flood_answers: int = 0

    def percentile(self, p: int) -> float:
        """Return a latency percentile in milliseconds."""
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1] * 1000


async def someone_else(api: LeanStandIn, chat: Chat, rounds: int, phase: Phase) -> None:
    """Send /help, wait for the answer, pause; rounds times."""
    for _ in range(rounds):
        answered = api.expect(chat, 1)
        sent = time.perf_counter()
        api.send_text(chat, "/help")
        try:
            async with asyncio.timeout(ANSWER_TIMEOUT):
                arrived = await answered
        except TimeoutError:
            phase.timeouts += 1
            return
        phase.latencies.append(arrived - sent)
        await asyncio.sleep(GAP)


async def flood(api: LeanStandIn, chat: Chat, messages: int, phase: Phase) -> None:
    """Send messages texts in bursts, as a script would."""
    for n in range(messages):
        api.send_text(chat, f"رسالة رقم {n} من سيل من الرسائل")
        phase.flood_sent += 1
        if n % FLOOD_BURST == FLOOD_BURST - 1:
            await asyncio.sleep(FLOOD_EVERY)


async def run_phase(api: LeanStandIn, name: str, others: list[Chat], rounds: int, messages: int) -> Phase:
    """Measure the others, with or without a flood going on."""
    phase = Phase(name)
    flooder = api.chat(1, first_name="سيل")
    before = flooder.events
    work = [someone_else(api, chat, rounds, phase) for chat in others]
    if messages:
        work.append(flood(api, flooder, messages, phase))
    await asyncio.gather(*work)
    phase.flood_answers = flooder.events - before
    return phase


async def measure(messages: int, others: int, rounds: int, workdir: Path) -> list[Phase]:
    """Start the bot, measure idle, then under a flood."""
    async with LeanStandIn(TOKEN) as api:
        target = full_bot(workdir / "flood.sqlite3", **PRODUCTION_PACING)
        bot = await BotProcess.start(target, api.base_url, workdir)
        try:
            async with asyncio.timeout(60):
                await api.polling.wait()
            idle_chats = [api.chat(100 + n, first_name="هدى") for n in range(others)]
            flood_chats = [api.chat(200 + n, first_name="هدى") for n in range(others)]
            idle = await run_phase(api, "idle", idle_chats, rounds, 0)
            flooded = await run_phase(api, f"while one person sends {messages}", flood_chats, rounds, messages)
        finally:
            api.release()
            code = await bot.stop()
        if code not in (0, -15):
            print(f"warning: the bot exited with {code}; see {bot.log}", file=sys.stderr)
    return [idle, flooded]


def main(argv: list[str] | None = None) -> None:
    """Run both phases and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.flood", description=__doc__)
    parser.add_argument("--messages", type=int, default=700)
    parser.add_argument("--others", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        phases = asyncio.run(measure(args.messages, args.others, args.rounds, Path(tmp)))
    print(f"{'others measured':<34} {'answers':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'timeouts':>8}")
    for phase in phases:
        worst = max(phase.latencies, default=float("nan")) * 1000
        print(
            f"{phase.name:<34} {len(phase.latencies):>7} {phase.percentile(50):>8.1f} {phase.percentile(95):>8.1f}"
            f" {worst:>8.1f} {phase.timeouts:>8}"
        )
    idle, flooded = phases
    ratio = flooded.percentile(95) / idle.percentile(95)
    print(f"flooder: {flooded.flood_sent} messages sent, {flooded.flood_answers} answers received")
    print(f"p95 while flooded / idle: {ratio:.2f}x (goal: within 2x): {'met' if ratio <= 2 else 'missed'}")


if __name__ == "__main__":
    main()
