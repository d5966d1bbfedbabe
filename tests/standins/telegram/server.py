"""The stand-in server: its lifecycle on 127.0.0.1, the routing of each call to its area, and the test-facing API."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import re
import time
from collections.abc import Callable
from types import TracebackType

from aiohttp import web

from .chat import Chat
from .errors import ApiError
from .faults import Faults
from .files import Files
from .hub import Hub
from .limits import MAX_UPLOAD_BYTES
from .messages import Messages
from .model import Handler, Json
from .params import read_params
from .updates import Updates, Webhook
from .users import SimulatedUser

_PATH_RE = re.compile(r"^/bot([^/]+)/([A-Za-z]+)$")


class BotApiStandIn:
    """A Bot API server on 127.0.0.1 with simulated users, limits, flood control and fault injection."""

    def __init__(
        self,
        token: str = "123:ABC",  # noqa: S107
        bot_username: str = "ogp_test_bot",
        *,
        bot_first_name: str = "OGP Test Bot",
        clock: Callable[[], float] = time.monotonic,
        webhook_max_attempts: int = 5,
        webhook_retry_delay: float = 0.05,
    ) -> None:
        self._hub = hub = Hub(token, bot_username, bot_first_name)
        self._updates = Updates(hub, webhook_max_attempts=webhook_max_attempts, webhook_retry_delay=webhook_retry_delay)
        self._messages = Messages(hub)
        self._files = Files(hub, self._messages)
        self._chat = Chat(hub)
        self._faults = Faults(hub, clock)
        self._methods: dict[str, Handler] = {
            **self._chat.methods(),
            **self._updates.methods(),
            **self._messages.methods(),
            **self._files.methods(),
        }
        self.token, self.bot_username, self.bot_id = token, bot_username, hub.bot_id
        self.bot_first_name = bot_first_name
        self.base_url = ""
        self.calls: list[tuple[str, Json]] = []
        self.max_upload_bytes = MAX_UPLOAD_BYTES
        self._in_flight = 0
        self._runner: web.AppRunner | None = None
        self._expose_areas()

    def _expose_areas(self) -> None:
        """The areas' own test-facing methods and records, reachable on the stand-in itself."""
        hub, updates, messages, files, chat, faults = (
            self._hub, self._updates, self._messages, self._files, self._chat, self._faults
        )  # fmt: skip
        self.blocked_users = hub.blocked_users
        self.bot_user, self.wait_for = hub.bot_user, hub.wait_for
        self.enqueue, self.redeliver = updates.enqueue, updates.redeliver
        self.webhook_attempts = updates.webhook_attempts
        self.message_json, self.callback_answers = messages.message_json, messages.callback_answers
        self.new_callback_query_id = messages.new_callback_query_id
        self.unanswered_callback_queries = messages.unanswered_callback_queries
        self.store_file, self.file_data, self.downloads = files.store_file, files.file_data, files.downloads
        self.fail_downloads, self.stall_downloads = files.fail_downloads, files.stall_downloads
        self.when_downloaded = files.when_downloaded
        self.commands = chat.commands
        self.rate_limit, self.fail_next = faults.rate_limit, faults.fail_next
        self.delay_next, self.hang_next = faults.delay_next, faults.hang_next

    # ------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> BotApiStandIn:
        """Start listening on a free port of 127.0.0.1."""
        app = web.Application(client_max_size=self.max_upload_bytes + 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}/bot"
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Wake every waiter, stop webhook delivery and close the server."""
        self._hub.closing = True
        self._hub.notify()
        await self._updates.stop_webhook()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------ test-facing API

    def user(
        self, user_id: int, first_name: str = "مستخدم", username: str | None = None, *, started: bool = False
    ) -> SimulatedUser:
        """The simulated user with that id (created on first use); the bot may write only once they started it."""
        users = self._hub.users
        if user_id not in users:
            users[user_id] = SimulatedUser(self, user_id, first_name, username, started=started)
        elif started:
            users[user_id].started = True
        return users[user_id]

    def block(self, user_id: int) -> None:
        """The user blocks the bot: every later call aimed at their chat gets 403."""
        self.blocked_users.add(user_id)

    def unblock(self, user_id: int) -> None:
        """The user unblocks the bot."""
        self.blocked_users.discard(user_id)

    @property
    def pending_updates(self) -> int:
        """Updates not yet confirmed (polling) or acknowledged (webhook)."""
        return len(self._updates.queue)

    @property
    def webhook(self) -> Webhook | None:
        """The webhook the bot set, if any: its URL, secret and last delivery error."""
        return self._updates.webhook

    async def wait_idle(self, timeout: float = 5.0, settle: float = 0.05) -> None:  # noqa: ASYNC109
        """Wait until all updates are confirmed, no request is in flight, and nothing moved for `settle`."""
        try:
            async with asyncio.timeout(timeout):
                while True:
                    await self.wait_for(self._is_idle, None)
                    activity = self._hub.activity
                    with contextlib.suppress(TimeoutError):
                        await self.wait_for(functools.partial(self._moved_since, activity), settle)
                    if self._hub.activity == activity and self._is_idle():
                        return
        except TimeoutError:
            state = f"{self.pending_updates} pending update(s), {self._in_flight} request(s) in flight"
            raise TimeoutError(f"stand-in not idle after {timeout}s: {state}") from None

    def _moved_since(self, activity: int) -> bool:
        """Whether anything happened since the activity counter had that value."""
        return self._hub.activity != activity

    def _is_idle(self) -> bool:
        """No pending update, no request being handled, no webhook post under way."""
        return self._updates.is_idle() and self._in_flight == 0

    # ------------------------------------------------------------ HTTP

    async def _handle(self, request: web.Request) -> web.Response:
        """Route /bot<token>/<method> to its handler and render the answer (and /file/bot<token>/<path>)."""
        if request.path.startswith("/file/"):
            return await self._files.download(request)
        match = _PATH_RE.match(request.path)
        if match is None:
            return _json(ApiError(404, "Not Found").body(), 404)
        if match.group(1) != self.token or self._chat.logged_out:
            return _json(ApiError(401, "Unauthorized").body(), 401)
        name = match.group(2)
        try:
            params = await read_params(request, self.max_upload_bytes)
        except ApiError as error:
            self.calls.append((name, {}))
            return _json(error.body(), error.code)
        self.calls.append((name, params))
        handler = self._methods.get(name.lower())
        if handler is None:
            return _json(ApiError(404, "Not Found").body(), 404)
        return await self._answer(name.lower(), handler, params)

    async def _answer(self, method: str, handler: Handler, params: Json) -> web.Response:
        """Run a known method, counted as in flight unless it is a long poll, and render its result or error."""
        counted = method != "getupdates"
        self._track(counted, +1)
        try:
            await self._faults.apply(method, params)
            result = await handler(params)
        except ApiError as error:
            return _json(error.body(), error.code)
        finally:
            self._track(counted, -1)
        return _json({"ok": True, "result": result}, 200)

    def _track(self, counted: bool, step: int) -> None:
        """Count in-flight requests (long polls excluded) and wake wait_idle."""
        if counted:
            self._in_flight += step
        self._hub.touch()


def _json(body: Json, status: int) -> web.Response:
    """A JSON response with Arabic left readable."""
    return web.json_response(body, status=status, dumps=lambda obj: json.dumps(obj, ensure_ascii=False))
