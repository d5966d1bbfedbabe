"""The web server against strangers' slow or half-open connections, over raw sockets on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from telegram import Bot

from bot.channels.telegram_updates import WebhookReceiver
from bot.channels.whatsapp import WhatsAppChannel
from bot.clock import FakeClock
from bot.core import Core, open_core
from bot.web import WebServer
from tests.e2e.whatsapp_harness import PHONE_ID, SECRET, TOKEN, VERIFY
from tests.support import settings_for

HEADERS, BODY, SLOT = 0.5, 1.0, 0.2  # the server's deadlines in these tests: headers, a body, a read slot
WAIT = 5.0  # how long a test waits for an answer it expects at once (or after a deadline)


@dataclass
class Served:
    """A server with the WhatsApp and Telegram webhook routes, on short deadlines."""

    core: Core
    server: WebServer

    async def connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """Open a raw connection."""
        return await asyncio.open_connection("127.0.0.1", self.server.port)


@pytest.fixture
async def served(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Served]:
    """Start the server; stop it at the end whatever the test left open."""
    settings = settings_for(
        tmp_path,
        whatsapp_token=TOKEN,
        whatsapp_phone_number_id=PHONE_ID,
        whatsapp_app_secret=SECRET,
        whatsapp_verify_token=VERIFY,
        whatsapp_api_url="http://127.0.0.1:9/v23.0",  # never called here
    )
    core = await open_core(settings, clock)
    server = WebServer(
        "127.0.0.1", 0, header_timeout=HEADERS, body_timeout=BODY, unauthenticated_reads=2, read_slot_wait=SLOT
    )
    channel = WhatsAppChannel(core, server)
    WebhookReceiver(Bot("123:ABC"), _never, url="https://bot.example.jo/telegram/webhook", secret="s3cret").mount(
        server
    )
    await channel.start()
    await server.start()
    try:
        yield Served(core, server)
    finally:
        await server.stop()
        await channel.stop()
        await core.close()


async def _never(_: object) -> None:
    raise AssertionError("nothing may be processed")


def head(path: str, length: int, *extra: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: bot", "Content-Type: application/json", f"Content-Length: {length}"]
    return ("\r\n".join([*lines, *extra]) + "\r\n\r\n").encode()


async def status_of(reader: asyncio.StreamReader) -> int:
    """Read an HTTP answer's status code (within WAIT)."""
    async with asyncio.timeout(WAIT):
        line = await reader.readline()
    return int(line.split()[1])


async def healthy(served: Served) -> bool:
    async with (
        aiohttp.ClientSession() as http,
        asyncio.timeout(WAIT),
        http.get(f"{served.server.url}/healthz") as response,
    ):
        return response.status == 200


async def read_slots_taken(served: Served) -> None:
    """Wait until the server reads as many unauthenticated bodies as it may at once (all its slots taken)."""
    async with asyncio.timeout(WAIT):
        while not served.server._unauthenticated.locked():  # noqa: ASYNC110 - the server's count has no event
            await asyncio.sleep(0.01)


async def test_no_signature_gets_401_before_a_byte_of_the_body(served: Served) -> None:
    reader, writer = await served.connect()
    writer.write(head("/whatsapp/webhook", 4_000_000))  # ... and the 4 MB never come
    assert await status_of(reader) == 401
    writer.close()


async def test_telegram_without_the_secret_gets_403_before_the_body(served: Served) -> None:
    reader, writer = await served.connect()
    writer.write(head("/telegram/webhook", 4_000_000, "X-Telegram-Bot-Api-Secret-Token: guess"))
    assert await status_of(reader) == 403
    writer.close()


async def test_a_body_declared_too_large_is_refused_at_once(served: Served) -> None:
    reader, writer = await served.connect()
    writer.write(head("/whatsapp/webhook", 4_000_000, "X-Hub-Signature-256: sha256=" + "0" * 64))
    assert await status_of(reader) == 413
    writer.close()


async def test_a_body_that_does_not_arrive_in_time_gets_408(served: Served) -> None:
    reader, writer = await served.connect()
    writer.write(head("/whatsapp/webhook", 1000, "X-Hub-Signature-256: sha256=" + "0" * 64) + b'{"entry": [')
    assert await status_of(reader) == 408
    writer.close()


async def test_connections_with_unfinished_headers_are_closed(served: Served) -> None:
    connections = [await served.connect() for _ in range(20)]
    for _, writer in connections:
        writer.write(b"POST /whatsapp/webhook HTTP/1.1\r\nHost: bot\r\nX-Slow: ")  # and never the rest
    assert await healthy(served)  # meanwhile the server answers others
    for reader, writer in connections:
        async with asyncio.timeout(WAIT):
            assert await reader.read() == b""  # closed by the server
        writer.close()


async def test_only_a_few_unauthenticated_bodies_are_read_at_once(served: Served) -> None:
    signature = "X-Hub-Signature-256: sha256=" + "0" * 64
    slow = [await served.connect() for _ in range(2)]
    for _, writer in slow:
        writer.write(head("/whatsapp/webhook", 1000, signature) + b"{")  # each holds a read slot
    await read_slots_taken(served)
    reader, writer = await served.connect()
    writer.write(head("/whatsapp/webhook", 2, signature) + b"{}")
    assert await status_of(reader) == 503  # no slot within the wait
    assert await healthy(served)
    for slow_reader, slow_writer in slow:
        assert await status_of(slow_reader) == 408
        slow_writer.close()
    writer.close()


async def test_stop_is_prompt_with_slow_connections_open(served: Served) -> None:
    signature = "X-Hub-Signature-256: sha256=" + "0" * 64
    open_ = [await served.connect() for _ in range(22)]
    for n, (_, writer) in enumerate(open_):
        writer.write(head("/whatsapp/webhook", 1000, signature) + b"{" if n < 2 else b"POST / HTTP/1.1\r\nHo")
    await read_slots_taken(served)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await served.server.stop()
    assert loop.time() - started < served.server.shutdown_timeout + 2  # not the 60 s aiohttp waits by default
    for reader, writer in open_:
        async with asyncio.timeout(WAIT):
            await reader.read()
        writer.close()
