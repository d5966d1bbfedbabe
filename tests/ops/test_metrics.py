"""GET /metrics on the bot's web server: who may read it, the counters a chat moves, the gauges read from storage."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot import metrics
from bot.clock import FakeClock
from bot.core import Core
from bot.metrics_page import MetricsMode, MetricsPage
from bot.web import TRUSTED_PROXIES, WebServer, client_address
from storage import outbox
from tests.support import ChatDriver

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "a-long-random-metrics-token"


async def _served(core: Core, mode: MetricsMode, **options: object) -> WebServer:
    server = WebServer("127.0.0.1", 0, **options)  # type: ignore[arg-type]
    MetricsPage(core.db, core.clock, mode, TOKEN, None).mount(server)

    async def refuse(_: web.Request) -> web.Response:
        return web.Response(status=403, text="bad signature")

    async def who(request: web.Request) -> web.Response:
        trusted: tuple[str, ...] = request.app[TRUSTED_PROXIES]
        return web.Response(text=str(client_address(request, trusted)))

    server.add_route("POST", "/hook", refuse)
    server.add_route("GET", "/who", who)
    await server.start()
    return server


@pytest.fixture
async def page(core: Core) -> AsyncIterator[WebServer]:
    """The bot's web server with /metrics for callers on this machine."""
    server = await _served(core, "loopback")
    yield server
    await server.stop()


async def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers or {}) as response:
        return response.status, await response.text()


def _value(page: str, sample: str) -> float:
    """Return a sample's value in the page (0 when it is absent)."""
    for line in page.splitlines():
        if line.startswith(sample + " "):
            return float(line.split()[-1])
    return 0.0


async def test_the_page_is_off_unless_configured(core: Core) -> None:
    server = await _served(core, "off")
    try:
        status, _ = await _get(f"{server.url}/metrics")
    finally:
        await server.stop()
    assert status == 404


async def test_loopback_answers_a_local_caller_but_not_one_the_proxy_forwards(page: WebServer) -> None:
    status, text = await _get(f"{page.url}/metrics")
    assert status == 200
    assert "ogp_outbox_depth 0.0" in text
    forwarded, text = await _get(f"{page.url}/metrics", {"X-Forwarded-For": "203.0.113.7"})
    assert forwarded == 404
    assert "ogp_" not in text


async def test_token_mode_answers_only_the_bearer(core: Core) -> None:
    server = await _served(core, "token")
    try:
        without, _ = await _get(f"{server.url}/metrics")
        wrong, _ = await _get(f"{server.url}/metrics", {"Authorization": "Bearer guess"})
        right, text = await _get(f"{server.url}/metrics", {"Authorization": f"Bearer {TOKEN}"})
    finally:
        await server.stop()
    assert (without, wrong, right) == (404, 404, 200)
    assert "# TYPE ogp_sends_total counter" in text


async def test_a_conversation_moves_the_counters(page: WebServer, chat: ChatDriver) -> None:
    _, before = await _get(f"{page.url}/metrics")
    await chat.command("help")
    _, after = await _get(f"{page.url}/metrics")
    received = 'ogp_updates_received_total{channel="telegram",kind="command"}'
    handled = 'ogp_updates_handled_total{channel="telegram",kind="command"}'
    sent = 'ogp_sends_total{channel="telegram",outcome="sent"}'
    assert _value(after, received) - _value(before, received) == 1
    assert _value(after, handled) - _value(before, handled) == 1
    assert _value(after, sent) - _value(before, sent) >= 1
    assert _value(after, 'ogp_handler_seconds_count{channel="telegram"}') > _value(
        before, 'ogp_handler_seconds_count{channel="telegram"}'
    )
    assert chat.transport.to(chat.user)  # the person was answered


async def test_the_outbox_backlog_is_read_from_storage(page: WebServer, core: Core, clock: FakeClock) -> None:
    async with core.db.transaction() as conn:
        await outbox.enqueue(conn, channel="whatsapp", recipient="962790000001", payload="{}", now=clock.now())
        later = clock.now() + timedelta(hours=5)  # held for quiet hours: not a backlog
        await outbox.enqueue(conn, channel="whatsapp", recipient="962790000002", payload="{}", now=later)
    clock.advance(timedelta(minutes=20))
    _, text = await _get(f"{page.url}/metrics")
    assert _value(text, "ogp_outbox_depth") == 1
    assert _value(text, "ogp_outbox_oldest_seconds") == 1200
    assert _value(text, "ogp_database_bytes") > 0
    async with core.db.reader() as conn:
        assert (await outbox.backlog(conn, clock.now())).depth == 1


async def test_a_refused_webhook_is_counted_by_reason(page: WebServer) -> None:
    sample = 'ogp_webhook_rejections_total{path="/hook",reason="forbidden"}'
    before = metrics.total(metrics.WEBHOOK_REJECTIONS, path="/hook")
    async with aiohttp.ClientSession() as session, session.post(f"{page.url}/hook", data=b"{}") as response:
        assert response.status == 403
    _, text = await _get(f"{page.url}/metrics")
    assert _value(text, sample) == before + 1


async def test_forwarded_for_is_believed_only_from_a_trusted_proxy(core: Core) -> None:
    forged = {"X-Forwarded-For": "198.51.100.1, 203.0.113.9"}
    trusting = await _served(core, "off")
    wary = await _served(core, "off", trusted_proxies=("10.0.0.1",))
    try:
        _, via_proxy = await _get(f"{trusting.url}/who", forged)
        _, direct = await _get(f"{wary.url}/who", forged)
    finally:
        await trusting.stop()
        await wary.stop()
    assert via_proxy == "203.0.113.9"  # the address the proxy added, never the one the client wrote before it
    assert direct == "127.0.0.1"


def test_the_alert_rules_pass_promtool() -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.fail("promtool is missing: install prometheus (apt-get install prometheus), as .ci/run does")
    result = subprocess.run(  # noqa: S603 - a fixed tool on a file of this repository
        [promtool, "check", "rules", str(ROOT / "deploy" / "alerts.yml")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
