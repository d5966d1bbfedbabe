"""/inbox (liaison officers, coordinators): recommendations on their commitments, answered one by one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum

from handlers.answers import group_notices, notify
from handlers.kit import files as sent
from handlers.kit.access import handled_commitments, refuse, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData, Parking
from handlers.kit.hooks import Hook
from handlers.kit.labels import short_date, state_label
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.pager import Pager
from handlers.kit.routes import on
from handlers.kit.text import clean_text, shorten
from handlers.kit.who import Who
from storage import answers, audit, catalogue, files, inbox, merges, participants, questions, recommendations
from storage.models import Recommendation, RecommendationState

PAGER = Pager(5)
PREVIEW_CHARS = 200
QUESTIONS_SHOWN = 5
RESPONSE_LIMITS = (2, 2000)
TRANSCRIPT_LIMITS = (2, 4000)
ANSWER_STATES = tuple(s for s in RecommendationState if s is not RecommendationState.NEW)
# Buttons other features add under one recommendation (moderation's hide / show again, for coordinators).
ItemActions = Callable[[Context, Recommendation, int], list[Choice]]
ITEM_ACTIONS: Hook[ItemActions] = Hook("inbox.item_actions")
# Buttons that need the database to decide (the near-duplicates of a waiting recommendation).
ItemLinks = Callable[[Context, Recommendation, int], Awaitable[list[Choice]]]
ITEM_LINKS: Hook[ItemLinks] = Hook("inbox.item_links")
# Buttons other features add under a page of the inbox (the answer sheet's download and upload).
PageActions = Callable[[Context], list[Choice]]
PAGE_ACTIONS: Hook[PageActions] = Hook("inbox.page_actions")


class Step(StrEnum):
    """Steps of answering one recommendation: the response (a reason, when required), then the author's notice."""

    RESPONSE = "response"
    PREVIEW = "preview"


class TranscriptStep(StrEnum):
    """The one step of writing a voice recommendation's transcript."""

    TEXT = "text"


class Transcribing(FlowData):
    """The voice recommendation being transcribed, and the page of the inbox to go back to."""

    rec: int
    offset: int = 0


class Answering(FlowData):
    """The recommendation being answered, the state chosen for it and the response written."""

    rec: int
    state: RecommendationState
    response: str | None = None


class InboxPage(Button, prefix="inbox:p"):
    """A page of the inbox."""

    offset: int


class OpenItem(Button, prefix="inbox:o"):
    """One recommendation in full (from a page of the inbox)."""

    rec: int
    offset: int


class SetState(Button, prefix="inbox:s"):
    """Give a recommendation a state, then write the response."""

    rec: int
    state: RecommendationState


class NoResponse(Button, prefix="inbox:nr"):
    """Go on without a written response (not for partly or not adopted: those need a reason)."""

    rec: int


class SendAnswer(Button, prefix="inbox:ok"):
    """Save the previewed answer and send the author their notice."""

    rec: int


class EditAnswer(Button, prefix="inbox:ed"):
    """Write the response again."""

    rec: int


class Cancel(Button, prefix="inbox:x"):
    """Leave the recommendation as it was."""


class Transcribe(Button, prefix="inbox:tr"):
    """Write (or rewrite) what a voice recommendation says."""

    rec: int
    offset: int


class AcceptDraft(Button, prefix="inbox:trd"):
    """Keep the speech-to-text engine's draft as the transcript."""

    rec: int


class StopTranscript(Button, prefix="inbox:trx"):
    """Leave the transcript as it was."""


async def scope(ctx: Context) -> set[int]:
    """Return the ids of the commitments this person answers (all of them for coordinators)."""
    return {c.id for c in await handled_commitments(ctx)}


@requires(Who.OFFICER)
async def start(ctx: Member) -> list[Reply]:
    """Answer /inbox."""
    return await page(ctx, 0, replace=False)


@requires(Who.OFFICER)
async def turn(ctx: Member, press: InboxPage) -> list[Reply]:
    """Show another page."""
    return await page(ctx, press.offset, replace=True)


