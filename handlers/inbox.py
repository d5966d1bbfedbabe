"""/inbox (liaison officers, coordinators): recommendations on their commitments, answered one by one."""

from __future__ import annotations

from enum import StrEnum

from handlers import notify
from handlers import roles as access
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.labels import short_date, state_label
from handlers.menu import menu_choices, with_menu
from handlers.text import clean_text, parse_int, shorten
from storage import audit, catalogue, endorsements, inbox, participants, recommendations
from storage.models import Commitment, Recommendation, RecommendationState

FLOW = "inbox"
PAGE_SIZE = 5
PREVIEW_CHARS = 200
RESPONSE_LIMITS = (2, 2000)
ANSWER_STATES = tuple(s for s in RecommendationState if s is not RecommendationState.NEW)


class Step(StrEnum):
    """Steps of answering one recommendation."""

    RESPONSE = "response"


async def handled_commitments(ctx: Context) -> list[Commitment]:
    """Return the commitments this person answers and reports on (all of them for coordinators), in order."""
    if ctx.participant is None:
        return []
    commitments = await catalogue.list_commitments(ctx.conn)
    if ctx.is_coordinator:
        return commitments
    mine = ctx.liaison_commitments()
    return [c for c in commitments if c.id in mine]


async def scope(ctx: Context) -> set[int]:
    """Return the ids of the commitments this person answers (all of them for coordinators)."""
    if ctx.participant is None:
        return set()
    if ctx.is_coordinator:
        return {c.id for c in await handled_commitments(ctx)}
    return ctx.liaison_commitments()


async def start(ctx: Context) -> list[Reply]:
    """Answer /inbox."""
    if not ctx.is_coordinator and not ctx.liaison_commitments():
        return access.refuse(ctx)
    if ctx.participant is None:
        return access.need_registration(ctx, "inbox")
    return await page(ctx, 0, replace=False)


async def page(ctx: Context, offset: int, *, replace: bool, notice: str | None = None) -> list[Reply]:
    """Show one page: unanswered first, oldest first."""
    commitments = await scope(ctx)
    total, unanswered = await inbox.counts(ctx.conn, commitments)
    head = [notice, ""] if notice else []
    if total == 0:
        return [with_menu(ctx, "\n".join([*head, ctx.t("inbox-empty")]), replace=replace)]
    offset = max(0, min(offset, total - 1))
    items = await inbox.page(ctx.conn, commitments, limit=PAGE_SIZE, offset=offset)
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    head.append(ctx.t("inbox-title", total=total, unanswered=unanswered, first=offset + 1, last=offset + len(items)))
    body = [_line(ctx, rec, numbers.get(rec.commitment_id, 0)) for rec in items]
    choices = [Choice(id=f"inbox:o:{rec.id}:{offset}", label=ctx.t("receipt", id=rec.id)) for rec in items]
    if offset > 0:
        choices.append(Choice(id=f"inbox:p:{max(0, offset - PAGE_SIZE)}", label=ctx.t("previous")))
    if offset + PAGE_SIZE < total:
        choices.append(Choice(id=f"inbox:p:{offset + PAGE_SIZE}", label=ctx.t("more")))
    text = "\n".join(head) + "\n\n" + "\n\n".join(body)
    return [Reply(text=text, choices=(*choices, *menu_choices(ctx)), replace=replace)]


def _line(ctx: Context, rec: Recommendation, number: int) -> str:
    text = ctx.t(
        "inbox-item",
        receipt=ctx.t("receipt", id=rec.id),
        number=number,
        date=short_date(ctx, rec.created_at),
        state=state_label(ctx, rec.state),
        text=shorten(rec.text, PREVIEW_CHARS),
    )
    return text + ("\n" + ctx.t("inbox-hidden-mark") if rec.hidden else "")


async def on_choice(ctx: Context) -> list[Reply]:
    """Route inbox:* buttons: p (page), o (open), s (state), nr (no written response), x (cancel)."""
    parts = (ctx.incoming.choice or "").split(":")
    action = parts[1] if len(parts) > 1 else ""
    if action == "x" and ctx.flow == FLOW:
        ctx.end()
        return await page(ctx, 0, replace=True, notice=ctx.t("cancelled"))
    if not await scope(ctx):
        return access.refuse(ctx)
    if action == "p" and len(parts) == 3 and parse_int(parts[2]) is not None:
        return await page(ctx, parse_int(parts[2]) or 0, replace=True)
    rec = await _recommendation(ctx, parts[2] if len(parts) > 2 else "")
    if rec is None:
        return await unknown_button(ctx)
    if not access.may_handle(ctx, rec.commitment_id):
        return access.refuse(ctx)
    if action == "o" and len(parts) == 4:
        return await show(ctx, rec, parse_int(parts[3]) or 0)
    if action == "s" and len(parts) == 4 and parts[3] in ANSWER_STATES:
        return _ask_response(ctx, rec, RecommendationState(parts[3]))
    if action == "nr" and ctx.flow == FLOW and ctx.data.get("rec") == rec.id:
        return await _save(ctx, rec, None)
    return await stale_button(ctx)


