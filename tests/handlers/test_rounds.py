"""A consultation round through the dispatcher: created, joined by link and code, recommended on, endorsed, closed."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import zxingcpp
from PIL import Image

from bot.clock import FakeClock
from bot.core import Core
from handlers.kit.contract import Reply
from reports import round_findings
from storage import rounds
from storage.database import fetch_all
from storage.rounds import Round, RoundState
from tests.support import ChatDriver, RecordingTransport, texts

BOT = "ogp_test_bot"
ROUND_NAME = "اللقاء الأول بين أصحاب المصلحة وضباط ارتباط تنفيذ الخطة الوطنية الرابعة"
# (user, name, organisation, sector, working group) — like the seed's mix of CSOs and government bodies.
PEOPLE = [
    ("2001", "ليلى حداد", "جمعية الشفافية", "cso", 1),
    ("2002", "عمر النمري", "جمعية الشفافية", "cso", 1),
    ("2003", "هند العلي", "مركز الحياة", "cso", 1),
    ("2004", "سامر خليل", "وزارة التنمية الاجتماعية", "government", 1),
    ("2005", "رنا يوسف", "مركز الحياة", "cso", 2),
    ("2006", "خالد عبيدات", "وزارة الاقتصاد الرقمي والريادة", "government", 2),
    ("2007", "منى سالم", "الجامعة الأردنية", "academia", 2),
    ("2008", "زيد مراد", "راصد", "cso", 3),
    ("2009", "دانا قاسم", "المركز الوطني لحقوق الإنسان", "government", 4),
    ("2010", "يزن حمدان", "راصد", "cso", 5),
]


def with_bot_username(core: Core) -> None:
    """Give the handlers the bot's username, as the Telegram channel does at start-up."""
    core.dispatcher.config = replace(core.dispatcher.config, bot_username=BOT)


async def the_round(core: Core) -> Round:
    async with core.db.transaction() as conn:
        [found] = await rounds.list_rounds(conn, limit=10)
    return found


async def create_round(coordinator: ChatDriver, deadline: str = "3/12/2026 17:00") -> list[Reply]:
    """Walk the coordinator through /round → new round, creating and opening it."""
    listing = await coordinator.command("round")
    assert "لا توجد جولات تشاور بعد" in texts(listing)
    await coordinator.press("rnd:new")
    await coordinator.send(ROUND_NAME)
    await coordinator.send("30/11/2026")
    await coordinator.send("15/11/2026")  # the timeline was announced two weeks ahead
    await coordinator.send("فندق جنيفا - عمّان")
    assert sum(label.startswith("✅") for label in coordinator.labels()) == 5  # every commitment by default
    await coordinator.press("rnd:cdone")
    questions = await coordinator.press("rnd:qdef")
    assert "آخر موعد" in texts(questions)
    preview = await coordinator.send(deadline)
    assert "راجع الجولة" in texts(preview) and "3/12/2026 17:00" in texts(preview)
    return await coordinator.press("rnd:okopen")


async def join(
    core: Core, transport: RecordingTransport, person: tuple[str, str, str, str, int], code: str
) -> ChatDriver:
    """A newcomer opens the round's link, registers, and picks a working group."""
    user, name, organisation, sector, group = person
    chat = ChatDriver(core, transport, user=user, name=name)
    await chat.command("start", f"r_{code}")
    await chat.send(name)
    await chat.send(organisation)
    await chat.press(f"reg:sector:{sector}")
    await chat.press("reg:gov:amman")
    welcome = await chat.press("reg:consent:yes")
    assert "اختر مجموعة العمل" in texts(welcome)
    joined = await chat.press(f"{group}. ")
    assert "انضممت إلى مجموعة العمل" in texts(joined)
    return chat


async def recommend(chat: ChatDriver, question: str, theme: str | None, text: str) -> list[Reply]:
    """Send a recommendation in the round: question, theme, text, confirm."""
    asked = await chat.command("recommend")
    assert "على أي سؤال من أسئلة النقاش" in texts(asked)
    await chat.press(question)
    if theme is not None:
        await chat.press(theme)
    await chat.send(text)
    return await chat.press("rec:ok")