async def page(ctx: Context, offset: int, *, replace: bool, notice: str | None = None) -> list[Reply]:
    """Show one page: unanswered first, oldest first."""
    commitments = await scope(ctx)
    total, unanswered = await inbox.counts(ctx.conn, commitments)
    head = [notice, ""] if notice else []
    if ctx.is_coordinator and (asked := await _questions(ctx)):
        head += [asked, ""]
    if total == 0:
        return [with_menu(ctx, "\n".join([*head, ctx.t("inbox-empty")]), replace=replace)]
    shown = await PAGER.fetch(
        lambda limit, at: inbox.page(ctx.conn, commitments, limit=limit, offset=at), offset, total
    )
    items, offset = shown.items, shown.start
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    head.append(ctx.t("inbox-title", total=total, unanswered=unanswered, shown=shown.shown(ctx)))
    raised = await merges.raised_by(ctx.conn, [rec.id for rec in items])
    body = [_line(ctx, rec, numbers.get(rec.commitment_id, 0), raised.get(rec.id, 1)) for rec in items]
    choices = [OpenItem(rec=rec.id, offset=offset).choice(ctx.t("receipt", id=rec.id)) for rec in items]
    choices += shown.turns(ctx, lambda at: InboxPage(offset=at))
    for hook in ctx.hooks(PAGE_ACTIONS):
        choices += hook(ctx)
    text = "\n".join(head) + "\n\n" + "\n\n".join(body)
    return [Reply(text=text, choices=(*choices, *menu_choices(ctx)), replace=replace)]


async def _questions(ctx: Context) -> str | None:
    """Return the questions people asked the coordinators (the newest first), or None when there are none."""
    total, newest = await questions.newest(ctx.conn, QUESTIONS_SHOWN)
    if total == 0:
        return None
    lines = [ctx.t("inbox-questions", total=total)]
    for asked in newest:
        words = {"text": shorten(asked.text, PREVIEW_CHARS), "asker": asked.asker or "—"}
        lines.append(ctx.t("inbox-question-line", date=short_date(ctx, asked.asked_at), **words))
    return "\n".join(lines)


def _line(ctx: Context, rec: Recommendation, number: int, raised: int) -> str:
    text = ctx.t(
        "inbox-item",
        receipt=ctx.t("receipt", id=rec.id),
        number=number,
        date=short_date(ctx, rec.created_at),
        state=state_label(ctx, rec.state),
        text=shorten(sent.recommendation_text(ctx, rec), PREVIEW_CHARS),
    )
    if raised > 1:
        text += "\n🔗 " + ctx.t("raised-by", count=raised)
    if answers.missing_reason(rec.state, rec.response):
        text += "\n" + ctx.t("inbox-missing-reason")
    return text + ("\n" + ctx.t("inbox-hidden-mark") if rec.hidden else "")


async def handled(ctx: Member, rec_id: int) -> Recommendation | list[Reply]:
    """Return the recommendation when the person answers for its commitment, else the reply that refuses."""
    rec = await recommendations.get_recommendation(ctx.conn, rec_id)
    if rec is None:
        return await unknown_button(ctx)
    return rec if ctx.may_handle(rec.commitment_id) else refuse(ctx)


@requires(Who.OFFICER)
async def open_item(ctx: Member, press: OpenItem) -> list[Reply]:
    """Show one recommendation in full."""
    rec = await handled(ctx, press.rec)
    return await show(ctx, rec, press.offset, with_files=True) if isinstance(rec, Recommendation) else rec


@requires(Who.OFFICER)
async def set_state(ctx: Member, press: SetState) -> list[Reply]:
    """Take the state, then ask for the written response (the reason, for partly or not adopted)."""
    rec = await handled(ctx, press.rec)
    if not isinstance(rec, Recommendation):
        return rec
    if press.state not in ANSWER_STATES:
        return await unknown_button(ctx)
    if rec.merged_into is not None:
        return [Reply(text=ctx.t("merge-mark", kept=ctx.t("receipt", id=rec.merged_into)))]
    if rec.participant_id == ctx.participant.id:
        return [own_refusal(ctx, rec)]
    answering = ANSWER.start(ctx, Step.RESPONSE, rec=rec.id, state=press.state)
    return [_ask_response(ctx, answering, replace=True)]


