"""A flow's table drawn as a Mermaid state diagram, and the page of every flow's diagram (docs/flows.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from handlers.kit.flows import Flow

INTRO = """# Flows

Every conversation of several steps, drawn from its table by `ogp-bot flows` (do not edit by hand: a test fails when
this page differs from what the command writes). Each step names the steps it may go to; an edge is labelled with
what the step takes (its buttons, `text`, `file`), and `[*]` marks where a chat may enter. Staying at a step (a value
refused, asked again) and leaving the flow (its cancel button, a command, the end of the work) are possible from every
step and not drawn. How the tables work: [architecture](architecture.md#the-handler-kit).
"""


def _state(step: str) -> str:
    """Return a step's id in the diagram (prefixed: Mermaid reserves words such as `end`)."""
    return f"s_{step}"


def diagram(flow: Flow[Any]) -> str:
    """Return the flow's graph as a Mermaid `stateDiagram-v2` block."""
    lines = ["```mermaid", "stateDiagram-v2"]
    lines += [f'    state "{step}" as {_state(str(step))}' for step in flow.steps]
    lines += [f"    [*] --> {_state(str(step))}" for step in flow.entry]
    labels = {str(step): ", ".join(accepts.inputs) for step, accepts in flow.steps.items()}
    lines += [f"    {_state(a)} --> {_state(b)} : {labels[a]}" for a, b in flow.edges()]
    return "\n".join([*lines, "```"])


def section(flow: Flow[Any]) -> str:
    """Return one flow's heading, where its table is, and its diagram."""
    where = flow.data.__module__.replace(".", "/") + ".py"
    return f"## {flow.name}\n\nThe table: `{where}`.\n\n{diagram(flow)}\n"


def page(flows: Iterable[Flow[Any]]) -> str:
    """Return docs/flows.md: the introduction, then every flow by name."""
    return "\n".join([INTRO, *(section(flow) for flow in sorted(flows, key=lambda f: f.name))])
