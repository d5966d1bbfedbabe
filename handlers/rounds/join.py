"""Joining a round by link, QR code or typed code; choosing a working group; the group's recommendations."""

from __future__ import annotations

from handlers.kit.access import as_member, need_registration, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.menu import with_menu
from handlers.kit.pager import Page, Pager
from handlers.kit.routes import on
from handlers.kit.text import shorten
from handlers.kit.who import Who
from handlers.rounds import input as round_input
from handlers.rounds.views import date_text, deadline_text, numbered, place_text
from reports.said import said
from storage import endorsements, rounds
from storage.models import Commitment
from storage.rounds import LINK_PREFIX, Membership, Round, RoundInput, RoundState

PAGER = Pager(5)
PREVIEW_CHARS = 300


class JoinGroup(Button, prefix="grp:j"):
    """Join (or move to) a round's working group."""

    round: int
    commitment: int


class GroupView(Button, prefix="grp:v"):
    """The working group's recommendations."""


class GroupPage(Button, prefix="grp:p"):
    """Another page of the working group's recommendations."""

    offset: int


class ChangeGroup(Button, prefix="grp:ch"):
    """Choose another working group."""


class GroupRecommend(Button, prefix="grp:rec"):
    """Add a recommendation in the working group."""


class GroupEndorse(Button, prefix="grp:e"):
    """Support a recommendation of the working group."""

    rec: int


async def on_link(ctx: Context) -> list[Reply]:
    """Answer /start r_<code> (and /join r_<code>, or the code typed): welcome by the meeting's name and ask for
    the working group; a newcomer registers first, and is told which meeting they are joining."""
    raw = (ctx.incoming.args or "").strip()
    code = raw[len(LINK_PREFIX) :]
    found = await rounds.get_round_by_code(ctx.conn, code) if code else None
    if found is None:
        return [with_menu(ctx, ctx.t("round-join-unknown"))]
    refused = _refusal(ctx, found)
    if refused is not None:
        return refused
    member = as_member(ctx)
    if member is None:
        greeting = ctx.t(
            "round-welcome-newcomer",
            name=ctx.name(found, "name"),
            date=date_text(ctx, found),
            place=place_text(ctx, ctx.name(found, "place") if found.place else None, found.online),
        )
        return [Reply(text=greeting), *need_registration(ctx, ctx.incoming.command or "start", raw)[1:]]
    membership = await rounds.get_membership(ctx.conn, found.id, member.participant.id)
    ctx.carry.admitted = found.id  # the code was given: the group buttons that follow may be pressed
    return [await _group_prompt(ctx, found, membership)]


def _refusal(ctx: Context, found: Round) -> list[Reply] | None:
    """Return why nobody can join the round now, or None when they can."""
    if found.state is RoundState.DRAFT:
        return [with_menu(ctx, ctx.t("round-join-not-open", name=ctx.name(found, "name")))]
    if not found.accepts_input(ctx.now):
        return [with_menu(ctx, ctx.t("round-join-closed", name=ctx.name(found, "name")))]
    return None


async def _group_prompt(ctx: Context, found: Round, membership: Membership | None, *, replace: bool = False) -> Reply:
    commitments = await rounds.round_commitments(ctx.conn, found.id)
    choices = tuple(
        JoinGroup(round=found.id, commitment=c.id).choice(f"{c.number}. {ctx.name(c)}")
        for c in commitments
        if membership is None or c.id != membership.commitment_id
    )
    current = next((c for c in commitments if membership and c.id == membership.commitment_id), None)
    if current is not None:
        text = ctx.t("round-welcome-member", name=ctx.name(found, "name"), group=_group_name(ctx, current))
    else:
        text = ctx.t(
            "round-welcome",
            name=ctx.name(found, "name"),
            date=date_text(ctx, found),
            place=place_text(ctx, ctx.name(found, "place") if found.place else None, found.online),
            deadline=deadline_text(ctx, found.deadline),
        )
    return Reply(text=text, choices=choices, replace=replace)


