"""`ogp-bot doctor`: every check an operator needs before and while running the bot, one line each."""

from __future__ import annotations

import argparse
import asyncio
import os
import ssl
from collections.abc import Callable

import aiohttp
from pydantic import ValidationError

from bot.clock import Clock, SystemClock
from bot.doctor_local import backup_findings, database_findings, files_findings
from bot.doctor_remote import Probe, clock_findings, https_findings, telegram_findings, whatsapp_findings
from bot.findings import Finding, bad, ok
from bot.settings import Settings
from messages import Messages, is_language, load_messages

TIMEOUT = aiohttp.ClientTimeout(total=15)


async def examine(settings: Settings, clock: Clock, ssl_context: ssl.SSLContext | None = None) -> list[Finding]:
    """Run every check against these settings; return what each found."""
    found = [ok("doctor-settings-ok")]
    async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
        probe = Probe(http, clock, ssl_context)
        found += await telegram_findings(settings, probe)
        found += await whatsapp_findings(settings, probe)
        found += await https_findings(settings, probe)
    found += database_findings(settings)
    found += files_findings(settings)
    found += backup_findings(settings, clock.now())
    return found + clock_findings(probe)


def settings_problem(error: ValidationError) -> Finding:
    """Return the first thing wrong with the settings, naming the variable to correct."""
    first = error.errors()[0]
    where = "_".join(str(part) for part in first["loc"]).upper()
    setting = f"OGP_{where}" if where else "OGP_*"
    return bad("doctor-settings-bad", setting=setting, problem=str(first["msg"]))


def report(found: list[Finding], messages: Messages) -> tuple[str, int]:
    """Return the report's text (one line per finding, then the summary) and the exit status."""
    failed = sum(1 for finding in found if finding.verdict == "bad")
    lines = [finding.line(messages) for finding in found]
    lines.append(messages.t("doctor-summary-bad", count=failed) if failed else messages.t("doctor-summary-ok"))
    return "\n".join(lines), 1 if failed else 0


def add_doctor_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the doctor subcommand."""
    doctor = sub.add_parser("doctor", help="check the settings, the services, the database, disk and backups")
    doctor.add_argument(
        "--language", choices=("ar", "en"), help="the report's language (default: OGP_OPERATOR_LANGUAGE)"
    )


def run_doctor(
    args: argparse.Namespace, load: Callable[[], Settings] = Settings, clock: Clock | None = None
) -> tuple[str, int]:
    """Read the settings and run the checks; return the report and the exit status."""
    try:
        settings = load()
    except ValidationError as error:
        messages = load_messages(_language(args, os.environ.get("OGP_OPERATOR_LANGUAGE", "ar")))
        return report([settings_problem(error)], messages)
    found = asyncio.run(examine(settings, clock or SystemClock()))
    return report(found, load_messages(_language(args, settings.operator_language)))


def _language(args: argparse.Namespace, configured: str) -> str:
    chosen = getattr(args, "language", None) or configured
    return chosen if is_language(chosen) else "ar"
