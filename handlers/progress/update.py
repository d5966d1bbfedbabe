"""/update (liaison officers, coordinators): completion, progress, a milestone's state, a note and evidence."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import Field

from handlers.answers import notify
from handlers.kit import files as sent
from handlers.kit.access import handled_commitments, refuse, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import stale_button, unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import completion_label, progress_bar
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.text import clean_line, clean_text, parse_int
from handlers.kit.who import Who
from handlers.progress.update_import import StartImport
from storage import audit, catalogue, files, milestones
from storage.filetypes import Use
from storage.models import Commitment, Completion, Milestone

NOTE_MAX = 1000
URL_MAX = 500
QUICK_PROGRESS = (0, 25, 50, 75, 100)
NO_MILESTONE = 0
MAX_EVIDENCE_FILES = 10
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class Step(StrEnum):
    """Steps of a status update, in order."""

    COMMITMENT = "commitment"
    COMPLETION = "completion"
    PROGRESS = "progress"
    CONFIRM_PAIR = "confirm_pair"  # an unlikely level and percentage (محدود at 100%): asked to confirm
    MILESTONE = "milestone"
    MILESTONE_STATE = "milestone_state"
    NOTE = "note"
    EVIDENCE = "evidence"
    PREVIEW = "preview"


class Progress(FlowData):
    """The update being reported."""

    commitment_id: int = 0
    completion: Completion = Completion.NOT_STARTED
    progress: int = 0
    milestone_id: int | None = None
    milestone_state: Completion | None = None
    note: str | None = None
    evidence: str | None = None
    evidence_files: list[int] = Field(default_factory=list)  # stored files (storage.files), in the order they were sent


class PickCommitment(Button, prefix="upd:c"):
    """The commitment to report on."""

    commitment: int


class PickCompletion(Button, prefix="upd:l"):
    """The commitment's completion level."""

    completion: Completion


class PickProgress(Button, prefix="upd:p"):
    """A quick progress percentage."""

    progress: int


class PickMilestone(Button, prefix="upd:m"):
    """A milestone whose state changed (0: none)."""

    milestone: int


class PickMilestoneState(Button, prefix="upd:ms"):
    """The milestone's new state."""

    state: Completion


class PairAnswer(StrEnum):
    """What to do with an unlikely pair of completion level and progress."""

    KEEP = "keep"
    PROGRESS = "progress"
    LEVEL = "level"


class ConfirmPair(Button, prefix="upd:pair"):
    """Keep an unlikely pair, or change the percentage or the level."""

    answer: PairAnswer


class Skip(Button, prefix="upd:skip"):
    """Go on without a note (or without evidence)."""


class Publish(Button, prefix="upd:ok"):
    """Publish the previewed update."""


class Cancel(Button, prefix="upd:x"):
    """Publish nothing."""


def _cancel(ctx: Context) -> Choice:
    return Cancel().choice(ctx.t("cancel-button"))


def _mine(ctx: Member) -> Progress | None:
    """Return the update's data while the person still answers for its commitment."""
    report = UPDATE.load(ctx)
    return report if ctx.may_handle(report.commitment_id) else None


@requires(Who.OFFICER)
async def start(ctx: Member) -> list[Reply]:
    """Answer /update: choose the commitment when the person reports on several."""
    commitments = await handled_commitments(ctx)
    if not commitments:
        return refuse(ctx)
    if len(commitments) == 1:
        return await _chose(ctx, commitments[0], replace=False)
    UPDATE.start(ctx, Step.COMMITMENT)
    return [_commitment_question(ctx, commitments)]


def _commitment_question(ctx: Context, commitments: list[Commitment]) -> Reply:
    choices = tuple(PickCommitment(commitment=c.id).choice(f"{c.number}. {ctx.name(c)}") for c in commitments)
    return Reply(text=ctx.t("update-choose-commitment"), choices=(*choices, _from_sheet(ctx), _cancel(ctx)))


def _from_sheet(ctx: Context) -> Choice:
    return StartImport().choice(ctx.t("import-button"))


async def _chose(ctx: Member, commitment: Commitment, *, replace: bool) -> list[Reply]:
    UPDATE.start(ctx, Step.COMPLETION, commitment_id=commitment.id)
    return [await _completion_question(ctx, commitment, replace=replace)]


