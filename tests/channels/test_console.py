"""The terminal chat, driven through stdin/stdout of the real command."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.support import process_environment

ROOT = Path(__file__).resolve().parents[2]


def run_console(db: Path, lines: list[str], cwd: Path = ROOT, *, identity: str | None = None, **extra_env: str) -> str:
    env = process_environment(OGP_DATABASE=str(db), **extra_env)
    who = ["--as", identity] if identity else []
    done = subprocess.run(  # noqa: S603 - our own command, with arguments the test chose
        [sys.executable, "-m", "bot", "console", *who],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
        check=True,
    )
    return done.stdout


def test_a_whole_recommendation_through_stdin(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    out = run_console(
        db,
        [
            "هالة",  # name
            "1",  # the organisation step takes text: «1» is not the first button, and a name needs letters
            "لا أمثل جهة",  # the button's label, typed
            "6",  # sector: individual
            "13",  # governorate: skip
            "1",  # consent
            "/recommend",
            "2",  # commitment 2
            "3",  # theme: data publishing template
            "استحداث نموذج لنشر البيانات على المواقع الوزارية",
            "1",  # send
            "/my",
        ],
    )
    assert "ما اسمك؟" in out
    assert "  • لا أمثل جهة" in out and "اكتب أحد هذه الخيارات كما هو" in out  # listed, not numbered
    assert "اسم الجهة يجب أن يكون" in out
    assert "تم تسجيلك بنجاح" in out
    assert "  1) ✅ إرسال" in out
    assert "رقم الإيصال #1" in out
    assert "لديك توصية واحدة" in out
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT p.name, p.sector, r.commitment_id, t.key, r.text, r.channel FROM recommendations r "
            "JOIN participants p ON p.id = r.participant_id JOIN themes t ON t.id = r.theme_id"
        ).fetchall()
    assert rows == [
        ("هالة", "individual", 2, "publishing", "استحداث نموذج لنشر البيانات على المواقع الوزارية", "console")
    ]


def test_restart_resumes_the_conversation(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    run_console(db, ["هالة", "لا أمثل جهة", "6", "13", "1", "/recommend", "5", "1"])
    out = run_console(db, ["1", "البروتوكولات يجب تعميمها على مؤسسات الدولة", "1"])
    assert "بدأت توصية واخترت التزامها" in out  # offered back, not «welcome back» over a half-made draft
    assert "رقم الإيصال #1" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT commitment_id, text FROM recommendations").fetchall() == [
            (5, "البروتوكولات يجب تعميمها على مؤسسات الدولة")
        ]


def test_a_coordinator_gets_the_export_as_a_file_in_exports(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    env_extra = {"OGP_COORDINATORS": "console:local"}
    out = run_console(db, ["هالة", "لا أمثل جهة", "6", "13", "1", "/export", "1", "1"], cwd=tmp_path, **env_extra)
    saved = sorted((tmp_path / "exports").glob("*.xlsx"))
    assert len(saved) == 1
    assert f"📎 exports/{saved[0].name}" in out
    assert saved[0].read_bytes().startswith(b"PK")  # a zip container, as every .xlsx is
    with sqlite3.connect(db) as conn:
        audit = conn.execute("SELECT action, target, detail FROM audit_log").fetchall()
    assert audit == [("export", "xlsx", "recommendations=0")]


def test_a_number_asked_for_as_a_number_is_the_number(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    steps = ["هالة", "لا أمثل جهة", "6", "13", "1", "/update", "2", "2"]  # commitment 2, «محدود»
    out = run_console(db, [*steps, "5", "تخطي", "تخطي", "1"], OGP_COORDINATORS="console:local")
    assert "اكتب رقماً من 0 إلى 100" in out
    assert "  • 100%" in out  # the quick percentages are listed, not numbered: «5» is five per cent
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT commitment_id, completion, progress FROM status_updates").fetchall() == [
            (2, "limited", 5)
        ]


def test_each_identity_is_its_own_person_and_messages_wait_for_theirs(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"

    def as_(identity: str, lines: list[str]) -> str:
        return run_console(db, lines, identity=identity, OGP_COORDINATORS="console:coord")

    as_("coord", ["مي", "وحدة الحكومة الشفافة", "2", "1", "1"])
    as_("samer", ["سامر", "جمعية الشفافية", "1", "1", "1"])
    sent = as_("coord", ["/broadcast", "اجتماع المتابعة يوم الأحد القادم", "1", "1"])
    assert "ستصل إلى شخصين" in sent and sent.count("اجتماع المتابعة يوم الأحد القادم") == 2  # previewed, own copy
    samer = as_("samer", [])  # Samer's copy waited for Samer's terminal
    assert "📢 رسالة من فريق التنسيق" in samer and "اجتماع المتابعة يوم الأحد القادم" in samer
    summary = as_("coord", [])  # the scheduler runs in the terminal chat too: the broadcast's summary arrives
    assert "انتهى إرسال رسالتك الجماعية إلى" in summary and "✅ وصلت: 2" in summary
    with sqlite3.connect(db) as conn:
        people = conn.execute(
            "SELECT i.external_id, p.name FROM identities i JOIN participants p ON p.id = i.participant_id"
        )
        assert sorted(people.fetchall()) == [("coord", "مي"), ("samer", "سامر")]


def test_a_first_sentence_at_the_terminal_waits_through_registration(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    sentence = "أقترح نشر تقارير الشكاوى شهرياً في كل محافظة"
    out = run_console(db, [sentence, "هالة", "لا أمثل جهة", "6", "13", "نعم", "1", "2", "1", "1"])
    assert "احتفظنا بنصها" in out and "تم تسجيلك بنجاح" in out and "لديك مسودة توصية" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT name FROM participants").fetchall() == [("هالة",)]
        assert conn.execute("SELECT commitment_id, text FROM recommendations").fetchall() == [(2, sentence)]


def test_reopening_the_terminal_carries_on_with_a_round_being_set_up(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    steps = ["مي", "وحدة الحكومة الشفافة", "2", "1", "1", "/round", "1", "اللقاء التشاوري الثاني"]
    run_console(db, steps, OGP_COORDINATORS="console:local")
    out = run_console(db, ["30/11/2030"], OGP_COORDINATORS="console:local")
    assert "نكمل من حيث توقفت" in out and "متى تُعقد الجولة" in out
    assert "متى يُعلَن الجدول الزمني" in out  # the typed date went to the round, not lost after a /start


def test_an_answer_at_its_preview_survives_the_terminal_and_lists_its_choices(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    coord = "console:coord"
    run_console(db, ["سامر", "جمعية الشفافية", "1", "1", "1"], identity="samer", OGP_COORDINATORS=coord)
    run_console(db, ["/recommend", "2", "3", "استحداث نموذج لنشر البيانات على المواقع الوزارية", "1"], identity="samer")
    reason = "لا تتوفر الموارد هذا العام وسنعيد النظر في الخطة القادمة"
    answering = ["مي", "وحدة الحكومة الشفافة", "2", "1", "1", "/inbox", "1", "4", reason]
    run_console(db, answering, identity="coord", OGP_COORDINATORS=coord)
    out = run_console(db, ["شكراً", "1"], identity="coord", OGP_COORDINATORS=coord)
    assert "نكمل من حيث توقفت" in out
    assert out.count("  1) ✅ حفظ وإرسال") >= 2  # shown again on opening and after the typed text
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT state, response FROM recommendations").fetchall() == [("partly_accepted", reason)]


def test_the_typing_hint_is_in_the_persons_language(tmp_path: Path) -> None:
    db = tmp_path / "console.sqlite3"
    out = run_console(db, ["🌐 English", "Hala", "No organisation"])
    english = out.split("What is your name?", 1)[1]
    assert "  • No organisation" in english
    assert "(type one of these choices as it is written, or type your answer)" in english
    assert "اكتب أحد هذه الخيارات" not in english  # the Arabic hint came only before the switch
    with sqlite3.connect(db) as conn:
        (state,) = conn.execute("SELECT data FROM sessions WHERE external_id = 'local'").fetchone()
    assert '"_lang": "en"' in state and '"name": "Hala"' in state
