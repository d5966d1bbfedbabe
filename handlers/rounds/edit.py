"""Editing a draft or open round (coordinators): its name, date, place, working groups and discussion questions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum
from functools import partial

import aiosqlite
from pydantic import Field

from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.dates import parse_date
from handlers.kit.fallback import stale_button, unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.text import clean_line, label_key, split_items
from handlers.kit.who import Who
from handlers.rounds.buttons import RoundEdit
from handlers.rounds.new import MAX_QUESTIONS, NAME_LIMITS, PLACE_LIMITS, QUESTION_MAX
from handlers.rounds.views import card, numbered
from storage import catalogue, round_edits, rounds
from storage.rounds import Question, Round, RoundState


class Part(StrEnum):
    """What of the round is edited."""

    NAME = "name"
    DATE = "date"
    PLACE = "place"
    GROUPS = "groups"
    QUESTIONS = "questions"
    NAME_EN = "name_en"
    PLACE_EN = "place_en"
    QUESTIONS_EN = "questions_en"


PART_LABELS = {
    Part.NAME: "round-edit-name",
    Part.DATE: "round-edit-date",
    Part.PLACE: "round-edit-place",
    Part.GROUPS: "round-edit-groups",
    Part.QUESTIONS: "round-edit-questions",
    Part.NAME_EN: "round-edit-name-en",
    Part.PLACE_EN: "round-edit-place-en",
    Part.QUESTIONS_EN: "round-edit-questions-en",
}


class Step(StrEnum):
    """Steps of editing: choose the part, then give its new value."""

    CHOOSE = "choose"
    NAME = "name"
    DATE = "date"
    PLACE = "place"
    GROUPS = "groups"
    QUESTIONS = "questions"
    NAME_EN = "name_en"
    PLACE_EN = "place_en"
    QUESTIONS_EN = "questions_en"


class Editing(FlowData):
    """The round being edited and, for its working groups, the ones chosen so far."""

    round_id: int
    chosen: list[int] = Field(default_factory=list)


class EditPart(Button, prefix="rnde:p"):
    """Edit one part of the round."""

    part: Part


class EditToday(Button, prefix="rnde:today"):
    """The round is held today."""


class EditOnline(Button, prefix="rnde:online"):
    """The round is held online."""


class ToggleGroup(Button, prefix="rnde:c"):
    """Put a working group in or out of the round."""

    commitment: int


class GroupsDone(Button, prefix="rnde:cdone"):
    """Save the working groups chosen."""


class NoEnglish(Button, prefix="rnde:noen"):
    """Remove the English version of the part being edited: English readers see the Arabic."""


class Cancel(Button, prefix="rnde:x"):
    """Change nothing and go back to the round."""


SaveLine = Callable[[aiosqlite.Connection, int, str], Awaitable[Round]]


def _cancel(ctx: Context) -> Choice:
    return Cancel().choice(ctx.t("round-edit-back"))


@requires_role(Who.COORDINATOR)
async def begin(ctx: Context, press: RoundEdit) -> list[Reply]:
    """Ask what to edit in a draft or open round."""
    found = await rounds.get_round(ctx.conn, press.round)
    if found is None:
        return await unknown_button(ctx)
    if found.state is RoundState.CLOSED:
        return await card(ctx, found, note=ctx.t("round-edit-closed"))
    EDIT.start(ctx, Step.CHOOSE, round_id=found.id)
    return [_what_to_edit(ctx, found).model_copy(update={"replace": True})]


def _what_to_edit(ctx: Context, found: Round) -> Reply:
    """Return the question which part of the round to edit."""
    choices = tuple(EditPart(part=p).choice(ctx.t(key)) for p, key in PART_LABELS.items())
    return Reply(text=ctx.t("round-edit-what", name=ctx.name(found, "name")), choices=(*choices, _cancel(ctx)))


async def _editable(ctx: Context, editing: Editing) -> Round | None:
    found = await rounds.get_round(ctx.conn, editing.round_id)
    return found if found is not None and found.state is not RoundState.CLOSED else None


@requires_role(Who.COORDINATOR)
async def pick_part(ctx: Context, press: EditPart) -> list[Reply]:
    """Ask for the new value of one part."""
    editing = EDIT.load(ctx)
    found = await _editable(ctx, editing)
    if found is None:
        return await stale_button(ctx)
    if press.part is Part.GROUPS:
        editing.chosen = [c.id for c in await rounds.round_commitments(ctx.conn, found.id)]
        EDIT.goto(ctx, Step.GROUPS, editing)
        return [await _groups_prompt(ctx, editing)]
    if press.part is Part.QUESTIONS_EN and not await _typed_questions(ctx, found):
        return [Reply(text=ctx.t("round-edit-questions-en-none")), *await begin_again(ctx, found)]
    EDIT.goto(ctx, Step(press.part.value), editing)
    return [await _ask(ctx, found, press.part)]


async def _ask(ctx: Context, found: Round, part: Part) -> Reply:
    if part in ENGLISH:
        return await _ask_english(ctx, found, part)
    if part is Part.NAME:
        return Reply(text=ctx.t("round-edit-ask-name", name=found.name), choices=(_cancel(ctx),), replace=True)
    if part is Part.DATE:
        today = EditToday().choice(ctx.t("round-today-button"))
        return Reply(text=ctx.t("round-ask-date"), choices=(today, _cancel(ctx)), replace=True)
    if part is Part.PLACE:
        online = EditOnline().choice(ctx.t("round-online-button"))
        return Reply(text=ctx.t("round-ask-place"), choices=(online, _cancel(ctx)), replace=True)
    questions = [ctx.name(q, "text") for q in await rounds.list_questions(ctx.conn, found.id)]
    text = ctx.t("round-edit-ask-questions", questions=numbered(questions))
    return Reply(text=text, choices=(_cancel(ctx),), replace=True)


async def _ask_english(ctx: Context, found: Round, part: Part) -> Reply:
    """Ask for a part's English version, showing the Arabic and the English it has now (it is optional)."""
    remove = NoEnglish().choice(ctx.t("round-edit-no-english"))
    if part is Part.QUESTIONS_EN:
        typed = await _typed_questions(ctx, found)
        lines = [f"{q.text_ar} — {q.text_en or '—'}" for q in typed]
        return Reply(
            text=ctx.t("round-edit-ask-questions-en", questions=numbered(lines), count=len(typed)),
            choices=(remove, _cancel(ctx)),
            replace=True,
        )
    arabic, english = (found.name, found.name_en) if part is Part.NAME_EN else (found.place or "—", found.place_en)
    text = ctx.t("round-edit-ask-english", arabic=arabic, english=english or "—")
    return Reply(text=text, choices=(remove, _cancel(ctx)), replace=True)


