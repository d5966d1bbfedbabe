"""Milestones: officers add and edit them (title, dates kept or changed, state), dates in any digits."""

from __future__ import annotations

from datetime import date

from bot.core import Core
from handlers.kit.dates import parse_date
from tests.loop_support import coordinator, officer, rows
from tests.support import RecordingTransport, texts


def test_dates_are_read_in_common_forms() -> None:
    assert parse_date("30/6/2020") == date(2020, 6, 30)
    assert parse_date("٣٠/٦/٢٠٢٠") == date(2020, 6, 30)
    assert parse_date("2020-06-30") == date(2020, 6, 30)
    assert parse_date("31/2/2020") is None
    assert parse_date("غداً") is None


async def test_officer_adds_then_edits_a_milestone(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 5)
    listing = await chat.command("milestones")
    assert "لا توجد مراحل بعد" in texts(listing)
    await chat.press("إضافة مرحلة")
    await chat.send("إقرار البروتوكولين")
    await chat.press("دون تاريخ")
    assert "لم أفهم التاريخ" in texts(await chat.send("قريباً"))
    saved = await chat.send("31/12/2020")
    assert "حُفظت المرحلة «إقرار البروتوكولين»" in texts(saved)
    [m] = await rows(core, "SELECT id, title, start_date, end_date, state FROM milestones")
    assert (m["start_date"], m["end_date"], m["state"]) == (None, "2020-12-31", "not_started")
    await chat.press(f"ms:e:{m['id']}")
    await chat.press("العنوان والتواريخ")
    await chat.send("إقرار البروتوكولين في مجلس الوزراء")
    await chat.send("1/1/2020")
    assert "قبل تاريخ البدء" in texts(await chat.send("1/1/2019"))
    await chat.press("إبقاء القيمة الحالية")
    await chat.press(f"ms:e:{m['id']}")
    await chat.press(f"ms:s:{m['id']}:substantial")
    [edited] = await rows(core, "SELECT title, start_date, end_date, state FROM milestones")
    assert edited == {
        "title": "إقرار البروتوكولين في مجلس الوزراء",
        "start_date": "2020-01-01",
        "end_date": "2020-12-31",
        "state": "substantial",
    }
    assert "جوهري" in texts(await chat.command("status", "5"))
    actions = [r["action"] for r in await rows(core, "SELECT action FROM audit_log WHERE action LIKE 'milestone.%'")]
    assert actions == ["milestone.add", "milestone.edit", "milestone.edit"]


async def test_milestones_have_a_way_back(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    listing = await coord.command("milestones")  # a coordinator handles every commitment: choose one first
    assert "🏠 القائمة الرئيسية" in coord.labels()
    await coord.press("3. ")
    assert {"↩️ كل الالتزامات", "🏠 القائمة الرئيسية"} <= set(coord.labels())
    back = await coord.press("↩️ كل الالتزامات")
    assert "مراحل أي التزام" in texts(back) and back[0].replace
    home = await coord.press("🏠 القائمة الرئيسية")
    assert "ماذا تودّ أن تفعل الآن" in texts(home)
    assert "مراحل أي التزام" in texts(listing)
    officer_chat = await officer(core, transport, coord, "2001", 5)
    await officer_chat.command("milestones")  # one commitment: its list at once, with the way to the menu
    assert "🏠 القائمة الرئيسية" in officer_chat.labels() and "↩️ كل الالتزامات" not in officer_chat.labels()


async def test_an_english_title_for_readers_of_english(core: Core, transport: RecordingTransport) -> None:
    from messages import load_messages

    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 5)
    await chat.command("milestones")
    await chat.press("إضافة مرحلة")
    await chat.send("إقرار البروتوكولين")
    await chat.press("دون تاريخ")
    await chat.press("دون تاريخ")
    [m] = await rows(core, "SELECT id FROM milestones")
    await chat.press(f"ms:e:{m['id']}")
    asked = texts(await chat.press("العنوان بالإنجليزية"))
    assert "لا عنوان بالإنجليزية بعد" in asked
    saved = texts(await chat.send("Adoption of the two protocols"))
    assert "حُفظت المرحلة «إقرار البروتوكولين»" in saved  # the officer reads Arabic: the title as typed
    assert await rows(core, "SELECT title, title_en FROM milestones") == [
        {"title": "إقرار البروتوكولين", "title_en": "Adoption of the two protocols"}
    ]
    await coord.command("language")
    await coord.press("lang:en")
    detail = texts(await coord.command("status", "5"))
    assert "Adoption of the two protocols" in detail and "إقرار" not in detail
    await chat.press(f"ms:e:{m['id']}")
    await chat.press("العنوان بالإنجليزية")
    await chat.press("ms:nx")
    assert await rows(core, "SELECT title_en FROM milestones") == [{"title_en": None}]
    assert load_messages("en").t("milestones-edit-english").startswith("🌐")
