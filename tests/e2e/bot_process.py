"""The real bot as a separate process (`python -m bot run`), pointed at a stand-in on loopback."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path
from types import TracebackType
from typing import Self

from tests.standins.telegram import BotApiStandIn
from tests.support import process_environment

START_TIMEOUT = 30.0


def bot_environment(api: BotApiStandIn, database: Path, **extra: str) -> dict[str, str]:
    """Return the process environment: the caller's minus any OGP_* setting, plus the stand-in's."""
    ours = dict(
        OGP_TELEGRAM_TOKEN=api.token,
        OGP_TELEGRAM_API_URL=api.base_url,
        OGP_DATABASE=str(database),
        OGP_LOG_LEVEL="INFO",
        OGP_TELEGRAM_PER_CHAT_BURST="100",
        OGP_TELEGRAM_PER_CHAT_RATE="50",
        OGP_WEBHOOK_PORT="0",  # the public site's web server: a free port, never a clash between tests
        PYTHONUNBUFFERED="1",
    )
    return process_environment(**{**ours, **extra})


class ChildBot:
    """`python -m bot run` in its own process, started by start() and killed on exit whatever happened.

    A subclass says when the process is ready (`ready`): polling the Bot API, or its web server answering.
    """

    def __init__(self, env: dict[str, str], log_path: Path, timeout: float = START_TIMEOUT) -> None:
        self.env = env
        self.log_path = log_path
        self.timeout = timeout
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        """Start the process (in the log's folder, so no developer's .env is read) and wait until it is ready."""
        with self.log_path.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", env=self.env, cwd=self.log_path.parent, stdout=log, stderr=log
            )
        await self.ready()

    async def ready(self) -> None:
        """Wait until the process serves (in the subclass)."""
        raise NotImplementedError

    def exited(self) -> bool:
        """Tell whether the process has ended."""
        return self.process is not None and self.process.returncode is not None

    async def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as in a power cut."""
        assert self.process is not None
        self.process.kill()
        await self.process.wait()

    async def terminate(self) -> int:
        """SIGTERM and wait for a clean exit; return the exit code."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(self.timeout):
            return await self.process.wait()

    def log(self) -> str:
        """Return what the process logged so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.process is not None and self.process.returncode is None:
            await self.kill()


class BotProcess(ChildBot):
    """The bot on Telegram against the Bot API stand-in: ready once it polls."""

    def __init__(self, api: BotApiStandIn, database: Path, log_path: Path, **extra: str) -> None:
        super().__init__(bot_environment(api, database, **extra), log_path)
        self.api = api
        self._polls_before = 0

    async def start(self) -> None:
        """Start the process and wait until it polls."""
        self._polls_before = self._poll_count()
        await super().start()

    async def ready(self) -> None:
        """Wait for a getUpdates after the start."""
        try:
            await self.api.wait_for(lambda: self._poll_count() > self._polls_before or self.exited(), self.timeout)
        except TimeoutError:
            raise AssertionError(f"the bot did not start polling:\n{self.log()}") from None
        assert not self.exited(), f"the bot exited at start-up:\n{self.log()}"

    def _poll_count(self) -> int:
        return sum(1 for method, _ in self.api.calls if method == "getUpdates")
