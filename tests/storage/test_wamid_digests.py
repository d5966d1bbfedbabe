"""Migration 015: WhatsApp message ids recorded before become digests, and a redelivery is still recognised."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from bot.channels.whatsapp_webhook import event_key
from storage.database import migrate, migration_files
from storage.events import record_event
from tests.support import START

NOW = "2026-11-29T07:00:00+00:00"
WAMID = "wamid.HBgMOTYyNzkwMDAwMjAzFQIAEhgUM0VCMEQ5RjA1RjE2QjE1QjJCQjgA"  # base64 of the sender's number and more


async def test_whatsapp_ids_recorded_before_become_the_digests_the_bot_now_records(tmp_path: Path) -> None:
    conn = await aiosqlite.connect(str(tmp_path / "old.sqlite3"), isolation_level=None)
    conn.row_factory = aiosqlite.Row  # foreign keys are off on this bare connection: no plan needed
    try:
        for number, sql in migration_files():
            if number < 15:
                await conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        await conn.executescript(
            """
            INSERT INTO recommendations (id, commitment_id, text, channel, event_id, created_at)
            VALUES (1, 1, 'نص', 'whatsapp', '{WAMID}', '{NOW}'), (2, 1, 'نص', 'telegram', 'u:77', '{NOW}');
            INSERT INTO processed_events (channel, event_id, processed_at)
            VALUES ('whatsapp', '{WAMID}', '{NOW}'), ('telegram', 'u:77', '{NOW}');
            """.replace("{NOW}", NOW).replace("{WAMID}", WAMID)
        )
        assert await migrate(conn) == len(migration_files())
        events = [tuple(r) for r in await conn.execute_fetchall("SELECT channel, event_id FROM processed_events")]
        recs = [tuple(r) for r in await conn.execute_fetchall("SELECT id, event_id FROM recommendations ORDER BY id")]
        redelivered = await record_event(conn, "whatsapp", event_key(WAMID), START)
    finally:
        await conn.close()
    assert sorted(events) == [("telegram", "u:77"), ("whatsapp", event_key(WAMID))]
    assert recs == [(1, event_key(WAMID)), (2, "u:77")]
    assert redelivered is False  # the same message delivered again after the upgrade changes nothing
    assert WAMID.encode() not in (tmp_path / "old.sqlite3").read_bytes()
