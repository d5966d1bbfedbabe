"""Exports opened back with what a coordinator's tools use: openpyxl, csv, json (+ the JSON Schema)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from openpyxl import load_workbook

from bot.core import Core
from reports.cells import neutralise
from reports.export import ExportFile, ExportFormat, export
from reports.export_json import schema
from storage.exports import ExportScope
from tests.reports.sample import PAYLOADS, Sample, seed, seed_round
from tests.support import START

AMMAN = ZoneInfo("Asia/Amman")


async def _export(core: Core, fmt: ExportFormat, scope: ExportScope | None = None) -> tuple[bytes, ExportFile, Sample]:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
        out = io.BytesIO()
        result = await export(conn, scope or ExportScope(), fmt, out, messages=core.messages, tz=AMMAN, now=START)
    return out.getvalue(), result, sample


@pytest.mark.parametrize("payload", [*PAYLOADS, "=1", "+", "-", "@x"])
def test_neutralise_makes_every_trigger_text(payload: str) -> None:
    assert neutralise(payload) == "'" + payload
    assert neutralise("عادي =1") == "عادي =1" and neutralise("") == ""


async def test_xlsx_has_rtl_sheets_with_arabic_headers_summary_and_real_dates(core: Core) -> None:
    data, result, sample = await _export(core, ExportFormat.XLSX)
    assert result.extension == "xlsx" and result.recommendations == sample.total
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [
        "الملخص",
        "الالتزام 1",
        "الالتزام 2",
        "الالتزام 3",
        "الالتزام 4",
        "الالتزام 5",
        "تحديثات الحالة",
        "المراحل",
        "الالتزامات",
    ]
    for sheet in book.worksheets:
        assert sheet.sheet_view.rightToLeft is True
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    first = book["الالتزام 1"]
    header = [c.value for c in first[1]]
    assert header[:7] == [
        "رقم التوصية",
        "رقم الالتزام",
        "رمز الالتزام",
        "المحور",
        "الجولة",
        "سؤال النقاش",
        "نص التوصية",
    ]
    assert first.column_dimensions["G"].width == 60
    rows = [[c.value for c in row] for row in first.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [sample.top - 1, sample.top, sample.top + 1, sample.hidden]
    top = next(r for r in rows if r[0] == sample.top)
    assert top[3] == "الحصول على التمويل" and top[4] == "اللقاء الأول لأصحاب المصلحة"
    assert top[12] == 2  # endorsements
    assert top[15] is None and top[16] is None  # the author asked to be forgotten
    assert top[10] == datetime(2026, 11, 29, 10, 2, tzinfo=AMMAN).replace(tzinfo=None)  # Amman wall clock, a real date
    assert first.cell(row=2, column=11).number_format == "d/m/yyyy hh:mm"  # shown as the seed writes dates
    assert first.cell(row=2, column=7).alignment.wrap_text is True
    hidden = next(r for r in rows if r[0] == sample.hidden)
    assert hidden[13] == "نعم" and hidden[14] == "تيليجرام"
    second = [[c.value for c in row] for row in book["الالتزام 2"].iter_rows(min_row=2)]
    answered = next(r for r in second if r[0] == sample.answered)
    assert answered[7] == "اعتُمدت" and answered[8] == "سنضيف تمارين عملية" and answered[9] == "أحمد الزعبي"
    assert answered[11] - answered[10] == timedelta(days=3)
    assert answered[15:19] == ["سلمى الخطيب", "جمعية الشفافية", "مؤسسة مجتمع مدني", "عمّان"]
    summary = [[c.value for c in row] for row in book["الملخص"].iter_rows(min_row=2)]
    assert summary[-1][1] == "المجموع" and summary[-1][4] == sample.total
    assert [
        1,
        "تعزيز التشاركية والحوار بين القطاع العام ومؤسسات المجتمع المدني",
        "الحصول على التمويل",
        "جديدة",
        2,
    ] in summary
    status = [[c.value for c in row] for row in book["تحديثات الحالة"].iter_rows(min_row=2)]
    assert status[0][3] == "جوهري" and status[0][4] == 60 and status[0][5].startswith("'=1+1")
    assert book["المراحل"].cell(row=2, column=4).value == "إطلاق النظام الإلكتروني للتمويل"


async def test_xlsx_neutralises_formula_payloads(core: Core) -> None:
    data, _, sample = await _export(core, ExportFormat.XLSX)
    sheet = load_workbook(io.BytesIO(data))["الالتزام 2"]
    texts = {row[0].value: row[6] for row in sheet.iter_rows(min_row=2)}
    for rec_id, payload in zip(sample.payloads, PAYLOADS, strict=True):
        cell = texts[rec_id]
        assert cell.data_type == "s" and cell.value == "'" + payload


async def test_xlsx_scope_one_commitment_and_one_round(core: Core) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
        out = io.BytesIO()
        scope = ExportScope(commitment_id=sample.commitments[0], round_id=sample.round_id)
        result = await export(conn, scope, ExportFormat.XLSX, out, messages=core.messages, tz=AMMAN, now=START)
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["الملخص", "الالتزام 1", "تحديثات الحالة", "المراحل", "الالتزامات"]
    assert result.recommendations == 4 and book["الالتزام 1"].max_row == 5


async def test_csv_is_a_zip_of_bom_tables_with_neutralised_cells(core: Core) -> None:
    data, result, sample = await _export(core, ExportFormat.CSV)
    assert result.extension == "zip" and result.mime == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == ["recommendations.csv", "status_updates.csv", "milestones.csv", "commitments.csv"]
    raw = archive.read("recommendations.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "رقم التوصية" and rows[0][5] == "سؤال النقاش" and rows[0][6] == "نص التوصية"
    assert len(rows) == 1 + sample.total
    by_id = {int(r[0]): r for r in rows[1:]}
    for rec_id, payload in zip(sample.payloads, PAYLOADS, strict=True):
        assert by_id[rec_id][6] == "'" + payload
    assert by_id[sample.answered][10:12] == ["2026-11-29 10:05", "2026-12-02 10:05"]
    status = list(csv.reader(io.StringIO(archive.read("status_updates.csv").decode("utf-8-sig"), newline="")))
    assert status[1][5].startswith("'=1+1")


async def test_csv_alone_when_only_recommendations_exist(core: Core) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
        out = io.BytesIO()
        scope = ExportScope(commitment_id=sample.commitments[1])  # no updates or milestones on commitment 2
        result = await export(conn, scope, ExportFormat.CSV, out, messages=core.messages, tz=AMMAN, now=START)
    assert result.extension == "csv" and result.mime == "text/csv"
    assert out.getvalue().startswith(b"\xef\xbb\xbf")
    assert len(list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"))))) == 1 + 1 + len(PAYLOADS)


async def test_json_validates_against_the_schema(core: Core) -> None:
    data, result, sample = await _export(core, ExportFormat.JSON)
    document = json.loads(data)
    jsonschema.validate(document, schema(), format_checker=jsonschema.FormatChecker())
    assert result.recommendations == sample.total == len(document["recommendations"])
    top = next(r for r in document["recommendations"] if r["id"] == sample.top)
    assert top["endorsements"] == 2 and top["author"]["name"] is None
    assert top["round"] == {"code": "meeting-1", "name": "اللقاء الأول لأصحاب المصلحة", "name_en": None}
    assert top["created_at"] == "2026-11-29T10:02:00+03:00"
    texts = {r["id"]: r["text"] for r in document["recommendations"]}
    assert texts[sample.payloads[0]] == PAYLOADS[0]  # data files keep the text as written
    assert document["status_updates"][0]["completion"] == "substantial"
    assert len(document["commitments"]) == 5


async def test_json_date_range_scope(core: Core) -> None:
    since = START + timedelta(minutes=3)
    data, result, _ = await _export(
        core, ExportFormat.JSON, ExportScope(since=since, until=since + timedelta(minutes=3))
    )
    document = json.loads(data)
    jsonschema.validate(document, schema())
    assert result.recommendations == 3  # minutes 3, 4 and 5; the bound at 6 is exclusive
    assert document["scope"]["since"] == "2026-11-29T10:03:00+03:00"


async def test_xlsx_names_the_discussion_question_and_the_channel_in_arabic(core: Core) -> None:
    async with core.db.transaction() as conn:
        sample = await seed_round(conn, START)
        await conn.execute(
            "UPDATE recommendations SET channel = 'console' WHERE id = (SELECT MIN(id) FROM recommendations)"
        )
        out = io.BytesIO()
        scope = ExportScope(round_id=sample.round_id)
        await export(conn, scope, ExportFormat.XLSX, out, messages=core.messages, tz=AMMAN, now=START)
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(out.getvalue()))["الالتزام 1"].iter_rows()]
    questions = {r[5] for r in rows[1:]}
    assert rows[0][5] == "سؤال النقاش" and "ما التحديات التي تواجه التنفيذ؟" in questions
    assert {r[14] for r in rows[1:]} == {"تيليجرام", "الطرفية"}
