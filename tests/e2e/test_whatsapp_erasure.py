"""WhatsApp: declining consent, or /forget, leaves neither the number nor the names in the database file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from tests.e2e.test_whatsapp import press, say
from tests.e2e.whatsapp_harness import WhatsAppBot, whatsapp_bot

PHONE = "962795551234"
PROFILE = "ريحانة الصفدي"
NAME = "ريحانة عبد الكريم الصفدي"
ORGANISATION = "ملتقى النخيل للمساءلة"
MESSAGE_ID = "wamid."  # WhatsApp's message ids carry the sender's number (base64): none may stay


@pytest.fixture
async def wa(tmp_path: Path, clock: FakeClock) -> AsyncIterator[WhatsAppBot]:
    """A WhatsApp bot on loopback."""
    async with whatsapp_bot(tmp_path, clock) as bot:
        yield bot


def traces(wa: WhatsAppBot) -> dict[str, list[str]]:
    found = {}
    for suffix in ("", "-wal"):
        path = Path(f"{wa.core.db.path}{suffix}")
        data = path.read_bytes() if path.exists() else b""
        found[path.name] = [n for n in (PHONE, PROFILE, NAME, ORGANISATION, MESSAGE_ID) if n.encode() in data]
    return found


NOTHING: dict[str, list[str]] = {"bot.sqlite3": [], "bot.sqlite3-wal": []}


async def test_declining_consent_on_whatsapp_leaves_nothing(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE, name=PROFILE)
    await say(wa, user, "مرحبا")
    await say(wa, user, NAME)
    await say(wa, user, ORGANISATION)
    await press(wa, user, "مؤسسة مجتمع مدني")
    await press(wa, user, "عمّان")
    assert traces(wa) != NOTHING  # what the test looks for is really there until then
    declined = await press(wa, user, "لا أوافق")
    assert any("لم نحفظ" in text for text in declined)  # the answer still reached them
    assert traces(wa) == NOTHING
    assert [tuple(r) for r in await wa.rows("SELECT COUNT(*) FROM wa_contacts")] == [(0,)]


async def test_forget_on_whatsapp_leaves_nothing(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE, name=PROFILE)
    await say(wa, user, "مرحبا")
    await say(wa, user, NAME)
    await say(wa, user, ORGANISATION)
    await press(wa, user, "مؤسسة مجتمع مدني")
    await press(wa, user, "عمّان")
    await press(wa, user, "✅ أوافق")
    await say(wa, user, "/forget")
    await press(wa, user, "إبقاء توصياتي")
    done = await press(wa, user, "نعم، احذف")
    assert any("محونا بياناتك" in text for text in done)
    assert traces(wa) == NOTHING
    assert [tuple(r) for r in await wa.rows("SELECT COUNT(*) FROM wa_contacts")] == [(0,)]
