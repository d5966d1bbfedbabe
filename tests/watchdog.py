"""A last guard against a test that hangs: where it waited written down, its worker ended, the stacks printed.

pytest-timeout (120 s, `timeout` in pyproject) fails a slow test gently with SIGALRM, but a signal cannot end every
hang: asyncio swallows the timeout's exception when it lands in a plain callback, and an event loop that closes
waits for a thread stuck in `asyncio.to_thread`. CI then ran on until its own limit without saying which test hung.
Here, TASKS_AFTER seconds into a phase of a test, every running event loop writes where its tasks wait (a thread's
stack shows only the loop's select); at LIMIT seconds faulthandler's C thread, which needs neither the main thread nor
the GIL to be free, adds every thread's stack and ends the process. pytest-xdist reports the test as failed ("worker
crashed") and goes on with a new worker, and the run's summary prints what was written.
"""

from __future__ import annotations

import asyncio
import contextlib
import faulthandler
import gc
import os
import shutil
import tempfile
import threading
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO

import pytest

LIMIT = 200.0  # seconds: past pytest-timeout's 120, so this fires only when the gentle timeout could not
TASKS_AFTER = 180.0  # seconds: first the event loops' tasks, whose awaits a thread's stack does not show
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
    """Close this process's file; remove the folder once the run is reported."""
    while _dump:
        _dump.pop().close()
    if not hasattr(config, "workerinput") and os.environ.get(FOLDER):
        shutil.rmtree(os.environ.pop(FOLDER), ignore_errors=True)


@contextlib.contextmanager
def _guarded(item: pytest.Item, phase: str) -> Iterator[None]:
    """Arm the dump for one phase and disarm it after; per phase, because pytest cancels any armed dump when a test
    fails (`pytest_exception_interact`), which would leave the tear-down after a timeout unguarded."""
    dump = _file()
    dump.seek(0)
    dump.truncate()
    dump.write(f"{item.nodeid}: its {phase} did not end within {LIMIT:.0f} s\n")
    dump.flush()
    faulthandler.dump_traceback_later(LIMIT, exit=True, file=dump)
    tasks = threading.Timer(TASKS_AFTER, _ask_for_tasks, args=(dump,))
    tasks.daemon = True
    tasks.start()
    try:
        yield
    finally:
        tasks.cancel()
        faulthandler.cancel_dump_traceback_later()
        dump.seek(0)
        dump.truncate()


def _ask_for_tasks(dump: IO[str]) -> None:
    """Ask every running event loop to write its tasks' stacks (a loop that is blocked cannot, and writes none)."""
    loops = [o for o in gc.get_objects() if isinstance(o, asyncio.AbstractEventLoop) and o.is_running()]
    for loop in loops:
        loop.call_soon_threadsafe(_write_tasks, loop, dump)


def _write_tasks(loop: asyncio.AbstractEventLoop, dump: IO[str]) -> None:
    """Write where each task of the loop is waiting, await by await (in the loop's own thread)."""
    tasks = asyncio.all_tasks(loop)
    lines = [f"the event loop's {len(tasks)} task(s):"]
    for task in tasks:
        lines += [f"{task!r}", *_awaits(task.get_coro())]
    dump.write("\n".join(lines) + "\n\n")
    dump.flush()


def _awaits(awaitable: object) -> list[str]:
    """The chain of frames a coroutine waits in (a task's own stack shows only its outermost one)."""
    lines = []
    while awaitable is not None:
        frame = getattr(awaitable, "cr_frame", None) or getattr(awaitable, "gi_frame", None)
        if frame is not None:
            lines.append(f'  File "{frame.f_code.co_filename}", line {frame.f_lineno}, in {frame.f_code.co_name}')
        inner = getattr(awaitable, "cr_await", None) or getattr(awaitable, "gi_yieldfrom", None)
        if inner is None and frame is None:
            lines.append(f"  waiting for {awaitable!r}")
        awaitable = inner
    return lines


def _file() -> IO[str]:
    """This process's dump file, opened on first use (one per process: a crashed worker's stays for the report)."""
    if not _dump:
        folder = Path(os.environ.get(FOLDER) or tempfile.mkdtemp(prefix="ogp-test-hangs-"))
        _dump.append((folder / f"hang-{os.getpid()}.txt").open("w+", encoding="utf-8"))
    return _dump[0]
