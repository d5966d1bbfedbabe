"""/recommend: commitment → theme → text → preview → stored with a receipt."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum

from handlers.joining import registration
from handlers.kit import fallback, intent
from handlers.kit import files as sent
from handlers.kit.access import need_registration, requires
from handlers.kit.buttons import Button
from handlers.kit.commitment_number import by_number, no_such_commitment
from handlers.kit.context import Context, Member, Parked
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData, Parking, Typing
from handlers.kit.hooks import Hook
from handlers.kit.menu import with_menu
from handlers.kit.parking import offers_parked
from handlers.kit.routes import on
from handlers.kit.text import clean_text, parse_int, shorten
from handlers.kit.who import Who
from handlers.recommending import flood, similar_input
from handlers.recommending.similar_input import EndorseInstead
from reports.said import duration_text, voice_label
from storage import catalogue, files, recommendations
from storage.filetypes import Use
from storage.models import Commitment, Recommendation, StoredFile

OTHER_THEME = 0
SHOWN_CHARS = 300  # how much of a kept draft an offer quotes


class Step(StrEnum):
    """Steps of the recommendation flow."""

    COMMITMENT = "commitment"
    THEME = "theme"
    TEXT = "text"
    PREVIEW = "preview"


class Draft(FlowData):
    """The recommendation being written."""

    commitment_id: int = 0
    theme_id: int | None = None
    text: str | None = None
    round_id: int | None = None  # set by a round's hand-over (handlers/rounds/input.py)
    question_id: int | None = None
    replacement: str | None = None  # a new text typed while previewing, until the person says to use it
    voice_file: int | None = None  # a voice recommendation: the stored voice note (storage.files) instead of text
    voice_seconds: int | None = None
    attachment_file: int | None = None  # the one file a participant may attach (a photo, a PDF...)
    for_group: bool = False  # a rapporteur's finding: stored as the working group's (handlers/rounds/findings.py)

    @property
    def said(self) -> bool:
        """Tell whether the recommendation has been written or recorded."""
        return bool(self.text) or self.voice_file is not None


class StartOn(Button, prefix="rec:start"):
    """Recommend on a commitment chosen elsewhere (the status view, a late round's offer)."""

    commitment: int


class PickCommitment(Button, prefix="rec:c"):
    """The commitment the recommendation is about."""

    commitment: int


class PickTheme(Button, prefix="rec:t"):
    """The theme within the commitment (0: another theme)."""

    theme: int


class Send(Button, prefix="rec:ok"):
    """Send the previewed recommendation."""


class Edit(Button, prefix="rec:edit"):
    """Write the previewed text again."""


class Replace(Button, prefix="rec:rep"):
    """Use the text typed while previewing instead of the previewed one."""


class Append(Button, prefix="rec:add"):
    """Add the text typed while previewing to the previewed one."""


class Cancel(Button, prefix="rec:x"):
    """Leave the flow without sending."""


# Hand-overs a round offers (handlers/rounds/input.py binds them): start in the person's working group instead;
# refuse before storing (the round's deadline passed); record which question the stored input answers.
Starter = Callable[[Member], Awaitable[list[Reply] | None]]
Check = Callable[[Member, Draft], Awaitable[list[Reply] | None]]
Recorder = Callable[[Member, Draft, Recommendation], Awaitable[None]]
ON_START: Hook[Starter] = Hook("recommend.start")
BEFORE_STORE: Hook[Check] = Hook("recommend.before_store")
AFTER_STORE: Hook[Recorder] = Hook("recommend.after_store")


@offers_parked
@requires(Who.REGISTERED)
async def start(ctx: Member) -> list[Reply]:
    """Answer /recommend (optionally /recommend N): ask for the commitment."""
    if refused := await flood.refusal(ctx):
        return [refused]
    args = ctx.incoming.args.strip()
    if not args:
        for starter in ctx.hooks(ON_START):
            if (started := await starter(ctx)) is not None:
                return started
    commitments = await catalogue.list_commitments(ctx.conn)
    if not commitments:
        return [with_menu(ctx, ctx.t("status-no-plan"))]
    if (chosen := by_number(commitments, args)) is not None:
        return await continue_on(ctx, chosen)
    draft = RECOMMEND.start(ctx, Step.COMMITMENT)
    prompt = _commitment_prompt(ctx, commitments, draft)
    if args:
        return [no_such_commitment(ctx, commitments, args), prompt]
    return [prompt]


def _commitment_prompt(ctx: Context, commitments: list[Commitment], draft: Draft) -> Reply:
    choices = tuple(
        PickCommitment(commitment=c.id).choice(f"{c.number}. {ctx.name(c)}", description=c.ogp_id) for c in commitments
    )
    if draft.voice_seconds is not None:
        text = ctx.t("choose-commitment-for-voice", voice=voice_label(ctx.messages, draft.voice_seconds))
    elif draft.text:
        text = ctx.t("choose-commitment-for-text", text=shorten(draft.text, SHOWN_CHARS))
    else:
        text = ctx.t("choose-commitment")
    return Reply(text=text, choices=(*choices, _cancel(ctx)))


def _cancel(ctx: Context) -> Choice:
    return Cancel().choice(ctx.t("cancel-button"))


async def continue_on(
    ctx: Context,
    commitment: Commitment,
    *,
    replace: bool = False,
    round_id: int | None = None,
    question_id: int | None = None,
    text: str | None = None,
    said: Draft | None = None,
    for_group: bool = False,
) -> list[Reply]:
    """Go on from a chosen commitment (here, the status view, or a round's working group) to its theme.

    A text already written (typed outside the flow, or kept from a draft) goes along and is not asked for again;
    so do a voice note and an attached file (`said`: the draft they were sent in).
    """
    draft = Draft(commitment_id=commitment.id, round_id=round_id, question_id=question_id, text=text)
    draft.for_group = for_group
    if said is not None:
        draft.text = said.text
        draft.voice_file, draft.voice_seconds = said.voice_file, said.voice_seconds
        draft.attachment_file = said.attachment_file
    themes = await catalogue.list_themes(ctx.conn, commitment.id)
    if themes:
        RECOMMEND.goto(ctx, Step.THEME, draft)
        choices = tuple(PickTheme(theme=t.id).choice(ctx.name(t)) for t in themes)
        other = PickTheme(theme=OTHER_THEME).choice(ctx.t("theme-other"))
        question = ctx.t("choose-theme", commitment=ctx.name(commitment))
        return [Reply(text=question, choices=(*choices, other, _cancel(ctx)), replace=replace)]
    return await _after_theme(ctx, commitment, draft, replace=replace)


async def _after_theme(ctx: Context, commitment: Commitment, draft: Draft, *, replace: bool) -> list[Reply]:
    """Ask for the text, or preview the one already written (when it fits the limits) or recorded."""
    if draft.voice_file is not None or (draft.text and _length_problem(ctx, draft.text) is None):
        RECOMMEND.goto(ctx, Step.PREVIEW, draft)
        return [(await preview(ctx, draft)).model_copy(update={"replace": replace})]
    RECOMMEND.goto(ctx, Step.TEXT, draft)
    if draft.text:  # kept, but longer than allowed: show it and ask for a shorter one
        problem = _length_problem(ctx, draft.text)
        again = ctx.t("ask-recommendation-again", text=draft.text)
        return [Reply(text=f"{problem}\n\n{again}", choices=(_cancel(ctx),), replace=replace)]
    return [_ask_text(ctx, commitment, replace=replace)]


def _ask_text(ctx: Context, commitment: Commitment, *, replace: bool = False) -> Reply:
    text = ctx.t(
        "ask-recommendation",
        commitment=ctx.name(commitment),
        min=ctx.config.recommendation_min,
        max=ctx.config.recommendation_max,
    )
    text += "\n" + ctx.t("recommendation-or-voice", max=duration_text(ctx.config.max_voice_seconds))
    return Reply(text=text, choices=(_cancel(ctx),), replace=replace)


async def _active_commitment(ctx: Context, commitment_id: int) -> Commitment | None:
    return next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == commitment_id), None)


