"""Recommending in a round: /recommend goes to the working group, asks the question, refuses late input."""

from __future__ import annotations

from enum import StrEnum

from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.fallback import stale_button, unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.routes import on
from handlers.kit.text import shorten
from handlers.kit.who import Who
from handlers.recommending import recommend
from handlers.rounds.views import deadline_text
from storage import catalogue, rounds
from storage.models import Commitment, Recommendation
from storage.rounds import Membership, Question, Round

GENERAL = 0  # the "another question or a general remark" button


class Step(StrEnum):
    """The one step: which discussion question the input answers."""

    QUESTION = "question"


class InRound(FlowData):
    """The round and working group the input is for."""

    round_id: int
    commitment_id: int


class PickQuestion(Button, prefix="rq"):
    """The discussion question the input answers (0: another question or a general remark)."""

    question: int


class Cancel(Button, prefix="rq:x"):
    """Leave without recommending."""


async def start_in_round(ctx: Member) -> list[Reply] | None:
    """Start /recommend in the person's working group when they are in an open round; None otherwise."""
    current = await rounds.current_membership(ctx.conn, ctx.participant.id)
    if current is None:
        return None
    found, membership = current
    if not found.accepts_input(ctx.now):
        return late_refusal(ctx, found, membership)
    commitment = await catalogue.get_commitment(ctx.conn, membership.commitment_id)
    if commitment is None:
        return None
    questions = await rounds.list_questions(ctx.conn, found.id, commitment.id)
    if not questions:
        return await recommend.continue_on(ctx, commitment, round_id=found.id)
    ASK_QUESTION.start(ctx, Step.QUESTION, round_id=found.id, commitment_id=commitment.id)
    return [_question_prompt(ctx, found, commitment, questions)]


def _question_prompt(ctx: Context, found: Round, commitment: Commitment, questions: list[Question]) -> Reply:
    choices = [PickQuestion(question=q.id).choice(shorten(ctx.name(q, "text"), 60)) for q in questions]
    choices.append(PickQuestion(question=GENERAL).choice(ctx.t("round-question-general")))
    choices.append(Cancel().choice(ctx.t("cancel-button")))
    text = ctx.t(
        "round-ask-question", name=ctx.name(found, "name"), group=f"{commitment.number}. {ctx.name(commitment)}"
    )
    return Reply(text=text, choices=tuple(choices))


def late_refusal(ctx: Context, found: Round, membership: Membership) -> list[Reply]:
    """Refuse round input after the deadline, with the next steps and a way to send general input instead."""
    text = ctx.t("round-late", name=ctx.name(found, "name"), deadline=deadline_text(ctx, found.deadline))
    general = recommend.StartOn(commitment=membership.commitment_id).choice(ctx.t("round-general-button"))
    return [Reply(text=text, choices=(general, *menu_choices(ctx)))]


@requires(Who.REGISTERED)
async def pick_question(ctx: Member, press: PickQuestion) -> list[Reply]:
    """Take the discussion question and hand over to the recommendation flow."""
    where = ASK_QUESTION.load(ctx)
    found = await rounds.get_round(ctx.conn, where.round_id)
    commitment = await catalogue.get_commitment(ctx.conn, where.commitment_id)
    if found is None or commitment is None:
        return await unknown_button(ctx)
    membership = await rounds.get_membership(ctx.conn, found.id, ctx.participant.id)
    if membership is None or membership.commitment_id != commitment.id:
        return await stale_button(ctx)
    if not found.accepts_input(ctx.now):
        ctx.end()
        return late_refusal(ctx, found, membership)
    question = await rounds.get_question(ctx.conn, press.question) if press.question != GENERAL else None
    if press.question != GENERAL and (
        question is None or question.round_id != found.id or question.commitment_id not in (None, commitment.id)
    ):
        return await unknown_button(ctx)
    return await recommend.continue_on(
        ctx, commitment, replace=question is not None, round_id=found.id, question_id=question.id if question else None
    )


async def ask_question(ctx: Context, where: InRound) -> list[Reply]:
    """Ask for the question again when text arrives instead of a button."""
    found = await rounds.get_round(ctx.conn, where.round_id)
    commitment = await catalogue.get_commitment(ctx.conn, where.commitment_id)
    if found is None or commitment is None:
        ctx.end()
        return [with_menu(ctx, ctx.t("not-understood"))]
    questions = await rounds.list_questions(ctx.conn, found.id, commitment.id)
    return [_question_prompt(ctx, found, commitment, questions)]


async def refuse_late(ctx: Member, draft: recommend.Draft) -> list[Reply] | None:
    """Before a recommendation is stored: if its round's deadline passed, keep the text and offer to send it as
    general input on the same commitment, outside the round."""
    if draft.round_id is None:
        return None
    found = await rounds.get_round(ctx.conn, draft.round_id)
    membership = await rounds.get_membership(ctx.conn, draft.round_id, ctx.participant.id)
    if found is None or membership is None or membership.commitment_id != draft.commitment_id:
        draft.round_id = draft.question_id = None  # the person left the group meanwhile: this is general input
        return None
    if found.accepts_input(ctx.now):
        return None
    draft.round_id = draft.question_id = None
    recommend.RECOMMEND.goto(ctx, recommend.Step.PREVIEW, draft)
    preview = await recommend.preview(ctx, draft)
    text = ctx.t("round-late-kept", name=ctx.name(found, "name"), deadline=deadline_text(ctx, found.deadline))
    return [Reply(text=f"{text}\n\n{preview.text}", choices=preview.choices, replace=True)]


async def after_store(ctx: Member, draft: recommend.Draft, stored: Recommendation) -> None:
    """Record which discussion question a round recommendation answers."""
    if stored.round_id is not None and draft.question_id:
        await rounds.tag_question(ctx.conn, stored.id, draft.question_id)


ASK_QUESTION = Flow(
    name="round_question",
    data=InRound,
    cancel=Cancel,
    steps={Step.QUESTION: Accepts(buttons=(on(PickQuestion, pick_question),), question=ask_question)},
)

FEATURE = Feature(
    flows=(ASK_QUESTION,),
    hooks=(
        recommend.ON_START.bind(start_in_round),
        recommend.BEFORE_STORE.bind(refuse_late),
        recommend.AFTER_STORE.bind(after_store),
    ),
)
