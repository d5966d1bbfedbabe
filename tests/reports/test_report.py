"""The meeting report opened with python-docx: headings per commitment in order, numbered lists, RTL throughout."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from bot.core import Core
from reports import round_findings
from reports.report_docx import build_report
from storage import catalogue, rounds
from storage.models import Sector
from storage.round_hall import HallCount, set_hall
from tests.reports.sample import ROUND_NAME, RoundSample, seed, seed_round
from tests.support import START

ORDINALS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس")


def _heading_texts(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]


def _num_id(paragraph: Any) -> int | None:
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    return int(num_pr.numId.val) if num_pr is not None else None


async def _report(core: Core, *, by_round: bool = False) -> tuple[Any, Any]:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
        data = await build_report(conn, round_id=sample.round_id if by_round else None, now=START)
    return Document(io.BytesIO(data)), sample


async def test_report_has_title_date_participants_and_a_heading_per_commitment(core: Core) -> None:
    doc, _ = await _report(core)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "تقرير مدخلات أصحاب المصلحة حول الخطة الوطنية الرابعة لمبادرة شراكة الحكومات الشفافة 2018-2020"
    assert texts[1] == "29/11/2026"
    assert "وزارة التخطيط والتعاون الدولي" in texts[2]
    assert texts[3] == (
        "وقد شارك في تقديم المدخلات مشاركان."
        " توزّعوا على الجهات التالية: الجهات الأكاديمية (1)، مؤسسات المجتمع المدني (1)."
    )
    assert _heading_texts(doc) == [f"أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام {o}:" for o in ORDINALS]


async def test_recommendations_are_numbered_by_theme_most_endorsed_first_hidden_left_out(core: Core) -> None:
    doc, _ = await _report(core)
    texts = [p.text for p in doc.paragraphs]
    first = texts.index("أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام الأول:")
    second = texts.index("أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام الثاني:")
    section = doc.paragraphs[first:second]
    assert [p.text for p in section if p.text.startswith("·")] == ["· الحصول على التمويل:", "· الحوكمة:"]
    items = [p for p in section if p.style.name == "List Number"]
    assert [p.text for p in items] == [
        "تفعيل الرقابة اللاحقة وليس المسبقة (أيّدها مشاركان)",
        "عدم معاملة جميع مبالغ التمويل نفس المعاملة (أيّدها مشارك واحد)",
        "تسهيل الحصول على الموافقات الأمنية",
    ]
    assert "رسالة مزعجة" not in "\n".join(texts)
    funding, governance = _num_id(items[0]), _num_id(items[2])
    assert funding is not None and governance is not None and funding == _num_id(items[1]) != governance
    assert any(t.startswith("الوضع الحالي للالتزام: مستوى الإنجاز «جوهري» بنسبة 60%") for t in texts)
    assert "الوضع الحالي للالتزام: لم يُنشر أي تحديث على تنفيذه بعد." in texts


async def test_every_paragraph_and_run_is_right_to_left(core: Core) -> None:
    doc, _ = await _report(core)
    for paragraph in doc.paragraphs:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
        for run in paragraph.runs:
            assert run._r.rPr.find(qn("w:rtl")) is not None
    assert doc.sections[0]._sectPr.find(qn("w:bidi")) is not None


async def _round_report(core: Core, *, online: bool = False) -> tuple[Any, RoundSample]:
    async with core.db.transaction() as conn:
        sample = await seed_round(conn, START, online=online)
        data = await build_report(conn, round_id=sample.round_id, now=START)
    return Document(io.BytesIO(data)), sample


def _section(doc: Any, first: str, following: str | None) -> list[Any]:
    texts = [p.text for p in doc.paragraphs]
    start = texts.index(f"أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام {first}:")
    end = texts.index(f"أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام {following}:") if following else None
    return list(doc.paragraphs[start:end])


async def test_round_report_names_the_round_its_date_place_and_attendance(core: Core) -> None:
    doc, _ = await _round_report(core)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == f"تقرير {ROUND_NAME}"
    assert texts[1] == "30/9/2019"
    assert texts[2].startswith(
        f"قامت وزارة التخطيط والتعاون الدولي – وحدة الحكومة الشفافة بعقد {ROUND_NAME} يوم الاثنين الموافق 30/9/2019"
        " في فندق جنيفا - عمّان، ضمن الخطة الوطنية الرابعة"
    )
    assert texts[3] == (  # the forgotten member is not counted; «جمعية   الشفافية» typed twice counts once
        "وقد حضر الاجتماع 4 مشاركين ومشاركات، من ضمنهم ضابط ارتباط واحد لتنفيذ الخطة."
        " توزّعوا على الجهات التالية: مؤسسات المجتمع المدني (2)، الجهات الأكاديمية (1)، الجهات الحكومية ذات العلاقة (1)."
        " ومن الجهات المشاركة: جمعية الشفافية (2)، جامعة اليرموك، وزارة التنمية الاجتماعية."
        " وتوزّع المشاركون على مجموعات العمل، مجموعة عمل لكل التزام:"
        " مجموعة الالتزام 1 (2)، مجموعة الالتزام 2 (2)، مجموعة الالتزام 3 (0)."
    )
    assert _heading_texts(doc) == [
        f"أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام {o}:" for o in ORDINALS[:3]
    ]  # the commitments in the round's scope only


async def test_round_findings_by_question_then_theme_most_endorsed_first(core: Core) -> None:
    doc, _ = await _round_report(core)
    first = _section(doc, "الأول", "الثاني")
    assert [p.text for p in first if p.style.name == "Heading 3"] == [
        "ما مدى تقدّم سير العمل في الالتزام؟",
        "ما التحديات التي تواجه التنفيذ؟",
        "ملاحظات عامة",
    ]
    challenges = [p.text for p in first]
    challenges = challenges[challenges.index("ما التحديات التي تواجه التنفيذ؟") : challenges.index("ملاحظات عامة")]
    assert challenges[1:] == [
        "· الحصول على التمويل:",
        "تفعيل الرقابة اللاحقة وليس المسبقة (أيّدها مشاركان)",
        "عدم معاملة جميع مبالغ التمويل نفس المعاملة (أيّدها مشارك واحد)",
        "· الحوكمة:",
        "تسهيل الحصول على الموافقات الأمنية",
    ]
    items = [p for p in first if p.style.name == "List Number"]
    assert items[0].text == "أُنجز نظام التمويل الإلكتروني جزئياً"  # no theme: no theme line
    assert "· محور آخر:" not in [p.text for p in first]
    num_ids = [_num_id(p) for p in items]
    assert num_ids[1] == num_ids[2] and len(set(num_ids)) == 4  # each list restarts at 1
    assert first[-2].text.startswith("الوضع الحالي للالتزام: مستوى الإنجاز «جوهري» بنسبة 60%")
    assert first[-1].text.startswith("الرد على التوصيات: أُجيب عن 0 من أصل 5 توصيات")
    second = [p.text for p in _section(doc, "الثاني", "الثالث")]
    assert second[2:4] == ["ما دور مؤسسات المجتمع المدني في ذلك؟", "إشراك الجمعيات في تصميم البرامج التدريبية"]
    third = [p.text for p in _section(doc, "الثالث", None)]
    assert third[2:] == ["لم تصل توصيات على هذا الالتزام.", "الوضع الحالي للالتزام: لم يُنشر أي تحديث على تنفيذه بعد."]
    everything = "\n".join(p.text for p in doc.paragraphs)
    assert "رسالة مزعجة" not in everything and "توصية خارج الجولة" not in everything


async def test_round_report_is_right_to_left_and_matches_what_was_stored(core: Core) -> None:
    doc, sample = await _round_report(core)
    for paragraph in doc.paragraphs:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
        assert all(run._r.rPr.find(qn("w:rtl")) is not None for run in paragraph.runs)
    async with core.db.transaction() as conn:
        report = await round_findings.report_data(conn, sample.round_id)
    assert report is not None and report.attendance.total == 4 and report.attendance.liaison_officers == 1
    shown = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    stored = [i.text for g in report.findings for q in g.questions for t in q.themes for i in t.items]
    assert [text.split(" (أيّدها")[0] for text in shown] == stored


async def test_online_round_without_a_date(core: Core) -> None:
    doc, _ = await _round_report(core, online=True)
    texts = [p.text for p in doc.paragraphs]
    assert texts[1].startswith(
        f"قامت وزارة التخطيط والتعاون الدولي – وحدة الحكومة الشفافة بعقد {ROUND_NAME} عبر الإنترنت،"
    )


async def test_a_round_nobody_joined(core: Core) -> None:
    async with core.db.transaction() as conn:
        commitment = (await catalogue.list_commitments(conn))[0]
        found = await rounds.create_round(
            conn,
            name="جولة إلكترونية",
            held_on=None,
            place=None,
            online=True,
            deadline=None,
            commitment_ids=[commitment.id],
            questions=[],
            created_by=None,
            now=START,
        )
        doc = Document(io.BytesIO(await build_report(conn, round_id=found.id, now=START)))
    texts = [p.text for p in doc.paragraphs]
    assert "لم ينضم أي مشارك إلى الاجتماع عبر البوت." in texts
    assert "لم تصل توصيات على هذا الالتزام." in texts


async def test_unknown_round_is_refused(core: Core) -> None:
    async with core.db.transaction() as conn:
        with pytest.raises(LookupError):
            await build_report(conn, round_id=999, now=START)


async def test_the_hall_count_is_worded_as_the_seed_does_on_a4_by_the_coordinating_unit(core: Core) -> None:
    async with core.db.transaction() as conn:
        sample = await seed_round(conn, START)
        hall = HallCount(total=55, officers=8, by_sector=((Sector.CSO, 30), (Sector.GOVERNMENT, 17)))
        await set_hall(conn, sample.round_id, hall, by=None, now=START)
        data = await build_report(conn, round_id=sample.round_id, now=START)
        named = await build_report(conn, round_id=sample.round_id, now=START, author="وحدة التنسيق")
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    assert texts[3].startswith(
        "وقد حضر الاجتماع 55 مشاركاً ومشاركة من ضمنهم 8 من ضباط ارتباط تنفيذ الخطة،"
        " و30 من مؤسسات المجتمع المدني، و17 من الجهات الحكومية ذات العلاقة."
        " وانضم إلى مجموعات العمل عبر البوت 4 مشاركين ومشاركات، من ضمنهم ضابط ارتباط واحد لتنفيذ الخطة."
    )
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    size = (round(section.page_width.mm), round(section.page_height.mm))
    assert size == (210, 297)  # A4, not python-docx's US Letter
    assert doc.core_properties.author == "وحدة الحكومة الشفافة — وزارة التخطيط والتعاون الدولي"
    assert Document(io.BytesIO(named)).core_properties.author == "وحدة التنسيق"