async def start_on(ctx: Context, press: StartOn) -> list[Reply]:
    """Start the flow on a commitment chosen elsewhere (a newcomer registers first)."""
    commitment = await _active_commitment(ctx, press.commitment)
    if commitment is None:
        return await unknown_button(ctx)
    if ctx.participant is None:
        return need_registration(ctx, "recommend", str(commitment.number))
    if refused := await flood.refusal(ctx):
        return [refused]
    return await continue_on(ctx, commitment)


@requires(Who.REGISTERED)
async def pick_commitment(ctx: Member, press: PickCommitment) -> list[Reply]:
    """Take the commitment."""
    commitment = await _active_commitment(ctx, press.commitment)
    if commitment is None:
        return await unknown_button(ctx)
    return await continue_on(ctx, commitment, replace=True, said=RECOMMEND.load(ctx))


@requires(Who.REGISTERED)
async def pick_theme(ctx: Member, press: PickTheme) -> list[Reply]:
    """Take the theme (or 'another theme')."""
    draft = RECOMMEND.load(ctx)
    commitment = await catalogue.get_commitment(ctx.conn, draft.commitment_id)
    theme = await catalogue.get_theme(ctx.conn, press.theme) if press.theme != OTHER_THEME else None
    valid = press.theme == OTHER_THEME or (theme is not None and theme.commitment_id == draft.commitment_id)
    if commitment is None or not valid:
        return await unknown_button(ctx)
    draft.theme_id = theme.id if theme else None
    return await _after_theme(ctx, commitment, draft, replace=True)


