"""/milestones (liaison officers, coordinators): add a commitment's milestones and edit them (an English title too)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from handlers.kit.access import as_member, handled_commitments, refuse, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.dates import parse_date
from handlers.kit.fallback import stale_button, unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import completion_label, short_date
from handlers.kit.menu import OpenMenu
from handlers.kit.routes import on
from handlers.kit.text import clean_line
from handlers.kit.who import Who
from storage import audit, catalogue, milestones
from storage.models import Commitment, Completion, Milestone

TITLE_LIMITS = (3, 200)


class Step(StrEnum):
    """Steps of adding or editing a milestone."""

    TITLE = "title"
    START = "start"
    END = "end"
    ENGLISH = "english"  # the English title alone, from the edit menu


class Draft(FlowData):
    """The milestone being added (milestone_id None) or edited."""

    commitment_id: int
    milestone_id: int | None = None
    title: str | None = None
    start: date | None = None
    end: date | None = None


class ChooseCommitment(Button, prefix="ms:l"):
    """Back to the commitments whose milestones the person handles."""


class ListMilestones(Button, prefix="ms:c"):
    """A commitment's milestones."""

    commitment: int


class AddMilestone(Button, prefix="ms:a"):
    """Add a milestone to a commitment."""

    commitment: int


class EditMenu(Button, prefix="ms:e"):
    """What to change about one milestone."""

    milestone: int


class EditDetails(Button, prefix="ms:t"):
    """Change a milestone's title and dates."""

    milestone: int


class EditEnglish(Button, prefix="ms:n"):
    """Give a milestone an English title (or change or remove it)."""

    milestone: int


class ClearEnglish(Button, prefix="ms:nx"):
    """Remove the milestone's English title."""


class SetState(Button, prefix="ms:s"):
    """Give a milestone a new state."""

    milestone: int
    state: Completion


class Keep(Button, prefix="ms:k"):
    """Keep the current value (while editing), or leave a date empty (while adding)."""


class Cancel(Button, prefix="ms:x"):
    """Leave the milestone as it was."""


@requires(Who.OFFICER)
async def start(ctx: Member) -> list[Reply]:
    """Answer /milestones: choose the commitment when the person handles several."""
    return await _choose(ctx, replace=False)


@requires(Who.OFFICER)
async def choose(ctx: Member, press: ChooseCommitment) -> list[Reply]:
    """Go back to the commitments to choose from."""
    return await _choose(ctx, replace=True)


async def _choose(ctx: Member, *, replace: bool) -> list[Reply]:
    commitments = await handled_commitments(ctx)
    if not commitments:
        return refuse(ctx)
    if len(commitments) == 1:
        return await listing(ctx, commitments[0], replace=replace)
    choices = tuple(ListMilestones(commitment=c.id).choice(f"{c.number}. {ctx.name(c)}") for c in commitments)
    return [Reply(text=ctx.t("milestones-choose-commitment"), choices=(*choices, _to_menu(ctx)), replace=replace)]


def _to_menu(ctx: Context) -> Choice:
    return OpenMenu(command="menu").choice(ctx.t("milestones-menu"))


async def listing(ctx: Context, commitment: Commitment, *, replace: bool, notice: str | None = None) -> list[Reply]:
    """Show a commitment's milestones with edit and add buttons, and the ways back."""
    items = await catalogue.list_milestones(ctx.conn, commitment.id)
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("milestones-title", number=commitment.number, title=ctx.name(commitment)))
    lines += [_line(ctx, m) for m in items] or [ctx.t("milestones-empty")]
    choices = [EditMenu(milestone=m.id).choice("✏️ " + ctx.name(m)[:50]) for m in items]
    choices.append(AddMilestone(commitment=commitment.id).choice(ctx.t("milestones-add")))
    member = as_member(ctx)
    if member is not None and len(await handled_commitments(member)) > 1:
        choices.append(ChooseCommitment().choice(ctx.t("milestones-all")))
    choices.append(_to_menu(ctx))
    return [Reply(text="\n".join(lines), choices=tuple(choices), replace=replace)]


