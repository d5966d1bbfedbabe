"""/update (liaison officers, coordinators): completion, progress, a milestone's state, a note and evidence."""

from __future__ import annotations

import re
from enum import StrEnum

from handlers import inbox, notify
from handlers import roles as access
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.labels import completion_label, progress_bar
from handlers.menu import with_menu
from handlers.text import clean_line, clean_text, parse_int
from storage import audit, catalogue, milestones
from storage.models import Commitment, Completion

FLOW = "update"
NOTE_MAX = 1000
URL_MAX = 500
QUICK_PROGRESS = (0, 25, 50, 75, 100)
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class Step(StrEnum):
    """Steps of a status update, in order."""

    COMMITMENT = "commitment"
    COMPLETION = "completion"
    PROGRESS = "progress"
    MILESTONE = "milestone"
    MILESTONE_STATE = "milestone_state"
    NOTE = "note"
    EVIDENCE = "evidence"
    PREVIEW = "preview"


def _cancel(ctx: Context) -> Choice:
    return Choice(id="upd:x", label=ctx.t("cancel-button"))


async def start(ctx: Context) -> list[Reply]:
    """Answer /update: choose the commitment when the person reports on several."""
    commitments = await inbox.handled_commitments(ctx)
    if ctx.participant is None and (ctx.is_coordinator or ctx.liaison_commitments()):
        return access.need_registration(ctx, "update")
    if not commitments:
        return access.refuse(ctx)
    if len(commitments) == 1:
        return await _chose(ctx, commitments[0], replace=False)
    ctx.goto(FLOW, Step.COMMITMENT)
    choices = tuple(Choice(id=f"upd:c:{c.id}", label=f"{c.number}. {c.title_ar}") for c in commitments)
    return [Reply(text=ctx.t("update-choose-commitment"), choices=(*choices, _cancel(ctx)))]


async def _chose(ctx: Context, commitment: Commitment, *, replace: bool) -> list[Reply]:
    ctx.goto(FLOW, Step.COMPLETION, commitment_id=commitment.id)
    latest = await catalogue.latest_status(ctx.conn, commitment.id)
    current = completion_label(ctx, latest.completion if latest else Completion.NOT_STARTED)
    text = ctx.t("update-ask-completion", number=commitment.number, title=commitment.title_ar, current=current)
    choices = tuple(Choice(id=f"upd:l:{c.value}", label=completion_label(ctx, c)) for c in Completion)
    return [Reply(text=text, choices=(*choices, _cancel(ctx)), replace=replace)]


def _ask_progress(ctx: Context) -> Reply:
    choices = tuple(Choice(id=f"upd:p:{p}", label=f"{p}%") for p in QUICK_PROGRESS)
    return Reply(text=ctx.t("update-ask-progress"), choices=(*choices, _cancel(ctx)), replace=True)


async def _ask_milestone(ctx: Context) -> list[Reply]:
    items = await catalogue.list_milestones(ctx.conn, ctx.data["commitment_id"])
    if not items:
        return [_ask_note(ctx)]
    ctx.goto(FLOW, Step.MILESTONE)
    choices = [Choice(id=f"upd:m:{m.id}", label=m.title[:60]) for m in items]
    choices.append(Choice(id="upd:m:0", label=ctx.t("update-no-milestone")))
    return [Reply(text=ctx.t("update-ask-milestone"), choices=(*choices, _cancel(ctx)))]


def _ask_note(ctx: Context) -> Reply:
    ctx.goto(FLOW, Step.NOTE)
    return Reply(
        text=ctx.t("update-ask-note"), choices=(Choice(id="upd:skip", label=ctx.t("update-skip")), _cancel(ctx))
    )


def _ask_evidence(ctx: Context) -> Reply:
    ctx.goto(FLOW, Step.EVIDENCE)
    choices = (Choice(id="upd:skip", label=ctx.t("update-skip")), _cancel(ctx))
    return Reply(text=ctx.t("update-ask-evidence"), choices=choices)


async def on_choice(ctx: Context) -> list[Reply]:
    """Route upd:* buttons, re-checking the person's right to report on the commitment at every step."""
    parts = (ctx.incoming.choice or "").split(":")
    action, value = [*parts, "", ""][1:3]
    if action == "x" and ctx.flow == FLOW:
        ctx.end()
        return [with_menu(ctx, ctx.t("cancelled"), replace=True)]
    if not await inbox.scope(ctx):
        return access.refuse(ctx)
    if action == "c":
        return await _on_commitment(ctx, parse_int(value))
    if ctx.flow != FLOW:
        return await stale_button(ctx)
    if not access.may_handle(ctx, int(ctx.data.get("commitment_id", 0))):
        return access.refuse(ctx)
    return await _on_step_choice(ctx, action, value)


async def _on_commitment(ctx: Context, commitment_id: int | None) -> list[Reply]:
    commitment = await catalogue.get_commitment(ctx.conn, commitment_id) if commitment_id else None
    if commitment is None:
        return await unknown_button(ctx)
    if not access.may_handle(ctx, commitment.id):
        return access.refuse(ctx)
    if ctx.flow != FLOW or ctx.step != Step.COMMITMENT:
        return await stale_button(ctx)
    return await _chose(ctx, commitment, replace=True)


