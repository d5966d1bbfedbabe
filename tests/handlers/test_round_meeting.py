"""Rounds record the meeting that really happened: a past date, the hall's count, edits, notices to members."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FakeClock
from bot.core import Core
from storage import rounds
from storage.models import Sector
from storage.round_hall import HallCount, get_hall
from tests.handlers.test_rounds import create_round, the_round
from tests.support import ChatDriver, RecordingTransport, texts

SEED_NAME = "اللقاء الأول بين أصحاب المصلحة وضباط ارتباط تنفيذ الخطة الوطنية الرابعة 2018-2020"


async def test_a_past_meeting_is_recorded_after_a_confirmation(core: Core, transport: RecordingTransport) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="مي")
    await coordinator.command("round")
    await coordinator.press("rnd:new")
    await coordinator.send(SEED_NAME)
    asked = await coordinator.send("30/9/2019")
    assert "التاريخ 30/9/2019 قد مضى" in texts(asked)
    await coordinator.press("✅ نعم، لقاء سابق")
    await coordinator.send("10/9/2019")  # when its timeline was announced
    await coordinator.send("فندق جنيفا - عمّان")
    await coordinator.press("rnd:cdone")
    await coordinator.press("rnd:qdef")
    past = await coordinator.send("15/10/2019")
    assert "قد مضى" in texts(past) and "هل تسجّل لقاءً انتهى فعلاً" in texts(past)
    await coordinator.press("✅ نعم، لقاء سابق")
    card = await coordinator.press("rnd:okopen")
    assert "30/9/2019" in texts(card) and "انتهت" in texts(card)  # open, but past its deadline
    found = await the_round(core)
    assert found.held_on is not None and found.held_on.isoformat() == "2019-09-30"
    assert found.deadline is not None and found.deadline.isoformat().startswith("2019-10-15T20:59")


async def test_today_typed_is_a_date(core: Core, transport: RecordingTransport) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="مي")
    await coordinator.command("round")
    await coordinator.press("rnd:new")
    await coordinator.send("جولة تشاور إلكترونية")
    wrong = await coordinator.send("غداً")
    assert "لم أفهم التاريخ" in texts(wrong)
    announced = await coordinator.send("اليوم")
    assert "متى يُعلَن الجدول الزمني" in texts(announced)  # the date was taken; next, its announcement
    await coordinator.send("20/11/2026")
    place = await coordinator.press("✅ نعم، أؤكد")  # announced less than two weeks ahead: confirmed
    assert "أين تُعقد الجولة" in texts(place)
    await coordinator.send("عبر الإنترنت")  # the «💻 عبر الإنترنت» button's label, typed
    await coordinator.press("rnd:cdone")
    await coordinator.press("rnd:qdef")
    await coordinator.press("rnd:week")
    await coordinator.press("rnd:ok")
    found = await the_round(core)
    assert found.held_on is not None and found.held_on.isoformat() == "2026-11-29" and found.online


async def test_the_hall_count_sits_beside_those_who_joined_through_the_bot(
    core: Core, transport: RecordingTransport
) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="مي")
    await create_round(coordinator)
    found = await the_round(core)
    await coordinator.press_data(f"rnd:att:{found.id}")
    asked = await coordinator.press("🏛️ حضور القاعة")
    assert "كم شخصاً حضر اللقاء في القاعة" in texts(asked)
    assert "اكتب عدداً صحيحاً" in texts(await coordinator.send("خمسة وخمسون"))
    await coordinator.send("55")
    assert "اكتب عدداً صحيحاً من 0 إلى 55" in texts(await coordinator.send("60"))  # officers among the 55
    await coordinator.send("٨")
    await coordinator.press(f"hall:s:{Sector.CSO.value}")
    await coordinator.send("30")
    await coordinator.press(f"hall:s:{Sector.GOVERNMENT.value}")
    too_many = await coordinator.send("30")
    assert "من 0 إلى 25" in texts(too_many)
    await coordinator.send("17")
    saved = await coordinator.press("hall:ok")
    assert "سُجّل حضور القاعة: 55 شخصاً" in texts(saved)
    async with core.db.transaction() as conn:
        hall = await get_hall(conn, found.id)
    assert hall == HallCount(total=55, officers=8, by_sector=((Sector.CSO, 30), (Sector.GOVERNMENT, 17)))
    attendance = await coordinator.press_data(f"rnd:att:{found.id}")
    assert "في القاعة: 55 شخصاً، منهم 8 ضباط ارتباط (مؤسسة مجتمع مدني 30، جهة حكومية 17)" in texts(attendance)
    assert "لم ينضم أحد بعد" in texts(attendance)

    again = await coordinator.press_data(f"rnd:hall:{found.id}")  # entered again: each figure can be kept
    assert "↩️ إبقاء 55" in [c.label for r in again for c in r.choices]


async def test_an_open_round_is_edited_and_members_hear_of_a_new_deadline_and_the_close(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="مي")
    await create_round(coordinator)
    found = await the_round(core)
    member = ChatDriver(core, transport, user="3001", name="هند")
    await member.register()
    await member.command("join", f"r_{found.code}")
    await member.press("1. ")

    await coordinator.press_data(f"rnd:edit:{found.id}")
    await coordinator.press("أسئلة النقاش")
    edited = await coordinator.send("ما أبرز التحديات؟ ما الحلول المقترحة؟ من يتابع التنفيذ؟")  # one terminal line
    assert "حُفظ التعديل" in texts(edited)
    await coordinator.press("✏️ تعديل الجولة")
    await coordinator.press("الاسم")
    await coordinator.send("اللقاء الثاني لأصحاب المصلحة")
    await coordinator.press("✏️ تعديل الجولة")
    await coordinator.press("مجموعات العمل")
    await coordinator.press("1. ")  # Hind's group: it stays
    await coordinator.press("5. ")
    kept = await coordinator.press("rnde:cdone")
    assert "لا يمكن إزالة مجموعة عمل انضم إليها مشاركون" in texts(kept)
    await coordinator.press("rnde:cdone")
    async with core.db.transaction() as conn:
        now = await rounds.get_round(conn, found.id)
        questions = [q.text_ar for q in await rounds.list_questions(conn, found.id)]
        groups = [c.number for c in await rounds.round_commitments(conn, found.id)]
    assert now is not None and now.name == "اللقاء الثاني لأصحاب المصلحة"
    assert questions == ["ما أبرز التحديات؟", "ما الحلول المقترحة؟", "من يتابع التنفيذ؟"]
    assert groups == [1, 2, 3, 4]

    await coordinator.press_data(f"rnd:dl:{found.id}")
    moved = await coordinator.send("20/12/2026 17:00")
    assert "سيصل الخبر إلى عضو واحد" in texts(moved)
    told = texts(transport.to("3001"))
    assert "تغيّر آخر موعد للمشاركة في «اللقاء الثاني لأصحاب المصلحة» إلى 20/12/2026 17:00" in told

    clock.advance(timedelta(days=30))
    listing = await coordinator.command("round")
    assert "انتهت" in texts(listing)  # open, deadline passed
    await coordinator.press_data(f"rnd:close:{found.id}")
    assert "أُغلقت جولة التشاور «اللقاء الثاني لأصحاب المصلحة»" in texts(transport.to("3001"))
    closed_edit = await coordinator.press_data(f"rnd:edit:{found.id}")
    assert "لا يمكن تعديل جولة مغلقة" in texts(closed_edit)
