"""One job per hook: /language asks the step's question again in the new language; text at a step that takes only
buttons gets the flow's note with the step's choices again and the flow's own cancel button, and nothing stored."""

from __future__ import annotations

from enum import StrEnum
from types import UnionType
from typing import Any, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from bot.core import Core
from handlers.kit.contract import Reply
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.router import Router
from messages import load_messages
from storage import sessions
from storage.models import Session
from tests.bot.reminder_support import outbox_rows, person
from tests.handlers.test_authorisation import World, snapshot
from tests.handlers.test_authorisation_matrix import _flow_data, _open_round, _samples
from tests.loop_support import rows
from tests.support import ChatDriver, texts

EN, AR = load_messages("en"), load_messages("ar")
ROUTER = Router()


def coordinator(chat: ChatDriver) -> ChatDriver:
    """The same core, as the configured coordinator telegram:9001."""
    return ChatDriver(chat.core, chat.transport, user="9001", name="منسق")


@pytest.mark.parametrize(
    ("flow", "step"), [(flow.name, str(step)) for flow in ROUTER.flows.values() for step in flow.steps]
)
def test_every_step_declares_its_question(flow: str, step: str) -> None:
    accepts = ROUTER.flows[flow].steps
    assert next(a for s, a in accepts.items() if str(s) == step).question is not None


def test_a_flow_refuses_a_step_without_a_question() -> None:
    class Empty(FlowData):
        pass

    with pytest.raises(ValueError, match="must declare its question"):
        Flow[Any](name="x", data=Empty, steps={_Step.ONLY: Accepts()})


async def test_a_coordinator_switching_to_english_at_the_audience_step_gets_the_english_question(
    chat: ChatDriver, core: Core
) -> None:
    boss = coordinator(chat)
    await boss.command("broadcast")
    await boss.send("اجتماع الفريق يوم الأحد القادم")
    await boss.command("language")
    switched, asked = await boss.press_data("lang:en")
    assert switched.text == EN.t("language-switched")
    assert asked.text == EN.t("bc-choose-audience")
    labels = [c.label for c in asked.choices]
    assert labels == [EN.t(k) for k in ("bc-audience-all", "bc-audience-followers")] + labels[2:4] + [
        EN.t("bc-cancel-button")
    ]
    assert EN.t("bc-use-buttons") not in asked.text
    [session] = await rows(core, "SELECT flow, step FROM sessions WHERE external_id = '9001'")
    assert session == {"flow": "broadcast", "step": "audience"}


async def test_text_at_a_button_step_repeats_its_choices_with_the_flows_cancel_and_stores_nothing(
    chat: ChatDriver, core: Core
) -> None:
    await person(core, "3001")
    boss = coordinator(chat)
    await boss.command("broadcast")
    await boss.send("اجتماع الفريق يوم الأحد القادم")
    [note] = await boss.send("للجميع من فضلك")
    assert note.text == f"{AR.t('bc-use-buttons')}\n\n{AR.t('bc-choose-audience')}"
    assert note.choices[0].label == AR.t("bc-audience-all")
    assert [c.label for c in note.choices][-1] == AR.t("bc-cancel-button") and len(note.choices) == 5
    [session] = await rows(core, "SELECT flow, step FROM sessions WHERE external_id = '9001'")
    assert session == {"flow": "broadcast", "step": "audience"}
    assert await outbox_rows(core, "broadcast") == []


async def test_a_stale_label_typed_in_another_flow_is_not_taken_as_input(chat: ChatDriver, core: Core) -> None:
    boss = coordinator(chat)
    await boss.command("broadcast")
    await boss.send("اجتماع الفريق يوم الأحد القادم")
    await boss.command("export")  # leaves the broadcast: its audience buttons are stale
    [note] = await boss.send(AR.t("bc-audience-all"))
    assert AR.t("bc-audience-all") not in [c.label for c in note.choices]
    assert await outbox_rows(core, "broadcast") == []


class _Step(StrEnum):
    ONLY = "only"


BUTTON_STEPS = [
    (flow.name, str(step)) for flow in ROUTER.flows.values() for step, a in flow.steps.items() if a.text is None
]


@pytest.fixture
async def world(core: Core, transport: Any) -> World:
    built = await World(core, transport).build()
    await _open_round(built)  # round 1, on commitment 2: the rounds' steps have one to show
    return built


def _placed_data(world: World, model: type[BaseModel]) -> dict[str, Any]:
    """The matrix's data for the flow, with every optional field that names an object pointing at the world's."""
    data = _flow_data(world, model)
    samples = _samples(world)
    for name, info in model.model_fields.items():
        optional = get_origin(info.annotation) in (Union, UnionType)
        kinds = [info.annotation, *(get_args(info.annotation) if optional else ())]
        enum = next((k for k in kinds if isinstance(k, type) and issubclass(k, StrEnum)), None)
        if name.removesuffix("_id") in samples and int in kinds and not info.is_required():
            data[name] = samples[name.removesuffix("_id")]
        elif enum is not None and not info.is_required():
            data[name] = str(next(iter(enum)))
    return model.model_validate(data).model_dump(mode="json")


