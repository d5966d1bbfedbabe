"""Open-data plumbing through the real server: CORS, gzip, one time offset, served snapshots with checksums, a
Frictionless data package, a DCAT record; and every link of the live site and of the static copy answers."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

import aiohttp
import frictionless

from bot.core import Core
from bot.public_site import mount_public_site, site
from bot.snapshots import SnapshotKeeper
from bot.web import WebServer
from public.publish import publish
from storage.files import FileStore
from tests.public.test_files_public import _world as evidence_world
from tests.public.world import build_world, fetch
from tests.support import RecordingTransport

_IDENTITY = {"Accept-Encoding": "identity"}
_TIME = re.compile(r'"(\d{4}-\d{2}-\d{2}T[^"]+)"')


class _Links(HTMLParser):
    """Every href and src of a page (a, link, img)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value and tag in ("a", "link", "img"):
                self.found.append(value)


def _links(body: bytes) -> list[str]:
    parser = _Links()
    parser.feed(body.decode("utf-8"))
    return parser.found


@asynccontextmanager
async def _live(core: Core) -> AsyncIterator[str]:
    server = WebServer("127.0.0.1", 0)
    live = await mount_public_site(server, core)
    assert live is not None
    await server.start()
    try:
        yield server.url
    finally:
        await server.stop()
        await live.close()


async def _snapshot(core: Core) -> str:
    keeper = SnapshotKeeper(
        core.db, site(core.settings), root=core.settings.snapshot_folder, months=6, zone=core.settings.zone
    )
    return (await keeper.take(core.clock.now())).folder


async def test_open_data_headers_times_snapshots_and_catalogues(core: Core, transport: RecordingTransport) -> None:
    await build_world(core, transport)
    folder = await _snapshot(core)
    amman = ZoneInfo("Asia/Amman")
    async with _live(core) as base, aiohttp.ClientSession(auto_decompress=False, headers=_IDENTITY) as raw:
        status, body, headers = await fetch(raw, f"{base}/open-data/updates.json", **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Access-Control-Allow-Origin"] == "*"
        plain = gzip.decompress(body)
        _, page, page_headers = await fetch(raw, f"{base}/en/", **{"Accept-Encoding": "gzip"})
        assert page_headers["Content-Encoding"] == "gzip" and "Access-Control-Allow-Origin" not in page_headers
        assert b"<html" in gzip.decompress(page)
        _, same, identity = await fetch(raw, f"{base}/open-data/updates.json", **{"Accept-Encoding": "identity"})
        assert same == plain and "Content-Encoding" not in identity
        for name in ("commitments.json", "recommendations.json", "meetings.json", "updates.json"):
            _, data, _ = await fetch(raw, f"{base}/open-data/{name}")
            for stamp in _TIME.findall(data.decode("utf-8")):
                moment = datetime.fromisoformat(stamp)
                assert moment.utcoffset() == moment.astimezone(amman).utcoffset(), (name, stamp)
        _, listing, _ = await fetch(raw, f"{base}/open-data/snapshots/")
        _, en_listing, _ = await fetch(raw, f"{base}/en/open-data/snapshots/")
        _, sums, _ = await fetch(raw, f"{base}/open-data/snapshots/SHA256SUMS")
        _, card, _ = await fetch(raw, f"{base}/en/open-data/")
        _, held, held_headers = await fetch(raw, f"{base}/open-data/snapshots/{folder}/updates.json")
        missing = [
            (await fetch(raw, f"{base}/open-data/snapshots/{path}"))[0]
            for path in (f"{folder}/bot.db", "2001-01-01-0000/updates.json", f"{folder}/%2E%2E/x.json")
        ]
        _, dcat_body, _ = await fetch(raw, f"{base}/open-data/dcat.jsonld")
        downloads = [
            d["dcat:downloadURL"]["@id"] for d in json.loads(dcat_body)["dcat:dataset"][0]["dcat:distribution"]
        ]
        statuses = [(await fetch(raw, f"{base}/{url}"))[0] for url in downloads]
    # What a reader sees: each file of the snapshot with its checksum, which matches the bytes served.
    digest = hashlib.sha256(held).hexdigest()
    on_disk = (core.settings.snapshot_folder / folder / "updates.json").read_bytes()
    assert held == on_disk and held_headers["Access-Control-Allow-Origin"] == "*"
    assert digest.encode() in listing and digest.encode() in en_listing and folder.encode() in listing
    assert f"{digest}  {folder}/updates.json\n".encode() in sums
    assert missing == [404, 404, 404]
    assert b"Asia/Amman" in card and b"append-only" in card and b"datapackage.json" in card
    assert statuses == [200] * len(downloads) and len(downloads) == 6


async def test_every_link_of_the_live_site_and_the_static_copy_answers(
    core: Core, transport: RecordingTransport, tmp_path: Path
) -> None:
    await evidence_world(core, transport)
    await build_world_light(core)
    folder = await _snapshot(core)
    out = tmp_path / "static"
    await publish(core.settings.database, out, site(core.settings, static=True), FileStore(core.settings.files_folder))
    # The static copy: every local link of every page names a file that was written.
    pages = list(out.rglob("*.html"))
    checked = 0
    for page in pages:
        for href in _links(page.read_bytes()):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("#"):
                continue
            assert (page.parent / unquote(parts.path)).resolve().is_file(), (page.relative_to(out), href)
            checked += 1
    assert checked > 100
    assert (out / "open-data" / "snapshots" / folder / "recommendations.json").is_file()
    assert any((out / "files").rglob("*.pdf"))
    report = frictionless.validate(out / "open-data" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((out / "open-data" / "datapackage.json").read_bytes())
    assert {r["path"] for r in package["resources"]} == {
        "commitments.json",
        "updates.json",
        "recommendations.json",
        "recommendations.csv",
        "meetings.json",
        "updates.atom",
    }
    # The live site: from both front pages, every link found answers 200 (redirects followed once).
    async with _live(core) as base, aiohttp.ClientSession() as session:
        seen: dict[str, int] = {}
        queue = [f"{base}/", f"{base}/en/"]
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            async with session.get(url) as response:
                seen[url] = response.status
                body = await response.read()
                html = response.content_type == "text/html"
            if html and response.status == 200:
                for href in _links(body):
                    target = urljoin(url, href).split("#")[0]
                    if target.startswith(base) and target not in seen:
                        queue.append(target)
    assert {u: s for u, s in seen.items() if s != 200} == {}
    assert len(seen) > 30
    assert any("/recommendations/" in u for u in seen) and any("/files/" in u for u in seen)
    assert any(f"/open-data/snapshots/{folder}/" in u for u in seen)


async def build_world_light(core: Core) -> None:
    """Publish what the evidence world left waiting (its recommendations get pages)."""
    from storage import publishing

    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, 1, core.clock.now())
