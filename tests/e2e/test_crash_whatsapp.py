"""SIGKILL the real bot right after it answered a WhatsApp webhook with 200: nothing in it lost or run twice."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from pathlib import Path

import aiohttp

from tests.e2e.bot_process import ChildBot
from tests.standins.graph_api import GraphApiStandIn, WaUser
from tests.support import process_environment

TOKEN = "EAAG-crash-test-token"
SECRET = "crash-test-app-secret"
PHONE_ID = "100200300"
PEOPLE = 50
WAIT = 60.0  # a restart and 50 conversations on a shared 2-core CI machine


LISTENING = re.compile(r"web server listening on 127\.0\.0\.1:(\d+)")


class WhatsAppBotProcess(ChildBot):
    """`python -m bot run` serving WhatsApp only, against the Graph API stand-in: ready once its web server answers.

    The bot binds a port the system picks (never one chosen here and taken by someone else before the bot binds it),
    says it in its log, and the stand-in posts the webhooks there.
    """

    def __init__(self, api: GraphApiStandIn, database: Path, log_path: Path, **extra: str) -> None:
        env = process_environment(
            **extra,
            OGP_DATABASE=str(database),
            OGP_WHATSAPP_TOKEN=TOKEN,
            OGP_WHATSAPP_PHONE_NUMBER_ID=PHONE_ID,
            OGP_WHATSAPP_APP_SECRET=SECRET,
            OGP_WHATSAPP_VERIFY_TOKEN="verify",
            OGP_WHATSAPP_API_URL=api.base_url,
            OGP_WHATSAPP_PER_USER_RATE="100",
            OGP_WEBHOOK_HOST="127.0.0.1",
            OGP_WEBHOOK_PORT="0",
            OGP_LOG_LEVEL="INFO",
            PYTHONUNBUFFERED="1",
        )
        super().__init__(env, log_path, timeout=WAIT)
        self.api = api
        self.url = ""
        self._logged_before = 0

    async def start(self) -> None:
        """Start the process and wait until its web server answers."""
        self._logged_before = len(self.log())
        await super().start()

    async def ready(self) -> None:
        """Wait until the log names the port and the web server answers its health check there."""
        async with aiohttp.ClientSession() as http, asyncio.timeout(self.timeout):
            while True:  # a subprocess starting: a short poll of its log and socket
                assert not self.exited(), self.log()
                if await self._answers(http):
                    self.api.webhook_url = f"{self.url}/whatsapp/webhook"
                    return
                await asyncio.sleep(0.05)

    async def _answers(self, http: aiohttp.ClientSession) -> bool:
        listening = LISTENING.search(self.log()[self._logged_before :])
        if listening is None:
            return False
        self.url = f"http://127.0.0.1:{listening.group(1)}"
        try:
            async with http.get(self.url + "/healthz") as response:
                return response.status == 200
        except aiohttp.ClientError:
            return False


def query(database: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as conn:
        return conn.execute(sql).fetchall()


def one_post(api: GraphApiStandIn, people: list[WaUser]) -> bytes:
    """Fifty people's first messages in one webhook, as Meta batches them."""
    value = {
        "messaging_product": "whatsapp",
        "metadata": api.metadata(),
        "contacts": [{"wa_id": p.wa_id, "profile": {"name": p.name}} for p in people],
        "messages": [p.message("text", {"body": "السلام عليكم"}) for p in people],
    }
    for person in people:
        person.last_inbound = api.now()
    payload = {"object": "whatsapp_business_account", "entry": [{"id": "W", "changes": [{"value": value}]}]}
    return json.dumps(payload, ensure_ascii=False).encode()


async def test_sigkill_right_after_the_200_loses_nothing_and_runs_nothing_twice(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    async with GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID) as api:
        people = [api.user(f"9627900{n:05d}", name=f"مشارك {n}") for n in range(PEOPLE)]
        body = one_post(api, people)
        async with WhatsAppBotProcess(api, database, tmp_path / "first.log") as first:
            assert await api.post_raw(body, api.sign(body)) == 200
            await first.kill()
        at_kill = query(database, "SELECT (SELECT COUNT(*) FROM processed_events), (SELECT COUNT(*) FROM wa_inbox)")
        async with WhatsAppBotProcess(api, database, tmp_path / "second.log") as second:
            await api.wait_for(lambda: all(len(p.messages) >= 2 for p in people), WAIT)
            # Exactly once in what was stored: every message handled, every conversation started, none twice.
            assert query(database, "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM processed_events") == [
                (PEOPLE, PEOPLE)
            ]
            assert query(database, "SELECT COUNT(*) FROM sessions WHERE flow = 'register'") == [(PEOPLE,)]
            assert query(database, "SELECT COUNT(*) FROM wa_inbox") == [(0,)]
            # Meta sending the same post again changes nothing.
            sent = len(api.sent)
            assert await api.post_raw(body, api.sign(body)) == 200
            await asyncio.sleep(0.5)  # nothing is expected: give a wrong answer the time to show up
            assert len(api.sent) == sent
            assert query(database, "SELECT COUNT(*) FROM processed_events") == [(PEOPLE,)]
            assert await second.terminate() == 0, second.log()
    welcomes = [sum("أهلاً بك في بوت" in m.text for m in p.messages) for p in people]
    print(f"at the kill: {at_kill[0][0]} messages handled, {at_kill[0][1]} webhooks stored")
    print(f"welcome messages per person: {sorted(set(welcomes))} (more than one only if sent but not marked)")
    assert all(n >= 1 for n in welcomes)


