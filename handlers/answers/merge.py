"""Officers (their commitments) and coordinators mark a recommendation as the same as another, or undo it."""

from __future__ import annotations

from enum import StrEnum

from handlers.answers import group_notices, inbox
from handlers.kit import files as sent
from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.routes import on
from handlers.kit.text import parse_int, shorten
from handlers.kit.who import Who
from storage import audit, catalogue, merges, recommendations
from storage.models import Recommendation
from storage.timefmt import to_db
from storage.working_groups import Listener

QUOTE_CHARS = 300


class Step(StrEnum):
    """Steps of merging: the number of the one kept, then the preview to confirm."""

    NUMBER = "number"
    CONFIRM = "confirm"


class Merging(FlowData):
    """The recommendation merged, the one kept once typed, and the inbox page to return to."""

    rec: int
    offset: int = 0
    kept: int = 0


class SameAs(Button, prefix="mrg:a"):
    """Mark a recommendation as the same as another (its number comes next)."""

    rec: int
    offset: int


class Confirm(Button, prefix="mrg:ok"):
    """Merge the previewed pair."""

    rec: int
    kept: int


class Unmerge(Button, prefix="mrg:un"):
    """Take a merged recommendation apart again."""

    rec: int
    offset: int


class Cancel(Button, prefix="mrg:x"):
    """Leave both as they are."""


def item_actions(ctx: Context, rec: Recommendation, offset: int) -> list[Choice]:
    """Return the merge (or unmerge) button under a recommendation in the inbox."""
    if rec.merged_into is not None:
        receipt = ctx.t("receipt", id=rec.merged_into)
        return [Unmerge(rec=rec.id, offset=offset).choice(ctx.t("unmerge-button", kept=receipt))]
    return [SameAs(rec=rec.id, offset=offset).choice(ctx.t("merge-button"))]


def _receipt(ctx: Context, rec_id: int) -> str:
    return ctx.t("receipt", id=rec_id)


@requires(Who.OFFICER)
async def ask_number(ctx: Member, press: SameAs) -> list[Reply]:
    """Ask for the number of the recommendation kept."""
    rec = await inbox.handled(ctx, press.rec)
    if not isinstance(rec, Recommendation):
        return rec
    if rec.merged_into is not None:
        return await unknown_button(ctx)
    merging = MERGE.start(ctx, Step.NUMBER, rec=rec.id, offset=press.offset)
    return [reply.model_copy(update={"replace": True}) for reply in await ask_for_number(ctx, merging)]


async def ask_for_number(ctx: Context, merging: Merging) -> list[Reply]:
    """Ask for the number of the recommendation kept."""
    text = ctx.t("merge-ask", merged=_receipt(ctx, merging.rec))
    return [Reply(text=text, choices=(Cancel().choice(ctx.t("cancel-button")),))]


async def mergeable(ctx: Member, merged: Recommendation, kept_id: int) -> Recommendation | None:
    """Return the recommendation kept when the pair may be merged by this person, else None."""
    kept = await recommendations.get_recommendation(ctx.conn, kept_id)
    if kept is None or kept.id == merged.id or kept.merged_into is not None or kept.hidden:
        return None
    if kept.commitment_id != merged.commitment_id or not ctx.may_handle(kept.commitment_id):
        return None
    return kept


@requires(Who.OFFICER)
async def take_number(ctx: Member, merging: Merging) -> list[Reply]:
    """Take the number of the one kept and show what the merge will do."""
    number = parse_int((ctx.incoming.text or "").lstrip("#"))
    if number is None:
        return [Reply(text=ctx.t("merge-not-number"))]
    merged = await inbox.handled(ctx, merging.rec)
    if not isinstance(merged, Recommendation):
        ctx.end()
        return merged
    kept = await mergeable(ctx, merged, number)
    if kept is None:
        refused = ctx.t("merge-refused", merged=_receipt(ctx, merged.id), kept=_receipt(ctx, number))
        return [Reply(text=refused, choices=(Cancel().choice(ctx.t("cancel-button")),))]
    merging.kept = kept.id
    MERGE.goto(ctx, Step.CONFIRM, merging)
    return [await preview(ctx, merged, kept)]


async def preview(ctx: Context, merged: Recommendation, kept: Recommendation) -> Reply:
    """Return what merging the pair will do, with the confirmation."""
    raised = await merges.raised_together(ctx.conn, [kept.id, merged.id])
    text = ctx.t(
        "merge-preview",
        merged=_receipt(ctx, merged.id),
        kept=_receipt(ctx, kept.id),
        kept_text=shorten(sent.recommendation_text(ctx, kept), QUOTE_CHARS),
        merged_text=shorten(sent.recommendation_text(ctx, merged), QUOTE_CHARS),
        raised=ctx.t("raised-by", count=raised),
    )
    choices = (
        Confirm(rec=merged.id, kept=kept.id).choice(ctx.t("merge-confirm")),
        Cancel().choice(ctx.t("cancel-button")),
    )
    return Reply(text=text, choices=choices)


