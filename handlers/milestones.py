"""/milestones (liaison officers, coordinators): add a commitment's milestones and edit them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from handlers import inbox
from handlers import roles as access
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.dates import parse_date
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.labels import completion_label, short_date
from handlers.menu import with_menu
from handlers.text import clean_line, parse_int
from storage import audit, catalogue, milestones
from storage.models import Commitment, Completion, Milestone

FLOW = "milestone"
TITLE_LIMITS = (3, 200)


class Step(StrEnum):
    """Steps of adding or editing a milestone."""

    TITLE = "title"
    START = "start"
    END = "end"


async def start(ctx: Context) -> list[Reply]:
    """Answer /milestones: choose the commitment when the person handles several."""
    commitments = await inbox.handled_commitments(ctx)
    if ctx.participant is None and (ctx.is_coordinator or ctx.liaison_commitments()):
        return access.need_registration(ctx, "milestones")
    if not commitments:
        return access.refuse(ctx)
    if len(commitments) == 1:
        return await listing(ctx, commitments[0], replace=False)
    choices = tuple(Choice(id=f"ms:c:{c.id}", label=f"{c.number}. {c.title_ar}") for c in commitments)
    return [Reply(text=ctx.t("milestones-choose-commitment"), choices=choices)]


async def listing(ctx: Context, commitment: Commitment, *, replace: bool, notice: str | None = None) -> list[Reply]:
    """Show a commitment's milestones with edit and add buttons."""
    items = await catalogue.list_milestones(ctx.conn, commitment.id)
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("milestones-title", number=commitment.number, title=commitment.title_ar))
    lines += [_line(ctx, m) for m in items] or [ctx.t("milestones-empty")]
    choices = [Choice(id=f"ms:e:{m.id}", label="✏️ " + m.title[:50]) for m in items]
    choices.append(Choice(id=f"ms:a:{commitment.id}", label=ctx.t("milestones-add")))
    return [Reply(text="\n".join(lines), choices=tuple(choices), replace=replace)]


def _line(ctx: Context, m: Milestone) -> str:
    start = short_date(ctx, m.start_date) if m.start_date else "—"
    end = short_date(ctx, m.end_date) if m.end_date else "—"
    return ctx.t("milestones-line", title=m.title, state=completion_label(ctx, m.state), start=start, end=end)


async def on_choice(ctx: Context) -> list[Reply]:
    """Route ms:* buttons, re-checking the right to edit the commitment each time."""
    parts = (ctx.incoming.choice or "").split(":")
    action, value = [*parts, "", ""][1:3]
    if action in ("k", "x") and ctx.flow == FLOW:
        return await _keep_or_cancel(ctx, action)
    if not await inbox.scope(ctx):
        return access.refuse(ctx)
    if action in ("c", "a"):
        commitment = await catalogue.get_commitment(ctx.conn, parse_int(value) or 0)
        if commitment is None:
            return await unknown_button(ctx)
        if not access.may_handle(ctx, commitment.id):
            return access.refuse(ctx)
        return await (listing(ctx, commitment, replace=True) if action == "c" else _begin(ctx, commitment.id, None))
    milestone = await milestones.get_milestone(ctx.conn, parse_int(value) or 0)
    if milestone is None:
        return await (stale_button(ctx) if action in ("k", "x") else unknown_button(ctx))
    if not access.may_handle(ctx, milestone.commitment_id):
        return access.refuse(ctx)
    if action == "e":
        return _edit_menu(ctx, milestone)
    if action == "t":
        return await _begin(ctx, milestone.commitment_id, milestone)
    if action == "s" and len(parts) == 4 and parts[3] in Completion.__members__.values():
        return await _set_state(ctx, milestone, Completion(parts[3]))
    return await unknown_button(ctx)


def _edit_menu(ctx: Context, m: Milestone) -> list[Reply]:
    choices = [Choice(id=f"ms:t:{m.id}", label=ctx.t("milestones-edit-details"))]
    choices += [Choice(id=f"ms:s:{m.id}:{c.value}", label=completion_label(ctx, c)) for c in Completion if c != m.state]
    choices.append(Choice(id=f"ms:c:{m.commitment_id}", label=ctx.t("milestones-back")))
    return [Reply(text=ctx.t("milestones-edit", line=_line(ctx, m)), choices=tuple(choices), replace=True)]


async def _set_state(ctx: Context, m: Milestone, state: Completion) -> list[Reply]:
    assert ctx.participant is not None  # noqa: S101 - scope() is empty without a participant
    saved = await milestones.update_milestone(
        ctx.conn, m.id, title=m.title, start=m.start_date, end=m.end_date, state=state, now=ctx.now
    )
    await audit.record(ctx.conn, ctx.participant.id, "milestone.edit", f"milestone:{m.id}", state.value, ctx.now)
    commitment = await catalogue.get_commitment(ctx.conn, m.commitment_id)
    assert commitment is not None and saved is not None  # noqa: S101 - rows read in this transaction
    return await listing(ctx, commitment, replace=True, notice=ctx.t("milestones-saved", title=saved.title))


