"""Where a command may write: never onto the live database, its companion files, its lock or its files folder.

Every command that writes a path it was given (backup, restore, export, report, evidence, publish) asks here first,
before it opens anything. Paths are compared after resolving symbolic links (and, when both exist, as the same file),
so a link or a hard link to the database is refused as the database itself.
"""

from __future__ import annotations

from pathlib import Path

from bot.lock import lock_path
from bot.settings import Settings

COMPANIONS = ("-wal", "-shm", "-journal")
USAGE = 2  # the exit status of a request that cannot be right as given (argparse's own)


class OutputRefused(Exception):
    """A path a command was given that it must not write, with the one line that says why and what to do."""


def live_files(database: Path) -> list[Path]:
    """Return the database, its companion files and its lock, as they resolve."""
    real = database.resolve()
    return [real, *(Path(f"{real}{suffix}") for suffix in COMPANIONS), lock_path(real)]


def check_output(settings: Settings, output: Path, *, option: str = "--output", folder: bool = False) -> None:
    """Refuse a path to write that is (or holds, for a folder) the live database, its companions or its files."""
    real = output.resolve()
    database = settings.database.resolve()
    files = settings.files_folder.resolve()
    for live in live_files(database):
        if real == live or _same_file(output, live):
            raise OutputRefused(
                f"{option} {output} is the live database's {_what(live, database)}; choose another path"
            )
    if real == files or real.is_relative_to(files):
        raise OutputRefused(f"{option} {output} is inside the files folder {files}; choose a path outside it")
    if folder and (database.is_relative_to(real) or files.is_relative_to(real)):
        raise OutputRefused(f"{option} {output} holds the live database or its files; choose a folder of its own")


def check_new_file(output: Path, *, option: str = "--output") -> None:
    """Refuse a file path whose folder is missing, or that names a folder."""
    if output.is_dir():
        raise OutputRefused(f"{option} {output} is a folder; name the file to write")
    if not output.parent.is_dir():
        raise OutputRefused(f"{option} {output}: the folder {output.parent} does not exist; create it first")


def check_new_folder(output: Path, *, option: str = "--output") -> None:
    """Refuse a folder path that is an existing file."""
    if output.exists() and not output.is_dir():
        raise OutputRefused(f"{option} {output} is a file; name a folder (created if missing)")


def _same_file(output: Path, live: Path) -> bool:
    try:
        return output.exists() and live.exists() and output.samefile(live)
    except OSError:
        return False


def _what(live: Path, database: Path) -> str:
    return "file" if live == database else f"{live.name.removeprefix(database.name)} file"
