"""/stats counts the people it says it counts, and shows no reply rate where nothing came in."""

from __future__ import annotations

from bot.core import Core
from handlers.kit.contract import Reply
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import RecordingTransport

TEXT = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"


def _figures(replies: list[Reply]) -> str:
    return next(r.text for r in replies if r.text.startswith("📈"))


async def test_staff_are_not_participants_and_an_empty_commitment_has_no_rate(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    await officer(core, transport, coord, "3003", number=2)
    salma = await registered(core, transport, "1001", "سلمى")
    await recommend(salma, 2, TEXT)
    consenting = await rows(core, "SELECT id FROM participants WHERE consent_at IS NOT NULL")
    assert len(consenting) == 3  # the coordinator, the officer and one participant are all registered
    figures = _figures(await coord.command("stats"))
    assert "مشارك مسجّل واحد." in figures and "مشاركان" not in figures and "مشاركين" not in figures
    assert "الالتزام 1: لا توصيات — نسبة الرد: — —" in figures  # nothing came in: no rate, not «0%»
    assert "الالتزام 2: توصية واحدة — نسبة الرد: 0% — وسيط مدة الرد: لا ردود بعد" in figures
    assert "0%" not in figures.split("الالتزام 1:")[1].split("\n")[0]


async def test_english_stats_show_a_dash_too(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    salma = await registered(core, transport, "1001", "سلمى")
    await recommend(salma, 2, TEXT)
    await coord.command("language")
    await coord.press("lang:en")
    figures = _figures(await coord.command("stats"))
    assert "One registered participant." in figures
    assert "Commitment 1: no recommendations — reply rate: — —" in figures
    assert "Commitment 2: one recommendation — reply rate: 0% —" in figures
