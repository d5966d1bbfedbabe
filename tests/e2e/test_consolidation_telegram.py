"""Consolidation over the real Telegram adapter and the Bot API stand-in, in Arabic: a rapporteur named and speaking
for the group, a similar recommendation endorsed instead of sent again, a merge answered once, and an unmerge."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.channels.telegram import TelegramChannel
from bot.clock import FakeClock
from bot.core import open_core
from storage import rounds
from storage.publishing import PublishMode
from tests.e2e.telegram_harness import Live, register, said
from tests.e2e.test_round_telegram import BOT, PEOPLE, create_round, join
from tests.loop_support import rows
from tests.standins.telegram import BotApiStandIn, SimulatedUser
from tests.support import settings_for

TOKEN = "123:ABC"
INVITE = re.compile(r"https://t\.me/ogp_test_bot\?start=(i_[A-Za-z0-9_-]+)")
RECEIPT = re.compile(r"#(\d+)")
FINDING = "ربط الموازنات بمؤشرات أداء واضحة يمكن للمجتمع المدني متابعتها"
KEPT = "نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"
AGAIN = "ننشر مَحاضر إجتماعات اللجنـة التوجيهيه بعد أسبوع من الاجتماع"  # the same, spelt otherwise
DUPLICATE = "Publish the steering committee's minutes within a week of each meeting"
ANSWER = "سننشر المحاضر على موقع الوزارة خلال أسبوع ابتداءً من الاجتماع القادم"


@pytest.fixture
async def live(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Live]:
    """One bot polling the stand-in for the whole walk; what arrives is published at once, so others see it."""
    settings = settings_for(
        tmp_path, telegram_per_chat_rate=1000.0, telegram_per_chat_burst=1000, publish=PublishMode.IMMEDIATE
    )
    async with BotApiStandIn(token=TOKEN, bot_username=BOT) as api:
        core = await open_core(settings, clock)
        channel = TelegramChannel(core, TOKEN, api.base_url, poll_timeout=1.0)
        await channel.start()
        await core.sender.start()
        try:
            yield Live(api, core)
        finally:
            await channel.stop()
            await core.close()


async def recommend(live: Live, user: SimulatedUser, question: int, text: str) -> str:
    """Start a recommendation in the round on a question and return its preview."""
    await said(live, user, "على أي سؤال", user.command("recommend"))
    await said(live, user, "اختر محور", user.press(f"rq:{question}"))
    await said(live, user, "اكتب توصيتك", user.press("rec:t:0"))
    return await said(live, user, "راجع توصيتك", user.send(text))


async def receipt(live: Live, user: SimulatedUser) -> int:
    """Send the previewed recommendation and return its receipt number."""
    done = await said(live, user, "رقم الإيصال", user.press("rec:ok"))
    return int(RECEIPT.search(done).group(1))  # type: ignore[union-attr]


async def officer_of_one(live: Live, coord: SimulatedUser) -> SimulatedUser:
    """The coordinator invites a liaison officer for commitment 1, who registers by the link."""
    await said(live, coord, "لأي دور", coord.command("invite"))
    card = await said(live, coord, "دعوة للانضمام", coord.press("inv:r:l:1"))
    code = INVITE.search(card).group(1)  # type: ignore[union-attr]
    officer = live.api.user(2601, first_name="ريم")
    await said(live, officer, "ما اسمك", officer.command("start", code))
    await said(live, officer, "الجهة", officer.send("ريم الضابطة"))
    await said(live, officer, "نوع الجهة", officer.send("وزارة التخطيط"))
    await said(live, officer, "محافظة", officer.press("reg:sector:government"))
    await said(live, officer, "هل توافق", officer.press("reg:gov:amman"))
    await said(live, officer, "ضابط ارتباط للالتزام 1", officer.press("reg:consent:yes"))
    return officer


async def test_rapporteur_similar_input_merge_and_unmerge_over_telegram(live: Live) -> None:
    api, core = live.api, live.core
    coord = api.user(9001, first_name="مي")
    await register(live, coord, "مي المنسقة")
    await api.wait_idle()
    await coord.wait_messages(len(coord.events))  # the round's helpers count messages from here
    await create_round(coord)
    async with core.db.transaction() as conn:
        [found] = await rounds.list_rounds(conn, limit=1)
        question = (await rounds.list_questions(conn, found.id))[0].id
    link = f"https://t.me/{BOT}?start=r_{found.code}"
    rapporteur, author, endorser, other = [await join(api, person, link, found.id) for person in PEOPLE[:4]]
    [rapporteur_id] = [r["id"] for r in await rows(core, "SELECT id FROM participants WHERE name = ?", PEOPLE[0][1])]

    # The coordinator names a member of working group 1 its rapporteur, who is told how to go on.
    listing = await said(live, coord, "مقررو مجموعات العمل", coord.command("rapporteurs"))
    assert "مجموعة العمل 1: لم يُسمَّ مقرر بعد" in listing
    await said(live, coord, "مجموعة العمل 1", coord.press("مجموعة العمل 1"))
    told = said(live, rapporteur, "أصبحت مقرر مجموعة العمل 1", coord.press(PEOPLE[0][1]))
    assert "/findings" in await told
    assert any(f"أصبح {PEOPLE[0][1]} مقرر مجموعة العمل 1" in (m.text or "") for m in coord.chat)
    assert await rows(core, "SELECT participant_id, code FROM rapporteurs") == [
        {"participant_id": rapporteur_id, "code": None}
    ]

    # The rapporteur enters the group's finding: the group's, with how many sat at the table.
    await said(live, rapporteur, "كم شخصاً كان إلى طاولة مجموعة العمل 1", rapporteur.command("findings"))
    board = await said(live, rapporteur, "وقد حضر إلى الطاولة 11", rapporteur.send("11"))
    assert "لم تُدوَّن نتائج بعد" in board
    await said(live, rapporteur, "اختر محور", rapporteur.press(f"fnd:a:{found.id}:1:{question}"))
    await said(live, rapporteur, "اكتب توصيتك", rapporteur.press("rec:t:0"))
    await said(live, rapporteur, "راجع توصيتك", rapporteur.send(FINDING))
    finding = await receipt(live, rapporteur)
    [stored] = await rows(core, "SELECT participant_id, group_round_id, at_table, text FROM recommendations")
    assert stored == {"participant_id": None, "group_round_id": found.id, "at_table": 11, "text": FINDING}

    # Two people write the same idea, one in English; a third is shown the first and endorses it instead.
    await recommend(live, author, question, KEPT)
    kept = await receipt(live, author)
    assert "مشابهة" not in await recommend(live, other, question, DUPLICATE)
    merged = await receipt(live, other)
    preview = await recommend(live, endorser, question, AGAIN)
    assert "توجد توصية مشابهة" in preview and f"#{kept}" in preview and FINDING not in preview
    assert f"rec:same:{kept}" in [b[1] for row in endorser.last.buttons for b in row]
    endorsed = await said(live, endorser, f"سُجّل تأييدك للتوصية #{kept}", endorser.press(f"rec:same:{kept}"))
    assert "رقم الإيصال" not in endorsed
    assert await rows(core, "SELECT recommendation_id FROM endorsements") == [{"recommendation_id": kept}]
    assert [r["id"] for r in await rows(core, "SELECT id FROM recommendations ORDER BY id")] == [finding, kept, merged]

    # A liaison officer merges the English one into the Arabic one: both authors are told.
    officer = await officer_of_one(live, coord)
    await said(live, officer, "بانتظار الرد", officer.command("inbox"))
    await said(live, officer, DUPLICATE[:30], officer.press_data(f"inbox:o:{merged}:0"))
    await said(live, officer, f"ما تقوله #{merged}", officer.press("🔗 هي نفسها التوصية رقم…"))
    merge_preview = await said(live, officer, "ستُضم", officer.send(str(kept)))
    assert KEPT in merge_preview and DUPLICATE in merge_preview
    mark = len(other.events)
    kept_told = said(live, author, f"التوصية #{merged} تقول ما تقوله توصيتك #{kept}", officer.press("✅ ضمّها"))
    assert "طرحها شخصان أو مجموعتان" in await kept_told
    assert f"#{kept}" in await heard(live, other, f"#{merged}", mark)
    assert any(f"ضُمّت #{merged} إلى #{kept}" in (m.text or "") for m in officer.chat)
    assert await rows(core, "SELECT merged_into FROM recommendations WHERE id = ?", merged) == [{"merged_into": kept}]

    # The kept one is answered once; each author hears the answer to their own text.
    await said(live, officer, KEPT[:30], officer.press_data(f"inbox:o:{kept}:0"))
    await said(live, officer, "اكتب الآن ردك", officer.press(f"inbox:s:{kept}:accepted"))
    await said(live, officer, "هذا ما سيصل إلى صاحب التوصية", officer.send(ANSWER))
    mark = len(other.events)
    to_author = await said(live, author, ANSWER, officer.press(f"inbox:ok:{kept}"))
    assert "📬 وصل رد على توصيتك" in to_author and KEPT in to_author and DUPLICATE not in to_author
    to_other = await heard(live, other, ANSWER, mark)
    assert DUPLICATE in to_other and KEPT not in to_other
    entries = await rows(core, "SELECT recommendation_id, state FROM recommendation_answers ORDER BY id")
    assert [(e["recommendation_id"], e["state"]) for e in entries] == [(kept, "accepted"), (merged, "accepted")]

    # Unmerged: the link is gone, both are told, and the audit log has both steps.
    await said(live, officer, f"مضمومة إلى #{kept}", officer.press_data(f"inbox:o:{merged}:0"))
    assert f"↩️ فصلها عن #{kept}" in officer.last.labels
    mark = len(other.events)
    await said(live, officer, f"فُصلت #{merged} عن #{kept}", officer.press(f"↩️ فصلها عن #{kept}"))
    assert f"#{kept}" in await heard(live, other, f"#{merged}", mark)
    assert await rows(core, "SELECT merged_into FROM recommendations WHERE id = ?", merged) == [{"merged_into": None}]
    audit = await rows(core, "SELECT action FROM audit_log WHERE action LIKE '%merge' OR action LIKE 'rapporteur.%'")
    assert [a["action"] for a in audit] == ["rapporteur.name", "recommendation.merge", "recommendation.unmerge"]
    await api.wait_idle()
    assert api.unanswered_callback_queries() == []


async def heard(live: Live, user: SimulatedUser, fragment: str, mark: int) -> str:
    """Wait until a message the user got since mark contains the fragment (a push caused by someone else)."""

    def arrived() -> str | None:
        return next((e.text or "" for e in user.events[mark:] if fragment in (e.text or "")), None)

    try:
        await live.api.wait_for(lambda: arrived() is not None, timeout=10)
    except TimeoutError:
        raise AssertionError(f"user {user.id} never got {fragment!r}: {[e.text for e in user.events[mark:]]}") from None
    return arrived() or ""
