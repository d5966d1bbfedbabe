"""A lean Bot API stand-in for load: only what a polling bot needs, O(1) work per call, timing every update.

tests/standins/telegram/ validates everything and wakes every waiter on every change (fine for tests,
quadratic with hundreds of simulated users); this one keeps per-chat waiters so the stand-in is not the bottleneck.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

Json = dict[str, Any]
_JSON_FIELDS = frozenset({"reply_markup", "commands", "scope", "allowed_updates"})


@dataclass
class Chat:
    """One simulated user's private chat as the stand-in sees it."""

    user_id: int
    first_name: str
    next_message_id: int = 1
    messages: dict[int, Json] = field(default_factory=dict)
    events: int = 0  # bot messages sent or edited
    last_keyboard: int | None = None  # message id of the newest bot message with buttons
    waiter: tuple[int, asyncio.Future[float]] | None = None

    def new_id(self) -> int:
        """Return the next message id (shared by both sides)."""
        self.next_message_id += 1
        return self.next_message_id - 1

    def as_user(self) -> Json:
        """Return the User object."""
        return {"id": self.user_id, "is_bot": False, "first_name": self.first_name, "language_code": "ar"}

    def as_chat(self) -> Json:
        """Return the private Chat object."""
        return {"id": self.user_id, "type": "private", "first_name": self.first_name}

    def event(self, now: float) -> None:
        """Count a bot message and wake the user when it is the one they wait for."""
        self.events += 1
        if self.waiter is not None and self.events >= self.waiter[0]:
            _, future = self.waiter
            self.waiter = None
            if not future.done():
                future.set_result(now)


