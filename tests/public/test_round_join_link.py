"""A round's join link on the public site: only when a coordinator publishes it, and only while the round is open."""

from __future__ import annotations

import aiohttp

from bot.core import Core
from bot.public_site import site_config
from public.language import languages
from public.site import Site
from storage import rounds
from tests.loop_support import COORDINATOR, rows
from tests.public.pages import visible
from tests.public.world import ROUND_NAME, build_world, fetch, serving
from tests.support import ChatDriver, RecordingTransport


async def _pages(core: Core, site: Site, round_id: int) -> dict[str, bytes]:
    """Fetch both front pages and both pages of the round."""
    paths = ["", "en/", f"rounds/{round_id}/", f"en/rounds/{round_id}/"]
    async with serving(core, site) as (base, _), aiohttp.ClientSession() as session:
        return {p: (await fetch(session, f"{base}/{p}"))[1] for p in paths}


async def test_a_coordinator_publishes_the_join_link_of_an_open_round(
    core: Core, transport: RecordingTransport
) -> None:
    world = await build_world(core, transport)
    settings = core.settings.model_copy(update={"telegram_username": "@ogp_jo_bot"})
    site = Site(site_config(settings), languages(), now=core.clock.now)
    [stored] = await rows(core, "SELECT code, public_join FROM rounds WHERE id = ?", world.round_id)
    link = f"https://t.me/ogp_jo_bot?start=r_{stored['code']}".encode()
    assert stored["public_join"] == 0
    assert all(stored["code"].encode() not in body for body in (await _pages(core, site, world.round_id)).values())

    coord = ChatDriver(core, transport, user=COORDINATOR)
    await coord.command("round")
    await coord.press(ROUND_NAME)
    [card] = await coord.press("🌐 نشر رابط الانضمام على الموقع العام")
    assert "صار رابط الانضمام ورمز QR ظاهرَين على الموقع العام" in card.text
    assert "🌐 إيقاف نشر رابط الانضمام" in [c.label for c in card.choices]
    [stored] = await rows(core, "SELECT public_join FROM rounds WHERE id = ?", world.round_id)
    assert stored["public_join"] == 1
    pages = await _pages(core, site, world.round_id)
    for path, body in pages.items():
        assert link in body and body.count(b'<svg class="qr"') == 2, path  # the bot's QR and the round's
    assert "انضموا إلى هذه الجولة عبر البوت" in visible(pages[""]) and "Join this round in the bot" in visible(
        pages["en/"]
    )

    async with core.db.transaction() as conn:  # closed: the link joins nothing, so it is gone from the site
        await rounds.close_round(conn, world.round_id, core.clock.now())
    assert all(link not in body for body in (await _pages(core, site, world.round_id)).values())


async def test_no_join_link_without_the_bot_or_after_unpublishing(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    async with core.db.transaction() as conn:
        await rounds.set_public_join(conn, world.round_id, True)
    [stored] = await rows(core, "SELECT code FROM rounds WHERE id = ?", world.round_id)
    no_bot = Site(site_config(core.settings.model_copy(update={"telegram_username": None})), languages())
    assert all(stored["code"].encode() not in body for body in (await _pages(core, no_bot, world.round_id)).values())
    coord = ChatDriver(core, transport, user=COORDINATOR)
    await coord.command("round")
    await coord.press(ROUND_NAME)
    [card] = await coord.press("🌐 إيقاف نشر رابط الانضمام")
    assert "لم يعد رابط الانضمام ظاهراً على الموقع العام" in card.text
    [stored] = await rows(core, "SELECT public_join FROM rounds WHERE id = ?", world.round_id)
    assert stored["public_join"] == 0
