"""/update from a spreadsheet: the export's milestones columns, a preview, all or nothing, bad rows named."""

from __future__ import annotations

import csv
import io
import time
import tracemalloc
from datetime import date, datetime

from openpyxl import Workbook, load_workbook

from bot.core import Core
from storage import catalogue
from storage.models import Completion
from tests.loop_support import coordinator, officer, rows
from tests.media import xlsx_bomb
from tests.support import START, ChatDriver, RecordingTransport, texts

HEADERS = ["رقم المرحلة", "رقم الالتزام", "رمز الالتزام", "المرحلة", "تاريخ البدء", "تاريخ الانتهاء", "مستوى الإنجاز"]


async def _milestones(core: Core) -> dict[str, int]:
    """Two milestones on commitment 2, one on commitment 3; return their ids by title."""
    async with core.db.transaction() as conn:
        c2, c3 = (await catalogue.list_commitments(conn))[1:3]
        made = [
            await catalogue.add_milestone(conn, c2.id, "تدريب 62 مؤسسة", date(2018, 9, 1), date(2020, 6, 30), START),
            await catalogue.add_milestone(conn, c2.id, "حملة التوعية", None, date(2020, 3, 1), START),
            await catalogue.add_milestone(conn, c3.id, "جلسات الحوار", None, None, START),
        ]
    return {m.title: m.id for m in made}


async def _officer_of_2_and_3(core: Core, transport: RecordingTransport) -> ChatDriver:
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    await coord.command("invite")
    code = await coord.press("ضابط ارتباط للالتزام 3")
    await chat.command("start", texts(code).split("/join ")[1].split()[0])
    return chat


