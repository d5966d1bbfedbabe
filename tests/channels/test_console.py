"""The terminal chat, driven through stdin/stdout of the real command."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_console(db: Path, lines: list[str], cwd: Path = ROOT, **extra_env: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OGP_")}
    env["OGP_DATABASE"] = str(db)
    env.update(extra_env)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
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
            "1",  # «لا أمثل جهة»
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
    out = run_console(db, ["هالة", "1", "6", "13", "1", "/export", "1", "1"], cwd=tmp_path, **env_extra)
    saved = sorted((tmp_path / "exports").glob("*.xlsx"))
    assert len(saved) == 1
    assert f"📎 exports/{saved[0].name}" in out
    assert saved[0].read_bytes().startswith(b"PK")  # a zip container, as every .xlsx is
    with sqlite3.connect(db) as conn:
        audit = conn.execute("SELECT action, target, detail FROM audit_log").fetchall()
    assert audit == [("export", "xlsx", "recommendations=0")]
