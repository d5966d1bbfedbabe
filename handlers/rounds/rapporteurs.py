"""/rapporteurs (coordinators): name a rapporteur for each working group of a round, from its members or by a code."""

from __future__ import annotations

import re
import secrets

from handlers.kit.access import as_member, need_registration, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.who import Who
from storage import audit, catalogue, participants, rounds, working_groups
from storage.models import Commitment
from storage.rounds import Round, RoundState

DEEP_LINK_PREFIX = "g_"
CODE_BYTES = 12
MAX_MEMBERS = 30  # member buttons shown at once; the invitation reaches anyone else
_CODE = re.compile(r"^[A-Za-z0-9_-]{8,60}$")


class PickGroup(Button, prefix="rap:g"):
    """A working group whose rapporteur the coordinator names."""

    round: int
    commitment: int


class NameMember(Button, prefix="rap:m"):
    """Name one of the group's members its rapporteur."""

    round: int
    commitment: int
    participant: int


class InviteRapporteur(Button, prefix="rap:i"):
    """Make an invitation code for the group's rapporteur."""

    round: int
    commitment: int


def group_label(ctx: Context, commitment: Commitment) -> str:
    """Return how a working group is named: after its commitment's number, as the seed's report does."""
    return ctx.t("group-label", number=commitment.number)


async def _live_round(ctx: Context) -> Round | None:
    """Return the newest round that is not closed."""
    return next((r for r in await rounds.list_rounds(ctx.conn, limit=20) if r.state is not RoundState.CLOSED), None)


@requires(Who.COORDINATOR)
async def start(ctx: Member) -> list[Reply]:
    """Answer /rapporteurs: the newest round's groups, each with its rapporteur (or none yet)."""
    found = await _live_round(ctx)
    if found is None:
        return [with_menu(ctx, ctx.t("rapporteurs-no-round"))]
    named = {r.commitment_id: r for r in await working_groups.of_round(ctx.conn, found.id)}
    lines, choices = [ctx.t("rapporteurs-title", name=found.name)], []
    for commitment in await rounds.round_commitments(ctx.conn, found.id):
        who = await _who(ctx, named.get(commitment.id))
        lines.append(ctx.t("rapporteurs-line", group=group_label(ctx, commitment), who=who))
        choices.append(PickGroup(round=found.id, commitment=commitment.id).choice(group_label(ctx, commitment)))
    return [Reply(text="\n".join(lines), choices=tuple(choices))]


async def _who(ctx: Context, named: working_groups.Rapporteur | None) -> str:
    if named is None:
        return ctx.t("rapporteurs-none")
    if named.participant_id is None:
        return ctx.t("rapporteurs-invited")
    person = await participants.get_participant(ctx.conn, named.participant_id)
    return (person.name if person else None) or "—"


async def _group(ctx: Context, round_id: int, commitment_id: int) -> tuple[Round, Commitment] | None:
    """Return a group's round and commitment when the round is not closed and the group is in it."""
    found = await rounds.get_round(ctx.conn, round_id)
    if found is None or found.state is RoundState.CLOSED:
        return None
    commitment = next((c for c in await rounds.round_commitments(ctx.conn, round_id) if c.id == commitment_id), None)
    return (found, commitment) if commitment is not None else None


@requires(Who.COORDINATOR)
async def pick_group(ctx: Member, press: PickGroup) -> list[Reply]:
    """Offer the group's members to name, and an invitation for someone else."""
    group = await _group(ctx, press.round, press.commitment)
    if group is None:
        return await unknown_button(ctx)
    members = await rounds.group_members(ctx.conn, press.round, press.commitment)
    choices = [
        NameMember(round=press.round, commitment=press.commitment, participant=p.id).choice(p.name or f"#{p.id}")
        for p in members[:MAX_MEMBERS]
    ]
    choices.append(InviteRapporteur(round=press.round, commitment=press.commitment).choice(ctx.t("rapporteur-invite")))
    text = ctx.t("rapporteur-pick", group=group_label(ctx, group[1]), count=len(members))
    return [Reply(text=text, choices=tuple(choices), replace=True)]


