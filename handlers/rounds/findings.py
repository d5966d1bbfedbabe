"""/findings: a rapporteur enters (and edits until the round closes) the findings of the group they speak for."""

from __future__ import annotations

from enum import StrEnum

from handlers.kit.access import as_member, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import stale_button
from handlers.kit.feature import Feature
from handlers.kit.files import recommendation_text
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.text import clean_text, parse_int, shorten
from handlers.kit.who import Who
from handlers.recommending import recommend
from handlers.rounds.rapporteurs import group_label
from storage import audit, catalogue, recommendations, rounds, working_groups
from storage.models import Commitment, Recommendation
from storage.rounds import Round

SHOWN = 20  # findings and other input listed at once
SNIPPET = 120
MAX_AT_TABLE = 500


class Step(StrEnum):
    """Steps of the findings flow: the count at the table, a finding's new text."""

    AT_TABLE = "at_table"
    EDIT = "edit"


class Seat(FlowData):
    """The working group the rapporteur speaks for, and the finding being edited."""

    round_id: int = 0
    commitment_id: int = 0
    rec_id: int = 0


class OpenGroup(Button, prefix="fnd:g"):
    """The group's findings and its other input."""

    round: int
    commitment: int


class AddFinding(Button, prefix="fnd:a"):
    """Enter a finding for one discussion question (0: another question or a general one)."""

    round: int
    commitment: int
    question: int


class EditFinding(Button, prefix="fnd:e"):
    """Write a finding again."""

    rec: int


class Cancel(Button, prefix="fnd:x"):
    """Leave without changing anything."""


async def _seat(ctx: Member, round_id: int, commitment_id: int) -> tuple[Round, Commitment, int | None] | None:
    """Return the group's open round, commitment and count at the table when this person is its rapporteur."""
    seat = await working_groups.get_rapporteur(ctx.conn, round_id, commitment_id)
    found = await rounds.get_round(ctx.conn, round_id)
    if seat is None or seat.participant_id != ctx.participant.id or found is None or not found.accepts_input(ctx.now):
        return None
    commitment = await catalogue.get_commitment(ctx.conn, commitment_id)
    return (found, commitment, seat.at_table) if commitment is not None else None


@requires(Who.REGISTERED)
async def start(ctx: Member) -> list[Reply]:
    """Answer /findings: the group the person speaks for (or which one, when several)."""
    seats = await working_groups.groups_of(ctx.conn, ctx.participant.id)
    if not seats:
        return [with_menu(ctx, ctx.t("findings-not-rapporteur"))]
    if len(seats) == 1:
        return await _view(ctx, seats[0].round_id, seats[0].commitment_id)
    choices = []
    for seat in seats:
        commitment = await catalogue.get_commitment(ctx.conn, seat.commitment_id)
        if commitment is not None:
            choices.append(
                OpenGroup(round=seat.round_id, commitment=commitment.id).choice(group_label(ctx, commitment))
            )
    return [Reply(text=ctx.t("findings-which-group"), choices=tuple(choices))]


@requires(Who.REGISTERED)
async def open_group(ctx: Member, press: OpenGroup) -> list[Reply]:
    """Show a group's findings and its other input."""
    return await _view(ctx, press.round, press.commitment)


async def _view(ctx: Member, round_id: int, commitment_id: int) -> list[Reply]:
    seat = await _seat(ctx, round_id, commitment_id)
    if seat is None:
        return [with_menu(ctx, ctx.t("findings-closed"))]
    found, commitment, at_table = seat
    if at_table is None:
        FINDINGS.start(ctx, Step.AT_TABLE, round_id=found.id, commitment_id=commitment.id)
        return [_ask_count(ctx, commitment)]
    return [await _board(ctx, found, commitment, at_table)]


def _ask_count(ctx: Context, commitment: Commitment) -> Reply:
    return Reply(text=ctx.t("findings-ask-at-table", group=group_label(ctx, commitment)), choices=(_cancel(ctx),))


def _cancel(ctx: Context) -> Choice:
    return Cancel().choice(ctx.t("cancel-button"))


async def _board(ctx: Member, found: Round, commitment: Commitment, at_table: int) -> Reply:
    """Return the group's findings with their edit buttons, its members' input, and a button per question."""
    mine = await working_groups.findings_of(ctx.conn, found.id, commitment.id)
    others = await rounds.group_inputs(ctx.conn, found.id, commitment.id, viewer_id=ctx.participant.id, limit=SHOWN)
    others = [i for i in others if i.group_round_id is None]
    lines = [ctx.t("findings-title", group=group_label(ctx, commitment), name=found.name, count=at_table)]
    lines.append(ctx.t("findings-count", count=len(mine)))
    lines += [f"{ctx.t('receipt', id=r.id)} {shorten(recommendation_text(ctx, r), SNIPPET)}" for r in mine[:SHOWN]]
    lines.append(ctx.t("findings-others", count=len(others)))
    lines += [f"{ctx.t('receipt', id=i.id)} {shorten(i.text, SNIPPET)}" for i in others]
    choices = [
        AddFinding(round=found.id, commitment=commitment.id, question=q.id).choice(
            ctx.t("findings-add-for", question=shorten(ctx.name(q, "text"), 50))
        )
        for q in await rounds.list_questions(ctx.conn, found.id, commitment.id)
    ]
    choices.append(AddFinding(round=found.id, commitment=commitment.id, question=0).choice(ctx.t("findings-add")))
    choices += [EditFinding(rec=r.id).choice(ctx.t("findings-edit", receipt=ctx.t("receipt", id=r.id))) for r in mine]
    return Reply(text="\n".join(lines), choices=tuple(choices))


