"""A question typed outside any flow is offered as a question to the coordinators, kept in their /inbox."""

from __future__ import annotations

from enum import StrEnum

from handlers.kit import fallback, intent
from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.text import clean_text, shorten
from handlers.kit.who import Who
from storage import questions

QUESTION_MAX = 1000
SHOWN_CHARS = 300


class Step(StrEnum):
    """The one step: send the question, or not."""

    CONFIRM = "confirm"


class Asking(FlowData):
    """The question typed."""

    text: str = ""


class SendQuestion(Button, prefix="q:send"):
    """Send the typed question to the coordinators."""


class Cancel(Button, prefix="q:x"):
    """Do not send it."""


async def offer(ctx: Context) -> list[Reply] | None:
    """Offer a registered person's question to the coordinators; None for anything else."""
    text = clean_text(ctx.incoming.text or "")
    if ctx.participant is None or not intent.is_question(text) or len(text) > QUESTION_MAX:
        return None
    ASK.start(ctx, Step.CONFIRM, text=text)
    return [_confirm(ctx, text)]


def _confirm(ctx: Context, text: str) -> Reply:
    choices = (SendQuestion().choice(ctx.t("question-send")), Cancel().choice(ctx.t("cancel-button")))
    return Reply(text=ctx.t("question-offer", text=shorten(text, SHOWN_CHARS)), choices=choices)


async def ask_again(ctx: Context, asking: Asking) -> list[Reply]:
    """Text at the question's confirmation: ask again (the question typed first is kept)."""
    return [_confirm(ctx, asking.text)]


@requires(Who.REGISTERED)
async def send(ctx: Member, press: SendQuestion) -> list[Reply]:
    """Keep the question for the coordinators."""
    asking = ASK.load(ctx)
    number = await questions.add_question(ctx.conn, ctx.participant.id, asking.text, ctx.incoming.channel, ctx.now)
    ctx.end()
    return [with_menu(ctx, ctx.t("question-sent", number=number), replace=True)]


ASK = Flow(
    name="question",
    data=Asking,
    cancel=Cancel,
    steps={Step.CONFIRM: Accepts(buttons=(on(SendQuestion, send),), question=ask_again)},
)

FEATURE = Feature(
    flows=(ASK,),
    hooks=(fallback.FREE_TEXT.bind(offer),),
)
