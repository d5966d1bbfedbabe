"""A bot with the real WhatsApp channel on a loopback web server, talking to the Graph API stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.channels.whatsapp import WEBHOOK_PATH, WhatsAppChannel
from bot.clock import FakeClock
from bot.core import Core, open_core
from bot.web import WebServer
from tests.standins.graph_api import GraphApiStandIn
from tests.support import fresh_database, settings_for

TOKEN = "EAAG-test-token"
SECRET = "app-secret-for-tests"
VERIFY = "verify-me"
PHONE_ID = "100200300"


@dataclass
class WhatsAppBot:
    """Everything a WhatsApp end-to-end test touches."""

    core: Core
    api: GraphApiStandIn
    server: WebServer
    channel: WhatsAppChannel
    clock: FakeClock

    async def settle(self) -> None:
        """Let the webhooks posted so far be processed and their replies be sent."""
        await self.server.drain()
        await self.core.sender.flush()

    async def rows(self, sql: str, *params: Any) -> list[Any]:
        """Run a read query on the bot's database."""
        async with self.core.db.transaction() as conn:
            return list(await conn.execute_fetchall(sql, params))


@asynccontextmanager
async def whatsapp_bot(
    tmp_path: Path, clock: FakeClock, *, api: GraphApiStandIn | None = None, **settings: Any
) -> AsyncIterator[WhatsAppBot]:
    """Start a bot whose only channel is WhatsApp; the outbox is drained by settle() (or a started sender)."""
    values: dict[str, Any] = {
        "whatsapp_token": TOKEN,
        "whatsapp_phone_number_id": PHONE_ID,
        "whatsapp_app_secret": SECRET,
        "whatsapp_verify_token": VERIFY,
        "whatsapp_per_user_rate": 1000.0,
        "whatsapp_per_user_burst": 1000,
        "coordinators": ("whatsapp:962790000009",),
        "webhook_port": 0,
    }
    values.update(settings)
    stand_in = api or GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID, clock=clock.now)
    async with stand_in:
        config = settings_for(tmp_path, whatsapp_api_url=stand_in.base_url, **values)
        fresh_database(Path(config.database))  # a copy of the migrated template, unless restarting on one
        core = await open_core(config, clock)
        core.receiver.backoff = (0.0,)  # a failed download is tried again at once here (1 s, then 4 s in production)
        server = WebServer("127.0.0.1", 0)
        channel = WhatsAppChannel(core, server)
        await channel.start()
        await server.start()
        stand_in.webhook_url = server.url + WEBHOOK_PATH
        try:
            yield WhatsAppBot(core, stand_in, server, channel, clock)
        finally:
            await server.stop()
            await channel.stop()
            await core.close()
