"""Declared hand-overs between features: a feature offers a hook, another binds to it in its own table.

    # recommend.py offers:            ON_START: Hook[Starter] = Hook("recommend.start")
    # round_input.py binds, in FEATURE: hooks=(recommend.ON_START.bind(start_in_round),)
    # recommend.py calls:             for starter in ctx.hooks(ON_START): ...

so the module that offers the hook never imports the ones that extend it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

F = TypeVar("F")


class Hook(Generic[F]):
    """A named extension point whose bound functions have the type F."""

    def __init__(self, name: str) -> None:
        self.name = name

    def bind(self, function: F) -> Binding:
        """Return the binding a feature lists to extend this hook."""
        return Binding(self, function)

    def __repr__(self) -> str:
        return f"Hook({self.name!r})"


@dataclass(frozen=True)
class Binding:
    """One function bound to one hook."""

    hook: Hook[Any]
    function: Any


class Hooks:
    """Every binding of the features a router serves, looked up by hook."""

    def __init__(self, bindings: Iterable[Binding] = ()) -> None:
        self._bound: dict[Hook[Any], list[Any]] = {}
        for binding in bindings:
            self._bound.setdefault(binding.hook, []).append(binding.function)

    def __call__(self, hook: Hook[F]) -> tuple[F, ...]:
        """Return the functions bound to a hook, in the features' order."""
        return tuple(cast(list[F], self._bound.get(hook, [])))
