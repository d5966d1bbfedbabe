"""/recommend: commitment → theme → text → preview → stored with a receipt."""

from __future__ import annotations

from enum import StrEnum

from handlers import flood, registration
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.menu import with_menu
from handlers.text import clean_text, parse_int
from storage import catalogue, recommendations
from storage.models import Commitment

FLOW = "recommend"
OTHER_THEME = 0


class Step(StrEnum):
    """Steps of the recommendation flow."""

    COMMITMENT = "commitment"
    THEME = "theme"
    TEXT = "text"
    PREVIEW = "preview"


async def start(ctx: Context) -> list[Reply]:
    """Answer /recommend (optionally /recommend N): register first if needed, then ask for the commitment."""
    if ctx.participant is None:
        ctx.data["_then"] = ["recommend", ctx.incoming.args]
        return [Reply(text=ctx.t("need-registration")), *registration.begin(ctx)[1:]]
    if refused := await flood.refusal(ctx):
        return [refused]
    # Rounds build on this flow, so their module imports this one; importing it here avoids a cycle.
    from handlers import round_input

    in_round = await round_input.start_in_round(ctx)
    if in_round is not None:
        return in_round
    commitments = await catalogue.list_commitments(ctx.conn)
    if not commitments:
        return [with_menu(ctx, ctx.t("status-no-plan"))]
    number = parse_int(ctx.incoming.args) if ctx.incoming.args else None
    chosen = next((c for c in commitments if c.number == number), None)
    if chosen is not None:
        return await _chose_commitment(ctx, chosen)
    ctx.goto(FLOW, Step.COMMITMENT)
    return [_commitment_prompt(ctx, commitments)]


def _commitment_prompt(ctx: Context, commitments: list[Commitment]) -> Reply:
    choices = tuple(
        Choice(id=f"rec:c:{c.id}", label=f"{c.number}. {c.title_ar}", description=c.ogp_id) for c in commitments
    )
    return Reply(text=ctx.t("choose-commitment"), choices=(*choices, _cancel_choice(ctx)))


def _cancel_choice(ctx: Context) -> Choice:
    return Choice(id="rec:x", label=ctx.t("cancel-button"))


async def _chose_commitment(ctx: Context, commitment: Commitment, *, replace: bool = False) -> list[Reply]:
    themes = await catalogue.list_themes(ctx.conn, commitment.id)
    if themes:
        ctx.goto(FLOW, Step.THEME, commitment_id=commitment.id, theme_id=None)
        choices = tuple(Choice(id=f"rec:t:{t.id}", label=t.title_ar) for t in themes)
        other = Choice(id=f"rec:t:{OTHER_THEME}", label=ctx.t("theme-other"))
        text = ctx.t("choose-theme", commitment=commitment.title_ar)
        return [Reply(text=text, choices=(*choices, other, _cancel_choice(ctx)), replace=replace)]
    ctx.goto(FLOW, Step.TEXT, commitment_id=commitment.id, theme_id=None)
    return [_ask_text(ctx, commitment, replace=replace)]


def _ask_text(ctx: Context, commitment: Commitment, *, replace: bool = False) -> Reply:
    text = ctx.t(
        "ask-recommendation",
        commitment=commitment.title_ar,
        min=ctx.config.recommendation_min,
        max=ctx.config.recommendation_max,
    )
    return Reply(text=text, choices=(_cancel_choice(ctx),), replace=replace)


async def on_choice(ctx: Context) -> list[Reply]:
    """Route a rec:* button."""
    parts = (ctx.incoming.choice or "").split(":")
    action = parts[1] if len(parts) > 1 else ""
    arg = parse_int(parts[2]) if len(parts) > 2 else None
    if action == "start":
        return await _start_on(ctx, arg)
    if action == "x" and ctx.flow == FLOW:
        ctx.end()
        return [with_menu(ctx, ctx.t("cancelled"), replace=True)]
    if ctx.flow != FLOW or ctx.participant is None:
        return await stale_button(ctx)
    if action == "c" and ctx.step == Step.COMMITMENT:
        return await _on_commitment(ctx, arg)
    if action == "t" and ctx.step == Step.THEME:
        return await _on_theme(ctx, arg)
    if action == "ok" and ctx.step == Step.PREVIEW:
        return await _store(ctx)
    if action == "edit" and ctx.step == Step.PREVIEW:
        ctx.goto(FLOW, Step.TEXT)
        text = ctx.t("ask-recommendation-again", text=ctx.data["text"])
        return [Reply(text=text, choices=(_cancel_choice(ctx),), replace=True)]
    return await stale_button(ctx)


