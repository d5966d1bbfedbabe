"""/team (coordinators): who holds which role, and removing a role."""

from __future__ import annotations

from handlers import roles as access
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.text import parse_int, shorten
from storage import audit, catalogue, participants, roles
from storage.models import Role
from storage.roles import RoleHolder

MAX_LISTED = 60


async def start(ctx: Context) -> list[Reply]:
    """Answer /team."""
    if not ctx.is_coordinator:
        return access.refuse(ctx)
    return await show(ctx, replace=False)


async def show(ctx: Context, *, replace: bool, notice: str | None = None) -> list[Reply]:
    """List configured coordinators and every granted role, with a remove button per granted role."""
    holders = (await roles.holders(ctx.conn))[:MAX_LISTED]
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("team-title"))
    for entry in sorted(ctx.config.coordinators):
        lines.append(ctx.t("team-configured", identity=entry))
    for holder in holders:
        role = access.role_label(ctx, holder.role, numbers.get(holder.commitment_id or 0))
        lines.append(ctx.t("team-line", name=holder.name or "—", organisation=holder.organisation or "—", role=role))
    if not holders:
        lines.append(ctx.t("team-empty"))
    choices = [
        Choice(id=_remove_id("rm", h), label=ctx.t("team-remove-button", name=shorten(h.name or "—", 24)))
        for h in holders
    ]
    choices.append(Choice(id="m:invite", label=ctx.t("team-invite-button")))
    return [Reply(text="\n".join(lines), choices=tuple(choices), replace=replace)]


def _remove_id(action: str, holder: RoleHolder) -> str:
    return f"team:{action}:{holder.participant_id}:{holder.role.value[0]}:{holder.commitment_id or 0}"


async def on_choice(ctx: Context) -> list[Reply]:
    """Route team:* buttons: rm (ask), ok (remove), list."""
    if not ctx.is_coordinator:
        return access.refuse(ctx)
    parts = (ctx.incoming.choice or "").split(":")
    if parts[1:] == ["list"]:
        return await show(ctx, replace=True)
    holder = await _holder(ctx, parts)
    if holder is None:
        return await (stale_button(ctx) if len(parts) == 5 and parts[1] in ("rm", "ok") else unknown_button(ctx))
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    label = access.role_label(ctx, holder.role, numbers.get(holder.commitment_id or 0))
    if parts[1] == "rm":
        text = ctx.t("team-confirm-remove", name=holder.name or "—", role=label)
        choices = (
            Choice(id=_remove_id("ok", holder), label=ctx.t("team-confirm-button")),
            Choice(id="team:list", label=ctx.t("cancel-button")),
        )
        return [Reply(text=text, choices=choices, replace=True)]
    return await _remove(ctx, holder, label)


async def _holder(ctx: Context, parts: list[str]) -> RoleHolder | None:
    """Find the granted role a team:rm/ok button names; None when it is gone or the data is forged."""
    if len(parts) != 5 or parts[1] not in ("rm", "ok"):
        return None
    pid, commitment = parse_int(parts[2]), parse_int(parts[4])
    role = {"c": Role.COORDINATOR, "l": Role.LIAISON}.get(parts[3])
    return next(
        (
            h
            for h in await roles.holders(ctx.conn)
            if h.participant_id == pid and h.role is role and (h.commitment_id or 0) == commitment
        ),
        None,
    )


async def _remove(ctx: Context, holder: RoleHolder, label: str) -> list[Reply]:
    await roles.revoke(ctx.conn, holder.participant_id, holder.role, holder.commitment_id)
    actor = ctx.participant.id if ctx.participant else None
    detail = f"{holder.role.value}:{holder.commitment_id or ''}"
    await audit.record(ctx.conn, actor, "role.revoke", f"participant:{holder.participant_id}", detail, ctx.now)
    await access.refresh_menu(ctx.conn, ctx.messages, ctx.config, holder.participant_id, ctx.now)
    if ctx.participant is not None and holder.participant_id == ctx.participant.id:
        ctx.roles = await participants.roles_of(ctx.conn, holder.participant_id)
    notice = ctx.t("team-removed", name=holder.name or "—", role=label)
    return await show(ctx, replace=True, notice=notice)


FEATURE = Feature(commands={"team": start}, choices={"team": on_choice})
