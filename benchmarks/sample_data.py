"""Plausible input at any size: participants across sectors and governorates, recommendations in every state."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import aiosqlite

from storage import catalogue
from storage.models import GOVERNORATES, Commitment, RecommendationState, Sector
from storage.timefmt import to_db

# Bulk inserts for generated data only; the bot itself writes through storage/.
_PARTICIPANT = """
INSERT INTO participants (id, name, organisation, sector, governorate, consent_at, created_at, last_seen_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
_RECOMMENDATION = """
INSERT INTO recommendations (id, participant_id, commitment_id, theme_id, text, state, response, responded_by,
                             responded_at, hidden, channel, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_MAX_IDS = "SELECT (SELECT COALESCE(MAX(id), 0) FROM participants), (SELECT COALESCE(MAX(id), 0) FROM recommendations)"
_ENDORSEMENT = "INSERT OR IGNORE INTO endorsements (recommendation_id, participant_id, created_at) VALUES (?, ?, ?)"

TEXTS = (
    "العمل على توضيح المعلومات المطلوبة في نموذج الحصول على التمويل بشكل تفصيلي أكثر",
    "أن تكون هناك مدد قابلة للتتبع في حال التأخر في الرد من قبل بعض الوزارات المعنية",
    "تفعيل الرقابة اللاحقة وليس المسبقة",
    "فتح باب الحوار والتشاور مع مؤسسات المجتمع المدني ومأسسة الحوار",
    "ضرورة الاستمرار في تنفيذ البرنامج التدريبي للمؤسسات الحكومية",
    "إطلاق حملة توعوية تستهدف المواطنين والقطاع العام جنباً إلى جنب مع أنشطة المشروع",
    "التركيز على تصنيف البيانات وتحديث إجراءات وسياسة التصنيف",
    "تطوير آلية تلقي الشكاوى في المحافظات البعيدة",
    "إصدار تقارير دورية لبيان فاعلية مكتب استقبال الشكاوى",
    "تعميم بروتوكولات حق الحصول على المعلومات على مؤسسات الدولة",
)
SECTOR_WEIGHTS = {
    Sector.CSO: 50,
    Sector.GOVERNMENT: 20,
    Sector.ACADEMIA: 10,
    Sector.PRIVATE: 8,
    Sector.MEDIA: 6,
    Sector.INDIVIDUAL: 6,
}
STATE_WEIGHTS = {
    RecommendationState.NEW: 30,
    RecommendationState.RECEIVED: 15,
    RecommendationState.UNDER_STUDY: 15,
    RecommendationState.ACCEPTED: 15,
    RecommendationState.PARTLY_ACCEPTED: 10,
    RecommendationState.NOT_ACCEPTED: 8,
    RecommendationState.IMPLEMENTED: 7,
}
_BATCH = 5_000


async def populate(
    conn: aiosqlite.Connection, *, participants: int, recommendations: int, now: datetime, seed: int = 9
) -> None:
    """Add generated participants, recommendations (some answered, some hidden) and endorsements."""
    rng = random.Random(seed)
    start = now - timedelta(days=180)
    async with conn.execute(_MAX_IDS) as cursor:
        row = await cursor.fetchone()
    first_person, first_rec = (row[0] + 1, row[1] + 1) if row else (1, 1)
    people = []
    for pid in range(first_person, first_person + participants):
        sector = rng.choices(list(SECTOR_WEIGHTS), weights=list(SECTOR_WEIGHTS.values()))[0]
        joined = to_db(start + timedelta(minutes=rng.randrange(180 * 24 * 60)))
        governorate = rng.choices(GOVERNORATES, weights=[40, 12, 10, 6, 4, 4, 2, 2, 3, 6, 3, 2])[0]
        people.append(
            (pid, f"مشارك {pid}", f"جمعية رقم {pid % 500}", sector.value, governorate, joined, joined, joined)
        )
    await conn.executemany(_PARTICIPANT, people)
    commitments = await catalogue.list_commitments(conn)
    themes = {c.id: [t.id for t in await catalogue.list_themes(conn, c.id)] for c in commitments}
    batch: list[tuple[object, ...]] = []
    for rid in range(first_rec, first_rec + recommendations):
        batch.append(
            _recommendation(rng, rid, (first_person, first_person + participants - 1), commitments, themes, start)
        )
        if len(batch) == _BATCH:
            await conn.executemany(_RECOMMENDATION, batch)
            batch = []
    await conn.executemany(_RECOMMENDATION, batch)
    stamp = to_db(now)
    last_rec, last_person = first_rec + recommendations - 1, first_person + participants - 1
    endorsements = [
        (rng.randint(first_rec, last_rec), rng.randint(first_person, last_person), stamp)
        for _ in range(recommendations)
    ]
    await conn.executemany(_ENDORSEMENT, endorsements)


def _recommendation(
    rng: random.Random,
    rid: int,
    people: tuple[int, int],
    commitments: list[Commitment],
    themes: dict[int, list[int]],
    start: datetime,
) -> tuple[object, ...]:
    commitment = rng.choices(commitments, weights=[30, 25, 10, 20, 15][: len(commitments)] or None)[0]
    theme = rng.choice([*themes[commitment.id], None]) if themes[commitment.id] else None
    created = start + timedelta(minutes=rng.randrange(170 * 24 * 60))
    state = rng.choices(list(STATE_WEIGHTS), weights=list(STATE_WEIGHTS.values()))[0]
    answered = state not in (RecommendationState.NEW, RecommendationState.RECEIVED)
    responded_at = (
        to_db(created + timedelta(hours=rng.expovariate(1 / (24 * 6 * commitment.number)))) if answered else None
    )
    response = "شكراً لمساهمتك، تمت دراسة التوصية مع الجهة المنفذة" if answered else None
    text = f"{rng.choice(TEXTS)} ({rid})"
    hidden = 1 if rng.random() < 0.01 else 0
    responder = rng.randint(*people) if answered else None
    return (
        rid,
        rng.randint(*people),
        commitment.id,
        theme,
        text,
        state.value,
        response,
        responder,
        responded_at,
        hidden,
        rng.choice(("telegram", "telegram", "whatsapp")),
        to_db(created),
    )
