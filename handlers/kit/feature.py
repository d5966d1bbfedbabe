"""How a feature module tells the router what it answers: one declarative table per module."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.flows import Flow
from handlers.kit.hooks import Binding, Hook
from handlers.kit.routes import ButtonRoute

Handler = Callable[[Context], Awaitable[list[Reply]]]
# What a feature adds to the last message of any answer (a question a person is asked once, at a quiet moment):
# its text goes below, its buttons after the others; None when nothing.
FollowUp = Callable[[Context], Awaitable[Reply | None]]
FOLLOW_UP: Hook[FollowUp] = Hook("router.follow_up")


@dataclass(frozen=True)
class Feature:
    """The commands, buttons, flows, deep links, typed keywords and hook bindings one module handles."""

    commands: Mapping[str, Handler] = field(default_factory=dict)
    buttons: tuple[ButtonRoute[Any], ...] = ()  # buttons pressed outside the flows; a step's are in its `Accepts`
    flows: tuple[Flow[Any], ...] = ()
    deep_links: Mapping[str, Handler] = field(default_factory=dict)  # /start payload prefix -> handler
    keywords: Mapping[str, str] = field(default_factory=dict)  # catalogue key of a typed keyword -> command
    hooks: tuple[Binding, ...] = ()

    @property
    def routes(self) -> tuple[ButtonRoute[Any], ...]:
        """Return every button the module answers: its own, then those its flows' steps declare."""
        return (*self.buttons, *(route for flow in self.flows for route in flow.routes))
