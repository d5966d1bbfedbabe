"""A bot under test in its own process: start it against a stand-in, read its CPU time and peak memory, stop it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-token-for-the-local-stand-in-only"  # noqa: S105 - a stand-in on 127.0.0.1
_TICKS = os.sysconf("SC_CLK_TCK")
# Telegram itself takes about 30 messages/s per bot; the benchmark measures what the bot could do without that.
UNCAPPED = {"OGP_TELEGRAM_OVERALL_RATE": "1000000"}
# ... and what one chat may receive (1/s after a burst of 10), for benchmarks in which one person acts fast.
PER_CHAT_LIFTED = {"telegram_per_chat_rate": "1000000", "telegram_per_chat_burst": "1000"}


def cpu_seconds(pid: int) -> float:
    """Return user + system CPU seconds a process has used so far (Linux /proc)."""
    return cpu_seconds_of(Path(f"/proc/{pid}/stat"))


def peak_rss_mb(pid: int) -> float:
    """Return the process's peak resident memory (VmHWM) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def thread_cpu_seconds(pid: int) -> tuple[float, float]:
    """Return (the main thread's, every other thread's) CPU seconds so far (Linux /proc)."""
    main, others = 0.0, 0.0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            seconds = cpu_seconds_of(task / "stat")
        except FileNotFoundError:  # a thread that ended meanwhile
            continue
        if task.name == str(pid):
            main = seconds
        else:
            others += seconds
    return main, others


def cpu_seconds_of(stat_file: Path) -> float:
    """Return user + system CPU seconds from a /proc stat file."""
    fields = stat_file.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def self_cpu_seconds() -> float:
    """Return this process's CPU seconds (the load generator and stand-in)."""
    times = os.times()
    return times.user + times.system


@dataclass(frozen=True)
class Target:
    """How to start one bot under test."""

    name: str
    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()


def full_bot(database: Path, **settings: str) -> Target:
    """Our bot: `python -m bot run` with OGP_* pointing at the stand-in (Telegram's 30/s overall cap lifted)."""
    env = {
        "OGP_DATABASE": str(database),
        "OGP_LOG_LEVEL": "WARNING",
        "OGP_WEBHOOK_PORT": "0",  # the public site's web server: any free port unless a benchmark names one
        **UNCAPPED,
        **{f"OGP_{k.upper()}": v for k, v in settings.items()},
    }
    return Target("full bot", (sys.executable, "-m", "bot", "run"), tuple(env.items()))


def echo_bot(*, tuned: bool, **settings: str) -> Target:
    """The bare python-telegram-bot echo bot, with PTB's defaults or tuned like ours."""
    argv = (sys.executable, "-m", "benchmarks.echo_bot", *(["--tuned"] if tuned else []))
    env = {**UNCAPPED, **{f"OGP_{k.upper()}": v for k, v in settings.items()}}
    return Target("echo (tuned like ours)" if tuned else "echo (PTB defaults)", argv, tuple(env.items()))


class BotProcess:
    """A running bot under test."""

    def __init__(self, proc: asyncio.subprocess.Process, log: Path) -> None:
        self.proc = proc
        self.log = log

    @classmethod
    async def start(cls, target: Target, base_url: str, workdir: Path) -> BotProcess:
        """Start the target with the stand-in's URL and token; its output goes to a log file."""
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "OGP_TELEGRAM_TOKEN": TOKEN,
            "OGP_TELEGRAM_API_URL": base_url,
            **dict(target.env),
        }
        argv = list(target.argv)
        if "benchmarks.echo_bot" in argv:
            argv += ["--token", TOKEN, "--base-url", base_url]
        log = workdir / f"{target.name.split()[0]}-{os.getpid()}.log"
        with log.open("ab") as out:
            proc = await asyncio.create_subprocess_exec(*argv, env=env, cwd=workdir, stdout=out, stderr=out)
        return cls(proc, log)

    @property
    def cpu(self) -> float:
        """CPU seconds so far."""
        return cpu_seconds(self.proc.pid)

    @property
    def peak_mb(self) -> float:
        """Peak resident memory so far."""
        return peak_rss_mb(self.proc.pid)

    async def stop(self) -> int:
        """Ask it to stop (SIGTERM), kill it if it will not; return its exit code."""
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                async with asyncio.timeout(15):
                    await self.proc.wait()
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    self.proc.kill()
                await self.proc.wait()
        return self.proc.returncode or 0