async def _on_step_choice(ctx: Context, action: str, value: str) -> list[Reply]:
    if action == "l" and ctx.step == Step.COMPLETION and value in Completion.__members__.values():
        ctx.goto(FLOW, Step.PROGRESS, completion=value)
        return [_ask_progress(ctx)]
    if action == "p" and ctx.step == Step.PROGRESS and parse_int(value) in QUICK_PROGRESS:
        ctx.goto(FLOW, Step.PROGRESS, progress=parse_int(value))
        return await _ask_milestone(ctx)
    if action == "m" and ctx.step == Step.MILESTONE:
        return await _on_milestone(ctx, parse_int(value))
    if action == "ms" and ctx.step == Step.MILESTONE_STATE and value in Completion.__members__.values():
        ctx.goto(FLOW, Step.NOTE, milestone_state=value)
        return [_ask_note(ctx)]
    if action == "skip" and ctx.step == Step.NOTE:
        return [_ask_evidence(ctx)]
    if action == "skip" and ctx.step == Step.EVIDENCE:
        return [await _preview(ctx)]
    if action == "ok" and ctx.step == Step.PREVIEW:
        return await _publish(ctx)
    return await stale_button(ctx)


async def _on_milestone(ctx: Context, milestone_id: int | None) -> list[Reply]:
    if milestone_id == 0:
        return [_ask_note(ctx)]
    milestone = await milestones.get_milestone(ctx.conn, milestone_id) if milestone_id else None
    if milestone is None or milestone.commitment_id != ctx.data["commitment_id"]:
        return await unknown_button(ctx)
    ctx.goto(FLOW, Step.MILESTONE_STATE, milestone_id=milestone.id)
    choices = tuple(Choice(id=f"upd:ms:{c.value}", label=completion_label(ctx, c)) for c in Completion)
    text = ctx.t("update-ask-milestone-state", title=milestone.title, current=completion_label(ctx, milestone.state))
    return [Reply(text=text, choices=(*choices, _cancel(ctx)), replace=True)]


async def on_text(ctx: Context) -> list[Reply]:
    """Take typed progress, note or evidence link."""
    if not access.may_handle(ctx, int(ctx.data.get("commitment_id", 0))):
        return access.refuse(ctx)
    if ctx.step == Step.PROGRESS:
        progress = parse_int(ctx.incoming.text or "")
        if progress is None or not 0 <= progress <= 100:
            return [Reply(text=ctx.t("update-progress-invalid"))]
        ctx.goto(FLOW, Step.PROGRESS, progress=progress)
        return await _ask_milestone(ctx)
    if ctx.step == Step.NOTE:
        note = clean_text(ctx.incoming.text or "")
        if not note or len(note) > NOTE_MAX:
            return [Reply(text=ctx.t("update-note-invalid", max=NOTE_MAX))]
        ctx.data["note"] = note
        return [_ask_evidence(ctx)]
    if ctx.step == Step.EVIDENCE:
        url = clean_line(ctx.incoming.text or "")
        if len(url) > URL_MAX or not _URL.match(url):
            return [Reply(text=ctx.t("update-evidence-invalid"))]
        ctx.data["evidence"] = url
        return [await _preview(ctx)]
    return [Reply(text=ctx.t("update-use-buttons"))]


async def _preview(ctx: Context) -> Reply:
    ctx.goto(FLOW, Step.PREVIEW)
    commitment = await catalogue.get_commitment(ctx.conn, ctx.data["commitment_id"])
    text = ctx.t(
        "update-preview",
        number=commitment.number if commitment else 0,
        completion=completion_label(ctx, ctx.data["completion"]),
        bar=progress_bar(ctx.data["progress"]),
        note=ctx.data.get("note") or "—",
        evidence=ctx.data.get("evidence") or "—",
    )
    choices = (Choice(id="upd:ok", label=ctx.t("update-publish")), _cancel(ctx))
    return Reply(text=text, choices=choices)


async def _publish(ctx: Context) -> list[Reply]:
    """Store the update (and the milestone's new state), audit it and tell followers."""
    assert ctx.participant is not None  # noqa: S101 - scope() is empty without a participant
    data = ctx.data
    commitment = await catalogue.get_commitment(ctx.conn, data["commitment_id"])
    assert commitment is not None  # noqa: S101 - chosen from the catalogue
    update = await catalogue.add_status_update(
        ctx.conn,
        commitment.id,
        Completion(data["completion"]),
        data["progress"],
        ctx.now,
        note=data.get("note"),
        evidence_url=data.get("evidence"),
        milestone_id=data.get("milestone_id"),
        milestone_state=data.get("milestone_state"),
        author_id=ctx.participant.id,
    )
    await _move_milestone(ctx)
    detail = f"{update.completion.value} {update.progress}%"
    await audit.record(ctx.conn, ctx.participant.id, "status.update", f"commitment:{commitment.id}", detail, ctx.now)
    told = await notify.status_changed(ctx, commitment, update)
    ctx.end()
    return [with_menu(ctx, ctx.t("update-published", number=commitment.number, count=told), replace=True)]


async def _move_milestone(ctx: Context) -> None:
    milestone = (
        await milestones.get_milestone(ctx.conn, ctx.data["milestone_id"]) if ctx.data.get("milestone_id") else None
    )
    if milestone is None or not ctx.data.get("milestone_state"):
        return
    await milestones.update_milestone(
        ctx.conn,
        milestone.id,
        title=milestone.title,
        start=milestone.start_date,
        end=milestone.end_date,
        state=Completion(ctx.data["milestone_state"]),
        now=ctx.now,
    )


FEATURE = Feature(
    commands={"update": start},
    choices={"upd": on_choice},
    legacy_flows={FLOW: on_text},
)
