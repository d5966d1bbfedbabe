"""Bot API calls as plain JSON through python-telegram-bot's HTTP layer: its errors, none of its objects.

PTB's Bot methods build objects for every argument and a TelegramObject tree from every answer (getUpdates: an
Update, Message, User and Chat per update): with the URL-encoding of the text, receiving and sending took 0.54 of
the 1.21 ms of CPU a /status update cost (README, Performance). The hot calls (getUpdates, sendMessage,
editMessageText, answerCallbackQuery) go through BaseRequest.post with dicts instead: PTB's own HTTP client,
timeouts and error mapping (RetryAfter, Forbidden, ...).
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Bot
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData
from telegram.request._requestparameter import RequestParameter

Json = dict[str, Any]
# PTB's own request lines at DEBUG, under its logger and in its words, so that logs read the same (bot/logs.py
# keeps whole updates out of them).
_PTB_LOG = logging.getLogger("telegram.Bot")


def json_data(values: Json) -> RequestData:
    """Request parameters that are JSON values already (no Telegram objects, no files)."""
    return RequestData([RequestParameter(name, value, None) for name, value in values.items() if value is not None])


class BotCalls:
    """Raw Bot API calls on a Bot's requests: one for getUpdates (the long poll), one for everything else."""

    def __init__(self, bot: Bot, updates: BaseRequest) -> None:
        self.bot = bot
        self.updates = updates

    async def call(self, method: str, params: Json, *, read_timeout: ODVInput[float] = DEFAULT_NONE) -> Any:
        """Call a Bot API method (named as the Bot API documents it); return its result as JSON."""
        return await self._post(self.bot.request, method, params, read_timeout)

    async def get_updates(self, params: Json, *, wait: float) -> list[Json]:
        """Long-poll for updates as dicts, waiting up to `wait` seconds for one; the read timeout covers the wait."""
        read_timeout = (self.updates.read_timeout or 0.0) + wait
        result = await self._post(self.updates, "getUpdates", {**params, "timeout": int(wait)}, read_timeout)
        return result if isinstance(result, list) else []

    async def _post(self, request: BaseRequest, method: str, params: Json, read_timeout: ODVInput[float]) -> Any:
        data = json_data(params)
        debug = _PTB_LOG.isEnabledFor(logging.DEBUG)
        if debug:
            _PTB_LOG.debug("Calling Bot API endpoint `%s` with parameters `%s`", method, data.parameters)
        result = await request.post(f"{self.bot.base_url}/{method}", data, read_timeout=read_timeout)
        if debug:
            _PTB_LOG.debug("Call to Bot API endpoint `%s` finished with return value `%s`", method, result)
        return result
