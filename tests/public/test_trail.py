"""The answer trail: every answer its own dated entry, earlier entries never rewritten, a page per recommendation."""

from __future__ import annotations

import itertools
import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import aiohttp

from bot.clock import FakeClock
from bot.core import Core
from storage import answers, publishing
from storage.models import RecommendationState
from tests.loop_support import recommend, registered
from tests.public.pages import visible
from tests.public.world import ANSWERED, RESPONSE, build_world, fetch, serving
from tests.support import RecordingTransport

ATOM = "{http://www.w3.org/2005/Atom}"
FIRST_CHANGE = "اعتمدناها كاملة بعد المراجعة QZCHANGE1"
SECOND_CHANGE = "نُفّذت في الربع الثالث QZCHANGE2"


def _entries(body: bytes) -> dict[str, str]:
    """Return updates.json's entries by id, each as the exact bytes the file holds (compact JSON)."""
    found = json.loads(body)["updates"]
    raw = body.decode("utf-8")
    exact = {}
    for item in found:
        text = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
        assert text in raw  # the file is compact JSON: each entry is this substring
        exact[item["id"]] = text
    return exact


def _atom_entries(body: bytes) -> dict[str, bytes]:
    root = ET.fromstring(body)  # noqa: S314 - our own feed
    return {e.findtext(f"{ATOM}id") or "": ET.tostring(e) for e in root.iter(f"{ATOM}entry")}


async def _change(core: Core, rec_id: int, state: RecommendationState, response: str) -> None:
    async with core.db.transaction() as conn:
        await answers.record_answer(conn, rec_id, state, response, 1, core.clock.now())


async def _files(session: aiohttp.ClientSession, base: str) -> tuple[bytes, bytes, bytes]:
    found = [
        (await fetch(session, f"{base}/{path}"))[1]
        for path in ("open-data/updates.json", "open-data/updates.atom", "en/open-data/updates.atom")
    ]
    return found[0], found[1], found[2]


