"""Voice notes and files over the real Telegram channel: python-telegram-bot, getFile and the file URL, all on
loopback HTTP against the Bot API stand-in."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import participants, roles
from storage.models import Role
from tests import media
from tests.e2e.telegram_harness import Live, live_bot, register, said
from tests.loop_support import rows
from tests.standins.telegram import SimulatedUser

VOICE = "🎧 تسجيل صوتي (1:42)"


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[Live]:
    async with live_bot(tmp_path, files=True) as running:
        yield running


async def make_officer(live: Live, user: SimulatedUser, commitment: int) -> None:
    async with live.core.db.transaction() as conn:
        person = await participants.find_by_identity(conn, "telegram", str(user.id))
        assert person is not None
        await roles.grant(conn, person.id, Role.LIAISON, commitment, None, live.core.clock.now())


async def test_a_voice_recommendation_reaches_the_officer_who_hears_it_and_answers(live: Live) -> None:
    api = live.api
    salma, officer = api.user(1001, first_name="سلمى"), api.user(2001, first_name="ريم")
    await register(live, salma, "سلمى")
    await register(live, officer, "ريم الضابطة")
    await make_officer(live, officer, 4)

    await said(live, salma, "على أي التزام", salma.command("recommend"))
    await said(live, salma, "اختر محور", salma.press("rec:c:4"))
    await said(live, salma, "أو أرسل تسجيلاً صوتياً", salma.press("rec:t:0"))
    voice = media.ogg_opus(102)
    preview = await said(live, salma, "راجع توصيتك", salma.send_voice(voice, duration=102))
    assert VOICE in preview
    receipt = await said(live, salma, "رقم الإيصال", salma.press("✅ إرسال"))
    assert "#1" in receipt
    [downloaded] = api.downloads  # getFile, then the file URL: once
    assert downloaded.startswith("voice/")
    [stored] = await rows(live.core, "SELECT sha256, channel, sent_as, recommendation_id FROM files")
    assert stored == {
        "sha256": hashlib.sha256(voice).hexdigest(),
        "channel": "telegram",
        "sent_as": "voice",
        "recommendation_id": 1,
    }

    page = await said(live, officer, "بانتظار الرد", officer.command("inbox"))
    assert VOICE in page
    uploads_before = [p for m, p in api.calls if m == "sendVoice" and not isinstance(p.get("voice"), str)]
    await said(live, officer, "لم يُكتب تفريغها النصي", officer.press("#1"))
    [heard] = [m for m in officer.chat if m.from_bot and m.voice is not None]
    assert heard.voice == voice  # the officer gets the recording itself, in the chat
    [recorded] = [m for m in salma.chat if not m.from_bot and m.voice is not None]
    assert [p["voice"] for m, p in api.calls if m == "sendVoice"] == [recorded.file_id]  # by id: nothing uploaded
    assert not uploads_before
    await said(live, officer, "اكتب ما يقوله", officer.press("✍️ كتابة التفريغ"))
    await said(live, officer, "حُفظ التفريغ", officer.send("أقترح نشر جداول الصيانة في كل مدرسة"))
    await said(live, officer, "اكتب الآن ردك", officer.press("inbox:s:1:accepted"))
    await said(live, officer, "هذا ما سيصل", officer.send("سننشر الجداول ابتداءً من الفصل القادم"))
    told = await said(live, salma, "وصل رد على توصيتك #1", officer.press("inbox:ok:1"))
    assert VOICE in told and "سننشر الجداول" in told
    [answered] = await rows(live.core, "SELECT state, transcript FROM recommendations")
    assert answered == {"state": "accepted", "transcript": "أقترح نشر جداول الصيانة في كل مدرسة"}
    assert api.unanswered_callback_queries() == []


async def test_a_download_failing_twice_then_succeeding_is_stored_once(live: Live) -> None:
    api = live.api
    salma = api.user(1001, first_name="سلمى")
    await register(live, salma, "سلمى")
    api.fail_downloads(2, status=502)
    offer = await said(live, salma, "وصلنا تسجيلك الصوتي", salma.send_voice(media.ogg_opus(50), duration=50))
    assert "🎧 تسجيل صوتي (0:50)" in offer
    assert len(api.downloads) == 1 and [m for m, _ in api.calls].count("getFile") == 3
    assert len(await rows(live.core, "SELECT id FROM files")) == 1


async def test_a_download_that_keeps_failing_gets_a_clear_answer_and_nothing_is_kept(live: Live) -> None:
    api = live.api
    salma = api.user(1001, first_name="سلمى")
    await register(live, salma, "سلمى")
    api.fail_downloads(3, status=502)
    await said(live, salma, "تعذّر علينا تنزيل الملف", salma.send_voice(media.ogg_opus(50), duration=50))
    assert await rows(live.core, "SELECT id FROM files") == []
    assert list(live.core.receiver.store.stored()) == []


async def test_a_30_mb_file_is_refused_without_downloading_it(live: Live) -> None:
    api = live.api
    salma = api.user(1001, first_name="سلمى")
    await register(live, salma, "سلمى")
    big = media.pdf() + b"0" * 1024
    answer = await said(
        live, salma, "أكبر من 20 ميغابايت", salma.send_document("تقرير.pdf", big, "application/pdf", size=30 << 20)
    )
    assert "لم نستلمه" in answer
    assert "getFile" not in [m for m, _ in api.calls] and api.downloads == []
    assert await rows(live.core, "SELECT id FROM files") == []


async def test_getfile_refuses_what_bots_may_not_download(live: Live) -> None:
    """The stand-in refuses a file over 20 MB as Telegram does, whatever the bot's own limit: too big, at once."""
    live.core.receiver.max_bytes = 50 << 20
    salma = live.api.user(1001, first_name="سلمى")
    await register(live, salma, "سلمى")
    big = media.pdf()
    await said(live, salma, "أكبر من", salma.send_document("big.pdf", big, "application/pdf", size=25 << 20))
    assert [m for m, _ in live.api.calls].count("getFile") == 1  # refused, not tried again
    assert live.api.downloads == []


