"""/irm: coordinators enter the IRM's assessment; /status shows it beside the officers' own report."""

from __future__ import annotations

import json
from pathlib import Path

from bot.core import Core
from bot.settings import DEFAULT_PLAN
from tests.loop_support import coordinator, officer, registered, rows
from tests.support import RecordingTransport, make_core, settings_for, texts

IRM_REPORT = "https://www.opengovpartnership.org/documents/jordan-results-report-2018-2021/"


async def test_coordinator_enters_the_assessment_and_status_shows_both_tracks(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 2)
    await officer_chat.command("update")
    await officer_chat.press("محدود")
    await officer_chat.press("25%")
    await officer_chat.press("upd:skip")
    await officer_chat.press("upd:skip")
    await officer_chat.press("upd:ok")

    await coord.command("irm")
    await coord.press("2. تعزيز تطبيق")
    await coord.press("الإنجاز في منتصف المدة")
    saved = await coord.press("لا تتوفر أدلة")
    assert "حُفظ: الإنجاز في منتصف المدة" in texts(saved)
    await coord.press("الأثر في انفتاح الحكومة")
    await coord.press("هامشي")
    await coord.press("التزام مميّز (نجمة)")
    await coord.press("irm:s:2:starred:no")
    await coord.press("الأثر المحتمل")
    await coord.press("متوسط")
    await coord.press("رابط تقرير الآلية")
    bad = await coord.send("ليس رابطاً")
    assert "رابطاً صالحاً" in texts(bad)
    await coord.send(IRM_REPORT)
    [row] = await rows(
        core,
        "SELECT completion_midterm, completion_end, open_government, potential_impact, starred, source_url "
        "FROM irm_assessments",
    )
    assert row == {
        "completion_midterm": "no_evidence",
        "completion_end": None,
        "open_government": "marginal",
        "potential_impact": "moderate",
        "starred": 0,
        "source_url": IRM_REPORT,
    }
    person = await registered(core, transport, "1001", "سلمى")
    detail = texts(await person.command("status", "2"))
    assert "تقرير الجهة المنفذة: محدود — 25%" in detail
    assert "الآلية المستقلة: الإنجاز في منتصف المدة: لا تتوفر أدلة" in detail and "هامشي" in detail
    assert IRM_REPORT in detail
    assert "تقييم الآلية المستقلة" not in person.labels()  # only coordinators edit it
    assert "تقييم الآلية المستقلة" in (await coord.command("status", "2"))[0].choices[-2].label
    actions = [r["action"] for r in await rows(core, "SELECT action FROM audit_log")]
    assert actions.count("irm.assess") == 5


async def test_clearing_and_forged_values(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await coord.command("irm")
    await coord.press("1. تعزيز التشاركية")
    await coord.press("الإنجاز في نهاية المدة")
    await coord.press("مكتمل")
    forged = await coord.press_data("irm:s:1:completion_end:outstanding")  # off the completion scale
    assert "لم أتعرّف على هذا الزر" in texts(forged)
    await coord.command("irm")
    await coord.press("1. تعزيز التشاركية")
    await coord.press("الإنجاز في نهاية المدة")
    await coord.press("مسح القيمة")
    [row] = await rows(core, "SELECT completion_end FROM irm_assessments")
    assert row == {"completion_end": None}
    nothing = texts(await coord.command("status", "1"))
    assert "الآلية المستقلة: لم يُدخل تقييمها بعد" in nothing


async def test_status_shows_the_plan_files_ogp_fields_when_known(tmp_path: Path) -> None:
    spec = json.loads(DEFAULT_PLAN.read_text(encoding="utf-8"))
    spec["commitments"][2].update(
        supporting_institutions_ar=["الهيئة المستقلة للانتخاب"],
        supporting_institutions_en=["Independent Election Commission"],
        ogp_values={"civic_participation": True, "public_accountability": True},
    )
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    core, transport = await make_core(settings_for(tmp_path, plan_file=plan))
    try:
        person = await registered(core, transport, "1001", "سلمى")
        detail = texts(await person.command("status", "3"))
        assert "الجهات الداعمة: الهيئة المستقلة للانتخاب" in detail
        assert "قيم الشراكة: المشاركة المدنية، المساءلة العامة" in detail
        assert "قيم الشراكة" not in texts(await person.command("status", "2"))  # NAP4 does not know them
    finally:
        await core.close()
