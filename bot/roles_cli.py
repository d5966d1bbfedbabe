"""`ogp-bot grant` and `ogp-bot revoke`: give or take a role from the command line (audited)."""

from __future__ import annotations

import argparse

from bot.clock import SystemClock
from bot.core import handler_config
from bot.settings import Settings
from handlers.joining import roles as access
from storage import audit, catalogue, participants, roles
from storage.database import open_database
from storage.models import Role


class RoleCommandError(Exception):
    """A grant or revoke that cannot be done, with the reason to print."""


def add_role_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the grant and revoke subcommands."""
    for name, verb in (("grant", "give"), ("revoke", "take away")):
        parser = sub.add_parser(name, help=f"{verb} a role: coordinator, or liaison for a commitment")
        parser.add_argument("role", choices=[r.value for r in Role])
        parser.add_argument("identity", help="channel:id of a registered person, e.g. telegram:123456789")
        parser.add_argument("--commitment", type=int, help="commitment number in the active plan (liaison only)")


async def run_role_command(settings: Settings, args: argparse.Namespace) -> int:
    """Grant or revoke; print what happened; return the exit status."""
    try:
        message = await _apply(settings, args.command, Role(args.role), args.identity, args.commitment)
    except RoleCommandError as error:
        print(f"error: {error}")
        return 1
    print(message)
    return 0


async def _apply(settings: Settings, command: str, role: Role, identity: str, number: int | None) -> str:
    channel, _, external_id = identity.partition(":")
    if not channel or not external_id:
        raise RoleCommandError(f"{identity!r} must look like telegram:<user id>")
    if (role is Role.LIAISON) != (number is not None):
        raise RoleCommandError("--commitment N is required for liaison and not allowed for coordinator")
    db = await open_database(settings.database)
    try:
        async with db.transaction() as conn:
            person = await participants.find_by_identity(conn, channel, external_id)
            if person is None:
                raise RoleCommandError(
                    f"{identity} is not registered: ask them to open the bot and register (/start) first, "
                    "or send them an invitation with /invite"
                )
            commitment_id = None
            if number is not None:
                match = next((c for c in await catalogue.list_commitments(conn) if c.number == number), None)
                if match is None:
                    raise RoleCommandError(f"the active plan has no commitment {number}")
                commitment_id = match.id
            now = SystemClock().now()
            if command == "grant":
                changed = await roles.grant(conn, person.id, role, commitment_id, None, now)
            else:
                changed = await roles.revoke(conn, person.id, role, commitment_id, now)
            if changed:
                detail = f"{role.value}:{commitment_id or ''} (command line)"
                await audit.record(conn, None, f"role.{command}", f"participant:{person.id}", detail, now)
                await access.refresh_menu(conn, handler_config(settings), person.id, now)
                # The running bot's sender delivers it (it looks for queued rows every few seconds).
                await access.tell_role_change(conn, person.id, role, number, granted=command == "grant", now=now)
    finally:
        await db.close()
    what = role.value + (f" for commitment {number}" if number is not None else "")
    if not changed:
        return f"nothing to do: {identity} {'already holds' if command == 'grant' else 'does not hold'} {what}"
    return (
        f"{'granted' if command == 'grant' else 'revoked'} {what} {'to' if command == 'grant' else 'from'} {identity}"
    )