def own_refusal(ctx: Context, rec: Recommendation) -> Reply:
    """Refuse an answer to one's own recommendation: a response must come from someone else."""
    return Reply(text=ctx.t("inbox-own-answer", receipt=ctx.t("receipt", id=rec.id)))


def _ask_response(ctx: Context, answering: Answering, *, replace: bool = False) -> Reply:
    receipt, state = ctx.t("receipt", id=answering.rec), state_label(ctx, answering.state)
    cancel = Cancel().choice(ctx.t("cancel-button"))
    if answers.needs_reason(answering.state):
        return Reply(text=ctx.t("inbox-ask-reason", receipt=receipt, state=state), choices=(cancel,), replace=replace)
    choices = (NoResponse(rec=answering.rec).choice(ctx.t("inbox-no-response")), cancel)
    return Reply(text=ctx.t("inbox-ask-response", receipt=receipt, state=state), choices=choices, replace=replace)


@requires(Who.OFFICER)
async def no_response(ctx: Member, press: NoResponse) -> list[Reply]:
    """Go on to the preview without a written response, where the state allows it."""
    answering = ANSWER.load(ctx)
    rec = await handled(ctx, answering.rec)
    if not isinstance(rec, Recommendation):
        return rec
    if press.rec != rec.id:
        return await unknown_button(ctx)
    if answers.needs_reason(answering.state):  # the button is not offered then; a forged one changes nothing
        return [Reply(text=ctx.t("inbox-reason-required")), _ask_response(ctx, answering)]
    answering.response = None
    return await _preview(ctx, rec, answering)


async def _preview(ctx: Context, rec: Recommendation, answering: Answering) -> list[Reply]:
    """Show the officer the notice the author will get, before it goes out."""
    ANSWER.goto(ctx, Step.PREVIEW, answering)
    decided = rec.model_copy(update={"state": answering.state, "response": answering.response})
    notice = await notify.answer_text(ctx.speaking(await notify.notice_language(ctx, rec)), decided)  # as sent
    key = "inbox-preview" if await notify.can_tell(ctx, rec) else "inbox-preview-silent"
    choices = (
        SendAnswer(rec=rec.id).choice(ctx.t("inbox-send")),
        EditAnswer(rec=rec.id).choice(ctx.t("inbox-edit")),
        Cancel().choice(ctx.t("cancel-button")),
    )
    return [Reply(text=ctx.t(key, notice=notice), choices=choices)]


@requires(Who.OFFICER)
async def send_answer(ctx: Member, press: SendAnswer) -> list[Reply]:
    """Save the previewed answer and tell the author."""
    answering = ANSWER.load(ctx)
    rec = await handled(ctx, answering.rec)
    if not isinstance(rec, Recommendation):
        return rec
    if press.rec != rec.id:
        return await unknown_button(ctx)
    return await _save(ctx, rec, answering.state, answering.response)


@requires(Who.OFFICER)
async def edit_answer(ctx: Member, press: EditAnswer) -> list[Reply]:
    """Write the response again."""
    answering = ANSWER.load(ctx)
    if press.rec != answering.rec:
        return await unknown_button(ctx)
    ANSWER.goto(ctx, Step.RESPONSE, answering)
    return [_ask_response(ctx, answering, replace=True)]


async def show_preview(ctx: Context, answering: Answering) -> list[Reply]:
    """Show the preview with its buttons again (it never changes silently)."""
    rec = await recommendations.get_recommendation(ctx.conn, answering.rec)
    if rec is None or not ctx.may_handle(rec.commitment_id):
        ctx.end()
        return await unknown_button(ctx)
    return await _preview(ctx, rec, answering)


async def ask_response_again(ctx: Context, answering: Answering) -> list[Reply]:
    """Ask for the response again (the chat opened again, or the person changed language)."""
    return [_ask_response(ctx, answering)]


