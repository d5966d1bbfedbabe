"""SQL-looking text typed into every field the bot stores comes back verbatim: all SQL is parameterised."""

from __future__ import annotations

from bot.core import Core
from tests.loop_support import coordinator, officer, recommend, rows
from tests.support import ChatDriver, RecordingTransport, texts

PAYLOADS = {
    "name": "Robert'); DROP TABLE participants;--",
    "organisation": "جمعية ' OR '1'='1 -- ; DELETE FROM recommendations",
    "recommendation": '\'; UPDATE recommendations SET state=\'accepted\' WHERE 1=1; -- " OR ""=" ; SELECT * FROM roles',
    "response": "سنرد'); INSERT INTO roles VALUES (1,'coordinator',NULL,NULL,'x');--",
    "milestone": "مرحلة'); DROP TABLE milestones;--",
    "note": "ملاحظة\\'; ATTACH DATABASE '/tmp/x.db' AS x; --",
    "evidence": 'https://example.jo/a?q=1\'%20OR%201=1;--&b="x"',
    "reason": "سبب'; DELETE FROM audit_log; --",
}


async def test_sql_looking_text_is_stored_and_read_back_verbatim(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 2)
    author = ChatDriver(core, transport, user="1001", name=PAYLOADS["name"])
    await author.register(name=PAYLOADS["name"], organisation=PAYLOADS["organisation"])
    receipt = await recommend(author, 2, PAYLOADS["recommendation"])
    assert PAYLOADS["recommendation"] in texts(await author.command("my"))

    await officer_chat.command("inbox")
    opened = texts(await officer_chat.press(f"#{receipt}"))
    assert PAYLOADS["recommendation"] in opened and PAYLOADS["name"] in opened
    await officer_chat.press("اعتُمدت جزئياً")
    await officer_chat.send(PAYLOADS["response"])
    await officer_chat.press("حفظ وإرسال")

    await coord.command("milestones", "")
    await coord.press("2. تعزيز تطبيق")
    await coord.press("إضافة مرحلة")
    await coord.send(PAYLOADS["milestone"])
    await coord.send("1/9/2018")
    await coord.send("30/6/2020")
    await officer_chat.command("update")
    await officer_chat.press("جوهري")
    await officer_chat.send("60")
    await officer_chat.press(PAYLOADS["milestone"])
    await officer_chat.press("مكتمل")
    await officer_chat.send(PAYLOADS["note"])
    await officer_chat.send(PAYLOADS["evidence"])
    await officer_chat.press("upd:ok")
    await coord.command("inbox")
    await coord.press(f"#{receipt}")
    await coord.press("إخفاء عن العموم")
    assert "أُخفيت" in texts(await coord.send(PAYLOADS["reason"]))

    [person] = await rows(core, "SELECT name, organisation FROM participants WHERE name = ?", PAYLOADS["name"])
    assert person == {"name": PAYLOADS["name"], "organisation": PAYLOADS["organisation"]}
    [rec] = await rows(core, "SELECT text, state, response, hidden_reason FROM recommendations")
    assert rec == {
        "text": PAYLOADS["recommendation"],
        "state": "partly_accepted",
        "response": PAYLOADS["response"],
        "hidden_reason": PAYLOADS["reason"],
    }
    assert len(await rows(core, "SELECT * FROM audit_log")) >= 3  # nothing deleted
    assert await rows(core, "SELECT title FROM milestones") == [{"title": PAYLOADS["milestone"]}]
    [update] = await rows(core, "SELECT note, evidence_url FROM status_updates")
    assert update == {"note": PAYLOADS["note"], "evidence_url": PAYLOADS["evidence"]}
    assert len(await rows(core, "SELECT * FROM roles")) == 1  # only the officer's; nothing injected
    assert PAYLOADS["recommendation"] in texts(await author.command("my"))
