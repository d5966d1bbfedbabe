"""The inbox groups near-duplicates: a waiting recommendation offers its alike waiting ones, each merged into it
through the usual merge (preview, confirmation, audit, notices), so it is answered once and every author is told."""

from __future__ import annotations

from bot.core import Core
from tests.handlers.test_authorisation import REFUSAL
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

FIRST = "نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"
AGAIN = "ننشر مَحاضر إجتماعات اللجنـة التوجيهيه بعد أسبوع من الاجتماع"
OTHER = "توفير مواصلات عامة مجانية لكبار السن وذوي الإعاقة في المحافظات"
STALE = "لم أتعرّف على هذا الزر"
MERGED = "SELECT id, merged_into FROM recommendations ORDER BY id"
AUDITED = "SELECT action, target, detail FROM audit_log WHERE action LIKE '%merge'"


async def _world(core: Core, transport: RecordingTransport) -> tuple[ChatDriver, list[ChatDriver], list[int]]:
    """An officer of commitment 1; two alike recommendations and an unrelated one on it; an alike one on 2."""
    coord = await coordinator(core, transport)
    authors = [await registered(core, transport, f"52{i}", f"كاتب {i}") for i in range(4)]
    ids = [
        await recommend(authors[0], 1, FIRST),
        await recommend(authors[1], 1, AGAIN),
        await recommend(authors[2], 1, OTHER),
        await recommend(authors[3], 2, AGAIN),
    ]
    return await officer(core, transport, coord, "5300", 1), authors, ids


async def _open(chat: ChatDriver, rec: int) -> str:
    await chat.command("inbox")
    return texts(await chat.press(f"#{rec}"))


async def test_an_officer_merges_an_alike_one_from_the_group_and_answers_once(
    core: Core, transport: RecordingTransport
) -> None:
    chat, authors, (first, again, other, elsewhere) = await _world(core, transport)
    await _open(chat, first)
    assert "🔗 توصية واحدة متشابهة" in chat.labels()
    listed = texts(await chat.press("🔗 توصية واحدة متشابهة"))
    assert f"توصية واحدة تنتظر الرد تشبه #{first}" in listed
    assert f"#{again} — مؤسسة مجتمع مدني" in listed and "مَحاضر" in listed
    assert f"#{other}" not in listed and f"#{elsewhere}" not in listed  # unrelated; another commitment
    assert f"🔗 دمج #{again} في هذه" in chat.labels()

    told_before = len(transport.to(authors[1].user))
    preview = texts(await chat.press(f"🔗 دمج #{again} في هذه"))
    assert f"ستُضم #{again} إلى #{first}" in preview and "طرحها شخصان أو مجموعتان" in preview
    assert await rows(core, MERGED) == [  # nothing before the confirmation
        {"id": i, "merged_into": None} for i in (first, again, other, elsewhere)
    ]
    done = texts(await chat.press("✅ ضمّها"))
    assert f"ضُمّت #{again} إلى #{first}" in done
    assert "🔗 توصية واحدة متشابهة" not in chat.labels()  # the group is one now
    assert {"id": again, "merged_into": first} in await rows(core, MERGED)
    assert await rows(core, AUDITED) == [
        {"action": "recommendation.merge", "target": f"recommendation:{again}", "detail": f"into:{first}"}
    ]
    assert f"#{again}" in transport.to(authors[1].user)[told_before].text

    # Answered once, on the kept one: both authors told.
    await chat.press("اعتُمدت")
    await chat.press("inbox:nr:" + str(first))
    await chat.press("inbox:ok:" + str(first))
    answered = await rows(core, "SELECT id, state FROM recommendations WHERE id IN (?, ?) ORDER BY id", first, again)
    assert {r["state"] for r in answered} == {"accepted"}
    for author, rec in ((authors[0], first), (authors[1], again)):
        assert any(f"#{rec}" in m.text and "اعتُمدت" in m.text for m in transport.to(author.user))

    # The unrelated one has no group.
    await _open(chat, other)
    assert not any("متشابه" in label for label in chat.labels())


async def test_the_group_in_english(core: Core, transport: RecordingTransport) -> None:
    chat, _, (first, again, _, _) = await _world(core, transport)
    await chat.press_data("lang:en")
    await _open(chat, again)
    listed = texts(await chat.press("🔗 1 similar"))
    assert f"One waiting recommendation is like #{again}" in listed and f"#{first} — Civil society" in listed
    preview = texts(await chat.press(f"🔗 Merge #{first} into this one"))
    assert f"#{first} will be merged into #{again}" in preview
    await chat.press("✅")
    assert {"id": first, "merged_into": again} in await rows(core, MERGED)


async def test_a_forged_or_stale_merge_from_the_group_is_refused(core: Core, transport: RecordingTransport) -> None:
    chat, _, (first, again, other, elsewhere) = await _world(core, transport)
    await _open(chat, first)
    unrelated = texts(await chat.press_data(f"dup:m:{other}:{first}:0"))  # not alike: never offered
    assert STALE in unrelated and "ستُضم" not in unrelated
    aimed = texts(await chat.press_data(f"dup:m:{first}:{elsewhere}:0"))  # another commitment's
    assert REFUSAL in aimed
    listed = texts(await chat.press_data(f"dup:l:{elsewhere}:0"))
    assert REFUSAL in listed and AGAIN not in listed
    stranger = await registered(core, transport, "5400", "غريب")
    assert "ستُضم" not in texts(await stranger.press_data(f"dup:m:{again}:{first}:0"))
    assert await rows(core, MERGED) == [{"id": i, "merged_into": None} for i in (first, again, other, elsewhere)]
    assert await rows(core, AUDITED) == []
