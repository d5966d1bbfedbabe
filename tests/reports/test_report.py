"""The meeting report opened with python-docx: headings per commitment in order, numbered lists, RTL throughout."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from bot.core import Core
from reports.report_docx import build_report
from tests.reports.sample import seed
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
        "وقد شارك في تقديم المدخلات مشاركان. توزّعوا على الجهات التالية: جهة أكاديمية (1)، مؤسسة مجتمع مدني (1)."
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


async def test_round_report_names_the_round_and_keeps_to_its_input(core: Core) -> None:
    doc, _ = await _report(core, by_round=True)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].startswith("تقرير اللقاء الأول لأصحاب المصلحة حول الخطة الوطنية الرابعة")
    assert texts[1] == "30/9/2019"
    assert "وتقتصر هذه النسخة على المدخلات التي وصلت ضمن اللقاء الأول لأصحاب المصلحة." in texts[2]
    assert "تطوير البرنامج التدريبي ليكون تفاعلياً أكثر" not in "\n".join(texts)  # not sent in the round
    assert texts[3].startswith("وقد شارك في تقديم المدخلات مشاركان.")


async def test_unknown_round_is_refused(core: Core) -> None:
    async with core.db.transaction() as conn:
        with pytest.raises(LookupError):
            await build_report(conn, round_id=999, now=START)
