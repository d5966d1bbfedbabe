"""/publish (coordinators): approve the recommendations that wait for the public site, all or one commitment's.

A recommendation appears on the public site once it is answered or a coordinator approves it (OGP_PUBLISH=approved,
the default); hidden ones never. Approving is recorded with who and when, and in the audit log.
"""

from __future__ import annotations

from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Member
from handlers.kit.contract import Reply
from handlers.kit.feature import Feature
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.routes import on
from handlers.kit.who import Who
from storage import audit, catalogue, publishing

EVERY_COMMITMENT = 0


class AskApprove(Button, prefix="pub:ask"):
    """Ask to confirm publishing what waits (0: on every commitment)."""

    commitment: int


class Approve(Button, prefix="pub:ok"):
    """Publish what waits (0: on every commitment), confirmed."""

    commitment: int


@requires(Who.COORDINATOR)
async def start(ctx: Member) -> list[Reply]:
    """Answer /publish: how many recommendations wait on each commitment, with a button for each and for all."""
    if ctx.config.publish_on_arrival:
        return [with_menu(ctx, ctx.t("pub-chat-immediate"))]
    total = await publishing.count_waiting(ctx.conn)
    if total == 0:
        return [with_menu(ctx, ctx.t("pub-chat-none"))]
    lines = [ctx.t("pub-chat-title", count=total)]
    choices = [AskApprove(commitment=EVERY_COMMITMENT).choice(ctx.t("pub-chat-all-button", count=total))]
    for commitment in await catalogue.list_commitments(ctx.conn):
        waiting = await publishing.count_waiting(ctx.conn, commitment.id)
        if waiting:
            lines.append(ctx.t("pub-chat-line", number=commitment.number, count=waiting))
            label = ctx.t("pub-chat-one-button", number=commitment.number, count=waiting)
            choices.append(AskApprove(commitment=commitment.id).choice(label))
    return [Reply(text="\n".join(lines), choices=(*choices, *menu_choices(ctx)))]


async def _known(ctx: Member, commitment_id: int) -> bool:
    """Tell whether a button names every commitment or one of the active plan's."""
    known = {c.id for c in await catalogue.list_commitments(ctx.conn)}
    return commitment_id == EVERY_COMMITMENT or commitment_id in known


@requires(Who.COORDINATOR)
async def ask(ctx: Member, press: AskApprove) -> list[Reply]:
    """Ask to confirm, saying how many will appear."""
    if not await _known(ctx, press.commitment):
        return [with_menu(ctx, ctx.t("unknown-button"))]
    waiting = await publishing.count_waiting(ctx.conn, press.commitment or None)
    if not waiting:
        return [with_menu(ctx, ctx.t("pub-chat-none"), replace=True)]
    choices = (Approve(commitment=press.commitment).choice(ctx.t("pub-chat-confirm-button")),)
    return [Reply(text=ctx.t("pub-chat-confirm", count=waiting), choices=(*choices, *menu_choices(ctx)), replace=True)]


@requires(Who.COORDINATOR)
async def approve(ctx: Member, press: Approve) -> list[Reply]:
    """Publish what waits now (what arrived since the question is included: the count is taken again)."""
    if not await _known(ctx, press.commitment):
        return [with_menu(ctx, ctx.t("unknown-button"))]
    scope = press.commitment or None
    approved = await publishing.approve_waiting(ctx.conn, ctx.participant.id, ctx.now, commitment_id=scope)
    detail = f"commitment={press.commitment or 'all'} recommendations={approved}"
    await audit.record(ctx.conn, ctx.participant.id, "recommendation.publish", "public-site", detail, ctx.now)
    return [with_menu(ctx, ctx.t("pub-chat-done", count=approved), replace=True)]


FEATURE = Feature(commands={"publish": start}, buttons=(on(AskApprove, ask), on(Approve, approve)))
