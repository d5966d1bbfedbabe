"""Voice recommendations and evidence files in the coordinators' documents: the XLSX and JSON exports, the meeting
report and the evidence pack."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

from docx import Document
from openpyxl import load_workbook

from bot.core import Core
from reports.evidence import build_evidence
from reports.export import ExportFormat, export
from reports.report_docx import build_report
from storage.exports import ExportScope
from tests import media
from tests.loop_support import coordinator, officer, registered, rows
from tests.support import START, RecordingTransport

TRANSCRIPT = "نطلب نشر جداول صيانة المدارس قبل بداية العام الدراسي"


async def _world(core: Core, transport: RecordingTransport, *, transcribe: bool) -> bytes:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 4)
    author = await registered(core, transport, "1001", "سلمى")
    await author.command("recommend", "4")
    await author.press("محور آخر")
    await author.send_voice(media.ogg_opus(102))
    await author.press("✅ إرسال")
    if transcribe:
        [rec] = await rows(core, "SELECT id FROM recommendations")
        await officer_chat.press_data(f"inbox:tr:{rec['id']}:0")
        await officer_chat.send(TRANSCRIPT)
    evidence = media.pdf("minutes")
    await officer_chat.command("update")
    await officer_chat.press("upd:l:limited")
    await officer_chat.press("upd:p:25")
    await officer_chat.press("upd:skip")
    await officer_chat.send_file("محضر اللجنة.pdf", evidence, "application/pdf")
    await officer_chat.press("upd:skip")
    await officer_chat.press("upd:ok")
    return evidence


async def test_the_export_names_a_voice_recommendation_and_where_its_files_are(
    core: Core, transport: RecordingTransport
) -> None:
    await _world(core, transport, transcribe=False)
    async with core.db.reader() as conn:
        out = io.BytesIO()
        await export(
            conn, ExportScope(), ExportFormat.XLSX, out, messages=core.messages, tz=core.settings.zone, now=START
        )
        raw = io.BytesIO()
        await export(
            conn, ExportScope(), ExportFormat.JSON, raw, messages=core.messages, tz=core.settings.zone, now=START
        )
    sheet = load_workbook(io.BytesIO(out.getvalue()))["الالتزام 4"]
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[2]]
    assert row[header.index("نص التوصية")] == "🎧 تسجيل صوتي (1:42)"
    assert row[header.index("الملفات")] == "files/recommendations/1/1-voice.ogg"
    [rec] = json.loads(raw.getvalue())["recommendations"]
    assert rec["voice"] == {"seconds": 102, "transcript": None} and rec["text"] == ""
    [update] = json.loads(raw.getvalue())["status_updates"]
    assert update["files"] == ["files/updates/1/2-محضر اللجنة.pdf"]


async def test_the_report_and_the_evidence_pack_show_them_too(core: Core, transport: RecordingTransport) -> None:
    evidence = await _world(core, transport, transcribe=True)
    async with core.db.reader() as conn:
        report = await build_report(conn, round_id=None, now=START, tz=core.settings.zone)
    text = "\n".join(p.text for p in Document(io.BytesIO(report)).paragraphs)
    assert "🎧 تسجيل صوتي (1:42)" in text and TRANSCRIPT in text
    assert "ملفات الأدلة المرفقة بهذا التحديث: محضر اللجنة.pdf" in text
    async with core.db.transaction() as conn:
        pack = await build_evidence(
            conn,
            since=(START - timedelta(days=30)).date(),
            until=(START + timedelta(days=1)).date(),
            now=START + timedelta(days=1),
            messages=core.messages,
            tz=core.settings.zone,
            snapshot_root=None,
            files_root=core.settings.files_folder,
        )
    archive = zipfile.ZipFile(io.BytesIO(pack.data))
    assert archive.read("5-implementation/files/updates/1/2-محضر اللجنة.pdf") == evidence
    assert not [n for n in archive.namelist() if n.endswith(".ogg")]  # a participant's recording is not evidence
