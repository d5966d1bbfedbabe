"""deploy/Caddyfile in front of the real bot: signed webhooks and the public site through HTTPS, the client's address
taken from X-Forwarded-For only when the proxy sent it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import aiohttp

from tests.e2e.test_crash_whatsapp import PHONE_ID, SECRET, TOKEN, WAIT, WhatsAppBotProcess
from tests.ops.caddy import Caddy, caddy_in_front
from tests.standins.graph_api import GraphApiStandIn

VISITOR, CALLER = "127.0.0.2", "127.0.0.3"  # loopback addresses of their own, told apart from the proxy's 127.0.0.1
FORGED = "203.0.113.9"
WRONG = "sha256=" + "0" * 64


def _count(database: Path, sql: str) -> int:
    with sqlite3.connect(database) as conn:
        return int(conn.execute(sql).fetchone()[0])


async def test_webhooks_and_the_site_through_caddy_over_https(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    through: list[Caddy] = []  # Meta's side posts through the proxy once it runs
    api = GraphApiStandIn(
        token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID, webhook_client=lambda: through[0].client(VISITOR)
    )
    async with (
        api,
        WhatsAppBotProcess(api, database, tmp_path / "bot.log") as bot,
        caddy_in_front(tmp_path, bot.url.removeprefix("http://")) as caddy,
    ):
        through.append(caddy)
        api.webhook_url = caddy.url + "/whatsapp/webhook"
        person = api.user("962790000123")
        await person.send("السلام عليكم")
        await api.wait_for(lambda: len(person.messages) >= 1, WAIT)
        assert api.webhooks[-1][1] == 200  # the signature Meta made verifies after the proxy
        assert "أهلاً بك في بوت" in person.messages[0].text
        assert _count(database, "SELECT COUNT(*) FROM processed_events WHERE channel = 'whatsapp'") == 1

        # A wrong signature through the proxy with a forged X-Forwarded-For: refused, and logged as the visitor's
        # (caddy replaces the header with the address it saw).
        body = b'{"object": "whatsapp_business_account", "entry": []}'
        assert await api.post_raw(body, WRONG, {"X-Forwarded-For": FORGED}) == 403
        # The same straight to the bot from another address: its header is not believed.
        async with (
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(CALLER, 0))) as direct,
            direct.post(
                bot.url + "/whatsapp/webhook",
                data=body,
                headers={"X-Forwarded-For": FORGED, "X-Hub-Signature-256": WRONG},
            ) as response,
        ):
            assert response.status == 403
        assert _count(database, "SELECT COUNT(*) FROM processed_events") == 1  # neither was handled

        async with caddy.client(VISITOR) as http, http.get(caddy.url + "/") as page:
            html = await page.text()
            assert page.status == 200 and "<html" in html.lower()
            assert page.headers["Strict-Transport-Security"].startswith("max-age=")
            assert page.headers["X-Content-Type-Options"] == "nosniff" and "Server" not in page.headers
            assert page.headers.get("Content-Encoding") in {"gzip", "zstd", "deflate"}  # by the bot or the proxy
        assert await bot.terminate() == 0
    log = bot.log()
    assert f"answered 403 (forbidden) to {VISITOR}" in log, log
    assert f"answered 403 (forbidden) to {CALLER}" in log, log
    assert FORGED not in log