async def _start_on(ctx: Context, commitment_id: int | None) -> list[Reply]:
    """Start the flow on a commitment chosen elsewhere (the status view)."""
    commitment = await _active_commitment(ctx, commitment_id)
    if commitment is None:
        return await unknown_button(ctx)
    if ctx.participant is None:
        ctx.data["_then"] = ["recommend", str(commitment.number)]
        return [Reply(text=ctx.t("need-registration")), *registration.begin(ctx)[1:]]
    if refused := await flood.refusal(ctx):
        return [refused]
    return await _chose_commitment(ctx, commitment)


async def continue_on(ctx: Context, commitment: Commitment, *, replace: bool = False) -> list[Reply]:
    """Continue the flow on a commitment chosen elsewhere (a round's working group)."""
    return await _chose_commitment(ctx, commitment, replace=replace)


async def _active_commitment(ctx: Context, commitment_id: int | None) -> Commitment | None:
    if commitment_id is None:
        return None
    return next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == commitment_id), None)


async def _on_commitment(ctx: Context, commitment_id: int | None) -> list[Reply]:
    commitment = await _active_commitment(ctx, commitment_id)
    if commitment is None:
        return await unknown_button(ctx)
    return await _chose_commitment(ctx, commitment, replace=True)


async def _on_theme(ctx: Context, theme_id: int | None) -> list[Reply]:
    commitment = await catalogue.get_commitment(ctx.conn, ctx.data["commitment_id"])
    theme = await catalogue.get_theme(ctx.conn, theme_id) if theme_id else None
    valid = theme_id == OTHER_THEME or (theme is not None and theme.commitment_id == ctx.data["commitment_id"])
    if commitment is None or not valid:
        return await unknown_button(ctx)
    ctx.goto(FLOW, Step.TEXT, theme_id=theme.id if theme else None)
    return [_ask_text(ctx, commitment, replace=True)]


async def on_text(ctx: Context) -> list[Reply]:
    """Take the typed recommendation (or a replacement while previewing)."""
    if ctx.step not in (Step.TEXT, Step.PREVIEW):
        return await _reprompt(ctx)
    text = clean_text(ctx.incoming.text or "")
    low, high = ctx.config.recommendation_min, ctx.config.recommendation_max
    if not text:
        return [Reply(text=ctx.t("recommendation-empty"))]
    if len(text) < low:
        return [Reply(text=ctx.t("recommendation-too-short", length=len(text), min=low))]
    if len(text) > high:
        return [Reply(text=ctx.t("recommendation-too-long", length=len(text), max=high))]
    ctx.goto(FLOW, Step.PREVIEW, text=text)
    return [await _preview(ctx)]


async def _reprompt(ctx: Context) -> list[Reply]:
    """Ask again for a button answer when text arrived instead."""
    if ctx.step == Step.THEME:
        commitment = await catalogue.get_commitment(ctx.conn, ctx.data["commitment_id"])
        if commitment is not None:
            return await _chose_commitment(ctx, commitment)
    return [_commitment_prompt(ctx, await catalogue.list_commitments(ctx.conn))]


async def _preview(ctx: Context) -> Reply:
    commitment = await catalogue.get_commitment(ctx.conn, ctx.data["commitment_id"])
    theme = await catalogue.get_theme(ctx.conn, ctx.data["theme_id"]) if ctx.data.get("theme_id") else None
    text = ctx.t(
        "recommendation-preview",
        commitment=commitment.title_ar if commitment else "",
        theme=theme.title_ar if theme else ctx.t("theme-other"),
        text=ctx.data["text"],
    )
    choices = (
        Choice(id="rec:ok", label=ctx.t("confirm-send")),
        Choice(id="rec:edit", label=ctx.t("edit-text")),
        _cancel_choice(ctx),
    )
    return Reply(text=text, choices=choices)


async def _store(ctx: Context) -> list[Reply]:
    assert ctx.participant is not None  # noqa: S101 - checked by on_choice
    if refused := await flood.refusal(ctx):  # another channel of the same person may have sent meanwhile
        return [refused]
    from handlers import round_input  # see start()

    late = await round_input.refuse_late(ctx)
    if late is not None:
        return late
    stored = await recommendations.add_recommendation(
        ctx.conn,
        participant_id=ctx.participant.id,
        commitment_id=ctx.data["commitment_id"],
        theme_id=ctx.data.get("theme_id"),
        text=ctx.data["text"],
        channel=ctx.incoming.channel,
        now=ctx.now,
        event_id=ctx.incoming.event_id,
        round_id=ctx.data.get("round_id"),
    )
    await round_input.after_store(ctx, stored)
    ctx.end()
    receipt = ctx.t("receipt", id=stored.id)
    return [with_menu(ctx, ctx.t("recommendation-stored", receipt=receipt), replace=True)]


FEATURE = Feature(
    commands={"recommend": start},
    choices={"rec": on_choice},
    flows={FLOW: on_text},
    keywords={"keyword-recommend": "recommend"},
)