@requires(Who.OFFICER)
async def confirm(ctx: Member, press: Confirm) -> list[Reply]:
    """Merge the pair, audit it, tell both authors, and show the one kept."""
    merging = MERGE.load(ctx)
    merged = await inbox.handled(ctx, merging.rec)
    if not isinstance(merged, Recommendation):
        ctx.end()
        return merged
    kept = await mergeable(ctx, merged, merging.kept)
    if (press.rec, press.kept) != (merging.rec, merging.kept) or kept is None:
        return await unknown_button(ctx)
    done = await merges.merge(ctx.conn, merged.id, kept.id)
    ctx.end()
    if done is None:
        return await unknown_button(ctx)
    detail = f"into:{kept.id}"
    await audit.record(
        ctx.conn, ctx.participant.id, "recommendation.merge", f"recommendation:{merged.id}", detail, ctx.now
    )
    await _tell_merge(ctx, done, kept)
    notice = ctx.t("merge-done", merged=_receipt(ctx, merged.id), kept=_receipt(ctx, kept.id))
    return await inbox.show(ctx, kept, merging.offset, notice=notice)


async def _tell_merge(ctx: Context, merged: Recommendation, kept: Recommendation) -> None:
    """Tell those who raised the merged one and the kept one, each in their language, once each."""
    commitment = await catalogue.get_commitment(ctx.conn, kept.commitment_id)
    raised = (await merges.raised_by(ctx.conn, [kept.id])).get(kept.id, 1)
    told: set[int] = set()
    for person in await group_notices.reachable(ctx, merged):
        reader = ctx.speaking(person.language)
        text = reader.t(
            "merge-told-merged",
            merged=_receipt(reader, merged.id),
            kept=_receipt(reader, kept.id),
            number=commitment.number if commitment else 0,
            text=shorten(sent.recommendation_text(reader, kept), QUOTE_CHARS),
        )
        await _push(reader, person, text, f"merge:{merged.id}:{person.participant_id}:{to_db(ctx.now)}")
        told.add(person.participant_id)
    for person in await group_notices.reachable(ctx, kept):
        if person.participant_id in told:
            continue
        reader = ctx.speaking(person.language)
        raised_text = reader.t("raised-by", count=raised)
        text = reader.t(
            "merge-told-kept", merged=_receipt(reader, merged.id), kept=_receipt(reader, kept.id), raised=raised_text
        )
        await _push(reader, person, text, f"merge:{merged.id}:{person.participant_id}:{to_db(ctx.now)}")


async def _push(ctx: Context, person: Listener, text: str, key: str) -> None:
    await ctx.push(
        person.channel, person.external_id, Reply(text=text), participant_id=person.participant_id, dedupe_key=key
    )


@requires(Who.OFFICER)
async def unmerge(ctx: Member, press: Unmerge) -> list[Reply]:
    """Take a merged recommendation apart again, audit it and tell its author."""
    rec = await inbox.handled(ctx, press.rec)
    if not isinstance(rec, Recommendation):
        return rec
    kept_id = rec.merged_into
    apart = await merges.unmerge(ctx.conn, rec.id) if kept_id is not None else None
    if apart is None or kept_id is None:
        return await unknown_button(ctx)
    await audit.record(
        ctx.conn, ctx.participant.id, "recommendation.unmerge", f"recommendation:{rec.id}", f"from:{kept_id}", ctx.now
    )
    for person in await group_notices.reachable(ctx, apart):
        reader = ctx.speaking(person.language)
        text = reader.t("unmerge-told", merged=_receipt(reader, rec.id), kept=_receipt(reader, kept_id))
        await _push(reader, person, text, f"unmerge:{rec.id}:{person.participant_id}:{to_db(ctx.now)}")
    notice = ctx.t("unmerge-done", merged=_receipt(ctx, rec.id), kept=_receipt(ctx, kept_id))
    return await inbox.show(ctx, apart, press.offset, notice=notice)


async def show_preview(ctx: Context, merging: Merging) -> list[Reply]:
    """Show what the merge will do again, with its buttons."""
    merged = await recommendations.get_recommendation(ctx.conn, merging.rec)
    kept = await recommendations.get_recommendation(ctx.conn, merging.kept)
    if merged is None or kept is None:  # one of the pair is gone: nothing left to confirm
        ctx.end()
        return [Reply(text=ctx.t("merge-refused", merged=_receipt(ctx, merging.rec), kept=_receipt(ctx, merging.kept)))]
    return [await preview(ctx, merged, kept)]


async def cancelled(ctx: Context, merging: Merging) -> list[Reply]:
    """Back to the recommendation, nothing merged."""
    rec = await recommendations.get_recommendation(ctx.conn, merging.rec)
    if rec is None:
        return await inbox.page(ctx, 0, replace=True)
    return await inbox.show(ctx, rec, merging.offset, notice=ctx.t("cancelled"))


MERGE = Flow(
    name="merge",
    data=Merging,
    cancel=Cancel,
    note="merge-use-buttons",
    on_cancel=cancelled,
    entry=(Step.NUMBER, Step.CONFIRM),
    steps={
        Step.NUMBER: Accepts(text=take_number, question=ask_for_number, goes=(Step.CONFIRM,)),
        Step.CONFIRM: Accepts(buttons=(on(Confirm, confirm),), question=show_preview),
    },
)

FEATURE = Feature(
    buttons=(on(SameAs, ask_number), on(Unmerge, unmerge)),
    flows=(MERGE,),
    hooks=(inbox.ITEM_ACTIONS.bind(item_actions),),
)