async def _typed_questions(ctx: Context, found: Round) -> list[Question]:
    """Return the shared questions a coordinator typed (the defaults are worded in both catalogues)."""
    return [q for q in await rounds.list_questions(ctx.conn, found.id) if q.commitment_id is None and q.key is None]


async def _groups_prompt(ctx: Context, editing: Editing) -> Reply:
    chosen = set(editing.chosen)
    choices = [
        ToggleGroup(commitment=c.id).choice(("✅ " if c.id in chosen else "▫️ ") + f"{c.number}. {ctx.name(c)}")
        for c in await catalogue.list_commitments(ctx.conn)
    ]
    done = GroupsDone().choice(ctx.t("round-edit-save"))
    return Reply(text=ctx.t("round-ask-commitments"), choices=(*choices, done, _cancel(ctx)), replace=True)


async def _saved(ctx: Context, found: Round) -> list[Reply]:
    ctx.end()
    return await card(ctx, found, note=ctx.t("round-edited"))


async def _take_line(
    ctx: Context, editing: Editing, limits: tuple[int, int], invalid: str, save: SaveLine
) -> list[Reply]:
    """Store a typed line (a name, a place) within its length limits, or say what they are."""
    found = await _editable(ctx, editing)
    if found is None:
        return await _gone(ctx)
    line, (low, high) = clean_line(ctx.incoming.text or ""), limits
    if not low <= len(line) <= high:
        return [Reply(text=ctx.t(invalid, min=low, max=high), choices=(_cancel(ctx),))]
    return await _saved(ctx, await save(ctx.conn, found.id, line))


@requires_role(Who.COORDINATOR)
async def take_name(ctx: Context, editing: Editing) -> list[Reply]:
    """Rename the round."""
    return await _take_line(ctx, editing, NAME_LIMITS, "round-name-invalid", round_edits.rename)


@requires_role(Who.COORDINATOR)
async def take_date(ctx: Context, editing: Editing) -> list[Reply]:
    """Change the round's day (a past day records a meeting that took place)."""
    found = await _editable(ctx, editing)
    typed = ctx.incoming.text or ""
    today = ctx.local_now.date()
    day = today if label_key(typed) == label_key(ctx.t("round-today-word")) else parse_date(typed)
    if found is None:
        return await _gone(ctx)
    if day is None:
        return [Reply(text=ctx.t("round-date-invalid"), choices=(_cancel(ctx),))]
    return await _saved(ctx, await round_edits.set_date(ctx.conn, found.id, day))


@requires_role(Who.COORDINATOR)
async def today(ctx: Context, press: EditToday) -> list[Reply]:
    """The round is held today."""
    found = await _editable(ctx, EDIT.load(ctx))
    if found is None:
        return await _gone(ctx)
    return await _saved(ctx, await round_edits.set_date(ctx.conn, found.id, ctx.local_now.date()))


