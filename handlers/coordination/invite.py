"""/invite (coordinators), and taking an invitation: the i_ deep link, /start i_<code> or /join <code>."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from handlers.joining import roles as access
from handlers.kit.access import as_member, need_registration, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.labels import short_date
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.routes import on
from handlers.kit.who import Who
from storage import audit, catalogue, participants, roles
from storage.models import Role
from storage.roles import Invite

DEEP_LINK_PREFIX = "i_"
MAX_LISTED = 20  # withdraw buttons shown at once; the count says how many wait
CODE_BYTES = 12  # 96 random bits: 16 URL-safe characters, within Telegram's 64-character start parameter
_CODE = re.compile(r"^[A-Za-z0-9_-]{8,60}$")


class InviteCoordinator(Button, prefix="inv:r:c"):
    """Invite someone to coordinate the plan."""


class InviteLiaison(Button, prefix="inv:r:l"):
    """Invite someone to be a liaison officer for a commitment."""

    commitment: int


class OpenInvites(Button, prefix="inv:l"):
    """The invitations nobody has taken yet."""


class Withdraw(Button, prefix="inv:w"):
    """Withdraw an invitation nobody has taken yet."""

    code: str


@requires(Who.COORDINATOR)
async def start(ctx: Member) -> list[Reply]:
    """Answer /invite: choose the role to invite someone to."""
    commitments = await catalogue.list_commitments(ctx.conn)
    choices = [InviteCoordinator().choice(ctx.t("role-coordinator"))]
    choices += [
        InviteLiaison(commitment=c.id).choice(access.role_label(ctx, Role.LIAISON, c.number)) for c in commitments
    ]
    choices.append(OpenInvites().choice(ctx.t("invite-open-button")))
    return [Reply(text=ctx.t("invite-choose-role", days=ctx.config.invite_days), choices=tuple(choices))]


@requires(Who.COORDINATOR)
async def open_invites(ctx: Member, press: OpenInvites) -> list[Reply]:
    """List the invitations nobody has taken yet, each with a button to withdraw it."""
    return await _open_list(ctx, notice=None)


async def _open_list(ctx: Member, *, notice: str | None) -> list[Reply]:
    waiting = await roles.open_invites(ctx.conn, ctx.now)
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    lines = [notice, ""] if notice else []
    lines.append(ctx.t("invite-open-title", count=len(waiting)))
    choices = []
    for invite in waiting[:MAX_LISTED]:
        label = access.role_label(ctx, invite.role, numbers.get(invite.commitment_id or 0))
        by, until = invite.creator_name or "—", short_date(ctx, invite.expires_at)
        lines.append(ctx.t("invite-open-line", role=label, creator=by, expires=until))
        choices.append(Withdraw(code=invite.code).choice(ctx.t("invite-withdraw-button", role=label)))
    return [
        with_menu(ctx, "\n".join(lines), replace=True).model_copy(update={"choices": (*choices, *menu_choices(ctx))})
    ]


@requires(Who.COORDINATOR)
async def withdraw(ctx: Member, press: Withdraw) -> list[Reply]:
    """Withdraw an invitation, so its link and code no longer work."""
    if not await roles.withdraw_invite(ctx.conn, press.code, ctx.now):
        return await _open_list(ctx, notice=ctx.t("invite-withdraw-gone"))
    await audit.record(ctx.conn, ctx.participant.id, "invite.withdraw", "invite", None, ctx.now)
    return await _open_list(ctx, notice=ctx.t("invite-withdrawn-done"))


@requires(Who.COORDINATOR)
async def invite_coordinator(ctx: Member, press: InviteCoordinator) -> list[Reply]:
    """Create an invitation to coordinate."""
    return await _create(ctx, Role.COORDINATOR, None, None)


@requires(Who.COORDINATOR)
async def invite_liaison(ctx: Member, press: InviteLiaison) -> list[Reply]:
    """Create an invitation to be a commitment's liaison officer."""
    commitment = next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == press.commitment), None)
    if commitment is None:
        return await unknown_button(ctx)
    return await _create(ctx, Role.LIAISON, commitment.id, commitment.number)


