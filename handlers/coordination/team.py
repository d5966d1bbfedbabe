"""/team (coordinators): who holds which role, and removing a role."""

from __future__ import annotations

from enum import StrEnum

from handlers.joining import roles as access
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.fallback import stale_button
from handlers.kit.feature import Feature
from handlers.kit.menu import OpenMenu
from handlers.kit.routes import on
from handlers.kit.text import shorten
from handlers.kit.who import Who
from storage import audit, catalogue, participants, roles
from storage.models import Role
from storage.roles import RoleHolder

MAX_LISTED = 60


class RoleCode(StrEnum):
    """A role as a button carries it."""

    COORDINATOR = "c"
    LIAISON = "l"


ROLE_OF = {RoleCode.COORDINATOR: Role.COORDINATOR, RoleCode.LIAISON: Role.LIAISON}


class TeamList(Button, prefix="team:list"):
    """Who holds which role."""


class AskRemove(Button, prefix="team:rm"):
    """Ask to confirm taking a role away."""

    participant: int
    role: RoleCode
    commitment: int  # 0 for a coordinator


class Remove(Button, prefix="team:ok"):
    """Take the role away (confirmed)."""

    participant: int
    role: RoleCode
    commitment: int


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /team."""
    return await show(ctx, replace=False)


@requires_role(Who.COORDINATOR)
async def show_list(ctx: Context, press: TeamList) -> list[Reply]:
    """Show the team in place."""
    return await show(ctx, replace=True)


async def show(ctx: Context, *, replace: bool, notice: str | None = None) -> list[Reply]:
    """List configured coordinators and every granted role, with a remove button per granted role."""
    holders = (await roles.holders(ctx.conn))[:MAX_LISTED]
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("team-title"))
    for entry in sorted(ctx.config.coordinators):
        lines.append(await _configured(ctx, entry))
    for holder in holders:
        role = access.role_label(ctx, holder.role, numbers.get(holder.commitment_id or 0))
        lines.append(ctx.t("team-line", name=holder.name or "—", organisation=holder.organisation or "—", role=role))
    if not holders:
        lines.append(ctx.t("team-empty"))
    choices = [
        _button(AskRemove, h).choice(ctx.t("team-remove-button", name=shorten(h.name or "—", 24))) for h in holders
    ]
    choices.append(OpenMenu(command="invite").choice(ctx.t("team-invite-button")))
    return [Reply(text="\n".join(lines), choices=tuple(choices), replace=replace)]


async def _configured(ctx: Context, entry: str) -> str:
    """Return a coordinator named in OGP_COORDINATORS by their registered name, never by a raw identity."""
    channel, _, external_id = entry.partition(":")
    person = await participants.find_by_identity(ctx.conn, channel, external_id)
    if person is not None and person.name:
        return ctx.t("team-configured", name=person.name, organisation=person.organisation or "—")
    where = ctx.t(f"channel-{channel}") if ctx.messages.has(f"channel-{channel}") else ctx.t("team-channel-other")
    return ctx.t("team-configured-unregistered", channel=where)


def _button(kind: type[AskRemove] | type[Remove], holder: RoleHolder) -> AskRemove | Remove:
    code = RoleCode.COORDINATOR if holder.role is Role.COORDINATOR else RoleCode.LIAISON
    return kind(participant=holder.participant_id, role=code, commitment=holder.commitment_id or 0)


async def _holder(ctx: Context, press: AskRemove | Remove) -> RoleHolder | None:
    """Find the granted role a button names; None when it is gone (or the data is forged)."""
    role = ROLE_OF[press.role]
    return next(
        (
            h
            for h in await roles.holders(ctx.conn)
            if h.participant_id == press.participant and h.role is role and (h.commitment_id or 0) == press.commitment
        ),
        None,
    )


async def _label(ctx: Context, holder: RoleHolder) -> str:
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    return access.role_label(ctx, holder.role, numbers.get(holder.commitment_id or 0))


@requires_role(Who.COORDINATOR)
async def ask_remove(ctx: Context, press: AskRemove) -> list[Reply]:
    """Ask to confirm taking a role away."""
    holder = await _holder(ctx, press)
    if holder is None:
        return await stale_button(ctx)
    text = ctx.t("team-confirm-remove", name=holder.name or "—", role=await _label(ctx, holder))
    choices = (
        _button(Remove, holder).choice(ctx.t("team-confirm-button")),
        TeamList().choice(ctx.t("cancel-button")),
    )
    return [Reply(text=text, choices=choices, replace=True)]


@requires_role(Who.COORDINATOR)
async def remove(ctx: Context, press: Remove) -> list[Reply]:
    """Take the role away, audit it and refresh the person's command menu."""
    holder = await _holder(ctx, press)
    if holder is None:
        return await stale_button(ctx)
    return await _remove(ctx, holder, await _label(ctx, holder))


async def _remove(ctx: Context, holder: RoleHolder, label: str) -> list[Reply]:
    await roles.revoke(ctx.conn, holder.participant_id, holder.role, holder.commitment_id, ctx.now)
    actor = ctx.participant.id if ctx.participant else None
    detail = f"{holder.role.value}:{holder.commitment_id or ''}"
    await audit.record(ctx.conn, actor, "role.revoke", f"participant:{holder.participant_id}", detail, ctx.now)
    await access.refresh_menu(ctx.conn, ctx.config, holder.participant_id, ctx.now)
    if ctx.participant is not None and holder.participant_id == ctx.participant.id:
        ctx.roles = await participants.roles_of(ctx.conn, holder.participant_id)
    notice = ctx.t("team-removed", name=holder.name or "—", role=label)
    return await show(ctx, replace=True, notice=notice)


FEATURE = Feature(
    commands={"team": start},
    buttons=(on(TeamList, show_list), on(AskRemove, ask_remove), on(Remove, remove)),
)
