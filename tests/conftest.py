"""Shared fixtures: every test gets its own SQLite file."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.core import Core
from handlers.kit import flows
from tests import watchdog
from tests.support import START, ChatDriver, RecordingTransport, make_core, settings_for


def pytest_configure(config: pytest.Config) -> None:
    """Guard every test against a hang no timeout can end (tests/watchdog.py)."""
    config.pluginmanager.register(watchdog, "hang-watchdog")


@pytest.fixture(autouse=True)
def no_settings_from_the_shell(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep a developer's OGP_* variables (a real token, another database) out of every test."""
    for name in [n for n in os.environ if n.startswith("OGP_")]:
        monkeypatch.delenv(name)
    yield


@pytest.fixture(autouse=True)
def no_log_handler_left_behind() -> Iterator[None]:
    """Take away the stderr handler a command run in this process (`main([...])`, `setup_logging`) put on the root
    logger, and its level: it writes to this test's captured stderr, which is closed once the test ends."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if type(h) is logging.StreamHandler and h not in before]:
        root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture(autouse=True)
def declared_moves_only() -> Iterator[None]:
    """Fail a test in which a handler moved a chat along an edge its flow's table does not declare, even when the
    dispatcher answered the error politely (the kit raises while checked)."""
    flows.CHECKED = True
    flows.UNDECLARED.clear()
    yield
    moves, flows.UNDECLARED[:] = list(flows.UNDECLARED), []
    assert not moves, f"undeclared moves: {moves}"


# Tests that start processes (a bot, a terminal chat, a document build) or a browser take seconds each: they run
# first, so the parallel workers share them out, instead of one worker ending the run on a long one while the others
# wait. pytest-randomly's order is kept within each group (the sort is stable and runs after the shuffle).
STARTS_PROCESSES = (
    "tests/e2e/",
    "tests/channels/test_console.py",
    "tests/bot/test_documents.py",
    "tests/bot/test_snapshot_child.py",
    "tests/test_lock.py",
    "tests/test_cli_errors.py",
    "tests/test_watchdog.py",
    "tests/public/",
    "tests/ops/",
    "tests/reports/",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the tests that start processes first, each group in the order it was shuffled into."""
    items.sort(key=lambda item: not item.nodeid.startswith(STARTS_PROCESSES))


@pytest.fixture
def clock() -> FakeClock:
    """A clock that moves only when a test says so."""
    return FakeClock(START)


@pytest.fixture
async def core_and_transport(tmp_path: Path, clock: FakeClock) -> AsyncIterator[tuple[Core, RecordingTransport]]:
    """A core on a fresh database with a recording transport."""
    core, transport = await make_core(settings_for(tmp_path), clock)
    yield core, transport
    await core.close()


@pytest.fixture
def core(core_and_transport: tuple[Core, RecordingTransport]) -> Core:
    """The core alone."""
    return core_and_transport[0]


@pytest.fixture
def transport(core_and_transport: tuple[Core, RecordingTransport]) -> RecordingTransport:
    """The recording transport alone."""
    return core_and_transport[1]


@pytest.fixture
def chat(core: Core, transport: RecordingTransport) -> ChatDriver:
    """A participant's private chat."""
    return ChatDriver(core, transport)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """Say loudly when the public site's browser tests were skipped for want of Chromium; name a failed run's order."""
    from tests.public.browser import MISSING

    seed = getattr(config.option, "randomly_seed", None)
    if seed is not None and (terminalreporter.stats.get("failed") or terminalreporter.stats.get("error")):
        terminalreporter.write_line(f"the tests ran in a random order: pytest --randomly-seed={seed} repeats it")
    skipped = terminalreporter.stats.get("skipped", [])
    if any(MISSING in str(getattr(report, "longrepr", "")) for report in skipped):
        line = "!" * 100
        for text in (line, f"!!! {MISSING}", line):
            terminalreporter.write_line(text, red=True, bold=True)
