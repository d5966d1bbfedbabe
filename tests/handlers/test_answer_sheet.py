"""Answering from a spreadsheet: the officer's sheet, the checked preview, one transaction, one notice per author."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bot.core import Core
from handlers.kit.contract import Reply
from messages import load_messages
from tests.loop_support import coordinator, officer, rows
from tests.support import ChatDriver, RecordingTransport, texts

AR, EN = load_messages("ar"), load_messages("en")
DOWNLOAD, UPLOAD = AR.t("answer-sheet-download-button"), AR.t("answer-sheet-upload-button")
APPLY = AR.t("answer-sheet-apply")


async def _author(core: Core, transport: RecordingTransport, user: str, *, english: bool = False) -> ChatDriver:
    """A registered participant, Arabic or English."""
    chat = ChatDriver(core, transport, user=user, name=f"مشارك {user}")
    if not english:
        await chat.register(name=f"مشارك {user}", organisation="جمعية")
        return chat
    await chat.command("start", language="en")
    await chat.send(f"Member {user}")
    await chat.press("reg:org")
    await chat.press("reg:sector:cso")
    await chat.press("reg:gov:amman")
    await chat.press("reg:consent:yes")
    return chat


async def _recommend(chat: ChatDriver, number: int, text: str) -> int:
    """Send a recommendation (other theme) and return its number."""
    await chat.command("recommend", str(number))
    if any(c.id == "rec:t:0" for c in (chat.last_with_choices.choices if chat.last_with_choices else ())):
        await chat.press("rec:t:0")
    await chat.send(text)
    await chat.press("rec:ok")
    found = await rows(chat.core, "SELECT MAX(id) AS id FROM recommendations")
    return int(found[0]["id"])


def _sheet(reply: list[Reply]) -> Any:
    document = next(r.document for r in reply if r.document is not None)
    assert document is not None and document.filename.endswith(".xlsx")
    return load_workbook(io.BytesIO(document.data))


def _headers(sheet: Worksheet) -> dict[str, int]:
    return {str(c.value): c.column for c in sheet[1]}


def _fill(book: Any, answers: dict[int, tuple[str | None, str | None]], language: str = "ar") -> bytes:
    """Fill the new state and response of the rows whose recommendation number is given; return the file."""
    messages = AR if language == "ar" else EN
    sheet = book.worksheets[0]
    col = _headers(sheet)
    number = col[messages.t("exp-col-id")]
    state, response = col[messages.t("answer-sheet-col-new-state")], col[messages.t("answer-sheet-col-new-response")]
    for row in range(2, sheet.max_row + 1):
        rec = sheet.cell(row=row, column=number).value
        if rec in answers:
            sheet.cell(row=row, column=state).value, sheet.cell(row=row, column=response).value = answers[rec]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def _notices(core: Core) -> list[dict[str, Any]]:
    return await rows(
        core, "SELECT recipient, COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE 'answer:%' GROUP BY recipient"
    )


async def test_forty_answers_from_one_sheet_three_refused_then_corrected_one_notice_each(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    authors: dict[int, ChatDriver] = {}
    for i in range(40):
        author = await _author(core, transport, str(3000 + i), english=i % 8 == 0)
        text = f"نقترح نشر تقرير الشكاوى رقم {i + 1} شهرياً في كل محافظة"
        if i == 1:
            text = '=HYPERLINK("http://x") نشر تقارير الشكاوى شهرياً'  # a formula look-alike, kept as text
        authors[await _recommend(author, 2, text)] = author
    seen = {rec: len(transport.to(a.user)) for rec, a in authors.items()}
    inbox = await chat.command("inbox")
    assert DOWNLOAD in chat.labels() and UPLOAD in chat.labels(), texts(inbox)
    sent = await chat.press(DOWNLOAD)
    assert AR.t("answer-sheet-caption", count=40) in texts(sent)
    book = _sheet(sent)
    sheet, rules = book.worksheets
    assert sheet.sheet_view.rightToLeft and rules.title == "القواعد"  # Arabic, right to left
    col = _headers(sheet)
    assert list(col)[:10] == [
        "رقم التوصية", "رقم الالتزام", "المحور", "الجولة", "تاريخ الإرسال", "نص التوصية", "القطاع", "عدد التأييدات",
        "حالة التوصية", "الرد",
    ]  # fmt: skip
    assert sheet.max_row == 41
    version = sheet.column_dimensions[sheet.cell(row=1, column=col["نسخة الرد"]).column_letter]
    assert version.hidden and sheet.protection.sheet
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"استُلمت,قيد الدراسة,اعتُمدت,اعتُمدت جزئياً,لم تُعتمد,نُفّذت"'
    texts_ = [sheet.cell(row=r, column=col["نص التوصية"]).value for r in range(2, 42)]
    assert '\'=HYPERLINK("http://x") نشر تقارير الشكاوى شهرياً' in texts_  # neutralised, never a formula
    assert "لم تُعتمد" in "\n".join(str(c.value) for c in rules["A"])
    recs = sorted(authors)
    plan: dict[int, tuple[str | None, str | None]] = {}
    for i, rec in enumerate(recs):
        plan[rec] = [
            ("اعتُمدت", "سنبدأ النشر الشهري في الربع القادم."),
            ("اعتُمدت جزئياً", "ننشر فصلياً لا شهرياً لقلّة الموارد."),
            ("لم تُعتمد", "التقارير تُنشر ضمن التقرير السنوي الموحّد."),
            ("نُفّذت", None),
            ("قيد الدراسة", "نراجعها مع وحدة الشكاوى."),
        ][i % 5]
    bad = {recs[0]: ("اعتُمدت جزئياً", None), recs[10]: ("ربما", "لا نعرف بعد"), recs[20]: ("لم تُعتمد", "  ")}
    preview = texts(await chat.send_file("answers.xlsx", _fill(book, {**plan, **bad})))
    assert AR.t("answer-sheet-preview", count=37) in preview
    assert "• اعتُمدت: 5\n• اعتُمدت جزئياً: 8\n• لم تُعتمد: 8\n• نُفّذت: 8" in preview
    assert AR.t("answer-sheet-refused", count=3) in preview
    assert "الصف 2: الحالة «اعتُمدت جزئياً» تحتاج إلى سبب مكتوب" in preview
    assert "الصف 12: الحالة «ربما» غير معروفة" in preview
    assert "الصف 22: الحالة «لم تُعتمد» تحتاج إلى سبب مكتوب" in preview
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendation_answers") == [{"n": 0}]  # nothing yet
    done = texts(await chat.press(APPLY))
    assert AR.t("answer-sheet-done", count=37, told=37) in done
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendation_answers") == [{"n": 37}]
    assert (await rows(core, "SELECT state FROM recommendations WHERE id = ?", recs[0]))[0]["state"] == "new"
    corrected = _fill(book, {**plan, recs[0]: ("اعتُمدت جزئياً", "ننشر في ست محافظات أولاً ثم البقية.")})
    preview = texts(await chat.send_file("answers.xlsx", corrected))  # the same sheet, corrected
    assert AR.t("answer-sheet-preview", count=3) in preview and AR.t("answer-sheet-unchanged", count=37) in preview
    assert AR.t("answer-sheet-refused", count=1) not in preview
    assert AR.t("answer-sheet-done", count=3, told=3) in texts(await chat.press(APPLY))
    again = texts(await chat.send_file("answers.xlsx", corrected))  # a second upload changes nothing
    assert AR.t("answer-sheet-unchanged", count=40) in again and AR.t("answer-sheet-nothing") in again
    stored = await rows(core, "SELECT recommendation_id, COUNT(*) AS n FROM recommendation_answers GROUP BY 1")
    assert len(stored) == 40 and {r["n"] for r in stored} == {1}  # one dated public-record entry each
    answered = {r["id"]: r for r in await rows(core, "SELECT id, state, response, responded_by FROM recommendations")}
    assert answered[recs[0]]["state"] == "partly_accepted" and answered[recs[3]]["response"] is None
    assert {r["responded_by"] for r in answered.values()} == {2}
    assert len(await _notices(core)) == 40 and {r["n"] for r in await _notices(core)} == {1}
    for rec, author in authors.items():
        new = transport.to(author.user)[seen[rec] :]
        assert len(new) == 1, (author.user, [r.text for r in new])  # exactly one notice, in their language
        messages = EN if int(author.user) % 8 == 0 else AR
        assert f"#{rec}" in new[0].text and new[0].language == messages.language
    audit = await rows(core, "SELECT detail FROM audit_log WHERE action = 'answers.sheet' ORDER BY id")
    assert audit == [{"detail": "answers=37"}, {"detail": "answers=3"}]


async def test_an_officer_of_commitment_2_cannot_answer_commitment_3_through_a_sheet(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    author = await _author(core, transport, "3001")
    mine = await _recommend(author, 2, "نقترح نشر تقارير الشكاوى شهرياً في كل محافظة")
    theirs = await _recommend(author, 3, "نقترح جلسات حوار في المحافظات البعيدة كل فصل")
    await chat.command("inbox")
    book = _sheet(await chat.press(DOWNLOAD))
    sheet = book.worksheets[0]
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == [mine]  # only commitment 2
    sheet.append([theirs, 2, None, None, None, "x", None, 0, "جديدة", None, None, None, 0])  # added by hand
    answered = _fill(book, {mine: ("اعتُمدت", "نبدأ في آذار."), theirs: ("اعتُمدت", "نبدأ في آذار.")})
    preview = texts(await chat.send_file("answers.xlsx", answered))
    assert f"الصف 3: التوصية #{theirs} على الالتزام 3، ولا تتولاه." in preview
    assert AR.t("answer-sheet-preview", count=1) in preview
    await chat.press(APPLY)
    states = {r["id"]: r["state"] for r in await rows(core, "SELECT id, state FROM recommendations")}
    assert states == {mine: "accepted", theirs: "new"}
    assert await rows(core, "SELECT recommendation_id FROM recommendation_answers") == [{"recommendation_id": mine}]
    only_theirs = _fill(book, {mine: (None, None)})
    refused = texts(await chat.send_file("answers.xlsx", only_theirs))
    assert AR.t("answer-sheet-nothing") in refused and "على الالتزام 3، ولا تتولاه" in refused
    assert states == {r["id"]: r["state"] for r in await rows(core, "SELECT id, state FROM recommendations")}


async def test_every_kind_of_refused_row_is_named_and_nothing_is_stored(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    author = await _author(core, transport, "3001")
    recs = [await _recommend(author, 2, f"نقترح نشر تقرير الشكاوى رقم {i} في كل محافظة") for i in range(1, 8)]
    await chat.command("inbox")
    book = _sheet(await chat.press(DOWNLOAD))
    await coord.command("inbox")  # a coordinator hides one; the officer answers another in the chat meanwhile
    await coord.press_data(f"inbox:o:{recs[0]}:0")
    await coord.press_data(f"hide:h:{recs[0]}:0")
    await coord.send("فيها بيانات شخصية")
    await chat.press_data(f"inbox:o:{recs[1]}:0")
    await chat.press_data(f"inbox:s:{recs[1]}:accepted")
    await chat.send("سننشر التقرير الأول في آذار.")
    await chat.press_data(f"inbox:ok:{recs[1]}")
    before = await rows(core, "SELECT id, state, response, hidden FROM recommendations ORDER BY id")
    sheet = book.worksheets[0]
    sheet.row_dimensions[5].hidden = True  # recs[3]
    sheet.merge_cells(start_row=6, start_column=6, end_row=6, end_column=7)  # recs[4]
    sheet.append([recs[2], 2, None, None, None, "x", None, 0, "جديدة", None, None, None, 0])
    plan: dict[int, tuple[str | None, str | None]] = {r: ("لم تُعتمد", "لا تسمح الموارد هذا العام.") for r in recs[:6]}
    plan[recs[6]] = (None, "رد بلا حالة")
    refused = texts(await chat.send_file("answers.xlsx", _fill(book, plan)))
    receipt = "#{}".format
    assert f"الصف 2: التوصية {receipt(recs[0])} مخفية عن العموم" in refused
    assert f"الصف 3: أُجيبت التوصية {receipt(recs[1])} بعد تنزيل الجدول برد آخر (اعتُمدت)" in refused
    assert f"الصف 9: التوصية {receipt(recs[2])} مكرّرة: وردت قبل ذلك في الصف 4." in refused
    assert "الصف 5: الصف مخفي في الجدول" in refused and "الصف 6: في الصف خلايا مدمجة" in refused
    assert "الصف 8: كُتب رد دون «الحالة الجديدة»." in refused
    assert AR.t("answer-sheet-refused", count=6) in refused and AR.t("answer-sheet-preview", count=2) in refused
    await chat.press(AR.t("cancel-button"))
    assert await rows(core, "SELECT id, state, response, hidden FROM recommendations ORDER BY id") == before


async def test_an_english_officer_gets_an_english_sheet_and_any_sheet_sent_is_recognised(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    chat = await officer(core, transport, coord, "2001", 2)
    await chat.command("language")
    await chat.press(next(label for label in chat.labels() if "English" in label))
    author = await _author(core, transport, "3001")
    rec = await _recommend(author, 2, "نقترح نشر تقارير الشكاوى شهرياً في كل محافظة")
    await chat.command("inbox")
    book = _sheet(await chat.press(EN.t("answer-sheet-download-button")))
    sheet = book.worksheets[0]
    assert not sheet.sheet_view.rightToLeft and book.worksheets[1].title == "Rules"
    assert "Partly adopted" in sheet.data_validations.dataValidation[0].formula1
    data = _fill(book, {rec: ("Partly adopted", "In six governorates first.")}, "en")
    await chat.command("menu")  # out of the flow: a sheet that arrives is still recognised
    preview = texts(await chat.send_file("answers.xlsx", data))
    assert EN.t("answer-sheet-preview", count=1) in preview and "• Partly adopted: 1" in preview
    assert EN.t("answer-sheet-done", count=1, told=1) in texts(await chat.press(EN.t("answer-sheet-apply")))
    notice = transport.to("3001")[-1]
    assert notice.language == "ar" and "اعتُمدت جزئياً" in notice.text and "In six governorates first." in notice.text
    outsider = texts(await author.send_file("answers.xlsx", data))  # a participant's workbook is not an answer
    assert EN.t("answer-sheet-preview", count=1) not in outsider and AR.t("answer-sheet-apply") not in outsider
    assert (await rows(core, "SELECT COUNT(*) AS n FROM recommendation_answers"))[0]["n"] == 1
