"""Declared flows: a flow's steps, what each step accepts, and its typed data, in one table.

    RECOMMEND = Flow(
        name="recommend",
        data=Draft,
        cancel=Cancel,
        steps={
            Step.COMMITMENT: Accepts(
                buttons=(on(PickCommitment, pick_commitment),), question=ask_commitment, goes=(Step.TEXT,)
            ),
            Step.TEXT: Accepts(text=take_text, question=ask_text, goes=(Step.PREVIEW,)),
            Step.PREVIEW: Accepts(
                buttons=(on(Send, send), on(Edit, edit)), text=take_text, question=show_preview, goes=(Step.TEXT,)
            ),
        },
    )

The state lives in the database (the session row), not in memory: a restart resumes the step. A button that does
not belong to the step the chat is in is stale; text at a step that takes only buttons asks the step's question
again; data that no longer fits the flow's model (a session from an older version) ends the flow politely.

Each step names the steps it may go to (`goes`), and the flow the steps it may be entered at (`entry`, by default
its first): the table is the flow's whole graph (`ogp-bot flows` draws it). A handler that moves the chat along an
edge the table does not declare is refused loudly while the tests run (`CHECKED`), and logged in production, where
the person's conversation matters more than the drawing. Ending a flow is possible from every step (its cancel
button, a vanished item), so it is not declared.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.routes import ButtonRoute

log = logging.getLogger(__name__)
# True while the tests run (tests/conftest.py): a move the table does not declare raises instead of being logged.
CHECKED = False
# The undeclared moves seen while checked, so that a test whose handler error was answered politely still fails.
UNDECLARED: list[str] = []


class FlowData(BaseModel):
    """Base of a flow's data: validated on every assignment, saved with the session."""

    model_config = ConfigDict(validate_assignment=True, extra="ignore")


D = TypeVar("D", bound=FlowData)
TextHandler = Callable[[Context, D], Awaitable[list[Reply]]]
Asker = Callable[[Context, D], Awaitable[list[Reply]]]


class Typing(StrEnum):
    """What a message typed at a step is: free text (a name, a number asked for as a number) or one of the choices.

    A terminal numbers the choices only where the question is a choice; where the step takes text, a typed number
    is the number.
    """

    TEXT = "text"
    CHOICE = "choice"


class StaleFlow(Exception):
    """The session's flow data does not fit the flow any more (an older version, or forged)."""


class UndeclaredMove(AssertionError):
    """A handler moved a chat along an edge its flow's table does not declare."""


@dataclass(frozen=True)
class Accepts(Generic[D]):
    """What one step accepts: typed text (and its handler), buttons, a sent file, where it may go next, and its
    question (required: asked again after a language switch or when the chat reopens, and the source of the choices
    repeated when text arrives at a step that takes none)."""

    text: TextHandler[D] | None = None
    buttons: tuple[ButtonRoute[Any], ...] = ()  # the step's buttons and their handlers, declared only here
    question: Asker[D] | None = None
    file: TextHandler[D] | None = None  # reads ctx.incoming.attachment
    typing: Typing | None = None  # None: text when the step takes text, a choice otherwise
    goes: tuple[StrEnum, ...] = ()  # the steps a handler of this step may move the chat to (staying is implied)

    @property
    def families(self) -> tuple[type[Button], ...]:
        """Return the button types the step accepts."""
        return tuple(route.button for route in self.buttons)

    @property
    def inputs(self) -> tuple[str, ...]:
        """Return what the step takes, as the graph labels its edges: its buttons' names, "text", "file"."""
        names = [button.__name__ for button in self.families]
        return (*names, *(["text"] if self.text is not None else []), *(["file"] if self.file is not None else []))

    @property
    def typed(self) -> Typing:
        """Return what a typed message is at this step."""
        if self.typing is not None:
            return self.typing
        return Typing.TEXT if self.text is not None else Typing.CHOICE


@dataclass(frozen=True)
class Parking(Generic[D]):
    """How a flow keeps what the person typed when they leave it unfinished (a command, a menu button), and how
    it is offered back: `keep` tells whether the data is worth keeping, `describe` words the offer, `resume` asks
    the step's question again once the person chooses to go on. `offered_on_opening`: a chat reopened (a terminal)
    at a step that takes text offers the draft (go on, or drop it) instead of asking the step's question again."""

    keep: Callable[[D], bool]
    describe: Callable[[Context, D], str]
    resume: Asker[D]
    offered_on_opening: bool = False


