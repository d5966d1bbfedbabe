"""Each role's Telegram command menu, and roles' names."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from handlers.kit.context import Context, HandlerConfig
from handlers.kit.contract import Choice, Reply
from messages import load_messages
from messages_ar import Messages
from storage import outbox, participants, roles
from storage.models import Role

COMMANDS_KIND = "commands"  # an outbox row that sets a chat's Telegram command menu instead of sending a message
MENU_CHANNEL = "telegram"  # the only channel with a per-chat command menu

# Everyone's commands, in menu order, with the catalogue key of their description.
PUBLIC_COMMANDS = {
    "start": "command-start",
    "recommend": "command-recommend",
    "status": "command-status",
    "my": "command-my",
    "follow": "command-follow",
    "group": "command-group",
    "findings": "command-findings",
    "settings": "command-settings",
    "privacy": "command-privacy",
    "rules": "command-rules",
    "language": "command-language",
    "menu": "command-menu",
    "help": "command-help",
    "cancel": "command-cancel",
}
# Commands each role adds to the public menu, with the catalogue key of their description.
LIAISON_COMMANDS = {
    "inbox": "command-inbox",
    "search": "command-search",
    "update": "command-update",
    "milestones": "command-milestones",
}
COORDINATOR_COMMANDS = {
    **LIAISON_COMMANDS,
    "invite": "command-invite",
    "team": "command-team",
    "round": "command-round",
    "rapporteurs": "command-rapporteurs",
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
    """Return a command-menu row's payload in the person's language: everyone's commands, then their role's.

    Choice ids are commands, labels their descriptions; a chat's menu is set even without a role, so that it speaks
    the language the person chose rather than the one their app reports.
    """
    listed = {**PUBLIC_COMMANDS, **commands}
    choices = tuple(Choice(id=name, label=messages.t(key)) for name, key in listed.items())
    return Reply(text="", choices=choices, language=messages.language)


def cleared_menu() -> Reply:
    """Return a command-menu row's payload that removes the chat's own menu (the default one shows again)."""
    return Reply(text="")


async def refresh_menu(conn: aiosqlite.Connection, config: HandlerConfig, participant_id: int, now: datetime) -> None:
    """Queue the person's Telegram command menu, rebuilt from the roles they hold now, in their language."""
    person = await participants.get_participant(conn, participant_id)
    held = await participants.roles_of(conn, participant_id)
    messages = load_messages(person.language if person else "ar")
    for channel, external_id in await participants.identities_of(conn, participant_id):
        if channel != MENU_CHANNEL:
            continue
        coordinator = f"{channel}:{external_id}" in config.coordinators
        await _queue_menu(
            conn, external_id, menu_reply(messages, role_commands(held, coordinator)), now, participant_id
        )


async def refresh_chat_menu(ctx: Context) -> None:
    """Queue the command menu of the chat an event came from (after the person changed language)."""
    if ctx.incoming.channel != MENU_CHANNEL:
        return
    if ctx.participant is not None:
        await refresh_menu(ctx.conn, ctx.config, ctx.participant.id, ctx.now)
        return
    commands = COORDINATOR_COMMANDS if ctx.is_coordinator else {}
    await _queue_menu(ctx.conn, ctx.incoming.user, menu_reply(ctx.messages, commands), ctx.now, None)


async def _queue_menu(
    conn: aiosqlite.Connection, external_id: str, reply: Reply, now: datetime, participant_id: int | None
) -> None:
    await outbox.enqueue(
        conn,
        channel=MENU_CHANNEL,
        recipient=external_id,
        payload=reply.to_payload(),
        now=now,
        participant_id=participant_id,
        kind=COMMANDS_KIND,
    )


async def queue_all_menus(conn: aiosqlite.Connection, config: HandlerConfig, now: datetime) -> int:
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
        await refresh_menu(conn, config, participant_id, now)
    for external_id in unregistered:
        messages = load_messages(await participants.chat_language(conn, MENU_CHANNEL, external_id))
        await _queue_menu(conn, external_id, menu_reply(messages, COORDINATOR_COMMANDS), now, None)
    return len(people) + len(unregistered)


def role_label(ctx: Context, role: Role, commitment_number: int | None) -> str:
    """Return a role's Arabic name, with its commitment for liaison officers."""
    if role is Role.COORDINATOR:
        return ctx.t("role-coordinator")
    return ctx.t("role-liaison", number=commitment_number or 0)


async def tell_role_change(
    conn: aiosqlite.Connection,
    participant_id: int,
    role: Role,
    commitment_number: int | None,
    *,
    granted: bool,
    now: datetime,
) -> bool:
    """Tell a person, on the channel they use and in their language, that a role was given or taken (command line)."""
    person = await participants.get_participant(conn, participant_id)
    messages = load_messages(person.language if person else "ar")
    label = (
        messages.t("role-coordinator")
        if role is Role.COORDINATOR
        else messages.t("role-liaison", number=commitment_number or 0)
    )
    key = "role-granted-notice" if granted else "role-revoked-notice"
    reply = Reply(text=messages.t(key, role=label), language=messages.language)
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
