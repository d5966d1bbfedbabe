"""A last guard against a test that hangs: its threads' stacks written down, its worker ended, the stacks printed.

pytest-timeout (120 s, `timeout` in pyproject) fails a slow test gently with SIGALRM, but a signal cannot end every
hang: asyncio swallows the timeout's exception when it lands in a plain callback, and an event loop that closes
waits for a thread stuck in `asyncio.to_thread`. CI then ran on until its own limit without saying which test hung.
Here faulthandler's C thread, which needs neither the main thread nor the GIL to be free, writes every thread's
stack to a file and ends the process LIMIT seconds into any test; pytest-xdist reports the test as failed ("worker
crashed") and goes on with a new worker, and the run's summary prints the stacks.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import shutil
import tempfile
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO

import pytest

LIMIT = 200.0  # seconds: past pytest-timeout's 120, so this fires only when the gentle timeout could not
FOLDER = "TESTS_HANG_DUMPS"  # where the workers write, chosen by the process that starts them
_dump: list[IO[str]] = []


def pytest_configure(config: pytest.Config) -> None:
    """In the first process, choose the folder the stacks of a hung test are written to."""
    if not hasattr(config, "workerinput"):
        os.environ[FOLDER] = tempfile.mkdtemp(prefix="ogp-test-hangs-")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, object, object]:
    """Guard the test's set-up."""
    with _guarded(item, "set-up"):
        return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Guard the test itself."""
    with _guarded(item, "run"):
        return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    """Guard the test's tear-down: where an event loop closing waits for its threads."""
    with _guarded(item, "tear-down"):
        return (yield)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """Print the stacks of every test that hung, in the process that reports."""
    if hasattr(config, "workerinput"):
        return
    folder = Path(os.environ.get(FOLDER, ""))
    for path in sorted(folder.glob("hang-*.txt")) if folder.name else []:
        if text := path.read_text(encoding="utf-8", errors="replace").strip():
            terminalreporter.write_sep("=", "a test hung")
            terminalreporter.write_line(text)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the folder once the run is reported."""
    if not hasattr(config, "workerinput") and os.environ.get(FOLDER):
        shutil.rmtree(os.environ.pop(FOLDER), ignore_errors=True)


@contextlib.contextmanager
def _guarded(item: pytest.Item, phase: str) -> Iterator[None]:
    """Arm the dump for one phase and disarm it after; per phase, because pytest cancels any armed dump when a test
    fails (`pytest_exception_interact`), which would leave the tear-down after a timeout unguarded."""
    dump = _file()
    dump.seek(0)
    dump.truncate()
    dump.write(f"{item.nodeid}: its {phase} did not end within {LIMIT:.0f} s; its threads were:\n")
    dump.flush()
    faulthandler.dump_traceback_later(LIMIT, exit=True, file=dump)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        dump.seek(0)
        dump.truncate()


def _file() -> IO[str]:
    """This process's dump file, opened on first use (one per process: a crashed worker's stays for the report)."""
    if not _dump:
        folder = Path(os.environ.get(FOLDER) or tempfile.mkdtemp(prefix="ogp-test-hangs-"))
        _dump.append((folder / f"hang-{os.getpid()}.txt").open("w+", encoding="utf-8"))
    return _dump[0]
