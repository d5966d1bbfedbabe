"""Newcomers: one registration rule and text for every command; codes checked before anyone registers."""

from __future__ import annotations

from bot.core import Core
from handlers.kit.who import Who, registered_of, who_of
from tests.handlers.test_rounds import create_round, the_round
from tests.loop_support import coordinator, invite_code, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

NEED_REGISTRATION = "نحتاج أولاً إلى تسجيلك"


async def test_every_command_follows_one_registration_rule_with_one_text(
    core: Core, transport: RecordingTransport
) -> None:
    """A configured coordinator who never registered may administer; whatever puts a name on the record asks them to
    register first, with the same words (never «to recommend» for /update); a stranger is refused privileged ones."""
    need = core.messages.t("need-registration")
    assert "توصي" not in need  # not «to recommend»: the same words follow /update, /invite, /inbox ...
    chats = {True: ChatDriver(core, transport, user="9001", name=None), False: ChatDriver(core, transport, user="7777")}
    for name, handler in sorted(core.router.commands.items()):
        for coordinating, chat in chats.items():
            seen = texts(await chat.command(name))
            await chat.command("cancel")
            who, asks = who_of(handler), registered_of(handler)
            if who >= Who.OFFICER and not coordinating:
                assert "عذراً، هذا الإجراء متاح" in seen, f"/{name} by a stranger: {seen}"
            elif asks and (who <= Who.COORDINATOR if coordinating else who < Who.OFFICER):
                assert seen.startswith(need), f"/{name}: {seen}"
            else:
                assert need not in seen, f"/{name} asked to register although it needs no registration: {seen}"
    assert await rows(core, "SELECT * FROM participants") == []


async def test_a_used_invitation_is_refused_before_a_newcomer_registers(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    code = await invite_code(coord, "ضابط ارتباط للالتزام 2")
    first = await registered(core, transport, "2001", "ريم")
    assert "أصبحت الآن" in texts(await first.command("start", code))

    newcomer = ChatDriver(core, transport, user="2002", name="خالد")
    refused = await newcomer.command("start", code)
    assert "استُخدمت هذه الدعوة" in texts(refused) and "ما اسمك" not in texts(refused)
    typed = await newcomer.send(code)
    assert "استُخدمت هذه الدعوة" in texts(typed) and "ما اسمك" not in texts(typed)
    assert await rows(core, "SELECT id FROM participants WHERE name = 'خالد'") == []
    async with core.db.transaction() as conn:
        sessions = await conn.execute_fetchall("SELECT flow FROM sessions WHERE external_id = '2002'")
    assert [s[0] for s in sessions] in ([], [None])  # no registration was started

    fresh = await invite_code(coord, "منسق")
    invited = ChatDriver(core, transport, user="2003", name="سارة")
    asked = await invited.command("start", fresh)
    assert "وصلتك دعوة بدور «منسق»" in texts(asked) and "ما اسمك" in texts(asked)
    await invited.send("سارة")
    await invited.press("reg:org")
    await invited.press("reg:sector:government")
    await invited.press("reg:gov:-")
    done = await invited.press("reg:consent:yes")
    assert "أصبحت الآن «منسق»" in texts(done)


async def test_a_newcomer_arriving_by_a_rounds_code_is_greeted_with_the_meetings_name(
    core: Core, transport: RecordingTransport
) -> None:
    coord = ChatDriver(core, transport, user="9001", name="مي")
    await create_round(coord)
    found = await the_round(core)
    newcomer = ChatDriver(core, transport, user="3001", name="هند")
    greeted = await newcomer.command("start", f"r_{found.code}")
    assert f"أهلاً بك في «{found.name}»" in texts(greeted) and "30/11/2026" in texts(greeted)
    assert "ما اسمك" in texts(greeted)
    await newcomer.press("reg:name")
    await newcomer.send("مركز الحياة")
    await newcomer.press("reg:sector:cso")
    await newcomer.press("reg:gov:amman")
    groups = await newcomer.press("reg:consent:yes")
    assert "اختر مجموعة العمل" in texts(groups)
    unknown = await ChatDriver(core, transport, user="3002").command("start", "r_ZZZZZZ")
    assert "لم أجد جولة بهذا الرمز" in texts(unknown) and "ما اسمك" not in texts(unknown)
