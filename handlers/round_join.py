"""Joining a round by link, QR code or typed code; choosing a working group; the group's recommendations."""

from __future__ import annotations

from handlers import round_input
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.menu import with_menu
from handlers.round_views import date_text, deadline_text, numbered, place_text
from handlers.text import parse_int, shorten
from storage import rounds
from storage.models import Commitment
from storage.rounds import LINK_PREFIX, Membership, Round, RoundInput, RoundState

PAGE_SIZE = 5
PREVIEW_CHARS = 300
SESSION_KEY = "_round"  # kept across flows so the main menu can offer the group view


async def on_link(ctx: Context) -> list[Reply]:
    """Answer /start r_<code> (and /join r_<code>, or the code typed): welcome and ask for the working group."""
    code = (ctx.incoming.args or "").strip()[len(LINK_PREFIX) :]
    found = await rounds.get_round_by_code(ctx.conn, code) if code else None
    if found is None:
        return [with_menu(ctx, ctx.t("round-join-unknown"))]
    refused = _refusal(ctx, found)
    if refused is not None:
        return refused
    assert ctx.participant is not None  # noqa: S101 - the router registers people before deep links
    membership = await rounds.get_membership(ctx.conn, found.id, ctx.participant.id)
    return [await _group_prompt(ctx, found, membership)]


def _refusal(ctx: Context, found: Round) -> list[Reply] | None:
    """Return why nobody can join the round now, or None when they can."""
    if found.state is RoundState.DRAFT:
        return [with_menu(ctx, ctx.t("round-join-not-open", name=found.name))]
    if not found.accepts_input(ctx.now):
        return [with_menu(ctx, ctx.t("round-join-closed", name=found.name))]
    return None


async def _group_prompt(ctx: Context, found: Round, membership: Membership | None, *, replace: bool = False) -> Reply:
    commitments = await rounds.round_commitments(ctx.conn, found.id)
    choices = tuple(
        Choice(id=f"grp:j:{found.id}:{c.id}", label=f"{c.number}. {c.title_ar}")
        for c in commitments
        if membership is None or c.id != membership.commitment_id
    )
    current = next((c for c in commitments if membership and c.id == membership.commitment_id), None)
    if current is not None:
        text = ctx.t("round-welcome-member", name=found.name, group=_group_name(current))
    else:
        text = ctx.t(
            "round-welcome",
            name=found.name,
            date=date_text(ctx, found),
            place=place_text(ctx, found.place, found.online),
            deadline=deadline_text(ctx, found.deadline),
        )
    return Reply(text=text, choices=choices, replace=replace)


def _group_name(commitment: Commitment) -> str:
    return f"{commitment.number}. {commitment.title_ar}"


async def on_choice(ctx: Context) -> list[Reply]:
    """Route a grp:* button."""
    parts = (ctx.incoming.choice or "").split(":")
    action = parts[1] if len(parts) > 1 else ""
    args = [parse_int(p) for p in parts[2:]]
    if ctx.participant is None or any(a is None for a in args):
        return await unknown_button(ctx)
    numbers = [a for a in args if a is not None]
    if action == "j" and len(numbers) == 2:
        return await _join(ctx, numbers[0], numbers[1])
    if action in ("v", "ch", "rec") and not numbers:
        return await _on_group_action(ctx, action)
    if action == "p" and len(numbers) == 1:
        return await group_view(ctx, offset=numbers[0], replace=True)
    if action == "e" and len(numbers) == 1:
        return await _endorse(ctx, numbers[0])
    return await unknown_button(ctx)


async def _join(ctx: Context, round_id: int, commitment_id: int) -> list[Reply]:
    assert ctx.participant is not None  # noqa: S101 - checked by on_choice
    found = await rounds.get_round(ctx.conn, round_id)
    if found is None:
        return await unknown_button(ctx)
    refused = _refusal(ctx, found)
    if refused is not None:
        return refused
    commitment = next((c for c in await rounds.round_commitments(ctx.conn, found.id) if c.id == commitment_id), None)
    if commitment is None:
        return await unknown_button(ctx)
    before = await rounds.get_membership(ctx.conn, found.id, ctx.participant.id)
    await rounds.join_group(ctx.conn, found.id, ctx.participant.id, commitment.id, ctx.now)
    ctx.data[SESSION_KEY] = found.id
    if before is not None:
        text = ctx.t("round-group-changed", group=_group_name(commitment))
    else:
        questions = await rounds.list_questions(ctx.conn, found.id, commitment.id)
        text = ctx.t(
            "round-joined",
            group=_group_name(commitment),
            questions=numbered([q.text_ar for q in questions]),
            deadline=deadline_text(ctx, found.deadline),
        )
    return [Reply(text=text, choices=_group_actions(ctx), replace=True)]


def _group_actions(ctx: Context) -> tuple[Choice, ...]:
    return (
        Choice(id="grp:rec", label=ctx.t("round-add-button")),
        Choice(id="grp:v", label=ctx.t("round-group-view-button")),
        Choice(id="grp:ch", label=ctx.t("round-change-group-button")),
    )


