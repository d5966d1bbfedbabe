"""Registration: what a newcomer sees, and that nothing is stored without consent."""

from __future__ import annotations

from bot.core import Core
from storage import participants, sessions
from storage.database import fetch_all
from storage.models import Participant
from tests.support import ChatDriver, texts


async def registered(core: Core, user: str = "1001") -> Participant | None:
    async with core.db.transaction() as conn:
        return await participants.find_by_identity(conn, "telegram", user)


async def test_start_welcomes_and_asks_the_name_offering_the_profile_name(chat: ChatDriver) -> None:
    replies = await chat.command("start")
    assert "أهلاً بك" in replies[0].text
    assert "ما اسمك" in replies[1].text
    assert chat.labels() == ["استخدم «سلمى»"]


async def test_full_registration_stores_the_participant(chat: ChatDriver, core: Core) -> None:
    await chat.command("start")
    await chat.press("استخدم «سلمى»")
    org = await chat.send("  جمعية   الشفافية \u202e الأردنية ")
    assert "نوع الجهة" in texts(org)
    await chat.press("مؤسسة مجتمع مدني")
    governorates = chat.labels()
    assert len(governorates) == 13 and governorates[0] == "عمّان" and governorates[-1] == "تخطّي"
    await chat.press("إربد")
    assert "هل توافق" in chat.history[-1].text
    done = await chat.press("✅ أوافق")
    assert "تم تسجيلك بنجاح" in texts(done)
    assert "📊 حالة الالتزامات" in chat.labels()
    person = await registered(core)
    assert person is not None
    assert (person.name, person.organisation, person.sector, person.governorate) == (
        "سلمى",
        "جمعية الشفافية الأردنية",
        "cso",
        "irbid",
    )
    assert person.consent_at is not None


async def test_declining_consent_leaves_nothing_stored(chat: ChatDriver, core: Core) -> None:
    await chat.command("start")
    await chat.send("أحمد")
    await chat.press("لا أمثل جهة")
    await chat.press("فرد")
    await chat.press("تخطّي")
    replies = await chat.press("❌ لا أوافق")
    assert "لم نحفظ أي شيء" in texts(replies)
    assert await registered(core) is None
    async with core.db.transaction() as conn:
        session = await sessions.load_session(conn, "telegram", "1001")
        rows = await fetch_all(conn, "SELECT COUNT(*) FROM participants")
    assert session.flow is None and session.data == {}
    assert rows[0][0] == 0


async def test_invalid_name_is_asked_again(chat: ChatDriver, core: Core) -> None:
    await chat.command("start")
    replies = await chat.send("x")
    assert "بين 2 و80" in replies[0].text
    long_name = await chat.send("ا" * 81)
    assert "بين 2 و80" in long_name[0].text
    async with core.db.transaction() as conn:
        session = await sessions.load_session(conn, "telegram", "1001")
    assert session.step == "name"


async def test_registered_person_is_welcomed_back(chat: ChatDriver) -> None:
    await chat.register(name="سلمى الخطيب")
    replies = await chat.command("start")
    assert "أهلاً بعودتك يا سلمى الخطيب" in texts(replies)


async def test_recommend_before_registering_registers_first_then_continues(chat: ChatDriver, core: Core) -> None:
    replies = await chat.command("recommend")
    assert "نحتاج أولاً إلى تسجيلك" in texts(replies)
    await chat.send("ليلى")
    await chat.send("مركز الحياة")
    await chat.press("reg:sector:cso")
    await chat.press("reg:gov:-")
    replies = await chat.press("reg:consent:yes")
    assert "تم تسجيلك" in replies[0].text
    assert "على أي التزام" in replies[-1].text
    assert await registered(core) is not None
