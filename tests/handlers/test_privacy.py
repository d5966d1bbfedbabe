"""/privacy explains; /forget erases personal data after confirmation, keeping or deleting recommendations."""

from __future__ import annotations

from bot.core import Core
from storage import publishing
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import RecordingTransport, texts

NAME = "سلمى الخطيب"
REC = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع"


async def test_privacy_says_what_why_who_how_long_and_how_to_erase(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", NAME)
    [notice] = await chat.command("privacy")
    for part in ("ما نحفظه", "لماذا", "من يطّلع عليها", "كم نحتفظ بها", "730 يوم", "/forget", "رقم 24 لسنة 2023"):
        assert part in notice.text
    assert notice.choices[0].id == "prv:forget"
    assert "خصوصية" in [k for k in core.router.keywords]


async def test_forget_keeping_recommendations_anonymised(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", NAME)
    await recommend(chat, 2, REC)
    await recommend(chat, 3, REC + " ثانية")
    await chat.command("follow")
    await chat.press("2. تعزيز تطبيق")
    explain = texts(await chat.command("forget"))
    assert "لديك توصيتان محفوظتان" in explain
    assert "هل أنت متأكد" in texts(await chat.press("prv:mode:keep"))
    done = texts(await chat.press("prv:yes:keep"))
    assert "محونا بياناتك الشخصية، وبقيت توصياتك" in done
    [person] = await rows(core, "SELECT * FROM participants")
    assert [person[k] for k in ("name", "organisation", "sector", "governorate", "consent_at")] == [None] * 5
    assert person["forgotten_at"] is not None
    assert await rows(core, "SELECT * FROM identities") == []
    assert await rows(core, "SELECT * FROM follows") == []
    assert await rows(core, "SELECT participant_id FROM recommendations") == [{"participant_id": None}] * 2
    assert {r["text"] for r in await rows(core, "SELECT text FROM recommendations")} == {REC, REC + " ثانية"}
    [entry] = await rows(core, "SELECT actor_id, action, target, detail FROM audit_log")
    assert entry == {
        "actor_id": person["id"],
        "action": "privacy.forget",
        "target": f"participant:{person['id']}",
        "detail": None,
    }
    assert await rows(core, "SELECT id FROM outbox WHERE payload LIKE ?", f"%{NAME}%") == []
    # The chat is a stranger now: /my asks to register, and registering again makes a new person.
    assert "نحتاج أولاً إلى تسجيلك" in texts(await chat.command("my"))


async def test_forget_deleting_recommendations(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", NAME)
    supporter = await registered(core, transport, "1002", "خالد")
    receipt = await recommend(chat, 1, REC)
    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, 1, core.clock.now())  # published: others may read and support it
    await supporter.command("status", "1")
    await supporter.press("التوصيات وتأييدها")
    await supporter.press(f"أؤيد #{receipt}")
    await chat.command("forget")
    await chat.press("prv:mode:delete")
    assert "محونا بياناتك الشخصية وتوصياتك" in texts(await chat.press("prv:yes:delete"))
    assert await rows(core, "SELECT * FROM recommendations") == []
    assert await rows(core, "SELECT * FROM endorsements") == []
    assert [r["name"] for r in await rows(core, "SELECT name FROM participants ORDER BY id")] == [None, "خالد"]


async def test_forget_cancel_stale_and_forged_change_nothing(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", NAME)
    assert "الزر من رسالة سابقة" in texts(await chat.press_data("prv:yes:keep"))
    assert "لم أتعرّف" in texts(await chat.press_data("prv:yes:everything"))
    await chat.command("forget")
    await chat.press("prv:mode:delete")
    assert "الزر من رسالة سابقة" in texts(await chat.press_data("prv:yes:keep"))  # not what was confirmed
    assert "هل أنت متأكد" in texts(await chat.send("نعم"))  # typing is not confirming
    assert "لم نحذف شيئاً" in texts(await chat.press("prv:x"))
    assert [r["name"] for r in await rows(core, "SELECT name FROM participants")] == [NAME]
    assert await rows(core, "SELECT * FROM audit_log") == []


async def test_forget_when_not_registered(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", NAME)
    stranger = chat.__class__(core, transport, user="1009")
    assert "لا نحتفظ بأي بيانات شخصية عنك" in texts(await stranger.command("forget"))
    assert len(await rows(core, "SELECT * FROM participants")) == 1


async def test_an_officer_who_forgets_loses_the_role(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 2)
    await officer_chat.command("forget")
    await officer_chat.press("prv:mode:keep")
    await officer_chat.press("prv:yes:keep")
    assert await rows(core, "SELECT * FROM roles") == []
    menu = [s for s in transport.sent if s.row.kind == "commands"][-1]  # sent, then erased with the chat
    assert menu.recipient == "2001" and menu.reply.choices == ()
    assert await rows(core, "SELECT id FROM outbox WHERE recipient = '2001'") == []
    assert "متاح لضباط الارتباط والمنسقين المخوّلين فقط" in texts(await officer_chat.command("inbox"))
