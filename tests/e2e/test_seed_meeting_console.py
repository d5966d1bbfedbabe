"""The seed's meeting of 30/9/2019, run by newcomers in the terminal chat from invitation to report.

Four people at the real `ogp-bot console`, each with their own identity (`--as`): the coordinator records the past
meeting and invites a liaison officer; the officer takes the invitation and joins a working group by the round's
code; a participant arrives by the code, registers and recommends; the coordinator enters the 55 counted in the
hall, closes the round and writes the report. Nobody types a cron expression, and every word typed is stored.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from docx import Document

from tests.channels.test_console import run_console

SEED_NAME = "اللقاء الأول بين أصحاب المصلحة وضباط ارتباط تنفيذ الخطة الوطنية الرابعة 2018-2020"
PLACE = "فندق جنيفا - عمّان"
FUNDING = "أن تكون هناك مدد قابلة للتتبع عند تأخر الرد من قبل بعض الوزارات المعنية"
TRAINING = "تطوير البرنامج التدريبي ليكون تفاعلياً أكثر"


def one(db: Path, sql: str) -> object:
    with sqlite3.connect(db) as conn:
        row = conn.execute(sql).fetchone()
    assert row is not None, sql
    return row[0]


def test_a_newcomer_runs_the_seed_meeting_from_invitation_to_report(tmp_path: Path) -> None:
    db = tmp_path / "seed.sqlite3"
    typed: list[str] = []

    def as_(identity: str, lines: list[str]) -> str:
        typed.extend(lines)
        return run_console(db, lines, cwd=tmp_path, identity=identity, OGP_COORDINATORS="console:coord")

    # The coordinator registers and records the meeting that took place on 30/9/2019.
    created = as_(
        "coord",
        [
            "مي عليمات",
            "وحدة الحكومة الشفافة",
            "جهة حكومية",
            "عمّان",
            "أوافق",
            "/round",
            "جولة جديدة",
            SEED_NAME,
            "30/9/2019",
            "نعم، لقاء سابق",  # the date has passed: confirmed as a past meeting
            "10/9/2019",  # the day its timeline was announced
            PLACE,
            "متابعة",  # every commitment's working group
            "اعتماد هذه الأسئلة",  # the seed's five discussion questions
            "31/12/2099 17:00",
            "حفظ وفتح الجولة",
            "/invite",
            "ضابط ارتباط للالتزام 2",
        ],
    )
    assert "التاريخ 30/9/2019 قد مضى" in created and "أُنشئت الجولة" in created
    round_code = re.search(r"r_[A-Z0-9]{6}", created)
    invitation = re.search(r"i_[A-Za-z0-9_-]{8,}", created)
    assert round_code and invitation

    # The liaison officer takes the invitation (registering first) and joins group 2 by the round's code.
    officer = as_(
        "officer",
        [
            invitation.group(0),
            "خالد عبيدات",
            "وزارة الاقتصاد الرقمي والريادة",
            "جهة حكومية",
            "تخطي",
            "أوافق",
            round_code.group(0),
            "2",
        ],
    )
    assert "وصلتك دعوة بدور «ضابط ارتباط للالتزام 2»" in officer
    assert "أصبحت الآن «ضابط ارتباط للالتزام 2»" in officer and "انضممت إلى مجموعة العمل: 2." in officer

    # A participant arrives by the code: greeted by the meeting's name, registers, joins group 1, recommends.
    participant = as_(
        "leila",
        [
            round_code.group(0),
            "ليلى حداد",
            "جمعية الشفافية",
            "مؤسسة مجتمع مدني",
            "عمّان",
            "أوافق",
            "1",
            "أضف توصية",
            "2",  # «ما التحديات التي تواجه التنفيذ؟»
            "الحصول على التمويل",
            FUNDING,
            "إرسال",
            TRAINING,  # free text outside a flow: offered as a recommendation, kept
            "2",
            "البرنامج التدريبي للمؤسسات",
            "1",
        ],
    )
    assert f"أهلاً بك في «{SEED_NAME}»" in participant
    assert participant.count("رقم الإيصال") == 2 and "يبدو أن رسالتك توصية" in participant

    # The coordinator enters the hall's count, closes the round and writes the report.
    hall = ["حضور القاعة", "55", "8", "مؤسسة مجتمع مدني", "30", "جهة حكومية", "17", "حفظ"]
    closing = as_("coord", ["/round", "1", *hall, "إغلاق الجولة", "/report", "2"])
    assert "سُجّل حضور القاعة: 55 شخصاً" in closing and "أُغلقت الجولة" in closing
    [report] = sorted((tmp_path / "exports").glob("ogp-report-*.docx"))
    paragraphs = [p.text for p in Document(str(report)).paragraphs]
    assert paragraphs[:2] == [f"تقرير {SEED_NAME}", "30/9/2019"]
    assert "يوم الاثنين الموافق 30/9/2019 في فندق جنيفا - عمّان" in paragraphs[2]
    assert paragraphs[3].startswith(
        "وقد حضر الاجتماع 55 مشاركاً ومشاركة من ضمنهم 8 من ضباط ارتباط تنفيذ الخطة،"
        " و30 من مؤسسات المجتمع المدني، و17 من الجهات الحكومية ذات العلاقة."
        " وانضم إلى مجموعات العمل عبر البوت مشاركان، من ضمنهم ضابط ارتباط واحد لتنفيذ الخطة."
    )
    assert FUNDING in paragraphs and "أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام الأول:" in paragraphs

    # Nothing typed was lost, and nobody typed a schedule in cron.
    assert one(db, "SELECT COUNT(*) FROM recommendations") == 2
    assert one(db, f"SELECT COUNT(*) FROM recommendations WHERE text = '{FUNDING}' AND round_id = 1") == 1  # noqa: S608
    assert one(db, f"SELECT COUNT(*) FROM recommendations WHERE text = '{TRAINING}'") == 1  # noqa: S608
    assert one(db, "SELECT total FROM round_hall") == 55
    assert one(db, "SELECT organisation FROM participants WHERE name = 'ليلى حداد'") == "جمعية الشفافية"
    assert not any(re.search(r"\d+ \d+ [\d*,-]+ \* \w+", line) for line in typed)