def _group_name(ctx: Context, commitment: Commitment) -> str:
    return f"{commitment.number}. {ctx.name(commitment)}"


@requires(Who.REGISTERED)
async def join(ctx: Member, press: JoinGroup) -> list[Reply]:
    """Join (or move to) a working group while the round takes input."""
    found = await rounds.get_round(ctx.conn, press.round)
    if found is None:
        return await unknown_button(ctx)
    refused = _refusal(ctx, found)
    if refused is not None:
        return refused
    before = await rounds.get_membership(ctx.conn, found.id, ctx.participant.id)
    if before is None and ctx.carry.admitted != found.id:  # a round id in a button is not its code
        return [with_menu(ctx, ctx.t("round-join-code-needed"))]
    groups = await rounds.round_commitments(ctx.conn, found.id)
    commitment = next((c for c in groups if c.id == press.commitment), None)
    if commitment is None:
        return await unknown_button(ctx)
    await rounds.join_group(ctx.conn, found.id, ctx.participant.id, commitment.id, ctx.now)
    ctx.carry.round = found.id
    if before is not None:
        text = ctx.t("round-group-changed", group=_group_name(ctx, commitment))
    else:
        questions = await rounds.list_questions(ctx.conn, found.id, commitment.id)
        text = ctx.t(
            "round-joined",
            group=_group_name(ctx, commitment),
            questions=numbered([ctx.name(q, "text") for q in questions]),
            deadline=deadline_text(ctx, found.deadline),
        )
    return [Reply(text=text, choices=_group_actions(ctx), replace=True)]


def _group_actions(ctx: Context) -> tuple[Choice, ...]:
    return (
        GroupRecommend().choice(ctx.t("round-add-button")),
        GroupView().choice(ctx.t("round-group-view-button")),
        ChangeGroup().choice(ctx.t("round-change-group-button")),
    )


@requires(Who.REGISTERED)
async def view(ctx: Member, press: GroupView) -> list[Reply]:
    """Show the working group's recommendations in place."""
    return await group_view(ctx, replace=True)


@requires(Who.REGISTERED)
async def turn(ctx: Member, press: GroupPage) -> list[Reply]:
    """Show another page of the working group's recommendations."""
    return await group_view(ctx, offset=press.offset, replace=True)


@requires(Who.REGISTERED)
async def add(ctx: Member, press: GroupRecommend) -> list[Reply]:
    """Recommend in the working group."""
    return await round_input.start_in_round(ctx) or [with_menu(ctx, ctx.t("round-no-group"))]


@requires(Who.REGISTERED)
async def change(ctx: Member, press: ChangeGroup) -> list[Reply]:
    """Offer the other working groups."""
    current = await _current(ctx)
    if current is None:
        return [with_menu(ctx, ctx.t("round-no-group"))]
    found, membership = current
    refused = _refusal(ctx, found)
    return refused or [await _group_prompt(ctx, found, membership, replace=True)]


async def _current(ctx: Member) -> tuple[Round, Membership] | None:
    current = await rounds.current_membership(ctx.conn, ctx.participant.id)
    if current is None:
        ctx.carry.round = None
    return current


async def show_group(ctx: Context) -> list[Reply]:
    """Answer /group: the working group's recommendations."""
    member = as_member(ctx)
    if member is None:
        return [with_menu(ctx, ctx.t("round-no-group"))]
    return await group_view(member)