async def test_sigkill_after_handling_before_dropping_the_post_loses_nothing_and_runs_nothing_twice(
    tmp_path: Path,
) -> None:
    database, marker = tmp_path / "bot.sqlite3", tmp_path / "paused"
    async with GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID) as api:
        people = [api.user(f"9627911{n:05d}", name=f"مشارك {n}") for n in range(PEOPLE)]
        body = one_post(api, people)
        paused = {"OGP_TEST_PAUSE_BEFORE_DROP": str(marker)}
        async with WhatsAppBotProcess(api, database, tmp_path / "first.log", **paused) as first:
            assert await api.post_raw(body, api.sign(body)) == 200
            async with asyncio.timeout(WAIT):
                while True:  # the child process reaching its pause: a short poll of a file
                    if marker.exists():
                        break
                    await asyncio.sleep(0.02)
            await first.kill()
        # Every message was handled in the post's transaction, which the kill rolled back with the drop.
        at_kill = query(database, "SELECT (SELECT COUNT(*) FROM processed_events), (SELECT COUNT(*) FROM wa_inbox)")
        assert at_kill == [(0, 1)]
        assert api.sent == []
        async with WhatsAppBotProcess(api, database, tmp_path / "second.log") as second:
            await api.wait_for(lambda: all(len(p.messages) >= 2 for p in people), WAIT)
            assert query(database, "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM processed_events") == [
                (PEOPLE, PEOPLE)
            ]
            assert query(database, "SELECT COUNT(*) FROM sessions WHERE flow = 'register'") == [(PEOPLE,)]
            assert query(database, "SELECT COUNT(*) FROM wa_inbox") == [(0,)]
            assert await second.terminate() == 0, second.log()
    welcomes = [sum("أهلاً بك في بوت" in m.text for m in p.messages) for p in people]
    assert welcomes == [1] * PEOPLE


async def slow_connections(url: str, half_headers: int, half_bodies: int) -> list[asyncio.StreamWriter]:
    """Open connections that never finish: some stop inside the headers, some inside a 4 MB body."""
    host, port = url.removeprefix("http://").split(":")
    writers = []
    for n in range(half_headers + half_bodies):
        _, writer = await asyncio.open_connection(host, int(port))
        if n < half_headers:
            writer.write(b"POST /whatsapp/webhook HTTP/1.1\r\nHost: bot\r\nX-Slow: ")
        else:
            head = (
                "POST /whatsapp/webhook HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
                f"Content-Length: {4 * 1024 * 1024}\r\nX-Hub-Signature-256: sha256={'0' * 64}\r\n\r\n"
            )
            writer.write(head.encode() + b"{" * 65536)
        await writer.drain()
        writers.append(writer)
    return writers


async def test_sigterm_stops_the_bot_promptly_with_strangers_connections_open(tmp_path: Path) -> None:
    loop = asyncio.get_running_loop()
    database = tmp_path / "bot.sqlite3"
    async with GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID) as api:
        async with WhatsAppBotProcess(api, database, tmp_path / "bot.log") as bot:
            # A first start takes the open data's snapshot (a child process renders it), and a stop waits for a job
            # under way; the quiet bot below has none due, so the two stops are compared once it is recorded.
            async with asyncio.timeout(WAIT):
                while query(database, "SELECT COUNT(*) FROM snapshots") != [(1,)]:  # another process: a short poll
                    assert not bot.exited(), bot.log()
                    await asyncio.sleep(0.05)
            writers = await slow_connections(bot.url, half_headers=50, half_bodies=20)
            try:
                async with aiohttp.ClientSession() as http, http.get(bot.url + "/healthz") as response:
                    assert response.status == 200  # still answering others
                started = loop.time()
                assert await bot.terminate() == 0, bot.log()
                stopped_in = loop.time() - started
            finally:
                for writer in writers:
                    writer.close()
        async with WhatsAppBotProcess(api, database, tmp_path / "quiet.log") as quiet:
            started = loop.time()
            assert await quiet.terminate() == 0, quiet.log()
            quiet_in = loop.time() - started
    print(f"stopped {stopped_in:.1f}s after SIGTERM with 70 slow connections open, {quiet_in:.1f}s with none")
    # Waiting for the strangers would add their 10 s body or 15 s header time-out to an ordinary stop; a busy machine
    # slows both stops alike, so the bound is the same bot's stop with no strangers (at least 10 s, as when idle).
    assert stopped_in < max(10.0, 2 * quiet_in)


class StartingWhatsAppBot(WhatsAppBotProcess):
    """The same process, counted as ready the moment its WhatsApp channel starts: long before it listens."""

    async def ready(self) -> None:
        """Wait for the channel's first log line."""
        async with asyncio.timeout(self.timeout):
            while "whatsapp: webhook at" not in self.log():  # a subprocess starting: a short poll of its log
                assert not self.exited(), self.log()
                await asyncio.sleep(0.005)


async def test_a_sigterm_while_the_bot_is_starting_is_a_clean_stop(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    async with GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID) as api:
        async with StartingWhatsAppBot(api, database, tmp_path / "bot.log") as starting:
            assert await starting.terminate() == 0, starting.log()  # a service manager's stop during start-up
        assert query(database, "PRAGMA integrity_check") == [("ok",)]
        person = api.user("962792000001", name="مشاركة")
        async with WhatsAppBotProcess(api, database, tmp_path / "again.log") as again:
            await person.send("مرحبا")
            await person.wait_messages(1, timeout=WAIT)
            assert await again.terminate() == 0, again.log()
    assert "أهلاً بك في بوت" in person.messages[0].text  # the next start serves as if nothing happened
    assert query(database, "SELECT COUNT(*) FROM wa_inbox") == [(0,)]
    assert query(database, "SELECT COUNT(*) FROM processed_events") == [(1,)]
