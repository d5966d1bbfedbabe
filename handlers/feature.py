"""How a feature module tells the router what it answers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from handlers.context import Context
from handlers.contract import Reply

Handler = Callable[[Context], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Feature:
    """The commands, button prefixes, flows and deep links one module handles."""

    commands: Mapping[str, Handler] = field(default_factory=dict)
    choices: Mapping[str, Handler] = field(default_factory=dict)  # choice id prefix (before ':') -> handler
    flows: Mapping[str, Handler] = field(default_factory=dict)  # flow name -> handler of text typed in it
    deep_links: Mapping[str, Handler] = field(default_factory=dict)  # /start payload prefix -> handler
    keywords: Mapping[str, str] = field(default_factory=dict)  # catalogue key of a typed keyword -> command
