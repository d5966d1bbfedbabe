"""`ogp-bot run` serves the public site beside Telegram, and a write by another process shows on the next request."""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp

from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import catalogue, participants, publishing, recommendations
from storage.database import open_database
from storage.models import Sector
from tests.e2e.bot_process import BotProcess
from tests.public.world import fetch
from tests.standins.telegram import BotApiStandIn
from tests.support import START

LISTENING = re.compile(r"web server listening on 127\.0\.0\.1:(\d+)")
TEXT = "نقترح نشر جدول زمني لكل مرحلة من مراحل الالتزام"


async def _seed(database: Path) -> int:
    db = await open_database(database)
    try:
        await load_plan(db, DEFAULT_PLAN)
        async with db.transaction() as conn:
            person = await participants.register(
                conn,
                "telegram",
                "5001",
                name="هالة",
                organisation=None,
                sector=Sector.MEDIA,
                governorate=None,
                now=START,
            )
            commitment = (await catalogue.list_commitments(conn))[0]
            rec = await recommendations.add_recommendation(
                conn,
                participant_id=person.id,
                commitment_id=commitment.id,
                theme_id=None,
                text=TEXT,
                channel="telegram",
                now=START,
            )
            return rec.id
    finally:
        await db.close()


async def _approve(database: Path) -> int:
    db = await open_database(database)
    try:
        async with db.transaction() as conn:
            return await publishing.approve_waiting(conn, 1, START)
    finally:
        await db.close()


async def test_run_serves_the_site_and_follows_other_writers(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    receipt = await _seed(database)
    async with (
        BotApiStandIn(token="123:ABC", bot_username="ogp_test_bot") as api,
        BotProcess(api, database, tmp_path / "bot.log") as bot,
    ):
        await api.wait_for(lambda: LISTENING.search(bot.log()) is not None, 30)
        match = LISTENING.search(bot.log())
        assert match is not None
        base = f"http://127.0.0.1:{match.group(1)}"
        async with aiohttp.ClientSession() as session:
            status, before, _ = await fetch(session, f"{base}/commitments/1/")
            assert status == 200 and TEXT not in before.decode()
            assert await _approve(database) == 1  # `ogp-bot`'s own storage, from another process
            _, after, _ = await fetch(session, f"{base}/commitments/1/")
            health, _, _ = await fetch(session, f"{base}/healthz")
        assert TEXT in after.decode() and f"التوصية رقم {receipt}" in after.decode() and health == 200
        assert await bot.terminate() == 0
