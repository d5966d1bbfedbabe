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


async def test_endorsement_counts_per_commitment_and_per_person(core: Core) -> None:
    async with core.db.transaction() as conn:
        author, reader, other = [await _person(conn, u) for u in ("1001", "1002", "1003")]
        first, second, hidden = [(await _recommend(conn, author, n)).id for n in range(3)]
        commitment = await _commitment(conn)
        assert await endorsements.count_for_commitment(conn, commitment) == 0
        for rec_id, person in ((first, reader), (second, reader), (first, other), (hidden, other)):
            await endorsements.endorse(conn, rec_id, person, START)
        await inbox.hide(conn, hidden, "مكرر")  # endorsed before it was hidden: no longer counted
        assert await endorsements.count_for_commitment(conn, commitment) == 3
        assert await endorsements.count_for_commitment(conn, commitment + 1) == 0
        assert await endorsements.endorsed_by(conn, reader, commitment) == {first, second}
        assert await endorsements.endorsed_by(conn, other, commitment) == {first, hidden}
        assert await endorsements.endorsed_by(conn, author, commitment) == set()
        assert len(await _endorsers(conn)) == 4


async def test_hiding_returns_the_row_and_an_unknown_one_is_none(core: Core) -> None:
    async with core.db.transaction() as conn:
        rec = await _recommend(conn, await _person(conn, "1001"))
        hidden = await inbox.hide(conn, rec.id, "مسيء")
        assert hidden is not None and hidden.hidden and hidden.hidden_reason == "مسيء"
        shown = await inbox.unhide(conn, rec.id)
        assert shown is not None and not shown.hidden and shown.hidden_reason is None
        assert await inbox.hide(conn, 999, "مسيء") is None and await inbox.unhide(conn, 999) is None
        assert await roles.get_invite(conn, "i_unknown") is None
        stored = await recommendations.get_recommendation(conn, rec.id)
    assert stored is not None and not stored.hidden


async def test_the_inbox_spans_every_commitment_it_is_given(core: Core) -> None:
    async with core.db.transaction() as conn:
        author = await _person(conn, "1001")
        ids = [int(r[0]) for r in await conn.execute_fetchall("SELECT id FROM commitments ORDER BY number LIMIT 3")]
        made = []
        for minutes, commitment in enumerate(ids):
            made.append(
                await recommendations.add_recommendation(
                    conn,
                    participant_id=author,
                    commitment_id=commitment,
                    theme_id=None,
                    text="نص توصية يكفي للاختبار",
                    channel="telegram",
                    now=START + timedelta(minutes=minutes),
                )
            )
        listed = [r.id for r in await inbox.page(conn, ids[:2], limit=10, offset=0)]
        assert await inbox.counts(conn, ids[:2]) == (2, 2)
        assert await inbox.counts(conn, []) == (0, 0)
    assert listed == [made[0].id, made[1].id]


async def test_granting_says_whether_it_changed_anything_and_a_coordinator_has_no_commitment(core: Core) -> None:
    async with core.db.transaction() as conn:
        person, other = await _person(conn, "1001"), await _person(conn, "1002")
        commitment = await _commitment(conn)
        assert await roles.coordinates(conn, person, frozenset()) is False
        assert await roles.grant(conn, person, Role.COORDINATOR, commitment, None, START) is True
        assert await roles.grant(conn, person, Role.COORDINATOR, None, None, START) is False  # held already
        assert await roles.coordinates(conn, person, frozenset()) is True
        assert await roles.coordinates(conn, other, frozenset({"telegram:1002"})) is True  # named in the settings
        assert await roles.coordinates(conn, other, frozenset({"telegram:9999"})) is False
        await roles.create_invite(conn, "i_open", Role.LIAISON, commitment, person, START, START + timedelta(days=1))
        [waiting] = await roles.open_invites(conn, START)
        held = await conn.execute_fetchall("SELECT role, commitment_id FROM roles WHERE participant_id = ?", (person,))
    assert waiting.code == "i_open" and waiting.creator_name == "مشارك 1001" and waiting.commitment_id == commitment
    assert [tuple(r) for r in held] == [("coordinator", None)]
