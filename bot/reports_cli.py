"""`ogp-bot export` and `ogp-bot report`: the coordinators' files, written straight to disk."""

from __future__ import annotations

import argparse
import asyncio
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import BinaryIO

import aiosqlite

from bot.clock import SystemClock
from bot.settings import Settings
from handlers.dates import parse_date
from messages_ar import load_messages
from reports.export import ExportFormat, export
from storage import catalogue
from storage.database import open_database
from storage.exports import ExportScope, get_round


class ReportCommandError(Exception):
    """An export or report that cannot be made, with the reason to print."""


def add_report_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the export and report subcommands."""
    exp = sub.add_parser("export", help="write recommendations, status updates and milestones to a file")
    exp.add_argument("--format", choices=[f.value for f in ExportFormat], default=ExportFormat.XLSX.value)
    exp.add_argument(
        "--output",
        type=Path,
        required=True,
        help="file to write (CSV: NAME.csv for the recommendations, NAME.zip for every table)",
    )
    exp.add_argument("--commitment", type=int, help="only this commitment number of the active plan")
    exp.add_argument("--round", type=int, dest="round_id", help="only this round id")
    exp.add_argument("--since", type=_day, help="first day, 1/12/2026 or 2026-12-01 (local time)")
    exp.add_argument("--until", type=_day, help="last day, 31/12/2026 or 2026-12-31, included")
    rep = sub.add_parser("report", help="write the meeting report (.docx) on the active plan or one round")
    rep.add_argument("--output", type=Path, required=True)
    rep.add_argument("--round", type=int, dest="round_id", help="only the input of this round id")


def _day(raw: str) -> date:
    """Read a day as the chat does: 1/12/2026 (as the seed writes dates) or 2026-12-01, in any digits."""
    day = parse_date(raw)
    if day is None:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a date: write it as 1/12/2026 or 2026-12-01")
    return day


def _csv_name_problem(args: argparse.Namespace) -> str | None:
    """Return why a CSV export's file name does not fit what is written into it (a .zip is named .zip)."""
    if args.command != "export" or args.format != ExportFormat.CSV.value:
        return None
    if args.output.suffix.lower() in (".csv", ".zip"):
        return None
    return f"name the output .csv (the recommendations) or .zip (every table as CSV), not {args.output.name!r}"


async def run_report_command(settings: Settings, args: argparse.Namespace) -> int:
    """Run export or report; print what was written; return the exit status."""
    if (problem := _csv_name_problem(args)) is not None:
        print(f"error: {problem}")
        return 1
    out = await asyncio.to_thread(args.output.open, "wb")
    try:
        message = await _run(settings, args, out)
    except ReportCommandError as error:
        out.close()
        args.output.unlink(missing_ok=True)
        print(f"error: {error}")
        return 1
    out.close()
    print(message)
    return 0


async def _run(settings: Settings, args: argparse.Namespace, out: BinaryIO) -> str:
    db = await open_database(settings.database)
    now = SystemClock().now()
    try:
        async with db.transaction() as conn:
            if args.command == "report":
                from reports.report_docx import build_report  # python-docx loads only when asked

                if args.round_id is not None and await get_round(conn, args.round_id) is None:
                    raise ReportCommandError(f"no round with id {args.round_id}")
                try:
                    author = settings.report_author or None
                    out.write(
                        await build_report(conn, round_id=args.round_id, now=now, tz=settings.zone, author=author)
                    )
                except LookupError as error:
                    raise ReportCommandError(str(error)) from error
                return f"wrote the report to {args.output}"
            scope = await _scope(conn, args, settings)
            fmt = ExportFormat(args.format)
            single = fmt is ExportFormat.CSV and args.output.suffix.lower() == ".csv"  # a .csv holds one table
            result = await export(
                conn, scope, fmt, out, messages=load_messages(), tz=settings.zone, now=now, only_recommendations=single
            )
    finally:
        await db.close()
    note = "" if args.output.suffix == f".{result.extension}" else f" (a .{result.extension} file)"
    return f"wrote {result.recommendations} recommendations to {args.output}{note}"


async def _scope(conn: aiosqlite.Connection, args: argparse.Namespace, settings: Settings) -> ExportScope:
    commitment_id = None
    if args.commitment is not None:
        match = [c for c in await catalogue.list_commitments(conn) if c.number == args.commitment]
        if not match:
            raise ReportCommandError(f"the active plan has no commitment {args.commitment}")
        commitment_id = match[0].id
    if args.round_id is not None and await get_round(conn, args.round_id) is None:
        raise ReportCommandError(f"no round with id {args.round_id}")
    since = datetime.combine(args.since, time(0), settings.zone) if args.since else None
    until = datetime.combine(args.until + timedelta(days=1), time(0), settings.zone) if args.until else None
    return ExportScope(commitment_id=commitment_id, round_id=args.round_id, since=since, until=until)
