"""`ogp-bot export` and `ogp-bot report`: the coordinators' files, written straight to disk."""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import BinaryIO

import aiosqlite

from bot.clock import SystemClock
from bot.outputs import USAGE, OutputRefused, check_new_file, check_output
from bot.settings import Settings
from handlers.kit.dates import parse_date
from messages import DEFAULT_LANGUAGE, LANGUAGES, load_messages
from reports.export import ExportFormat, export
from storage import catalogue
from storage.database import open_database
from storage.exports import ExportScope, get_round
from storage.files import FileStore


class ReportCommandError(Exception):
    """An export or report that cannot be made, with the reason to print."""


def add_report_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the export and report subcommands."""
    exp = sub.add_parser("export", help="write recommendations, status updates and milestones to a file")
    exp.add_argument(
        "--format", choices=[f.value for f in ExportFormat], help="xlsx, csv or json (default: the output's suffix)"
    )
    exp.add_argument(
        "--output",
        type=Path,
        required=True,
        help="file to write: NAME.xlsx, NAME.json, NAME.csv (the recommendations) or NAME.zip (every table as CSV)",
    )
    exp.add_argument("--commitment", type=int, help="only this commitment number of the active plan")
    exp.add_argument("--round", type=int, dest="round_id", help="only this round id")
    exp.add_argument("--since", type=_day, help="first day, 1/12/2026 or 2026-12-01 (local time)")
    exp.add_argument("--until", type=_day, help="last day, 31/12/2026 or 2026-12-31, included")
    exp.add_argument(
        "--with-files",
        action="store_true",
        help="a .zip holding the export and every voice note, attachment and evidence file its rows name",
    )
    rep = sub.add_parser("report", help="write the meeting report (.docx) on the active plan or one round")
    rep.add_argument("--output", type=Path, required=True, help="the .docx to write")
    rep.add_argument("--round", type=int, dest="round_id", help="only the input of this round id")
    both = " (JSON carries both)"  # a report is a .docx in one language
    for command, note in ((exp, both), (rep, "")):
        command.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=DEFAULT_LANGUAGE,
            help=f"the file's language: ar (right to left, the default) or en (left to right){note}",
        )


def _day(raw: str) -> date:
    """Read a day as the chat does: 1/12/2026 (as the seed writes dates) or 2026-12-01, in any digits."""
    day = parse_date(raw)
    if day is None:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a date: write it as 1/12/2026 or 2026-12-01")
    return day


# What each file name holds when --format is not given; a given --format must agree with the name.
SUFFIX_FORMATS = {
    ".xlsx": ExportFormat.XLSX,
    ".csv": ExportFormat.CSV,
    ".zip": ExportFormat.CSV,
    ".json": ExportFormat.JSON,
}


def export_format(args: argparse.Namespace) -> ExportFormat:
    """Return the format an export writes: --format, else the one its file name says (XLSX inside --with-files)."""
    if args.format is not None:
        return ExportFormat(args.format)
    if getattr(args, "with_files", False):
        return ExportFormat.XLSX
    return SUFFIX_FORMATS[args.output.suffix.lower()]


def _name_problem(args: argparse.Namespace) -> str | None:
    """Return why the output's name does not fit what would be written into it, or None."""
    suffix, name = args.output.suffix.lower(), args.output.name
    if args.command == "report":
        return None if suffix == ".docx" else f"the report is a Word file: name the output .docx, not {name!r}"
    if getattr(args, "with_files", False):
        return None if suffix == ".zip" else f"--with-files writes a .zip, not {name!r}"
    known = SUFFIX_FORMATS.get(suffix)
    if args.format is not None and (known is None or known.value != args.format):
        wanted = " or ".join(f"NAME{s}" for s, f in SUFFIX_FORMATS.items() if f.value == args.format)
        return f"--format {args.format} does not write {name!r}: name the output {wanted}"
    if known is None:
        return f"name the output .xlsx, .csv (the recommendations), .zip (every table as CSV) or .json, not {name!r}"
    return None