async def _completion_question(ctx: Context, commitment: Commitment, *, replace: bool) -> Reply:
    latest = await catalogue.latest_status(ctx.conn, commitment.id)
    current = completion_label(ctx, latest.completion if latest else Completion.NOT_STARTED)
    text = ctx.t("update-ask-completion", number=commitment.number, title=ctx.name(commitment), current=current)
    choices = tuple(PickCompletion(completion=c).choice(completion_label(ctx, c)) for c in Completion)
    return Reply(text=text, choices=(*choices, _from_sheet(ctx), _cancel(ctx)), replace=replace)


@requires(Who.OFFICER)
async def pick_commitment(ctx: Member, press: PickCommitment) -> list[Reply]:
    """Take the commitment, if the person answers for it."""
    commitment = await catalogue.get_commitment(ctx.conn, press.commitment)
    if commitment is None:
        return await unknown_button(ctx)
    if not ctx.may_handle(commitment.id):
        return refuse(ctx)
    if not UPDATE.at(ctx, Step.COMMITMENT):  # checked here, after the commitment: a forged one is refused
        return await stale_button(ctx)
    return await _chose(ctx, commitment, replace=True)


@requires(Who.OFFICER)
async def pick_completion(ctx: Member, press: PickCompletion) -> list[Reply]:
    """Take the completion level, then ask for the progress."""
    if (report := _mine(ctx)) is None:
        return refuse(ctx)
    report.completion = press.completion
    return [_ask_progress(ctx, report, replace=True)]


@requires(Who.OFFICER)
async def pick_progress(ctx: Member, press: PickProgress) -> list[Reply]:
    """Take a quick progress percentage."""
    if press.progress not in QUICK_PROGRESS:
        return await unknown_button(ctx)
    return await _take_progress(ctx, press.progress)


@requires(Who.OFFICER)
async def take_progress(ctx: Member, report: Progress) -> list[Reply]:
    """Take a typed progress percentage."""
    progress = parse_int(ctx.incoming.text or "")
    if progress is None or not 0 <= progress <= 100:
        return [Reply(text=ctx.t("update-progress-invalid"))]
    return await _take_progress(ctx, progress)


def unlikely(completion: Completion, progress: int) -> bool:
    """Tell whether a completion level and a percentage contradict each other (worth a second look)."""
    if completion is Completion.NOT_STARTED:
        return progress > 0
    if completion is Completion.COMPLETE:
        return progress < 100
    return completion is Completion.LIMITED and progress == 100


async def _take_progress(ctx: Member, progress: int) -> list[Reply]:
    if (report := _mine(ctx)) is None:
        return refuse(ctx)
    report.progress = progress
    if unlikely(report.completion, progress):
        UPDATE.goto(ctx, Step.CONFIRM_PAIR, report)
        return [_pair_question(ctx, report)]
    return await _after_progress(ctx, report)


def _pair_question(ctx: Context, report: Progress) -> Reply:
    completion = completion_label(ctx, report.completion)
    text = ctx.t("update-unlikely-pair", completion=completion, progress=report.progress)
    choices = (
        ConfirmPair(answer=PairAnswer.KEEP).choice(ctx.t("update-pair-keep")),
        ConfirmPair(answer=PairAnswer.PROGRESS).choice(ctx.t("update-pair-progress")),
        ConfirmPair(answer=PairAnswer.LEVEL).choice(ctx.t("update-pair-level")),
        _cancel(ctx),
    )
    return Reply(text=text, choices=choices)


@requires(Who.OFFICER)
async def confirm_pair(ctx: Member, press: ConfirmPair) -> list[Reply]:
    """Keep the unlikely pair, or go back to the percentage or the level."""
    if (report := _mine(ctx)) is None:
        return refuse(ctx)
    if press.answer is PairAnswer.KEEP:
        return await _after_progress(ctx, report)
    if press.answer is PairAnswer.PROGRESS:
        return [_ask_progress(ctx, report, replace=True)]
    commitment = await catalogue.get_commitment(ctx.conn, report.commitment_id)
    return await _chose(ctx, commitment, replace=True) if commitment else refuse(ctx)


