"""The ogp-bot command line."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot.backup import add_backup_commands, run_backup_command
from bot.channels.console import IDENTITY, USER, ConsoleTransport, fetch_local, run_console
from bot.core import Core, load_plan, open_core
from bot.doctor import add_doctor_command, run_doctor
from bot.evidence_cli import add_evidence_command, run_evidence_command
from bot.flows_cli import add_flows_command, run_flows_command
from bot.lock import DatabaseInUse, hold_database
from bot.logs import setup_logging
from bot.outputs import USAGE
from bot.publish_cli import add_publish_command, run_publish_command
from bot.reports_cli import add_report_commands, run_report_command
from bot.roles_cli import add_role_commands, run_role_command
from bot.settings import Settings
from handlers.kit.contract import Incoming
from storage.catalogue import read_plan_file
from storage.database import NewerSchemaError, open_database

if TYPE_CHECKING:
    from bot.web import WebServer

log = logging.getLogger(__name__)


def _stop_on_signal() -> asyncio.Event:
    """Return an event set by SIGINT or SIGTERM; installed before anything starts, so a stop asked for while the
    bot is still starting (a service manager's, a test's) is a clean stop, never the signal's default kill."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def run_console_chat(core: Core, user: str = USER) -> None:
    """Chat in the terminal on the configured database, with the sender and the scheduler running as in `run`."""
    transport = ConsoleTransport(sys.stdout, user=user, type_hint=True)
    core.sender.add_transport(transport)
    await core.sender.start()
    await core.documents.start()
    await _start_file_work(core)
    await core.scheduler.run_due()  # what fell due while no terminal was open (a broadcast's summary) comes first
    await core.scheduler.start()

    async def flush() -> None:  # a document asked for is there before the next prompt
        await core.documents.flush()
        await core.sender.flush()

    async def handle(incoming: Incoming) -> None:  # a file named at the terminal is read as a channel downloads
        await core.dispatcher.handle(await core.receiver.receive(incoming, fetch_local))

    await run_console(handle, flush, transport)
    await flush()


async def _start_file_work(core: Core) -> None:
    """Start deleting erased files' bytes and, when an engine is configured, drafting transcripts."""
    await core.files.start()
    if core.drafts is not None:
        await core.drafts.start()


async def _run(settings: Settings, console: bool, user: str = USER) -> int:
    core = await open_core(settings)
    try:
        if console or (settings.telegram_token is None and not settings.whatsapp_enabled):
            if console:
                await run_console_chat(core, user)
                return 0
            log.info("neither OGP_TELEGRAM_TOKEN nor OGP_WHATSAPP_* is set: starting the terminal chat instead")
            from bot.public_site import public_site_alone

            async with public_site_alone(core):
                await run_console_chat(core, user)
            return 0
        await _serve(core, settings)
        return 0
    finally:
        await core.close()


async def _serve(core: Core, settings: Settings) -> None:
    """Run every configured channel in this event loop until a signal arrives."""
    stop = _stop_on_signal()
    async with contextlib.AsyncExitStack() as stack:
        server = None
        served = settings.whatsapp_enabled or settings.telegram_webhook_url is not None or settings.public_site
        if served or settings.metrics != "off":
            from bot.metrics_page import metrics_page
            from bot.web import WebServer  # only when something is served over HTTP

            server = WebServer(settings.webhook_host, settings.webhook_port, trusted_proxies=settings.trusted_proxies)
            metrics_page(core).mount(server)
        telegram = None
        if settings.telegram_token is not None:
            from bot.channels.telegram import TelegramChannel  # only when Telegram is configured

            secret = settings.telegram_webhook_secret
            telegram = TelegramChannel(
                core,
                settings.telegram_token.get_secret_value(),
                settings.telegram_api_url,
                server=server if settings.telegram_webhook_url is not None else None,
                webhook_url=settings.telegram_webhook_url,
                webhook_secret=secret.get_secret_value() if secret else None,
            )
            await telegram.start()
            stack.push_async_callback(telegram.stop)
            if server is not None:
                server.watch("telegram", telegram.running)
        if settings.whatsapp_enabled:
            from bot.channels.whatsapp import WhatsAppChannel

            assert server is not None  # noqa: S101 - built above whenever WhatsApp is on
            whatsapp = WhatsAppChannel(core, server)
            await whatsapp.start()
            stack.push_async_callback(whatsapp.stop)
        if server is not None:
            from bot.public_site import mount_public_site

            live = await mount_public_site(server, core)
            if live is not None:
                stack.push_async_callback(live.close)
        if server is not None:
            # Routes are all added by the channels' start(); only then does the server listen.
            await _listen(server)
            stack.push_async_callback(server.stop)
            if telegram is not None and settings.telegram_webhook_url is not None:
                await telegram.listen()
        await core.sender.start()
        await core.scheduler.start()
        await core.documents.start()
        await _start_file_work(core)
        # Everything loaded at start lives as long as the process: frozen, a full collection of the cyclic garbage
        # collector no longer walks it (about 110,000 objects, 34 ms a time during which no chat is answered).
        gc.collect()  # once, so that no garbage of the start is frozen with it
        gc.freeze()
        await stop.wait()