def _xlsx(rows_: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "المراحل"
    sheet.append(HEADERS)
    for row in rows_:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(rows_: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(rows_)
    return out.getvalue().encode("utf-8-sig")


async def test_the_template_edited_and_sent_back_updates_two_commitments(
    core: Core, transport: RecordingTransport
) -> None:
    ids = await _milestones(core)
    chat = await _officer_of_2_and_3(core, transport)
    await chat.command("update")
    await chat.press("تحديث المراحل من جدول")
    sent = await chat.press("أرسل لي الجدول الحالي")
    template = next(r.document for r in sent if r.document is not None)
    assert template is not None and template.filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(template.data))
    sheet = book["المراحل"]
    assert [c.value for c in sheet[1]][:7] == HEADERS
    for row in sheet.iter_rows(min_row=2):
        if row[3].value == "تدريب 62 مؤسسة":
            row[6].value = "مكتمل"
        if row[3].value == "جلسات الحوار":
            row[5].value = datetime(2020, 12, 31)  # noqa: DTZ001 - a spreadsheet cell has no zone
            row[6].value = "محدود"
    sheet.append([None, 3, "JO0061", "نشر مخرجات الحوار", "1/1/2020", "30/6/2020", "لم يبدأ"])
    out = io.BytesIO()
    book.save(out)
    preview = await chat.send_file("milestones.xlsx", out.getvalue())
    text = texts(preview)
    assert "3 تغييرات" in text
    assert "«تدريب 62 مؤسسة»: الحالة لم يبدأ ← مكتمل" in text
    assert "«جلسات الحوار»: الحالة لم يبدأ ← محدود، الانتهاء — ← 31/12/2020" in text
    assert "مرحلة جديدة «نشر مخرجات الحوار»" in text
    assert (await rows(core, "SELECT state FROM milestones WHERE id = ?", ids["تدريب 62 مؤسسة"]))[0]["state"] == (
        "not_started"
    )  # nothing stored before the officer confirms
    done = await chat.press("حفظ كل التغييرات")
    assert "حُفظت 3 تغييرات" in texts(done)
    stored = {r["title"]: r for r in await rows(core, "SELECT title, state, start_date, end_date FROM milestones")}
    assert stored["تدريب 62 مؤسسة"]["state"] == Completion.COMPLETE
    assert stored["جلسات الحوار"]["end_date"] == "2020-12-31" and stored["جلسات الحوار"]["state"] == "limited"
    assert stored["نشر مخرجات الحوار"]["start_date"] == "2020-01-01"
    assert stored["حملة التوعية"]["state"] == "not_started"
    actions = await rows(core, "SELECT action, detail FROM audit_log WHERE action = 'milestones.import'")
    assert actions == [{"action": "milestones.import", "detail": "changes=3"}]


async def test_bad_rows_are_named_and_nothing_is_half_applied(core: Core, transport: RecordingTransport) -> None:
    ids = await _milestones(core)
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    await chat.command("update")
    await chat.press("تحديث المراحل من جدول")
    data = _csv(
        [
            [ids["تدريب 62 مؤسسة"], 2, "JO0060", "تدريب 62 مؤسسة", "2018-09-01", "2020-06-30", "مكتمل"],  # fine
            [ids["حملة التوعية"], 2, "JO0060", "حملة التوعية", "", "2020-03-01", "شبه منتهٍ"],
            [ids["جلسات الحوار"], 3, "JO0061", "جلسات الحوار", "", "", "محدود"],  # not this officer's
            ["", 2, "JO0060", "مرحلة جديدة", "1/5/2020", "1/4/2020", "محدود"],
            ["", 9, "", "مرحلة", "", "", "محدود"],
        ]
    )
    refused = texts(await chat.send_file("milestones.csv", data))
    assert "لم يُحفظ شيء من الملف: في 4 صفوف مشكلة" in refused
    assert "الصف 3: مستوى الإنجاز «شبه منتهٍ» غير معروف" in refused
    assert "الصف 4: لا تتولى الالتزام 3" in refused
    assert "الصف 5: تاريخ الانتهاء قبل تاريخ البدء" in refused
    assert "الصف 6: لا يوجد في الخطة الفعّالة التزام رقمه «9»" in refused
    assert {r["state"] for r in await rows(core, "SELECT state FROM milestones")} == {"not_started"}
    assert (await rows(core, "SELECT COUNT(*) AS n FROM milestones"))[0]["n"] == 3
    fixed = _csv([[ids["حملة التوعية"], 2, "JO0060", "حملة التوعية", "", "2020-03-01", "substantial"]])
    await chat.send_file("milestones.csv", fixed)  # still waiting for a file: the corrected one is taken
    await chat.press("حفظ كل التغييرات")
    assert (await rows(core, "SELECT state FROM milestones WHERE id = ?", ids["حملة التوعية"]))[0]["state"] == (
        "substantial"
    )


async def test_a_milestone_changed_after_the_preview_refuses_the_whole_file(
    core: Core, transport: RecordingTransport
) -> None:
    ids = await _milestones(core)
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    await chat.command("update")
    await chat.press("تحديث المراحل من جدول")
    await chat.send_file(
        "m.xlsx",
        _xlsx(
            [
                [ids["تدريب 62 مؤسسة"], 2, "JO0060", "تدريب 62 مؤسسة", date(2018, 9, 1), date(2020, 6, 30), "جوهري"],
                [None, 2, "JO0060", "مرحلة إضافية", None, None, "محدود"],
            ]
        ),
    )
    async with core.db.transaction() as conn:  # a colleague edits the same milestone in the meantime
        await conn.execute("UPDATE milestones SET updated_at = '2030-01-01' WHERE id = ?", (ids["تدريب 62 مؤسسة"],))
    stale = texts(await chat.press("حفظ كل التغييرات"))
    assert "تغيّرت المرحلة في الصف 2" in stale
    assert (await rows(core, "SELECT COUNT(*) AS n FROM milestones"))[0]["n"] == 3


async def test_files_are_read_only_where_one_is_asked_for(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    assert "لا أستطيع استخدام هذا هنا" in texts(await chat.send_file("x.xlsx", _xlsx([])))
    await chat.command("update")
    await chat.press("تحديث المراحل من جدول")
    assert "نوعه غير مقبول" in texts(await chat.send_file("x.xlsx", b"PK\x03\x04 not really a zip"))
    assert "لم أجد أعمدة جدول المراحل" in texts(await chat.send_file("x.csv", b"a,b,c\n1,2,3\n"))
    assert "تعذّر علينا تنزيل الملف" in texts(await chat.send_file("x.csv", None))
    assert "لا يغيّر هذا الملف شيئاً" in texts(await chat.send_file("x.xlsx", _xlsx([])))


async def test_a_table_in_english_comes_back_from_an_officer_who_reads_arabic(
    core: Core, transport: RecordingTransport
) -> None:
    from messages import load_messages

    english = load_messages("en")
    ids = await _milestones(core)
    chat = await _officer_of_2_and_3(core, transport)
    book = Workbook()
    sheet = book.active
    sheet.title = english.t("exp-sheet-milestones")
    keys = ("exp-col-milestone-id", "exp-col-commitment", "exp-col-milestone", "exp-col-completion")
    sheet.append([english.t(key) for key in keys])  # a colleague's English export, trimmed
    sheet.append([ids["حملة التوعية"], 2, "حملة التوعية", english.t("completion-substantial")])
    out = io.BytesIO()
    book.save(out)
    await chat.command("update")
    await chat.press("تحديث المراحل من جدول")
    preview = texts(await chat.send_file("milestones.xlsx", out.getvalue()))
    assert "«حملة التوعية»: الحالة لم يبدأ ← جوهري" in preview  # read in either language, shown in hers
    await chat.press("حفظ كل التغييرات")
    assert (await rows(core, "SELECT state FROM milestones WHERE id = ?", ids["حملة التوعية"]))[0]["state"] == (
        "substantial"
    )


async def test_a_zip_bomb_sent_as_the_table_is_refused_unread(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    before = await rows(core, "SELECT id, title, state FROM milestones ORDER BY id")
    await chat.command("update")
    await chat.press("تحديث المراحل من جدول")
    bomb = xlsx_bomb(100, HEADERS)  # 0.3 MB that inflates to 100 MB of one row (7 GB and 19 s at 1 MB, before)
    heavy = xlsx_bomb(20, HEADERS, level=1)  # inflates less far: a real XLSX, but 20 MB is no milestones table
    tracemalloc.start()
    started = time.perf_counter()
    try:
        assert "نوعه غير مقبول" in texts(await chat.send_file("milestones.xlsx", bomb))
        refused = texts(await chat.send_file("milestones.xlsx", heavy))
        elapsed, (_, peak) = time.perf_counter() - started, tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "بعد فكّ ضغطه أكثر بكثير مما يحويه جدول المراحل" in refused
    assert peak < 20 * 1024 * 1024 and elapsed < 10, (peak, elapsed)  # the files' own bytes, and little else
    assert await rows(core, "SELECT id, title, state FROM milestones ORDER BY id") == before
    assert await rows(core, "SELECT id FROM files WHERE deleted_at IS NULL") == []  # read, not kept
