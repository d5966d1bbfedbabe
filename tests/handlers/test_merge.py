"""Merging duplicates: the kept one carries both, both authors hear of it, an answer reaches every author, and unmerge
undoes it; the inbox and the answer sheet know the link."""

from __future__ import annotations

import io
import json
from zoneinfo import ZoneInfo

import jsonschema
from docx import Document
from openpyxl import load_workbook

from bot.core import Core
from messages import load_messages
from reports.export import ExportFormat, export
from reports.export_json import schema
from reports.report_docx import build_report
from storage.exports import ExportScope
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import START, ChatDriver, RecordingTransport, texts

AR, EN = load_messages("ar"), load_messages("en")
AMMAN = ZoneInfo("Asia/Amman")
AR_DOWNLOAD = AR.t("answer-sheet-download-button")
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


async def _export(core: Core, fmt: ExportFormat, language: str = "ar") -> bytes:
    out = io.BytesIO()
    async with core.db.transaction() as conn:
        await export(conn, ExportScope(), fmt, out, messages=load_messages(language), tz=AMMAN, now=START)
    return out.getvalue()


async def test_exports_and_the_report_say_raised_by_two_and_count_the_endorser_once(
    core: Core, transport: RecordingTransport
) -> None:
    officer_chat, _first, _second, kept, merged = await _pair(core, transport)
    await _merge(officer_chat, merged, kept)

    document = json.loads(await _export(core, ExportFormat.JSON))
    jsonschema.validate(document, schema())
    by_id = {r["id"]: r for r in document["recommendations"]}
    assert (by_id[kept]["raised_by"], by_id[kept]["endorsements"], by_id[kept]["merged_into"]) == (2, 1, None)
    assert (by_id[merged]["raised_by"], by_id[merged]["endorsements"], by_id[merged]["merged_into"]) == (0, 0, kept)

    for language in ("ar", "en"):
        messages = load_messages(language)
        raised, into = messages.t("exp-col-raised-by"), messages.t("exp-col-merged-into")
        book = load_workbook(io.BytesIO(await _export(core, ExportFormat.XLSX, language)))
        sheet = next(ws for ws in book.worksheets if raised in [c.value for c in ws[1]])  # commitment 1's
        header = [c.value for c in sheet[1]]
        cells = {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert (cells[kept][raised], cells[kept][into], cells[kept][messages.t("exp-col-endorsements")]) == (2, None, 1)
        assert (cells[merged][raised], cells[merged][into]) == (0, kept)

    async with core.db.transaction() as conn:
        report = Document(io.BytesIO(await build_report(conn, round_id=None, now=START)))
    said = [p.text for p in report.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert f"{KEPT} (طرحها شخصان أو مجموعتان) (أيّدها مشارك واحد)" in said
    assert not any(DUPLICATE in line for line in said)  # counted in the kept one, not listed again
    stored = await rows(core, "SELECT COUNT(*) AS n FROM endorsements WHERE recommendation_id IN (?, ?)", kept, merged)
    assert stored == [{"n": 2}]  # both endorsements are kept; only the count follows the link


async def test_the_answer_sheet_leaves_merged_recommendations_out(core: Core, transport: RecordingTransport) -> None:
    officer_chat, _first, _second, kept, merged = await _pair(core, transport)
    await _merge(officer_chat, merged, kept)
    await officer_chat.command("inbox")
    sent = await officer_chat.press(AR_DOWNLOAD)
    assert AR.t("answer-sheet-caption", count=1) in texts(sent)
    document = next(r.document for r in sent if r.document is not None)
    sheet = load_workbook(io.BytesIO(document.data)).worksheets[0]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [kept]
    assert await rows(core, "SELECT merged_into FROM recommendations WHERE id = ?", merged) == [{"merged_into": kept}]