@requires_role(Who.COORDINATOR)
async def take_place(ctx: Context, editing: Editing) -> list[Reply]:
    """Change where the round is held."""
    in_hall = partial(round_edits.set_place, online=False)
    return await _take_line(ctx, editing, PLACE_LIMITS, "round-place-invalid", in_hall)


@requires_role(Who.COORDINATOR)
async def online(ctx: Context, press: EditOnline) -> list[Reply]:
    """The round is held online."""
    found = await _editable(ctx, EDIT.load(ctx))
    if found is None:
        return await _gone(ctx)
    return await _saved(ctx, await round_edits.set_place(ctx.conn, found.id, None, online=True))


@requires_role(Who.COORDINATOR)
async def toggle(ctx: Context, press: ToggleGroup) -> list[Reply]:
    """Put a working group in or out of the round (saved with «حفظ»)."""
    if press.commitment not in {c.id for c in await catalogue.list_commitments(ctx.conn)}:
        return await stale_button(ctx)
    editing = EDIT.load(ctx)
    chosen = editing.chosen
    editing.chosen = (
        [c for c in chosen if c != press.commitment] if press.commitment in chosen else [*chosen, press.commitment]
    )
    EDIT.goto(ctx, Step.GROUPS, editing)
    return [await _groups_prompt(ctx, editing)]


@requires_role(Who.COORDINATOR)
async def groups_done(ctx: Context, press: GroupsDone) -> list[Reply]:
    """Save the working groups, keeping any that people joined or sent input to."""
    editing = EDIT.load(ctx)
    found = await _editable(ctx, editing)
    if found is None:
        return await _gone(ctx)
    if not editing.chosen:
        return [Reply(text=ctx.t("round-commitments-empty")), await _groups_prompt(ctx, editing)]
    current = [c.id for c in await rounds.round_commitments(ctx.conn, found.id)]
    leaving = [c for c in current if c not in editing.chosen]
    kept = await round_edits.groups_in_use(ctx.conn, found.id, leaving)
    if kept:
        numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
        listed = ctx.messages.join([str(numbers.get(c, c)) for c in kept])
        editing.chosen = sorted({*editing.chosen, *kept})
        EDIT.goto(ctx, Step.GROUPS, editing)
        return [Reply(text=ctx.t("round-edit-groups-in-use", groups=listed)), await _groups_prompt(ctx, editing)]
    await round_edits.set_groups(ctx.conn, found.id, editing.chosen)
    return await _saved(ctx, found)


@requires_role(Who.COORDINATOR)
async def take_questions(ctx: Context, editing: Editing) -> list[Reply]:
    """Replace the discussion questions (one per line, or several on a line ending with «؟»)."""
    found = await _editable(ctx, editing)
    if found is None:
        return await _gone(ctx)
    questions = split_items(ctx.incoming.text or "")
    if not 1 <= len(questions) <= MAX_QUESTIONS or any(len(q) > QUESTION_MAX for q in questions):
        text = ctx.t("round-questions-invalid", max=MAX_QUESTIONS, length=QUESTION_MAX)
        return [Reply(text=text, choices=(_cancel(ctx),))]
    shared = [q for q in await rounds.list_questions(ctx.conn, found.id) if q.commitment_id is None]
    answered = await round_edits.questions_in_use(ctx.conn, shared[len(questions) :])
    if answered:
        text = ctx.t("round-edit-question-in-use", question=ctx.name(answered[0], "text"), count=len(shared))
        return [Reply(text=text, choices=(_cancel(ctx),))]
    await round_edits.set_questions(ctx.conn, found.id, questions)
    return await _saved(ctx, found)


@requires_role(Who.COORDINATOR)
async def take_name_en(ctx: Context, editing: Editing) -> list[Reply]:
    """Give the round's name in English (within the Arabic name's limits)."""
    return await _take_line(ctx, editing, NAME_LIMITS, "round-name-invalid", round_edits.set_name_en)


@requires_role(Who.COORDINATOR)
async def take_place_en(ctx: Context, editing: Editing) -> list[Reply]:
    """Give the round's place in English (within the Arabic place's limits)."""
    return await _take_line(ctx, editing, PLACE_LIMITS, "round-place-invalid", round_edits.set_place_en)


