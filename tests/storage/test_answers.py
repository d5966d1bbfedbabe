"""storage.answers: the one rule, and a database from before migration 009 brought into it."""

from __future__ import annotations

from pathlib import Path

import aiosqlite
import pytest

from storage.answers import ANSWERED_SQL, answered, answered_state, missing_reason, needs_reason
from storage.database import migrate, migration_files
from storage.models import RecommendationState as S

NOW = "2026-11-29T07:00:00.000000+00:00"


@pytest.mark.parametrize(
    ("state", "response", "expected"),
    [
        (S.NEW, None, False),
        (S.RECEIVED, "وصلت", False),
        (S.UNDER_STUDY, "ندرسها", False),
        (S.ACCEPTED, None, True),
        (S.IMPLEMENTED, None, True),
        (S.PARTLY_ACCEPTED, "لا تكفي الموارد هذا العام", True),
        (S.PARTLY_ACCEPTED, "نعم", False),  # a bare yes gives no reason
        (S.PARTLY_ACCEPTED, None, False),
        (S.NOT_ACCEPTED, "  ", False),
        (S.NOT_ACCEPTED, "ليس من اختصاص الوزارة", True),
        (S.NOT_ACCEPTED, "سبب", False),
    ],
)
def test_the_rule(state: S, response: str | None, expected: bool) -> None:
    assert answered(state, response) is expected
    assert missing_reason(state, response) is (needs_reason(state) and not expected)
    assert (f"'{state.value}'" in ANSWERED_SQL) == answered_state(state)  # the SQL names exactly the decisions


async def test_migration_009_keeps_the_answers_given_before_as_their_history(tmp_path: Path) -> None:
    conn = await aiosqlite.connect(str(tmp_path / "old.sqlite3"), isolation_level=None)
    conn.row_factory = aiosqlite.Row
    try:
        for number, sql in migration_files():
            if number < 9:
                await conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        await conn.executescript(
            """
            INSERT INTO plans VALUES ('p', 'JO', 4, 'خ', 'p', 'و', '2018-09-01', '2020-06-30', NULL, 1);
            INSERT INTO commitments (id, plan_id, number, ogp_id, title_ar, title_en, lead_agency_ar, lead_agency_en,
                                     start_date, end_date)
            VALUES (1, 'p', 1, 'JO0059', 'عنوان', 'title', 'جهة', 'agency', '2018-09-01', '2020-06-30');
            INSERT INTO participants (id, name, created_at, last_seen_at) VALUES (1, 'سلمى', '{NOW}', '{NOW}');
            INSERT INTO recommendations (id, participant_id, commitment_id, text, state, response, responded_by,
                                         responded_at, channel, created_at)
            VALUES (1, 1, 1, 'نص', 'accepted', 'سنعمل بها', 1, '{NOW}', 'telegram', '{NOW}'),
                   (2, 1, 1, 'نص', 'not_accepted', NULL, NULL, NULL, 'telegram', '{NOW}');
            INSERT INTO outbox (id, channel, recipient, kind, dedupe_key, payload, not_before, created_at)
            VALUES (7, 'telegram', '1', 'notification', 'answer:1:{NOW}', '{}', '{NOW}', '{NOW}');
            """.replace("{NOW}", NOW)
        )
        assert await migrate(conn) == len(migration_files())
        history = [dict(r) for r in await conn.execute_fetchall("SELECT * FROM recommendation_answers")]
    finally:
        await conn.close()
    assert [(h["recommendation_id"], h["state"], h["response"], h["outbox_id"]) for h in history] == [
        (1, "accepted", "سنعمل بها", 7)
    ]
