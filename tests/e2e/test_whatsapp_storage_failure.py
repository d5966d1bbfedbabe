"""A file that cannot be stored (the files folder full or unusable) is a passing failure on WhatsApp: the webhook
stays in wa_inbox and is taken again, the person is told once, and nothing is lost."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from tests import media
from tests.e2e.test_whatsapp import press, register, say
from tests.e2e.whatsapp_harness import WhatsAppBot, whatsapp_bot

TOLD = "لم نتمكن من حفظ الملف الذي أرسلته الآن"
VOICE = "🎧 تسجيل صوتي (1:42)"


@pytest.fixture
async def wa(tmp_path: Path, clock: FakeClock) -> AsyncIterator[WhatsAppBot]:
    async with whatsapp_bot(tmp_path, clock) as bot:
        yield bot


async def count(wa: WhatsAppBot, table: str) -> int:
    """Return how many rows a table holds."""
    [row] = await wa.rows(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - the tests' own table names
    return int(row[0])


def block_folder_for(wa: WhatsAppBot, data: bytes) -> Path:
    """Make the folder the file's bytes go to unwritable: a plain file stands where its sub-folder would be."""
    blocker = wa.core.receiver.store.root / hashlib.sha256(data).hexdigest()[:2]
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_bytes(b"in the way")
    return blocker


async def test_a_voice_note_that_cannot_be_stored_is_kept_told_once_and_taken_again(wa: WhatsAppBot) -> None:
    author, other = wa.api.user(), wa.api.user("962790000003", name="رامي")
    await register(wa, author)
    await say(wa, author, "توصية")
    await press(wa, author, author.last.labels[3])
    if "محور آخر" in author.last.labels:
        await press(wa, author, "محور آخر")
    voice = media.ogg_opus(102)
    blocker = block_folder_for(wa, voice)

    await author.send_voice(voice)
    await wa.settle()
    first = [m.text for m in author.new()]
    assert sum(TOLD in text for text in first) == 1, first
    assert await count(wa, "wa_inbox") == 1  # kept, not dropped
    assert await count(wa, "files") == 0

    # Still full: someone else is answered meanwhile, and the author is not told again when the voice is retried.
    assert await say(wa, other, "السلام عليكم")
    assert author.new() == []
    assert await count(wa, "wa_inbox") == 1

    blocker.unlink()  # room again: the next webhook takes the kept one first
    await say(wa, other, "/help")
    await wa.settle()
    preview = [m.text for m in author.new()]
    assert any(VOICE in text for text in preview), preview
    stored = [tuple(row) for row in await wa.rows("SELECT sha256, sent_as FROM files")]
    assert stored == [(hashlib.sha256(voice).hexdigest(), "voice")]
    assert await count(wa, "wa_inbox") == 0
    assert wa.core.receiver.store.read(stored[0][0]) == voice
