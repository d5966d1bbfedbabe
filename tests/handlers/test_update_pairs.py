"""/update: an unlikely level and percentage is confirmed, not passed silently; notices carry the evidence link."""

from __future__ import annotations

import pytest

from bot.core import Core
from handlers.progress.update import unlikely
from storage.models import Completion
from tests.loop_support import coordinator, officer, registered, rows
from tests.support import RecordingTransport, texts


@pytest.mark.parametrize(
    ("completion", "progress", "odd"),
    [
        (Completion.LIMITED, 100, True),
        (Completion.LIMITED, 40, False),
        (Completion.COMPLETE, 90, True),
        (Completion.COMPLETE, 100, False),
        (Completion.NOT_STARTED, 5, True),
        (Completion.NOT_STARTED, 0, False),
        (Completion.SUBSTANTIAL, 100, False),
    ],
)
def test_unlikely_pairs(completion: Completion, progress: int, odd: bool) -> None:
    assert unlikely(completion, progress) is odd


async def test_limited_at_100_asks_then_goes_on_when_confirmed(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 2)
    follower = await registered(core, transport, "1001", "سلمى")
    await follower.command("follow")
    await follower.press("2. تعزيز تطبيق")
    await officer_chat.command("update")
    await officer_chat.press("محدود")
    asked = await officer_chat.press("100%")
    assert "لا يتّفقان" in texts(asked) and "«محدود»" in texts(asked)
    back = await officer_chat.press("تعديل النسبة")
    assert "نسبة التقدم" in texts(back)
    await officer_chat.send("100")
    await officer_chat.press("نعم، هذا صحيح")
    await officer_chat.press("upd:skip")
    await officer_chat.send("https://modee.gov.jo/open-data/report.pdf")
    before = len(transport.to("1001"))
    await officer_chat.press("upd:ok")
    [update] = await rows(core, "SELECT completion, progress FROM status_updates")
    assert update == {"completion": "limited", "progress": 100}
    [news] = transport.to("1001")[before:]
    assert "https://modee.gov.jo/open-data/report.pdf" in news.text


async def test_complete_below_100_can_change_the_level(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 2)
    await officer_chat.command("update")
    await officer_chat.press("مكتمل")
    await officer_chat.send("80")
    again = await officer_chat.press("تغيير مستوى الإنجاز")
    assert "ما مستوى الإنجاز الآن" in texts(again)
    await officer_chat.press("جوهري")
    after = await officer_chat.send("80")
    assert "لا يتّفقان" not in texts(after)
