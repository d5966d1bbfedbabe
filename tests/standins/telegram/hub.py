"""What every area of the stand-in shares: the bot's identity, the simulated users, and waking whoever waits."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from .errors import ApiError, bad
from .model import Json

if TYPE_CHECKING:
    from .users import SimulatedUser


class Hub:
    """The shared state of one stand-in: identity, users, the activity counter and the change signal."""

    def __init__(self, token: str, bot_username: str, bot_first_name: str) -> None:
        self.token = token
        self.bot_username = bot_username
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_first_name = bot_first_name
        self.users: dict[int, SimulatedUser] = {}
        self.blocked_users: set[int] = set()
        self.activity = 0
        self.closing = False
        self._changed = asyncio.Event()

    def bot_user(self) -> Json:
        """The bot's own User object."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def target(self, params: Json) -> SimulatedUser:
        """The private chat a call is aimed at: known, started and not blocked."""
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad("chat_id is empty")
        user = self.users.get(chat_id) if isinstance(chat_id, int) else None
        if user is None or not user.started:
            raise bad("chat not found")
        if user.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return user

    def notify(self) -> None:
        """Wake every waiter (notify_all semantics, callable from synchronous code)."""
        self._changed.set()
        self._changed = asyncio.Event()

    def touch(self) -> None:
        """Count one change of state and wake every waiter."""
        self.activity += 1
        self.notify()

    async def wait_for(self, predicate: Callable[[], bool], timeout: float | None) -> None:  # noqa: ASYNC109
        """Wait until predicate() holds, re-checking on every state change; TimeoutError otherwise."""
        async with asyncio.timeout(timeout):
            while True:
                changed = self._changed
                if predicate():
                    return
                await changed.wait()

    async def pause(self, seconds: float) -> None:
        """Sleep inside the stand-in, cut short when it stops."""
        with contextlib.suppress(TimeoutError):
            await self.wait_for(lambda: self.closing, seconds)
