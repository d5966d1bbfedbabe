"""/invite (coordinators), and taking an invitation: the i_ deep link, /start i_<code> or /join <code>."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from handlers import roles as access
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.labels import short_date
from handlers.menu import with_menu
from handlers.text import parse_int
from storage import audit, catalogue, participants, roles
from storage.models import Role
from storage.roles import Invite

DEEP_LINK_PREFIX = "i_"
CODE_BYTES = 12  # 96 random bits: 16 URL-safe characters, within Telegram's 64-character start parameter
_CODE = re.compile(r"^[A-Za-z0-9_-]{8,60}$")


async def start(ctx: Context) -> list[Reply]:
    """Answer /invite: choose the role to invite someone to."""
    if not ctx.is_coordinator:
        return access.refuse(ctx)
    if ctx.participant is None:
        return access.need_registration(ctx, "invite")
    commitments = await catalogue.list_commitments(ctx.conn)
    choices = [Choice(id="inv:r:c", label=ctx.t("role-coordinator"))]
    choices += [Choice(id=f"inv:r:l:{c.id}", label=access.role_label(ctx, Role.LIAISON, c.number)) for c in commitments]
    return [Reply(text=ctx.t("invite-choose-role", days=ctx.config.invite_days), choices=tuple(choices))]


async def on_choice(ctx: Context) -> list[Reply]:
    """Create the invitation for the chosen role (inv:r:c or inv:r:l:<commitment>)."""
    if not ctx.is_coordinator or ctx.participant is None:
        return access.refuse(ctx)
    parts = (ctx.incoming.choice or "").split(":")
    if parts[1:] == ["r", "c"]:
        return await _create(ctx, Role.COORDINATOR, None, None)
    commitment_id = parse_int(parts[3]) if len(parts) == 4 and parts[1:3] == ["r", "l"] else None
    commitment = next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == commitment_id), None)
    if commitment is None:
        return await unknown_button(ctx)
    return await _create(ctx, Role.LIAISON, commitment.id, commitment.number)


async def _create(ctx: Context, role: Role, commitment_id: int | None, number: int | None) -> list[Reply]:
    assert ctx.participant is not None  # noqa: S101 - checked by on_choice
    code = secrets.token_urlsafe(CODE_BYTES)
    expires = ctx.now + timedelta(days=ctx.config.invite_days)
    await roles.create_invite(ctx.conn, code, role, commitment_id, ctx.participant.id, ctx.now, expires)
    label = access.role_label(ctx, role, number)
    await audit.record(
        ctx.conn, ctx.participant.id, "invite.create", f"{role.value}:{commitment_id or ''}", None, ctx.now
    )
    plain = DEEP_LINK_PREFIX + code
    until = short_date(ctx, expires)
    if ctx.config.bot_username:
        link = f"https://t.me/{ctx.config.bot_username}?start={plain}"
        card = ctx.t("invite-card", role=label, link=link, code=plain, expires=until)
    else:
        card = ctx.t("invite-card-code", role=label, code=plain, expires=until)
    done = ctx.t("invite-created", role=label, expires=until)
    return [Reply(text=done, replace=True), with_menu(ctx, card)]


async def deep_link(ctx: Context) -> list[Reply]:
    """Take an invitation opened as /start i_<code> (the router registered the person first)."""
    return await redeem(ctx, ctx.incoming.args.strip())


async def join(ctx: Context) -> list[Reply]:
    """Answer /join <code> (for WhatsApp and the terminal, where links do not start the bot)."""
    code = ctx.incoming.args.strip()
    if not code:
        return [with_menu(ctx, ctx.t("join-usage"))]
    if ctx.participant is None:
        return access.need_registration(ctx, "join", code)
    return await redeem(ctx, code)


async def redeem(ctx: Context, raw: str) -> list[Reply]:
    """Grant the invitation's role once; refuse a used, expired or unknown code."""
    assert ctx.participant is not None  # noqa: S101 - the router and join register first
    code = raw.removeprefix(DEEP_LINK_PREFIX)
    invite = await roles.get_invite(ctx.conn, code) if _CODE.match(code) else None
    refusal = _refusal(ctx, invite)
    if refusal is not None:
        return [with_menu(ctx, ctx.t(refusal))]
    assert invite is not None  # noqa: S101 - _refusal refuses None
    number = await _number(ctx, invite.commitment_id)
    label = access.role_label(ctx, invite.role, number)
    if (invite.role, invite.commitment_id) in ctx.roles:
        return [with_menu(ctx, ctx.t("invite-already-held", role=label))]
    if await roles.use_invite(ctx.conn, code, ctx.participant.id, ctx.now) is None:
        return [with_menu(ctx, ctx.t("invite-used"))]
    await _grant(ctx, invite)
    await _tell_inviter(ctx, invite, label)
    return [with_menu(ctx, ctx.t("invite-accepted", role=label))]


def _refusal(ctx: Context, invite: Invite | None) -> str | None:
    if invite is None:
        return "invite-unknown"
    if invite.used_by is not None:
        return "invite-used"
    if invite.expires_at <= ctx.now:
        return "invite-expired"
    return None


async def _number(ctx: Context, commitment_id: int | None) -> int | None:
    commitment = await catalogue.get_commitment(ctx.conn, commitment_id) if commitment_id else None
    return commitment.number if commitment else None


async def _grant(ctx: Context, invite: Invite) -> None:
    assert ctx.participant is not None  # noqa: S101 - checked by redeem
    pid = ctx.participant.id
    await roles.grant(ctx.conn, pid, invite.role, invite.commitment_id, invite.created_by, ctx.now)
    detail = f"{invite.role.value}:{invite.commitment_id or ''}"
    await audit.record(ctx.conn, pid, "invite.redeem", f"participant:{pid}", detail, ctx.now)
    ctx.roles = await participants.roles_of(ctx.conn, pid)
    await access.refresh_menu(ctx.conn, ctx.messages, ctx.config, pid, ctx.now)


async def _tell_inviter(ctx: Context, invite: Invite, label: str) -> None:
    """Let the coordinator who sent the invitation know it was taken."""
    assert ctx.participant is not None  # noqa: S101 - checked by redeem
    if invite.created_by is None or invite.created_by == ctx.participant.id:
        return
    reply = Reply(text=ctx.t("invite-taken-notice", name=ctx.participant.name or "", role=label))
    for channel, external_id in (await participants.identities_of(ctx.conn, invite.created_by))[:1]:
        key = f"invite-taken:{invite.code}"
        await ctx.push(channel, external_id, reply, participant_id=invite.created_by, dedupe_key=key)


FEATURE = Feature(
    commands={"invite": start, "join": join},
    choices={"inv": on_choice},
    deep_links={DEEP_LINK_PREFIX: deep_link},
)