async def take_at_table(ctx: Context, seat: Seat) -> list[Reply]:
    """Record how many sat at the table, then show the group's board."""
    member = as_member(ctx)
    if member is None:
        return []
    count = parse_int(ctx.incoming.text or "")
    if count is None or not 1 <= count <= MAX_AT_TABLE:
        return [Reply(text=ctx.t("findings-at-table-number", max=MAX_AT_TABLE), choices=(_cancel(ctx),))]
    found = await _seat(member, seat.round_id, seat.commitment_id)
    ctx.end()
    if found is None:
        return [with_menu(ctx, ctx.t("findings-closed"))]
    await working_groups.set_at_table(ctx.conn, seat.round_id, seat.commitment_id, count)
    return [await _board(member, found[0], found[1], count)]


async def ask_at_table(ctx: Context, seat: Seat) -> list[Reply]:
    """Ask for the count at the table again."""
    commitment = await catalogue.get_commitment(ctx.conn, seat.commitment_id)
    return [_ask_count(ctx, commitment)] if commitment is not None else []


@requires(Who.REGISTERED)
async def add_finding(ctx: Member, press: AddFinding) -> list[Reply]:
    """Hand over to the recommendation flow (text, a voice note or a photo), stored as the group's."""
    seat = await _seat(ctx, press.round, press.commitment)
    if seat is None:
        return [with_menu(ctx, ctx.t("findings-closed"))]
    found, commitment, _ = seat
    questions = {q.id for q in await rounds.list_questions(ctx.conn, found.id, commitment.id)}
    if press.question and press.question not in questions:
        return await stale_button(ctx)
    await rounds.join_group(ctx.conn, found.id, ctx.participant.id, commitment.id, ctx.now)
    question = press.question or None
    return await recommend.continue_on(ctx, commitment, round_id=found.id, question_id=question, for_group=True)


async def after_store(ctx: Member, draft: recommend.Draft, stored: Recommendation) -> None:
    """Make a rapporteur's stored input the working group's finding."""
    if not draft.for_group or stored.round_id is None:
        return
    seat = await _seat(ctx, stored.round_id, stored.commitment_id)
    if seat is None:
        return
    await working_groups.mark_finding(ctx.conn, stored.id, stored.round_id, seat[2])
    target = f"recommendation:{stored.id}"
    await audit.record(ctx.conn, ctx.participant.id, "finding.add", target, f"group:{stored.round_id}", ctx.now)


@requires(Who.REGISTERED)
async def edit_finding(ctx: Member, press: EditFinding) -> list[Reply]:
    """Ask for a finding's new text, while its round takes input."""
    rec = await _own_finding(ctx, press.rec)
    if rec is None or rec.group_round_id is None:
        return [with_menu(ctx, ctx.t("findings-closed"))]
    FINDINGS.start(ctx, Step.EDIT, round_id=rec.group_round_id, commitment_id=rec.commitment_id, rec_id=rec.id)
    return [await _ask_edit(ctx, rec)]


async def _own_finding(ctx: Member, rec_id: int) -> Recommendation | None:
    """Return a finding of a group this person speaks for, in a round still taking input."""
    rec = await recommendations.get_recommendation(ctx.conn, rec_id)
    if rec is None or rec.group_round_id is None or rec.hidden:
        return None
    return rec if await _seat(ctx, rec.group_round_id, rec.commitment_id) is not None else None


async def _ask_edit(ctx: Context, rec: Recommendation) -> Reply:
    quoted = shorten(recommendation_text(ctx, rec), 600)
    return Reply(
        text=ctx.t("findings-ask-edit", receipt=ctx.t("receipt", id=rec.id), text=quoted), choices=(_cancel(ctx),)
    )


async def take_edit(ctx: Context, seat: Seat) -> list[Reply]:
    """Store a finding's new text."""
    member = as_member(ctx)
    if member is None:
        return []
    text = clean_text(ctx.incoming.text or "")
    low, high = ctx.config.recommendation_min, ctx.config.recommendation_max
    if not low <= len(text) <= high:
        return [Reply(text=ctx.t("findings-edit-length", min=low, max=high), choices=(_cancel(ctx),))]
    rec = await _own_finding(member, seat.rec_id)
    ctx.end()
    if rec is None:
        return [with_menu(ctx, ctx.t("findings-closed"))]
    await working_groups.edit_finding(ctx.conn, rec.id, text)
    await audit.record(ctx.conn, member.participant.id, "finding.edit", f"recommendation:{rec.id}", None, ctx.now)
    return [with_menu(ctx, ctx.t("findings-edited", receipt=ctx.t("receipt", id=rec.id)))]


async def ask_edit(ctx: Context, seat: Seat) -> list[Reply]:
    """Ask for the new text again."""
    rec = await recommendations.get_recommendation(ctx.conn, seat.rec_id)
    return [await _ask_edit(ctx, rec)] if rec is not None else []


FINDINGS = Flow(
    name="findings",
    data=Seat,
    cancel=Cancel,
    entry=(Step.AT_TABLE, Step.EDIT),
    steps={
        Step.AT_TABLE: Accepts(text=take_at_table, question=ask_at_table),
        Step.EDIT: Accepts(text=take_edit, question=ask_edit),
    },
)

FEATURE = Feature(
    commands={"findings": start},
    buttons=(on(OpenGroup, open_group), on(AddFinding, add_finding), on(EditFinding, edit_finding)),
    flows=(FINDINGS,),
    hooks=(recommend.AFTER_STORE.bind(after_store),),
)
