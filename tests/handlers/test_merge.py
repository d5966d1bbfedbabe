"""Merging duplicates: the kept one carries both, both authors hear of it, an answer reaches every author, and unmerge
undoes it; the inbox and the answer sheet know the link."""

from __future__ import annotations

from bot.core import Core
from messages import load_messages
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

EN = load_messages("en")
KEPT = "نشر بيانات الموازنة المفتوحة شهرياً بصيغة قابلة للقراءة الآلية"
DUPLICATE = "Publish the open budget data every month in a machine-readable format"
ANSWER = "سننشرها شهرياً ابتداءً من الربع القادم"


async def _pair(core: Core, transport: RecordingTransport) -> tuple[ChatDriver, ChatDriver, ChatDriver, int, int]:
    """An officer of commitment 1, an Arabic author and an English author of the same idea, each endorsed."""
    coord = await coordinator(core, transport)
    first = await registered(core, transport, "4001", "سلمى")
    second = await registered(core, transport, "4002", "Omar")
    kept = await recommend(first, 1, KEPT)
    merged = await recommend(second, 1, DUPLICATE)
    await second.press_data("lang:en")
    officer_chat = await officer(core, transport, coord, "4100", 1)
    for rec in (kept, merged):  # one person endorsing both counts once
        assert "سُجّل تأييدك" in texts(await officer_chat.press_data(f"endo:r:{rec}:0"))
    return officer_chat, first, second, kept, merged


async def _merge(chat: ChatDriver, merged: int, kept: int) -> list[str]:
    await chat.command("inbox")
    await chat.press(f"#{merged}")
    asked = texts(await chat.press("🔗 هي نفسها التوصية رقم…"))
    preview = texts(await chat.send(str(kept)))
    done = texts(await chat.press("✅ ضمّها"))
    return [asked, preview, done]


async def test_a_merge_carries_both_tells_both_and_an_answer_reaches_each_author(
    core: Core, transport: RecordingTransport
) -> None:
    officer_chat, first, second, kept, merged = await _pair(core, transport)
    told_before = {c.user: len(transport.to(c.user)) for c in (first, second)}
    asked, preview, done = await _merge(officer_chat, merged, kept)
    assert f"ما تقوله #{merged}" in asked
    assert KEPT in preview and DUPLICATE in preview and "طرحها شخصان أو مجموعتان" in preview
    assert f"ضُمّت #{merged} إلى #{kept}" in done and f"ضُمّت إليها: #{merged}" in done
    assert "المؤيدون: 1" in done  # once, though they endorsed both
    [to_first] = transport.to(first.user)[told_before[first.user] :]
    [to_second] = transport.to(second.user)[told_before[second.user] :]
    assert f"فضُمّتا معاً. التوصية #{kept} الآن: طرحها شخصان أو مجموعتان" in to_first.text
    assert f"Your recommendation #{merged} on commitment 1 says what recommendation #{kept} says" in to_second.text
    assert await rows(core, "SELECT id, merged_into FROM recommendations ORDER BY id") == [
        {"id": kept, "merged_into": None},
        {"id": merged, "merged_into": kept},
    ]

    # The waiting inbox lists the kept one only, raised by two.
    page = texts(await officer_chat.command("inbox"))
    assert f"#{kept}" in page and f"#{merged} " not in page and "طرحها شخصان أو مجموعتان" in page

    # Answered once: each author told once, in their language, each answer its own entry.
    told_before = {c.user: len(transport.to(c.user)) for c in (first, second)}
    await officer_chat.press(f"#{kept}")
    await officer_chat.press("اعتُمدت")
    await officer_chat.send(ANSWER)
    await officer_chat.press("حفظ وإرسال")
    [to_first] = transport.to(first.user)[told_before[first.user] :]
    [to_second] = transport.to(second.user)[told_before[second.user] :]
    assert KEPT in to_first.text and ANSWER in to_first.text
    assert DUPLICATE in to_second.text and ANSWER in to_second.text and "Adopted" in to_second.text
    entries = await rows(core, "SELECT recommendation_id, state, outbox_id FROM recommendation_answers ORDER BY id")
    assert [(e["recommendation_id"], e["state"]) for e in entries] == [(kept, "accepted"), (merged, "accepted")]
    assert all(e["outbox_id"] for e in entries)

    # Unmerge undoes it and is audited beside the merge.
    await officer_chat.command("inbox")
    await officer_chat.press_data(f"inbox:o:{merged}:0")
    apart = texts(await officer_chat.press(f"↩️ فصلها عن #{kept}"))
    assert f"فُصلت #{merged} عن #{kept}" in apart
    assert await rows(core, "SELECT merged_into FROM recommendations WHERE id = ?", merged) == [{"merged_into": None}]
    audit = await rows(core, "SELECT action, target, detail FROM audit_log WHERE action LIKE '%merge'")
    assert audit == [
        {"action": "recommendation.merge", "target": f"recommendation:{merged}", "detail": f"into:{kept}"},
        {"action": "recommendation.unmerge", "target": f"recommendation:{merged}", "detail": f"from:{kept}"},
    ]
    assert EN.t("unmerge-told", merged=f"#{merged}", kept=f"#{kept}") in transport.to(second.user)[-1].text


async def test_a_merge_into_another_commitment_or_a_word_is_refused_and_nothing_changes(
    core: Core, transport: RecordingTransport
) -> None:
    officer_chat, first, _second, kept, merged = await _pair(core, transport)
    other = await recommend(first, 2, "توصية على التزام آخر لا يتابعه هذا المسؤول")
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{merged}")
    await officer_chat.press("🔗 هي نفسها التوصية رقم…")
    assert "اكتب رقم توصية بالأرقام" in texts(await officer_chat.send("الأولى"))
    assert "لا يمكن ضم" in texts(await officer_chat.send(str(other)))
    assert "لا يمكن ضم" in texts(await officer_chat.send(str(merged)))
    preview = texts(await officer_chat.send(f"#{str(kept).translate(str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩'))}"))
    assert "ستُضم" in preview
    forged = texts(await officer_chat.press_data(f"mrg:ok:{other}:{kept}"))
    assert "ضُمّت" not in forged
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendations WHERE merged_into IS NOT NULL") == [{"n": 0}]
    assert await rows(core, "SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE '%merge'") == [{"n": 0}]
