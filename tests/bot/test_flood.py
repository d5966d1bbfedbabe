"""One person sends 700 messages: all are handled, their answers are bounded, and nobody else waits for them."""

from __future__ import annotations

import sqlite3
from typing import Any

from bot.core import Core
from handlers.kit.contract import Incoming
from tests.support import ChatDriver, RecordingTransport

FLOOD = 700


def rows(core: Core, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(core.db.path) as conn:
        return conn.execute(sql, params).fetchall()


async def test_a_flood_is_answered_once_and_another_person_is_served_in_the_first_round(
    core: Core, transport: RecordingTransport
) -> None:
    flooder = ChatDriver(core, transport, user="700", name="سامي")
    other = ChatDriver(core, transport, user="701", name="هدى")
    await flooder.register(name="سامي العلي")
    await other.register(name="هدى الخطيب")
    sent_before = len(transport.sent)
    events_before = rows(core, "SELECT COUNT(*) FROM processed_events")[0][0]
    for n in range(FLOOD):
        await core.dispatcher.handle(Incoming("telegram", "700", f"flood-{n}", text=f"رسالة رقم {n}", name="سامي"))
    await core.dispatcher.handle(Incoming("telegram", "701", "other-1", command="help", name="هدى"))

    # Every event was recorded and handled; what waits for the flooder is bounded.
    assert rows(core, "SELECT COUNT(*) FROM processed_events")[0][0] == events_before + FLOOD + 1
    cap = core.settings.send_queued_replies_per_chat
    waiting = rows(core, "SELECT COUNT(*) FROM outbox WHERE recipient = '700' AND status = 'pending'")[0][0]
    assert waiting == cap + 2  # the answers queued before the flood, one note, the answer to the newest message

    started, _ = await core.sender._pump()  # one round of the sender
    assert started == 2
    await core.sender.flush()
    order = [s.recipient for s in transport.sent[sent_before:]]
    assert order.index("701") <= 10  # behind at most one round of the flooder's answers
    help_text = transport.to("701")[-1].text
    assert "الأوامر المتاحة" in help_text

    answers = transport.to("700")[-(cap + 2) :]
    note = core.messages.t("flood-replies")
    assert [r.text for r in answers].count(note) == 1 and answers[cap].text == note
    last_key = rows(core, "SELECT dedupe_key FROM outbox WHERE recipient = '700' ORDER BY id DESC LIMIT 1")[0][0]
    assert last_key == f"latest:telegram:700:flood-{FLOOD - 1}:0"  # the newest message got its answer
    assert rows(core, "SELECT COUNT(*) FROM outbox WHERE status != 'sent'") == [(0,)]

    # Once the queue has drained, every message is answered again, without a note.
    before = len(transport.to("700"))
    await flooder.send("نص بعد أن هدأت الرسائل")
    [after] = transport.to("700")[before:]
    assert after.text != note
