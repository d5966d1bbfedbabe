"""`ogp-bot publish --output DIR` writes the same pages and files as a static site whose relative links work."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.cli import main
from bot.core import Core
from tests.public.pages import outline
from tests.public.world import ANSWERED, SHOWN_NAME, build_world
from tests.support import RecordingTransport


def _local_links(page: Path) -> list[tuple[str, Path]]:
    found = []
    for href in outline(page.read_bytes()).links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#"):
            continue  # other sites (the licence) and anchors on the same page
        found.append((href, (page.parent / parts.path).resolve()))
    return found


async def test_publish_writes_a_static_site_with_working_links(
    core: Core,
    transport: RecordingTransport,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    world = await build_world(core, transport)
    out = tmp_path / "site"
    monkeypatch.setenv("OGP_DATABASE", str(core.settings.database))
    monkeypatch.setenv("OGP_PUBLIC_BASE_URL", "https://ogp.example.jo/tracker")
    monkeypatch.chdir(tmp_path)  # no developer's .env
    assert await asyncio.to_thread(main, ["publish", "--output", str(out)]) == 0
    printed = capsys.readouterr().out
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert f"wrote {len(files)} files to {out}" in printed
    for expected in (
        "index.html",
        "commitments/4/index.html",
        "open-data/index.html",
        "assets/site.css",
        "open-data/recommendations.csv",
        "open-data/updates.atom",
        f"rounds/{world.round_id}/report.docx",
        "open-data/schemas/recommendations.schema.json",
    ):
        assert expected in files, expected
    for page in out.rglob("*.html"):
        for href, target in _local_links(page):
            assert target.is_file(), (page.relative_to(out), href)
            assert href.endswith(
                ("index.html", ".css", ".json", ".jsonld", ".csv", ".atom", ".docx", ".txt", "SUMS")
            ), href
    front = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="commitments/4/index.html"' in front and 'href="assets/site.css"' in front
    assert '<link rel="canonical" href="https://ogp.example.jo/tracker/">' in front
    four = (out / "commitments/4/index.html").read_text(encoding="utf-8")
    assert ANSWERED in four and 'href="../../assets/site.css"' in four
    meetings = json.loads((out / "open-data/meetings.json").read_text(encoding="utf-8"))["meetings"]
    assert meetings[0]["report"] == f"https://ogp.example.jo/tracker/rounds/{world.round_id}/report.docx"
    assert SHOWN_NAME in (out / "open-data/recommendations.json").read_text(encoding="utf-8")
    base = "https://ogp.example.jo/tracker/"
    entries = json.loads((out / "open-data/updates.json").read_text(encoding="utf-8"))["updates"]
    assert [e["page"] for e in entries if e["tag"] == "response"] == [f"{base}recommendations/{world.answered_id}/"]
    assert (out / f"recommendations/{world.answered_id}/index.html").is_file()
