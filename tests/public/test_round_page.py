"""A round's public page: what we heard, what we did — each published input with where it stands and the answer."""

from __future__ import annotations

import aiohttp

from bot.core import Core
from tests.loop_support import rows
from tests.public.pages import outline, visible
from tests.public.world import ANSWERED, RESPONSE, ROUND_INPUT, UNPUBLISHED, build_world, fetch, serving
from tests.support import RecordingTransport


async def test_the_round_page_says_what_became_of_each_input(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    await rows(
        core,
        "UPDATE recommendations SET round_id = ? WHERE id IN (?, ?)",
        world.round_id,
        world.answered_id,
        world.unpublished_id,
    )
    [stored] = await rows(core, "SELECT state, response FROM recommendations WHERE id = ?", world.answered_id)
    assert stored == {"state": "partly_accepted", "response": RESPONSE}
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        pages = {p: (await fetch(session, f"{base}/{p}rounds/{world.round_id}/"))[1] for p in ("", "en/")}
        linked = (await fetch(session, f"{base}/recommendations/{world.answered_id}/"))[0]
    arabic, english = visible(pages[""]), visible(pages["en/"])
    assert "ما سمعناه وما فعلناه" in arabic and "What we heard, what we did" in english
    assert ANSWERED in arabic and "اعتُمدت جزئياً" in arabic and RESPONSE in arabic and ROUND_INPUT in arabic
    assert "Partly adopted" in english and RESPONSE in english
    assert UNPUBLISHED not in arabic  # in the round, but never published: not heard in public either
    assert f"../../recommendations/{world.answered_id}/" in outline(pages[""]).links
    assert f"../../../en/recommendations/{world.answered_id}/" in outline(pages["en/"]).links and linked == 200
