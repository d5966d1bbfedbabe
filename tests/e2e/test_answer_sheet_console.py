"""Answering from a spreadsheet at the real terminal chat: the sheet saved as a file, filled, sent back by its path."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from openpyxl import load_workbook

from tests.channels.test_console import run_console

TEXT = "نقترح نشر تقارير وحدة الشكاوى شهرياً في كل محافظة"
REASON = "تُنشر التقارير ضمن التقرير الفصلي الموحّد للوزارة."


def test_an_officer_answers_from_a_sheet_sent_back_by_its_path(tmp_path: Path) -> None:
    db = tmp_path / "sheet.sqlite3"

    def as_(identity: str, lines: list[str]) -> str:
        return run_console(db, lines, cwd=tmp_path, identity=identity, OGP_COORDINATORS="console:coord")

    coord = ["منى", "وحدة الحكومة الشفافة", "جهة حكومية", "عمّان", "أوافق", "/invite", "ضابط ارتباط للالتزام 2"]
    made = as_("coord", coord)
    invitation = re.search(r"i_[A-Za-z0-9_-]{8,}", made)
    assert invitation
    officer = [invitation.group(0), "خالد عبيدات", "وزارة الاقتصاد الرقمي", "جهة حكومية", "تخطي", "أوافق"]
    joined = as_("officer", officer)
    assert "أصبحت الآن «ضابط ارتباط للالتزام 2»" in joined
    leila = ["ليلى حداد", "جمعية الشفافية", "مؤسسة مجتمع مدني", "عمّان", "أوافق", "/recommend", "2", "1", TEXT, "إرسال"]
    sent = as_("leila", leila)
    assert "رقم الإيصال" in sent, sent

    downloaded = as_("officer", ["/inbox", "تنزيل للإجابة في Excel"])
    found = re.search(r"📎 (\S+\.xlsx)", downloaded)
    assert found, downloaded
    book = load_workbook(tmp_path / found.group(1))  # saved under the terminal's folder
    sheet = book.worksheets[0]
    headers = {c.value: c.column for c in sheet[1]}
    assert sheet.sheet_view.rightToLeft and sheet.cell(row=2, column=headers["نص التوصية"]).value == TEXT
    sheet.cell(row=2, column=headers["الحالة الجديدة"]).value = "لم تُعتمد"
    sheet.cell(row=2, column=headers["الرد أو السبب"]).value = REASON
    filled = tmp_path / "answers filled.xlsx"
    book.save(filled)

    preview = as_("officer", [f"/file {filled}", "إعطاء الردود"])
    assert "سيُعطى رد واحد:\n• لم تُعتمد: 1" in preview, preview
    assert "أُعطي رد واحد من الجدول، وأُبلغ صاحب توصية واحدة." in preview
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT state, response FROM recommendations").fetchall() == [("not_accepted", REASON)]
        assert conn.execute("SELECT COUNT(*) FROM recommendation_answers").fetchone() == (1,)
    told = as_("leila", ["/my"])  # the notice waited in the outbox for her terminal
    assert "الحالة الآن: لم تُعتمد" in told and f"الرد: {REASON}" in told