def _line(ctx: Context, m: Milestone) -> str:
    start = short_date(ctx, m.start_date) if m.start_date else "—"
    end = short_date(ctx, m.end_date) if m.end_date else "—"
    return ctx.t("milestones-line", title=ctx.name(m), state=completion_label(ctx, m.state), start=start, end=end)


async def _handled_commitment(ctx: Member, commitment_id: int) -> Commitment | list[Reply]:
    """Return the commitment when the person answers for it, else the reply that refuses."""
    commitment = await catalogue.get_commitment(ctx.conn, commitment_id)
    if commitment is None:
        return await unknown_button(ctx)
    return commitment if ctx.may_handle(commitment.id) else refuse(ctx)


async def _handled_milestone(ctx: Member, milestone_id: int) -> Milestone | list[Reply]:
    """Return the milestone when the person answers for its commitment, else the reply that refuses."""
    milestone = await milestones.get_milestone(ctx.conn, milestone_id)
    if milestone is None:
        return await unknown_button(ctx)
    return milestone if ctx.may_handle(milestone.commitment_id) else refuse(ctx)


@requires(Who.OFFICER)
async def show_list(ctx: Member, press: ListMilestones) -> list[Reply]:
    """Show a commitment's milestones."""
    commitment = await _handled_commitment(ctx, press.commitment)
    return await listing(ctx, commitment, replace=True) if isinstance(commitment, Commitment) else commitment


@requires(Who.OFFICER)
async def add(ctx: Member, press: AddMilestone) -> list[Reply]:
    """Start adding a milestone."""
    commitment = await _handled_commitment(ctx, press.commitment)
    if not isinstance(commitment, Commitment):
        return commitment
    draft = MILESTONE.start(ctx, Step.TITLE, commitment_id=commitment.id)
    return [_prompt(ctx, draft)]


@requires(Who.OFFICER)
async def edit_menu(ctx: Member, press: EditMenu) -> list[Reply]:
    """Offer to change the details or the state of a milestone."""
    m = await _handled_milestone(ctx, press.milestone)
    if not isinstance(m, Milestone):
        return m
    choices = [
        EditDetails(milestone=m.id).choice(ctx.t("milestones-edit-details")),
        EditEnglish(milestone=m.id).choice(ctx.t("milestones-edit-english")),
    ]
    choices += [SetState(milestone=m.id, state=c).choice(completion_label(ctx, c)) for c in Completion if c != m.state]
    choices.append(ListMilestones(commitment=m.commitment_id).choice(ctx.t("milestones-back")))
    return [Reply(text=ctx.t("milestones-edit", line=_line(ctx, m)), choices=tuple(choices), replace=True)]


@requires(Who.OFFICER)
async def edit_details(ctx: Member, press: EditDetails) -> list[Reply]:
    """Start editing a milestone's title and dates."""
    m = await _handled_milestone(ctx, press.milestone)
    if not isinstance(m, Milestone):
        return m
    draft = MILESTONE.start(ctx, Step.TITLE, commitment_id=m.commitment_id, milestone_id=m.id)
    return [_prompt(ctx, draft)]


@requires(Who.OFFICER)
async def edit_english(ctx: Member, press: EditEnglish) -> list[Reply]:
    """Ask for a milestone's English title."""
    m = await _handled_milestone(ctx, press.milestone)
    if not isinstance(m, Milestone):
        return m
    draft = MILESTONE.start(ctx, Step.ENGLISH, commitment_id=m.commitment_id, milestone_id=m.id)
    return [reply.model_copy(update={"replace": True}) for reply in await ask_again(ctx, draft)]


