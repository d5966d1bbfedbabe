"""Simulated users: a person in a private chat with the bot, sending, pressing and waiting for answers."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from .model import ChatMessage, Json, Upload, now, utf16_len

if TYPE_CHECKING:
    from .server import BotApiStandIn

_LEADING_COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")


class SimulatedUser:
    """A Telegram user talking to the bot in a private chat (chat.id == user.id)."""

    def __init__(
        self, api: BotApiStandIn, user_id: int, first_name: str, username: str | None, *, started: bool
    ) -> None:
        self.api = api
        self.id = user_id
        self.first_name = first_name
        self.username = username
        self.language_code = "ar"
        self.started = started
        self.messages: list[ChatMessage] = []
        self.events: list[ChatMessage] = []
        self._cursor = 0
        self._next_message_id = 1

    def as_user(self) -> Json:
        """The User object of this person."""
        out: Json = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            out["username"] = self.username
        out["language_code"] = self.language_code
        return out

    def as_chat(self) -> Json:
        """The private Chat object with this person."""
        out: Json = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.username:
            out["username"] = self.username
        return out

    def new_message_id(self) -> int:
        """The next message id in this chat (shared by both sides, like Telegram)."""
        self._next_message_id += 1
        return self._next_message_id - 1

    @property
    def chat(self) -> list[ChatMessage]:
        """The chat as the user sees it now: edits applied, deletions gone."""
        return list(self.messages)

    @property
    def last(self) -> ChatMessage:
        """The newest message from the bot."""
        for message in reversed(self.messages):
            if message.from_bot:
                return message
        raise LookupError(f"the bot has not sent anything to user {self.id} yet")

    @property
    def blocked(self) -> bool:
        """Whether this user blocked the bot."""
        return self.id in self.api.blocked_users

    def find(self, message_id: int) -> ChatMessage | None:
        """The live message with that id, if it exists."""
        return next((m for m in self.messages if m.message_id == message_id), None)

    async def send(self, text: str) -> int:
        """Send a text message to the bot; return its update_id."""
        message = ChatMessage(self.new_message_id(), self.id, now(), from_bot=False, text=text)
        command = _LEADING_COMMAND_RE.match(text)
        if command:
            message.entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(command.group(0))}]
        return await self._post(message)

    async def send_voice(self, data: bytes, duration: int, caption: str | None = None) -> int:
        """Send a voice note recorded in Telegram (OGG/Opus); return its update_id."""
        message = self._media_from_user(Upload("voice.oga", data, "audio/ogg", kind="voice"), caption)
        message.voice, message.duration, message.mime_type = data, duration, "audio/ogg"
        return await self._post(message)

    async def send_audio(self, name: str, data: bytes, duration: int, mime: str = "audio/mpeg") -> int:
        """Send an audio file (an MP3, an M4A); return its update_id."""
        message = self._media_from_user(Upload(name, data, mime, kind="audio"), None)
        message.audio, message.duration, message.mime_type = (name, data), duration, mime
        return await self._post(message)

    async def send_photo(self, data: bytes, caption: str | None = None) -> int:
        """Send a photo; return its update_id."""
        message = self._media_from_user(Upload("photo.jpg", data, "image/jpeg", kind="photo"), caption)
        message.photo = data
        return await self._post(message)

    async def send_document(
        self, name: str, data: bytes, mime: str, caption: str | None = None, *, size: int | None = None
    ) -> int:
        """Send a file as a document (size: what Telegram reports, for a file too large to make); return the id."""
        message = self._media_from_user(Upload(name, data, mime, kind="document", size=size), caption)
        message.document, message.mime_type = (name, data), mime
        return await self._post(message)

    def _media_from_user(self, upload: Upload, caption: str | None) -> ChatMessage:
        """A new message from this user carrying a file the stand-in now keeps."""
        message = ChatMessage(self.new_message_id(), self.id, now(), from_bot=False, caption=caption)
        message.file_id = self.api.store_file(upload)
        message.file_size = upload.size
        return message

    async def _post(self, message: ChatMessage) -> int:
        """Add the user's message to the chat and queue it as an update; return its update_id."""
        self.messages.append(message)
        self.started = True
        return await self.api.enqueue({"message": self.api.message_json(message)})

    async def command(self, name: str, payload: str | None = None) -> int:
        """Send /name [payload] with its bot_command entity; return the update_id."""
        return await self.send(f"/{name} {payload}" if payload else f"/{name}")

    async def press(self, label_or_data: str) -> int:
        """Press a button of the newest bot message that has it (label first, then callback_data)."""
        keyboards = [m for m in reversed(self.messages) if m.from_bot and m.buttons]
        for index in (0, 1):
            for message in keyboards:
                for button in (b for row in message.buttons for b in row):
                    if button[index] == label_or_data:
                        return await self._press_button(message, button)
        offered = [m.labels for m in keyboards]
        raise LookupError(f"no inline button {label_or_data!r} for user {self.id}; keyboards: {offered}")

    async def _press_button(self, message: ChatMessage, button: tuple[str, str | None]) -> int:
        """Emit the callback query for a pressed button."""
        if button[1] is None:
            raise LookupError(f"button {button[0]!r} has no callback_data (a URL or other button)")
        return await self.press_data(button[1], message_id=message.message_id)

    async def press_data(self, data: str, message_id: int | None = None) -> int:
        """A callback query with arbitrary (possibly forged) data; return the update_id."""
        if message_id is None:
            message_id = self.last.message_id
        message = self.find(message_id)
        if message is not None:
            message_json = self.api.message_json(message)
        else:
            message_json = {"chat": self.as_chat(), "message_id": message_id, "date": 0}
        query_id = self.api.new_callback_query_id()
        query = {
            "id": query_id,
            "from": self.as_user(),
            "message": message_json,
            "chat_instance": str(-7919 * self.id),
            "data": data,
        }
        return await self.api.enqueue({"callback_query": query})

    async def wait_messages(self, n: int = 1, timeout: float = 5.0) -> list[ChatMessage]:  # noqa: ASYNC109
        """Wait for n new outgoing events (sent or edited messages) since the last wait."""
        try:
            await self.api.wait_for(lambda: len(self.events) - self._cursor >= n, timeout)
        except TimeoutError:
            raise TimeoutError(self._timeout_report(n, timeout)) from None
        batch = self.events[self._cursor : self._cursor + n]
        self._cursor += n
        return batch

    def _timeout_report(self, n: int, timeout: float) -> str:
        """A dump of what happened, for a failed wait."""
        arrived = self.events[self._cursor :]
        lines = [f"user {self.id}: expected {n} new bot message(s) within {timeout}s, got {len(arrived)}"]
        lines += [f"  new {m.event}: #{m.message_id} {m.text or m.caption!r} {m.labels}" for m in arrived]
        lines.append("chat so far:")
        lines += [
            f"  {'bot ' if m.from_bot else 'user'} #{m.message_id}: {m.text or m.caption!r} {m.labels}"
            for m in self.messages[-10:]
        ]
        lines.append("last API calls:")
        lines += [f"  {method} {_short(params)}" for method, params in self.api.calls[-10:]]
        lines.append(f"unanswered callback queries: {self.api.unanswered_callback_queries()}")
        return "\n".join(lines)


def _short(params: Json) -> str:
    """A one-line rendering of call parameters for error reports."""
    text = json.dumps(params, ensure_ascii=False, default=repr)
    return text if len(text) <= 200 else text[:200] + "…"