async def test_a_round_from_invitation_to_findings(core: Core, transport: RecordingTransport, clock: FakeClock) -> None:
    with_bot_username(core)
    coordinator = ChatDriver(core, transport, user="9001", name="مي")
    created = await create_round(coordinator)
    found = await the_round(core)
    link = f"https://t.me/{BOT}?start=r_{found.code}"
    assert found.state is RoundState.OPEN and found.name == ROUND_NAME and found.place == "فندق جنيفا - عمّان"
    assert link in texts(created) and f"r_{found.code}" in texts(created)

    [qr] = await coordinator.press(f"rnd:qr:{found.id}")
    assert qr.document is not None and qr.document.mime == "image/png" and link in qr.text
    [decoded] = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.document.data)).convert("L"))
    assert decoded.text == link

    chats = [await join(core, transport, person, found.code) for person in PEOPLE]
    leila, omar, hind, samer = chats[:4]

    done = await recommend(leila, "التحديات", "الحصول على التمويل", "أن تكون هناك مدد قابلة للتتبع عند تأخر الرد")
    assert "رقم الإيصال #1" in texts(done)
    await recommend(omar, "دور مؤسسات المجتمع المدني", "محور آخر", "فتح باب الحوار مع مؤسسات المجتمع المدني ومأسسته")
    await recommend(hind, "سؤال آخر", "الحوكمة", "تسهيل فتح الحسابات البنكية للجمعيات")
    await recommend(chats[4], "آليات تفعيل التنفيذ", "البرنامج التدريبي", "تطوير البرنامج التدريبي ليكون تفاعلياً أكثر")

    view = await samer.command("group")
    assert "3 توصيات من المجموعة" in texts(view) and "#4" not in texts(view)  # only his own group's input
    await samer.press("👍 تأييد #1")
    await hind.command("group")
    endorsed = await hind.press("👍 تأييد #1")
    assert "سُجّل تأييدك للتوصية #1" in texts(endorsed) and "#1 · 👍 2" in texts(endorsed)
    own = await leila.press_data("grp:e:1")
    assert "لا يمكنك تأييد توصيتك" in texts(own)
    again = await hind.press_data("grp:e:1")
    assert "سبق أن أيّدت" in texts(again)
    other_group = await samer.press_data("grp:e:4")
    assert "ليست من توصيات مجموعتك" in texts(other_group)

    # Zaid moves from group 3 to group 5 while the round is open.
    zaid = chats[7]
    await zaid.command("group")
    await zaid.press("grp:ch")
    moved = await zaid.press("5. ")
    assert "انتقلت إلى مجموعة العمل: 5." in texts(moved)

    # A recommendation started before the deadline and confirmed after it keeps its text: it is offered as general
    # input outside the round. A new one is refused, without claiming that anything typed was not saved.
    await recommend_until_preview(omar)
    clock.advance(timedelta(days=5))
    late = await omar.press("rec:ok")
    assert "انتهى موعد استقبال المشاركات" in texts(late) and "لكن نصك محفوظ" in texts(late)
    assert "إشعار كل مؤسسة تتقدم بطلب بما آل إليه طلبها" in texts(late)
    offered = await omar.command("recommend")  # the kept text is not lost by starting again
    assert "لديك مسودة توصية لم تُرسل" in texts(offered)
    await omar.press("park:go")
    general = await omar.press("rec:ok")
    assert "رقم الإيصال #5" in texts(general)
    late_again = await hind.command("recommend")
    assert "انتهى موعد استقبال المشاركات" in texts(late_again) and "الخطوات التالية" in texts(late_again)
    assert "ولم تُحفظ" not in texts(late_again)
    [read_only] = await samer.command("group")
    assert "#1 · 👍 2" in read_only.text and not read_only.choices  # the group's input, read-only now
    late_endorse = await samer.press_data("grp:e:2")
    assert "انتهى موعد استقبال المشاركات" in texts(late_endorse)

    async with core.db.transaction() as conn:
        report = await round_findings.report_data(conn, found.id)
        in_round = await fetch_all(conn, "SELECT COUNT(*) FROM recommendations WHERE round_id = ?", (found.id,))
        endorsements = await fetch_all(conn, "SELECT COUNT(*) FROM endorsements")
        kept = await fetch_all(conn, "SELECT round_id, question_id, text FROM recommendations WHERE id = 5")
    assert report is not None and in_round[0][0] == 4 and endorsements[0][0] == 2
    assert [tuple(r) for r in kept] == [(None, None, "إشعار كل مؤسسة تتقدم بطلب بما آل إليه طلبها")]
    figures = report.attendance
    assert figures.total == 10
    assert [(c.label, c.count) for c in figures.by_sector] == [("cso", 6), ("government", 3), ("academia", 1)]
    assert ("جمعية الشفافية", 2) in [(c.label, c.count) for c in figures.organisations]
    assert len(figures.organisations) == 7
    assert [g.total for g in figures.groups] == [4, 3, 0, 1, 2]

    group_one = report.findings[0]
    assert group_one.commitment.number == 1 and group_one.total == 3
    by_question = {q.question.key if q.question else None: q for q in group_one.questions}
    assert set(by_question) == {"challenges", "civil_society", None}
    [challenges] = by_question["challenges"].themes
    assert challenges.theme_title == "الحصول على التمويل" and challenges.items[0].endorsements == 2

    attendance = await coordinator.press_data(f"rnd:att:{found.id}")
    assert "انضم 10 مشاركين ومشاركات" in texts(attendance) and "• مؤسسة مجتمع مدني: 6" in texts(attendance)
    findings = await coordinator.press_data(f"rnd:fnd:{found.id}")
    assert "أبرز النتائج فيما يتعلق بالالتزام 1" in texts(findings)
    assert "◂ ما التحديات التي تواجه التنفيذ؟" in texts(findings)
    assert "1. أن تكون هناك مدد قابلة للتتبع عند تأخر الرد (👍 2)" in texts(findings)