@pytest.mark.parametrize(("flow_name", "step"), BUTTON_STEPS)
async def test_text_at_every_button_step_repeats_its_choices_with_the_flows_cancel(
    world: World, flow_name: str, step: str
) -> None:
    """Generated from the router: the coordinator is placed at the step (as the authorisation matrix does)."""
    flow = world.core.router.flows[flow_name]
    chat = world.coord
    async with world.core.db.transaction() as conn:
        placed = Session(
            channel=chat.channel, external_id=chat.user, flow=flow.name, step=step, data=_placed_data(world, flow.data)
        )
        await sessions.save_session(conn, placed, world.core.clock.now())
    before = await snapshot(world.core)
    replies = await chat.send("كلام كُتب بدل الضغط على زر")
    asked = [r for r in replies if r.choices]
    assert asked, f"{flow_name}/{step} answered without choices: {texts(replies)}"
    labels = [c.label for c in asked[-1].choices]
    if flow.cancel is not None:
        assert labels.count(AR.t(flow.cancel_label)) == 1, f"{flow_name}/{step}: {labels}"
    assert len(labels) > 1 or flow.cancel is None, f"{flow_name}/{step} shows only its cancel: {texts(replies)}"
    assert await snapshot(world.core) == before, f"text at {flow_name}/{step} changed something"
    [session] = await rows(world.core, "SELECT flow, step FROM sessions WHERE external_id = ?", chat.user)
    assert session == {"flow": flow_name, "step": step}


ALL_STEPS = [(flow.name, str(step)) for flow in ROUTER.flows.values() for step in flow.steps]
CATALOGUES = {"ar": AR, "en": EN}


async def _place(world: World, flow: Flow[Any], step: str, data: dict[str, Any]) -> None:
    """Put the coordinator's chat at a step of a flow with valid data (as the authorisation matrix does)."""
    chat = world.coord
    async with world.core.db.transaction() as conn:
        placed = Session(channel=chat.channel, external_id=chat.user, flow=flow.name, step=step, data=data)
        await sessions.save_session(conn, placed, world.core.clock.now())


async def _reading(world: World, language: str) -> None:
    """Make the coordinator read the bot in a language (pressed outside any flow)."""
    async with world.core.db.transaction() as conn:
        await sessions.save_session(
            conn, Session(channel="telegram", external_id=world.coord.user), world.core.clock.now()
        )
    await world.coord.press_data(f"lang:{language}")


def _drawn(replies: list[Reply]) -> list[tuple[str, list[str], list[str]]]:
    return [(r.text, [c.label for c in r.choices], [c.id for c in r.choices]) for r in replies]


@pytest.mark.parametrize(("flow_name", "step"), ALL_STEPS)
async def test_language_asks_every_steps_question_again_in_the_new_language(
    world: World, flow_name: str, step: str
) -> None:
    """Generated from the router: at every step of every flow, /language's switch (ar→en, en→ar) answers with the
    switch's note and exactly the step's question in the new language, its buttons and the flow's cancel in it too,
    and the chat stays at the step."""
    flow = world.core.router.flows[flow_name]
    data = _placed_data(world, flow.data)
    asked: dict[str, list[Reply]] = {}
    for language in CATALOGUES:  # the step's question in each language, as a chat reopened at it is asked
        await _reading(world, language)
        await _place(world, flow, step, data)
        resumed, *asked[language] = await world.coord.command("opened")
        if flow.parking is not None and resumed.choices:  # a draft worth keeping is offered back first
            asked[language] = await world.coord.press(CATALOGUES[language].t("parked-resume"))
        else:
            assert resumed.text == CATALOGUES[language].t("opened-resume")
    for old, new in (("ar", "en"), ("en", "ar")):
        await _reading(world, old)
        await _place(world, flow, step, data)
        switched, *again = await world.coord.press_data(f"lang:{new}")
        assert switched.text == CATALOGUES[new].t("language-switched"), f"{flow_name}/{step}"
        assert again, f"{flow_name}/{step} asks nothing after switching to {new}"
        assert _drawn(again) == _drawn(asked[new]), f"{flow_name}/{step} ({old}→{new})"
        assert [r.text for r in asked[new]] != [r.text for r in asked[old]], f"{flow_name}/{step} asks in {old}"
        labels = [c.label for r in again for c in r.choices]
        if flow.cancel is not None:
            assert CATALOGUES[new].t(flow.cancel_label) in labels, f"{flow_name}/{step}: {labels}"
            assert CATALOGUES[old].t(flow.cancel_label) not in labels, f"{flow_name}/{step}: {labels}"
        [session] = await rows(world.core, "SELECT flow, step FROM sessions WHERE external_id = ?", world.coord.user)
        assert session == {"flow": flow_name, "step": step}
        [person] = await rows(
            world.core,
            "SELECT language FROM participants JOIN identities ON participant_id = id WHERE external_id = ?",
            world.coord.user,
        )
        assert person == {"language": new}