async def group_view(ctx: Member, *, offset: int = 0, replace: bool = False, note: str | None = None) -> list[Reply]:
    """Show a page of the group's recommendations, most endorsed first, with endorse buttons."""
    current = await _current(ctx)
    if current is None:
        return [with_menu(ctx, ctx.t("round-no-group"), replace=replace)]
    found, membership = current
    total = await rounds.count_group_inputs(ctx.conn, found.id, membership.commitment_id)
    shown = await PAGER.fetch(
        lambda limit, at: rounds.group_inputs(
            ctx.conn, found.id, membership.commitment_id, viewer_id=ctx.participant.id, limit=limit, offset=at
        ),
        offset,
        total,
    )
    questions = {q.id: ctx.name(q, "text") for q in await rounds.list_questions(ctx.conn, found.id)}
    commitments = {c.id: c for c in await rounds.round_commitments(ctx.conn, found.id)}
    group = commitments.get(membership.commitment_id)
    title = ctx.t(
        "round-group-title",
        group=_group_name(ctx, group) if group else "",
        name=ctx.name(found, "name"),
        deadline=deadline_text(ctx, found.deadline),
    )
    body = ctx.t("round-group-count", count=total) if total else ctx.t("round-group-empty")
    lines = [note, title, body] if note else [title, body]
    lines += [_item(ctx, item, questions) for item in shown.items]
    return [Reply(text="\n\n".join(lines), choices=_view_choices(ctx, found, shown), replace=replace)]


def _item(ctx: Member, item: RoundInput, questions: dict[int, str]) -> str:
    if item.participant_id == ctx.participant.id:
        mine = ctx.t("round-group-item-mine")
    else:
        mine = ctx.t("round-group-item-endorsed") if item.endorsed_by_me else ""
    question = questions.get(item.question_id or 0)
    return ctx.t(
        "round-group-item",
        receipt=ctx.t("receipt", id=item.id),
        endorsements=item.endorsements,
        mine=f" {mine}" if mine else "",
        question=" " + ctx.t("round-group-item-question", question=shorten(question, 60)) if question else "",
        text=shorten(said(ctx.messages, item.text, item.voice_seconds, item.transcript), PREVIEW_CHARS),
    )


def _view_choices(ctx: Member, found: Round, shown: Page[RoundInput]) -> tuple[Choice, ...]:
    choices: list[Choice] = []
    if found.accepts_input(ctx.now):
        choices += [
            GroupEndorse(rec=i.id).choice(ctx.t("round-endorse-button", receipt=ctx.t("receipt", id=i.id)))
            for i in shown.items
            if i.participant_id != ctx.participant.id and not i.endorsed_by_me
        ]
    choices += shown.turns(ctx, lambda at: GroupPage(offset=at))
    if found.accepts_input(ctx.now):
        choices += _group_actions(ctx)[::2]  # add a recommendation, change group
    return tuple(choices)


@requires(Who.REGISTERED)
async def endorse(ctx: Member, press: GroupEndorse) -> list[Reply]:
    """Support a recommendation of the working group, once, while the round takes input."""
    current = await _current(ctx)
    if current is None:
        return [with_menu(ctx, ctx.t("round-no-group"))]
    found, membership = current
    if not found.accepts_input(ctx.now):
        return round_input.late_refusal(ctx, found, membership)
    item = await rounds.get_input(ctx.conn, press.rec, ctx.participant.id)
    if item is None or item.round_id != found.id or item.commitment_id != membership.commitment_id:
        return await group_view(ctx, note=ctx.t("round-endorse-unknown"), replace=True)
    if item.participant_id == ctx.participant.id:
        return await group_view(ctx, note=ctx.t("round-endorse-own"), replace=True)
    receipt = ctx.t("receipt", id=item.id)
    if not await endorsements.endorse(ctx.conn, item.id, ctx.participant.id, ctx.now):
        return await group_view(ctx, note=ctx.t("round-endorse-again"), replace=True)
    return await group_view(ctx, note=ctx.t("round-endorsed", receipt=receipt), replace=True)


FEATURE = Feature(
    commands={"group": show_group},
    buttons=(
        on(JoinGroup, join),
        on(GroupView, view),
        on(GroupPage, turn),
        on(GroupRecommend, add),
        on(ChangeGroup, change),
        on(GroupEndorse, endorse),
    ),
    deep_links={LINK_PREFIX: on_link},
    keywords={"keyword-group": "group"},
)
