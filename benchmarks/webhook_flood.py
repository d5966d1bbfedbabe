"""Strangers holding the webhook port: the bot's memory, its answers to others, and how fast SIGTERM stops it.

    python -m benchmarks.webhook_flood [--bodies 100] [--headers 50]

The real bot (`python -m bot run`, WhatsApp on) on loopback. --bodies connections each send a request with a
made-up signature and start a 4 MB body they never finish; --headers connections stop in the middle of their
headers. Reported: the bot's resident memory before and at its peak, how long /healthz takes meanwhile, how many of
the stranger connections the bot closed on its own, and the seconds from SIGTERM to exit (goal: under 10).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from benchmarks.process import ROOT, peak_rss_mb

BODY = 4 * 1024 * 1024
CHUNK = 64 * 1024
STALL = 2.0  # seconds a stranger keeps trying to push its body once the bot stops reading it
HOLD = 20.0  # seconds the strangers hold their connections before the bot is told to stop
# WhatsApp switched on with made-up credentials: the Graph API is never called here.
MADE_UP_WHATSAPP = {
    "OGP_WHATSAPP_TOKEN": "bench-token",
    "OGP_WHATSAPP_PHONE_NUMBER_ID": "1",
    "OGP_WHATSAPP_APP_SECRET": "bench-secret",
    "OGP_WHATSAPP_VERIFY_TOKEN": "bench-verify",
}


def rss_mb(pid: int) -> float:
    """Return a process's resident memory now (VmRSS) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def free_port() -> int:
    """Return a port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def start_bot(workdir: Path, port: int) -> asyncio.subprocess.Process:
    """Start the bot with WhatsApp on (the Graph API is never called here) and wait for its web server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OGP_")}
    env.update(MADE_UP_WHATSAPP)
    env.update(
        PYTHONPATH=str(ROOT),
        OGP_DATABASE=str(workdir / "bench.sqlite3"),
        OGP_WHATSAPP_API_URL="http://127.0.0.1:9/v23.0",
        OGP_WEBHOOK_PORT=str(port),
        OGP_LOG_LEVEL="ERROR",
    )
    with (workdir / "bot.log").open("ab") as log:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=workdir, stdout=log, stderr=log
        )
    async with aiohttp.ClientSession() as http, asyncio.timeout(60):
        while True:
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return proc
            await asyncio.sleep(0.05)


Stranger = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def stranger_with_a_body(port: int) -> Stranger:
    """Send headers with a made-up signature and as much of a 4 MB body as the bot takes; keep the connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        "POST /whatsapp/webhook HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
        f"Content-Length: {BODY}\r\nX-Hub-Signature-256: sha256={'0' * 64}\r\n\r\n"
    )
    writer.write(head.encode())
    sent = 0
    with contextlib.suppress(TimeoutError, ConnectionError):
        while sent < BODY - CHUNK:
            writer.write(b" " * CHUNK)
            async with asyncio.timeout(STALL):
                await writer.drain()
            sent += CHUNK
    return reader, writer


async def stranger_with_half_headers(port: int) -> Stranger:
    """Stop in the middle of the headers."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /whatsapp/webhook HTTP/1.1\r\nHost: bot\r\nX-Slow: ")
    await writer.drain()
    return reader, writer


async def health_ms(port: int) -> float:
    """Return how long /healthz takes, in milliseconds."""
    started = time.perf_counter()
    async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}/healthz") as response:
        await response.read()
    return (time.perf_counter() - started) * 1000


async def closed_by_peer(reader: asyncio.StreamReader) -> bool:
    """Tell whether the other side has closed the connection (whatever it answered first)."""
    try:
        async with asyncio.timeout(0.2):
            await reader.read()
    except TimeoutError:
        return False
    except ConnectionError:
        return True
    return True


async def measure(bodies: int, headers: int, workdir: Path) -> None:
    """Run the scenario and print the figures."""
    port = free_port()
    bot = await start_bot(workdir, port)
    try:
        before = rss_mb(bot.pid)
        idle_health = await health_ms(port)
        strangers = await asyncio.gather(
            *(stranger_with_a_body(port) for _ in range(bodies)),
            *(stranger_with_half_headers(port) for _ in range(headers)),
        )
        loaded_health = await health_ms(port)
        during = rss_mb(bot.pid)
        await asyncio.sleep(HOLD)
        closed = sum([await closed_by_peer(reader) for reader, _ in strangers])
        peak = peak_rss_mb(bot.pid)
        started = time.perf_counter()
        bot.send_signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(60):
                await bot.wait()
            stop = f"{time.perf_counter() - started:.1f} s"
        except TimeoutError:
            stop = "more than 60 s (killed)"
        for _, writer in strangers:
            writer.close()
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
    print(f"strangers: {bodies} with a 4 MB body begun, {headers} with unfinished headers, held {HOLD:.0f} s")
    print(f"bot memory: {before:.0f} MiB before, {during:.0f} MiB with them connected, peak {peak:.0f} MiB")
    print(f"/healthz: {idle_health:.1f} ms alone, {loaded_health:.1f} ms with them connected")
    print(f"stranger connections the bot closed by itself within {HOLD:.0f} s: {closed} of {len(strangers)}")
    print(f"SIGTERM to exit: {stop} (goal: under 10 s)")


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.webhook_flood", description=__doc__)
    parser.add_argument("--bodies", type=int, default=100)
    parser.add_argument("--headers", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(measure(args.bodies, args.headers, Path(tmp)))


if __name__ == "__main__":
    main()