def _length_problem(ctx: Context, text: str) -> str | None:
    """Return why a text cannot be sent as it is (empty, too short, too long), or None when it can."""
    low, high = ctx.config.recommendation_min, ctx.config.recommendation_max
    if not text:
        return ctx.t("recommendation-empty")
    if len(text) < low:
        return ctx.t("recommendation-too-short", length=len(text), min=low)
    if len(text) > high:
        return ctx.t("recommendation-too-long", length=len(text), max=high)
    if not intent.has_words(text):
        return ctx.t("recommendation-needs-words")
    return None


@requires(Who.REGISTERED)
async def take_text(ctx: Member, draft: Draft) -> list[Reply]:
    """Take the typed recommendation."""
    text = clean_text(ctx.incoming.text or "")
    if (problem := _length_problem(ctx, text)) is not None:
        return [Reply(text=problem)]
    draft.text = text
    draft.voice_file = draft.voice_seconds = None  # written instead of the recording
    RECOMMEND.goto(ctx, Step.PREVIEW, draft)
    return [await preview(ctx, draft)]


@requires(Who.REGISTERED)
async def take_file(ctx: Member, draft: Draft) -> list[Reply]:
    """Take a voice note as the recommendation (re-recording one), or a photo or document to attach."""
    stored = await sent.sent_file(ctx)
    if stored is None:
        return [Reply(text=ctx.t("file-download-failed"))]
    if sent.fits(stored, Use.VOICE):
        return await _take_voice(ctx, draft, stored)
    if not sent.fits(stored, Use.EVIDENCE):
        await sent.discard(ctx)
        return [Reply(text=ctx.t("recommendation-file-kinds"))]
    draft.attachment_file = stored.id  # one file: a second one replaces the first
    lead = ctx.t("recommendation-file-attached", file=sent.file_line(ctx, stored))
    if not draft.said:
        RECOMMEND.goto(ctx, Step.TEXT, draft)
        return [Reply(text=f"{lead}\n\n{ctx.t('recommendation-now-say-it')}", choices=(_cancel(ctx),))]
    RECOMMEND.goto(ctx, Step.PREVIEW, draft)
    reply = await preview(ctx, draft)
    return [reply.model_copy(update={"text": f"{lead}\n\n{reply.text}"})]