class LeanStandIn:
    """getUpdates, sendMessage, editMessageText, sendDocument, answerCallbackQuery and start-up calls, on 127.0.0.1."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.base_url = ""
        self.chats: dict[int, Chat] = {}
        self.served_at: dict[int, float] = {}  # update_id -> when getUpdates first handed it out
        self.calls: dict[str, int] = {}
        self.documents: list[tuple[int, str, int, float]] = []  # chat id, file name, bytes, arrival time
        self.new_document = asyncio.Event()
        self.polling = asyncio.Event()
        self._queue: deque[tuple[int, bytes]] = deque()
        self._next_update_id = 1
        self._next_query = 1
        self._new_updates = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._closing = False

    async def __aenter__(self) -> LeanStandIn:
        """Listen on a free port."""
        app = web.Application(client_max_size=64 * 2**20)  # documents up to Telegram's 50 MB
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}/bot"
        return self

    def release(self) -> None:
        """Answer every long poll now and from now on (so a bot under test stops quickly)."""
        self._closing = True
        self._new_updates.set()

    async def __aexit__(self, *_: object) -> None:
        """Release long polls and stop listening."""
        self.release()
        if self._runner is not None:
            await self._runner.cleanup()

    def chat(self, user_id: int, first_name: str = "سلمى") -> Chat:
        """Return the chat of a user (created on first use)."""
        chat = self.chats.get(user_id)
        if chat is None:
            chat = self.chats[user_id] = Chat(user_id, first_name)
        return chat

    def expect(self, chat: Chat, count: int) -> asyncio.Future[float]:
        """Return a future that resolves (with the arrival time) once `count` more bot messages arrived."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        chat.waiter = (chat.events + count, future)
        return future

    # ------------------------------------------------------------ what users do

    def send_text(self, chat: Chat, text: str) -> int:
        """Queue a text message from the user; return its update_id."""
        message: Json = {
            "message_id": chat.new_id(),
            "from": chat.as_user(),
            "chat": chat.as_chat(),
            "date": int(time.time()),
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split(" ", 1)[0])}]
        return self._enqueue({"message": message})

    def press(self, chat: Chat, data: str) -> int:
        """Queue a callback query on the newest bot message with buttons; return its update_id."""
        message_id = chat.last_keyboard or max(chat.messages, default=0)
        message = chat.messages.get(message_id) or {"message_id": message_id, "chat": chat.as_chat(), "date": 0}
        query = {
            "id": str(self._next_query),
            "from": chat.as_user(),
            "message": message,
            "chat_instance": str(chat.user_id),
            "data": data,
        }
        self._next_query += 1
        return self._enqueue({"callback_query": query})

    def buttons(self, chat: Chat) -> list[str]:
        """Return the callback data of the newest bot message with buttons."""
        message = chat.messages.get(chat.last_keyboard or 0)
        if message is None:
            return []
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]

    def _enqueue(self, payload: Json) -> int:
        update_id = self._next_update_id
        self._next_update_id += 1
        self._queue.append((update_id, json.dumps({"update_id": update_id, **payload}).encode()))
        self._new_updates.set()
        return update_id

    # ------------------------------------------------------------ HTTP

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _answer({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        method = request.match_info["method"].lower()
        self.calls[method] = self.calls.get(method, 0) + 1
        if method == "senddocument":
            return await self._send_document(request)
        params = await _params(request)
        if method == "getupdates":
            return await self._get_updates(params)
        handler = _METHODS.get(method)
        if handler is None:
            return _answer({"ok": True, "result": True})
        try:
            result = handler(self, params)
        except LookupError as error:
            return _answer({"ok": False, "error_code": 400, "description": f"Bad Request: {error}"}, 400)
        return _answer({"ok": True, "result": result})

    async def _get_updates(self, params: Json) -> web.Response:
        self.polling.set()
        offset = int(params.get("offset") or 0)
        while self._queue and self._queue[0][0] < offset:
            self._queue.popleft()
        timeout = float(params.get("timeout") or 0)
        if not self._queue and timeout > 0 and not self._closing:
            self._new_updates.clear()
            try:
                async with asyncio.timeout(timeout):
                    await self._new_updates.wait()
            except TimeoutError:
                pass
        limit = min(int(params.get("limit") or 100), 100)
        batch = [self._queue[i] for i in range(min(limit, len(self._queue)))]
        now = time.perf_counter()
        for update_id, _ in batch:
            self.served_at.setdefault(update_id, now)
        body = b'{"ok":true,"result":[' + b",".join(raw for _, raw in batch) + b"]}"
        return web.Response(body=body, content_type="application/json")

    def _get_me(self, _: Json) -> Json:
        bot_id = int(self.token.split(":", 1)[0])
        return {"id": bot_id, "is_bot": True, "first_name": "OGP Bench", "username": "ogp_bench_bot"}

    def _send_message(self, params: Json) -> Json:
        chat = self.chats[int(params["chat_id"])]
        message: Json = {
            "message_id": chat.new_id(),
            "from": self._get_me(params),
            "chat": chat.as_chat(),
            "date": int(time.time()),
            "text": params.get("text", ""),
        }
        self._store(chat, message, params.get("reply_markup"))
        return message

    def _edit_message_text(self, params: Json) -> Json:
        chat = self.chats[int(params["chat_id"])]
        message_id = int(params["message_id"])
        old = chat.messages.get(message_id)
        if old is None:
            raise LookupError("message to edit not found")
        message = {**old, "text": params.get("text", ""), "edit_date": int(time.time())}
        message.pop("reply_markup", None)
        self._store(chat, message, params.get("reply_markup"))
        return message

    async def _send_document(self, request: web.Request) -> web.Response:
        """Take a document upload as a stream (parsing 10 MB at once would stall this process's load generator)."""
        fields: dict[str, str] = {}
        name, size = "", 0
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if isinstance(part, BodyPartReader) and part.name == "document":
                name = part.filename or ""
                while chunk := await part.read_chunk(2**20):
                    size += len(chunk)
            elif isinstance(part, BodyPartReader) and part.name:
                fields[part.name] = await part.text()
        chat = self.chats[int(fields["chat_id"])]
        file_id = f"doc-{len(self.documents) + 1}"
        message: Json = {
            "message_id": chat.new_id(),
            "from": self._get_me(fields),
            "chat": chat.as_chat(),
            "date": int(time.time()),
            "caption": fields.get("caption", ""),
            "document": {"file_id": file_id, "file_unique_id": file_id, "file_name": name},
        }
        self.documents.append((chat.user_id, name, size, time.perf_counter()))
        self.new_document.set()
        markup = fields.get("reply_markup")
        self._store(chat, message, json.loads(markup) if markup else None)
        return _answer({"ok": True, "result": message})

    def _store(self, chat: Chat, message: Json, markup: Json | None) -> None:
        if markup:
            message["reply_markup"] = markup
            chat.last_keyboard = message["message_id"]
        chat.messages[message["message_id"]] = message
        chat.event(time.perf_counter())


def _answer(body: Json, status: int = 200) -> web.Response:
    return web.Response(body=json.dumps(body).encode(), status=status, content_type="application/json")


async def _params(request: web.Request) -> Json:
    """Merge the query string with a form or JSON body; decode the JSON-valued fields."""
    params: Json = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            params.update(await request.json())
        else:
            params.update(await request.post())
    for key in _JSON_FIELDS & params.keys():
        if isinstance(params[key], str):
            params[key] = json.loads(params[key])
    return params


_METHODS = {
    "getme": LeanStandIn._get_me,
    "sendmessage": LeanStandIn._send_message,
    "editmessagetext": LeanStandIn._edit_message_text,
}
