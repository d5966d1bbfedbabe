"""The authorisation matrix generated from the router: every declared privileged entry point × every role below it.

A new privileged command, button or flow step is covered here without editing this file: the router lists them,
and each is tried by a stranger, a participant and (for coordinators' entries, or aimed at another commitment) a
liaison officer. A refusal must be the refusal, and nothing may change.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from typing import Any

import pytest
from pydantic import BaseModel

from bot.core import Core
from handlers.kit.buttons import Button
from handlers.kit.who import Who, who_of
from storage import rounds, sessions
from storage.models import Session
from tests.handlers.test_authorisation import REFUSAL, World, snapshot
from tests.loop_support import registered, rows
from tests.support import ChatDriver, texts

STALE = "لم يعد صالحاً"
AIMED = {"rec", "kept", "commitment", "milestone"}  # fields that point at another commitment's objects
ROLES = {"stranger": Who.ANYONE, "participant": Who.REGISTERED, "officer": Who.OFFICER}
UNPUBLISHED = "المحافظات البعيدة"  # in the world's recommendation, neither approved nor answered
MEMBERS = "SELECT round_id, participant_id FROM round_members ORDER BY 1, 2"


def _samples(world: World) -> dict[str, int]:
    """Values aimed at commitment 2 and its objects, which the officer (of commitment 1) may not touch."""
    return {
        "rec": world.rec,
        "kept": world.rec,
        "commitment": 2,
        "milestone": world.milestone,
        "participant": world.officer_id,
        "offset": 0,
        "round": 1,
        "question": 0,
        "theme": 0,
        "progress": 50,
        "hour": 10,
        "update": 1,
        "page": 0,
        "index": 0,
        "public": 1,
    }


def _value(world: World, name: str, kind: type) -> Any:
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return next(iter(kind))
    if kind is str:
        return "x"
    samples = _samples(world)
    assert name in samples, f"add a sample value for button field {name!r} to this test"
    return samples[name]


def _forged(world: World, button: type[Button]) -> str:
    return button(**{name: _value(world, name, kind) for name, kind in button.fields()}).pack()


def _flow_data(world: World, model: type[BaseModel]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if not info.is_required():
            continue
        data[name] = _value(world, name.removesuffix("_id"), info.annotation)  # type: ignore[arg-type]
    return model.model_validate(data).model_dump(mode="json")


def _lacking(who: Who) -> list[str]:
    """The roles below an entry point's level (the officer is below coordinators' entries)."""
    return [role for role, level in ROLES.items() if level < who or (role == "officer" and who is Who.COORDINATOR)]


@pytest.fixture
async def world(core: Core, transport: Any) -> World:
    return await World(core, transport).build()


async def test_every_privileged_command_refuses_roles_below_it(world: World) -> None:
    commands = {name: who_of(h) for name, h in world.core.router.commands.items() if who_of(h) >= Who.OFFICER}
    assert {"inbox", "update", "milestones", "team", "invite", "round", "broadcast", "export", "report"} <= set(
        commands
    )
    before = await snapshot(world.core)
    for name, who in commands.items():
        for role in _lacking(who):
            chat: ChatDriver = getattr(world, role)
            seen = texts(await chat.command(name))
            assert REFUSAL in seen, f"{role} /{name}: {seen}"
            assert await snapshot(world.core) == before, f"{role} /{name} changed something"


async def test_every_privileged_button_refuses_roles_below_it(world: World) -> None:
    routes = [r for r in world.core.router.buttons.values() if r.who >= Who.OFFICER]
    assert len(routes) > 30
    assert {"ans:dl", "ans:up", "ans:ok"} <= {r.button.prefix for r in routes}  # the answer sheet's buttons
    before = await snapshot(world.core)
    for route in routes:
        data = _forged(world, route.button)
        for role in _lacking(route.who):
            chat: ChatDriver = getattr(world, role)
            seen = texts(await chat.press_data(data))
            assert REFUSAL in seen, f"{role} pressed {data}: {seen}"
            assert await snapshot(world.core) == before, f"{role} pressed {data} and changed something"


async def test_officers_buttons_aimed_at_another_commitment_change_nothing(world: World) -> None:
    routes = [r for r in world.core.router.buttons.values() if r.who is Who.OFFICER]
    before = await snapshot(world.core)
    for route in routes:
        data = _forged(world, route.button)
        seen = texts(await world.officer.press_data(data))
        if {name for name, _ in route.button.fields()} & AIMED:
            assert REFUSAL in seen or STALE in seen, f"officer pressed {data}: {seen}"
        assert await snapshot(world.core) == before, f"officer pressed {data} and changed something"


async def test_every_privileged_flow_step_refuses_roles_below_it(world: World) -> None:
    before = await snapshot(world.core)
    for flow in world.core.router.flows.values():
        for step, accepts in flow.steps.items():
            if accepts.text is None or who_of(accepts.text) < Who.OFFICER:
                continue
            for role in _lacking(who_of(accepts.text)):
                chat: ChatDriver = getattr(world, role)
                async with world.core.db.transaction() as conn:
                    forged = Session(
                        channel=chat.channel,
                        external_id=chat.user,
                        flow=flow.name,
                        step=str(step),
                        data=_flow_data(world, flow.data),
                    )
                    await sessions.save_session(conn, forged, world.core.clock.now())
                seen = texts(await chat.send("نص يكفي ليكون مدخلاً في أي خطوة 1/1/2026 50"))
                assert REFUSAL in seen, f"{role} typed in {flow.name}/{step}: {seen}"
                assert await snapshot(world.core) == before, f"{role} in {flow.name}/{step} changed something"


async def _open_round(world: World) -> str:
    """Open round 1 on commitment 2; return its code."""
    async with world.core.db.transaction() as conn:
        now = world.core.clock.now()
        found = await rounds.create_round(
            conn,
            name="لقاء تشاوري",
            held_on=None,
            place=None,
            online=True,
            deadline=now + timedelta(days=7),
            commitment_ids=[2],
            questions=[],
            created_by=world.officer_id,
            now=now,
        )
        await rounds.open_round(conn, found.id, now)
    assert found.id == _samples(world)["round"]
    return found.code


async def test_every_read_only_button_shows_only_published_input_and_joins_no_round(world: World) -> None:
    """Buttons anyone may press (reading others' input, joining a group) show only what is published, and a round
    id in a button is not its code."""
    code = await _open_round(world)
    other = await registered(world.core, world.transport, "1002", "ريم")
    # Every button anyone may press, but erasing one's own data (it would leave no participant to try the rest).
    routes = [r for r in world.core.router.buttons.values() if r.who < Who.OFFICER]
    routes = [r for r in routes if not r.button.prefix.startswith("prv:")]
    assert {"endo:l", "endo:r", "grp:j", "grp:v"} <= {r.button.prefix for r in routes}
    for route in routes:
        data = _forged(world, route.button)
        for role, chat in (("stranger", world.stranger), ("participant", other)):
            seen = texts(await chat.press_data(data))
            assert UNPUBLISHED not in seen, f"{role} pressed {data}: {seen}"
    assert await rows(world.core, MEMBERS) == []
    assert await rows(world.core, "SELECT * FROM endorsements") == []  # nor supports what it may not read
    own = texts(await world.participant.press_data("endo:l:2:0"))
    assert UNPUBLISHED in own  # the author still reads their own
    await other.command("start", f"r_{code}")
    await other.press_data("grp:j:1:2")
    assert len(await rows(world.core, MEMBERS)) == 1  # with the code, the same button joins