def _ask_progress(ctx: Context, report: Progress, *, replace: bool) -> Reply:
    UPDATE.goto(ctx, Step.PROGRESS, report)
    choices = tuple(PickProgress(progress=p).choice(f"{p}%") for p in QUICK_PROGRESS)
    return Reply(text=ctx.t("update-ask-progress"), choices=(*choices, _cancel(ctx)), replace=replace)


async def _after_progress(ctx: Member, report: Progress) -> list[Reply]:
    items = await catalogue.list_milestones(ctx.conn, report.commitment_id)
    if not items:
        return [_ask_note(ctx, report)]
    UPDATE.goto(ctx, Step.MILESTONE, report)
    return [_milestone_question(ctx, items)]


def _milestone_question(ctx: Context, items: list[Milestone]) -> Reply:
    choices = [PickMilestone(milestone=m.id).choice(ctx.name(m)[:60]) for m in items]
    choices.append(PickMilestone(milestone=NO_MILESTONE).choice(ctx.t("update-no-milestone")))
    return Reply(text=ctx.t("update-ask-milestone"), choices=(*choices, _cancel(ctx)))


@requires(Who.OFFICER)
async def pick_milestone(ctx: Member, press: PickMilestone) -> list[Reply]:
    """Take the milestone whose state changed (or none), then ask its new state."""
    if (report := _mine(ctx)) is None:
        return refuse(ctx)
    if press.milestone == NO_MILESTONE:
        return [_ask_note(ctx, report)]
    milestone = await milestones.get_milestone(ctx.conn, press.milestone)
    if milestone is None or milestone.commitment_id != report.commitment_id:
        return await unknown_button(ctx)
    report.milestone_id = milestone.id
    UPDATE.goto(ctx, Step.MILESTONE_STATE, report)
    return [_milestone_state_question(ctx, milestone, replace=True)]


def _milestone_state_question(ctx: Context, milestone: Milestone, *, replace: bool) -> Reply:
    choices = tuple(PickMilestoneState(state=c).choice(completion_label(ctx, c)) for c in Completion)
    current = completion_label(ctx, milestone.state)
    text = ctx.t("update-ask-milestone-state", title=ctx.name(milestone), current=current)
    return Reply(text=text, choices=(*choices, _cancel(ctx)), replace=replace)


@requires(Who.OFFICER)
async def pick_milestone_state(ctx: Member, press: PickMilestoneState) -> list[Reply]:
    """Take the milestone's new state."""
    if (report := _mine(ctx)) is None:
        return refuse(ctx)
    report.milestone_state = press.state
    return [_ask_note(ctx, report)]


def _ask_note(ctx: Context, report: Progress) -> Reply:
    UPDATE.goto(ctx, Step.NOTE, report)
    return Reply(text=ctx.t("update-ask-note"), choices=(Skip().choice(ctx.t("update-skip")), _cancel(ctx)))


def _ask_evidence(ctx: Context, report: Progress) -> Reply:
    UPDATE.goto(ctx, Step.EVIDENCE, report)
    text = ctx.t("update-ask-evidence", max=MAX_EVIDENCE_FILES)
    return Reply(text=text, choices=(Skip().choice(ctx.t("update-skip")), _cancel(ctx)))


@requires(Who.OFFICER)
async def take_note(ctx: Member, report: Progress) -> list[Reply]:
    """Take the note."""
    if _mine(ctx) is None:
        return refuse(ctx)
    note = clean_text(ctx.incoming.text or "")
    if not note or len(note) > NOTE_MAX:
        return [Reply(text=ctx.t("update-note-invalid", max=NOTE_MAX))]
    report.note = note
    return [_ask_evidence(ctx, report)]


@requires(Who.OFFICER)
async def take_evidence(ctx: Member, report: Progress) -> list[Reply]:
    """Take the evidence link."""
    if _mine(ctx) is None:
        return refuse(ctx)
    url = clean_line(ctx.incoming.text or "")
    if len(url) > URL_MAX or not _URL.match(url):
        return [Reply(text=ctx.t("update-evidence-invalid"))]
    report.evidence = url
    return [await _preview(ctx, report)]


