"""After /forget, or a declined registration, nothing of the person is left in the database file or its WAL."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import Core
from storage import search, textnorm
from tests.loop_support import coordinator, invite_code, recommend, rows
from tests.support import ChatDriver, RecordingTransport, texts

NAME = "ياسمينة قطرنجي"
ORGANISATION = "جمعية الزنبق الأزرق للشفافية"
CHAT = "7391046285"
PROFILE = "ياسمينة من تلغرام"
REC = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"


def traces(core: Core, *needles: str) -> dict[str, list[str]]:
    """Return which needles (UTF-8) appear in the database file and in its WAL."""
    found: dict[str, list[str]] = {}
    for suffix in ("", "-wal"):
        path = Path(f"{core.db.path}{suffix}")
        data = path.read_bytes() if path.exists() else b""
        found[path.name] = [n for n in needles if n.encode() in data]
    return found


def clean(core: Core, *needles: str) -> dict[str, list[str]]:
    return {name: [] for name in traces(core, *needles)}


async def a_full_life(core: Core, transport: RecordingTransport) -> ChatDriver:
    """Register, be invited as an officer, recommend, be listed by /team and named in an export."""
    coord = await coordinator(core, transport)
    person = ChatDriver(core, transport, user=CHAT, name=PROFILE)
    await person.register(name=NAME, organisation=ORGANISATION)
    code = await invite_code(coord, "ضابط ارتباط للالتزام 2")
    assert "أصبحت الآن" in texts(await person.command("start", code))  # the inviter is told, by name
    await recommend(person, 2, REC)
    assert NAME in texts(await coord.command("team"))
    await coord.command("export")
    await coord.press("exp:f:json")
    [export] = await coord.press("exp:s:all")
    assert export.document is not None and NAME.encode() in export.document.data
    assert ORGANISATION.encode() in export.document.data
    assert traces(core, NAME, ORGANISATION, CHAT) != clean(core, NAME, ORGANISATION, CHAT)  # the test can see
    return person


@pytest.mark.parametrize("mode", ["keep", "delete"])
async def test_forget_leaves_no_name_organisation_or_chat_id_in_the_file(
    core: Core, transport: RecordingTransport, mode: str
) -> None:
    person = await a_full_life(core, transport)
    await person.command("forget")
    await person.press(f"prv:mode:{mode}")
    farewell = texts(await person.press(f"prv:yes:{mode}"))
    assert "محونا بياناتك الشخصية" in farewell  # the last message still reached them
    assert traces(core, NAME, ORGANISATION, CHAT, PROFILE) == clean(core, NAME, ORGANISATION, CHAT, PROFILE)
    kept = await rows(core, "SELECT COUNT(*) AS n FROM recommendations WHERE text = ?", REC)
    assert kept == [{"n": 1 if mode == "keep" else 0}]
    assert await rows(core, "SELECT COUNT(*) AS n FROM pending_erasures") == [{"n": 0}]


async def test_declining_consent_leaves_nothing(core: Core, transport: RecordingTransport) -> None:
    person = ChatDriver(core, transport, user=CHAT, name=PROFILE)
    await person.command("start")
    await person.send(NAME)
    await person.send(ORGANISATION)
    await person.press("reg:sector:cso")
    await person.press("reg:gov:amman")
    declined = texts(await person.press("reg:consent:no"))
    assert "لم نحفظ" in declined
    assert traces(core, NAME, ORGANISATION, CHAT, PROFILE) == clean(core, NAME, ORGANISATION, CHAT, PROFILE)
    assert await rows(core, "SELECT COUNT(*) AS n FROM sessions") == [{"n": 0}]


async def test_forget_in_the_middle_of_registration_leaves_nothing(core: Core, transport: RecordingTransport) -> None:
    person = ChatDriver(core, transport, user=CHAT, name=PROFILE)
    await person.command("start")
    await person.send(NAME)
    await person.send(ORGANISATION)
    answer = texts(await person.command("forget"))
    assert "لا نحتفظ بأي بيانات شخصية عنك" in answer  # and now it is true
    assert traces(core, NAME, ORGANISATION, CHAT, PROFILE) == clean(core, NAME, ORGANISATION, CHAT, PROFILE)


async def test_registering_again_after_forget_works(core: Core, transport: RecordingTransport) -> None:
    person = await a_full_life(core, transport)
    await person.command("forget")
    await person.press("prv:mode:keep")
    await person.press("prv:yes:keep")
    await person.register(name="اسم جديد", organisation="جهة جديدة")
    assert "اسم جديد" in texts(await person.command("start"))
    assert await rows(core, "SELECT COUNT(*) AS n FROM identities WHERE external_id = ?", CHAT) == [{"n": 1}]


async def test_forget_takes_the_text_out_of_the_search_index(core: Core, transport: RecordingTransport) -> None:
    person = await a_full_life(core, transport)
    terms = textnorm.indexed(REC)
    async with core.db.transaction() as conn:
        assert (await search.find(conn, "محاضر اللجنة", commitments=None, limit=5, offset=0))[0] == 1
    assert traces(core, terms) != clean(core, terms)  # the index holds the normalised copy
    await person.command("forget")
    await person.press("prv:mode:delete")
    await person.press("prv:yes:delete")
    async with core.db.transaction() as conn:
        assert await search.find(conn, "محاضر اللجنة", commitments=None, limit=5, offset=0) == (0, [])
        assert await search.similar(conn, 2, REC) == []
    assert traces(core, terms) == clean(core, terms)
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendation_terms") == [{"n": 0}]
