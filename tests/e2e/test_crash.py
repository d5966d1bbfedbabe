"""Kill the real bot process with SIGKILL in the middle of a burst and check that nothing is lost or doubled."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import participants
from storage.database import open_database
from storage.models import Sector
from tests.e2e.bot_process import BotProcess
from tests.standins.telegram import BotApiStandIn, ChatMessage, SimulatedUser
from tests.support import START

TOKEN = "123456:TEST-token-for-the-crash-test-only"
USERS = 100
PER_USER = 3
KILL_AFTER = 100  # receipts seen before the power cut
WAIT = 60.0  # one reply, across a restart, on a shared 2-core CI machine
RECEIPT = re.compile(r"#(\d+)")


@dataclass
class Burst:
    """What the simulated people saw."""

    receipts: dict[int, tuple[int, str]] = field(default_factory=dict)  # receipt → (user, text sent)
    extra: list[tuple[int, str]] = field(default_factory=list)  # messages that answered no pending step
    update_ids: list[int] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)


def text_for(user_id: int, k: int) -> str:
    return f"التوصية رقم {k} من المشارك {user_id}: نشر تقارير التنفيذ كل ثلاثة أشهر"


async def expect(user: SimulatedUser, want: Callable[[ChatMessage], bool], burst: Burst) -> ChatMessage:
    """Wait for the bot message that answers the step; anything else (a re-sent reply) is counted."""
    while True:
        [message] = await user.wait_messages(1, timeout=WAIT)
        if want(message):
            return message
        burst.extra.append((user.id, message.text or ""))


def data_of(message: ChatMessage) -> list[str]:
    return [data for row in message.buttons for _, data in row if data]


async def recommend(user: SimulatedUser, k: int, burst: Burst) -> None:
    """One recommendation, as a person does it: command, theme button, text, confirm."""
    burst.update_ids.append(await user.command("recommend", str(k % 5 + 1)))
    themes = await expect(user, lambda m: any(d.startswith("rec:t:") for d in data_of(m)), burst)
    burst.update_ids.append(await user.press_data(data_of(themes)[0], message_id=themes.message_id))
    await expect(user, lambda m: data_of(m) == ["rec:x"], burst)
    text = text_for(user.id, k)
    burst.update_ids.append(await user.send(text))
    preview = await expect(user, lambda m: "rec:ok" in data_of(m), burst)
    burst.update_ids.append(await user.press_data("rec:ok", message_id=preview.message_id))
    receipt = await expect(user, lambda m: RECEIPT.search(m.text or "") is not None, burst)
    match = RECEIPT.search(receipt.text or "")
    assert match is not None
    burst.receipts[int(match.group(1))] = (user.id, text)
    burst.changed.set()


async def person(user: SimulatedUser, burst: Burst) -> None:
    for k in range(PER_USER):
        await recommend(user, k, burst)


async def seed_people(database: Path) -> None:
    """Register the participants beforehand: the burst is about recommendations."""
    db = await open_database(database)
    try:
        await load_plan(db, DEFAULT_PLAN)
        async with db.transaction() as conn:
            for n in range(USERS):
                await participants.register(
                    conn,
                    "telegram",
                    str(2001 + n),
                    name=f"مشارك {n}",
                    organisation=None,
                    sector=Sector.CSO,
                    governorate="amman",
                    now=START,
                )
    finally:
        await db.close()


def query(database: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as conn:
        return conn.execute(sql).fetchall()


async def wait_receipts(burst: Burst, count: int) -> None:
    while len(burst.receipts) < count:
        burst.changed.clear()
        await asyncio.wait_for(burst.changed.wait(), WAIT)


async def test_sigkill_mid_burst_loses_nothing_and_stores_nothing_twice(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    await seed_people(database)
    burst = Burst()
    async with BotApiStandIn(token=TOKEN, bot_username="ogp_crash_bot") as api:
        users = [api.user(2001 + n, first_name=f"مشارك{n}", started=True) for n in range(USERS)]
        async with BotProcess(api, database, tmp_path / "first.log") as first:
            people = asyncio.gather(*(person(user, burst) for user in users))
            try:
                await wait_receipts(burst, KILL_AFTER)
                await first.kill()
                at_kill = len(burst.receipts)
                mid_flow = query(database, "SELECT COUNT(*) FROM sessions WHERE flow = 'recommend'")[0][0]
                unsent = query(database, "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')")[0][0]
                async with BotProcess(api, database, tmp_path / "second.log") as second:
                    await people
                    await check_burst(database, burst, api)
                    await check_redelivery(database, api, burst.update_ids)
                    await check_backup_while_running(second, tmp_path)
                    assert await second.terminate() == 0, second.log()
            finally:
                people.cancel()
    # Figures for the report: how much was in the air when the power went.
    print(f"receipts before kill: {at_kill}; conversations mid-flow: {mid_flow}; unsent replies: {unsent}")
    print(f"messages that answered no pending step (re-sent after the kill): {len(burst.extra)}")
    assert 0 < at_kill < USERS * PER_USER
    assert mid_flow > 0


async def check_burst(database: Path, burst: Burst, api: BotApiStandIn) -> None:
    """Every receipt shown is one stored row with the person's text; every text is stored once."""
    assert len(burst.receipts) == USERS * PER_USER
    stored = {
        int(rid): (int(ext), str(text))
        for rid, ext, text in query(
            database,
            "SELECT r.id, i.external_id, r.text FROM recommendations r JOIN identities i USING (participant_id)",
        )
    }
    assert stored == burst.receipts
    await api.wait_idle(timeout=WAIT)
    assert query(database, "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'") == [(0,)]
    assert query(database, "SELECT COUNT(*) FROM sessions WHERE flow IS NOT NULL") == [(0,)]


async def check_backup_while_running(bot: BotProcess, tmp_path: Path) -> None:
    """`ogp-bot backup` from another process while the bot runs makes a whole, consistent copy."""
    copy = tmp_path / "backup.sqlite3"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "backup",
        "--output",
        str(copy),
        env=bot.env,
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), WAIT)
    assert process.returncode == 0, output.decode()
    assert query(copy, "SELECT COUNT(*) FROM recommendations") == [(USERS * PER_USER,)]
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]


async def check_redelivery(database: Path, api: BotApiStandIn, update_ids: list[int]) -> None:
    """Telegram sending every update of the burst again changes nothing and sends nothing."""
    before = len(api.calls)
    sent_before = sum(1 for method, _ in api.calls if method in ("sendMessage", "editMessageText"))
    assert len(update_ids) == USERS * PER_USER * 4
    for update_id in update_ids:
        api.redeliver(update_id)
    await api.wait_idle(timeout=WAIT)
    sent_after = sum(1 for method, _ in api.calls if method in ("sendMessage", "editMessageText"))
    assert sent_after == sent_before, api.calls[before:][:5]
    assert query(database, "SELECT COUNT(*), COUNT(DISTINCT text) FROM recommendations") == [
        (USERS * PER_USER, USERS * PER_USER)
    ]
