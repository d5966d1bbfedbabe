"""/round for coordinators: list rounds, a round's card, open/close/reopen, QR code, attendance and findings."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from handlers.kit.access import requires_role
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.pager import Pager
from handlers.kit.routes import on
from handlers.kit.text import shorten
from handlers.kit.who import Who
from handlers.rounds import notices as round_notices
from handlers.rounds.buttons import (
    NewRound,
    RoundAttendance,
    RoundClose,
    RoundDeadline,
    RoundFindings,
    RoundHall,
    RoundList,
    RoundOpen,
    RoundPublicJoin,
    RoundQr,
    RoundView,
)
from handlers.rounds.views import (
    attendance_text,
    card,
    date_text,
    findings_text,
    join_link,
    qr_document,
    round_state,
    state_label,
)
from reports import round_findings
from storage import rounds
from storage.round_hall import get_hall
from storage.rounds import Round, RoundState

PAGER = Pager(8)

RoundButton = RoundView | RoundOpen | RoundClose | RoundQr | RoundAttendance | RoundFindings | RoundDeadline


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /round: the list of rounds."""
    return await round_list(ctx, 0)


@requires_role(Who.COORDINATOR)
async def turn(ctx: Context, press: RoundList) -> list[Reply]:
    """Show another page of rounds."""
    return await round_list(ctx, press.offset, replace=True)


async def round_list(ctx: Context, offset: int, *, replace: bool = False) -> list[Reply]:
    """Show a page of rounds with a button for each and one to create a new round."""
    total = await rounds.count_rounds(ctx.conn)
    shown = await PAGER.fetch(lambda limit, at: rounds.list_rounds(ctx.conn, limit=limit, offset=at), offset)
    found = shown.items
    lines = [ctx.t("round-list-title", count=total)]
    lines += [
        ctx.t("round-list-line", name=ctx.name(r, "name"), date=date_text(ctx, r), state=round_state(ctx, r))
        for r in found
    ]
    choices = [RoundView(round=r.id).choice(shorten(ctx.name(r, "name"), 40)) for r in found]
    choices += shown.turns(ctx, lambda at: RoundList(offset=at))
    choices.append(NewRound().choice(ctx.t("round-new-button")))
    return [Reply(text="\n".join(lines), choices=tuple(choices), replace=replace)]


def _on_round(
    action: Callable[[Context, Round], Awaitable[list[Reply]]],
) -> Callable[[Context, RoundButton], Awaitable[list[Reply]]]:
    """Return a handler that finds the round a button names, then acts on it."""

    async def handle(ctx: Context, press: RoundButton) -> list[Reply]:
        found = await rounds.get_round(ctx.conn, press.round)
        return await (action(ctx, found) if found is not None else unknown_button(ctx))

    handle.__doc__ = action.__doc__
    return handle


async def _view(ctx: Context, found: Round) -> list[Reply]:
    """Show the round's card."""
    return await card(ctx, found, replace=True)


async def _open(ctx: Context, found: Round) -> list[Reply]:
    """Open a draft round, or reopen a closed one."""
    if found.state is RoundState.OPEN:
        return await card(ctx, found, note=ctx.t("round-already", state=state_label(ctx, found.state)))
    reopened = await rounds.open_round(ctx.conn, found.id, ctx.now)
    if found.state is RoundState.DRAFT:
        key = "round-opened"
    else:
        key = "round-reopened" if reopened.accepts_input(ctx.now) else "round-reopened-past-deadline"
    return await card(ctx, reopened, note=ctx.t(key))


async def _close(ctx: Context, found: Round) -> list[Reply]:
    """Close an open round."""
    if found.state is not RoundState.OPEN:
        return await card(ctx, found, note=ctx.t("round-already", state=state_label(ctx, found.state)))
    closed = await rounds.close_round(ctx.conn, found.id, ctx.now)
    told = await round_notices.closed(ctx, closed)
    return await card(ctx, closed, note=ctx.t("round-closed-done", count=told))


async def _qr(ctx: Context, found: Round) -> list[Reply]:
    """Send the printable QR code of the join link."""
    link = join_link(ctx, found)
    if link is None:
        return [Reply(text=ctx.t("round-qr-unavailable", code=found.link_payload))]
    caption = ctx.t("round-qr-caption", name=ctx.name(found, "name"), link=link)
    text = ctx.t("round-qr-text", name=ctx.name(found, "name"), link=link, code=found.link_payload)
    return [Reply(text=text, document=qr_document(found, link, caption))]


@requires_role(Who.COORDINATOR)
async def public_join(ctx: Context, press: RoundPublicJoin) -> list[Reply]:
    """Publish the round's join link on the public site while it is open, or stop publishing it."""
    found = await rounds.get_round(ctx.conn, press.round)
    if found is None:
        return await unknown_button(ctx)
    changed = await rounds.set_public_join(ctx.conn, found.id, bool(press.public))
    key = "round-public-join-on" if changed.public_join else "round-public-join-off"
    return await card(ctx, changed, note=ctx.t(key), replace=True)


async def _attendance(ctx: Context, found: Round) -> list[Reply]:
    """Show who joined."""
    figures = await round_findings.attendance(ctx.conn, found.id)
    hall = await get_hall(ctx.conn, found.id)
    back = RoundView(round=found.id).choice(shorten(ctx.name(found, "name"), 40))
    enter = RoundHall(round=found.id).choice(ctx.t("round-hall-button"))
    return [Reply(text=attendance_text(ctx, found, figures, hall), choices=(enter, back))]


async def _findings(ctx: Context, found: Round) -> list[Reply]:
    """Show the round's input by commitment, question and theme."""
    findings = await round_findings.findings(ctx.conn, found.id)
    back = RoundView(round=found.id).choice(shorten(ctx.name(found, "name"), 40))
    return [Reply(text=findings_text(ctx, found, findings), choices=(back,))]


# Every rnd:* button is a coordinator's: the declaration sits on each route.
view = requires_role(Who.COORDINATOR)(_on_round(_view))
open_round = requires_role(Who.COORDINATOR)(_on_round(_open))
close_round = requires_role(Who.COORDINATOR)(_on_round(_close))
qr_code = requires_role(Who.COORDINATOR)(_on_round(_qr))
attendance = requires_role(Who.COORDINATOR)(_on_round(_attendance))
findings = requires_role(Who.COORDINATOR)(_on_round(_findings))

FEATURE = Feature(
    commands={"round": start},
    buttons=(
        on(RoundList, turn),
        on(RoundView, view),
        on(RoundOpen, open_round),
        on(RoundClose, close_round),
        on(RoundQr, qr_code),
        on(RoundPublicJoin, public_join),
        on(RoundAttendance, attendance),
        on(RoundFindings, findings),
    ),
    keywords={"keyword-round": "round"},
)
