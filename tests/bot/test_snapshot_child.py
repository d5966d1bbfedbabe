"""The open data's snapshot is rendered in the document worker's child process, with the same bytes as here."""

from __future__ import annotations

from pathlib import Path

from bot.core import Core
from bot.public_site import site
from bot.snapshots import SnapshotKeeper
from public.snapshot import FILES
from storage import snapshots
from tests.public.world import ANSWERED, SHOWN_NAME, build_world
from tests.support import RecordingTransport


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


async def test_a_snapshot_rendered_by_the_child_is_the_one_rendered_here(
    core: Core, transport: RecordingTransport, tmp_path: Path
) -> None:
    await build_world(core, transport)
    spawned = []
    render = core.documents.site_files

    async def counted(config, paths):  # type: ignore[no-untyped-def]
        spawned.append(paths)
        return await render(config, paths)

    zone = core.settings.zone
    child = SnapshotKeeper(core.db, site(core.settings), root=tmp_path / "child", render=counted, months=6, zone=zone)
    here = SnapshotKeeper(core.db, site(core.settings), root=tmp_path / "here", months=6, zone=zone)
    taken = await child.take(core.clock.now())
    await here.take(core.clock.now())
    assert spawned == [[f"open-data/{name}" for name in FILES]]
    made = _files(tmp_path / "child" / taken.folder)
    assert made == _files(tmp_path / "here" / taken.folder) and sorted(made) == sorted(FILES)
    assert ANSWERED.encode() in made["recommendations.json"] and SHOWN_NAME.encode() in made["recommendations.json"]
    async with core.db.reader() as conn:
        stored = await snapshots.list_snapshots(conn)
    assert [s.folder for s in stored] == [taken.folder, taken.folder] and stored[0].recommendations == stored[
        1
    ].recommendations == 3
    assert stored[0].names() == sorted(FILES)


async def test_the_bot_renders_its_snapshots_in_the_child(core: Core) -> None:
    assert core.documents.in_process["snapshot"].__self__.render == core.documents.site_files  # type: ignore[attr-defined]
