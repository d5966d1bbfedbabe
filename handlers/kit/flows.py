"""Declared flows: a flow's steps, what each step accepts, and its typed data, in one table.

    RECOMMEND = Flow(
        name="recommend",
        data=Draft,
        cancel=Cancel,
        steps={
            Step.COMMITMENT: Accepts(buttons=(PickCommitment,), question=ask_commitment),
            Step.TEXT: Accepts(text=take_text, question=ask_text),
            Step.PREVIEW: Accepts(buttons=(Send, Edit), text=take_text, question=show_preview),
        },
    )

The state lives in the database (the session row), not in memory: a restart resumes the step. A button that does
not belong to the step the chat is in is stale; text at a step that takes only buttons asks the step's question
again; data that no longer fits the flow's model (a session from an older version) ends the flow politely.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply


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


@dataclass(frozen=True)
class Accepts(Generic[D]):
    """What one step accepts: typed text (and its handler), buttons, a sent file, and its question (asked again after
    a language switch, and the source of the choices repeated when text arrives at a step that takes none)."""

    text: TextHandler[D] | None = None
    buttons: tuple[type[Button], ...] = ()
    question: Asker[D] | None = None
    file: TextHandler[D] | None = None  # reads ctx.incoming.attachment
    typing: Typing | None = None  # None: text when the step takes text, a choice otherwise

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
    the step's question again once the person chooses to go on."""

    keep: Callable[[D], bool]
    describe: Callable[[Context, D], str]
    resume: Asker[D]


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
    step_names: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "step_names", frozenset(str(step) for step in self.steps))
        for step, accepts in self.steps.items():
            if accepts.text is None and accepts.question is None:
                raise ValueError(f"flow {self.name}: step {step} takes no text, so it must declare its question")

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
        if data is None:
            data = self.load(ctx) if ctx.flow == self.name else self.data()
        ctx.flow, ctx.step = self.name, str(step)
        ctx.data = data.model_dump(mode="json")

    def start(self, ctx: Context, step: StrEnum, **values: Any) -> D:
        """Enter the flow at a step with fresh data, and return that data."""
        data = self.data(**values)
        self.goto(ctx, step, data)
        return data

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
        return frozenset(str(s) for s, a in self.steps.items() if button in a.buttons)
