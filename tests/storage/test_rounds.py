"""Round storage: codes, memberships, attendance figures and the query reminder jobs use."""

from __future__ import annotations

from datetime import timedelta

import aiosqlite
import pytest

from bot.core import Core
from reports import round_findings
from storage import participants, recommendations, rounds
from storage.models import Sector
from tests.support import START


async def make_round(conn: aiosqlite.Connection, name: str = "جولة", *, deadline_days: int = 3) -> rounds.Round:
    return await rounds.create_round(
        conn,
        name=name,
        held_on=START.date(),
        place=None,
        online=True,
        deadline=START + timedelta(days=deadline_days),
        commitment_ids=[1, 2],
        questions=[("progress", "ما مدى التقدم؟"), (None, "سؤال مكتوب")],
        created_by=None,
        now=START,
    )


async def person(conn: aiosqlite.Connection, user: str, organisation: str | None, sector: Sector) -> int:
    found = await participants.register(
        conn,
        "telegram",
        user,
        name=f"مشارك {user}",
        organisation=organisation,
        sector=sector,
        governorate=None,
        now=START,
    )
    return found.id


async def test_a_clashing_code_is_drawn_again(core: Core, monkeypatch: pytest.MonkeyPatch) -> None:
    codes = iter(["AAAAAA", "AAAAAA", "BBBBBB"])
    monkeypatch.setattr(rounds, "new_code", lambda: next(codes))
    async with core.db.transaction() as conn:
        first = await make_round(conn)
        second = await make_round(conn)
        assert (first.code, second.code) == ("AAAAAA", "BBBBBB")
        assert (await rounds.get_round_by_code(conn, "bbbbbb")) == second
        assert [q.key for q in await rounds.list_questions(conn, first.id)] == ["progress", None]


async def test_attendance_folds_organisation_spelling_and_counts_groups(core: Core) -> None:
    async with core.db.transaction() as conn:
        found = await make_round(conn)
        await rounds.open_round(conn, found.id, START)
        a = await person(conn, "1", "جمعية الشفافية", Sector.CSO)
        b = await person(conn, "2", "جمعية  الشفافية ", Sector.CSO)
        c = await person(conn, "3", None, Sector.INDIVIDUAL)
        for pid, group in ((a, 1), (b, 2), (c, 2)):
            await rounds.join_group(conn, found.id, pid, group, START)
        await rounds.join_group(conn, found.id, a, 2, START + timedelta(minutes=5))  # moved: still one member
        figures = await round_findings.attendance(conn, found.id)
    assert figures.total == 3 and figures.liaison_officers == 0
    assert [(x.label, x.count) for x in figures.organisations] == [("جمعية الشفافية", 2), (None, 1)]
    assert [(x.label, x.count) for x in figures.by_sector] == [("cso", 2), ("individual", 1)]
    assert [g.total for g in figures.groups] == [0, 3]


async def test_current_membership_is_the_newest_open_round(core: Core) -> None:
    async with core.db.transaction() as conn:
        older, newer = await make_round(conn, "الأولى"), await make_round(conn, "الثانية")
        pid = await person(conn, "1", None, Sector.CSO)
        assert await rounds.current_membership(conn, pid) is None
        for found in (older, newer):
            await rounds.open_round(conn, found.id, START)
        await rounds.join_group(conn, older.id, pid, 1, START)
        await rounds.join_group(conn, newer.id, pid, 2, START + timedelta(hours=1))
        current = await rounds.current_membership(conn, pid)
        assert current is not None and current[0].id == newer.id and current[1].commitment_id == 2
        await rounds.close_round(conn, newer.id, START)
        current = await rounds.current_membership(conn, pid)
        assert current is not None and current[0].id == older.id


async def test_rounds_due_gives_reminder_jobs_the_members(core: Core) -> None:
    async with core.db.transaction() as conn:
        soon = await make_round(conn, "قريبة", deadline_days=2)
        later = await make_round(conn, "بعيدة", deadline_days=9)
        draft = await make_round(conn, "مسودة", deadline_days=2)
        for found in (soon, later):
            await rounds.open_round(conn, found.id, START)
        quiet = await person(conn, "1", None, Sector.CSO)
        active = await person(conn, "2", None, Sector.CSO)
        gone = await person(conn, "3", None, Sector.CSO)
        await conn.execute(
            "INSERT INTO identities (channel, external_id, participant_id) VALUES ('whatsapp', '9627', ?)", (active,)
        )
        for pid in (quiet, active, gone):
            await rounds.join_group(conn, soon.id, pid, 1, START)
        await participants.mark_unreachable(conn, gone, START)
        await recommendations.add_recommendation(
            conn,
            participant_id=active,
            commitment_id=1,
            theme_id=None,
            text="نص التوصية هنا",
            channel="telegram",
            now=START,
            round_id=soon.id,
        )
        due = await rounds.rounds_due(conn, START, START + timedelta(days=3))
    assert [d.round.id for d in due] == [soon.id] and draft.state is rounds.RoundState.DRAFT
    members = [(m.participant_id, m.channel, m.contributions) for m in due[0].members]
    assert members == [(quiet, "telegram", 0), (active, "telegram", 1)]
