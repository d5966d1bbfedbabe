"""A consultation round end to end over the Telegram Bot API stand-in: the real adapter, polling over loopback."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Awaitable
from datetime import timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from bot.channels.telegram import TelegramChannel
from bot.clock import FakeClock
from bot.core import Core, open_core
from reports import round_findings
from storage import rounds
from storage.rounds import RoundState
from tests.standins.telegram import BotApiStandIn, ChatMessage, SimulatedUser
from tests.support import settings_for

TOKEN = "123:ABC"
BOT = "ogp_test_bot"
WAIT = 15.0
# (user id, name, organisation, sector, working group)
PEOPLE = [
    (2001, "ليلى حداد", "جمعية الشفافية", "cso", 1),
    (2002, "عمر النمري", "جمعية الشفافية", "cso", 1),
    (2003, "هند العلي", "مركز الحياة", "cso", 1),
    (2004, "سامر خليل", "وزارة التنمية الاجتماعية", "government", 1),
    (2005, "رنا يوسف", "مركز الحياة", "cso", 2),
    (2006, "خالد عبيدات", "وزارة الاقتصاد الرقمي والريادة", "government", 2),
    (2007, "منى سالم", "الجامعة الأردنية", "academia", 3),
    (2008, "زيد مراد", "راصد", "cso", 4),
    (2009, "دانا قاسم", "المركز الوطني لحقوق الإنسان", "government", 5),
    (2010, "يزن حمدان", "راصد", "cso", 5),
]


@pytest.fixture
async def running(tmp_path: Path, clock: FakeClock) -> AsyncIterator[tuple[BotApiStandIn, Core]]:
    """The bot polling the stand-in, with its sender running."""
    settings = settings_for(tmp_path, telegram_per_chat_rate=1000.0, telegram_per_chat_burst=1000)
    async with BotApiStandIn(token=TOKEN, bot_username=BOT) as api:
        core = await open_core(settings, clock)
        channel = TelegramChannel(core, TOKEN, api.base_url, poll_timeout=1.0)
        await channel.start()
        await core.sender.start()
        try:
            yield api, core
        finally:
            await channel.stop()
            await core.close()


async def do(user: SimulatedUser, action: Awaitable[int], count: int = 1) -> list[ChatMessage]:
    """Act, then wait for the bot's count new or edited messages."""
    await action
    return await user.wait_messages(count, timeout=WAIT)


def text_of(messages: list[ChatMessage]) -> str:
    return "\n---\n".join(m.text or m.caption or "" for m in messages)


async def create_round(coordinator: SimulatedUser) -> None:
    """The coordinator creates and opens a round in the chat."""
    await do(coordinator, coordinator.command("round"))
    await do(coordinator, coordinator.press("rnd:new"))
    await do(coordinator, coordinator.send("اللقاء الأول بين أصحاب المصلحة وضباط ارتباط تنفيذ الخطة الوطنية الرابعة"))
    await do(coordinator, coordinator.send("30/11/2026"))
    await do(coordinator, coordinator.send("15/11/2026"))
    await do(coordinator, coordinator.send("فندق جنيفا - عمّان"))
    await do(coordinator, coordinator.press("rnd:cdone"))
    await do(coordinator, coordinator.press("rnd:qdef"))
    await do(coordinator, coordinator.send("3/12/2026 17:00"))
    [card] = await do(coordinator, coordinator.press("rnd:okopen"))
    assert "مفتوحة للمشاركة" in (card.text or "")


async def join(api: BotApiStandIn, person: tuple[int, str, str, str, int], link: str, round_id: int) -> SimulatedUser:
    """Open the deep link (as scanning the QR code does), register, pick the working group."""
    user_id, name, organisation, sector, group = person
    user = api.user(user_id, first_name=name)
    payload = link.split("?start=", 1)[1]
    await do(user, user.command("start", payload), 2)
    await do(user, user.send(name))
    await do(user, user.send(organisation))
    await do(user, user.press(f"reg:sector:{sector}"))
    await do(user, user.press("reg:gov:amman"))
    welcome = await do(user, user.press("reg:consent:yes"), 2)
    assert "اختر مجموعة العمل" in text_of(welcome)
    [joined] = await do(user, user.press(f"grp:j:{round_id}:{group}"))
    assert "انضممت إلى مجموعة العمل" in (joined.text or "")
    return user


async def recommend(user: SimulatedUser, question_id: int, text: str) -> ChatMessage:
    """Recommend in the round on a question, under the commitment's other theme."""
    [asked] = await do(user, user.command("recommend"))
    assert "على أي سؤال" in (asked.text or "")
    await do(user, user.press(f"rq:{question_id}"))
    await do(user, user.press("rec:t:0"))
    await do(user, user.send(text))
    [done] = await do(user, user.press("rec:ok"))
    return done


async def test_round_over_telegram(running: tuple[BotApiStandIn, Core], clock: FakeClock) -> None:
    api, core = running
    coordinator = api.user(9001, first_name="مي")
    await create_round(coordinator)
    async with core.db.transaction() as conn:
        [found] = await rounds.list_rounds(conn, limit=1)
        questions = await rounds.list_questions(conn, found.id)
    link = f"https://t.me/{BOT}?start=r_{found.code}"

    [qr] = await do(coordinator, coordinator.press(f"rnd:qr:{found.id}"))
    assert qr.document is not None and qr.document[0] == f"round-{found.code}.png"
    [decoded] = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.document[1])).convert("L"))
    assert decoded.text == link and link in (qr.caption or "")

    users = [await join(api, person, decoded.text, found.id) for person in PEOPLE]
    challenges, civil_society = questions[1].id, questions[4].id
    done = await recommend(users[0], challenges, "تفعيل الرقابة اللاحقة على التمويل بدلاً من المسبقة")
    assert "رقم الإيصال #1" in (done.text or "")
    await recommend(users[1], civil_society, "مأسسة الحوار مع مؤسسات المجتمع المدني")
    await recommend(users[8], challenges, "تطوير آلية تلقي الشكاوى في المحافظات البعيدة")

    for member in users[1:4]:
        [view] = await do(member, member.command("group"))
        assert "#1 · 👍" in (view.text or "") and "#3" not in (view.text or "")
        await do(member, member.press("grp:e:1"))

    clock.advance(timedelta(days=5))
    [late] = await do(users[2], users[2].command("recommend"))
    assert "انتهى موعد استقبال المشاركات" in (late.text or "") and "الخطوات التالية" in (late.text or "")

    [attendance] = await do(coordinator, coordinator.press_data(f"rnd:att:{found.id}"))
    assert "انضم 10 مشاركين ومشاركات" in (attendance.text or "")
    assert "• مؤسسة مجتمع مدني: 6" in (attendance.text or "") and "• جهة حكومية: 3" in (attendance.text or "")
    [findings] = await do(coordinator, coordinator.press_data(f"rnd:fnd:{found.id}"))
    assert "1. تفعيل الرقابة اللاحقة على التمويل بدلاً من المسبقة (👍 3)" in (findings.text or "")

    async with core.db.transaction() as conn:
        report = await round_findings.report_data(conn, found.id)
    assert report is not None and report.round.state is RoundState.OPEN
    assert report.attendance.total == 10 and [g.total for g in report.attendance.groups] == [4, 2, 1, 1, 2]
    first, *_, fifth = report.findings
    assert first.total == 2 and fifth.total == 1
    assert first.questions[0].question is not None and first.questions[0].question.key == "challenges"
    assert first.questions[0].themes[0].items[0].endorsements == 3
    assert api.unanswered_callback_queries() == []
