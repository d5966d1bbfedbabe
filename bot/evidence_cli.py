"""`ogp-bot evidence --output FILE.zip [--since DATE] [--until DATE]`: the evidence pack, written to disk."""

from __future__ import annotations

import argparse
import asyncio
from datetime import date
from pathlib import Path

from bot.clock import SystemClock
from bot.outputs import USAGE, OutputRefused, check_new_file, check_output
from bot.settings import Settings
from handlers.kit.dates import parse_date
from messages_ar import load_messages
from reports.evidence import build_evidence
from storage.database import open_database


def _day(raw: str) -> date:
    """Read a date as the chat does (30/9/2019 or 2019-09-30, any digits)."""
    parsed = parse_date(raw)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date: {raw!r} (write 30/9/2019 or 2019-09-30)")
    return parsed


def add_evidence_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the evidence subcommand."""
    cmd = sub.add_parser("evidence", help="write the evidence pack for an IRM review (.zip)")
    cmd.add_argument("--output", type=Path, required=True, help="the .zip to write")
    cmd.add_argument("--since", type=_day, help="first day (default: the active plan's start)")
    cmd.add_argument("--until", type=_day, help="last day, included (default: the plan's end, or today while it runs)")


def _request_problem(settings: Settings, args: argparse.Namespace) -> str | None:
    """Return in one line what is wrong with the request before anything is opened, or None."""
    try:
        check_output(settings, args.output)  # the database's own files first, whatever their names
        check_new_file(args.output)
    except OutputRefused as error:
        return str(error)
    if args.output.suffix.lower() != ".zip":
        return f"the evidence pack is a zip: name the output .zip, not {args.output.name}"
    if args.since and args.until and args.since > args.until:
        return "--since is after --until: give the first day, then the last"
    return None


async def run_evidence_command(settings: Settings, args: argparse.Namespace) -> int:
    """Write the pack; print where and how many gaps; return the exit status."""
    if (problem := _request_problem(settings, args)) is not None:
        print(f"error: {problem}")
        return USAGE
    db = await open_database(settings.database)
    try:
        async with db.reader() as conn:  # a snapshot: the running bot's writes neither wait nor show halfway
            pack = await build_evidence(
                conn,
                since=args.since,
                until=args.until,
                now=SystemClock().now(),
                messages=load_messages(),
                tz=settings.zone,
                snapshot_root=settings.snapshot_folder,
                files_root=settings.files_folder,
            )
    finally:
        await db.close()
    await asyncio.to_thread(args.output.write_bytes, pack.data)
    period = f"{pack.period.since} to {pack.period.until}"
    print(f"wrote the evidence pack for {period} to {args.output}: {len(pack.gaps)} gaps")
    return 0
