"""Consent is informed: the notice says before consent what the site and open data publish, and the files keep it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields

import aiohttp

from bot.core import Core
from messages_ar import load_messages
from public import data
from storage.public import AUTHOR_ALWAYS, AUTHOR_GROUP, AUTHOR_IF_NAMED, PublicAuthor
from tests.loop_support import coordinator, recommend, rows
from tests.public.world import fetch, serving
from tests.support import ChatDriver, RecordingTransport, texts

TEXT = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"
CONSENTED = (
    "SELECT p.id FROM participants p JOIN identities i ON i.participant_id = p.id"
    " WHERE i.external_id = ? AND p.consent_at IS NOT NULL"
)
AUTHOR_COLUMNS = tuple(f"author_{field}" for field in (*AUTHOR_ALWAYS, *AUTHOR_IF_NAMED, *AUTHOR_GROUP))


def test_the_declared_author_details_are_the_ones_the_files_carry() -> None:
    people = tuple(f.name for f in fields(PublicAuthor) if f.name not in (*AUTHOR_GROUP, "at_table"))
    assert people == (*AUTHOR_ALWAYS, *AUTHOR_IF_NAMED)  # the group's number and table count describe no person
    recommendations = next(f for f in data.files() if f.name == "recommendations.json")
    for columns in (data.csv_columns(), recommendations.fields):
        assert tuple(c for c in columns if c.startswith("author_")) == AUTHOR_COLUMNS
    other_files = [f for f in data.files() if not f.name.startswith("recommendations")]
    assert not [f.name for f in other_files if any(c.startswith("author") for c in f.fields)]


async def _until_consent(chat: ChatDriver, app: str | None = None) -> str:
    """Register up to the consent question, the app reporting its language as Telegram does."""
    await chat.command("start", language=app)
    await chat.send("هدى العبادي" if chat.user == "2002" else "سلمى الخطيب", language=app)
    await chat.send("جمعية الرقابة المدنية" if chat.user == "2002" else "جمعية الشفافية", language=app)
    await chat.press("reg:sector:cso", language=app)
    return texts(await chat.press("reg:gov:amman", language=app))


async def test_the_notice_says_before_consent_what_becomes_public(core: Core, transport: RecordingTransport) -> None:
    for language, user in (("ar", "1001"), ("en", "1002")):
        chat = ChatDriver(core, transport, user=user)
        notice = await _until_consent(chat, language)
        words = load_messages(language)
        assert await rows(core, CONSENTED, user) == []  # nothing is stored before consent
        assert core.settings.public_licence in notice  # CC BY 4.0, as the files' heads say
        for field in (*AUTHOR_ALWAYS, *AUTHOR_IF_NAMED):
            assert words.t(f"disclose-author-{field}") in notice, (language, field)
        never = words.t("disclose-public", when="", licence="", always="", named="").split("\n")[-1]
        assert never.strip() and never.strip() in notice
        assert ("لا تُنشر" not in notice) and ("without your name" not in notice)  # the old, untrue promise is gone
        registered = texts(await chat.press("reg:consent:yes", language=language))
        question = words.t("name-ask", when=words.t("name-when-answered"))  # as the notice above said
        assert question in registered  # the show-name question comes with consent, not after the first receipt
        privacy = texts(await chat.command("privacy", language=language))
        for field in (*AUTHOR_ALWAYS, *AUTHOR_IF_NAMED):
            assert words.t(f"disclose-author-{field}") in privacy
        assert core.settings.public_licence in privacy and never.strip() in privacy


async def test_the_published_files_keep_the_notices_promise(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    salma, huda = ChatDriver(core, transport, user="1001"), ChatDriver(core, transport, user="2002")
    for chat, show in ((salma, "name:no"), (huda, "name:yes")):
        await _until_consent(chat)
        await chat.press("reg:consent:yes")
        await chat.press(show)
    await recommend(salma, 2, TEXT)
    await recommend(huda, 3, TEXT + " كاملة")
    await coord.command("publish")
    await coord.press("🌐")
    await coord.press("✅ نعم، انشر")
    stored = await rows(core, "SELECT name, show_name FROM participants WHERE name IN ('سلمى الخطيب', 'هدى العبادي')")
    assert {r["name"]: r["show_name"] for r in stored} == {"سلمى الخطيب": 0, "هدى العبادي": 1}
    bodies = {}
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        for f in data.files():
            status, body, _ = await fetch(session, f"{base}/open-data/{f.name}")
            assert status == 200
            bodies[f.name] = body.decode("utf-8-sig")
    records = json.loads(bodies["recommendations.json"])["recommendations"]
    table = list(csv.DictReader(io.StringIO(bodies["recommendations.csv"])))
    assert len(records) == len(table) == 2
    by_text = {r["text"]: r for r in records}
    unnamed, named = by_text[TEXT], by_text[TEXT + " كاملة"]
    # At most sector and governorate, and only when five unnamed authors share them (one here: neither).
    assert (unnamed["author_sector"], unnamed["author_governorate"]) == (None, None)
    assert unnamed["author_name"] is None and unnamed["author_organisation"] is None  # public only if agreed
    assert (named["author_name"], named["author_organisation"]) == ("هدى العبادي", "جمعية الرقابة المدنية")
    assert json.loads(bodies["recommendations.json"])["licence"] == core.settings.public_licence
    everything = "\n".join(bodies.values())
    for never in ("سلمى الخطيب", "جمعية الشفافية", "1001", "2002", coord.user):  # name unless agreed; accounts
        assert never not in everything, never
