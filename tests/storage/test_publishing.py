"""What is published: answered, approved or (immediate) everything visible; hidden never; names only with consent."""

from __future__ import annotations

from itertools import product

from bot.core import Core
from storage import answers, participants, publishing, recommendations
from storage.models import RecommendationState, Sector
from storage.publishing import PublishMode
from tests.loop_support import recommend, registered, rows
from tests.support import START, RecordingTransport


async def test_answered_is_a_decision(core: Core) -> None:
    decided = {s for s in RecommendationState if answers.answered_state(s)}
    assert decided == {
        RecommendationState.ACCEPTED,
        RecommendationState.PARTLY_ACCEPTED,
        RecommendationState.NOT_ACCEPTED,
        RecommendationState.IMPLEMENTED,
    }
    for state in RecommendationState:  # the SQL predicate and the Python helper agree
        assert (f"'{state.value}'" in answers.ANSWERED_SQL) == answers.answered_state(state)


async def test_approving_waiting_input_per_commitment_and_all(core: Core, transport: RecordingTransport) -> None:
    coord = await registered(core, transport, "9001", "منى")
    author = await registered(core, transport, "1001", "سلمى")
    first = await recommend(author, 1, "توصية على الالتزام الأول بانتظار الموافقة")
    second = await recommend(author, 2, "توصية على الالتزام الثاني بانتظار الموافقة")
    hidden = await recommend(author, 2, "توصية مخفية لا تنشر أبداً مهما حدث")
    async with core.db.transaction() as conn:
        await conn.execute("UPDATE recommendations SET hidden = 1 WHERE id = ?", (hidden,))
        [c1] = [r[0] for r in await conn.execute_fetchall("SELECT id FROM commitments WHERE number = 1")]
        assert await publishing.count_waiting(conn) == 2 and await publishing.count_waiting(conn, c1) == 1
        assert await publishing.approve_waiting(conn, 1, core.clock.now(), commitment_id=c1) == 1
        assert await publishing.approve_waiting(conn, 1, core.clock.now()) == 1
        assert await publishing.approve_waiting(conn, 1, core.clock.now()) == 0
        saved = [await recommendations.get_recommendation(conn, n) for n in (first, second, hidden)]
    assert [r is not None and publishing.is_published(r, PublishMode.APPROVED) for r in saved] == [True, True, False]
    assert [r is not None and publishing.is_published(r, PublishMode.IMMEDIATE) for r in saved] == [True, True, False]
    stored = await rows(core, "SELECT id, approved_at, approved_by FROM recommendations ORDER BY id")
    assert [(r["approved_at"] is not None, r["approved_by"]) for r in stored] == [(True, 1), (True, 1), (False, None)]
    del coord


async def test_show_name_is_asked_once_and_defaults_to_no(core: Core, transport: RecordingTransport) -> None:
    await registered(core, transport, "1001", "سلمى")
    async with core.db.transaction() as conn:
        assert await publishing.get_show_name(conn, 1) is None  # not asked yet: treated as no
        await publishing.set_show_name(conn, 1, True)
        assert await publishing.get_show_name(conn, 1) is True
        await publishing.set_show_name(conn, 1, False)
        assert await publishing.get_show_name(conn, 1) is False
    assert await rows(core, "SELECT show_name FROM participants") == [{"show_name": 0}]


async def test_every_change_the_site_shows_bumps_the_data_version(core: Core, transport: RecordingTransport) -> None:
    from storage.public import data_version

    async def version() -> int:
        async with core.db.transaction() as conn:
            return await data_version(conn)

    start = await version()
    author = await registered(core, transport, "1001", "سلمى")
    registered_at = await version()
    await recommend(author, 1, "توصية تغيّر ما تعرضه الصفحات العامة")
    recommended = await version()
    await author.command("my")  # a read touches last_seen_at only: nothing public changed
    assert start == registered_at < recommended == await version()  # a new person shows only through input


async def test_the_sql_rule_and_the_python_rule_agree_on_every_combination(
    core: Core, transport: RecordingTransport
) -> None:
    """One rule decides what is public: PUBLISHED_SQL (site, open data, snapshots, browsing) and is_published agree."""
    author = await registered(core, transport, "1001", "سلمى")
    made = [await recommend(author, 1, f"توصية رقم {n} لتجربة قاعدة النشر كلها") for n in range(16)]
    async with core.db.transaction() as conn:
        for n, rec_id in enumerate(made):  # every combination of hidden, approved, answered and a state
            state = RecommendationState.ACCEPTED if n & 4 else RecommendationState.RECEIVED
            await conn.execute(
                "UPDATE recommendations SET hidden = ?, approved_at = ?, state = ?, response = ? WHERE id = ?",
                (n & 1, "2026-01-01T00:00:00+00:00" if n & 2 else None, state.value, "رد" if n & 8 else None, rec_id),
            )
        for mode in PublishMode:
            sql = f"SELECT r.id FROM recommendations r WHERE {publishing.PUBLISHED_SQL} ORDER BY r.id"  # noqa: S608
            by_sql = [r[0] for r in await conn.execute_fetchall(sql, {"immediate": publishing.immediate(mode)})]
            saved = [await recommendations.get_recommendation(conn, n) for n in made]
            by_python = [r.id for r in saved if r is not None and publishing.is_published(r, mode)]
            assert by_sql == by_python, mode
            assert 0 < len(by_sql) < len(made)


async def test_the_sql_rule_and_the_python_rule_agree_on_every_state_and_reason_length(core: Core) -> None:
    """Every state, hidden or not, approved or not, with no reason, one character short, just enough, or padded."""
    responses = (None, "ت" * 9, "ت" * 10, "  " + "ت" * 9 + "  ")  # spaces do not count towards a reason
    cases = list(product(RecommendationState, (0, 1), (None, "2026-01-01T00:00:00+00:00"), responses))
    async with core.db.transaction() as conn:
        author = await participants.register(
            conn, "telegram", "1001", name="سلمى", organisation=None, sector=Sector.CSO, governorate=None, now=START
        )
        [commitment] = await conn.execute_fetchall("SELECT id FROM commitments ORDER BY number LIMIT 1")
        made = []
        for state, hidden, approved, response in cases:
            rec = await recommendations.add_recommendation(
                conn,
                participant_id=author.id,
                commitment_id=commitment[0],
                theme_id=None,
                text="توصية لتجربة قاعدة النشر",
                channel="telegram",
                now=START,
            )
            await conn.execute(
                "UPDATE recommendations SET state = ?, hidden = ?, approved_at = ?, response = ? WHERE id = ?",
                (state.value, hidden, approved, response, rec.id),
            )
            made.append(rec.id)
        saved = [await recommendations.get_recommendation(conn, n) for n in made]
        sql = f"SELECT r.id FROM recommendations r WHERE {publishing.PUBLISHED_SQL} ORDER BY r.id"  # noqa: S608
        for mode in PublishMode:
            by_sql = [r[0] for r in await conn.execute_fetchall(sql, {"immediate": publishing.immediate(mode)})]
            by_python = [r.id for r in saved if r is not None and publishing.is_published(r, mode)]
            assert by_sql == by_python, mode
    answered = {r.id for r in saved if r is not None and answers.is_answered(r)}
    by_case = dict(zip(made, cases, strict=True))
    assert {by_case[n][0] for n in answered} == set(answers.ANSWERED_STATES)
    assert all(by_case[n][3] == "ت" * 10 for n in answered if by_case[n][0] in answers.REASON_REQUIRED)
