"""The evidence pack: requirement by requirement from what was recorded, gaps listed, files beside the index."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from bot.cli import build_parser, main
from bot.core import Core
from bot.evidence_cli import run_evidence_command
from bot.settings import DEFAULT_PLAN
from public.snapshot import FILES, write_snapshot
from reports.evidence import build_evidence
from reports.evidence_rules import Interval, long_intervals, meetings_per_year
from storage import (
    answers,
    catalogue,
    forum_rules,
    participants,
    recommendations,
    round_hall,
    rounds,
    snapshots,
    timeline,
)
from storage.models import Completion, RecommendationState, Sector
from storage.round_hall import HallCount
from storage.timefmt import to_db
from tests.bot.reminder_support import AMMAN, amman
from tests.loop_support import coordinator, rows
from tests.public.world import site_for
from tests.support import START, RecordingTransport, texts

SINCE, UNTIL = date(2025, 11, 1), date(2026, 11, 29)
REASON = "لا تسمح الموارد بذلك هذا العام"


def test_long_intervals_and_years() -> None:
    days = [date(2026, 1, 15), date(2026, 9, 10)]
    assert long_intervals(days, SINCE, UNTIL) == [Interval(date(2026, 1, 15), date(2026, 9, 10))]
    assert long_intervals([], date(2026, 1, 1), date(2026, 5, 1)) == []  # shorter than six months: no gap
    years = meetings_per_year(days, SINCE, UNTIL)
    assert [(y.start, y.end, y.meetings) for y in years] == [(date(2025, 11, 1), date(2026, 11, 1), 2)]
    assert meetings_per_year(days, date(2026, 1, 1), date(2026, 6, 1)) == []


async def _seed(core: Core, root: Path) -> dict[str, int]:
    """Two meetings (one announced 26 days ahead and sent, one 9 days ahead, confirmed), rules, a snapshot, three
    recommendations (answered with its reason and told, turned down without reason, waiting), an update."""
    async with core.db.transaction() as conn:
        c1 = (await catalogue.list_commitments(conn))[0].id
        author = await participants.register(
            conn, "telegram", "1001", name="سلمى", organisation="جمعية", sector=Sector.CSO, governorate=None, now=START
        )
        ids: dict[str, int] = {}
        for name, held, announced, confirmed in (
            ("اللقاء الأول", date(2026, 1, 15), date(2025, 12, 20), False),
            ("اللقاء الثاني", date(2026, 9, 10), date(2026, 9, 1), True),
        ):
            found = await rounds.create_round(
                conn,
                name=name,
                held_on=held,
                place="عمّان",
                online=False,
                deadline=None,
                commitment_ids=[c1],
                questions=[],
                created_by=None,
                now=amman(2025, 12, 1),
            )
            await rounds.open_round(conn, found.id, amman(2025, 12, 1))
            await timeline.set_timeline(
                conn,
                found.id,
                announced_on=announced,
                confirmed_by=None,
                confirmed_at=amman(2026, 9, 1) if confirmed else None,
            )
            ids[name] = found.id
        await timeline.mark_announced(conn, ids["اللقاء الأول"], now=amman(2025, 12, 20), batch="b", recipients=40)
        hall = HallCount(total=55, officers=7, by_sector=((Sector.CSO, 30),))
        await round_hall.set_hall(conn, ids["اللقاء الأول"], hall, by=None, now=amman(2026, 1, 15))
        await forum_rules.set_rules(conn, "قواعد المشاركة في المنتدى كما اتُّفق عليها", None, amman(2026, 2, 1))
        await write_snapshot(conn, root / "2026-03-01-0300", site_for(core))
        await snapshots.record_snapshot(
            conn, taken_at=amman(2026, 3, 1, 3), folder="2026-03-01-0300", files=list(FILES), recommendations=0
        )
        for key, day in (("told", 1), ("bare", 2), ("waiting", 3)):
            rec = await recommendations.add_recommendation(
                conn,
                participant_id=author.id,
                commitment_id=c1,
                theme_id=None,
                text=f"توصية {key}",
                channel="telegram",
                now=amman(2026, 2, day),
            )
            ids[key] = rec.id
        stored = await answers.record_answer(
            conn, ids["told"], RecommendationState.NOT_ACCEPTED, REASON, author.id, amman(2026, 2, 10)
        )
        assert stored is not None
        await conn.execute(
            "INSERT INTO outbox (id, channel, recipient, kind, payload, status, not_before, created_at, sent_at) "
            "VALUES (900, 'telegram', '1001', 'notification', '{}', 'sent', ?, ?, ?)",
            (to_db(amman(2026, 2, 10)), to_db(amman(2026, 2, 10)), to_db(amman(2026, 2, 10, 9))),
        )
        await answers.link_notice(conn, stored[1], 900)
        await conn.execute("UPDATE recommendations SET state = 'not_accepted' WHERE id = ?", (ids["bare"],))
        await catalogue.add_status_update(
            conn, c1, Completion.LIMITED, 30, amman(2026, 5, 1), evidence_url="https://mosd.gov.jo/report.pdf"
        )
    return ids


async def test_the_pack_answers_requirement_by_requirement(core: Core, tmp_path: Path) -> None:
    root = tmp_path / "snapshots"
    ids = await _seed(core, root)
    async with core.db.transaction() as conn:
        pack = await build_evidence(
            conn, since=SINCE, until=UNTIL, now=START, messages=core.messages, tz=AMMAN, snapshot_root=root
        )
    archive = zipfile.ZipFile(io.BytesIO(pack.data))
    names = archive.namelist()
    for expected in (
        "index.docx",
        "1-forum/rounds.csv",
        "1-forum/rules.txt",
        "2-repository/snapshots.csv",
        "2-repository/2026-03-01-0300/recommendations.json",
        "4-reasoned-response/recommendations.csv",
        "4-reasoned-response/answers.csv",
    ):
        assert expected in names, expected
    # Each round's report is named after the round (its day, then its name), never its join code.
    assert {n for n in names if n.endswith(".docx") and n.startswith("1-forum/")} == {
        "1-forum/2026-01-15-اللقاء-الأول.docx",
        "1-forum/2026-09-10-اللقاء-الثاني.docx",
    }
    assert not any(n.startswith("5-implementation/open-data") for n in names)  # only the published view travels

    doc = Document(io.BytesIO(archive.read("index.docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert [h.split(":")[0] for h in headings] == [f"المعيار {n}" for n in range(1, 6)] + ["الفجوات"]
    assert all(p._p.pPr is not None and p._p.pPr.find("{*}bidi") is not None for p in doc.paragraphs if p.text)
    text = "\n".join(paragraphs)
    assert "«يُحافَظ على موقع إلكتروني عام مخصّص لمشاركة العضو في الشراكة.»" in text
    assert "اللقاء الأول — 15/1/2026" in text
    assert "⚠️ فجوة: مرّت أكثر من ستة أشهر دون اجتماع: من 15/1/2026 إلى 10/9/2026." in text
    assert "اللقاء الثاني: أُعلن في 1/9/2026، وعُقد في 10/9/2026 (بعد 9 أيام)" in text
    assert "«اللقاء الثاني» أُعلن قبله بـ9 أيام فقط (بتأكيد مسجَّل من المنسق)" in text
    assert "أُرسل الإعلان عبر البوت في 20/12/2025" in text
    assert "نُشرت قواعد المشاركة (أو عُدّلت) في 1/2/2026." in text
    assert "لقطة البيانات المفتوحة في 1/3/2026" in text
    assert "وصلت 3 توصيات، وأُجيب عن 1 منها بردّ معلّل، وأُبلغ أصحابها في حالة واحدة." in text
    assert "توصية واحدة تنتظر رداً، توصية واحدة رُفضت كلياً أو جزئياً دون سبب مكتوب" in text
    assert "السنة من 1/11/2025 إلى 31/10/2026: اجتماعان" in text
    assert "تحديث واحد على تقدّم التنفيذ، 1 منها برابط دليل." in text
    gaps = paragraphs[paragraphs.index(headings[-1]) + 1 :]
    assert {g.split(":")[0] for g in gaps} == {
        "• يجتمع المنتدى بانتظام، مرة كل ستة أشهر على الأقل",
        "• موقع إلكتروني عام للمشاركة في الشراكة",
        "• مستودع أدلة يُحدَّث مرتين في السنة على الأقل",
        "• الجدول الزمني منشور قبل بدء الإنشاء المشترك بأسبوعين على الأقل",
        "• ردّ معلّل على مدخلات أصحاب المصلحة",
    }
    assert len(pack.gaps) == 5

    table = list(csv.reader(io.StringIO(archive.read("4-reasoned-response/recommendations.csv").decode("utf-8-sig"))))
    by_id = {row[0]: row for row in table[1:]}
    told = by_id[str(ids["told"])]
    assert told[5] == "لم تُعتمد" and told[6] == "نعم" and told[8] == REASON and told[10] == "10/2/2026 09:00"
    assert by_id[str(ids["bare"])][6:8] == ["لا", "نعم"]
    timeline_rows = list(csv.reader(io.StringIO(archive.read("1-forum/rounds.csv").decode("utf-8-sig"))))
    # States in the catalogue's words, dates as the index writes them.
    assert timeline_rows[1][:6] == ["اللقاء الأول", "15/1/2026", "عمّان", "مفتوحة للمشاركة", "20/12/2025", "26"]
    assert timeline_rows[2][6] == "1/9/2026 00:00"  # the short notice's confirmation, in the bot's time zone
    assert timeline_rows[0][-2:] == ["الحضور في القاعة", "ضباط الارتباط بين الحضور"]
    assert timeline_rows[1][-2:] == ["55", "7"] and timeline_rows[2][-2:] == ["", ""]  # counted in the hall, or not


async def test_coordinators_get_the_pack_and_take_a_snapshot_in_the_chat(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    overview = await coord.command("evidence")
    assert "لم تُؤخذ أي لقطة بعد" in texts(overview)
    taken = await coord.press("لقطة من البيانات المفتوحة الآن")
    assert "أُخذت لقطة جديدة" in texts(taken)  # built by the document worker, off the chat's transaction
    assert "29/11/2026" in texts(await coord.command("evidence"))
    folder = core.settings.snapshot_folder
    assert len(list(folder.iterdir())) == 1
    sent = await coord.press("حزمة الأدلة لمدة الخطة (حتى اليوم إن لم تنتهِ)")
    document = next(r.document for r in sent if r.document is not None)
    # NAP4 ended (extended to 31/8/2021): the pack covers the plan's period, not eight years to today.
    assert document is not None and document.filename == "ogp-evidence-20180901-20210831.zip"
    assert "من 1/9/2018 إلى 31/8/2021" in texts(sent)
    names = zipfile.ZipFile(io.BytesIO(document.data)).namelist()
    assert "index.docx" in names and not any(n.startswith("2-repository/2026-") for n in names)  # after the plan
    index = _index_text(document.data)
    assert "⚠️ فجوة: 3 سنوات بأقل من اجتماعين" in index and "8 سنوات" not in index
    assert "لا تحديثات على تقدّم التنفيذ." in index and "منها 0" not in index
    assert document.caption is not None and "مذكورة في الفهرس" in document.caption
    await coord.command("evidence")
    await coord.press("حزمة لفترة محددة")
    assert "لم أفهم التاريخين" in texts(await coord.send("أمس"))
    dated = await coord.send("1/1/2026 - 29/11/2026")
    assert any(r.document and r.document.filename == "ogp-evidence-20260101-20261129.zip" for r in dated)
    pack = next(r.document for r in dated if r.document is not None)
    assert any(n.startswith("2-repository/2026-11-29-") for n in zipfile.ZipFile(io.BytesIO(pack.data)).namelist())
    actions = [r["action"] for r in await rows(core, "SELECT action FROM audit_log")]
    assert actions.count("evidence") == 2 and actions.count("snapshot") == 1


def _index_text(data: bytes) -> str:
    index = zipfile.ZipFile(io.BytesIO(data)).read("index.docx")
    return "\n".join(p.text for p in Document(io.BytesIO(index)).paragraphs)


async def test_the_command_line_pack_defaults_to_an_ended_plans_period(
    core: Core, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await _seed(core, tmp_path / "snapshots")  # meetings in 2026, long after NAP4 ended
    out = tmp_path / "nap4.zip"
    assert await run_evidence_command(core.settings, build_parser().parse_args(["evidence", "--output", str(out)])) == 0
    assert "wrote the evidence pack for 2018-09-01 to 2021-08-31" in capsys.readouterr().out
    index = _index_text(out.read_bytes())
    assert "من 1/9/2018 إلى 31/8/2021" in index and "⚠️ فجوة: 3 سنوات بأقل من اجتماعين" in index
    assert "لا تحديثات على تقدّم التنفيذ." in index and "منها 0" not in index
    later = tmp_path / "later.zip"
    args = ["evidence", "--output", str(later), "--since", "1/11/2025"]
    assert await run_evidence_command(core.settings, build_parser().parse_args(args)) == 0
    assert "for 2025-11-01 to 2021" not in capsys.readouterr().out  # a period after the plan runs to today
    archive = zipfile.ZipFile(later)
    assert "1-forum/2026-09-10-اللقاء-الثاني.docx" in archive.namelist()
    table = list(csv.reader(io.StringIO(archive.read("1-forum/rounds.csv").decode("utf-8-sig"))))
    assert [row[:4] for row in table[1:]] == [
        ["اللقاء الأول", "15/1/2026", "عمّان", "مفتوحة للمشاركة"],
        ["اللقاء الثاني", "10/9/2026", "عمّان", "مفتوحة للمشاركة"],
    ]


def test_the_command_line_writes_the_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OGP_DATABASE", str(tmp_path / "cli.sqlite3"))
    assert main(["load-plan", str(DEFAULT_PLAN), "--activate"]) == 0
    out = tmp_path / "pack.zip"
    assert main(["evidence", "--output", str(out), "--since", "1/1/2026", "--until", "2026-06-30"]) == 0
    assert "wrote the evidence pack for 2026-01-01 to 2026-06-30" in capsys.readouterr().out
    assert "index.docx" in zipfile.ZipFile(out).namelist()
    assert main(["evidence", "--output", str(tmp_path / "pack.docx")]) == 2
    assert "name the output .zip" in capsys.readouterr().out
    assert not (tmp_path / "pack.docx").exists()
    assert main(["evidence", "--output", str(out), "--since", "2026-06-30", "--until", "1/1/2026"]) == 2
    assert "--since is after --until" in capsys.readouterr().out