@dataclass(frozen=True)
class Flow(Generic[D]):
    """A conversation of several steps: its name (stored in the session), data model, steps and cancel button."""

    name: str
    data: type[D]
    steps: Mapping[StrEnum, Accepts[D]]
    cancel: type[Button] | None = None
    cancel_label: str = "cancel-button"  # catalogue key of the cancel button's label
    note: str = "use-buttons"  # catalogue key of the note for text at a step that takes only buttons
    on_cancel: Callable[[Context, D], Awaitable[list[Reply]]] | None = None  # after the flow ended
    parking: Parking[D] | None = None  # None: leaving the flow drops its data
    # The stored files its data holds (a draft's recording, its attached file): one it lets go of is erased.
    holds: Callable[[D], Iterable[int | None]] | None = None
    entry: tuple[StrEnum, ...] = ()  # the steps a chat may enter the flow at; () means the first step
    step_names: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "step_names", frozenset(str(step) for step in self.steps))
        if not self.entry:
            object.__setattr__(self, "entry", (next(iter(self.steps)),))
        for step, accepts in self.steps.items():
            if accepts.question is None:  # /language and a reopened chat ask it again, at every step
                raise ValueError(f"flow {self.name}: step {step} must declare its question")
            unknown = [str(s) for s in (*accepts.goes, *self.entry) if str(s) not in self.step_names]
            if unknown:
                raise ValueError(f"flow {self.name}: step {step} names steps it does not have: {unknown}")

    @property
    def routes(self) -> tuple[ButtonRoute[Any], ...]:
        """Return the routes of the buttons the steps declare, each button once."""
        found: dict[type[Button], ButtonRoute[Any]] = {}
        for accepts in self.steps.values():
            for route in accepts.buttons:
                if found.setdefault(route.button, route).handler is not route.handler:
                    raise ValueError(f"flow {self.name}: {route.button.__name__} has two handlers")
        return tuple(found.values())

    def edges(self) -> list[tuple[str, str]]:
        """Return the declared moves as (from, to) step names, in table order."""
        return [(str(step), str(to)) for step, accepts in self.steps.items() for to in accepts.goes]

    def cancel_choice(self, ctx: Context) -> Choice | None:
        """Return the flow's cancel button drawn in the person's language, or None when the flow declares none."""
        return self.cancel().choice(ctx.t(self.cancel_label)) if self.cancel is not None else None

    def load(self, ctx: Context) -> D:
        """Return the flow's typed data from the session."""
        try:
            return self.data.model_validate(ctx.data)
        except ValidationError as error:
            raise StaleFlow(self.name) from error

    def goto(self, ctx: Context, step: StrEnum, data: D | None = None) -> None:
        """Move the chat to a step of this flow, saving its data (fresh data when entering the flow)."""
        self._check(ctx, step, entering=ctx.flow != self.name)
        self._move(ctx, step, data)

    def start(self, ctx: Context, step: StrEnum, **values: Any) -> D:
        """Enter the flow at a step with fresh data, and return that data."""
        self._check(ctx, step, entering=True)
        data = self.data(**values)
        self._move(ctx, step, data)
        return data

    def _move(self, ctx: Context, step: StrEnum, data: D | None) -> None:
        if data is None:
            data = self.load(ctx) if ctx.flow == self.name else self.data()
        ctx.flow, ctx.step = self.name, str(step)
        ctx.data = data.model_dump(mode="json")

    def _check(self, ctx: Context, step: StrEnum, *, entering: bool) -> None:
        """Refuse (in tests) or log a move the table does not declare."""
        to = str(step)
        allowed: set[str] | frozenset[str]
        if entering:
            allowed = {str(s) for s in self.entry}
            origin = "outside"
        else:
            here = self.accepts(ctx)
            allowed = {ctx.step or "", *(str(s) for s in here.goes)} if here is not None else self.step_names
            origin = ctx.step or ""
        if to in allowed:
            return
        move = f"flow {self.name}: {origin} -> {to} is not declared"
        if not CHECKED:
            log.error(move)
            return
        UNDECLARED.append(move)
        raise UndeclaredMove(move)

    def at(self, ctx: Context, *steps: StrEnum) -> bool:
        """Tell whether the chat is in this flow (at one of the steps, when given)."""
        return ctx.flow == self.name and (not steps or ctx.step in {str(s) for s in steps})

    def accepts(self, ctx: Context) -> Accepts[D] | None:
        """Return what the current step accepts, or None when the chat is not in a known step of this flow."""
        if ctx.flow != self.name or ctx.step not in self.step_names:
            return None
        return next(a for s, a in self.steps.items() if str(s) == ctx.step)

    def parse(self, data: dict[str, Any]) -> D | None:
        """Return stored data as the flow's model, or None when it no longer fits."""
        try:
            return self.data.model_validate(data)
        except ValidationError:
            return None

    def steps_with(self, button: type[Button]) -> frozenset[str]:
        """Return the steps at which a button may be pressed."""
        return frozenset(str(s) for s, a in self.steps.items() if button in a.families)