async def _take_voice(ctx: Member, draft: Draft, stored: StoredFile) -> list[Reply]:
    seconds = stored.duration or 0
    if seconds > ctx.config.max_voice_seconds:
        await sent.discard(ctx)
        limit = duration_text(ctx.config.max_voice_seconds)
        return [Reply(text=ctx.t("voice-too-long", voice=duration_text(seconds), limit=limit))]
    draft.voice_file, draft.voice_seconds, draft.text, draft.replacement = stored.id, seconds, None, None
    RECOMMEND.goto(ctx, Step.PREVIEW, draft)
    return [await preview(ctx, draft)]


@requires(Who.REGISTERED)
async def take_replacement(ctx: Member, draft: Draft) -> list[Reply]:
    """Keep a text typed while previewing, and ask before it replaces the previewed one (a «thank you» must not)."""
    text = clean_text(ctx.incoming.text or "")
    problem = _length_problem(ctx, text)
    if problem is not None and len(text) < ctx.config.recommendation_min:
        return [Reply(text=ctx.t("recommendation-waiting"), choices=_preview_choices(ctx))]
    if problem is not None and draft.replacement is None:
        return [Reply(text=problem, choices=_preview_choices(ctx))]
    # A second text while the first still waits is added to it: neither is lost before the person chooses.
    draft.replacement = f"{draft.replacement}\n{text}" if draft.replacement else text
    RECOMMEND.goto(ctx, Step.PREVIEW, draft)
    return [_replace_question(ctx, draft.replacement)]


def _replace_question(ctx: Context, text: str) -> Reply:
    """Ask what becomes of a text typed while previewing: replace, add to the previewed one, or let it go."""
    choices = (
        Replace().choice(ctx.t("replace-text")),
        Append().choice(ctx.t("append-text")),
        Send().choice(ctx.t("send-previous-text")),
        Edit().choice(ctx.t("edit-text")),
        _cancel(ctx),
    )
    return Reply(text=ctx.t("recommendation-replace", text=text), choices=choices)


@requires(Who.REGISTERED)
async def append_replacement(ctx: Member, press: Append) -> list[Reply]:
    """Add the text typed while previewing to the previewed one (when the whole still fits the limit)."""
    draft = RECOMMEND.load(ctx)
    if draft.replacement and draft.text:
        joined = f"{draft.text}\n{draft.replacement}"
        if (problem := _length_problem(ctx, joined)) is not None:
            return [Reply(text=problem), _replace_question(ctx, draft.replacement)]
        draft.text, draft.replacement = joined, None
    elif draft.replacement:  # a voice note is previewed: the text goes along as its words
        draft.text, draft.replacement = draft.replacement, None
    RECOMMEND.goto(ctx, Step.PREVIEW, draft)
    return [(await preview(ctx, draft)).model_copy(update={"replace": True})]


@requires(Who.REGISTERED)
async def use_replacement(ctx: Member, press: Replace) -> list[Reply]:
    """Use the text typed while previewing."""
    draft = RECOMMEND.load(ctx)
    if draft.replacement:
        draft.text, draft.replacement = draft.replacement, None
        draft.voice_file = draft.voice_seconds = None
    RECOMMEND.goto(ctx, Step.PREVIEW, draft)
    return [(await preview(ctx, draft)).model_copy(update={"replace": True})]


async def ask_commitment(ctx: Context, draft: Draft) -> list[Reply]:
    """Ask for the commitment again when text arrives instead of a button (its number typed chooses it)."""
    commitments = await catalogue.list_commitments(ctx.conn)
    number = parse_int(ctx.incoming.text or "")
    chosen = next((c for c in commitments if c.number == number), None)
    if chosen is not None and ctx.participant is not None:
        return await continue_on(ctx, chosen, round_id=draft.round_id, question_id=draft.question_id, said=draft)
    return [_commitment_prompt(ctx, commitments, draft)]


async def ask_theme(ctx: Context, draft: Draft) -> list[Reply]:
    """Ask for the theme again when text arrives instead of a button."""
    commitment = await catalogue.get_commitment(ctx.conn, draft.commitment_id)
    if commitment is None:
        return await ask_commitment(ctx, draft)
    return await continue_on(ctx, commitment, round_id=draft.round_id, question_id=draft.question_id, said=draft)