async def test_a_renamed_executable_is_refused(live: Live) -> None:
    api = live.api
    officer = api.user(2001, first_name="ريم")
    await register(live, officer, "ريم")
    await make_officer(live, officer, 2)
    await said(live, officer, "ما مستوى الإنجاز", officer.command("update"))
    await said(live, officer, "نسبة التقدم", officer.press("upd:l:limited"))
    await said(live, officer, "اكتب ملاحظة", officer.press("upd:p:25"))  # NAP4's file has no milestones
    await said(live, officer, "أرسل الدليل", officer.press("upd:skip"))
    refused = await said(
        live, officer, "نوعه غير مقبول", officer.send_document("report.pdf", media.executable(), "application/pdf")
    )
    assert "لم نحفظ منه شيئاً" in refused
    assert len(api.downloads) == 1  # downloaded once, its bytes read, then let go
    assert await rows(live.core, "SELECT id FROM files") == []
    assert list(live.core.receiver.store.stored()) == []
    received = await said(
        live, officer, "وصل الدليل", officer.send_document("تقرير.pdf", media.pdf(), "application/pdf")
    )
    assert "📎 تقرير.pdf" in received


def answers(user: SimulatedUser, since: int) -> list[str]:
    return [e.text or e.caption or "" for e in user.events[since:]]


async def test_a_stalled_download_holds_only_its_own_chat(live: Live) -> None:
    api = live.api
    salma, omar = api.user(1001, first_name="سلمى"), api.user(1002, first_name="عمر")
    await register(live, salma, "سلمى")
    live.core.receiver.deadline = 3.0  # 30 s in production
    live.core.receiver.timeout = 3.0
    api.stall_downloads(1)
    mark = len(salma.events)
    before = len(await rows(live.core, "SELECT event_id FROM processed_events"))
    sent = [
        await salma.send_document("تقرير.pdf", media.pdf(), "application/pdf"),
        await salma.command("help"),  # behind her file
    ]
    await api.wait_for(lambda: api.downloads == [] and "getFile" in [m for m, _ in api.calls], 5)
    started = time.monotonic()
    await said(live, omar, "الأوامر المتاحة", omar.command("help"))
    waited = time.monotonic() - started
    assert waited < 2, f"another person waited {waited:.1f}s for /help while a file stalled"
    assert answers(salma, mark) == []  # her /help waits for her file

    await said(live, salma, "الأوامر المتاحة", asyncio.sleep(0))
    told = answers(salma, mark)
    assert "تعذّر علينا تنزيل الملف" in told[0] and "الأوامر المتاحة" in told[-1]  # in the order she sent them
    assert await rows(live.core, "SELECT id FROM files") == []
    handled = await rows(live.core, "SELECT event_id FROM processed_events")
    assert len(handled) == before + 3 and {"event_id": f"u:{sent[0]}"} in handled  # hers (both) and his, once
    await api.wait_idle(timeout=5)  # and every update is confirmed once handled