async def _on_group_action(ctx: Context, action: str) -> list[Reply]:
    if action == "v":
        return await group_view(ctx, replace=True)
    if action == "rec":
        return await round_input.start_in_round(ctx) or [with_menu(ctx, ctx.t("round-no-group"))]
    current = await _current(ctx)
    if current is None:
        return [with_menu(ctx, ctx.t("round-no-group"))]
    found, membership = current
    refused = _refusal(ctx, found)
    return refused or [await _group_prompt(ctx, found, membership, replace=True)]


async def _current(ctx: Context) -> tuple[Round, Membership] | None:
    assert ctx.participant is not None  # noqa: S101 - callers check
    current = await rounds.current_membership(ctx.conn, ctx.participant.id)
    if current is None:
        ctx.data.pop(SESSION_KEY, None)
    return current


async def show_group(ctx: Context) -> list[Reply]:
    """Answer /group: the working group's recommendations."""
    if ctx.participant is None:
        return [with_menu(ctx, ctx.t("round-no-group"))]
    return await group_view(ctx)


async def group_view(ctx: Context, *, offset: int = 0, replace: bool = False, note: str | None = None) -> list[Reply]:
    """Show a page of the group's recommendations, most endorsed first, with endorse buttons."""
    assert ctx.participant is not None  # noqa: S101 - callers check
    current = await _current(ctx)
    if current is None:
        return [with_menu(ctx, ctx.t("round-no-group"), replace=replace)]
    found, membership = current
    total = await rounds.count_group_inputs(ctx.conn, found.id, membership.commitment_id)
    offset = max(0, min(offset, max(0, total - 1)))
    items = await rounds.group_inputs(
        ctx.conn, found.id, membership.commitment_id, viewer_id=ctx.participant.id, limit=PAGE_SIZE, offset=offset
    )
    questions = {q.id: q.text_ar for q in await rounds.list_questions(ctx.conn, found.id)}
    commitments = {c.id: c for c in await rounds.round_commitments(ctx.conn, found.id)}
    group = commitments.get(membership.commitment_id)
    title = ctx.t(
        "round-group-title",
        group=_group_name(group) if group else "",
        name=found.name,
        deadline=deadline_text(ctx, found.deadline),
    )
    body = ctx.t("round-group-count", count=total) if total else ctx.t("round-group-empty")
    lines = [note, title, body] if note else [title, body]
    lines += [_item(ctx, item, questions) for item in items]
    return [Reply(text="\n\n".join(lines), choices=_view_choices(ctx, found, items, offset, total), replace=replace)]


def _item(ctx: Context, item: RoundInput, questions: dict[int, str]) -> str:
    assert ctx.participant is not None  # noqa: S101 - callers check
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
        text=shorten(item.text, PREVIEW_CHARS),
    )


def _view_choices(ctx: Context, found: Round, items: list[RoundInput], offset: int, total: int) -> tuple[Choice, ...]:
    assert ctx.participant is not None  # noqa: S101 - callers check
    choices: list[Choice] = []
    if found.accepts_input(ctx.now):
        choices += [
            Choice(id=f"grp:e:{i.id}", label=ctx.t("round-endorse-button", receipt=ctx.t("receipt", id=i.id)))
            for i in items
            if i.participant_id != ctx.participant.id and not i.endorsed_by_me
        ]
    if offset > 0:
        choices.append(Choice(id=f"grp:p:{max(0, offset - PAGE_SIZE)}", label=ctx.t("previous")))
    if offset + PAGE_SIZE < total:
        choices.append(Choice(id=f"grp:p:{offset + PAGE_SIZE}", label=ctx.t("more")))
    if found.accepts_input(ctx.now):
        choices += _group_actions(ctx)[::2]  # add a recommendation, change group
    return tuple(choices)


async def _endorse(ctx: Context, recommendation_id: int) -> list[Reply]:
    assert ctx.participant is not None  # noqa: S101 - checked by on_choice
    current = await _current(ctx)
    if current is None:
        return [with_menu(ctx, ctx.t("round-no-group"))]
    found, membership = current
    if not found.accepts_input(ctx.now):
        return round_input.late_refusal(ctx, found, membership)
    item = await rounds.get_input(ctx.conn, recommendation_id, ctx.participant.id)
    if item is None or item.round_id != found.id or item.commitment_id != membership.commitment_id:
        return await group_view(ctx, note=ctx.t("round-endorse-unknown"), replace=True)
    if item.participant_id == ctx.participant.id:
        return await group_view(ctx, note=ctx.t("round-endorse-own"), replace=True)
    receipt = ctx.t("receipt", id=item.id)
    if not await rounds.endorse(ctx.conn, item.id, ctx.participant.id, ctx.now):
        return await group_view(ctx, note=ctx.t("round-endorse-again"), replace=True)
    return await group_view(ctx, note=ctx.t("round-endorsed", receipt=receipt), replace=True)


FEATURE = Feature(
    commands={"group": show_group},
    choices={"grp": on_choice},
    deep_links={LINK_PREFIX: on_link},
    keywords={"keyword-group": "group"},
)