class PortTaken(Exception):
    """The web server a configured channel needs cannot listen, with the line that says what to do."""


async def _listen(server: WebServer) -> None:
    """Start the web server, or say in one line why it cannot listen."""
    try:
        await server.start()
    except OSError as error:
        reason = os.strerror(error.errno).lower() if error.errno else str(error)
        raise PortTaken(
            f"the web server cannot listen on {server.host}:{server.port} ({reason}): "
            "stop what uses that port or set OGP_WEBHOOK_PORT to a free one"
        ) from None


async def _load_plan(settings: Settings, path: Path, activate: bool) -> int:
    problem = plan_file_problem(path)
    if problem is not None:
        print(f"error: {problem}")
        return 1
    db = await open_database(settings.database)
    try:
        plan_id = await load_plan(db, path, activate=activate or None)
    finally:
        await db.close()
    print(f"loaded plan {plan_id}" + (" (active)" if activate else ""))
    return 0


def plan_file_problem(path: Path) -> str | None:
    """Return in one line why a plan file cannot be loaded (missing, not JSON, not a plan), or None."""
    try:
        read_plan_file(path)
    except OSError as error:
        return f"cannot read {path}: {error.strerror or error}"
    except json.JSONDecodeError as error:
        return f"{path} is not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        count = error.error_count()
        problems = "1 problem" if count == 1 else f"{count} problems"
        return f"{path} is not a valid plan file ({problems}): {where}: {first['msg']}"
    return None


def _identity(raw: str) -> str:
    if not IDENTITY.match(raw):
        raise argparse.ArgumentTypeError("a name of letters, digits, '_' or '-' (up to 40), e.g. coord or salma")
    return raw


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="ogp-bot", description="OGP feedback bot")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run every configured channel (the terminal chat when none is)")
    console = sub.add_parser("console", help="chat in the terminal")
    console.add_argument(
        "--as", dest="identity", type=_identity, default=USER, help="who is typing: console:NAME (default: local)"
    )
    plan = sub.add_parser("load-plan", help="load or update an action plan file (JSON)")
    plan.add_argument("path", type=Path)
    plan.add_argument("--activate", action="store_true", help="make it the plan the bot follows")
    add_role_commands(sub)
    add_backup_commands(sub)
    add_report_commands(sub)
    add_publish_command(sub)
    add_evidence_command(sub)
    add_doctor_command(sub)
    add_flows_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line."""
    args = build_parser().parse_args(argv)
    if args.command == "doctor":  # reads the settings itself: that they parse is its first check
        text, status = run_doctor(args)
        print(text)
        return status
    if args.command == "flows":  # reads the code's tables only: no settings, no database
        return run_flows_command(args)
    settings = Settings()
    setup_logging(settings.log_level if args.command != "console" else "WARNING", settings.log_format)
    try:
        return _command(settings, args)
    except (DatabaseInUse, NewerSchemaError) as error:
        print(f"error: {error}")
        return 1
    except PortTaken as error:
        print(f"error: {error}")
        return USAGE


def _command(settings: Settings, args: argparse.Namespace) -> int:
    if args.command in ("run", "console"):
        user = getattr(args, "identity", USER)
        with hold_database(settings.database):  # a second bot would send what the first has claimed
            return asyncio.run(_run(settings, console=args.command == "console", user=user))
    if args.command == "load-plan":
        return asyncio.run(_load_plan(settings, args.path, args.activate))
    if args.command in ("backup", "restore"):
        return run_backup_command(settings, args)
    if args.command in ("grant", "revoke"):
        return asyncio.run(run_role_command(settings, args))
    if args.command in ("export", "report"):
        return asyncio.run(run_report_command(settings, args))
    if args.command == "publish":
        return asyncio.run(run_publish_command(settings, args))
    if args.command == "evidence":
        return asyncio.run(run_evidence_command(settings, args))
    raise AssertionError(args.command)  # argparse rejects unknown commands


if __name__ == "__main__":
    raise SystemExit(main())