LOCK_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


async def test_a_photo_while_another_process_holds_the_write_lock_gets_an_apology_and_the_channel_lives(
    live: Live,
) -> None:
    salma = live.api.user(1001, first_name="سلمى")
    await register(live, salma, "سلمى")
    holder = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        LOCK_HOLDER,
        str(live.core.settings.database),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert await holder.stdout.readline() == b"locked\n"
        mark = len(salma.events)
        photo = await salma.send_photo(media.jpeg())
        sorry = await said(live, salma, "لم نتمكن من حفظ ملفك", asyncio.sleep(0))
        assert len(salma.events) == mark + 1
        assert "أرسله مرة أخرى" in sorry
    finally:
        if holder.stdin is not None:
            holder.stdin.close()
        await holder.wait()
    await said(live, salma, "الأوامر المتاحة", salma.command("help"))  # the channel still answers
    assert await rows(live.core, "SELECT id FROM files") == []
    handled = await rows(live.core, "SELECT event_id FROM processed_events")
    assert {"event_id": f"u:{photo}"} not in handled  # not recorded: nothing of it was taken


async def test_a_file_whose_record_the_database_refuses_leaves_no_byte_behind(live: Live) -> None:
    """The apology says nothing of the file was kept: its bytes must not wait in the files folder for a sweep."""
    salma = live.api.user(1001, first_name="سلمى")
    await register(live, salma, "سلمى")
    await said(live, salma, "على أي التزام", salma.command("recommend"))
    await said(live, salma, "اختر محور", salma.press("rec:c:4"))
    await said(live, salma, "أو أرسل تسجيلاً صوتياً", salma.press("rec:t:0"))
    # A full disk refuses the record's commit after the bytes took the last free space; here another connection's
    # write lock lands in the same window, as the file is downloaded (no quota read comes between). It waits, in a
    # thread, for a write of the bot's that is under way: refused at once, the download would fail and be tried again.
    live.core.receiver.quota = None
    await live.core.db.conn.execute("PRAGMA busy_timeout = 200")
    other = sqlite3.connect(live.core.settings.database, isolation_level=None, timeout=10, check_same_thread=False)
    live.api.when_downloaded(lambda: asyncio.to_thread(other.execute, "BEGIN IMMEDIATE"))
    voice = media.ogg_opus(102)
    try:
        refused = await salma.send_voice(voice, duration=102)
        sorry = await said(live, salma, "لم نتمكن من حفظ ملفك", asyncio.sleep(0))
    finally:
        live.api.when_downloaded(None)
        other.execute("ROLLBACK")
        other.close()
        await live.core.db.conn.execute("PRAGMA busy_timeout = 5000")
    assert "لم نحفظ منه شيئاً" in sorry
    assert len(live.api.downloads) == 1
    assert list(live.core.receiver.store.stored()) == []  # was: the recording, until a sweep an hour after a restart
    assert await rows(live.core, "SELECT id FROM files") == []
    handled = await rows(live.core, "SELECT event_id FROM processed_events")
    assert {"event_id": f"u:{refused}"} not in handled

    preview = await said(live, salma, "راجع توصيتك", salma.send_voice(voice, duration=102))  # sent again: kept
    assert VOICE in preview
    [kept] = await rows(live.core, "SELECT sha256 FROM files")
    assert kept == {"sha256": hashlib.sha256(voice).hexdigest()}
    assert [name for name, _ in live.core.receiver.store.stored()] == [kept["sha256"]]
