"""The similar-input lookup (the rarest terms asked of the index) finds what scoring every row would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import recommendations, search, similar_pairs
from storage.database import open_database
from storage.textnorm import terms

PAIRS = Path(__file__).parent.parent / "data" / "similar_pairs.tsv"


def best(draft: str, stored: dict[int, str]) -> list[float]:
    """Return the three best scores of the draft against every stored text, at the threshold or above."""
    mine = set(terms(draft))
    scores = sorted((search.resemblance(mine, set(terms(t))) for t in stored.values()), reverse=True)
    return [round(s, 6) for s in scores if s >= search.SIMILAR_AT][:3]


async def test_the_lookup_finds_the_labelled_sets_alike_texts(tmp_path: Path) -> None:
    pairs = similar_pairs.load(PAIRS)
    db = await open_database(tmp_path / "db.sqlite3")
    try:
        await load_plan(db, DEFAULT_PLAN)
        stored: dict[int, str] = {}
        async with db.transaction() as conn:
            for n, (_, _, _, text) in enumerate(pairs):
                now = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=n)
                rec = await recommendations.add_recommendation(
                    conn, participant_id=None, commitment_id=1, theme_id=None, text=text, channel="terminal", now=now
                )
                stored[rec.id] = text
        async with db.reader() as conn:
            found = {a: [round(s.score, 6) for s in await search.similar(conn, 1, a)] for _, _, a, _ in pairs}
            indexed = await conn.execute_fetchall("SELECT COUNT(*) FROM recommendation_terms WHERE commitment = 'c1'")
    finally:
        await db.close()
    agree = sum(1 for draft, scores in found.items() if scores == best(draft, stored))
    assert agree >= 0.95 * len(found), (agree, len(found))
    assert sum(1 for scores in found.values() if scores) >= 0.7 * len(found)
    assert [tuple(r) for r in indexed] == [(len(stored),)]


def made_up(n: int) -> str:
    """Return a distinct made-up Arabic word for n."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمن"
    return "".join(letters[int(d)] for d in f"{n:04d}") + letters[n % len(letters)]


async def test_rows_sharing_one_term_are_not_ranked(tmp_path: Path) -> None:
    draft = "نشر محاضر اجتماعات اللجنة التوجيهية على الموقع الإلكتروني"
    mine = sorted(set(terms(draft)))
    db = await open_database(tmp_path / "db.sqlite3")
    try:
        await load_plan(db, DEFAULT_PLAN)
        async with db.transaction() as conn:
            now = datetime(2026, 11, 1, tzinfo=UTC)
            for n in range(140):  # other ideas, each with one of the draft's words
                text = " ".join([mine[n % len(mine)], *(made_up(n * 4 + k) for k in range(4))])
                await recommendations.add_recommendation(
                    conn, participant_id=None, commitment_id=1, theme_id=None, text=text, channel="terminal", now=now
                )
            alike: dict[int, int] = {}
            for commitment in (2, 1):
                rec = await recommendations.add_recommendation(
                    conn,
                    participant_id=None,
                    commitment_id=commitment,
                    theme_id=None,
                    text="إتاحة محاضر اجتماعات اللجنه التوجيهيه للعموم على الموقع",
                    channel="terminal",
                    now=now,
                )
                alike[commitment] = rec.id
        async with db.reader() as conn:
            found = [s.recommendation.id for s in await search.similar(conn, 1, draft)]
            query = await search.lookup_query(conn, 1, set(mine))
            ranked = await conn.execute_fetchall(
                "SELECT rowid FROM recommendation_terms WHERE recommendation_terms MATCH ?", (query,)
            )
            indexed = await conn.execute_fetchall("SELECT commitment, COUNT(*) FROM recommendation_terms GROUP BY 1")
    finally:
        await db.close()
    assert found == [alike[1]]
    assert [r[0] for r in ranked] == [alike[1]]  # the index hands only the alike row to bm25, not the 140
    assert sorted(tuple(r) for r in indexed) == [("c1", 141), ("c2", 1)]
