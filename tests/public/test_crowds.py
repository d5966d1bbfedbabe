"""No re-identification: an unnamed author is shown only by what at least five unnamed published authors share."""

from __future__ import annotations

import json
from collections import Counter

import aiohttp
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import Core
from storage import publishing
from storage.models import Sector
from storage.public import CROWD, crowds_of
from tests.loop_support import recommend, rows
from tests.public.pages import visible
from tests.public.world import fetch, serving
from tests.support import ChatDriver, RecordingTransport

_SECTORS = [s.value for s in Sector]
_GOVERNORATES = ["amman", "irbid", "ajloun", "karak", None]
_people = st.lists(st.tuples(st.sampled_from(_SECTORS), st.sampled_from(_GOVERNORATES)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_people)
def test_every_shown_description_is_shared_by_a_crowd(people: list[tuple[str, str | None]]) -> None:
    crowds = crowds_of(people)
    pairs, sectors = Counter(people), Counter(s for s, _ in people)
    for sector, governorate in people:
        author = crowds.author(sector, governorate, None, None)
        assert author.name is None and author.organisation is None
        if author.governorate is not None:
            assert author.sector is not None and pairs[(sector, governorate)] >= CROWD
        elif author.sector is not None:
            assert sectors[sector] >= CROWD and (governorate is None or pairs[(sector, governorate)] < CROWD)
        else:
            assert sectors[sector] < CROWD
        assert author.sector is None or author.sector.value == sector


def test_a_named_author_is_shown_as_they_agreed() -> None:
    author = crowds_of([]).author("media", "ajloun", "سلمى", "جريدة")
    assert (author.name, author.organisation, author.governorate) == ("سلمى", "جريدة", "ajloun")


async def _person(core: Core, transport: RecordingTransport, user: str, sector: str, governorate: str) -> ChatDriver:
    chat = ChatDriver(core, transport, user=user, name=f"شخص {user}")
    await chat.command("start")
    await chat.send(f"شخص {user}")
    await chat.send("جهة")
    await chat.press(f"reg:sector:{sector}")
    await chat.press(f"reg:gov:{governorate}")
    await chat.press("reg:consent:yes")
    return chat


async def test_a_small_group_is_shown_coarser_on_pages_and_in_files(core: Core, transport: RecordingTransport) -> None:
    people = [("cso", "amman")] * 5 + [("media", "irbid")] * 4 + [("media", "ajloun")] + [("academia", "karak")]
    for n, (sector, governorate) in enumerate(people):
        chat = await _person(core, transport, str(8800 + n), sector, governorate)
        await recommend(chat, 1, f"توصية رقم {n} QZCROWD{n}")
    async with core.db.transaction() as conn:
        for participant in await conn.execute_fetchall("SELECT id FROM participants"):
            await publishing.approve_waiting(conn, participant[0], core.clock.now())
    stored = await rows(core, "SELECT sector, governorate FROM participants WHERE name LIKE 'شخص %' ORDER BY id")
    assert [(r["sector"], r["governorate"]) for r in stored] == people
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, body, _ = await fetch(session, f"{base}/open-data/recommendations.json")
        _, page, _ = await fetch(session, f"{base}/en/commitments/1/")
        _, card, _ = await fetch(session, f"{base}/en/open-data/")
    recs = json.loads(body)["recommendations"]
    shown = {r["text"].split()[-1]: (r["author_sector"], r["author_governorate"]) for r in recs}
    assert [shown[f"QZCROWD{n}"] for n in range(len(people))] == (
        [("cso", "amman")] * 5 + [("media", None)] * 5 + [(None, None)]
    )
    text = visible(page)
    assert "Ajloun" not in text and "Irbid" not in text and "Karak" not in text and "Academia" not in text
    assert text.count("From: Civil society, Amman") == 5 and text.count("From: Media") == 5
    assert text.count("From: a participant") == 1
    assert "by sector and governorate where at least 5 unnamed authors of published recommendations" in visible(card)
