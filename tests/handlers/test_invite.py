"""Invitations: single use, expiry, unknown codes, registration first, /join, and the team view."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.core import Core
from tests.loop_support import coordinator, invite_code, officer, registered, rows
from tests.support import ChatDriver, RecordingTransport, make_core, settings_for, texts


async def test_invite_makes_a_single_use_link_and_code(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    code = await invite_code(coord, "ضابط ارتباط للالتزام 2")
    assert code.startswith("i_") and len(code) >= 18
    [invite] = await rows(core, "SELECT * FROM invites")
    assert invite["code"] == code[2:] and invite["role"] == "liaison" and invite["used_by"] is None
    first = await registered(core, transport, "2001", "ريم")
    replies = await first.command("start", code)
    assert "ضابط ارتباط للالتزام 2" in texts(replies)
    assert await rows(core, "SELECT role, commitment_id FROM roles") == [{"role": "liaison", "commitment_id": 2}]
    second = await registered(core, transport, "2002", "خالد")
    again = await second.command("start", code)
    assert "استُخدمت هذه الدعوة" in texts(again)
    assert len(await rows(core, "SELECT * FROM roles")) == 1
    actions = [r["action"] for r in await rows(core, "SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["invite.create", "invite.redeem"]
    assert "قُبلت دعوتك: صار دور ريم" in texts(transport.to("9001"))  # neutral wording


async def test_expired_and_unknown_codes_are_refused(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    coord = await coordinator(core, transport)
    code = await invite_code(coord, "منسق")
    clock.advance(timedelta(days=7, seconds=1))
    person = await registered(core, transport, "2001", "ريم")
    assert "انتهت صلاحية" in texts(await person.command("start", code))
    assert "غير معروف" in texts(await person.command("start", "i_NoSuchCode123456"))
    assert "غير معروف" in texts(await person.command("join", "bad code!"))
    assert await rows(core, "SELECT * FROM roles") == []
    [invite] = await rows(core, "SELECT used_by FROM invites")
    assert invite["used_by"] is None


async def test_invite_within_its_validity_still_works(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    coord = await coordinator(core, transport)
    code = await invite_code(coord, "منسق")
    clock.advance(timedelta(days=6, hours=23))
    person = await registered(core, transport, "2001", "ريم")
    assert "أصبحت الآن «منسق»" in texts(await person.command("join", code))
    assert await rows(core, "SELECT role FROM roles") == [{"role": "coordinator"}]


async def test_unregistered_invitee_registers_first_then_gets_the_role(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    code = await invite_code(coord, "ضابط ارتباط للالتزام 3")
    newcomer = ChatDriver(core, transport, user="3003", name="هالة")
    first = await newcomer.command("start", code)
    assert "ما اسمك" in texts(first)
    assert await rows(core, "SELECT * FROM roles") == []
    await newcomer.send("هالة يوسف")
    await newcomer.send("وزارة الاقتصاد الرقمي")
    await newcomer.press("reg:sector:government")
    await newcomer.press("reg:gov:amman")
    done = await newcomer.press("reg:consent:yes")
    assert "تم تسجيلك" in texts(done) and "ضابط ارتباط للالتزام 3" in texts(done)
    assert await rows(core, "SELECT commitment_id FROM roles") == [{"commitment_id": 3}]
    assert "📥 التوصيات الواردة" in newcomer.labels()


async def test_join_asks_unregistered_people_to_register_first(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    code = await invite_code(coord, "منسق")
    newcomer = ChatDriver(core, transport, user="3004", name=None, channel="telegram")
    assert "ما اسمك" in texts(await newcomer.command("join", code))  # the code waits until registration is done
    await newcomer.send("عمر")
    await newcomer.press("reg:org")
    await newcomer.press("reg:sector:individual")
    await newcomer.press("reg:gov:-")
    done = await newcomer.press("reg:consent:yes")
    assert "أصبحت الآن «منسق»" in texts(done)


async def test_holding_the_role_already_does_not_spend_the_code(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 1)
    code = await invite_code(coord, "ضابط ارتباط للالتزام 1")
    assert "بالفعل" in texts(await officer_chat.command("start", code))
    assert (await rows(core, "SELECT used_by FROM invites WHERE code = ?", code[2:]))[0]["used_by"] is None


async def test_team_lists_roles_and_removes_one(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 4)
    view = texts(await coord.command("team"))
    assert "• منى المنسقة — جهة منى المنسقة — منسق (من إعدادات النظام)" in view
    assert "telegram:9001" not in view and "ضابط 2001" in view and "ضابط ارتباط للالتزام 4" in view
    ask = await coord.press("إزالة دور ضابط 2001")
    assert "هل تريد إزالة" in texts(ask)
    done = await coord.press("team:ok:" + ask[0].choices[0].id.split(":", 2)[2])
    assert "أُزيل دور" in texts(done)
    assert await rows(core, "SELECT * FROM roles") == []
    assert (await rows(core, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"))[0]["action"] == "role.revoke"
    assert "عذراً" in texts(await officer_chat.command("inbox"))


async def test_role_changes_queue_the_telegram_command_menu(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await officer(core, transport, coord, "2001", 1)
    [menu] = [s for s in transport.sent if s.row.kind == "commands" and s.recipient == "2001"]
    assert [c.id for c in menu.reply.choices][-5:] == [
        "cancel",
        "inbox",
        "search",
        "update",
        "milestones",
    ]  # after everyone's
    assert transport.to("2001")  # menu rows never show up as chat messages
    assert all(r.text for r in transport.to("2001"))


async def test_team_never_shows_a_raw_identity(tmp_path: Path) -> None:
    core, transport = await make_core(settings_for(tmp_path, coordinators=("console:coord", "telegram:9001")))
    try:
        coord = await coordinator(core, transport)
        view = texts(await coord.command("team"))
        assert "console:coord" not in view and "• منسق على الطرفية لم يسجّل بعد (من إعدادات النظام)" in view
        assert "منى المنسقة" in view
    finally:
        await core.close()


async def _granted_coordinator(core: Core, transport: RecordingTransport, coord: ChatDriver) -> tuple[ChatDriver, int]:
    """A second coordinator, invited by the configured one; return their chat and participant id."""
    second = await registered(core, transport, "3001", "سامي")
    assert "أصبحت الآن «منسق»" in texts(await second.command("start", await invite_code(coord, "منسق")))
    [row] = await rows(core, "SELECT participant_id FROM roles WHERE role = 'coordinator'")
    return second, int(row["participant_id"])


async def test_a_removed_coordinator_cannot_reinstate_themselves(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    second, pid = await _granted_coordinator(core, transport, coord)
    own = await invite_code(second, "منسق")  # made while they coordinate...
    spare = await invite_code(second, "ضابط ارتباط للالتزام 1")
    await coord.command("team")
    await coord.press_data(f"team:ok:{pid}:c:0")  # ...then removed
    assert await rows(core, "SELECT * FROM roles WHERE participant_id = ?", pid) == []
    refused = texts(await second.command("start", own))
    assert "انتهت صلاحية" in refused and await rows(core, "SELECT * FROM roles WHERE participant_id = ?", pid) == []
    stranger = await registered(core, transport, "3002", "هالة")
    assert "انتهت صلاحية" in texts(await stranger.command("join", spare))  # their invitations died with the role
    assert await rows(core, "SELECT * FROM roles") == []


async def test_an_invitation_is_refused_when_its_creator_no_longer_coordinates(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    second, pid = await _granted_coordinator(core, transport, coord)
    code = await invite_code(second, "ضابط ارتباط للالتزام 1")
    async with core.db.transaction() as conn:  # the role goes behind the bot's back (an old database, a restore)
        await conn.execute("DELETE FROM roles WHERE participant_id = ?", (pid,))
    person = await registered(core, transport, "3002", "هالة")
    assert "لم يعد من أرسلها منسقاً" in texts(await person.command("start", code))
    assert await rows(core, "SELECT * FROM roles") == []


async def test_nobody_redeems_their_own_invitation(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    code = await invite_code(coord, "ضابط ارتباط للالتزام 3")
    assert "أنشأتها بنفسك" in texts(await coord.command("join", code))
    assert await rows(core, "SELECT * FROM roles") == []
    [invite] = await rows(core, "SELECT used_by FROM invites")
    assert invite["used_by"] is None


async def test_coordinators_list_and_withdraw_open_invitations(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    code = await invite_code(coord, "ضابط ارتباط للالتزام 2")
    await invite_code(coord, "منسق")
    await coord.command("invite")
    listed = texts(await coord.press("الدعوات المفتوحة"))
    assert "2 دعوة" not in listed and "دعوتان لم تُستخدما بعد" in listed and "منى المنسقة" in listed
    done = texts(await coord.press("سحب دعوة «ضابط ارتباط للالتزام 2»"))
    assert "سُحبت الدعوة" in done and "دعوة واحدة لم تُستخدم بعد" in done
    person = await registered(core, transport, "2001", "ريم")
    assert "انتهت صلاحية" in texts(await person.command("start", code))
    assert await rows(core, "SELECT * FROM roles") == []
    actions = [r["action"] for r in await rows(core, "SELECT action FROM audit_log ORDER BY id")]
    assert actions.count("invite.withdraw") == 1