async def test_a_changed_answer_is_a_new_entry_and_every_earlier_byte_stays(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    world = await build_world(core, transport)
    rec = world.answered_id
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        history = [await _files(session, base)]
        clock.advance(timedelta(days=30))
        await _change(core, rec, RecommendationState.ACCEPTED, FIRST_CHANGE)
        history.append(await _files(session, base))
        clock.advance(timedelta(days=60))
        await _change(core, rec, RecommendationState.IMPLEMENTED, SECOND_CHANGE)
        history.append(await _files(session, base))
        status, page, _ = await fetch(session, f"{base}/recommendations/{rec}/")
        en_status, en_page, _ = await fetch(session, f"{base}/en/recommendations/{rec}/")

    for before, after in itertools.pairwise(history):
        old, new = _entries(before[0]), _entries(after[0])
        assert {k: new.get(k) for k in old} == old  # every earlier entry, byte for byte
        assert len(new) == len(old) + 1
        for feed in (1, 2):
            old_atom, new_atom = _atom_entries(before[feed]), _atom_entries(after[feed])
            assert {k: new_atom.get(k) for k in old_atom} == old_atom
            assert len(new_atom) == len(old_atom) + 1
    trail = [json.loads(e) for k, e in _entries(history[-1][0]).items() if k.startswith(f"response-{rec}-")]
    assert [(e["id"], e["state"], e["response"]) for e in trail] == [
        (f"response-{rec}-1", "partly_accepted", RESPONSE),
        (f"response-{rec}-2", "accepted", FIRST_CHANGE),
        (f"response-{rec}-3", "implemented", SECOND_CHANGE),
    ]
    assert [e["answer"] for e in trail] == [1, 2, 3] and len({e["date"] for e in trail}) == 3
    assert all(e["page"] == f"recommendations/{rec}/" for e in trail)
    # What a reader sees: the whole history on the recommendation's page, each answer with its state and date.
    assert status == 200 and en_status == 200
    text = visible(page)
    assert ANSWERED in text and RESPONSE in text and FIRST_CHANGE in text and SECOND_CHANGE in text
    assert text.index(RESPONSE) < text.index(FIRST_CHANGE) < text.index(SECOND_CHANGE)
    assert "الرد رقم 3" in text and "تغيّر الرد" in text and "نُفّذت" in text
    assert "Answer 3" in visible(en_page) and "Implemented" in visible(en_page)
    # What was stored: three answers, none rewritten.
    async with core.db.reader() as conn:
        stored = await answers.history(conn, rec)
    assert [(a.state, a.response) for a in stored] == [
        (RecommendationState.PARTLY_ACCEPTED, RESPONSE),
        (RecommendationState.ACCEPTED, FIRST_CHANGE),
        (RecommendationState.IMPLEMENTED, SECOND_CHANGE),
    ]


async def test_feed_entries_link_to_the_recommendation_and_name_an_author(
    core: Core, transport: RecordingTransport
) -> None:
    world = await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, atom, _ = await fetch(session, f"{base}/en/open-data/updates.atom")
        status, page, _ = await fetch(session, f"{base}/commitments/4/")
    root = ET.fromstring(atom)  # noqa: S314 - our own feed
    assert root.findtext(f"{ATOM}author/{ATOM}name")  # RFC 4287 4.1.1: a feed without entry authors names one
    links = [
        str(e.find(f"{ATOM}link").get("href"))  # type: ignore[union-attr]
        for e in root.iter(f"{ATOM}entry")
        if (e.findtext(f"{ATOM}id") or "") and "Response" in (e.findtext(f"{ATOM}title") or "")
    ]
    assert links and all(link.endswith(f"en/recommendations/{world.answered_id}/") for link in links)
    assert status == 200 and f'href="../../recommendations/{world.answered_id}/"' in page.decode()


async def test_only_published_recommendations_have_a_page(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        for rec in (world.unpublished_id, world.hidden_id, 99999):
            status, body, _ = await fetch(session, f"{base}/recommendations/{rec}/")
            assert status == 404, rec
            assert "QZUNPUBLISHED" not in body.decode() and "QZHIDDENTEXT" not in body.decode()
        status, _, headers = await fetch(session, f"{base}/recommendations/{world.approved_id}")
        assert status == 301 and headers["Location"] == f"/recommendations/{world.approved_id}/"


async def test_a_journalist_answers_from_the_open_data_alone(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    """ "What did the government do with the public's recommendations on commitment 3, and did it ever change its
    answer?" — from updates.json and recommendations.json, nothing else."""
    people = [await registered(core, transport, str(2000 + n), f"مشارك {n}") for n in range(3)]
    ids = [await recommend(people[n % 3], 3, f"توصية رقم {n} على الالتزام الثالث") for n in range(4)]
    other = await recommend(people[0], 2, "توصية على التزام آخر")
    clock.advance(timedelta(days=10))
    await _change(core, ids[0], RecommendationState.ACCEPTED, "سنعتمدها")
    await _change(core, ids[1], RecommendationState.NOT_ACCEPTED, "خارج صلاحيات الوزارة")
    await _change(core, other, RecommendationState.ACCEPTED, "نعم")
    clock.advance(timedelta(days=90))
    await _change(core, ids[0], RecommendationState.PARTLY_ACCEPTED, "اعتمدنا جزءاً لضيق الموازنة")
    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, 1, clock.now())  # ids[2] and ids[3] published unanswered
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        recs = json.loads((await fetch(session, f"{base}/open-data/recommendations.json"))[1])["recommendations"]
        log = json.loads((await fetch(session, f"{base}/open-data/updates.json"))[1])["updates"]

    on_three = {r["id"]: r for r in recs if r["commitment_number"] == 3}
    trail: dict[int, list[dict[str, object]]] = {}
    for entry in log:
        if entry["tag"] == "response" and entry["recommendation"] in on_three:
            trail.setdefault(entry["recommendation"], []).append(entry)
    what_now = {rid: r["state"] for rid, r in on_three.items()}
    changed = {rid: [e["state"] for e in t] for rid, t in trail.items() if len({e["state"] for e in t}) > 1}
    assert what_now == {
        ids[0]: "partly_accepted",
        ids[1]: "not_accepted",
        ids[2]: "new",
        ids[3]: "new",
    }
    assert changed == {ids[0]: ["accepted", "partly_accepted"]}  # yes: once, from adopted to partly adopted
    first, second = trail[ids[0]]
    assert str(first["date"]) < str(second["date"]) and second["response"] == "اعتمدنا جزءاً لضيق الموازنة"
    assert other not in trail
