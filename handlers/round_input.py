"""Recommending in a round: /recommend goes to the working group, asks the question, refuses late input."""

from __future__ import annotations

from handlers import recommend
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.menu import menu_choices, with_menu
from handlers.round_views import deadline_text
from handlers.text import parse_int, shorten
from storage import catalogue, rounds
from storage.models import Commitment, Recommendation
from storage.rounds import Membership, Question, Round

FLOW = "round_question"
ASK = "question"
GENERAL = 0  # the "another question or a general remark" button
ROUND_KEYS = ("round_id", "question_id")


async def start_in_round(ctx: Context) -> list[Reply] | None:
    """Start /recommend in the person's working group when they are in an open round; None otherwise."""
    for key in ROUND_KEYS:
        ctx.data.pop(key, None)  # a recommendation is a round's only when this function says so
    if ctx.participant is None or ctx.incoming.args:
        return None
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
        return await _continue(ctx, found, commitment, None)
    ctx.goto(FLOW, ASK, round_id=found.id, commitment_id=commitment.id)
    return [_question_prompt(ctx, found, commitment, questions)]


def _question_prompt(ctx: Context, found: Round, commitment: Commitment, questions: list[Question]) -> Reply:
    choices = [Choice(id=f"rq:{q.id}", label=shorten(q.text_ar, 60)) for q in questions]
    choices.append(Choice(id=f"rq:{GENERAL}", label=ctx.t("round-question-general")))
    choices.append(Choice(id="rq:x", label=ctx.t("cancel-button")))
    text = ctx.t("round-ask-question", name=found.name, group=f"{commitment.number}. {commitment.title_ar}")
    return Reply(text=text, choices=tuple(choices))


async def _continue(ctx: Context, found: Round, commitment: Commitment, question: Question | None) -> list[Reply]:
    """Hand over to the recommendation flow on the group's commitment, remembering the round and question."""
    replies = await recommend.continue_on(ctx, commitment, replace=question is not None)
    ctx.data.update(round_id=found.id, question_id=question.id if question else None)
    return replies


def late_refusal(ctx: Context, found: Round, membership: Membership) -> list[Reply]:
    """Refuse round input after the deadline, with the next steps and a way to send general input instead."""
    text = ctx.t("round-late", name=found.name, deadline=deadline_text(ctx, found.deadline))
    general = Choice(id=f"rec:start:{membership.commitment_id}", label=ctx.t("round-general-button"))
    return [Reply(text=text, choices=(general, *menu_choices(ctx)))]


async def on_choice(ctx: Context) -> list[Reply]:
    """Take the discussion question (rq:<id>, rq:0 for none, rq:x to cancel)."""
    value = (ctx.incoming.choice or "").partition(":")[2]
    if ctx.flow != FLOW or ctx.step != ASK or ctx.participant is None:
        return await stale_button(ctx)
    if value == "x":
        ctx.end()
        return [with_menu(ctx, ctx.t("cancelled"), replace=True)]
    question_id = parse_int(value)
    found = await rounds.get_round(ctx.conn, int(ctx.data.get("round_id", 0)))
    commitment = await catalogue.get_commitment(ctx.conn, int(ctx.data.get("commitment_id", 0)))
    if question_id is None or found is None or commitment is None:
        return await unknown_button(ctx)
    membership = await rounds.get_membership(ctx.conn, found.id, ctx.participant.id)
    if membership is None or membership.commitment_id != commitment.id:
        return await stale_button(ctx)
    if not found.accepts_input(ctx.now):
        ctx.end()
        return late_refusal(ctx, found, membership)
    question = await rounds.get_question(ctx.conn, question_id) if question_id != GENERAL else None
    if question_id != GENERAL and (
        question is None or question.round_id != found.id or question.commitment_id not in (None, commitment.id)
    ):
        return await unknown_button(ctx)
    return await _continue(ctx, found, commitment, question)


async def on_text(ctx: Context) -> list[Reply]:
    """Ask again for the question when text arrives instead of a button."""
    found = await rounds.get_round(ctx.conn, int(ctx.data.get("round_id", 0)))
    commitment = await catalogue.get_commitment(ctx.conn, int(ctx.data.get("commitment_id", 0)))
    if found is None or commitment is None:
        ctx.end()
        return [with_menu(ctx, ctx.t("not-understood"))]
    questions = await rounds.list_questions(ctx.conn, found.id, commitment.id)
    return [_question_prompt(ctx, found, commitment, questions)]


async def refuse_late(ctx: Context) -> list[Reply] | None:
    """Before a recommendation is stored: refuse it if it belongs to a round past its deadline."""
    round_id = ctx.data.get("round_id")
    if not round_id or ctx.participant is None:
        return None
    found = await rounds.get_round(ctx.conn, int(round_id))
    membership = await rounds.get_membership(ctx.conn, int(round_id), ctx.participant.id)
    if found is None or membership is None or membership.commitment_id != ctx.data.get("commitment_id"):
        for key in ROUND_KEYS:  # the person left the group meanwhile: this is general input
            ctx.data.pop(key, None)
        return None
    if found.accepts_input(ctx.now):
        return None
    ctx.end()
    return [reply.model_copy(update={"replace": True}) for reply in late_refusal(ctx, found, membership)]


async def after_store(ctx: Context, stored: Recommendation) -> None:
    """Record which discussion question a round recommendation answers."""
    question_id = ctx.data.get("question_id")
    if stored.round_id is not None and question_id:
        await rounds.tag_question(ctx.conn, stored.id, int(question_id))


FEATURE = Feature(
    choices={"rq": on_choice},
    flows={FLOW: on_text},
)
