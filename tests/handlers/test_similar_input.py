"""Similar input before it is sent: alike recommendations at the preview, endorsed instead, found despite spelling."""

from __future__ import annotations

from dataclasses import replace

from bot.core import Core
from tests.loop_support import recommend, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

FIRST = "نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"
# The same idea in other spellings: alef forms, ة/ه, diacritics, tatweel, a prefix.
AGAIN = "ننشر مَحاضر إجتماعات اللجنـة التوجيهيه بعد أسبوع من الاجتماع"
OTHER = "توفير مواصلات عامة مجانية لكبار السن وذوي الإعاقة في المحافظات"


async def two_people(core: Core, transport: RecordingTransport) -> tuple[ChatDriver, ChatDriver, int]:
    """Return a first author whose recommendation is published on arrival, a second person, and its receipt."""
    core.dispatcher.config = replace(core.dispatcher.config, publish_on_arrival=True)
    first = await registered(core, transport, "2001", "ليلى")
    receipt = await recommend(first, 2, FIRST)
    await recommend(first, 2, OTHER)
    second = await registered(core, transport, "2002", "عمر")
    return first, second, receipt


def ids(chat: ChatDriver) -> list[str]:
    return [c.id for c in chat.last_with_choices.choices] if chat.last_with_choices else []


async def write(chat: ChatDriver, number: int, text: str) -> str:
    await chat.command("recommend", str(number))
    if any(c.startswith("rec:t:") for c in ids(chat)):
        await chat.press("rec:t:0")
    return texts(await chat.send(text))


async def test_the_preview_shows_an_alike_recommendation_and_endorsing_it_sends_nothing_new(
    core: Core, transport: RecordingTransport
) -> None:
    _, second, receipt = await two_people(core, transport)
    preview = await write(second, 2, AGAIN)
    assert "توجد توصية مشابهة" in preview and f"#{receipt}" in preview and "👍 0" in preview
    assert OTHER not in preview
    assert f"rec:same:{receipt}" in ids(second)
    assert "✅ أرسل توصيتي على أي حال" in second.labels()
    done = texts(await second.press(f"rec:same:{receipt}"))
    assert f"سُجّل تأييدك للتوصية #{receipt}" in done
    assert await rows(core, "SELECT recommendation_id FROM endorsements") == [{"recommendation_id": receipt}]
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendations") == [{"n": 2}]


async def test_send_mine_anyway_stores_it(core: Core, transport: RecordingTransport) -> None:
    _, second, _ = await two_people(core, transport)
    await write(second, 2, AGAIN)
    done = texts(await second.press("rec:ok"))
    assert "رقم الإيصال #3" in done
    assert await rows(core, "SELECT text FROM recommendations WHERE id = 3") == [{"text": AGAIN}]
    assert await rows(core, "SELECT COUNT(*) AS n FROM endorsements") == [{"n": 0}]


async def test_alike_on_another_commitment_or_unpublished_is_not_shown(
    core: Core, transport: RecordingTransport
) -> None:
    _, second, _ = await two_people(core, transport)
    assert "مشابهة" not in await write(second, 3, AGAIN)
    await second.press("rec:x")
    core.dispatcher.config = replace(core.dispatcher.config, publish_on_arrival=False)
    assert "مشابهة" not in await write(second, 2, AGAIN)  # not answered nor approved: not someone else's to read


async def test_a_forged_or_stale_endorse_instead_is_refused(core: Core, transport: RecordingTransport) -> None:
    first, second, receipt = await two_people(core, transport)
    await write(second, 2, AGAIN)
    refused = texts(await second.press_data("rec:same:2"))  # not among those shown: another idea, but readable
    assert "سُجّل تأييدك" not in refused
    refused = texts(await first.press_data(f"rec:same:{receipt}"))  # outside the flow: stale
    assert "سُجّل تأييدك" not in refused
    assert await rows(core, "SELECT COUNT(*) AS n FROM endorsements") == [{"n": 0}]


async def test_english_preview_in_english(core: Core, transport: RecordingTransport) -> None:
    _, second, receipt = await two_people(core, transport)
    await second.command("language")
    await second.press("lang:en")
    preview = await write(second, 2, AGAIN)
    assert "There is a similar recommendation" in preview and f"#{receipt}" in preview
    assert "✅ Send mine anyway" in second.labels()


async def test_hidden_recommendations_are_not_suggested(core: Core, transport: RecordingTransport) -> None:
    _, second, receipt = await two_people(core, transport)
    async with core.db.transaction() as conn:
        await conn.execute("UPDATE recommendations SET hidden = 1 WHERE id = ?", (receipt,))
    assert "مشابهة" not in await write(second, 2, AGAIN)
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendation_terms WHERE rowid = ?", receipt) == [{"n": 0}]


async def test_the_rare_terms_find_an_alike_one_whose_common_words_differ(
    core: Core, transport: RecordingTransport
) -> None:
    core.dispatcher.config = replace(core.dispatcher.config, publish_on_arrival=True)
    first = await registered(core, transport, "2001", "ليلى")
    for n in range(12):  # the draft's common words, on other ideas
        await recommend(first, 2, f"نشر جداول الموازنة على الموقع الإلكتروني للوزارة في الربع {n}")
    target = await recommend(first, 2, "إتاحة محاضر اجتماعات اللجنة التوجيهية للعموم")
    second = await registered(core, transport, "2002", "عمر")
    preview = await write(second, 2, "نشر محاضر اجتماعات اللجنة التوجيهية على الموقع الإلكتروني للوزارة")
    assert f"#{target}" in preview and preview.index(f"#{target}") < preview.index("#10")
    assert f"rec:same:{target}" == ids(second)[0]  # the most alike first
    counts = await rows(
        core, "SELECT term, doc FROM recommendation_vocabulary WHERE term IN ('محاضر', 'موقع') ORDER BY doc"
    )
    assert counts == [{"term": "محاضر", "doc": 1}, {"term": "موقع", "doc": 12}]