async def _recommendation(ctx: Context, raw: str) -> Recommendation | None:
    number = parse_int(raw)
    return await recommendations.get_recommendation(ctx.conn, number) if number is not None else None


async def show(ctx: Context, rec: Recommendation, offset: int, *, notice: str | None = None) -> list[Reply]:
    """Show one recommendation in full, with state buttons (and hiding, for coordinators)."""
    commitment = await catalogue.get_commitment(ctx.conn, rec.commitment_id)
    theme = await catalogue.get_theme(ctx.conn, rec.theme_id) if rec.theme_id else None
    author = await participants.get_participant(ctx.conn, rec.participant_id) if rec.participant_id else None
    support = await endorsements.count_for(ctx.conn, rec.id)
    text = ctx.t(
        "inbox-detail",
        receipt=ctx.t("receipt", id=rec.id),
        number=commitment.number if commitment else 0,
        theme=theme.title_ar if theme else ctx.t("theme-other"),
        author=author.name if author and author.name else "—",
        organisation=author.organisation if author and author.organisation else "—",
        date=short_date(ctx, rec.created_at),
        state=state_label(ctx, rec.state),
        endorsements=support,
        text=rec.text,
    )
    if rec.response:
        text += "\n\n" + ctx.t("inbox-current-response", response=rec.response)
    if rec.hidden:
        text += "\n\n" + ctx.t("inbox-hidden-reason", reason=rec.hidden_reason or "—")
    if notice:
        text = notice + "\n\n" + text
    choices = [Choice(id=f"inbox:s:{rec.id}:{s.value}", label=state_label(ctx, s)) for s in ANSWER_STATES]
    if ctx.is_coordinator:
        hide = Choice(id=f"hide:h:{rec.id}:{offset}", label=ctx.t("hide-button"))
        unhide = Choice(id=f"hide:un:{rec.id}:{offset}", label=ctx.t("unhide-button"))
        choices.append(unhide if rec.hidden else hide)
    choices.append(Choice(id=f"inbox:p:{offset}", label=ctx.t("inbox-back")))
    return [Reply(text=text, choices=tuple(choices), replace=True)]


def _ask_response(ctx: Context, rec: Recommendation, state: RecommendationState) -> list[Reply]:
    ctx.goto(FLOW, Step.RESPONSE, rec=rec.id, state=state.value)
    text = ctx.t("inbox-ask-response", receipt=ctx.t("receipt", id=rec.id), state=state_label(ctx, state))
    choices = (
        Choice(id=f"inbox:nr:{rec.id}", label=ctx.t("inbox-no-response")),
        Choice(id="inbox:x", label=ctx.t("cancel-button")),
    )
    return [Reply(text=text, choices=choices, replace=True)]


async def on_text(ctx: Context) -> list[Reply]:
    """Take the typed response."""
    rec = await _recommendation(ctx, str(ctx.data.get("rec", "")))
    if rec is None or not access.may_handle(ctx, rec.commitment_id):
        return access.refuse(ctx)
    response = clean_text(ctx.incoming.text or "")
    low, high = RESPONSE_LIMITS
    if not low <= len(response) <= high:
        return [Reply(text=ctx.t("inbox-response-length", length=len(response), min=low, max=high))]
    return await _save(ctx, rec, response)


async def _save(ctx: Context, rec: Recommendation, response: str | None) -> list[Reply]:
    """Store the state (and response), audit it, tell the author."""
    assert ctx.participant is not None  # noqa: S101 - scope() is empty without a participant
    state = RecommendationState(ctx.data["state"])
    if response is None:
        saved = await inbox.set_state(ctx.conn, rec.id, state)
    else:
        saved = await inbox.answer(ctx.conn, rec.id, state, response, ctx.participant.id, ctx.now)
    assert saved is not None  # noqa: S101 - the row was just read in this transaction
    await audit.record(
        ctx.conn, ctx.participant.id, "recommendation.answer", f"recommendation:{rec.id}", state, ctx.now
    )
    told = await notify.answer_given(ctx, saved)
    ctx.end()
    key = "inbox-answered" if told else "inbox-answered-silent"
    return await page(ctx, 0, replace=False, notice=ctx.t(key, receipt=ctx.t("receipt", id=rec.id)))


FEATURE = Feature(
    commands={"inbox": start},
    choices={"inbox": on_choice},
    legacy_flows={FLOW: on_text},
)