async def ask_again(ctx: Context, draft: Draft) -> list[Reply]:
    """Ask the question of the step the chat is in again (the English title shows the one it has now)."""
    if not MILESTONE.at(ctx, Step.ENGLISH):
        return [_prompt(ctx, draft)]
    m = await milestones.get_milestone(ctx.conn, draft.milestone_id or 0)
    title = m.title_en if m is not None else None
    now = ctx.t("milestones-english-current", title=title) if title else ctx.t("milestones-english-none")
    choices = (ClearEnglish().choice(ctx.t("milestones-english-clear")), Cancel().choice(ctx.t("cancel-button")))
    return [Reply(text=ctx.t("milestones-ask-english", current=now), choices=choices)]


@requires(Who.OFFICER)
async def take_english(ctx: Member, draft: Draft) -> list[Reply]:
    """Take the typed English title."""
    title = clean_line(ctx.incoming.text or "")
    if not TITLE_LIMITS[0] <= len(title) <= TITLE_LIMITS[1]:
        return [Reply(text=ctx.t("milestones-title-invalid", min=TITLE_LIMITS[0], max=TITLE_LIMITS[1]))]
    return await _save_english(ctx, draft, title)


@requires(Who.OFFICER)
async def clear_english(ctx: Member, press: ClearEnglish) -> list[Reply]:
    """Remove the English title."""
    return await _save_english(ctx, MILESTONE.load(ctx), None)


async def _save_english(ctx: Member, draft: Draft, title: str | None) -> list[Reply]:
    if not _allowed(ctx, draft) or draft.milestone_id is None:
        return refuse(ctx)
    saved = await milestones.set_title_en(ctx.conn, draft.milestone_id, title, ctx.now)
    commitment = await catalogue.get_commitment(ctx.conn, draft.commitment_id)
    ctx.end()
    if saved is None or commitment is None:
        return await unknown_button(ctx)
    await audit.record(ctx.conn, ctx.participant.id, "milestone.edit", f"milestone:{saved.id}", "title_en", ctx.now)
    return await listing(ctx, commitment, replace=False, notice=ctx.t("milestones-saved", title=ctx.name(saved)))


@requires(Who.OFFICER)
async def set_state(ctx: Member, press: SetState) -> list[Reply]:
    """Give a milestone a new state."""
    m = await _handled_milestone(ctx, press.milestone)
    if not isinstance(m, Milestone):
        return m
    saved = await milestones.update_milestone(
        ctx.conn, m.id, title=m.title, start=m.start_date, end=m.end_date, state=press.state, now=ctx.now
    )
    await audit.record(ctx.conn, ctx.participant.id, "milestone.edit", f"milestone:{m.id}", press.state, ctx.now)
    commitment = await catalogue.get_commitment(ctx.conn, m.commitment_id)
    if saved is None or commitment is None:
        return await unknown_button(ctx)
    return await listing(ctx, commitment, replace=True, notice=ctx.t("milestones-saved", title=saved.title))


def _prompt(ctx: Context, draft: Draft) -> Reply:
    """Ask the current step's question; while editing, offer to keep the current value."""
    step = Step(ctx.step or Step.TITLE)
    key = {Step.TITLE: "milestones-ask-title", Step.START: "milestones-ask-start", Step.END: "milestones-ask-end"}
    editing = draft.milestone_id is not None
    choices = [Keep().choice(ctx.t("milestones-keep" if editing else "milestones-no-date"))]
    if step is Step.TITLE and not editing:
        choices = []
    choices.append(Cancel().choice(ctx.t("cancel-button")))
    return Reply(text=ctx.t(key[step]), choices=tuple(choices))


def _allowed(ctx: Member, draft: Draft) -> bool:
    return ctx.may_handle(draft.commitment_id)


@requires(Who.OFFICER)
async def keep(ctx: Member, press: Keep) -> list[Reply]:
    """Keep the current value (or leave a date empty)."""
    draft = MILESTONE.load(ctx)
    if not _allowed(ctx, draft):
        return refuse(ctx)
    current = await milestones.get_milestone(ctx.conn, draft.milestone_id) if draft.milestone_id else None
    step = Step(ctx.step or Step.TITLE)
    if step is Step.TITLE and current is None:
        return await stale_button(ctx)
    if step is Step.TITLE and current is not None:
        draft.title = current.title
    elif step is Step.START:
        draft.start = current.start_date if current else None
    else:
        draft.end = current.end_date if current else None
    return await _advance(ctx, draft)


