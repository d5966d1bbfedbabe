"""A flow's graph is its table: each step names where it may go, a move it does not name is refused while the tests
run, every step is reached from an entry, and docs/flows.md is what `ogp-bot flows` draws from the tables."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import aiosqlite
import pytest

from bot.cli import main
from handlers.kit import flows
from handlers.kit.context import Context, HandlerConfig
from handlers.kit.contract import Incoming, Reply
from handlers.kit.flows import Accepts, Flow, FlowData, UndeclaredMove
from handlers.kit.graph import diagram, page
from handlers.router import Router
from messages import load_messages

ROOT = Path(__file__).resolve().parent.parent.parent
ROUTER = Router()


class Step(StrEnum):
    ASK = "ask"
    CHECK = "check"
    DONE = "done"


class Draft(FlowData):
    text: str = ""


async def _take(ctx: Context, draft: Draft) -> list[Reply]:
    return []


async def _ask(ctx: Context, draft: Draft) -> list[Reply]:
    return [Reply(text=ctx.t("cancelled"))]


SMALL = Flow[Draft](
    name="small",
    data=Draft,
    steps={
        Step.ASK: Accepts(text=_take, question=_ask, goes=(Step.CHECK,)),
        Step.CHECK: Accepts(text=_take, question=_ask, goes=(Step.DONE,)),
        Step.DONE: Accepts(text=_take, question=_ask),
    },
)


@pytest.fixture
async def ctx() -> AsyncIterator[Context]:
    async with aiosqlite.connect(":memory:") as conn:
        incoming = Incoming("telegram", "1", "e1", name="سلمى")
        yield Context(conn, incoming, None, [], load_messages("ar"), datetime(2025, 1, 1, tzinfo=UTC), HandlerConfig())


def test_declared_moves_are_made_and_an_undeclared_one_is_refused_and_recorded(ctx: Context) -> None:
    SMALL.start(ctx, Step.ASK, text="أ")
    SMALL.goto(ctx, Step.ASK)  # staying is always allowed: a value refused, asked again
    SMALL.goto(ctx, Step.CHECK)
    with pytest.raises(UndeclaredMove, match="small: check -> ask"):
        SMALL.goto(ctx, Step.ASK)
    assert (ctx.flow, ctx.step, ctx.data) == ("small", "check", {"text": "أ"})  # the refused move changed nothing
    ctx.end()
    with pytest.raises(UndeclaredMove, match="small: outside -> done"):
        SMALL.start(ctx, Step.DONE)
    assert ctx.flow is None
    assert flows.UNDECLARED == [
        "flow small: check -> ask is not declared",
        "flow small: outside -> done is not declared",
    ]
    flows.UNDECLARED.clear()  # recorded for the suite's check; this test wanted them


def test_outside_the_tests_an_undeclared_move_is_logged_and_made(
    ctx: Context, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(flows, "CHECKED", False)
    SMALL.start(ctx, Step.ASK)
    SMALL.goto(ctx, Step.DONE)
    assert ctx.step == "done"
    assert "small: ask -> done is not declared" in caplog.text
    assert flows.UNDECLARED == []


def test_a_table_naming_a_step_the_flow_lacks_is_refused() -> None:
    class Other(StrEnum):
        ELSEWHERE = "elsewhere"

    with pytest.raises(ValueError, match="names steps it does not have"):
        Flow[Draft](name="x", data=Draft, steps={Step.ASK: Accepts(text=_take, question=_ask, goes=(Other.ELSEWHERE,))})


@pytest.mark.parametrize("name", sorted(ROUTER.flows))
def test_every_step_of_every_flow_is_reached_from_an_entry(name: str) -> None:
    flow = ROUTER.flows[name]
    reached, edges = {str(s) for s in flow.entry}, flow.edges()
    while grown := {b for a, b in edges if a in reached} - reached:
        reached |= grown
    assert reached == set(flow.step_names), f"{name}: no declared way to {sorted(set(flow.step_names) - reached)}"


def test_a_button_is_declared_once_its_step_gives_the_route() -> None:
    for flow in ROUTER.flows.values():
        for route in flow.routes:
            assert ROUTER.buttons[route.button.prefix] is route, f"{flow.name}: {route.button.__name__}"


def test_the_diagram_labels_each_edge_with_what_the_step_takes() -> None:
    drawn = diagram(ROUTER.flows["broadcast"])
    assert drawn.startswith("```mermaid\nstateDiagram-v2\n") and drawn.endswith("\n```")
    assert "    [*] --> s_text\n" in drawn
    assert "    s_text --> s_audience : text\n" in drawn
    assert "    s_preview --> s_version : Send, WriteVersion\n" in drawn


def test_the_committed_flows_page_is_what_the_command_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = tmp_path / "flows.md"
    assert main(["flows", "--output", str(written)]) == 0
    assert capsys.readouterr().out == f"{len(ROUTER.flows)} flows drawn in {written}\n"
    assert written.read_text(encoding="utf-8") == page(ROUTER.flows.values())
    committed = (ROOT / "docs" / "flows.md").read_text(encoding="utf-8")
    assert committed == written.read_text(encoding="utf-8"), "docs/flows.md is out of date: run `ogp-bot flows`"


def test_a_step_that_takes_text_must_declare_its_question_too() -> None:
    with pytest.raises(ValueError, match="step ask must declare its question"):
        Flow[Draft](name="x", data=Draft, steps={Step.ASK: Accepts(text=_take)})
