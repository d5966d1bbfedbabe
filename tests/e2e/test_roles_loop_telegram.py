"""The accountability loop over the real Telegram adapter and the Bot API stand-in (loopback HTTP only)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.telegram_harness import Live, live_bot, register, said
from tests.loop_support import rows

LINK = re.compile(r"https://t\.me/ogp_test_bot\?start=(i_[A-Za-z0-9_-]+)")
REFUSAL = "عذراً، هذا الإجراء متاح"


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[Live]:
    # the configured coordinator has opened the bot before
    async with live_bot(tmp_path, known={9001: "منى"}) as running:
        yield running


async def test_invite_recommend_answer_update_reach_the_right_people(live: Live) -> None:
    api = live.api
    coord, officer, salma = api.user(9001, first_name="منى"), api.user(2001, first_name="ريم"), api.user(1001)
    await register(live, coord, "منى المنسقة")
    await said(live, coord, "لأي دور", coord.command("invite"))
    card = await said(live, coord, "دعوة للانضمام", coord.press("inv:r:l:4"))
    match = LINK.search(card)
    assert match, card
    code = match.group(1)

    await register(live, officer, "ريم الضابطة", first=officer.command("start", code))
    accepted = "أصبحت الآن «ضابط ارتباط للالتزام 4»"
    await api.wait_for(lambda: any(accepted in (m.text or "") for m in officer.chat), timeout=10)
    await api.wait_for(lambda: ("inbox", "التوصيات الواردة على التزاماتك") in api.commands(_chat(2001)), timeout=10)
    assert ("invite", "دعوة ضابط ارتباط أو منسق") in api.commands(_chat(9001))
    assert "inbox" not in [name for name, _ in api.commands()]

    await register(live, salma, "سلمى")
    await said(live, salma, "اختر التزاماً", salma.command("follow"))
    await said(live, salma, "ستصلك أخبار الالتزام 4", salma.press("fol:on:4"))
    await said(live, salma, "اختر محور", salma.command("recommend", "4"))
    await said(live, salma, "اكتب توصيتك", salma.press("rec:t:0"))
    await said(live, salma, "راجع توصيتك", salma.send("نقترح تقارير دورية عن الشكاوى الواردة ومآلها"))
    await said(live, salma, "رقم الإيصال #1", salma.press("rec:ok"))

    await said(live, officer, "بانتظار الرد", officer.command("inbox"))
    await said(live, officer, "نقترح تقارير دورية", officer.press("#1"))
    await said(live, officer, "اكتب الآن ردك", officer.press("inbox:s:1:accepted"))
    preview = await said(live, officer, "هذا ما سيصل إلى صاحب التوصية", officer.send("سيصدر أول تقرير ربعي في آذار"))
    assert "نقترح تقارير دورية" in preview  # the author's recommendation, quoted in the notice the officer previews
    answer = said(live, salma, "📬 وصل رد على توصيتك #1", officer.press("inbox:ok:1"))
    assert "سيصدر أول تقرير ربعي" in await answer

    await said(live, officer, "ما مستوى الإنجاز الآن", officer.command("update"))
    await said(live, officer, "نسبة التقدم", officer.press("upd:l:substantial"))
    await said(live, officer, "ملاحظة", officer.press("upd:p:50"))
    await said(live, officer, "رابط الدليل", officer.send("أطلقنا المنصة الموحدة للشكاوى"))
    await said(live, officer, "راجع التحديث", officer.press("upd:skip"))
    news = await said(live, salma, "📊 تحديث جديد على الالتزام 4", officer.press("upd:ok"))
    assert "جوهري" in news and "50%" in news and "المنصة الموحدة" in news
    await api.wait_idle()
    assert sum("📊 تحديث جديد" in (m.text or "") for m in salma.chat) == 1
    assert not any("📊 تحديث جديد" in (m.text or "") for m in officer.chat + coord.chat)
    assert api.unanswered_callback_queries() == []
    stored = await rows(live.core, "SELECT state, response FROM recommendations")
    assert stored == [{"state": "accepted", "response": "سيصدر أول تقرير ربعي في آذار"}]


def _chat(chat_id: int) -> dict[str, Any]:
    return {"type": "chat", "chat_id": chat_id}


async def test_forged_callback_data_is_refused_and_changes_nothing(live: Live) -> None:
    api = live.api
    mallory = api.user(6006, first_name="متطفل")
    await register(live, mallory, "متطفل")
    await said(live, mallory, "اختر محور", mallory.command("recommend", "3"))
    await said(live, mallory, "اكتب توصيتك", mallory.press("rec:t:0"))
    await said(live, mallory, "راجع توصيتك", mallory.send("توصية عادية لكن صاحبها يحاول أكثر من ذلك"))
    await said(live, mallory, "رقم الإيصال", mallory.press("rec:ok"))
    tables = ["roles", "invites", "recommendations", "status_updates", "milestones", "audit_log"]
    before = [await rows(live.core, f"SELECT * FROM {t}") for t in tables]  # noqa: S608 - fixed names
    forged = ["inv:r:c", "inv:r:l:1", "team:ok:1:c:0", "inbox:o:1:0", "inbox:s:1:accepted", "hide:h:1:0"]
    forged += ["hide:un:1:0", "upd:c:1", "ms:a:1", "ms:s:1:complete"]
    for data in forged:
        assert REFUSAL in await said(live, mallory, REFUSAL, mallory.press_data(data))
    for command in ("invite", "team", "inbox", "update", "milestones"):
        await said(live, mallory, REFUSAL, mallory.command(command))
    await api.wait_idle()
    assert [await rows(live.core, f"SELECT * FROM {t}") for t in tables] == before  # noqa: S608
    assert api.unanswered_callback_queries() == []
