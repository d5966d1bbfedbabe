"""A coordinator who reads Arabic hands an IRM researcher an English export (XLSX and JSON) and report of the same
round: English words and names, left to right; their own notes stay in Arabic. Arabic files are unchanged."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import jsonschema
from docx import Document as DocxDocument
from docx.oxml.ns import qn
from openpyxl import load_workbook

from bot.core import Core
from handlers.kit.contract import Reply
from messages import load_messages
from reports.export_json import schema
from tests.reports.sample import RoundSample, seed_round
from tests.support import START, ChatDriver, RecordingTransport, texts

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
EN, AR = load_messages("en"), load_messages("ar")


async def _round(core: Core) -> RoundSample:
    async with core.db.transaction() as conn:
        return await seed_round(conn, START)


async def _export(coordinator: ChatDriver, fmt: str, round_id: int) -> Reply:
    """Ask for one round's export in English, as a coordinator who reads Arabic."""
    first = await coordinator.command("export")
    assert EN.t("language-in-en") not in texts(first) and AR.t("doc-file-language", language="العربية") in texts(first)
    switched = await coordinator.press("exp:l:en")
    assert AR.t("doc-file-language", language="الإنجليزية") in texts(switched)  # the question stays in Arabic
    await coordinator.press(f"exp:f:{fmt}")
    await coordinator.press("exp:s:r")
    [reply] = await coordinator.press(f"exp:r:{round_id}")
    return reply


async def test_an_english_xlsx_of_a_round(core: Core, transport: RecordingTransport) -> None:
    sample = await _round(core)
    coordinator = ChatDriver(core, transport, user="9001", name="منسقة")
    reply = await _export(coordinator, "xlsx", sample.round_id)
    assert reply.document is not None and reply.text == AR.t("exp-caption", count=7)  # the note in her language
    book = load_workbook(io.BytesIO(reply.document.data))
    assert book.sheetnames[:2] == [EN.t("exp-sheet-summary"), EN.t("exp-sheet-commitment", number=1)]
    sheet = book[EN.t("exp-sheet-commitment", number=1)]
    assert not sheet.sheet_view.rightToLeft  # English reads left to right
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header, first = rows[0], rows[1]
    assert header[:4] == [EN.t(k) for k in ("exp-col-id", "exp-col-commitment", "exp-col-ogp-id", "exp-col-theme")]
    assert not any(ARABIC.search(str(h)) for h in header)
    by_header = dict(zip(header, first, strict=True))
    assert by_header[EN.t("exp-col-question")] == EN.t("rq-default-progress")  # a default question, in English
    assert by_header[EN.t("exp-col-state")] == EN.t("state-new") and by_header[EN.t("exp-col-channel")] == "Telegram"
    themes = {row[3] for row in rows[1:]}
    assert {"Access to funding", "Governance of associations"} <= themes  # the plan file's English theme names
    summary = [[cell.value for cell in row] for row in book[EN.t("exp-sheet-summary")].iter_rows()]
    assert summary[1][1] == "Enhancing partnership and dialogue between the public sector and civil society"
    tracks = book[EN.t("exp-sheet-commitments")]
    lead = [cell.value for cell in next(tracks.iter_rows(min_row=2, max_row=2))][6]
    assert (
        lead == "Ministry of Social Development; Companies Control Department (Ministry of Industry, Trade and Supply)"
    )


async def test_an_english_json_of_the_same_round_carries_both_names(core: Core, transport: RecordingTransport) -> None:
    sample = await _round(core)
    coordinator = ChatDriver(core, transport, user="9001", name="منسقة")
    reply = await _export(coordinator, "json", sample.round_id)
    assert reply.document is not None
    document: dict[str, Any] = json.loads(reply.document.data)
    jsonschema.validate(document, schema())
    plan = document["plan"]
    assert ARABIC.search(plan["title_ar"]) and plan["title_en"].startswith("Fourth National Action Plan")
    assert plan["owner_en"] == "Ministry of Planning and International Cooperation – Open Government Unit"
    assert all(c["title_ar"] and c["title_en"] for c in document["commitments"])
    themed = next(r for r in document["recommendations"] if r["theme_en"] == "Access to funding")
    assert themed["theme_ar"] == themed["theme"] == "الحصول على التمويل"
    assert (themed["question_ar"], themed["question_en"]) == (
        AR.t("rq-default-challenges"),
        EN.t("rq-default-challenges"),
    )


async def test_an_english_report_of_the_same_round_reads_left_to_right(
    core: Core, transport: RecordingTransport
) -> None:
    sample = await _round(core)
    coordinator = ChatDriver(core, transport, user="9001", name="منسقة")
    await coordinator.command("report")
    await coordinator.press("rep:l:en")
    [reply] = await coordinator.press(f"rep:r:{sample.round_id}")
    assert reply.document is not None and reply.text == AR.t("rep-caption")
    doc: Any = DocxDocument(io.BytesIO(reply.document.data))
    paragraphs = doc.paragraphs
    assert paragraphs[0].text.startswith("Report of ")
    for paragraph in paragraphs:
        p_pr = paragraph._p.pPr
        assert p_pr is None or p_pr.find(qn("w:bidi")) is None, paragraph.text
        for run in paragraph.runs:
            assert run._r.rPr.find(qn("w:rtl")) is None
            assert run._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert doc.sections[0]._sectPr.find(qn("w:bidi")) is None
    headings = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert headings and not any(ARABIC.search(h) for h in headings)  # the catalogue's English
    text = "\n".join(p.text for p in paragraphs)
    assert EN.t("rq-default-challenges") in text and "Access to funding" in text
    assert "Enhancing partnership and dialogue between the public sector and civil society" in text
    assert "تفعيل الرقابة اللاحقة وليس المسبقة" in text  # people's words stay as they wrote them


async def test_the_arabic_report_is_still_right_to_left(core: Core, transport: RecordingTransport) -> None:
    sample = await _round(core)
    coordinator = ChatDriver(core, transport, user="9001", name="منسقة")
    await coordinator.command("report")
    [reply] = await coordinator.press(f"rep:r:{sample.round_id}")
    assert reply.document is not None
    doc: Any = DocxDocument(io.BytesIO(reply.document.data))
    assert all(p._p.pPr.find(qn("w:bidi")) is not None for p in doc.paragraphs)
    assert doc.paragraphs[0].text.startswith("تقرير")
