"""Trouble on demand: injected failures, delays and hangs per method, and the flood control of sending methods."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import ERROR_PHRASES, ApiError, too_many
from .hub import Hub
from .model import Json
from .params import as_int

_FLOOD_METHODS = frozenset(
    {"sendmessage", "senddocument", "sendphoto", "sendvoice", "sendaudio", "editmessagetext", "editmessagereplymarkup"}
)


@dataclass
class _Fault:
    """An injected failure or delay for the next call of a method."""

    status: int = 0
    description: str = ""
    retry_after: int | None = None
    delay: float = 0.0


class Faults:
    """What goes wrong before a method runs: the faults a test queued, then the flood limits it turned on."""

    def __init__(self, hub: Hub, clock: Callable[[], float] = time.monotonic) -> None:
        self.hub = hub
        self._clock = clock
        self._faults: dict[str, deque[_Fault]] = {}
        self._overall_limit: int | None = None
        self._per_chat_rate: float | None = None
        self._per_chat_burst = 3.0
        self._sent_times: deque[float] = deque()
        self._buckets: dict[int, tuple[float, float]] = {}

    def rate_limit(
        self,
        overall_per_second: int | None = None,
        per_chat_per_second: float | None = None,
        per_chat_burst: int = 3,
    ) -> None:
        """Turn flood control on (or off with None): 429 with retry_after when exceeded."""
        self._overall_limit = overall_per_second
        self._per_chat_rate = per_chat_per_second
        self._per_chat_burst = float(per_chat_burst)
        self._sent_times.clear()
        self._buckets.clear()

    def fail_next(
        self,
        method: str,
        status: int = 502,
        count: int = 3,
        description: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        """The next `count` calls of `method` fail with that status and have no effect."""
        if status == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if status == 429
                else ERROR_PHRASES.get(status, f"Error {status}")
            )
        self._queue(method, _Fault(status=status, description=description, retry_after=retry_after), count)

    def delay_next(self, method: str, seconds: float, count: int = 1) -> None:
        """The next `count` calls of `method` are answered (and take effect) only after `seconds`."""
        self._queue(method, _Fault(delay=seconds), count)

    def hang_next(self, method: str, seconds: float, count: int = 1, status: int = 504) -> None:
        """The next `count` calls of `method` hang for `seconds`, then fail with no effect (lost on the way)."""
        fault = _Fault(status=status, description=ERROR_PHRASES.get(status, f"Error {status}"), delay=seconds)
        self._queue(method, fault, count)

    def _queue(self, method: str, fault: _Fault, count: int) -> None:
        """Queue `count` copies of a fault for the method (matched case-insensitively, as Telegram does)."""
        self._faults.setdefault(method.lower(), deque()).extend(fault for _ in range(count))

    async def apply(self, method: str, params: Json) -> None:
        """Apply the method's next injected fault, then flood control; ApiError when the call must fail."""
        queue = self._faults.get(method)
        fault = queue.popleft() if queue else None
        if fault and fault.delay:
            await self.hub.pause(fault.delay)
        if fault and fault.status:
            extra = {"retry_after": fault.retry_after} if fault.retry_after is not None else None
            raise ApiError(fault.status, fault.description, extra)
        if method in _FLOOD_METHODS:
            self._check_flood(as_int(params.get("chat_id")))

    def _check_flood(self, chat_id: Any) -> None:
        """Sliding one-second overall window and a per-chat token bucket; 429 when exceeded."""
        now = self._clock()
        if self._overall_limit is not None:
            while self._sent_times and now - self._sent_times[0] >= 1.0:
                self._sent_times.popleft()
            if len(self._sent_times) >= self._overall_limit:
                raise too_many(max(1, math.ceil(1.0 - (now - self._sent_times[0]))))
        if self._per_chat_rate is not None and isinstance(chat_id, int):
            tokens, last = self._buckets.get(chat_id, (self._per_chat_burst, now))
            tokens = min(self._per_chat_burst, tokens + (now - last) * self._per_chat_rate)
            if tokens < 1.0:
                raise too_many(max(1, math.ceil((1.0 - tokens) / self._per_chat_rate)))
            self._buckets[chat_id] = (tokens - 1.0, now)
        self._sent_times.append(now)
