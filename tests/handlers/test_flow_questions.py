"""One job per hook: /language asks the step's question again in the new language; text at a step that takes only
buttons gets the flow's note with the step's choices again and the flow's own cancel button, and nothing stored."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import pytest

from bot.core import Core
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.router import Router
from messages import load_messages
from tests.bot.reminder_support import outbox_rows, person
from tests.loop_support import rows
from tests.support import ChatDriver

EN, AR = load_messages("en"), load_messages("ar")
ROUTER = Router()


def coordinator(chat: ChatDriver) -> ChatDriver:
    """The same core, as the configured coordinator telegram:9001."""
    return ChatDriver(chat.core, chat.transport, user="9001", name="منسق")


@pytest.mark.parametrize(
    ("flow", "step"),
    [(flow.name, str(step)) for flow in ROUTER.flows.values() for step, a in flow.steps.items() if a.text is None],
)
def test_every_step_that_takes_only_buttons_declares_its_question(flow: str, step: str) -> None:
    accepts = ROUTER.flows[flow].steps
    assert next(a for s, a in accepts.items() if str(s) == step).question is not None


def test_a_flow_refuses_a_button_step_without_a_question() -> None:
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
