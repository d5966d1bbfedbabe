"""The public site and files: officers' evidence at stable addresses; a participant's recording or attachment never,
even once the recommendation is published (it is shown by its length and transcript)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import quote

import aiohttp

from bot.core import Core
from bot.public_site import mount_public_site, site
from bot.web import WebServer
from public.publish import publish
from storage import publishing
from tests import media
from tests.loop_support import coordinator, officer, registered, rows
from tests.public.pages import visible
from tests.public.world import fetch
from tests.support import RecordingTransport

TRANSCRIPT = "نطلب نشر جداول صيانة المدارس قبل بداية العام الدراسي"


async def _world(core: Core, transport: RecordingTransport) -> dict[str, bytes]:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 4)
    author = await registered(core, transport, "1001", "سلمى")
    await author.command("recommend", "4")
    await author.press("محور آخر")
    voice, photo, evidence = media.ogg_opus(102), media.png(), media.pdf("minutes")
    await author.send_voice(voice)
    await author.send_file("صورة المدرسة.png", photo, "image/png", kind="photo")
    await author.press("✅ إرسال")
    [rec] = await rows(core, "SELECT id FROM recommendations")
    await officer_chat.press_data(f"inbox:tr:{rec['id']}:0")
    await officer_chat.send(TRANSCRIPT)
    await officer_chat.command("update")
    await officer_chat.press("upd:l:limited")
    await officer_chat.press("upd:p:25")
    await officer_chat.press("upd:skip")
    await officer_chat.send_file("محضر اللجنة.pdf", evidence, "application/pdf")
    await officer_chat.press("upd:skip")
    await officer_chat.press("upd:ok")
    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, 1, core.clock.now())
    return {"voice": voice, "photo": photo, "evidence": evidence}


async def test_evidence_is_served_and_participants_files_are_not(core: Core, transport: RecordingTransport) -> None:
    made = await _world(core, transport)
    digest = {k: hashlib.sha256(v).hexdigest() for k, v in made.items()}
    server = WebServer("127.0.0.1", 0)
    live = await mount_public_site(server, core)
    assert live is not None
    await server.start()
    try:
        async with aiohttp.ClientSession() as session:
            status, body, _ = await fetch(session, f"{server.url}/commitments/4/")
            assert status == 200
            text = visible(body)
            assert "🎧 تسجيل صوتي (1:42)" in text and "لا يُنشر التسجيل نفسه" in text and TRANSCRIPT in text
            link = f"files/{digest['evidence']}/{quote('محضر اللجنة.pdf', safe='')}"
            assert link.encode() in body and "محضر اللجنة.pdf" in text
            assert digest["voice"].encode() not in body and digest["photo"].encode() not in body
            status, served, headers = await fetch(session, f"{server.url}/{link}")
            assert status == 200 and served == made["evidence"]
            assert headers["Content-Type"] == "application/pdf" and "sandbox" in headers["Content-Security-Policy"]
            assert headers["X-Content-Type-Options"] == "nosniff" and headers["Content-Disposition"].startswith(
                "inline"
            )
            again, _, _ = await fetch(session, f"{server.url}/{link}", **{"If-None-Match": headers["ETag"]})
            assert again == 304
            for private in (digest["voice"], digest["photo"], "0" * 64, "not-a-digest"):
                status, _, _ = await fetch(session, f"{server.url}/files/{private}/x.ogg")
                assert status == 404, private
            _, recs, _ = await fetch(session, f"{server.url}/open-data/recommendations.json")
            [rec] = json.loads(recs)["recommendations"]
            assert rec["voice_seconds"] == 102 and rec["text"] == TRANSCRIPT
            _, updates, _ = await fetch(session, f"{server.url}/open-data/updates.json")
            [progress] = [u for u in json.loads(updates)["updates"] if u["tag"] == "progress"]
            assert progress["evidence_files"] == [link]
    finally:
        await server.stop()
        await live.close()


async def test_the_static_copy_carries_the_evidence_files(
    core: Core, transport: RecordingTransport, tmp_path: Path
) -> None:
    made = await _world(core, transport)
    out = tmp_path / "site"
    await publish(core.settings.database, out, site(core.settings, static=True), core.receiver.store)
    digest = hashlib.sha256(made["evidence"]).hexdigest()
    assert (out / "files" / digest / "محضر اللجنة.pdf").read_bytes() == made["evidence"]
    assert not (out / "files" / hashlib.sha256(made["voice"]).hexdigest()).exists()
