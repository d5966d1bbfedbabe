"""`ogp-bot publish --output DIR`: the public site as static files, for a ministry that hosts its site elsewhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.outputs import USAGE, OutputRefused, check_new_folder, check_output
from bot.public_site import site
from bot.settings import Settings
from public.publish import PublishRefused, publish
from storage.database import open_database
from storage.files import FileStore


def add_publish_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the publish subcommand."""
    cmd = sub.add_parser("publish", help="write the public tracker and open-data files as a static site")
    cmd.add_argument("--output", type=Path, required=True, help="folder to write (created if missing)")


async def run_publish_command(settings: Settings, args: argparse.Namespace) -> int:
    """Write the static site; print where and how many files."""
    try:
        check_output(settings, args.output, folder=True)
        check_new_folder(args.output)
    except OutputRefused as error:
        print(f"error: {error}")
        return USAGE
    db = await open_database(settings.database)  # brings the schema up to date before reading
    await db.close()
    store = FileStore(settings.files_folder)  # the evidence files the pages link to
    try:
        count = await publish(settings.database, args.output, site(settings, static=True), store)
    except PublishRefused as error:
        print(f"error: {error}")
        return USAGE
    print(f"wrote {count} files to {args.output}")
    return 0
