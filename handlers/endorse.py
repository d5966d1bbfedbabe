"""Endorsements: participants support each other's recommendations; counts and buttons for the status view."""

from __future__ import annotations

from handlers import roles as access
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.text import parse_int, shorten
from storage import catalogue, endorsements, follows, recommendations
from storage.models import Commitment

PAGE_SIZE = 5
PREVIEW_CHARS = 300


async def commitment_extras(ctx: Context, commitment_id: int) -> tuple[str, tuple[Choice, ...]]:
    """Return the endorsement line and the follow and browse buttons for a commitment's status view."""
    count = await endorsements.count_for_commitment(ctx.conn, commitment_id)
    following = ctx.participant is not None and commitment_id in await follows.followed(ctx.conn, ctx.participant.id)
    follow = (
        Choice(id=f"fol:off:{commitment_id}:d", label=ctx.t("follow-off-button"))
        if following
        else Choice(id=f"fol:on:{commitment_id}:d", label=ctx.t("follow-on-button"))
    )
    browse = Choice(id=f"endo:l:{commitment_id}:0", label=ctx.t("endorse-browse"))
    return ctx.t("endorse-count", count=count), (follow, browse)


async def listing(ctx: Context, commitment: Commitment, offset: int, *, notice: str | None = None) -> list[Reply]:
    """Show a page of the commitment's visible recommendations, most supported first, with support buttons."""
    items = await endorsements.visible_page(ctx.conn, commitment.id, limit=PAGE_SIZE + 1, offset=offset)
    more, items = len(items) > PAGE_SIZE, items[:PAGE_SIZE]
    mine = await endorsements.endorsed_by(ctx.conn, ctx.participant.id, commitment.id) if ctx.participant else set()
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("endorse-title", number=commitment.number, title=commitment.title_ar))
    if not items:
        lines.append(ctx.t("endorse-empty"))
    for rec in items:
        receipt = ctx.t("receipt", id=rec.id)
        text = shorten(rec.text, PREVIEW_CHARS)
        lines.append(ctx.t("endorse-item", receipt=receipt, count=rec.endorsements, text=text))
    own = ctx.participant.id if ctx.participant else None
    choices = [
        Choice(id=f"endo:r:{rec.id}:{offset}", label=ctx.t("endorse-button", receipt=ctx.t("receipt", id=rec.id)))
        for rec in items
        if rec.participant_id != own and rec.id not in mine
    ]
    if offset > 0:
        choices.append(Choice(id=f"endo:l:{commitment.id}:{max(0, offset - PAGE_SIZE)}", label=ctx.t("previous")))
    if more:
        choices.append(Choice(id=f"endo:l:{commitment.id}:{offset + PAGE_SIZE}", label=ctx.t("more")))
    choices.append(Choice(id=f"st:c:{commitment.id}", label=ctx.t("endorse-back")))
    return [Reply(text="\n\n".join(lines), choices=tuple(choices), replace=True)]


async def on_choice(ctx: Context) -> list[Reply]:
    """Route endo:l:<commitment>:<offset> (browse) and endo:r:<recommendation>:<offset> (support)."""
    parts = (ctx.incoming.choice or "").split(":")
    if len(parts) != 4 or parts[1] not in ("l", "r"):
        return await unknown_button(ctx)
    target, offset = parse_int(parts[2]), parse_int(parts[3])
    if target is None or offset is None:
        return await unknown_button(ctx)
    if parts[1] == "l":
        commitment = next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == target), None)
        return await (listing(ctx, commitment, offset) if commitment else unknown_button(ctx))
    return await _endorse(ctx, target, offset)


async def _endorse(ctx: Context, recommendation_id: int, offset: int) -> list[Reply]:
    rec = await recommendations.get_recommendation(ctx.conn, recommendation_id)
    commitment = await catalogue.get_commitment(ctx.conn, rec.commitment_id) if rec else None
    if rec is None or rec.hidden or commitment is None:
        return await unknown_button(ctx)
    if ctx.participant is None:
        return access.need_registration(ctx, "status", str(commitment.number))
    receipt = ctx.t("receipt", id=rec.id)
    if rec.participant_id == ctx.participant.id:
        return await listing(ctx, commitment, offset, notice=ctx.t("endorse-own", receipt=receipt))
    added = await endorsements.endorse(ctx.conn, rec.id, ctx.participant.id, ctx.now)
    key = "endorse-done" if added else "endorse-already"
    return await listing(ctx, commitment, offset, notice=ctx.t(key, receipt=receipt))


FEATURE = Feature(choices={"endo": on_choice})