async def recommend_until_preview(chat: ChatDriver) -> None:
    """Start a round recommendation and stop at the preview."""
    await chat.command("recommend")
    await chat.press("توقعاتكم")
    await chat.press("الحوكمة")
    await chat.send("إشعار كل مؤسسة تتقدم بطلب بما آل إليه طلبها")


async def test_joining_by_typed_code_and_join_command(core: Core, transport: RecordingTransport) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="مي")
    created = await create_round(coordinator)
    found = await the_round(core)
    assert "t.me" not in texts(created) and f"r_{found.code}" in texts(created)  # no username: the code only
    member = ChatDriver(core, transport, user="3001")
    await member.register()
    typed = await member.send(f"r_{found.code.lower()}")
    assert "اختر مجموعة العمل" in texts(typed)
    by_command = await member.command("join", f"r_{found.code}")
    assert "اختر مجموعة العمل" in texts(by_command)
    assert "/join" in texts(await member.command("join"))
    unknown = await member.send("r_ZZZZZZ")
    assert "لم أجد جولة بهذا الرمز" in texts(unknown)
    async with core.db.transaction() as conn:
        assert await rounds.get_membership(conn, found.id, 1) is None  # looking is not joining


async def test_only_coordinators_manage_rounds(core: Core, transport: RecordingTransport) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="مي")
    await create_round(coordinator)
    found = await the_round(core)
    member = ChatDriver(core, transport, user="3001")
    await member.register()
    assert "متاح لمنسقي الخطة فقط" in texts(await member.command("round"))
    refused = await member.press_data(f"rnd:close:{found.id}")
    assert "متاح لمنسقي الخطة فقط" in texts(refused)
    assert (await the_round(core)).state is RoundState.OPEN
    closed = await coordinator.press_data(f"rnd:close:{found.id}")
    assert "أُغلقت الجولة" in texts(closed)
    assert (await the_round(core)).state is RoundState.CLOSED
    too_late = await member.command("join", f"r_{found.code}")
    assert "انتهى استقبال المشاركات" in texts(too_late)
    reopened = await coordinator.press_data(f"rnd:open:{found.id}")
    assert "أُعيد فتح الجولة" in texts(reopened)


async def test_draft_round_is_not_joinable_and_deadline_moves(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="مي")
    await coordinator.command("round")
    await coordinator.press("rnd:new")
    await coordinator.send("جولة تشاور إلكترونية")
    assert "لم أفهم التاريخ" in texts(await coordinator.send("غداً"))
    await coordinator.press("rnd:today")
    await coordinator.press("rnd:annd")  # announced today: a short notice, confirmed
    await coordinator.press("rnd:short:confirm")
    await coordinator.press("rnd:online")
    await coordinator.press("2. ")  # leave group 2 out
    await coordinator.press("rnd:cdone")
    await coordinator.send("ما أبرز العقبات؟\nما الحلول المقترحة؟")
    assert "قبل موعد الجولة" in texts(await coordinator.send("1/1/2020"))  # before the meeting: refused
    await coordinator.press("rnd:week")
    card = await coordinator.press("rnd:ok")
    assert "مسودة" in texts(card) and "عبر الإنترنت" in texts(card)
    found = await the_round(core)
    assert found.state is RoundState.DRAFT and found.online
    assert found.deadline is not None and found.deadline.isoformat().startswith("2026-12-06T20:59")
    async with core.db.transaction() as conn:
        groups = [c.number for c in await rounds.round_commitments(conn, found.id)]
        questions = [q.text_ar for q in await rounds.list_questions(conn, found.id)]
    assert groups == [1, 3, 4, 5] and questions == ["ما أبرز العقبات؟", "ما الحلول المقترحة؟"]

    member = ChatDriver(core, transport, user="3001")
    await member.register()
    assert "لم تُفتح للمشاركة بعد" in texts(await member.command("join", f"r_{found.code}"))

    await coordinator.press_data(f"rnd:dl:{found.id}")
    moved = await coordinator.send("20/12/2026")
    assert "تغيّر الموعد النهائي إلى 20/12/2026 23:59" in texts(moved)