def _preview_choices(ctx: Context, draft: Draft | None = None, alike: tuple[Choice, ...] = ()) -> tuple[Choice, ...]:
    edit = "voice-rerecord" if draft is not None and draft.voice_file is not None else "edit-text"
    send = Send().choice(ctx.t("similar-send-anyway" if alike else "confirm-send"))
    return (*alike, send, Edit().choice(ctx.t(edit)), _cancel(ctx))


async def preview(ctx: Context, draft: Draft) -> Reply:
    """Return the draft as it will be sent (a voice note by its length, an attached file by its name)."""
    commitment = await catalogue.get_commitment(ctx.conn, draft.commitment_id)
    theme = await catalogue.get_theme(ctx.conn, draft.theme_id) if draft.theme_id else None
    body = voice_label(ctx.messages, draft.voice_seconds) if draft.voice_seconds is not None else draft.text or ""
    text = ctx.t(
        "recommendation-preview",
        commitment=ctx.name(commitment) if commitment else "",
        theme=ctx.name(theme) if theme else ctx.t("theme-other"),
        text=body,
    )
    attached = await files.get_file(ctx.conn, draft.attachment_file) if draft.attachment_file else None
    text += "\n" + (
        ctx.t("recommendation-preview-file", file=sent.file_line(ctx, attached))
        if attached is not None
        else ctx.t("recommendation-preview-may-attach")
    )
    found = await similar_input.alike(ctx, draft.commitment_id, draft.text)
    if found:
        text += "\n\n" + await similar_input.section(ctx, found)
    return Reply(text=text, choices=_preview_choices(ctx, draft, similar_input.choices(ctx, found)))


@requires(Who.REGISTERED)
async def edit(ctx: Member, press: Edit) -> list[Reply]:
    """Ask for the text again, showing the draft."""
    draft = RECOMMEND.load(ctx)
    RECOMMEND.goto(ctx, Step.TEXT, draft)
    if draft.voice_file is not None:
        text = ctx.t("voice-ask-again", max=duration_text(ctx.config.max_voice_seconds))
    else:
        text = ctx.t("ask-recommendation-again", text=draft.text or "")
    return [Reply(text=text, choices=(_cancel(ctx),), replace=True)]


@requires(Who.REGISTERED)
async def send(ctx: Member, press: Send) -> list[Reply]:
    """Store the recommendation and give its receipt."""
    if refused := await flood.refusal(ctx):  # another channel of the same person may have sent meanwhile
        return [refused]
    draft = RECOMMEND.load(ctx)
    draft.replacement = None  # «send the previous text»: the one typed while previewing is let go, knowingly
    for check in ctx.hooks(BEFORE_STORE):
        if (refusal := await check(ctx, draft)) is not None:
            return refusal
    if (gone := await _files_gone(ctx, draft)) is not None:
        return gone
    stored = await recommendations.add_recommendation(
        ctx.conn,
        participant_id=ctx.participant.id,
        commitment_id=draft.commitment_id,
        theme_id=draft.theme_id,
        text=draft.text or "",
        channel=ctx.incoming.channel,
        now=ctx.now,
        event_id=ctx.incoming.event_id,
        round_id=draft.round_id,
        voice_seconds=draft.voice_seconds if draft.voice_file is not None else None,
    )
    await _link_files(ctx, draft, stored)
    for record in ctx.hooks(AFTER_STORE):
        await record(ctx, draft, stored)
    ctx.end()
    receipt = ctx.t("receipt", id=stored.id)
    return [with_menu(ctx, ctx.t("recommendation-stored", receipt=receipt), replace=True)]


@requires(Who.REGISTERED)
async def endorse_similar(ctx: Member, press: EndorseInstead) -> list[Reply]:
    """Endorse an alike recommendation shown at the preview instead of sending this one."""
    draft = RECOMMEND.load(ctx)
    return await similar_input.endorse_instead(ctx, press, draft.commitment_id, draft.text)


