"""`ogp-bot export` and `ogp-bot report`: files written to disk, scopes checked, bad requests refused."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from bot.cli import build_parser
from bot.core import Core
from bot.reports_cli import run_report_command
from reports import round_findings
from tests.reports.sample import QUESTIONS, ROUND_NAME, seed, seed_round
from tests.support import START


async def cli(core: Core, *argv: str) -> int:
    return await run_report_command(core.settings, build_parser().parse_args(list(argv)))


async def test_export_every_format_and_scope(core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
    xlsx = tmp_path / "all.xlsx"
    assert await cli(core, "export", "--output", str(xlsx)) == 0
    assert f"wrote {sample.total} recommendations to {xlsx}" in capsys.readouterr().out
    assert load_workbook(io.BytesIO(xlsx.read_bytes()))["الالتزام 1"].sheet_view.rightToLeft
    out = tmp_path / "c2.json"
    assert await cli(core, "export", "--format", "json", "--output", str(out), "--commitment", "2") == 0
    assert {r["commitment"] for r in json.loads(out.read_bytes())["recommendations"]} == {2}
    zipped = tmp_path / "round.zip"
    args = ["export", "--format", "csv", "--output", str(zipped), "--round", str(sample.round_id)]
    assert await cli(core, *args, "--since", "2026-11-29", "--until", "2026-11-29") == 0
    assert f"recommendations to {zipped}\n" in capsys.readouterr().out  # every table: the name says .zip
    assert zipped.read_bytes().startswith(b"PK")


async def test_export_reads_the_chats_dates_and_names_csv_files_truthfully(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
    single = tmp_path / "e.csv"
    assert await cli(core, "export", "--format", "csv", "--output", str(single), "--since", "29/11/2026") == 0
    assert "(a .zip file)" not in capsys.readouterr().out
    data = single.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"PK")  # a CSV, as its name says
    assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))) == 1 + sample.total
    assert await cli(core, "export", "--format", "csv", "--output", str(tmp_path / "e.txt")) == 2
    assert "name the output NAME.csv or NAME.zip" in capsys.readouterr().out and not (tmp_path / "e.txt").exists()
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "--output", "x.xlsx", "--since", "31/2/2026"])
    assert "is not a date: write it as 1/12/2026" in capsys.readouterr().err
    later = tmp_path / "later.xlsx"
    assert await cli(core, "export", "--output", str(later), "--since", "٣٠/١١/٢٠٢٦") == 0
    assert "wrote 0 recommendations" in capsys.readouterr().out


async def test_report_to_docx(core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async with core.db.transaction() as conn:
        sample = await seed(conn, START)
    out = tmp_path / "report.docx"
    assert await cli(core, "report", "--output", str(out), "--round", str(sample.round_id)) == 0
    assert "wrote the report" in capsys.readouterr().out
    assert Document(str(out)).paragraphs[0].text.startswith("تقرير اللقاء الأول لأصحاب المصلحة")


async def test_round_report_shows_attendance_and_findings_by_question(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with core.db.transaction() as conn:
        sample = await seed_round(conn, START)
    out = tmp_path / "round.docx"
    assert await cli(core, "report", "--output", str(out), "--round", str(sample.round_id)) == 0
    assert f"wrote the report to {out}" in capsys.readouterr().out
    paragraphs = Document(str(out)).paragraphs
    assert [p.text for p in paragraphs[:2]] == [f"تقرير {ROUND_NAME}", "30/9/2019"]
    assert paragraphs[3].text.startswith("وقد حضر الاجتماع 4 مشاركين ومشاركات، من ضمنهم ضابط ارتباط واحد")
    questions = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 3"]
    progress, challenges, civil = (text for _, text in QUESTIONS)
    assert questions == [progress, challenges, "ملاحظات عامة", civil]  # commitment 1's three, then 2's one
    async with core.db.transaction() as conn:
        stored = await round_findings.report_data(conn, sample.round_id)
    assert stored is not None and [len(f.questions) for f in stored.findings] == [3, 1, 0]


async def test_unknown_commitment_or_round_is_refused(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.xlsx"
    assert await cli(core, "export", "--output", str(out), "--commitment", "9") == 1
    assert "no commitment 9" in capsys.readouterr().out and not out.exists()
    docx = tmp_path / "x.docx"
    assert await cli(core, "report", "--output", str(docx), "--round", "77") == 1
    assert "no round with id 77" in capsys.readouterr().out and not docx.exists()


def integrity(path: Path) -> tuple[str, int]:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute(
            "SELECT COUNT(*) FROM plans"
        ).fetchone()[0]


@pytest.mark.parametrize("command", ["export", "report"])
async def test_output_on_the_database_is_refused_and_the_database_stays_whole(
    core: Core, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    database = core.settings.database
    before = database.read_bytes()
    assert await cli(core, command, "--output", str(database), "--round", "77") == 2  # a bad argument as well
    assert await cli(core, command, "--output", str(database)) == 2
    wal = database.with_name(database.name + "-wal")
    assert await cli(core, command, "--output", str(wal)) == 2
    assert capsys.readouterr().out.count("the live database") == 3
    assert database.read_bytes() == before and integrity(database) == ("ok", 1)


async def test_a_failed_export_leaves_an_existing_file_and_no_partial_file(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kept.json"
    out.write_bytes(b"yesterday's export")
    assert await cli(core, "export", "--format", "json", "--output", str(out), "--round", "77") == 1
    assert out.read_bytes() == b"yesterday's export"
    assert await cli(core, "export", "--format", "json", "--output", str(out)) == 0
    assert json.loads(out.read_bytes())["recommendations"] == []
    assert not out.with_name(".kept.json.partial").exists()  # no temporary left


async def test_export_and_report_in_english(core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async with core.db.transaction() as conn:
        sample = await seed_round(conn, START)
    xlsx = tmp_path / "round-en.xlsx"
    assert await cli(core, "export", "--lang", "en", "--output", str(xlsx), "--round", str(sample.round_id)) == 0
    book = load_workbook(io.BytesIO(xlsx.read_bytes()))
    assert book.sheetnames[0] == "Summary" and not book["Commitment 1"].sheet_view.rightToLeft
    report = tmp_path / "round-en.docx"
    assert await cli(core, "report", "--lang", "en", "--output", str(report), "--round", str(sample.round_id)) == 0
    first = Document(str(report)).paragraphs[0]
    assert first.text == f"Report of {ROUND_NAME}" and first._p.pPr is not None
    assert first._p.pPr.find(qn("w:bidi")) is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["report", "--output", "x.docx", "--lang", "fr"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err