async def show(
    ctx: Context, rec: Recommendation, offset: int, *, notice: str | None = None, with_files: bool = False
) -> list[Reply]:
    """Show one recommendation in full, with state buttons (and hiding, for coordinators); with_files: its voice
    note and attached file are sent first, by the channel's own id where it can (the officer hears it in the chat)."""
    commitment = await catalogue.get_commitment(ctx.conn, rec.commitment_id)
    theme = await catalogue.get_theme(ctx.conn, rec.theme_id) if rec.theme_id else None
    author = await participants.get_participant(ctx.conn, rec.participant_id) if rec.participant_id else None
    support = await merges.endorsers(ctx.conn, rec.id)
    text = ctx.t(
        "inbox-detail",
        receipt=ctx.t("receipt", id=rec.id),
        number=commitment.number if commitment else 0,
        theme=ctx.name(theme) if theme else ctx.t("theme-other"),
        author=author.name if author and author.name else "—",
        organisation=author.organisation if author and author.organisation else "—",
        date=short_date(ctx, rec.created_at),
        state=state_label(ctx, rec.state),
        endorsements=support,
        text=sent.recommendation_text(ctx, rec),
    )
    if rec.voice_seconds is not None and rec.transcript is None:
        text += "\n\n" + ctx.t("inbox-no-transcript")
    if rec.response:
        text += "\n\n" + ctx.t("inbox-current-response", response=rec.response)
    if answers.missing_reason(rec.state, rec.response):
        text += "\n\n" + ctx.t("inbox-missing-reason")
    if rec.hidden:
        text += "\n\n" + ctx.t("inbox-hidden-reason", reason=rec.hidden_reason or "—")
    text += await _merge_lines(ctx, rec)
    if notice:
        text = notice + "\n\n" + text
    states = ANSWER_STATES if rec.merged_into is None else ()
    choices = [SetState(rec=rec.id, state=s).choice(state_label(ctx, s)) for s in states]
    if rec.voice_seconds is not None:
        key = "inbox-transcribe" if rec.transcript is None else "inbox-transcribe-again"
        choices.append(Transcribe(rec=rec.id, offset=offset).choice(ctx.t(key)))
    for hook in ctx.hooks(ITEM_ACTIONS):
        choices += hook(ctx, rec, offset)
    for link in ctx.hooks(ITEM_LINKS):
        choices += await link(ctx, rec, offset)
    choices.append(InboxPage(offset=offset).choice(ctx.t("inbox-back")))
    attached = await files.of_recommendation(ctx.conn, rec.id) if with_files else []
    sent_first = [sent.with_file(ctx, f, sent.file_line(ctx, f)) for f in attached]
    return [*sent_first, Reply(text=text, choices=tuple(choices), replace=not sent_first)]


async def _merge_lines(ctx: Context, rec: Recommendation) -> str:
    """Return where a merged recommendation went, or who raised a kept one and what was merged into it."""
    if rec.merged_into is not None:
        return "\n\n" + ctx.t("merge-mark", kept=ctx.t("receipt", id=rec.merged_into))
    members = await merges.merged_into(ctx.conn, rec.id)
    if not members:
        return ""
    raised = (await merges.raised_by(ctx.conn, [rec.id])).get(rec.id, 1)
    receipts = " ".join(ctx.t("receipt", id=m.id) for m in members)
    return "\n\n" + ctx.t("merge-members", receipts=receipts) + "\n🔗 " + ctx.t("raised-by", count=raised)


@requires(Who.OFFICER)
async def take_response(ctx: Member, answering: Answering) -> list[Reply]:
    """Take the typed response (or reason), then show the preview."""
    rec = await handled(ctx, answering.rec)
    if not isinstance(rec, Recommendation):
        return rec
    response = clean_text(ctx.incoming.text or "")
    low, high = RESPONSE_LIMITS
    if not low <= len(response) <= high:
        return [Reply(text=ctx.t("inbox-response-length", length=len(response), min=low, max=high))]
    if answers.needs_reason(answering.state) and not answers.is_reason(response):  # «نعم» says nothing about why
        return [Reply(text=ctx.t("inbox-reason-too-short", min=answers.REASON_MIN)), _ask_response(ctx, answering)]
    answering.response = response
    return await _preview(ctx, rec, answering)