async def _files_gone(ctx: Member, draft: Draft) -> list[Reply] | None:
    """Ask again for a voice note or file erased since it was sent (a draft kept past UNLINKED_KEPT)."""
    if draft.voice_file is not None and await files.get_file(ctx.conn, draft.voice_file) is None:
        draft.voice_file = draft.voice_seconds = None
        RECOMMEND.goto(ctx, Step.TEXT, draft)
        return [Reply(text=ctx.t("voice-gone"), choices=(_cancel(ctx),))]
    if draft.attachment_file is not None and await files.get_file(ctx.conn, draft.attachment_file) is None:
        draft.attachment_file = None
        RECOMMEND.goto(ctx, Step.PREVIEW, draft)
        return [Reply(text=ctx.t("recommendation-file-gone")), await preview(ctx, draft)]
    return None


async def _link_files(ctx: Member, draft: Draft, stored: Recommendation) -> None:
    """Make the voice note and the attached file part of the stored recommendation."""
    person = ctx.participant.id
    if draft.voice_file is not None:
        await files.link_to_recommendation(ctx.conn, draft.voice_file, stored.id, "voice", person, ctx.now)
    if draft.attachment_file is not None:
        await files.link_to_recommendation(ctx.conn, draft.attachment_file, stored.id, "attachment", person, ctx.now)


async def offer_from_file(ctx: Context) -> list[Reply] | None:
    """Offer a voice note sent outside any flow as a recommendation (a newcomer's waits through registration)."""
    stored = await sent.sent_file(ctx)
    if stored is None or not sent.fits(stored, Use.VOICE):
        return None
    seconds = stored.duration or 0
    if seconds > ctx.config.max_voice_seconds:
        await sent.discard(ctx)
        limit = duration_text(ctx.config.max_voice_seconds)
        return [Reply(text=ctx.t("voice-too-long", voice=duration_text(seconds), limit=limit))]
    commitments = await catalogue.list_commitments(ctx.conn)
    if not commitments:
        return None
    draft = Draft(voice_file=stored.id, voice_seconds=seconds)
    if ctx.participant is None:
        ctx.carry.park(Parked(flow=RECOMMEND.name, step=str(Step.COMMITMENT), data=draft.model_dump(mode="json")))
        return [Reply(text=ctx.t("recommendation-kept-for-later")), *need_registration(ctx, "recommend")]
    if refused := await flood.refusal(ctx):
        return [refused]
    RECOMMEND.goto(ctx, Step.COMMITMENT, draft)
    prompt = _commitment_prompt(ctx, commitments, draft)
    voice = voice_label(ctx.messages, seconds)
    return [prompt.model_copy(update={"text": ctx.t("recommendation-from-voice", voice=voice)})]


async def keep_for_later(ctx: Context) -> bool:
    """Park a newcomer's recommendation typed during registration, to offer it once they are registered."""
    text = clean_text(ctx.incoming.text or "")
    if not await catalogue.list_commitments(ctx.conn):
        return False
    draft = Draft(text=text)
    ctx.carry.park(Parked(flow=RECOMMEND.name, step=str(Step.COMMITMENT), data=draft.model_dump(mode="json")))
    return True


async def offer_from_text(ctx: Context) -> list[Reply] | None:
    """Offer to turn free text that reads like a recommendation into one, keeping the text; None otherwise."""
    text = clean_text(ctx.incoming.text or "")
    if intent.read(text, ctx.config.recommendation_min) is not intent.Intent.RECOMMENDATION:
        return None
    commitments = await catalogue.list_commitments(ctx.conn)
    if not commitments:
        return None
    draft = Draft(text=text)
    if ctx.participant is None:  # registering comes first; the text waits, parked, and /recommend offers it back
        ctx.carry.park(Parked(flow=RECOMMEND.name, step=str(Step.COMMITMENT), data=draft.model_dump(mode="json")))
        return [Reply(text=ctx.t("recommendation-kept-for-later")), *need_registration(ctx, "recommend")]
    RECOMMEND.goto(ctx, Step.COMMITMENT, draft)
    prompt = _commitment_prompt(ctx, commitments, draft)
    return [prompt.model_copy(update={"text": ctx.t("recommendation-from-text", text=shorten(text, SHOWN_CHARS))})]


