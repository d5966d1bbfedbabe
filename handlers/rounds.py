"""/round for coordinators: list rounds, a round's card, open/close/reopen, QR code, attendance and findings."""

from __future__ import annotations

from handlers import round_new
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.menu import with_menu
from handlers.round_views import (
    attendance_text,
    card,
    date_text,
    findings_text,
    join_link,
    qr_document,
    state_label,
)
from handlers.text import parse_int, shorten
from storage import rounds
from storage.rounds import Round, RoundState

PAGE_SIZE = 8


def refuse(ctx: Context) -> list[Reply]:
    """Tell a non-coordinator politely that rounds are not theirs to manage."""
    return [with_menu(ctx, ctx.t("round-not-allowed"))]


async def start(ctx: Context) -> list[Reply]:
    """Answer /round: the list of rounds (coordinators only)."""
    if not ctx.is_coordinator:
        return refuse(ctx)
    return await round_list(ctx, 0)


async def round_list(ctx: Context, offset: int, *, replace: bool = False) -> list[Reply]:
    """Show a page of rounds with a button for each and one to create a new round."""
    total = await rounds.count_rounds(ctx.conn)
    found = await rounds.list_rounds(ctx.conn, limit=PAGE_SIZE, offset=max(0, offset))
    lines = [ctx.t("round-list-title", count=total)]
    lines += [
        ctx.t("round-list-line", name=r.name, date=date_text(ctx, r), state=state_label(ctx, r.state)) for r in found
    ]
    choices = [Choice(id=f"rnd:v:{r.id}", label=shorten(r.name, 40)) for r in found]
    if offset > 0:
        choices.append(Choice(id=f"rnd:l:{max(0, offset - PAGE_SIZE)}", label=ctx.t("previous")))
    if offset + PAGE_SIZE < total:
        choices.append(Choice(id=f"rnd:l:{offset + PAGE_SIZE}", label=ctx.t("more")))
    choices.append(Choice(id="rnd:new", label=ctx.t("round-new-button")))
    return [Reply(text="\n".join(lines), choices=tuple(choices), replace=replace)]


async def on_choice(ctx: Context) -> list[Reply]:
    """Route a rnd:* button; every one of them is for coordinators only."""
    if not ctx.is_coordinator:
        return refuse(ctx)
    parts = (ctx.incoming.choice or "").split(":")
    action = parts[1] if len(parts) > 1 else ""
    arg = parse_int(parts[2]) if len(parts) == 3 else None
    if action in round_new.ACTIONS:
        return await round_new.on_choice(ctx, action, arg)
    if action == "l" and arg is not None:
        return await round_list(ctx, arg, replace=True)
    found = await rounds.get_round(ctx.conn, arg) if arg is not None else None
    if found is None or action not in _ROUND_ACTIONS:
        return await unknown_button(ctx)
    return await _ROUND_ACTIONS[action](ctx, found)


async def _view(ctx: Context, found: Round) -> list[Reply]:
    return await card(ctx, found, replace=True)


async def _open(ctx: Context, found: Round) -> list[Reply]:
    if found.state is RoundState.OPEN:
        return await card(ctx, found, note=ctx.t("round-already", state=state_label(ctx, found.state)))
    await rounds.open_round(ctx.conn, found.id, ctx.now)
    reopened = await rounds.get_round(ctx.conn, found.id)
    assert reopened is not None  # noqa: S101 - it was just read
    if found.state is RoundState.DRAFT:
        key = "round-opened"
    else:
        key = "round-reopened" if reopened.accepts_input(ctx.now) else "round-reopened-past-deadline"
    return await card(ctx, reopened, note=ctx.t(key))


async def _close(ctx: Context, found: Round) -> list[Reply]:
    if found.state is not RoundState.OPEN:
        return await card(ctx, found, note=ctx.t("round-already", state=state_label(ctx, found.state)))
    await rounds.close_round(ctx.conn, found.id, ctx.now)
    closed = await rounds.get_round(ctx.conn, found.id)
    assert closed is not None  # noqa: S101 - it was just read
    return await card(ctx, closed, note=ctx.t("round-closed-done"))


async def _qr(ctx: Context, found: Round) -> list[Reply]:
    link = join_link(ctx, found)
    if link is None:
        return [Reply(text=ctx.t("round-qr-unavailable", code=found.link_payload))]
    caption = ctx.t("round-qr-caption", name=found.name, link=link)
    text = ctx.t("round-qr-text", name=found.name, link=link, code=found.link_payload)
    return [Reply(text=text, document=qr_document(found, link, caption))]


async def _attendance(ctx: Context, found: Round) -> list[Reply]:
    figures = await rounds.attendance(ctx.conn, found.id)
    back = Choice(id=f"rnd:v:{found.id}", label=shorten(found.name, 40))
    return [Reply(text=attendance_text(ctx, found, figures), choices=(back,))]


async def _findings(ctx: Context, found: Round) -> list[Reply]:
    findings = await rounds.findings(ctx.conn, found.id)
    back = Choice(id=f"rnd:v:{found.id}", label=shorten(found.name, 40))
    return [Reply(text=findings_text(ctx, found, findings), choices=(back,))]


async def _deadline(ctx: Context, found: Round) -> list[Reply]:
    return round_new.ask_new_deadline(ctx, found)


_ROUND_ACTIONS = {
    "v": _view,
    "open": _open,
    "close": _close,
    "qr": _qr,
    "att": _attendance,
    "fnd": _findings,
    "dl": _deadline,
}


FEATURE = Feature(
    commands={"round": start},
    choices={"rnd": on_choice},
    legacy_flows={round_new.FLOW: round_new.on_text, round_new.DEADLINE_FLOW: round_new.on_deadline_text},
    keywords={"keyword-round": "round"},
)
