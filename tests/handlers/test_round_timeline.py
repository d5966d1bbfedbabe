"""A round's timeline: its announcement date, a confirmed short notice, and one announcement to everyone."""

from __future__ import annotations

from bot.core import Core
from bot.scheduler import summarise_broadcasts
from tests.loop_support import coordinator, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

NAME = "جولة التشاور حول الخطة الخامسة"


async def _start(coord: ChatDriver, held_on: str) -> None:
    await coord.command("round")
    await coord.press("rnd:new")
    await coord.send(NAME)
    await coord.send(held_on)


async def _finish(coord: ChatDriver) -> list[str]:
    await coord.send("فندق جنيفا - عمّان")
    await coord.press("rnd:cdone")
    await coord.press("rnd:qdef")
    preview = await coord.send("31/12/2026 17:00")
    card = await coord.press("rnd:ok")
    return [texts(preview), texts(card)]


async def test_two_weeks_ahead_needs_no_confirmation(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await _start(coord, "30/12/2026")
    asked = await coord.send("20/12/2026")
    assert "بعد 10 أيام فقط من إعلانها" in texts(asked) and "قبل أسبوعين على الأقل" in texts(asked)
    again = await coord.press("تغيير تاريخ الإعلان")
    assert "متى يُعلَن الجدول الزمني" in texts(again)
    assert "بعد موعد الجولة" in texts(await coord.send("31/12/2026"))
    await coord.send("1/12/2026")
    preview, card = await _finish(coord)
    assert "الإعلان: 1/12/2026 (قبلها بـ29 يوماً)" in preview and "الإعلان: 1/12/2026" in card
    [found] = await rows(core, "SELECT announced_on, short_notice_confirmed_at, held_on FROM rounds")
    assert found == {"announced_on": "2026-12-01", "short_notice_confirmed_at": None, "held_on": "2026-12-30"}


async def test_a_short_notice_is_confirmed_and_recorded(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await _start(coord, "30/12/2026")
    await coord.send("25/12/2026")
    await coord.press("نعم، أؤكد")
    preview, _ = await _finish(coord)
    assert "(قبلها بـ5 أيام) — ⚠️ أقل من أسبوعين، بتأكيد المنسق" in preview
    [found] = await rows(core, "SELECT short_notice_confirmed_at, short_notice_confirmed_by FROM rounds")
    assert found["short_notice_confirmed_at"] is not None
    [coordinator_row] = await rows(core, "SELECT participant_id FROM identities WHERE external_id = '9001'")
    assert found["short_notice_confirmed_by"] == coordinator_row["participant_id"]


async def test_the_announcement_goes_to_everyone_once(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    first = await registered(core, transport, "1001", "سلمى")
    await registered(core, transport, "1002", "خالد")
    quiet = await registered(core, transport, "1003", "ليلى")
    await quiet.command("settings")
    await quiet.press("set:status")  # no news: no announcement either
    await _start(coord, "30/12/2026")
    await coord.send("1/12/2026")
    await _finish(coord)
    [found] = await rows(core, "SELECT id FROM rounds")
    preview = await coord.press("إعلان")
    assert "هذا ما سيصل إلى 3 أشخاص" in texts(preview) and NAME in texts(preview) and "r_" in texts(preview)
    done = await coord.press("إرسال الإعلان")
    assert "سيصل الإعلان إلى 3 أشخاص" in texts(done) and "📣 أُرسل الإعلان في 29/11/2026 إلى 3 أشخاص" in texts(done)
    [announcement] = first.transport.to("1001")[-1:]
    assert "دعوة للمشاركة في جولة تشاور" in announcement.text and "31/12/2026 17:00" in announcement.text
    assert transport.to("1003")[-1].text != announcement.text
    queued = await rows(core, "SELECT COUNT(*) AS n FROM outbox WHERE batch = ?", f"announce-round-{found['id']}")
    assert queued[0]["n"] == 3
    [stored] = await rows(core, "SELECT announcement_sent_at, announcement_recipients FROM rounds")
    assert stored["announcement_sent_at"] is not None and stored["announcement_recipients"] == 3
    again = await coord.press_data(f"rnd:annok:{found['id']}")
    assert "لا يُرسل مرتين" in texts(again)
    queued = await rows(core, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'broadcast'")
    assert queued[0]["n"] == 3
    assert "round.announce" in [r["action"] for r in await rows(core, "SELECT action FROM audit_log")]
    await core.sender.flush()
    assert await core.scheduler.run_due(jobs=[summarise_broadcasts]) == 1  # the delivery summary, like any broadcast
    await core.sender.flush()
    assert "3" in transport.to("9001")[-1].text
