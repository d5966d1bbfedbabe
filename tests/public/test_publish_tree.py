"""`ogp-bot publish` writes a whole new tree and swaps it in: no stale page survives, every link of the copy works."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from bot.cli import main
from bot.core import Core
from bot.public_site import site_config
from public.language import languages
from public.publish import publish
from public.site import Site
from storage import inbox, publishing
from tests.loop_support import recommend, rows
from tests.public.test_files_public import _world as evidence_world
from tests.public.world import ANSWERED, SHOWN_NAME, SHOWN_ORG, WHATSAPP_PHONE, build_world
from tests.support import RecordingTransport


class _Targets(HTMLParser):
    """Collects every href and src of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value]


def _broken_links(out: Path) -> list[tuple[str, str]]:
    broken = []
    for page in out.rglob("*.html"):
        parser = _Targets()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.found:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("#"):
                continue  # other sites and anchors on the same page
            if not (page.parent / unquote(parts.path)).resolve().is_file():
                broken.append((page.relative_to(out).as_posix(), link))
    return broken


def _cli(core: Core, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, out: Path) -> int:
    monkeypatch.setenv("OGP_DATABASE", str(core.settings.database))
    monkeypatch.chdir(tmp_path)  # no developer's .env
    return main(["publish", "--output", str(out)])


async def test_every_link_of_the_static_copy_works_evidence_files_included(
    core: Core, transport: RecordingTransport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = await evidence_world(core, transport)
    out = tmp_path / "site"
    assert await asyncio.to_thread(_cli, core, monkeypatch, tmp_path, out) == 0
    digest = hashlib.sha256(made["evidence"]).hexdigest()
    assert (out / "files" / digest / "محضر اللجنة.pdf").read_bytes() == made["evidence"]
    assert _broken_links(out) == []
    [stored] = await rows(core, "SELECT name FROM files WHERE sha256 = ?", digest)
    assert stored["name"] == "محضر اللجنة.pdf"


def _hidden_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _bytes_of(tree: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(tree.rglob("*")) if p.is_file())


async def test_publishing_again_leaves_no_trace_of_what_is_no_longer_published(
    core: Core, transport: RecordingTransport, tmp_path: Path
) -> None:
    world = await build_world(core, transport)
    await recommend(world.shown, 4, "نقترح جدولاً زمنياً معلناً للمنصة")
    [coord] = await rows(core, "SELECT participant_id FROM identities WHERE external_id = '9001'")
    async with core.db.transaction() as conn:  # commitment 4: pages of one, several
        await publishing.approve_waiting(conn, coord["participant_id"], core.clock.now())
    small = Site(dataclasses.replace(site_config(core.settings), page_size=1), languages(), static=True)
    out = tmp_path / "site"
    await publish(core.settings.database, out, small)
    before = _bytes_of(out)
    last = max((out / "commitments/4/page").iterdir(), key=lambda p: int(p.name)).relative_to(out)
    assert ANSWERED.encode() in (out / last / "index.html").read_bytes()  # the oldest, on the last page
    assert ANSWERED.encode() in before and SHOWN_NAME.encode() in before
    [shown] = await rows(core, "SELECT participant_id FROM identities WHERE external_id = ?", WHATSAPP_PHONE)
    async with core.db.transaction() as conn:
        await inbox.hide(conn, world.answered_id, "spam")
        await publishing.set_show_name(conn, shown["participant_id"], False)
    written = await publish(core.settings.database, out, small)
    tree = _bytes_of(out)
    assert not (out / last).exists()
    for gone in (ANSWERED, SHOWN_NAME, SHOWN_ORG):
        assert gone.encode() not in tree, gone
    assert written == sum(1 for p in out.rglob("*") if p.is_file())
    assert _hidden_names(tmp_path) == []  # no temporary tree left beside it
    [kept] = await rows(core, "SELECT text, hidden FROM recommendations WHERE id = ?", world.answered_id)
    assert kept["text"] == ANSWERED and kept["hidden"] == 1  # hidden, not lost


async def test_publish_refuses_a_file_or_a_folder_of_other_things(
    core: Core,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"years of work")
    for output in (a_file, folder):
        assert await asyncio.to_thread(_cli, core, monkeypatch, tmp_path, output) == 2
        [line] = capsys.readouterr().out.splitlines()
        assert line.startswith("error: ") and str(output) in line
    assert a_file.read_text() == "mine" and (folder / "thesis.docx").read_bytes() == b"years of work"
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]
