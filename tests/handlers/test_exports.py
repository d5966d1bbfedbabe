"""/export, /stats and /report in the chat: coordinators get files, everyone else a polite refusal."""

from __future__ import annotations

import io
import json
import zipfile

from docx import Document as DocxDocument
from openpyxl import load_workbook

from bot.core import Core
from handlers.coordination.exports import parse_range
from reports.chart import build_figure
from reports.stats import CommitmentFigures, Stats
from storage.models import RecommendationState, Sector
from tests.reports.sample import Sample, seed
from tests.support import START, ChatDriver, RecordingTransport, texts


async def _seeded(core: Core) -> Sample:
    async with core.db.transaction() as conn:
        return await seed(conn, START)


def _coordinator(core: Core, transport: RecordingTransport) -> ChatDriver:
    return ChatDriver(core, transport, user="9001", name="منسقة")


async def _outbox_documents(core: Core) -> list[bytes]:
    async with core.db.transaction() as conn:
        rows = await conn.execute_fetchall("SELECT document FROM outbox WHERE document IS NOT NULL ORDER BY id")
    return [bytes(r[0]) for r in rows]


async def test_coordinator_exports_everything_as_xlsx(core: Core, transport: RecordingTransport) -> None:
    sample = await _seeded(core)
    coordinator = _coordinator(core, transport)
    await coordinator.command("export")
    assert coordinator.labels()[:3] == ["📗 Excel (XLSX)", "📄 CSV", "🧾 JSON"]
    await coordinator.press("exp:f:xlsx")
    [reply] = await coordinator.press("exp:s:all")
    assert reply.document is not None and reply.document.filename == "ogp-export-20261129-1000.xlsx"
    assert reply.text == f"ملف المدخلات: {sample.total} توصية."
    book = load_workbook(io.BytesIO(reply.document.data))
    assert book["الالتزام 1"].max_row == 5 and book["الالتزام 1"].sheet_view.rightToLeft
    author = "وحدة الحكومة الشفافة — وزارة التخطيط والتعاون الدولي"
    assert (book.properties.creator, book.properties.lastModifiedBy) == (author, author)  # not "openpyxl"
    assert await _outbox_documents(core) == []  # sent: its copy (names, organisations) is not kept
    stale = await coordinator.press_data("exp:s:all")
    assert "لم يعد صالحاً" in texts(stale)
    assert await _outbox_documents(core) == []


async def test_one_commitment_as_json(core: Core, transport: RecordingTransport) -> None:
    sample = await _seeded(core)
    coordinator = _coordinator(core, transport)
    await coordinator.command("export")
    await coordinator.press("exp:f:json")
    await coordinator.press("exp:s:c")
    [reply] = await coordinator.press(f"exp:c:{sample.commitments[1]}")
    assert reply.document is not None and reply.document.mime == "application/json"
    document = json.loads(reply.document.data)
    assert {r["commitment"] for r in document["recommendations"]} == {2}


async def test_one_round_as_csv(core: Core, transport: RecordingTransport) -> None:
    sample = await _seeded(core)
    coordinator = _coordinator(core, transport)
    await coordinator.command("export")
    await coordinator.press("exp:f:csv")
    await coordinator.press("exp:s:r")
    assert "اللقاء الأول لأصحاب المصلحة" in coordinator.labels()
    [reply] = await coordinator.press(f"exp:r:{sample.round_id}")
    assert reply.document is not None and reply.document.filename.endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(reply.document.data))
    rows = archive.read("recommendations.csv").decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 1 + 4


async def test_date_range_typed_in_any_digits(core: Core, transport: RecordingTransport) -> None:
    sample = await _seeded(core)
    coordinator = _coordinator(core, transport)
    await coordinator.command("export")
    await coordinator.press("exp:f:json")
    await coordinator.press("exp:s:d")
    wrong = await coordinator.send("من أمس إلى اليوم")
    assert "لم أفهم التاريخين" in texts(wrong)
    [reply] = await coordinator.send("٢٩/١١/٢٠٢٦ - 2026-11-29")
    assert reply.document is not None
    assert len(json.loads(reply.document.data)["recommendations"]) == sample.total


async def test_others_are_refused_and_nothing_is_sent(core: Core, chat: ChatDriver) -> None:
    await _seeded(core)
    refused = await chat.command("export")
    assert "متاح لمنسقي الخطة فقط" in texts(refused)
    forged = await chat.press_data("exp:f:xlsx")
    assert "لمنسقي الخطة فقط" in texts(forged)
    assert "لمنسقي الخطة فقط" in texts(await chat.command("stats"))
    assert "لمنسقي الخطة فقط" in texts(await chat.command("report"))
    assert "لمنسقي الخطة فقط" in texts(await chat.press_data("rep:all"))
    assert not any(r.document for r in chat.history)
    assert await _outbox_documents(core) == []
    assert "📤 تصدير المدخلات" not in chat.labels()


