"""Endorsements: participants read and support each other's visible recommendations, once each."""

from __future__ import annotations

from handlers.kit.access import requires
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.files import recommendation_text
from handlers.kit.pager import Pager
from handlers.kit.routes import on
from handlers.kit.text import shorten
from handlers.kit.who import Who
from handlers.recommending.commitment_buttons import Browse, Detail, Support
from storage import catalogue, endorsements, recommendations
from storage.endorsements import Reader
from storage.models import Commitment, Recommendation
from storage.publishing import PublishMode, is_published

PAGER = Pager(5)
PREVIEW_CHARS = 300


async def listing(ctx: Context, commitment: Commitment, offset: int, *, notice: str | None = None) -> list[Reply]:
    """Show a page of the commitment's recommendations the person may read, most supported first, with support
    buttons."""
    reader = Reader(ctx.config.publish_on_arrival, _own(ctx), ctx.may_handle(commitment.id))
    shown = await PAGER.fetch(
        lambda limit, at: endorsements.readable_page(ctx.conn, commitment.id, reader, limit=limit, offset=at), offset
    )
    items = shown.items
    mine = await endorsements.endorsed_by(ctx.conn, ctx.participant.id, commitment.id) if ctx.participant else set()
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("endorse-title", number=commitment.number, title=ctx.name(commitment)))
    if not items:
        lines.append(ctx.t("endorse-empty"))
    for rec in items:
        receipt = ctx.t("receipt", id=rec.id)
        text = shorten(recommendation_text(ctx, rec), PREVIEW_CHARS)
        lines.append(ctx.t("endorse-item", receipt=receipt, count=rec.endorsements, text=text))
    own = _own(ctx)
    choices = [
        Support(rec=rec.id, offset=shown.start).choice(ctx.t("endorse-button", receipt=ctx.t("receipt", id=rec.id)))
        for rec in items
        if rec.participant_id != own and rec.id not in mine
    ]
    choices += shown.turns(ctx, lambda at: Browse(commitment=commitment.id, offset=at))
    choices.append(Detail(commitment=commitment.id).choice(ctx.t("endorse-back")))
    return [Reply(text="\n\n".join(lines), choices=tuple(choices), replace=True)]


def _own(ctx: Context) -> int | None:
    return ctx.participant.id if ctx.participant else None


def may_read(ctx: Context, rec: Recommendation) -> bool:
    """Tell whether the person may read someone's recommendation: published, their own, or their role's to see."""
    if rec.hidden:
        return False
    mode = PublishMode.IMMEDIATE if ctx.config.publish_on_arrival else PublishMode.APPROVED
    mine = rec.participant_id is not None and rec.participant_id == _own(ctx)
    return mine or ctx.may_handle(rec.commitment_id) or is_published(rec, mode)


async def browse(ctx: Context, press: Browse) -> list[Reply]:
    """Show a page of a commitment's visible recommendations."""
    commitment = next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == press.commitment), None)
    return await (listing(ctx, commitment, press.offset) if commitment else unknown_button(ctx))


@requires(Who.REGISTERED, then="status")
async def support(ctx: Member, press: Support) -> list[Reply]:
    """Support someone else's visible recommendation, once."""
    rec = await recommendations.get_recommendation(ctx.conn, press.rec)
    commitment = await catalogue.get_commitment(ctx.conn, rec.commitment_id) if rec else None
    if rec is None or not may_read(ctx, rec) or commitment is None:
        return await unknown_button(ctx)
    receipt = ctx.t("receipt", id=rec.id)
    if rec.participant_id == ctx.participant.id:
        return await listing(ctx, commitment, press.offset, notice=ctx.t("endorse-own", receipt=receipt))
    added = await endorsements.endorse(ctx.conn, rec.id, ctx.participant.id, ctx.now)
    key = "endorse-done" if added else "endorse-already"
    return await listing(ctx, commitment, press.offset, notice=ctx.t(key, receipt=receipt))


FEATURE = Feature(buttons=(on(Browse, browse), on(Support, support)))
