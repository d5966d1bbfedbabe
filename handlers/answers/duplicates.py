"""The inbox groups near-duplicates: a waiting recommendation lists the alike waiting ones, to merge into it."""

from __future__ import annotations

from handlers.answers import inbox, merge
from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.files import recommendation_text
from handlers.kit.labels import sector_label
from handlers.kit.routes import on
from handlers.kit.text import shorten
from handlers.kit.who import Who
from storage import answers, participants, search
from storage.models import Recommendation

LOOKED_AT = 20  # alike recommendations scored per lookup; a group larger than this is listed in turns
SNIPPET_CHARS = 160


class Alike(Button, prefix="dup:l"):
    """List the waiting recommendations alike to this one."""

    rec: int
    offset: int


class MergeHere(Button, prefix="dup:m"):
    """Merge one alike recommendation into the one listed from (through the merge's preview)."""

    rec: int
    kept: int
    offset: int


def _waiting(rec: Recommendation) -> bool:
    return rec.merged_into is None and not rec.hidden and not answers.is_answered(rec)


async def alike(ctx: Context, kept: Recommendation) -> list[Recommendation]:
    """Return the other waiting recommendations on the kept one's commitment alike to it (the similar-input rule)."""
    if not _waiting(kept):
        return []
    found = await search.similar(ctx.conn, kept.commitment_id, kept.transcript or kept.text, limit=LOOKED_AT)
    return [s.recommendation for s in found if s.recommendation.id != kept.id and _waiting(s.recommendation)]


async def item_links(ctx: Context, rec: Recommendation, offset: int) -> list[Choice]:
    """Return «🔗 N similar» under a waiting recommendation that has alike waiting ones."""
    count = len(await alike(ctx, rec))
    return [Alike(rec=rec.id, offset=offset).choice(ctx.t("dup-button", count=count))] if count else []


@requires(Who.OFFICER)
async def listed(ctx: Member, press: Alike) -> list[Reply]:
    """List the alike waiting recommendations, each with «merge into this one»."""
    kept = await inbox.handled(ctx, press.rec)
    if not isinstance(kept, Recommendation):
        return kept
    found = await alike(ctx, kept)
    back = inbox.OpenItem(rec=kept.id, offset=press.offset).choice(ctx.t("dup-back", kept=_receipt(ctx, kept.id)))
    if not found:
        return [Reply(text=ctx.t("dup-none", kept=_receipt(ctx, kept.id)), choices=(back,), replace=True)]
    lines = [ctx.t("dup-title", kept=_receipt(ctx, kept.id), count=len(found))]
    lines += [await _line(ctx, rec) for rec in found]
    choices = [
        MergeHere(rec=rec.id, kept=kept.id, offset=press.offset).choice(
            ctx.t("dup-merge", merged=_receipt(ctx, rec.id))
        )
        for rec in found
    ]
    return [Reply(text="\n\n".join(lines), choices=(*choices, back), replace=True)]


async def _line(ctx: Context, rec: Recommendation) -> str:
    author = await participants.get_participant(ctx.conn, rec.participant_id) if rec.participant_id else None
    sector = sector_label(ctx, author.sector) if author and author.sector else "—"
    text = shorten(recommendation_text(ctx, rec), SNIPPET_CHARS)
    return ctx.t("dup-item", receipt=_receipt(ctx, rec.id), sector=sector, text=text)


@requires(Who.OFFICER)
async def merge_here(ctx: Member, press: MergeHere) -> list[Reply]:
    """Open the merge's preview for the pair, when the one merged is still alike and waiting."""
    kept = await inbox.handled(ctx, press.kept)
    if not isinstance(kept, Recommendation):
        return kept
    if press.rec not in {rec.id for rec in await alike(ctx, kept)}:  # forged, or no longer alike and waiting
        return await unknown_button(ctx)
    merged = await inbox.handled(ctx, press.rec)
    if not isinstance(merged, Recommendation):
        return merged
    if await merge.mergeable(ctx, merged, kept.id) is None:
        return await unknown_button(ctx)
    merge.MERGE.start(ctx, merge.Step.CONFIRM, rec=merged.id, offset=press.offset, kept=kept.id)
    return [await merge.preview(ctx, merged, kept)]


def _receipt(ctx: Context, rec_id: int) -> str:
    return ctx.t("receipt", id=rec_id)


FEATURE = Feature(
    buttons=(on(Alike, listed), on(MergeHere, merge_here)),
    hooks=(inbox.ITEM_LINKS.bind(item_links),),
)
