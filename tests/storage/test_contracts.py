"""Rules storage keeps by itself, whatever a handler checked first: endorsing, invitations and the inbox's order."""

from __future__ import annotations

from datetime import timedelta

import aiosqlite

from bot.core import Core
from storage import endorsements, inbox, participants, recommendations, roles
from storage.models import Recommendation, Role, Sector
from tests.support import START


async def _person(conn: aiosqlite.Connection, user: str) -> int:
    person = await participants.register(
        conn, "telegram", user, name=f"مشارك {user}", organisation=None, sector=Sector.CSO, governorate=None, now=START
    )
    return person.id


async def _commitment(conn: aiosqlite.Connection) -> int:
    [row] = await conn.execute_fetchall("SELECT id FROM commitments ORDER BY number LIMIT 1")
    return int(row[0])


async def _recommend(conn: aiosqlite.Connection, author: int | None, minutes: int = 0) -> Recommendation:
    return await recommendations.add_recommendation(
        conn,
        participant_id=author,
        commitment_id=await _commitment(conn),
        theme_id=None,
        text="نص توصية يكفي للاختبار",
        channel="telegram",
        now=START + timedelta(minutes=minutes),
    )


async def _endorsers(conn: aiosqlite.Connection) -> list[tuple[int, int]]:
    rows = await conn.execute_fetchall("SELECT recommendation_id, participant_id FROM endorsements ORDER BY 1, 2")
    return [(int(r[0]), int(r[1])) for r in rows]


async def test_storage_refuses_endorsing_ones_own_or_a_hidden_recommendation(core: Core) -> None:
    async with core.db.transaction() as conn:
        author, reader = await _person(conn, "1001"), await _person(conn, "1002")
        own_id, hidden_id, other_id = [(await _recommend(conn, author, n)).id for n in range(3)]
        await inbox.hide(conn, hidden_id, "خارج الموضوع")
        assert await endorsements.endorse(conn, own_id, author, START) is False
        assert await endorsements.endorse(conn, hidden_id, reader, START) is False
        assert await endorsements.endorse(conn, 999, reader, START) is False  # no such recommendation
        assert await endorsements.endorse(conn, other_id, reader, START) is True
        assert await endorsements.endorse(conn, other_id, reader, START) is False  # once per person
        assert await _endorsers(conn) == [(other_id, reader)]
        assert await endorsements.count_for(conn, other_id) == 1
        assert await endorsements.count_for(conn, own_id) == 0


async def test_an_anonymous_recommendation_may_be_endorsed(core: Core) -> None:
    async with core.db.transaction() as conn:
        reader = await _person(conn, "1002")
        imported = await _recommend(conn, None)  # from a meeting's minutes: nobody's own
        assert await endorsements.endorse(conn, imported.id, reader, START) is True
        assert await _endorsers(conn) == [(imported.id, reader)]


async def test_storage_refuses_an_expired_used_or_unknown_invitation(core: Core) -> None:
    expires = START + timedelta(days=7)
    async with core.db.transaction() as conn:
        maker_id, first_id, second_id = [await _person(conn, u) for u in ("9001", "1001", "1002")]
        for code in ("i_expired", "i_fresh"):
            await roles.create_invite(conn, code, Role.LIAISON, None, maker_id, START, expires)
        assert await roles.use_invite(conn, "i_expired", first_id, expires) is None  # expiring at this instant
        assert await roles.use_invite(conn, "i_missing", first_id, START) is None
        taken = await roles.use_invite(conn, "i_fresh", first_id, expires - timedelta(seconds=1))
        assert taken is not None and taken.used_by == first_id
        assert await roles.use_invite(conn, "i_fresh", second_id, START) is None  # single use
        expired, fresh = await roles.get_invite(conn, "i_expired"), await roles.get_invite(conn, "i_fresh")
    assert expired is not None and expired.used_by is None and expired.used_at is None
    assert fresh is not None and fresh.used_by == first_id and fresh.used_at == expires - timedelta(seconds=1)


async def test_a_withdrawn_invitation_cannot_be_used(core: Core) -> None:
    async with core.db.transaction() as conn:
        maker, taker = await _person(conn, "9001"), await _person(conn, "1001")
        await roles.create_invite(conn, "i_gone", Role.COORDINATOR, None, maker, START, START + timedelta(days=1))
        assert await roles.withdraw_invite(conn, "i_gone", START) is True
        assert await roles.use_invite(conn, "i_gone", taker, START) is None
        assert await roles.withdraw_invite(conn, "i_gone", START) is False  # already closed
        gone = await roles.get_invite(conn, "i_gone")
        assert await roles.open_invites(conn, START) == []
    assert gone is not None and gone.used_by is None and gone.expires_at == START


async def _answer(conn: aiosqlite.Connection, rec: Recommendation, state: str, response: str | None) -> None:
    await conn.execute("UPDATE recommendations SET state = ?, response = ? WHERE id = ?", (state, response, rec.id))


async def test_the_inbox_lists_waiting_first_oldest_first_hidden_last_merged_never(core: Core) -> None:
    async with core.db.transaction() as conn:
        author = await _person(conn, "1001")
        accepted = await _recommend(conn, author, 0)
        waiting = await _recommend(conn, author, 1)
        same_minute = await _recommend(conn, author, 1)  # the same time: the receipt number decides
        no_reason = await _recommend(conn, author, 2)  # "partly" without a written reason still waits
        hidden = await _recommend(conn, author, 3)
        later = await _recommend(conn, author, 4)
        refused = await _recommend(conn, author, 5)
        merged = await _recommend(conn, author, 6)
        await _answer(conn, accepted, "accepted", None)
        await _answer(conn, no_reason, "partly_accepted", "لا")
        await _answer(conn, refused, "not_accepted", "خارج نطاق خطة العمل الحالية")
        await inbox.hide(conn, hidden.id, "مكرر")
        await conn.execute("UPDATE recommendations SET merged_into = ? WHERE id = ?", (waiting.id, merged.id))
        commitments = [await _commitment(conn)]
        listed = [r.id for r in await inbox.page(conn, commitments, limit=10, offset=0)]
        second_page = [r.id for r in await inbox.page(conn, commitments, limit=3, offset=3)]
        counted = await inbox.counts(conn, commitments)
        elsewhere = await inbox.page(conn, [commitments[0] + 1], limit=10, offset=0)
    order = [waiting, same_minute, no_reason, later, accepted, refused, hidden]
    assert listed == [r.id for r in order]
    assert second_page == [r.id for r in order[3:6]]
    assert counted == (7, 4)  # merged not counted; hidden counted in all but never as waiting
    assert elsewhere == []