@requires(Who.OFFICER)
async def take_title(ctx: Member, draft: Draft) -> list[Reply]:
    """Take a typed title."""
    if not _allowed(ctx, draft):
        return refuse(ctx)
    title = clean_line(ctx.incoming.text or "")
    if not TITLE_LIMITS[0] <= len(title) <= TITLE_LIMITS[1]:
        return [Reply(text=ctx.t("milestones-title-invalid", min=TITLE_LIMITS[0], max=TITLE_LIMITS[1]))]
    draft.title = title
    return await _advance(ctx, draft)


@requires(Who.OFFICER)
async def take_date(ctx: Member, draft: Draft) -> list[Reply]:
    """Take a typed start or end date."""
    if not _allowed(ctx, draft):
        return refuse(ctx)
    parsed = parse_date(ctx.incoming.text or "")
    if parsed is None:
        return [Reply(text=ctx.t("milestones-date-invalid"))]
    if ctx.step == Step.END and draft.start and parsed < draft.start:
        return [Reply(text=ctx.t("milestones-end-before-start"))]
    if ctx.step == Step.START:
        draft.start = parsed
    else:
        draft.end = parsed
    return await _advance(ctx, draft)


async def _advance(ctx: Member, draft: Draft) -> list[Reply]:
    following = {Step.TITLE: Step.START, Step.START: Step.END}.get(Step(ctx.step or Step.TITLE))
    if following is None:
        return await _save(ctx, draft)
    MILESTONE.goto(ctx, following, draft)
    return [_prompt(ctx, draft)]


async def _save(ctx: Member, draft: Draft) -> list[Reply]:
    current = await milestones.get_milestone(ctx.conn, draft.milestone_id) if draft.milestone_id else None
    title = draft.title or (current.title if current else "")
    if current is None:
        saved = await catalogue.add_milestone(ctx.conn, draft.commitment_id, title, draft.start, draft.end, ctx.now)
        action = "milestone.add"
    else:
        edited = await milestones.update_milestone(
            ctx.conn, current.id, title=title, start=draft.start, end=draft.end, state=current.state, now=ctx.now
        )
        saved, action = edited or current, "milestone.edit"
    await audit.record(ctx.conn, ctx.participant.id, action, f"milestone:{saved.id}", saved.title, ctx.now)
    ctx.end()
    commitment = await catalogue.get_commitment(ctx.conn, saved.commitment_id)
    if commitment is None:
        return await unknown_button(ctx)
    return await listing(ctx, commitment, replace=False, notice=ctx.t("milestones-saved", title=saved.title))


MILESTONE = Flow(
    name="milestone",
    data=Draft,
    cancel=Cancel,
    entry=(Step.TITLE, Step.ENGLISH),
    steps={
        Step.TITLE: Accepts(question=ask_again, text=take_title, buttons=(on(Keep, keep),), goes=(Step.START,)),
        Step.START: Accepts(question=ask_again, text=take_date, buttons=(on(Keep, keep),), goes=(Step.END,)),
        Step.END: Accepts(question=ask_again, text=take_date, buttons=(on(Keep, keep),)),
        Step.ENGLISH: Accepts(question=ask_again, text=take_english, buttons=(on(ClearEnglish, clear_english),)),
    },
)

FEATURE = Feature(
    commands={"milestones": start},
    buttons=(
        on(ChooseCommitment, choose),
        on(ListMilestones, show_list),
        on(AddMilestone, add),
        on(EditMenu, edit_menu),
        on(EditDetails, edit_details),
        on(SetState, set_state),
        on(EditEnglish, edit_english),
    ),
    flows=(MILESTONE,),
)