async def _save(ctx: Member, rec: Recommendation, state: RecommendationState, response: str | None) -> list[Reply]:
    """Store the answer in the recommendation and its history, audit it, tell the author."""
    if answers.needs_reason(state) and not answers.is_reason(response):  # stale data: never store a bare refusal
        ctx.end()
        return await unknown_button(ctx)
    if rec.participant_id == ctx.participant.id:  # a flow begun before the check, or a forged button
        ctx.end()
        return [own_refusal(ctx, rec)]
    given = await give_answer(ctx, rec, state, response)
    if given is None:  # deleted meanwhile (its author erased it)
        ctx.end()
        return await unknown_button(ctx)
    notice = given[1]
    ctx.end()
    key = "inbox-answered" if notice is not None else "inbox-answered-silent"
    return await page(ctx, 0, replace=False, notice=ctx.t(key, receipt=ctx.t("receipt", id=rec.id)))


async def give_answer(
    ctx: Member, rec: Recommendation, state: RecommendationState, response: str | None
) -> tuple[Recommendation, int | None] | None:
    """Give an answer as the chat gives it (every answer, wherever it was written, comes through here): store it in
    the recommendation and its public trail, audit it, queue the author's notice in their language, and do the same
    for each recommendation merged into it (each its own entry, each author told); return the saved recommendation
    and the notice's outbox id (None when the author will not hear), or None when it is gone."""
    given = await _answer_one(ctx, rec.id, state, response)
    if given is None:
        return None
    for merged in await merges.merged_into(ctx.conn, rec.id):
        if merged.participant_id != ctx.participant.id:  # never an answer to one's own input
            await _answer_one(ctx, merged.id, state, response)
    return given


async def _answer_one(
    ctx: Member, rec_id: int, state: RecommendationState, response: str | None
) -> tuple[Recommendation, int | None] | None:
    stored = await answers.record_answer(ctx.conn, rec_id, state, response, ctx.participant.id, ctx.now)
    if stored is None:
        return None
    saved, entry = stored
    await audit.record(
        ctx.conn, ctx.participant.id, "recommendation.answer", f"recommendation:{rec_id}", state, ctx.now
    )
    if saved.group_round_id is not None:
        notice = await group_notices.answer_given(ctx, saved)
    else:
        notice = await notify.answer_given(ctx, saved)
    if notice is not None:
        await answers.link_notice(ctx.conn, entry, notice)
    return saved, notice


async def cancelled(ctx: Context, answering: Answering) -> list[Reply]:
    """Back to the inbox, nothing changed."""
    return await page(ctx, 0, replace=True, notice=ctx.t("cancelled"))


@requires(Who.OFFICER)
async def transcribe(ctx: Member, press: Transcribe) -> list[Reply]:
    """Ask for what a voice recommendation says (showing an engine's draft, when there is one, to keep or rewrite)."""
    rec = await handled(ctx, press.rec)
    if not isinstance(rec, Recommendation):
        return rec
    if rec.voice_seconds is None:
        return await unknown_button(ctx)
    return await ask_transcript(ctx, TRANSCRIPT.start(ctx, TranscriptStep.TEXT, rec=rec.id, offset=press.offset))


async def ask_transcript(ctx: Context, data: Transcribing) -> list[Reply]:
    """Ask what the voice recommendation says, with an engine's draft to keep when there is one."""
    rec = await recommendations.get_recommendation(ctx.conn, data.rec)
    if rec is None:
        ctx.end()
        return await unknown_button(ctx)
    choices: list[Choice] = [StopTranscript().choice(ctx.t("cancel-button"))]
    text = ctx.t("inbox-ask-transcript", receipt=ctx.t("receipt", id=rec.id))
    if rec.transcript_draft:
        text += "\n\n" + ctx.t("inbox-transcript-draft", draft=rec.transcript_draft)
        choices.insert(0, AcceptDraft(rec=rec.id).choice(ctx.t("inbox-transcript-accept")))
    return [Reply(text=text, choices=tuple(choices))]


