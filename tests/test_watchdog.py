"""The hang guard (tests/watchdog.py): a test that no timeout can end fails in seconds, saying where it waited."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CONFTEST = """
from tests import watchdog

watchdog.LIMIT, watchdog.TASKS_AFTER = 4.0, 2.0


def pytest_configure(config):
    config.pluginmanager.register(watchdog, "hang-watchdog")
"""

TESTS = """
import asyncio


async def waits_for_ever():
    await asyncio.Event().wait()


async def test_stuck_while_the_loop_is_busy():
    loop = asyncio.get_running_loop()

    def busy():  # a callback always running: a timeout's signal would be swallowed in one
        sum(range(20_000))
        loop.call_soon(busy)

    loop.call_soon(busy)
    await waits_for_ever()


def test_fine():
    assert True
"""


def test_a_hung_test_fails_its_worker_and_the_summary_says_where_it_waited(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tmp_path / "test_hangs.py").write_text(TESTS, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    env.pop("TESTS_HANG_DUMPS", None)  # this run's own folder, not the outer run's
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-p", "no:randomly", "-p", "no:cacheprovider", "--timeout=0"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    out = done.stdout
    assert done.returncode == 1, out
    assert "1 failed, 1 passed" in out and "worker 'gw" in out and "crashed while running" in out
    hung = out[out.index("a test hung") :]
    assert "test_hangs.py::test_stuck_while_the_loop_is_busy: its run did not end within 4 s" in hung
    assert "in waits_for_ever" in hung  # the task's await chain, which a thread's stack does not show
    assert "Timeout (0:00:04)!" in hung and "Thread 0x" in hung  # faulthandler's stacks of every thread
    assert list(tmp_path.glob("ogp-test-hangs-*")) == []  # the dumps' folder is removed once reported
