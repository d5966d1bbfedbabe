"""Consolidation over the real WhatsApp channel and the Graph API stand-in, in Arabic: a rapporteur named and speaking
for the group, a similar recommendation sent anyway, and the inbox's near-duplicate group merged and answered once.

Every button, list and row the bot draws on the way must be accepted by the stand-in, which refuses what the Cloud
API refuses (three reply buttons, ten rows, 20- and 24-character titles). The round itself is set up in the database:
creating one in the chat is another test's walk.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path

import pytest

from bot.clock import FakeClock
from storage import rounds
from storage.publishing import PublishMode
from storage.rounds import DEFAULT_QUESTIONS, Round
from tests.e2e.whatsapp_harness import WhatsAppBot, whatsapp_bot
from tests.standins.graph_api import WaUser
from tests.support import START

COORDINATOR = "962790000009"
THROUGHPUT = 130429  # the Graph API's "too many messages for this phone number"
RECEIPT = re.compile(r"#(\d+)")
FINDING = "ربط الموازنات بمؤشرات أداء واضحة يمكن للمجتمع المدني متابعتها"
KEPT = "نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"
AGAIN = "ننشر مَحاضر إجتماعات اللجنـة التوجيهيه بعد أسبوع من الاجتماع"  # the same, spelt otherwise
ANSWER = "سننشر المحاضر على موقع الوزارة خلال أسبوع ابتداءً من الاجتماع القادم"


@pytest.fixture
async def wa(tmp_path: Path, clock: FakeClock) -> AsyncIterator[WhatsAppBot]:
    """One WhatsApp bot for the whole walk; what arrives is published at once, so others see it."""
    async with whatsapp_bot(tmp_path, clock, publish=PublishMode.IMMEDIATE) as bot:
        yield bot


async def act(wa: WhatsAppBot, user: WaUser, label: str | None = None, *, text: str | None = None) -> str:
    """Press a button or row (label) or type a text, and return the texts of everything the bot answered."""
    await (user.send(text) if text is not None else user.press(label or ""))
    await wa.settle()
    return "\n".join(m.text for m in user.new())


async def register(wa: WhatsAppBot, user: WaUser, first: str, organisation: str) -> str:
    """Write a first message, register with the profile's name; return everything the bot said."""
    said = [await act(wa, user, text=first)]
    said.append(await act(wa, user, f"استخدم «{user.name}»"))
    said.append(await act(wa, user, text=organisation))
    said.append(await act(wa, user, "مؤسسة مجتمع مدني"))
    said.append(await act(wa, user, "عمّان"))
    said.append(await act(wa, user, "✅ أوافق"))
    return "\n".join(said)


async def open_round(wa: WhatsAppBot) -> Round:
    """A round open for input, every commitment a working group, the seed's five questions."""
    async with wa.core.db.transaction() as conn:
        made = await rounds.create_round(
            conn,
            name="اللقاء الأول بين أصحاب المصلحة",
            held_on=date(2026, 11, 30),
            place="فندق جنيفا - عمّان",
            online=False,
            deadline=datetime(2026, 12, 3, 15, 0, tzinfo=START.tzinfo),
            commitment_ids=[1, 2, 3, 4, 5],
            questions=[(key, key) for key in DEFAULT_QUESTIONS],
            created_by=None,
            now=START,
        )
        return await rounds.open_round(conn, made.id, START)


async def join(wa: WhatsAppBot, wa_id: str, name: str, found: Round) -> WaUser:
    """A newcomer types the round's code, registers and joins working group 1."""
    user = wa.api.user(wa_id, name=name)
    said = await register(wa, user, f"r_{found.code}", "جمعية الشفافية")  # the code typed as the first message
    assert f"أهلاً بك في «{found.name}»" in said and "اختر مجموعة العمل" in said
    assert "انضممت إلى مجموعة العمل" in await act(wa, user, "1.")
    return user


async def recommend(wa: WhatsAppBot, user: WaUser, text: str) -> str:
    """Start a recommendation in the round on its first question and return the preview."""
    assert "على أي سؤال" in await act(wa, user, text="/recommend")
    await act(wa, user, "rq:1")
    await act(wa, user, "rec:t:0")
    return await act(wa, user, text=text)


def receipt(said: str) -> int:
    return int(RECEIPT.search(said).group(1))  # type: ignore[union-attr]