async def test_stats_send_figures_and_a_png(core: Core, transport: RecordingTransport) -> None:
    await _seeded(core)
    coordinator = _coordinator(core, transport)
    figures, chart = await coordinator.command("stats")
    assert "3 مشاركين مسجّلين" not in figures.text  # the forgotten participant is not counted
    assert "مشاركان مسجّلان." in figures.text
    assert "الالتزام 2: 7 توصيات — نسبة الرد: 14% — وسيط مدة الرد: 3 أيام" in figures.text
    assert chart.document is not None and chart.document.data.startswith(b"\x89PNG")
    await coordinator.register("منسقة الوحدة", "وزارة التخطيط والتعاون الدولي")
    await coordinator.command("menu")
    assert {"📤 تصدير المدخلات", "🧮 الإحصاءات", "📝 تقرير اللقاء"} <= set(coordinator.labels())


async def test_report_for_a_round(core: Core, transport: RecordingTransport) -> None:
    sample = await _seeded(core)
    coordinator = _coordinator(core, transport)
    await coordinator.command("report")
    assert coordinator.labels()[:2] == ["📄 كل مدخلات الخطة", "اللقاء الأول لأصحاب المصلحة"]
    [reply] = await coordinator.press(f"rep:r:{sample.round_id}")
    assert (
        reply.document is not None and reply.document.filename == "ogp-report-اللقاء-الأول-لأصحاب-المصلحة-20261129.docx"
    )  # never the join code
    doc = DocxDocument(io.BytesIO(reply.document.data))
    assert doc.paragraphs[0].text.startswith("تقرير اللقاء الأول لأصحاب المصلحة")
    assert "لم يعد صالحاً" in texts(await coordinator.press_data("rep:all"))


def test_parse_range() -> None:
    assert parse_range("1/1/2026 - 31/3/2026") is not None
    assert parse_range("31/3/2026 - 1/1/2026") is None
    assert parse_range("31/2/2026 - 1/3/2026") is None
    assert parse_range("2026-01-01") is None


async def test_stats_before_any_recommendation_still_draws_a_chart(core: Core, transport: RecordingTransport) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="منسقة")
    await coordinator.register()
    await ChatDriver(core, transport, user="1001").register()  # a participant (the coordinator is not counted)
    replies = await coordinator.command("stats")
    documents = [r.document for r in replies if r.document is not None]
    assert documents and documents[0].data.startswith(b"\x89PNG")


async def test_stats_with_no_data_show_no_empty_headings_and_no_chart(
    core: Core, transport: RecordingTransport
) -> None:
    coordinator = ChatDriver(core, transport, user="9001", name="منسقة")  # configured, never registered
    [reply] = await coordinator.command("stats")
    assert reply.document is None
    assert "لا يوجد مشاركون مسجّلون بعد" in reply.text and "لم تصل أي توصية بعد" in reply.text
    for heading in ("حسب القطاع:", "حسب المحافظة:", "التوصيات حسب الالتزام:"):
        assert heading not in reply.text


async def test_chart_ticks_are_whole_numbers(core: Core) -> None:
    empty = Stats(plan="خطة", by_sector=[], by_governorate=[], commitments=[])
    one = Stats(
        plan="خطة",
        by_sector=[(Sector.CSO, 1)],
        by_governorate=[],
        commitments=[CommitmentFigures(1, "أ", {RecommendationState.NEW: 1}, 0, None)],
    )
    for figures in (empty, one):
        for axes in build_figure(figures, core.messages).axes:
            if axes.axison:
                ticks = list(axes.get_xticks())
                assert ticks and all(float(t).is_integer() and t >= 0 for t in ticks), ticks


async def test_the_chart_grows_from_the_right_in_arabic_and_from_the_left_in_english() -> None:
    from messages import load_messages

    one = Stats(
        plan="خطة",
        by_sector=[(Sector.CSO, 1)],
        by_governorate=[],
        commitments=[CommitmentFigures(1, "أ", {RecommendationState.NEW: 1}, 0, None, title_en="A")],
    )
    arabic, english = (build_figure(one, load_messages(language)).axes for language in ("ar", "en"))
    assert all(axes.xaxis_inverted() for axes in arabic)
    assert not any(axes.xaxis_inverted() for axes in english)
    assert english[0].get_title() == load_messages("en").t("stats-chart-title")
