"""/help lists exactly what each person may do: generated from the router's commands and the levels they declare."""

from __future__ import annotations

import re

from bot.core import Core
from handlers.joining.command_help import DESCRIPTIONS
from handlers.kit.contract import Reply
from handlers.kit.who import Who
from tests.loop_support import COORDINATOR, coordinator, officer, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

LINE = re.compile(r"(?m)^/([a-z_]+) — \S")


def _listed(replies: list[Reply]) -> list[str]:
    return LINE.findall(texts(replies))


def _may(core: Core, level: Who) -> set[str]:
    """The commands a person at this level may really use (everyone's lead newcomers to registration)."""
    return {name for name, who in core.router.guards().items() if who <= max(level, Who.REGISTERED)}


def test_every_routed_command_is_described() -> None:
    from handlers.router import Router

    assert set(DESCRIPTIONS) == set(Router().commands)


async def test_help_matches_what_each_role_may_do(core: Core, transport: RecordingTransport) -> None:
    configured = ChatDriver(core, transport, user=COORDINATOR)  # a configured coordinator, not yet registered
    listed = _listed(await configured.command("help"))
    assert len(listed) == len(set(listed)) and set(listed) == _may(core, Who.COORDINATOR)
    assert {"inbox", "update", "milestones", "rules"} <= set(listed) and listed.count("rules") == 1
    coord = await coordinator(core, transport)
    duty = await officer(core, transport, coord, "3003", number=2)
    salma = await registered(core, transport, "1001", "سلمى")
    stranger = ChatDriver(core, transport, user="4004")
    assert [r["role"] for r in await rows(core, "SELECT role FROM roles")] == ["liaison"]  # what the router guards
    for chat, level in ((stranger, Who.ANYONE), (salma, Who.REGISTERED), (duty, Who.OFFICER), (coord, Who.COORDINATOR)):
        listed = _listed(await chat.command("help"))
        assert len(listed) == len(set(listed)), listed  # nothing twice
        assert set(listed) == _may(core, level), (level, set(listed) ^ _may(core, level))
    officer_help = texts(await duty.command("help"))
    assert "لضباط الارتباط:" in officer_help and "للمنسقين:" not in officer_help and "/publish" not in officer_help


async def test_english_help_is_generated_the_same_way(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await coord.command("language")
    await coord.press("lang:en")
    shown = texts(await coord.command("help"))
    assert "For coordinators:" in shown and "/inbox — " in shown and "الأوامر" not in shown
    assert set(LINE.findall(shown)) == _may(core, Who.COORDINATOR)
