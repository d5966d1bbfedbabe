"""The meeting report streamed paragraph by paragraph: a big one opens in python-docx with every paragraph in place."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections import Counter
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.sample_data import populate
from bot.core import Core
from reports.report_docx import _BODY_IN_MEMORY, _run_content, build_report
from tests.support import START

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RECOMMENDATIONS = 12_000  # enough for the body to leave memory for a temporary file (_BODY_IN_MEMORY)
# Nothing is merged here; an author endorsing their own recommendation is not counted (storage.merges).
_VISIBLE = """
SELECT c.number, t.title_ar AS theme, r.text,
       (SELECT COUNT(*) FROM endorsements e
        WHERE e.recommendation_id = r.id AND e.participant_id IS NOT r.participant_id) AS n
FROM recommendations r JOIN commitments c ON c.id = r.commitment_id LEFT JOIN themes t ON t.id = r.theme_id
WHERE r.hidden = 0
"""


def _num_id(paragraph: Any) -> int:
    return int(paragraph._p.pPr.numPr.numId.val)


async def test_a_big_report_opens_with_every_visible_recommendation_in_its_list(core: Core) -> None:
    async with core.db.transaction() as conn:
        await populate(conn, participants=1_000, recommendations=RECOMMENDATIONS, now=START)
        data = await build_report(conn, round_id=None, now=START)
        visible = list(await conn.execute_fetchall(_VISIBLE))
    assert len(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")) > _BODY_IN_MEMORY
    doc: Any = Document(io.BytesIO(data))
    paragraphs = doc.paragraphs
    items = [p for p in paragraphs if p.style.name == "List Number"]
    assert len(items) == len(visible) > 0.95 * RECOMMENDATIONS
    endorsed = {n: " " + core.messages.t("rep-endorsements", count=n) for n in range(1, 20)}
    expected = Counter(text + (endorsed[n] if n else "") for _, _, text, n in visible)
    assert Counter(p.text for p in items) == expected
    headings = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert len(headings) == 5 and headings[0].endswith("بالالتزام الأول:")
    # Each theme line is followed by its own list, numbered from 1 again: a new numbering id per list.
    lists: dict[int, list[str]] = {}
    for before, paragraph in itertools.pairwise(paragraphs):
        if paragraph.style.name == "List Number" and before.style.name != "List Number":
            assert before.text.startswith("· "), before.text  # every commitment here has themed input
            lists[_num_id(paragraph)] = []
        if paragraph.style.name == "List Number":
            lists[_num_id(paragraph)].append(paragraph.text)
    assert sum(len(texts) for texts in lists.values()) == len(items)
    for paragraph in paragraphs:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None
        assert all(run._r.rPr.find(qn("w:rtl")) is not None for run in paragraph.runs)


def _python_docx_run(text: str) -> str:
    """Return the run content python-docx itself makes for text."""
    run = Document().add_paragraph().add_run(text)
    # .xml is pretty-printed: a line break and indentation between elements (a <w:t> never holds a line break).
    xml = re.sub(r"\n *", "", run._r.xml).replace(f' xmlns:w="{W}"', "")
    return "" if xml.endswith("/>") and xml.count("<") == 1 else xml[xml.index(">") + 1 : xml.rindex("</w:r>")]


_CHARACTERS = ["أ", "ب", " ", "\t", "\n", "\r", "&", "<", ">", '"', "'", "a", "1", "\u00a0"]
_TEXT = st.text(alphabet=st.sampled_from(_CHARACTERS))


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_run_content_is_what_python_docx_writes(text: str) -> None:
    assert _run_content(text) == _python_docx_run(text)


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe"])
def test_text_xml_cannot_hold_is_refused_as_python_docx_refuses_it(bad: str) -> None:
    with pytest.raises(ValueError, match="XML compatible"):
        _run_content(f"نص {bad} آخر")
    with pytest.raises(ValueError, match="XML compatible"):
        _python_docx_run(f"نص {bad} آخر")