async def _begin(ctx: Context, commitment_id: int, m: Milestone | None) -> list[Reply]:
    ctx.goto(FLOW, Step.TITLE, commitment_id=commitment_id, milestone_id=m.id if m else None)
    return [_prompt(ctx, m)]


def _prompt(ctx: Context, m: Milestone | None) -> Reply:
    """Ask the current step's question; while editing, offer to keep the current value."""
    step = Step(ctx.step or Step.TITLE)
    key = {Step.TITLE: "milestones-ask-title", Step.START: "milestones-ask-start", Step.END: "milestones-ask-end"}
    choices = [Choice(id="ms:k", label=ctx.t("milestones-keep" if m else "milestones-no-date"))]
    if step is Step.TITLE and m is None:
        choices = []
    choices.append(Choice(id="ms:x", label=ctx.t("cancel-button")))
    return Reply(text=ctx.t(key[step]), choices=tuple(choices))


async def _current(ctx: Context) -> Milestone | None:
    mid = ctx.data.get("milestone_id")
    return await milestones.get_milestone(ctx.conn, int(mid)) if mid else None


async def _keep_or_cancel(ctx: Context, action: str) -> list[Reply]:
    """Keep the current value (or leave a date empty), or cancel."""
    if not access.may_handle(ctx, int(ctx.data.get("commitment_id", 0))):
        return access.refuse(ctx)
    if action == "x":
        ctx.end()
        return [with_menu(ctx, ctx.t("cancelled"), replace=True)]
    m = await _current(ctx)
    if ctx.step == Step.TITLE and m is None:
        return await stale_button(ctx)
    kept = {Step.TITLE: m.title if m else None, Step.START: m.start_date if m else None}
    kept[Step.END] = m.end_date if m else None
    return await _advance(ctx, kept[Step(ctx.step or Step.TITLE)])


async def on_text(ctx: Context) -> list[Reply]:
    """Take a typed title or date."""
    if not access.may_handle(ctx, int(ctx.data.get("commitment_id", 0))):
        return access.refuse(ctx)
    raw = ctx.incoming.text or ""
    if ctx.step == Step.TITLE:
        title = clean_line(raw)
        if not TITLE_LIMITS[0] <= len(title) <= TITLE_LIMITS[1]:
            return [Reply(text=ctx.t("milestones-title-invalid", min=TITLE_LIMITS[0], max=TITLE_LIMITS[1]))]
        return await _advance(ctx, title)
    parsed = parse_date(raw)
    if parsed is None:
        return [Reply(text=ctx.t("milestones-date-invalid"))]
    if ctx.step == Step.END and ctx.data.get("start") and parsed < date.fromisoformat(ctx.data["start"]):
        return [Reply(text=ctx.t("milestones-end-before-start"))]
    return await _advance(ctx, parsed)


async def _advance(ctx: Context, value: str | date | None) -> list[Reply]:
    step = Step(ctx.step or Step.TITLE)
    stored = value.isoformat() if isinstance(value, date) else value
    if step is Step.TITLE:
        ctx.goto(FLOW, Step.START, title=stored)
    elif step is Step.START:
        ctx.goto(FLOW, Step.END, start=stored)
    else:
        ctx.data["end"] = stored
        return await _save(ctx)
    return [_prompt(ctx, await _current(ctx))]


async def _save(ctx: Context) -> list[Reply]:
    assert ctx.participant is not None  # noqa: S101 - may_handle needs a participant
    data, m = ctx.data, await _current(ctx)
    start = date.fromisoformat(data["start"]) if data.get("start") else None
    end = date.fromisoformat(data["end"]) if data.get("end") else None
    if m is None:
        m = await catalogue.add_milestone(ctx.conn, data["commitment_id"], data["title"], start, end, ctx.now)
        action = "milestone.add"
    else:
        saved = await milestones.update_milestone(
            ctx.conn, m.id, title=data["title"], start=start, end=end, state=m.state, now=ctx.now
        )
        m, action = saved or m, "milestone.edit"
    await audit.record(ctx.conn, ctx.participant.id, action, f"milestone:{m.id}", m.title, ctx.now)
    ctx.end()
    commitment = await catalogue.get_commitment(ctx.conn, m.commitment_id)
    assert commitment is not None  # noqa: S101 - the milestone's commitment exists
    return await listing(ctx, commitment, replace=False, notice=ctx.t("milestones-saved", title=m.title))


FEATURE = Feature(
    commands={"milestones": start},
    choices={"ms": on_choice},
    legacy_flows={FLOW: on_text},
)
