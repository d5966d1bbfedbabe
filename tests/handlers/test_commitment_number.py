"""A commitment number after /status and /recommend is read the same way and an absent one gets the same answer."""

from __future__ import annotations

import pytest

from bot.core import Core
from tests.loop_support import registered, rows
from tests.support import RecordingTransport, texts

NO_NINE = "لا يوجد في الخطة التزام رقم «{n}»؛ أرقام التزاماتها من 1 إلى 5."


@pytest.mark.parametrize("typed", ["0", "9", "٩"])
async def test_an_absent_number_is_named_by_status_and_recommend_alike(
    core: Core, transport: RecordingTransport, typed: str
) -> None:
    salma = await registered(core, transport, "1001", "سلمى")
    status = texts(await salma.command("status", typed))
    recommend = texts(await salma.command("recommend", typed))
    assert NO_NINE.format(n=typed) in status and NO_NINE.format(n=typed) in recommend, (status, recommend)
    assert "1." in status  # the board follows, to choose from
    assert await rows(core, "SELECT * FROM recommendations") == []


async def test_a_number_in_range_opens_the_commitment_in_both(core: Core, transport: RecordingTransport) -> None:
    salma = await registered(core, transport, "1001", "سلمى")
    status = texts(await salma.command("status", "4"))
    assert "لا يوجد في الخطة" not in status and "الالتزام 4:" in status
    recommend = texts(await salma.command("recommend", "4"))
    assert "لا يوجد في الخطة" not in recommend


async def test_english_names_the_range_too(core: Core, transport: RecordingTransport) -> None:
    salma = await registered(core, transport, "1001", "سلمى")
    await salma.command("language")
    await salma.press("lang:en")
    status = texts(await salma.command("status", "0"))
    assert "The plan has no commitment number “0”; its commitments are numbered 1 to 5." in status
