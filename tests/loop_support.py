"""Helpers for role and accountability-loop tests: people with roles, invitation codes, stored rows."""

from __future__ import annotations

import re
from typing import Any

from bot.core import Core
from tests.support import ChatDriver, RecordingTransport, texts

CODE = re.compile(r"i_[A-Za-z0-9_-]{8,}")
COORDINATOR = "9001"  # in OGP_COORDINATORS (tests.support.settings_for)


def code_in(text: str) -> str:
    """Return the invitation code (i_...) in a message."""
    match = CODE.search(text)
    assert match, text
    return match.group(0)


async def registered(core: Core, transport: RecordingTransport, user: str, name: str) -> ChatDriver:
    """Return a registered person's chat."""
    chat = ChatDriver(core, transport, user=user, name=name)
    await chat.register(name=name, organisation=f"جهة {name}")
    return chat


async def coordinator(core: Core, transport: RecordingTransport) -> ChatDriver:
    """Return the configured coordinator's chat, registered."""
    return await registered(core, transport, COORDINATOR, "منى المنسقة")


async def invite_code(coord: ChatDriver, role_label: str) -> str:
    """Make an invitation as a coordinator and return its code."""
    await coord.command("invite")
    replies = await coord.press(role_label)
    return code_in(texts(replies))


async def officer(
    core: Core, transport: RecordingTransport, coord: ChatDriver, user: str, number: int = 1
) -> ChatDriver:
    """Return a registered liaison officer for commitment `number`."""
    chat = await registered(core, transport, user, f"ضابط {user}")
    code = await invite_code(coord, f"ضابط ارتباط للالتزام {number}")
    replies = await chat.command("start", code)
    assert "أصبحت الآن" in texts(replies), texts(replies)
    return chat


async def rows(core: Core, sql: str, *params: Any) -> list[dict[str, Any]]:
    """Run a read query in a transaction and return dict rows."""
    async with core.db.transaction() as conn:
        return [dict(r) for r in await conn.execute_fetchall(sql, params)]


async def recommend(chat: ChatDriver, number: int, text: str) -> int:
    """Send a recommendation on commitment `number` (other theme); return its receipt number."""
    await chat.command("recommend", str(number))
    if any("محور آخر" in label for label in chat.labels()):
        await chat.press("محور آخر")
    await chat.send(text)
    done = await chat.press("rec:ok")
    match = re.search(r"#(\d+)", texts(done))
    assert match, texts(done)
    return int(match.group(1))
