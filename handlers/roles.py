"""Each role's Telegram command menu, and roles' names."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from handlers.context import Context, HandlerConfig
from handlers.contract import Choice, Reply
from messages_ar import Messages
from storage import outbox, participants, roles
from storage.models import Role

COMMANDS_KIND = "commands"  # an outbox row that sets a chat's Telegram command menu instead of sending a message
MENU_CHANNEL = "telegram"  # the only channel with a per-chat command menu

# Commands each role adds to the public menu, with the catalogue key of their description.
LIAISON_COMMANDS = {"inbox": "command-inbox", "update": "command-update", "milestones": "command-milestones"}
COORDINATOR_COMMANDS = {
    **LIAISON_COMMANDS,
    "invite": "command-invite",
    "team": "command-team",
    "round": "command-round",
    "broadcast": "command-broadcast",
    "reminders": "command-reminders",
    "held": "wa-command-held",
    "export": "command-export",
    "stats": "command-stats",
    "report": "command-report",
    "irm": "command-irm",
    "evidence": "command-evidence",
    "publish": "command-publish",
}


def role_commands(held: list[tuple[Role, int | None]], coordinator: bool) -> dict[str, str]:
    """Return the commands a person's roles add to the public menu."""
    if coordinator or any(role is Role.COORDINATOR for role, _ in held):
        return COORDINATOR_COMMANDS
    if any(role is Role.LIAISON for role, _ in held):
        return LIAISON_COMMANDS
    return {}


def menu_reply(messages: Messages, commands: dict[str, str]) -> Reply:
    """Return a command-menu row's payload: choice ids are commands, labels their descriptions."""
    return Reply(text="", choices=tuple(Choice(id=name, label=messages.t(key)) for name, key in commands.items()))


async def refresh_menu(
    conn: aiosqlite.Connection, messages: Messages, config: HandlerConfig, participant_id: int, now: datetime
) -> None:
    """Queue the person's Telegram command menu, rebuilt from the roles they hold now."""
    held = await participants.roles_of(conn, participant_id)
    for channel, external_id in await participants.identities_of(conn, participant_id):
        if channel != MENU_CHANNEL:
            continue
        coordinator = f"{channel}:{external_id}" in config.coordinators
        reply = menu_reply(messages, role_commands(held, coordinator))
        await outbox.enqueue(
            conn,
            channel=channel,
            recipient=external_id,
            payload=reply.to_payload(),
            now=now,
            participant_id=participant_id,
            kind=COMMANDS_KIND,
        )


async def queue_all_menus(conn: aiosqlite.Connection, messages: Messages, config: HandlerConfig, now: datetime) -> int:
    """Queue the command menu of every role holder and configured coordinator (at start-up); return how many."""
    people = {h.participant_id for h in await roles.holders(conn)}
    unregistered: list[str] = []
    for entry in sorted(config.coordinators):
        channel, _, external_id = entry.partition(":")
        if channel != MENU_CHANNEL:
            continue
        person = await participants.find_by_identity(conn, channel, external_id)
        if person is None:
            unregistered.append(external_id)
        else:
            people.add(person.id)
    for participant_id in sorted(people):
        await refresh_menu(conn, messages, config, participant_id, now)
    payload = menu_reply(messages, COORDINATOR_COMMANDS).to_payload()
    for external_id in unregistered:
        await outbox.enqueue(
            conn, channel=MENU_CHANNEL, recipient=external_id, payload=payload, now=now, kind=COMMANDS_KIND
        )
    return len(people) + len(unregistered)


def role_label(ctx: Context, role: Role, commitment_number: int | None) -> str:
    """Return a role's Arabic name, with its commitment for liaison officers."""
    if role is Role.COORDINATOR:
        return ctx.t("role-coordinator")
    return ctx.t("role-liaison", number=commitment_number or 0)


async def tell_role_change(
    conn: aiosqlite.Connection,
    messages: Messages,
    participant_id: int,
    role: Role,
    commitment_number: int | None,
    *,
    granted: bool,
    now: datetime,
) -> bool:
    """Tell a person, on the channel they use, that a role was given to them or taken away (the command line)."""
    label = (
        messages.t("role-coordinator")
        if role is Role.COORDINATOR
        else messages.t("role-liaison", number=commitment_number or 0)
    )
    reply = Reply(text=messages.t("role-granted-notice" if granted else "role-revoked-notice", role=label))
    for channel, external_id in (await participants.identities_of(conn, participant_id))[:1]:
        await outbox.enqueue(
            conn,
            channel=channel,
            recipient=external_id,
            payload=reply.to_payload(),
            now=now,
            participant_id=participant_id,
            kind="notification",
        )
        return True
    return False