def request_problem(settings: Settings, args: argparse.Namespace) -> str | None:
    """Return in one line what is wrong with an export or report request before anything is opened, or None."""
    try:
        check_output(settings, args.output)  # the database's own files first, whatever their names
        check_new_file(args.output)
    except OutputRefused as error:
        return str(error)
    if (problem := _name_problem(args)) is not None:
        return problem
    if getattr(args, "since", None) and getattr(args, "until", None) and args.since > args.until:
        return "--since is after --until: give the first day, then the last"
    return None


async def run_report_command(settings: Settings, args: argparse.Namespace) -> int:
    """Run export or report; print what was written; return the exit status."""
    if (problem := request_problem(settings, args)) is not None:
        print(f"error: {problem}")
        return USAGE
    try:
        message = await _run(settings, args)
    except ReportCommandError as error:
        print(f"error: {error}")
        return 1
    print(message)
    return 0


@asynccontextmanager
async def _atomic_output(output: Path) -> AsyncIterator[BinaryIO]:
    """Yield a temporary file beside output, renamed into place once the block succeeds (never half a file)."""
    partial = output.with_name(f".{output.name}.partial")
    out = await asyncio.to_thread(partial.open, "wb")
    try:
        yield out
        out.close()
        os.replace(partial, output)
    finally:
        out.close()
        partial.unlink(missing_ok=True)


async def _run(settings: Settings, args: argparse.Namespace) -> str:
    db = await open_database(settings.database)  # brings the schema up to date; the reading is done read-only
    now = SystemClock().now()
    try:
        async with db.reader() as conn:  # a snapshot: the running bot's writes neither wait nor show halfway
            if args.command == "report":
                from reports.report_docx import build_report  # python-docx loads only when asked

                if args.round_id is not None and await get_round(conn, args.round_id) is None:
                    raise ReportCommandError(f"no round with id {args.round_id}")
                try:
                    author = settings.report_author or None
                    messages = load_messages(args.lang)
                    document = await build_report(
                        conn, round_id=args.round_id, now=now, messages=messages, tz=settings.zone, author=author
                    )
                except LookupError as error:
                    raise ReportCommandError(str(error)) from error
                async with _atomic_output(args.output) as out:
                    out.write(document)
                return f"wrote the report to {args.output}"
            scope = await _scope(conn, args, settings)  # every argument is checked before a file is opened
            fmt = export_format(args)
            if getattr(args, "with_files", False):
                return await _with_files(conn, settings, args, scope, fmt, now)
            single = fmt is ExportFormat.CSV and args.output.suffix.lower() == ".csv"  # a .csv holds one table
            archive = fmt is ExportFormat.CSV and args.output.suffix.lower() == ".zip"  # a .zip is a zip, always
            async with _atomic_output(args.output) as out:
                result = await export(
                    conn,
                    scope,
                    fmt,
                    out,
                    messages=load_messages(args.lang),
                    tz=settings.zone,
                    now=now,
                    only_recommendations=single,
                    archive=archive,
                )
    finally:
        await db.close()
    return f"wrote {result.recommendations} recommendations to {args.output}"


async def _with_files(
    conn: aiosqlite.Connection,
    settings: Settings,
    args: argparse.Namespace,
    scope: ExportScope,
    fmt: ExportFormat,
    now: datetime,
) -> str:
    from reports.export_files import export_with_files

    store = FileStore(settings.files_folder)
    async with _atomic_output(args.output) as out:
        result = await export_with_files(
            conn, scope, fmt, out, store, messages=load_messages(), tz=settings.zone, now=now
        )
    missing = f"; {result.missing} erased meanwhile" if result.missing else ""
    return f"wrote {result.export.recommendations} recommendations and {result.files} files to {args.output}{missing}"


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
