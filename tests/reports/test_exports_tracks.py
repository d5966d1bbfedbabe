"""Exports carry the reasoned response (answered, when the author was told) and both tracks of progress."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta

import jsonschema
from openpyxl import load_workbook

from bot.core import Core
from reports.export import ExportFormat, export
from reports.export_json import schema
from storage import answers, irm
from storage.exports import ExportScope
from storage.irm import IrmField
from storage.models import RecommendationState
from storage.timefmt import to_db
from tests.reports.sample import Sample, seed
from tests.reports.test_exports import AMMAN
from tests.support import START

IRM_REPORT = "https://www.opengovpartnership.org/documents/jordan-results-report/"


async def _seed(core: Core) -> tuple[Sample, int]:
    """The sample, with the IRM's word on commitment 2 and a refusal with its reason whose author was told."""
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
        c2 = sample.commitments[1]
        for field, value in (
            (IrmField.COMPLETION_MIDTERM, "limited"),
            (IrmField.COMPLETION_END, "no_evidence"),
            (IrmField.OPEN_GOVERNMENT, "marginal"),
            (IrmField.STARRED, "no"),
            (IrmField.SOURCE_URL, IRM_REPORT),
        ):
            await irm.set_field(conn, c2, field, value, by=None, now=START)
        refused = sample.payloads[0]
        stored = await answers.record_answer(
            conn, refused, RecommendationState.NOT_ACCEPTED, "لا تكفي الموارد هذا العام", 2, START
        )
        assert stored is not None
        await conn.execute(
            "INSERT INTO outbox (id, channel, recipient, kind, payload, status, not_before, created_at, sent_at) "
            "VALUES (500, 'telegram', '1001', 'notification', '{}', 'sent', ?, ?, ?)",
            (to_db(START), to_db(START), to_db(START + timedelta(minutes=1))),
        )
        await answers.link_notice(conn, stored[1], 500)
    return sample, refused


async def _export(core: Core, fmt: ExportFormat) -> bytes:
    async with core.db.transaction() as conn:
        out = io.BytesIO()
        await export(conn, ExportScope(), fmt, out, messages=core.messages, tz=AMMAN, now=START)
    return out.getvalue()


async def test_xlsx_commitments_sheet_and_answer_columns(core: Core) -> None:
    sample, refused = await _seed(core)
    book = load_workbook(io.BytesIO(await _export(core, ExportFormat.XLSX)))
    tracks = book["الالتزامات"]
    header = [c.value for c in tracks[1]]
    assert header[:4] == ["رقم الالتزام", "رمز الالتزام", "رقم الخطة", "الالتزام"]
    assert "الإنجاز حسب تقرير الجهة" in header and "الإنجاز في نهاية المدة" in header
    rows = {row[1]: row for row in ([c.value for c in r] for r in tracks.iter_rows(min_row=2))}
    c1, c2 = rows["JO0059"], rows["JO0060"]
    at = header.index
    assert (
        c1[at("رقم الخطة")] == 4 and c1[at("الإنجاز حسب تقرير الجهة")] == "جوهري" and c1[at("نسبة الإنجاز (%)")] == 60
    )
    assert c1[at("الإنجاز في منتصف المدة")] is None  # not assessed: blank, not invented
    assert c2[at("الإنجاز حسب تقرير الجهة")] is None
    assert c2[at("الإنجاز في منتصف المدة")] == "محدود" and c2[at("الإنجاز في نهاية المدة")] == "لا تتوفر أدلة"
    assert c2[at("الأثر في انفتاح الحكومة")] == "هامشي" and c2[at("رابط تقرير الآلية")] == IRM_REPORT
    assert c2[at("الوصول إلى المعلومات")] is None  # NAP4 leaves OGP values unverified
    second = [[c.value for c in row] for row in book["الالتزام 2"]]
    head = second[0]
    by_id = {row[0]: row for row in second[1:]}
    assert by_id[sample.answered][head.index("أُجيبت (رد معلّل)")] == "نعم"
    assert by_id[refused][head.index("أُجيبت (رد معلّل)")] == "نعم"
    assert by_id[refused][head.index("إبلاغ صاحبها")] is not None
    assert by_id[sample.payloads[1]][head.index("أُجيبت (رد معلّل)")] == "لا"


async def test_csv_and_json_carry_the_same(core: Core) -> None:
    sample, refused = await _seed(core)
    archive = zipfile.ZipFile(io.BytesIO(await _export(core, ExportFormat.CSV)))
    tracks = list(csv.reader(io.StringIO(archive.read("commitments.csv").decode("utf-8-sig"))))
    assert len(tracks) == 1 + 5 and "لا تتوفر أدلة" in tracks[2]
    document = json.loads(await _export(core, ExportFormat.JSON))
    jsonschema.validate(document, schema(), format_checker=jsonschema.FormatChecker())
    c1, c2 = document["commitments"][:2]
    assert c1["action_plan"] == 4 and c1["irm"] is None
    assert c1["self_reported"]["completion"] == "substantial" and c1["self_reported"]["progress"] == 60
    assert c1["ogp_values"] == dict.fromkeys(
        ("access_to_information", "civic_participation", "public_accountability", "technology_innovation")
    )
    assert c2["irm"] == {
        "completion_midterm": "limited",
        "completion_end": "no_evidence",
        "open_government": "marginal",
        "potential_impact": None,
        "starred": False,
        "source_url": IRM_REPORT,
    }
    recs = {r["id"]: r for r in document["recommendations"]}
    assert recs[refused]["answered"] is True and recs[refused]["told_at"] == "2026-11-29T10:01:00+03:00"
    assert recs[sample.payloads[1]]["answered"] is False and recs[sample.payloads[1]]["told_at"] is None