@requires(Who.COORDINATOR)
async def name_member(ctx: Member, press: NameMember) -> list[Reply]:
    """Name a member of the group its rapporteur, and tell them."""
    group = await _group(ctx, press.round, press.commitment)
    membership = await rounds.get_membership(ctx.conn, press.round, press.participant)
    if group is None or membership is None or membership.commitment_id != press.commitment:
        return await unknown_button(ctx)
    await _name(ctx, group, press.participant, None)
    await _tell(ctx, group[1], press.participant)
    person = await participants.get_participant(ctx.conn, press.participant)
    done = ctx.t("rapporteur-named", name=(person.name if person else None) or "—", group=group_label(ctx, group[1]))
    return [with_menu(ctx, done, replace=True)]


@requires(Who.COORDINATOR)
async def invite(ctx: Member, press: InviteRapporteur) -> list[Reply]:
    """Make a one-time code that makes whoever takes it the group's rapporteur."""
    group = await _group(ctx, press.round, press.commitment)
    if group is None:
        return await unknown_button(ctx)
    code = secrets.token_urlsafe(CODE_BYTES)
    await _name(ctx, group, None, code)
    plain = DEEP_LINK_PREFIX + code
    label = group_label(ctx, group[1])
    if ctx.config.bot_username:
        link = f"https://t.me/{ctx.config.bot_username}?start={plain}"
        return [with_menu(ctx, ctx.t("rapporteur-invite-card", group=label, link=link, code=plain))]
    return [with_menu(ctx, ctx.t("rapporteur-invite-card-code", group=label, code=plain))]


async def _name(ctx: Member, group: tuple[Round, Commitment], participant_id: int | None, code: str | None) -> None:
    found, commitment = group
    await working_groups.name_rapporteur(
        ctx.conn, found.id, commitment.id, participant_id=participant_id, code=code, by=ctx.participant.id, now=ctx.now
    )
    detail = f"participant:{participant_id}" if participant_id else "invitation"
    await audit.record(
        ctx.conn, ctx.participant.id, "rapporteur.name", f"group:{found.id}:{commitment.id}", detail, ctx.now
    )


async def _tell(ctx: Context, commitment: Commitment, participant_id: int) -> None:
    """Tell the new rapporteur, in their language, how to enter the group's findings."""
    for channel, external_id in (await participants.identities_of(ctx.conn, participant_id))[:1]:
        reader = ctx.speaking(await participants.chat_language(ctx.conn, channel, external_id))
        reply = Reply(text=reader.t("rapporteur-named-notice", group=group_label(reader, commitment)))
        key = f"rapporteur:{commitment.id}:{participant_id}:{ctx.incoming.event_id}"
        await reader.push(channel, external_id, reply, participant_id=participant_id, dedupe_key=key)


async def deep_link(ctx: Context) -> list[Reply]:
    """Take a rapporteur's invitation (/start g_<code>, /join g_<code>); a newcomer registers first."""
    raw = ctx.incoming.args.strip()
    code = raw.removeprefix(DEEP_LINK_PREFIX)
    seat = await working_groups.by_code(ctx.conn, code) if _CODE.match(code) else None
    group = await _group(ctx, seat.round_id, seat.commitment_id) if seat is not None else None
    if seat is None or group is None:
        return [with_menu(ctx, ctx.t("rapporteur-invite-unknown"))]
    member = as_member(ctx)
    if member is None:
        return need_registration(ctx, ctx.incoming.command or "start", raw)
    if await working_groups.claim(member.conn, code, member.participant.id) is None:
        return [with_menu(ctx, ctx.t("rapporteur-invite-unknown"))]
    await rounds.join_group(member.conn, seat.round_id, member.participant.id, seat.commitment_id, member.now)
    pid = member.participant.id
    await audit.record(
        member.conn, pid, "rapporteur.claim", f"group:{seat.round_id}:{seat.commitment_id}", None, member.now
    )
    return [with_menu(ctx, ctx.t("rapporteur-named-notice", group=group_label(ctx, group[1])))]


async def commitment_of(ctx: Context, commitment_id: int) -> Commitment | None:
    """Return a commitment (for the findings view)."""
    return await catalogue.get_commitment(ctx.conn, commitment_id)


FEATURE = Feature(
    commands={"rapporteurs": start},
    buttons=(on(PickGroup, pick_group), on(NameMember, name_member), on(InviteRapporteur, invite)),
    deep_links={DEEP_LINK_PREFIX: deep_link},
)