@requires(Who.OFFICER)
async def take_evidence_file(ctx: Member, report: Progress) -> list[Reply]:
    """Take a photo, PDF, DOCX or XLSX as evidence (several, one at a time); a table of milestones is not evidence."""
    if _mine(ctx) is None:
        return refuse(ctx)
    stored = await sent.sent_file(ctx)
    if stored is None:
        return [Reply(text=ctx.t("file-download-failed"))]
    if not sent.fits(stored, Use.EVIDENCE):
        await sent.discard(ctx)
        return [Reply(text=ctx.t("update-evidence-kinds"))]
    if len(report.evidence_files) >= MAX_EVIDENCE_FILES:
        await sent.discard(ctx)
        return [Reply(text=ctx.t("update-evidence-full", max=MAX_EVIDENCE_FILES), choices=_go_on(ctx))]
    if stored.id not in report.evidence_files:
        report.evidence_files = [*report.evidence_files, stored.id]
    UPDATE.goto(ctx, Step.EVIDENCE, report)
    text = ctx.t("update-evidence-received", file=sent.file_line(ctx, stored), count=len(report.evidence_files))
    return [Reply(text=text, choices=_go_on(ctx))]


def _go_on(ctx: Context) -> tuple[Choice, ...]:
    return (Skip().choice(ctx.t("update-evidence-done")), _cancel(ctx))


async def file_too_early(ctx: Context, report: Progress) -> list[Reply]:
    """A file before the evidence step: say where tables and evidence go (nothing is lost: it is asked for later)."""
    return [Reply(text=ctx.t("update-file-where"))]


@requires(Who.OFFICER)
async def skip(ctx: Member, press: Skip) -> list[Reply]:
    """Go on without a note, or without evidence."""
    if (report := _mine(ctx)) is None:
        return refuse(ctx)
    return [_ask_evidence(ctx, report) if ctx.step == Step.NOTE else await _preview(ctx, report)]


async def ask_step(ctx: Context, report: Progress) -> list[Reply]:
    """Ask the question of the step the chat is in again."""
    if UPDATE.at(ctx, Step.PROGRESS):
        return [_ask_progress(ctx, report, replace=False)]
    if UPDATE.at(ctx, Step.NOTE):
        return [_ask_note(ctx, report)]
    if UPDATE.at(ctx, Step.EVIDENCE):
        return [_ask_evidence(ctx, report)]
    if UPDATE.at(ctx, Step.COMMITMENT):
        return [_commitment_question(ctx, await handled_commitments(ctx))]
    if UPDATE.at(ctx, Step.CONFIRM_PAIR):
        return [_pair_question(ctx, report)]
    if UPDATE.at(ctx, Step.PREVIEW):
        return [await _preview(ctx, report)]
    commitment = await catalogue.get_commitment(ctx.conn, report.commitment_id)
    if commitment is None:  # the commitment is gone: nothing left to report on
        ctx.end()
        return [with_menu(ctx, ctx.t("cancelled"))]
    if UPDATE.at(ctx, Step.COMPLETION):
        return [await _completion_question(ctx, commitment, replace=False)]
    if UPDATE.at(ctx, Step.MILESTONE):
        return [_milestone_question(ctx, await catalogue.list_milestones(ctx.conn, commitment.id))]
    milestone = await milestones.get_milestone(ctx.conn, report.milestone_id or 0)
    if milestone is None:
        return [_milestone_question(ctx, await catalogue.list_milestones(ctx.conn, commitment.id))]
    return [_milestone_state_question(ctx, milestone, replace=False)]


async def _preview(ctx: Context, report: Progress) -> Reply:
    UPDATE.goto(ctx, Step.PREVIEW, report)
    commitment = await catalogue.get_commitment(ctx.conn, report.commitment_id)
    text = ctx.t(
        "update-preview",
        number=commitment.number if commitment else 0,
        completion=completion_label(ctx, report.completion),
        bar=progress_bar(report.progress),
        note=report.note or "—",
        evidence=report.evidence or "—",
    )
    lines = [text, *await _file_lines(ctx, report)]
    return Reply(text="\n".join(lines), choices=(Publish().choice(ctx.t("update-publish")), _cancel(ctx)))