async def test_rapporteur_similar_input_and_a_duplicate_group_merged_over_whatsapp(wa: WhatsAppBot) -> None:
    found = await open_round(wa)
    coord = wa.api.user(COORDINATOR, name="مي")
    await register(wa, coord, "مرحبا", "وحدة الحكومة الشفافة")
    rapporteur, author, second = [
        await join(wa, f"96279000011{n}", name, found) for n, name in enumerate(("رنا", "ليلى", "عمر"))
    ]

    # The coordinator names the rapporteur from the group's members; she is told.
    assert "مجموعة العمل 1: لم يُسمَّ مقرر بعد" in await act(wa, coord, text="/rapporteurs")
    await act(wa, coord, "مجموعة العمل 1")
    assert "أصبح رنا مقرر مجموعة العمل 1" in await act(wa, coord, "رنا")
    assert "أصبحت مقرر مجموعة العمل 1" in rapporteur.last.text
    rapporteur.new()

    # The rapporteur enters the group's finding.
    assert "كم شخصاً كان إلى طاولة مجموعة العمل 1" in await act(wa, rapporteur, text="/findings")
    board = await act(wa, rapporteur, text="11")
    assert "وقد حضر إلى الطاولة 11" in board and rapporteur.last.kind == "list"
    await act(wa, rapporteur, f"fnd:a:{found.id}:1:1")
    await act(wa, rapporteur, "rec:t:0")
    await act(wa, rapporteur, text=FINDING)
    finding = receipt(await act(wa, rapporteur, "rec:ok"))
    [stored] = await wa.rows("SELECT participant_id, group_round_id, at_table, channel FROM recommendations")
    assert tuple(stored) == (None, found.id, 11, "whatsapp")

    # A recommendation, then the same idea spelt otherwise: shown the first, the second author sends it anyway.
    await recommend(wa, author, KEPT)
    kept = receipt(await act(wa, author, "rec:ok"))
    preview = await recommend(wa, second, AGAIN)
    assert "توجد توصية مشابهة" in preview and f"#{kept}" in preview and FINDING not in preview
    assert second.last.kind == "list" and "✅ أرسل توصيتي على أي حال" in second.last.labels
    merged = receipt(await act(wa, second, "✅ أرسل توصيتي على أي حال"))
    assert [tuple(r) for r in await wa.rows("SELECT COUNT(*) FROM endorsements")] == [(0,)]
    texts = [r["text"] for r in await wa.rows("SELECT text FROM recommendations ORDER BY id")]
    assert texts == [FINDING, KEPT, AGAIN] and [finding, kept, merged] == [1, 2, 3]

    # A liaison officer, invited by code, finds the two grouped in the inbox, merges one into the other: both told.
    assert "لأي دور" in await act(wa, coord, text="/invite")
    card = await act(wa, coord, "ضابط ارتباط للالتزام 1")
    code = re.search(r"i_[A-Za-z0-9_-]{8,}", card)
    assert code, card
    officer = wa.api.user("962790000120", name="ريم")
    assert "ضابط ارتباط للالتزام 1" in await register(wa, officer, code.group(0), "وزارة التخطيط")
    inbox = await act(wa, officer, text="/inbox")
    assert f"#{kept}" in inbox and f"#{merged}" in inbox
    opened = await act(wa, officer, f"inbox:o:{kept}:0")
    assert KEPT in opened and "🔗 توصية واحدة متشابهة" in officer.last.labels
    alike = await act(wa, officer, "🔗 توصية واحدة متشابهة")
    assert AGAIN in alike
    preview = await act(wa, officer, f"🔗 دمج #{merged} في هذه")
    assert KEPT in preview and AGAIN in preview and "طرحها شخصان أو مجموعتان" in preview
    author.new(), second.new()
    assert f"ضُمّت #{merged} إلى #{kept}" in await act(wa, officer, "✅ ضمّها")
    [to_author] = author.new()
    [to_second] = second.new()
    assert f"التوصية #{merged} تقول ما تقوله توصيتك #{kept}" in to_author.text
    assert f"#{merged}" in to_second.text and f"#{kept}" in to_second.text
    assert [tuple(r) for r in await wa.rows("SELECT id, merged_into FROM recommendations WHERE id > 1")] == [
        (kept, None),
        (merged, kept),
    ]

    # Answered once, from the kept one: each author hears the answer to their own text.
    await act(wa, officer, f"inbox:o:{kept}:0")
    await act(wa, officer, f"inbox:s:{kept}:accepted")
    assert "هذا ما سيصل إلى صاحب التوصية" in await act(wa, officer, text=ANSWER)
    await act(wa, officer, f"inbox:ok:{kept}")
    [to_author] = author.new()
    [to_second] = second.new()
    assert ANSWER in to_author.text and KEPT in to_author.text and AGAIN not in to_author.text
    assert ANSWER in to_second.text and AGAIN in to_second.text
    entries = await wa.rows("SELECT recommendation_id, state FROM recommendation_answers ORDER BY id")
    assert [tuple(e) for e in entries] == [(kept, "accepted"), (merged, "accepted")]
    audit = await wa.rows("SELECT action FROM audit_log WHERE action LIKE '%merge' OR action LIKE 'rapporteur.%'")
    assert [a["action"] for a in audit] == ["rapporteur.name", "recommendation.merge"]
    # Every button, list and row the walk drew was within WhatsApp's limits; the only refusals allowed are the
    # number's throughput (the walk runs faster than 80 messages a second), which the sender waits out and resends.
    assert [code for _, code in wa.api.refused if code != THROUGHPUT] == []
