"""The Word report says how each commitment's input was answered and, beside the officers' status, the IRM's word."""

from __future__ import annotations

import io

from docx import Document

from bot.core import Core
from reports.report_docx import build_report
from storage import irm
from storage.irm import IrmField
from tests.reports.sample import seed
from tests.support import START


async def test_report_gives_answers_and_the_irm_assessment(core: Core) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
        await conn.execute("UPDATE recommendations SET state = 'not_accepted' WHERE id = ?", (sample.payloads[0],))
        await irm.set_field(conn, sample.commitments[1], IrmField.COMPLETION_END, "substantial", by=None, now=START)
        await irm.set_field(conn, sample.commitments[1], IrmField.STARRED, "yes", by=None, now=START)
        data = await build_report(conn, round_id=None, now=START)
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    second = texts.index("أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام الثاني:")
    section = texts[second : texts.index("أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام الثالث:")]
    assert "الرد على التوصيات: أُجيب عن 1 من أصل 7 توصيات بردّ معلّل (قرار، مع سببه إن لم تُعتمد كاملة)." in section
    assert "منها توصية واحدة رُفضت كلياً أو جزئياً دون سبب مكتوب، فلا تُحسب ردّاً." in section
    assert "تقييم آلية الإبلاغ المستقلة: الإنجاز في نهاية المدة: جوهري، التزام مميّز (نجمة): ⭐ نعم." in section
    first = texts[: texts.index("أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام الثاني:")]
    assert not any(t.startswith("تقييم آلية الإبلاغ المستقلة") for t in first)  # not assessed: nothing invented
