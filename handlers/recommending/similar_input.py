"""Similar input before it is sent: the preview shows up to three alike recommendations to endorse instead."""

from __future__ import annotations

from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.files import recommendation_text
from handlers.kit.menu import with_menu
from handlers.kit.text import shorten
from handlers.recommending.endorse import may_read
from storage import endorsements, recommendations, search
from storage.models import Recommendation

SHOWN = 3
SNIPPET_CHARS = 160


class EndorseInstead(Button, prefix="rec:same"):
    """Endorse an alike recommendation instead of sending one's own."""

    rec: int


async def alike(ctx: Context, commitment_id: int, text: str | None) -> list[Recommendation]:
    """Return up to three recommendations on the commitment like the text, among those the person may read."""
    if not text:
        return []
    found = await search.similar(ctx.conn, commitment_id, text, limit=SHOWN * 3)
    return [s.recommendation for s in found if may_read(ctx, s.recommendation)][:SHOWN]


async def section(ctx: Context, found: list[Recommendation]) -> str:
    """Return the preview's list of alike recommendations: number, endorsements, snippet and answer if any."""
    lines = [ctx.t("similar-title", count=len(found))]
    for rec in found:
        count = await endorsements.count_for(ctx.conn, rec.id)
        text = shorten(recommendation_text(ctx, rec), SNIPPET_CHARS)
        lines.append(ctx.t("similar-item", receipt=ctx.t("receipt", id=rec.id), count=count, text=text))
        if rec.response:
            lines.append(ctx.t("similar-answer", answer=shorten(rec.response, SNIPPET_CHARS)))
    return "\n\n".join(lines)


def choices(ctx: Context, found: list[Recommendation]) -> tuple[Choice, ...]:
    """Return an «endorse this one instead» button for each alike recommendation that is someone else's."""
    own = ctx.participant.id if ctx.participant else None
    return tuple(
        EndorseInstead(rec=rec.id).choice(ctx.t("similar-endorse", receipt=ctx.t("receipt", id=rec.id)))
        for rec in found
        if rec.participant_id != own
    )


async def endorse_instead(ctx: Member, press: EndorseInstead, commitment_id: int, text: str | None) -> list[Reply]:
    """Endorse an alike recommendation the preview offers through the usual endorsement, and let the draft go."""
    offered = {rec.id for rec in await alike(ctx, commitment_id, text) if rec.participant_id != ctx.participant.id}
    rec = await recommendations.get_recommendation(ctx.conn, press.rec) if press.rec in offered else None
    if rec is None:  # forged, or no longer alike (the draft was rewritten, the other one hidden or erased)
        return await unknown_button(ctx)
    added = await endorsements.endorse(ctx.conn, rec.id, ctx.participant.id, ctx.now)
    ctx.end()
    key = "endorse-done" if added else "endorse-already"
    return [with_menu(ctx, ctx.t(key, receipt=ctx.t("receipt", id=rec.id)), replace=True)]
