"""Nothing private reaches the public site: every page and file of a world full of private values is searched."""

from __future__ import annotations

import io
import zipfile

import aiohttp

from bot.core import Core
from storage.database import open_reader
from tests.loop_support import rows
from tests.public.world import (
    ANSWERED,
    APPROVED,
    FORGOTTEN_NAME,
    RESPONSE,
    ROUND_INPUT,
    SHOWN_NAME,
    SHOWN_ORG,
    TELEGRAM_IDS,
    build_world,
    fetch,
    serving,
    site_for,
)
from tests.support import ChatDriver, RecordingTransport, texts


def _readable(path: str, body: bytes) -> str:
    """Return the text a person or program reads from a page or file (a .docx's XML, unzipped)."""
    if path.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))
    return body.decode("utf-8-sig")


async def test_no_page_or_file_carries_private_data(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    conn = await open_reader(core.settings.database)
    try:
        paths = await site_for(core).paths(conn)
    finally:
        await conn.close()
    assert f"rounds/{world.round_id}/report.docx" in paths and f"rounds/{world.draft_round_id}/" not in paths
    english = [p for p in paths if p.startswith("en/")]  # the same pages in English, the feed and the data card too
    assert {"en/", "en/commitments/4/", "en/open-data/", "en/open-data/updates.atom"} <= set(english)
    assert f"en/rounds/{world.round_id}/report.docx" in english
    seen: dict[str, str] = {}
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        strays = [f"rounds/{world.draft_round_id}/", f"en/rounds/{world.draft_round_id}/", "commitments/99/"]
        for path in [*paths, *strays, "nothing-here", "en/nothing-here"]:
            status, body, _headers = await fetch(session, f"{base}/{path}")
            assert status in (200, 404), (path, status)
            seen[path] = _readable(path, body)
    leaks = [(path, secret) for path, text in seen.items() for secret in world.secrets if secret in text]
    assert not leaks, leaks
    everything = "\n".join(seen.values())
    # What must be public is: the answered and the approved input, the response, the named author, the round.
    for expected in (ANSWERED, APPROVED, RESPONSE, SHOWN_NAME, SHOWN_ORG, ROUND_INPUT):
        assert expected in everything, expected
    assert ANSWERED in seen["commitments/4/"] and ROUND_INPUT in seen[f"rounds/{world.round_id}/report.docx"]
    assert ANSWERED in seen["en/commitments/4/"] and ROUND_INPUT in seen[f"en/rounds/{world.round_id}/report.docx"]
    assert SHOWN_ORG in seen[f"rounds/{world.round_id}/report.docx"]  # named organisations only


async def test_the_stored_world_does_hold_the_secrets(core: Core, transport: RecordingTransport) -> None:
    """A leak test is only as good as its world: every secret is really in the database (the forgotten person aside)."""
    world = await build_world(core, transport)
    async with core.db.transaction() as conn:
        dump = "\n".join([line async for line in conn.iterdump()])
    missing = [secret for secret in world.secrets if secret not in dump]
    assert missing == [FORGOTTEN_NAME, TELEGRAM_IDS[2]]  # /forget erased their name and chat id, as it should


def _unpacked(body: bytes) -> bytes:
    """Return a zip's files' bytes one after another (an evidence pack, a report), each XML part unzipped too."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        parts = [archive.read(name) for name in archive.namelist()]
    return b"\n".join(_unpacked(part) if part[:2] == b"PK" else part for part in parts)


async def _pack(coord: ChatDriver) -> bytes:
    sent = await coord.press_data("ev:all")
    return _unpacked(next(r.document.data for r in sent if r.document is not None))


def _snapshot_bytes(core: Core) -> bytes:
    folder = core.settings.snapshot_folder
    return b"\n".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def _found(secrets: list[str], body: bytes) -> list[str]:
    return [secret for secret in secrets if secret.encode() in body]


async def test_snapshots_and_the_evidence_pack_hold_only_the_published_view_before_and_after_forget(
    core: Core, transport: RecordingTransport
) -> None:
    world = await build_world(core, transport)
    coord = ChatDriver(core, transport, user="9001", name="منى المنسقة")
    assert "أُخذت لقطة جديدة" in texts(await coord.press_data("ev:snap"))
    snapshot, pack = _snapshot_bytes(core), await _pack(coord)
    assert ANSWERED.encode() in snapshot and SHOWN_NAME.encode() in snapshot  # the published view, named by consent
    assert _found(world.secrets, snapshot) == [] and _found(world.secrets, pack) == []
    await world.shown.command("forget")
    await world.shown.press("prv:mode:keep")
    await world.shown.press("prv:yes:keep")
    forgotten = [SHOWN_NAME, SHOWN_ORG, *world.secrets]
    assert _found(forgotten, _snapshot_bytes(core)) == []  # the stored snapshot was rewritten
    assert ANSWERED.encode() in _snapshot_bytes(core) and APPROVED.encode() in _snapshot_bytes(core)
    assert _found(forgotten, await _pack(coord)) == []
    [row] = await rows(core, "SELECT COUNT(*) AS n FROM document_jobs")
    assert row["n"] == 0
