"""/recommend: commitment → theme → text → preview → stored with a receipt."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum

from handlers import flood
from handlers.context import Context, Member
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.kit.access import need_registration, requires
from handlers.kit.buttons import Button
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.hooks import Hook
from handlers.kit.routes import on
from handlers.kit.who import Who
from handlers.menu import with_menu
from handlers.text import clean_text, parse_int
from storage import catalogue, recommendations
from storage.models import Commitment, Recommendation

OTHER_THEME = 0


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
    round_id: int | None = None  # set by a round's hand-over (handlers/round_input.py)
    question_id: int | None = None


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


class Cancel(Button, prefix="rec:x"):
    """Leave the flow without sending."""


# Hand-overs a round offers (handlers/round_input.py binds them): start in the person's working group instead;
# refuse before storing (the round's deadline passed); record which question the stored input answers.
Starter = Callable[[Member], Awaitable[list[Reply] | None]]
Check = Callable[[Member, Draft], Awaitable[list[Reply] | None]]
Recorder = Callable[[Member, Draft, Recommendation], Awaitable[None]]
ON_START: Hook[Starter] = Hook("recommend.start")
BEFORE_STORE: Hook[Check] = Hook("recommend.before_store")
AFTER_STORE: Hook[Recorder] = Hook("recommend.after_store")


@requires(Who.REGISTERED)
async def start(ctx: Member) -> list[Reply]:
    """Answer /recommend (optionally /recommend N): ask for the commitment."""
    if refused := await flood.refusal(ctx):
        return [refused]
    if not ctx.incoming.args:
        for starter in ctx.hooks(ON_START):
            if (started := await starter(ctx)) is not None:
                return started
    commitments = await catalogue.list_commitments(ctx.conn)
    if not commitments:
        return [with_menu(ctx, ctx.t("status-no-plan"))]
    number = parse_int(ctx.incoming.args) if ctx.incoming.args else None
    chosen = next((c for c in commitments if c.number == number), None)
    if chosen is not None:
        return await continue_on(ctx, chosen)
    RECOMMEND.start(ctx, Step.COMMITMENT)
    return [_commitment_prompt(ctx, commitments)]


def _commitment_prompt(ctx: Context, commitments: list[Commitment]) -> Reply:
    choices = tuple(
        PickCommitment(commitment=c.id).choice(f"{c.number}. {c.title_ar}", description=c.ogp_id) for c in commitments
    )
    return Reply(text=ctx.t("choose-commitment"), choices=(*choices, _cancel(ctx)))


def _cancel(ctx: Context) -> Choice:
    return Cancel().choice(ctx.t("cancel-button"))


async def continue_on(
    ctx: Context,
    commitment: Commitment,
    *,
    replace: bool = False,
    round_id: int | None = None,
    question_id: int | None = None,
) -> list[Reply]:
    """Go on from a chosen commitment (here, the status view, or a round's working group) to its theme."""
    draft = Draft(commitment_id=commitment.id, round_id=round_id, question_id=question_id)
    themes = await catalogue.list_themes(ctx.conn, commitment.id)
    if themes:
        RECOMMEND.goto(ctx, Step.THEME, draft)
        choices = tuple(PickTheme(theme=t.id).choice(t.title_ar) for t in themes)
        other = PickTheme(theme=OTHER_THEME).choice(ctx.t("theme-other"))
        text = ctx.t("choose-theme", commitment=commitment.title_ar)
        return [Reply(text=text, choices=(*choices, other, _cancel(ctx)), replace=replace)]
    RECOMMEND.goto(ctx, Step.TEXT, draft)
    return [_ask_text(ctx, commitment, replace=replace)]


def _ask_text(ctx: Context, commitment: Commitment, *, replace: bool = False) -> Reply:
    text = ctx.t(
        "ask-recommendation",
        commitment=commitment.title_ar,
        min=ctx.config.recommendation_min,
        max=ctx.config.recommendation_max,
    )
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
    return await continue_on(ctx, commitment, replace=True)


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
    RECOMMEND.goto(ctx, Step.TEXT, draft)
    return [_ask_text(ctx, commitment, replace=True)]


@requires(Who.REGISTERED)
async def take_text(ctx: Member, draft: Draft) -> list[Reply]:
    """Take the typed recommendation (or a replacement while previewing)."""
    text = clean_text(ctx.incoming.text or "")
    low, high = ctx.config.recommendation_min, ctx.config.recommendation_max
    if not text:
        return [Reply(text=ctx.t("recommendation-empty"))]
    if len(text) < low:
        return [Reply(text=ctx.t("recommendation-too-short", length=len(text), min=low))]
    if len(text) > high:
        return [Reply(text=ctx.t("recommendation-too-long", length=len(text), max=high))]
    draft.text = text
    RECOMMEND.goto(ctx, Step.PREVIEW, draft)
    return [await _preview(ctx, draft)]


async def ask_commitment(ctx: Context, draft: Draft) -> list[Reply]:
    """Ask for the commitment again when text arrives instead of a button."""
    return [_commitment_prompt(ctx, await catalogue.list_commitments(ctx.conn))]


async def ask_theme(ctx: Context, draft: Draft) -> list[Reply]:
    """Ask for the theme again when text arrives instead of a button."""
    commitment = await catalogue.get_commitment(ctx.conn, draft.commitment_id)
    if commitment is None:
        return await ask_commitment(ctx, draft)
    return await continue_on(ctx, commitment, round_id=draft.round_id, question_id=draft.question_id)


async def _preview(ctx: Context, draft: Draft) -> Reply:
    commitment = await catalogue.get_commitment(ctx.conn, draft.commitment_id)
    theme = await catalogue.get_theme(ctx.conn, draft.theme_id) if draft.theme_id else None
    text = ctx.t(
        "recommendation-preview",
        commitment=commitment.title_ar if commitment else "",
        theme=theme.title_ar if theme else ctx.t("theme-other"),
        text=draft.text or "",
    )
    choices = (Send().choice(ctx.t("confirm-send")), Edit().choice(ctx.t("edit-text")), _cancel(ctx))
    return Reply(text=text, choices=choices)


@requires(Who.REGISTERED)
async def edit(ctx: Member, press: Edit) -> list[Reply]:
    """Ask for the text again, showing the draft."""
    draft = RECOMMEND.load(ctx)
    RECOMMEND.goto(ctx, Step.TEXT, draft)
    text = ctx.t("ask-recommendation-again", text=draft.text or "")
    return [Reply(text=text, choices=(_cancel(ctx),), replace=True)]


@requires(Who.REGISTERED)
async def send(ctx: Member, press: Send) -> list[Reply]:
    """Store the recommendation and give its receipt."""
    if refused := await flood.refusal(ctx):  # another channel of the same person may have sent meanwhile
        return [refused]
    draft = RECOMMEND.load(ctx)
    for check in ctx.hooks(BEFORE_STORE):
        if (refusal := await check(ctx, draft)) is not None:
            return refusal
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
    )
    for record in ctx.hooks(AFTER_STORE):
        await record(ctx, draft, stored)
    ctx.end()
    receipt = ctx.t("receipt", id=stored.id)
    return [with_menu(ctx, ctx.t("recommendation-stored", receipt=receipt), replace=True)]


RECOMMEND = Flow(
    name="recommend",
    data=Draft,
    cancel=Cancel,
    steps={
        Step.COMMITMENT: Accepts(buttons=(PickCommitment,), ask=ask_commitment),
        Step.THEME: Accepts(buttons=(PickTheme,), ask=ask_theme),
        Step.TEXT: Accepts(text=take_text),
        Step.PREVIEW: Accepts(text=take_text, buttons=(Send, Edit)),
    },
)

FEATURE = Feature(
    commands={"recommend": start},
    buttons=(
        on(StartOn, start_on),
        on(PickCommitment, pick_commitment),
        on(PickTheme, pick_theme),
        on(Send, send),
        on(Edit, edit),
    ),
    flows=(RECOMMEND,),
    keywords={"keyword-recommend": "recommend"},
)
