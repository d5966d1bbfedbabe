"""WhatsApp bookkeeping done in one round trip each: a contact's message, a group of stored posts, delivery states."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from handlers.kit.contract import Reply
from storage import outbox, whatsapp
from storage.database import fetch_all, open_database

NOW = datetime(2026, 12, 6, 10, tzinfo=UTC)
NUMBER = "962790000123"


async def test_bookkeeping_tells_a_new_number_records_it_and_releases_what_was_held(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "a.sqlite3")
    try:
        async with db.transaction() as conn:
            held = await outbox.enqueue(
                conn, channel="whatsapp", recipient=NUMBER, payload=Reply(text="مرحبا").to_payload(), now=NOW
            )
            assert held is not None
            await outbox.mark_final(conn, held, "held", "outside the 24-hour window")
            first = await whatsapp.bookkeep(
                conn, "whatsapp", NUMBER, wa_id=NUMBER, user_id=None, at=NOW, now=NOW, ask_known=True
            )
            later = NOW + timedelta(minutes=1)
            again = await whatsapp.bookkeep(
                conn, "whatsapp", NUMBER, wa_id=None, user_id="JO.1", at=later, now=later, ask_known=True
            )
            unasked = await whatsapp.bookkeep(
                conn, "whatsapp", "962790000999", wa_id=None, user_id=None, at=NOW, now=NOW, ask_known=False
            )
            contact = await whatsapp.get_contact(conn, NUMBER)
            row = await outbox.get(conn, held)
    finally:
        await db.close()
    assert first == (False, 1)
    assert again == (True, 0)
    assert unasked == (False, 0)
    assert contact is not None and (contact.wa_id, contact.user_id, contact.last_inbound_at) == (NUMBER, "JO.1", later)
    assert row is not None and row.status == "pending"


async def test_posts_stored_and_dropped_together_keep_their_order(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "a.sqlite3")
    bodies = [b'{"n": 1}', b'{"n": 2}', b'{"n": 3}']
    try:
        async with db.transaction() as conn:
            ids = await whatsapp.store_webhooks(conn, bodies, NOW)
            stored = await whatsapp.stored_webhooks(conn)
            await whatsapp.drop_webhooks(conn, ids[:2])
            left = await fetch_all(conn, "SELECT id FROM wa_inbox")
    finally:
        await db.close()
    assert ids == sorted(ids) and stored == list(zip(ids, bodies, strict=True))
    assert [r[0] for r in left] == [ids[2]]


async def test_delivery_states_read_together_match_each_read_alone(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "a.sqlite3")
    try:
        async with db.transaction() as conn:
            await whatsapp.touch_contact(conn, NUMBER, wa_id=NUMBER, user_id=None, at=NOW)
            payload = Reply(text="مرحبا").to_payload()
            rows = [
                await outbox.enqueue(conn, channel="whatsapp", recipient=to, payload=payload, now=NOW)
                for to in (NUMBER, "962790000999", NUMBER)
            ]
            sent, stranger, unsent = (r for r in rows if r is not None)
            await whatsapp.record_sent(conn, "wamid.A", sent, 0, NOW)
            await whatsapp.record_sent(conn, "wamid.B", sent, 1, NOW)
            pairs = [(NUMBER, sent), ("962790000999", stranger), (NUMBER, unsent)]
            together = await whatsapp.delivery_states(conn, pairs)
            alone = [await whatsapp.delivery_state(conn, to, row_id) for to, row_id in pairs]
    finally:
        await db.close()
    assert together == alone
    assert together[0][1] == {0, 1} and together[1] == (None, set()) and together[2][1] == set()