@requires(Who.OFFICER)
async def take_transcript(ctx: Member, data: Transcribing) -> list[Reply]:
    """Store the typed transcript."""
    transcript = clean_text(ctx.incoming.text or "")
    low, high = TRANSCRIPT_LIMITS
    if not low <= len(transcript) <= high:
        return [Reply(text=ctx.t("inbox-transcript-length", length=len(transcript), min=low, max=high))]
    return await _save_transcript(ctx, data, transcript)


@requires(Who.OFFICER)
async def accept_draft(ctx: Member, press: AcceptDraft) -> list[Reply]:
    """Keep the engine's draft as the transcript."""
    data = TRANSCRIPT.load(ctx)
    rec = await handled(ctx, data.rec)
    if not isinstance(rec, Recommendation):
        return rec
    if press.rec != rec.id or not rec.transcript_draft:
        return await unknown_button(ctx)
    return await _save_transcript(ctx, data, rec.transcript_draft)


async def _save_transcript(ctx: Member, data: Transcribing, transcript: str) -> list[Reply]:
    rec = await handled(ctx, data.rec)
    if not isinstance(rec, Recommendation):
        return rec
    saved = await recommendations.set_transcript(ctx.conn, rec.id, transcript, ctx.participant.id, ctx.now)
    ctx.end()
    if saved is None:
        return await unknown_button(ctx)
    await audit.record(
        ctx.conn, ctx.participant.id, "recommendation.transcript", f"recommendation:{rec.id}", None, ctx.now
    )
    notice = ctx.t("inbox-transcript-saved", receipt=ctx.t("receipt", id=rec.id))
    return await show(ctx, saved, data.offset, notice=notice)


async def transcript_left(ctx: Context, data: Transcribing) -> list[Reply]:
    """Back to the inbox, the transcript as it was."""
    return await page(ctx, data.offset, replace=True, notice=ctx.t("cancelled"))


async def _resume(ctx: Context, answering: Answering) -> list[Reply]:
    """Ask a parked answer's step again: its response, or its preview with the buttons."""
    if ANSWER.at(ctx, Step.PREVIEW):
        rec = await recommendations.get_recommendation(ctx.conn, answering.rec)
        if rec is None or not ctx.may_handle(rec.commitment_id):
            ctx.end()
            return await unknown_button(ctx)
        return await _preview(ctx, rec, answering)
    return [_ask_response(ctx, answering)]


def _describe(ctx: Context, answering: Answering) -> str:
    return ctx.t("inbox-parked", receipt=ctx.t("receipt", id=answering.rec))


ANSWER = Flow(
    name="inbox",
    data=Answering,
    cancel=Cancel,
    note="inbox-use-preview-buttons",
    on_cancel=cancelled,
    # An answer being written is kept when the officer leaves it, and offered back.
    parking=Parking(keep=lambda answering: True, describe=_describe, resume=_resume),
    steps={
        Step.RESPONSE: Accepts(
            text=take_response,
            buttons=(on(NoResponse, no_response),),
            question=ask_response_again,
            goes=(Step.PREVIEW,),
        ),
        Step.PREVIEW: Accepts(
            buttons=(on(SendAnswer, send_answer), on(EditAnswer, edit_answer)),
            question=show_preview,
            goes=(Step.RESPONSE,),
        ),
    },
)

TRANSCRIPT = Flow(
    name="transcript",
    data=Transcribing,
    cancel=StopTranscript,
    on_cancel=transcript_left,
    steps={
        TranscriptStep.TEXT: Accepts(
            text=take_transcript, question=ask_transcript, buttons=(on(AcceptDraft, accept_draft),)
        )
    },
)

FEATURE = Feature(
    commands={"inbox": start},
    buttons=(
        on(InboxPage, turn),
        on(OpenItem, open_item),
        on(SetState, set_state),
        on(Transcribe, transcribe),
    ),
    flows=(ANSWER, TRANSCRIPT),
)