async def _create(ctx: Member, role: Role, commitment_id: int | None, number: int | None) -> list[Reply]:
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
    """Take an invitation opened as /start i_<code>: refuse a used, expired or unknown code before anything else,
    then have a newcomer register first (the invitation is taken once they have)."""
    raw = ctx.incoming.args.strip()
    invite = await _find(ctx, raw)
    refusal = await _refusal(ctx, invite)
    if refusal is not None or invite is None:
        return [with_menu(ctx, ctx.t(refusal or "invite-unknown"))]
    member = as_member(ctx)
    if member is None:
        label = access.role_label(ctx, invite.role, await _number(ctx, invite.commitment_id))
        registering = need_registration(ctx, ctx.incoming.command or "start", raw)
        return [Reply(text=ctx.t("invite-register-first", role=label)), *registering[1:]]
    return await redeem(member, raw)


async def join(ctx: Context) -> list[Reply]:
    """Answer /join <code> (for WhatsApp and the terminal, where links do not start the bot)."""
    code = ctx.incoming.args.strip()
    if not code:
        return [with_menu(ctx, ctx.t("join-usage"))]
    return await deep_link(ctx)


async def _find(ctx: Context, raw: str) -> Invite | None:
    code = raw.removeprefix(DEEP_LINK_PREFIX)
    return await roles.get_invite(ctx.conn, code) if _CODE.match(code) else None


async def redeem(ctx: Member, raw: str) -> list[Reply]:
    """Grant the invitation's role once; refuse a used, expired or unknown code."""
    code = raw.removeprefix(DEEP_LINK_PREFIX)
    invite = await _find(ctx, raw)
    refusal = await _refusal(ctx, invite)
    if refusal is not None or invite is None:
        return [with_menu(ctx, ctx.t(refusal or "invite-unknown"))]
    number = await _number(ctx, invite.commitment_id)
    label = access.role_label(ctx, invite.role, number)
    if (invite.role, invite.commitment_id) in ctx.roles:
        return [with_menu(ctx, ctx.t("invite-already-held", role=label))]
    if await roles.use_invite(ctx.conn, code, ctx.participant.id, ctx.now) is None:
        return [with_menu(ctx, ctx.t("invite-used"))]
    await _grant(ctx, invite)
    await _tell_inviter(ctx, invite, number)
    return [with_menu(ctx, ctx.t("invite-accepted", role=label))]


async def _refusal(ctx: Context, invite: Invite | None) -> str | None:
    """Return why the invitation cannot be taken by this person now (a newcomer too, before registering), or None."""
    if invite is None:
        return "invite-unknown"
    if invite.used_by is not None:
        return "invite-used"
    if invite.expires_at <= ctx.now:
        return "invite-expired"
    if ctx.participant is not None and invite.created_by == ctx.participant.id:
        return "invite-own"  # nobody grants themselves a role, even one they hold no longer
    if invite.created_by is None or not await roles.coordinates(ctx.conn, invite.created_by, ctx.config.coordinators):
        return "invite-withdrawn"  # its creator no longer coordinates: it died with their role
    return None


async def _number(ctx: Context, commitment_id: int | None) -> int | None:
    commitment = await catalogue.get_commitment(ctx.conn, commitment_id) if commitment_id else None
    return commitment.number if commitment else None


async def _grant(ctx: Member, invite: Invite) -> None:
    pid = ctx.participant.id
    await roles.grant(ctx.conn, pid, invite.role, invite.commitment_id, invite.created_by, ctx.now)
    detail = f"{invite.role.value}:{invite.commitment_id or ''}"
    await audit.record(ctx.conn, pid, "invite.redeem", f"participant:{pid}", detail, ctx.now)
    ctx.roles = await participants.roles_of(ctx.conn, pid)
    await access.refresh_menu(ctx.conn, ctx.config, pid, ctx.now)


async def _tell_inviter(ctx: Member, invite: Invite, number: int | None) -> None:
    """Let the coordinator who sent the invitation know it was taken."""
    if invite.created_by is None or invite.created_by == ctx.participant.id:
        return
    for channel, external_id in (await participants.identities_of(ctx.conn, invite.created_by))[:1]:
        inviter = ctx.speaking(await participants.chat_language(ctx.conn, channel, external_id))
        role = access.role_label(inviter, invite.role, number)
        reply = Reply(text=inviter.t("invite-taken-notice", name=ctx.participant.name or "", role=role))
        key = f"invite-taken:{invite.code}"
        await inviter.push(channel, external_id, reply, participant_id=invite.created_by, dedupe_key=key)


FEATURE = Feature(
    commands={"invite": start, "join": join},
    buttons=(
        on(InviteCoordinator, invite_coordinator),
        on(InviteLiaison, invite_liaison),
        on(OpenInvites, open_invites),
        on(Withdraw, withdraw),
    ),
    deep_links={DEEP_LINK_PREFIX: deep_link},
)