@requires_role(Who.COORDINATOR)
async def take_questions_en(ctx: Context, editing: Editing) -> list[Reply]:
    """Give the typed questions their English versions, one per line in the same order."""
    found = await _editable(ctx, editing)
    if found is None:
        return await _gone(ctx)
    typed = await _typed_questions(ctx, found)
    texts = split_items(ctx.incoming.text or "")
    if len(texts) != len(typed) or any(len(q) > QUESTION_MAX for q in texts):
        text = ctx.t("round-edit-questions-en-invalid", count=len(typed), length=QUESTION_MAX)
        return [Reply(text=text, choices=(NoEnglish().choice(ctx.t("round-edit-no-english")), _cancel(ctx)))]
    await round_edits.set_questions_en(ctx.conn, typed, list(texts))
    return await _saved(ctx, found)


@requires_role(Who.COORDINATOR)
async def no_english(ctx: Context, press: NoEnglish) -> list[Reply]:
    """Remove the English version of the part being edited."""
    editing = EDIT.load(ctx)
    found = await _editable(ctx, editing)
    if found is None:
        return await _gone(ctx)
    if EDIT.at(ctx, Step.NAME_EN):
        found = await round_edits.set_name_en(ctx.conn, found.id, None)
    elif EDIT.at(ctx, Step.PLACE_EN):
        found = await round_edits.set_place_en(ctx.conn, found.id, None)
    else:
        typed = await _typed_questions(ctx, found)
        await round_edits.set_questions_en(ctx.conn, typed, [None] * len(typed))
    return await _saved(ctx, found)


async def begin_again(ctx: Context, found: Round) -> list[Reply]:
    """Ask again what to edit."""
    EDIT.goto(ctx, Step.CHOOSE, EDIT.load(ctx))
    return [_what_to_edit(ctx, found)]


ENGLISH = (Part.NAME_EN, Part.PLACE_EN, Part.QUESTIONS_EN)


async def _gone(ctx: Context) -> list[Reply]:
    ctx.end()
    return [with_menu(ctx, ctx.t("round-edit-closed"))]


async def back_to_round(ctx: Context, editing: Editing) -> list[Reply]:
    """Show the round again after «back» (nothing was changed)."""
    found = await rounds.get_round(ctx.conn, editing.round_id)
    if found is None:
        return [with_menu(ctx, ctx.t("round-unknown"), replace=True)]
    return await card(ctx, found, replace=True)


async def ask_again(ctx: Context, editing: Editing) -> list[Reply]:
    """Ask the question of the step the chat is in again: what to edit, the groups, or one part's new value."""
    if EDIT.at(ctx, Step.GROUPS):
        return [(await _groups_prompt(ctx, editing)).model_copy(update={"replace": False})]
    found = await rounds.get_round(ctx.conn, editing.round_id)
    if found is None:
        return await _gone(ctx)
    if EDIT.at(ctx, Step.CHOOSE):
        return [_what_to_edit(ctx, found)]
    return [(await _ask(ctx, found, Part(ctx.step or Part.NAME))).model_copy(update={"replace": False})]


EDIT = Flow(
    name="round_edit",
    data=Editing,
    cancel=Cancel,
    cancel_label="round-edit-back",
    on_cancel=back_to_round,
    steps={
        Step.CHOOSE: Accepts(
            buttons=(on(EditPart, pick_part),),
            question=ask_again,
            goes=(
                Step.NAME,
                Step.DATE,
                Step.PLACE,
                Step.GROUPS,
                Step.QUESTIONS,
                Step.NAME_EN,
                Step.PLACE_EN,
                Step.QUESTIONS_EN,
            ),
        ),
        Step.NAME: Accepts(question=ask_again, text=take_name, goes=(Step.CHOOSE,)),
        Step.DATE: Accepts(question=ask_again, text=take_date, buttons=(on(EditToday, today),), goes=(Step.CHOOSE,)),
        Step.PLACE: Accepts(
            question=ask_again, text=take_place, buttons=(on(EditOnline, online),), goes=(Step.CHOOSE,)
        ),
        Step.GROUPS: Accepts(
            buttons=(on(ToggleGroup, toggle), on(GroupsDone, groups_done)), question=ask_again, goes=(Step.CHOOSE,)
        ),
        Step.QUESTIONS: Accepts(question=ask_again, text=take_questions, goes=(Step.CHOOSE,)),
        Step.NAME_EN: Accepts(
            question=ask_again, text=take_name_en, buttons=(on(NoEnglish, no_english),), goes=(Step.CHOOSE,)
        ),
        Step.PLACE_EN: Accepts(
            question=ask_again, text=take_place_en, buttons=(on(NoEnglish, no_english),), goes=(Step.CHOOSE,)
        ),
        Step.QUESTIONS_EN: Accepts(
            question=ask_again, text=take_questions_en, buttons=(on(NoEnglish, no_english),), goes=(Step.CHOOSE,)
        ),
    },
)

FEATURE = Feature(
    buttons=(on(RoundEdit, begin),),
    flows=(EDIT,),
)