def _keep(draft: Draft) -> bool:
    return draft.said or draft.commitment_id != 0


def _describe(ctx: Context, draft: Draft) -> str:
    if draft.voice_seconds is not None:
        return ctx.t("recommendation-parked", text=voice_label(ctx.messages, draft.voice_seconds))
    if draft.text and draft.replacement:
        texts = {"text": shorten(draft.text, SHOWN_CHARS), "new": shorten(draft.replacement, SHOWN_CHARS)}
        return ctx.t("recommendation-parked-two", **texts)
    if draft.text or draft.replacement:
        return ctx.t("recommendation-parked", text=shorten(draft.text or draft.replacement or "", SHOWN_CHARS))
    return ctx.t("recommendation-parked-untyped")


async def ask_again(ctx: Context, draft: Draft) -> list[Reply]:
    """Ask the question of the step the draft is at again (after a language switch, or a parked draft resumed)."""
    if RECOMMEND.at(ctx, Step.PREVIEW):
        if draft.replacement:  # the text typed while previewing waits for its answer too
            return [await preview(ctx, draft), _replace_question(ctx, draft.replacement)]
        return [await preview(ctx, draft)]
    if RECOMMEND.at(ctx, Step.TEXT):
        if draft.voice_file is not None:
            text = ctx.t("voice-ask-again", max=duration_text(ctx.config.max_voice_seconds))
            return [Reply(text=text, choices=(_cancel(ctx),))]
        commitment = await _active_commitment(ctx, draft.commitment_id or 0)
        if draft.text or commitment is None:
            return [Reply(text=ctx.t("ask-recommendation-again", text=draft.text or ""), choices=(_cancel(ctx),))]
        return [_ask_text(ctx, commitment)]
    if RECOMMEND.at(ctx, Step.THEME):
        return await ask_theme(ctx, draft)
    return await ask_commitment(ctx, draft)


RECOMMEND = Flow(
    name="recommend",
    data=Draft,
    cancel=Cancel,
    holds=lambda draft: (draft.voice_file, draft.attachment_file),
    entry=(Step.COMMITMENT, Step.THEME, Step.TEXT, Step.PREVIEW),
    steps={
        Step.COMMITMENT: Accepts(
            buttons=(on(PickCommitment, pick_commitment),),
            question=ask_commitment,
            goes=(Step.THEME, Step.TEXT, Step.PREVIEW),
        ),
        Step.THEME: Accepts(buttons=(on(PickTheme, pick_theme),), question=ask_theme, goes=(Step.TEXT, Step.PREVIEW)),
        Step.TEXT: Accepts(text=take_text, question=ask_again, file=take_file, goes=(Step.PREVIEW,)),
        # The preview is a choice (send, edit, cancel); a text typed there is kept and offered as a replacement; a
        # voice note sent there is a new recording, shown again before it is sent; a photo or document is attached.
        Step.PREVIEW: Accepts(
            text=take_replacement,
            question=ask_again,
            buttons=(
                on(Send, send),
                on(Edit, edit),
                on(Replace, use_replacement),
                on(Append, append_replacement),
                on(EndorseInstead, endorse_similar),
            ),
            typing=Typing.CHOICE,
            file=take_file,
            goes=(Step.TEXT,),
        ),
    },
    # A participant reopening at the text step is shown what was started and asked whether to go on: the first
    # sentence of someone who came back for something else must not become that draft's text.
    parking=Parking(keep=_keep, describe=_describe, resume=ask_again, offered_on_opening=True),
)

FEATURE = Feature(
    commands={"recommend": start},
    buttons=(on(StartOn, start_on),),
    flows=(RECOMMEND,),
    keywords={"keyword-recommend": "recommend"},
    hooks=(
        fallback.FREE_TEXT.bind(offer_from_text),
        fallback.FREE_FILE.bind(offer_from_file),
        registration.KEEP_FOR_LATER.bind(keep_for_later),
    ),
)
