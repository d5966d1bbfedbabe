"""A recommendation's text is 10 to 2,000 characters, both ends included: the exact edges, through the chat."""

from __future__ import annotations

from bot.core import Core
from tests.loop_support import rows
from tests.support import ChatDriver, texts

NINE, TEN = "مدد لتتبع", "مدد للتتبع"  # two words, 9 and 10 characters
LONGEST = "كلمة " * 399 + "كلمات"  # 2,000 characters
TOO_LONG = LONGEST + "ي"


async def _at_text_step(chat: ChatDriver) -> None:
    await chat.register()
    await chat.command("recommend", "2")
    await chat.press("حملة التوعية")


async def test_ten_characters_are_enough_and_nine_are_not(chat: ChatDriver, core: Core) -> None:
    await _at_text_step(chat)
    assert (len(NINE), len(TEN)) == (9, 10)
    short = await chat.send(NINE)
    assert "قصيرة جداً (9 أحرف، والحد الأدنى 10)" in short[0].text
    preview = await chat.send(TEN)
    assert "راجع توصيتك" in texts(preview) and TEN in texts(preview)
    assert await rows(core, "SELECT text FROM recommendations") == []
    done = await chat.press("rec:ok")
    assert "رقم الإيصال #1" in texts(done)
    assert await rows(core, "SELECT text FROM recommendations") == [{"text": TEN}]


async def test_two_thousand_characters_fit_and_one_more_does_not(chat: ChatDriver, core: Core) -> None:
    await _at_text_step(chat)
    assert (len(LONGEST), len(TOO_LONG)) == (2000, 2001)
    refused = await chat.send(TOO_LONG)
    assert "(2001 حرف، والحد الأقصى 2000)" in refused[0].text
    assert "راجع توصيتك" not in texts(refused)
    preview = await chat.send(LONGEST)
    assert "راجع توصيتك" in texts(preview)
    await chat.press("rec:ok")
    assert await rows(core, "SELECT length(text) AS n FROM recommendations") == [{"n": 2000}]
