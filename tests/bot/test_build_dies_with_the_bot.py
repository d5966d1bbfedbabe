"""A document build does not outlive the bot: SIGKILL the bot and its build process goes too."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The bot's part, cut to the bone: start the builder as bot/documents.py does (its environment), wait until it waits
# for its job on stdin (set up, death signal included), say its pid, then die by SIGKILL. The builder's stdin is a
# pipe the test keeps open, so without the death signal it would wait for a job for ever.
BOT = """
import os, signal, subprocess, sys, time
from pathlib import Path
from bot.documents import child_environment
stdin = int(sys.argv[1])
child = subprocess.Popen(
    [sys.executable, "-m", "bot.document_build"],
    stdin=stdin,
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
    pass_fds=(stdin,),
    env=child_environment(),
)
deadline = time.monotonic() + 30
while "pipe" not in Path(f"/proc/{child.pid}/wchan").read_text():
    if time.monotonic() > deadline or child.poll() is not None:
        sys.exit("the builder never waited for its job")
    time.sleep(0.02)
print(child.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _gone(pid: int) -> bool:
    """Tell whether a process has ended (a zombie waiting to be reaped has ended too)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except FileNotFoundError:
        return True
    return state in {"Z", "X"}


def _until_gone(pid: int) -> None:
    deadline = time.monotonic() + 30
    while not _gone(pid):  # waiting for another process to end: there is nothing to wait on but its /proc entry
        assert time.monotonic() < deadline, "the build process outlived the bot"
        time.sleep(0.05)


def test_a_build_process_dies_with_the_bot() -> None:
    read_end, write_end = os.pipe()
    pid = 0
    try:
        bot = subprocess.run(  # noqa: S603 - our own code, with arguments the test chose
            [sys.executable, "-c", BOT, str(read_end)],
            capture_output=True,
            text=True,
            pass_fds=(read_end,),
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        assert bot.returncode == -9, bot.stderr  # the bot was killed, as by the OOM killer or kill -9
        pid = int(bot.stdout)
        _until_gone(pid)
    finally:
        os.close(read_end)
        os.close(write_end)  # ends a builder that outlived the bot (the test failed), as it reads EOF
        if pid and not _gone(pid):
            os.kill(pid, 9)
