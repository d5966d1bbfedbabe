"""The authorisation matrix: every privileged command and button × every role; refusals change nothing."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import Core
from handlers.kit.who import Declared, Who, declared
from handlers.router import Router
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

REFUSAL = "عذراً، هذا الإجراء متاح"
TABLES = (
    "SELECT participant_id, role, commitment_id FROM roles ORDER BY 1, 2, 3",
    "SELECT code, used_by FROM invites ORDER BY code",
    "SELECT id, state, response, hidden, hidden_reason FROM recommendations ORDER BY id",
    "SELECT id, completion, progress FROM status_updates ORDER BY id",
    "SELECT id, title, state, start_date, end_date FROM milestones ORDER BY id",
    "SELECT id, action FROM audit_log ORDER BY id",
)


async def snapshot(core: Core) -> list[list[dict[str, Any]]]:
    """Everything a privileged action could change."""
    return [await rows(core, sql) for sql in TABLES]


class World:
    """A coordinator, a liaison officer for commitment 1, a participant with a recommendation on commitment 2."""

    def __init__(self, core: Core, transport: RecordingTransport) -> None:
        self.core, self.transport = core, transport

    async def build(self) -> World:
        self.coord = await coordinator(self.core, self.transport)
        self.officer = await officer(self.core, self.transport, self.coord, "2001", 1)
        self.participant = await registered(self.core, self.transport, "1001", "سلمى")
        self.stranger = ChatDriver(self.core, self.transport, user="5005", name="زائر")
        self.rec = await recommend(self.participant, 2, "نقترح إشراك المحافظات البعيدة في جلسات الحوار")
        await self.coord.command("milestones")
        await self.coord.press("2. تعزيز تطبيق")
        await self.coord.press("إضافة مرحلة")
        for answer in ("حملة توعية", "1/1/2019", "1/6/2019"):
            await self.coord.send(answer)
        self.milestone = (await rows(self.core, "SELECT id FROM milestones"))[0]["id"]
        self.officer_id = (await rows(self.core, "SELECT participant_id FROM roles"))[0]["participant_id"]
        return self

    def actions(self) -> list[tuple[str, str, str]]:
        """(kind, name or data, args) of every privileged action aimed at commitment 2 or at roles."""
        rec, ms, pid = self.rec, self.milestone, self.officer_id
        return [
            ("command", "invite", ""),
            ("command", "team", ""),
            ("choice", "inv:r:c", ""),
            ("choice", "inv:r:l:2", ""),
            ("choice", f"team:rm:{pid}:l:1", ""),
            ("choice", f"team:ok:{pid}:l:1", ""),
            ("choice", f"inbox:o:{rec}:0", ""),
            ("choice", f"inbox:s:{rec}:accepted", ""),
            ("choice", f"hide:h:{rec}:0", ""),
            ("choice", f"hide:un:{rec}:0", ""),
            ("choice", "upd:c:2", ""),
            ("choice", "ms:a:2", ""),
            ("choice", f"ms:e:{ms}", ""),
            ("choice", f"ms:s:{ms}:complete", ""),
        ]


async def act(chat: ChatDriver, kind: str, name: str, args: str) -> str:
    replies = await (chat.command(name, args) if kind == "command" else chat.press_data(name))
    return texts(replies)


@pytest.fixture
async def world(core: Core, transport: RecordingTransport) -> World:
    return await World(core, transport).build()


@pytest.mark.parametrize("who", ["stranger", "participant", "officer"])
async def test_every_privileged_action_is_refused_without_the_role(world: World, who: str) -> None:
    chat: ChatDriver = getattr(world, who)
    before = await snapshot(world.core)
    for kind, name, args in world.actions():
        seen = await act(chat, kind, name, args)
        assert REFUSAL in seen, f"{who} {kind} {name}: {seen}"
        assert await snapshot(world.core) == before, f"{who} {kind} {name} changed something"


@pytest.mark.parametrize("command", ["inbox", "update", "milestones"])
async def test_officer_commands_are_refused_to_participants_and_strangers(world: World, command: str) -> None:
    before = await snapshot(world.core)
    for chat in (world.participant, world.stranger):
        assert REFUSAL in texts(await chat.command(command))
    assert await snapshot(world.core) == before


async def test_officer_may_act_on_their_own_commitment(world: World, core: Core) -> None:
    own = await recommend(world.participant, 1, "نقترح مدداً قابلة للتتبع للرد على طلبات التمويل")
    for kind, name, args in [
        ("command", "inbox", ""),
        ("choice", f"inbox:o:{own}:0", ""),
        ("choice", f"inbox:s:{own}:received", ""),
        ("command", "update", ""),
        ("command", "milestones", ""),
        ("choice", "ms:a:1", ""),
    ]:
        assert REFUSAL not in await act(world.officer, kind, name, args), name
    inbox = texts(await world.officer.command("inbox"))
    assert f"#{own}" in inbox and f"#{world.rec}" not in inbox


async def test_coordinator_may_do_everything(world: World) -> None:
    for kind, name, args in world.actions():
        seen = await act(world.coord, kind, name, args)
        assert REFUSAL not in seen, f"coordinator {kind} {name}: {seen}"
        await world.coord.command("cancel")
    audit = [r["action"] for r in await rows(world.core, "SELECT action FROM audit_log")]
    assert {"invite.create", "role.revoke", "recommendation.unhide", "milestone.edit"} <= set(audit)


async def test_a_revoked_officer_loses_access_mid_flow(world: World) -> None:
    await world.officer.command("update")
    await world.officer.press("محدود")
    ask = await world.coord.command("team")
    assert ask
    await world.coord.press_data(f"team:ok:{world.officer_id}:l:1")
    before = await snapshot(world.core)
    assert REFUSAL in texts(await world.officer.send("40"))
    assert REFUSAL in texts(await world.officer.press_data("upd:ok"))
    assert await snapshot(world.core) == before


def test_the_router_checks_a_privileged_button_once() -> None:
    """The router gates a button by its declaration, then calls the handler without the handler's own check."""
    privileged = [route for route in Router().buttons.values() if route.who > Who.ANYONE]
    assert privileged
    for route in privileged:
        assert route.answer is not route.handler, route.button.prefix
        assert declared(route.answer) == Declared(), route.button.prefix  # the bare handler checks nothing itself