async def _file_lines(ctx: Context, report: Progress) -> list[str]:
    """Return a line per evidence file still there (one erased meanwhile is dropped from the report)."""
    found = [f for i in report.evidence_files if (f := await files.get_file(ctx.conn, i)) is not None]
    report.evidence_files = [f.id for f in found]
    return [sent.file_line(ctx, f) for f in found]


@requires(Who.OFFICER)
async def publish(ctx: Member, press: Publish) -> list[Reply]:
    """Store the update (and the milestone's new state), audit it and tell followers."""
    report = _mine(ctx)
    commitment = await catalogue.get_commitment(ctx.conn, report.commitment_id) if report else None
    if report is None or commitment is None:
        return refuse(ctx)
    update = await catalogue.add_status_update(
        ctx.conn,
        commitment.id,
        report.completion,
        report.progress,
        ctx.now,
        note=report.note,
        evidence_url=report.evidence,
        milestone_id=report.milestone_id,
        milestone_state=report.milestone_state,
        author_id=ctx.participant.id,
    )
    await _move_milestone(ctx, report)
    for file_id in report.evidence_files:
        await files.link_to_update(ctx.conn, file_id, update.id, ctx.participant.id, ctx.now)
    detail = f"{update.completion.value} {update.progress}%"
    await audit.record(ctx.conn, ctx.participant.id, "status.update", f"commitment:{commitment.id}", detail, ctx.now)
    told = await notify.status_changed(ctx, commitment, update)
    ctx.end()
    return [with_menu(ctx, ctx.t("update-published", number=commitment.number, count=told), replace=True)]


async def _move_milestone(ctx: Context, report: Progress) -> None:
    milestone = await milestones.get_milestone(ctx.conn, report.milestone_id) if report.milestone_id else None
    if milestone is None or report.milestone_state is None:
        return
    await milestones.update_milestone(
        ctx.conn,
        milestone.id,
        title=milestone.title,
        start=milestone.start_date,
        end=milestone.end_date,
        state=report.milestone_state,
        now=ctx.now,
    )


UPDATE = Flow(
    name="update",
    data=Progress,
    cancel=Cancel,
    note="update-use-buttons",
    entry=(Step.COMMITMENT, Step.COMPLETION),
    steps={
        # A file here is neither a table (its own button, update_import.py) nor yet evidence (asked for below).
        Step.COMMITMENT: Accepts(question=ask_step, file=file_too_early),  # PickCommitment: checks its commitment
        Step.COMPLETION: Accepts(
            buttons=(on(PickCompletion, pick_completion),),
            question=ask_step,
            file=file_too_early,
            goes=(Step.PROGRESS,),
        ),
        Step.PROGRESS: Accepts(
            question=ask_step,
            text=take_progress,
            buttons=(on(PickProgress, pick_progress),),
            goes=(Step.CONFIRM_PAIR, Step.MILESTONE, Step.NOTE),
        ),
        Step.CONFIRM_PAIR: Accepts(
            buttons=(on(ConfirmPair, confirm_pair),), question=ask_step, goes=(Step.PROGRESS, Step.MILESTONE, Step.NOTE)
        ),
        Step.MILESTONE: Accepts(
            buttons=(on(PickMilestone, pick_milestone),), question=ask_step, goes=(Step.MILESTONE_STATE,)
        ),
        Step.MILESTONE_STATE: Accepts(
            buttons=(on(PickMilestoneState, pick_milestone_state),), question=ask_step, goes=(Step.NOTE,)
        ),
        Step.NOTE: Accepts(question=ask_step, text=take_note, buttons=(on(Skip, skip),), goes=(Step.EVIDENCE,)),
        Step.EVIDENCE: Accepts(
            question=ask_step,
            text=take_evidence,
            buttons=(on(Skip, skip),),
            file=take_evidence_file,
            goes=(Step.PREVIEW,),
        ),
        Step.PREVIEW: Accepts(buttons=(on(Publish, publish),), question=ask_step),
    },
)

FEATURE = Feature(
    commands={"update": start},
    buttons=(on(PickCommitment, pick_commitment),),
    flows=(UPDATE,),
)
