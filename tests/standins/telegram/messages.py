"""Messages: sendMessage, edits, deletions and callback answers, and the Message objects the bot gets back."""

from __future__ import annotations

import json

from .errors import NOT_MODIFIED, QUERY_INVALID, ApiError, bad
from .formatting import plain_text
from .hub import Hub
from .keyboards import validate_markup
from .limits import MAX_CALLBACK_ANSWER, MAX_TEXT
from .model import ChatMessage, Handler, Json, now
from .params import require_int
from .users import SimulatedUser


class Messages:
    """The text side of the chats: what the bot sends, edits and deletes, and the callback queries it answers."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.callback_answers: dict[str, Json] = {}
        self._queries: dict[str, bool] = {}
        self._next_query_id = 4_000_000_000_000_000_001

    def methods(self) -> dict[str, Handler]:
        """The Bot API methods of this area, by lower-case name."""
        return {
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "deletemessage": self._delete_message,
            "answercallbackquery": self._answer_callback_query,
        }

    def new_callback_query_id(self) -> str:
        """A fresh, unanswered callback query id."""
        query_id = str(self._next_query_id)
        self._next_query_id += 1
        self._queries[query_id] = False
        return query_id

    def unanswered_callback_queries(self) -> list[str]:
        """Ids of callback queries the bot has not answered yet."""
        return [query_id for query_id, answered in self._queries.items() if not answered]

    # ------------------------------------------------------------ methods

    async def _send_message(self, params: Json) -> Json:
        """sendMessage."""
        user = self.hub.target(params)
        text, entities_key = self._text_of(params, "text", MAX_TEXT)
        markup = validate_markup(params.get("reply_markup"), inline_only=False)
        check_reply(user, params)
        message = ChatMessage(user.new_message_id(), user.id, now(), from_bot=True, text=text)
        message.reply_markup, message.format_key = markup, entities_key
        return self.deliver(user, message)

    async def _edit_message_text(self, params: Json) -> Json:
        """editMessageText: the keyboard goes unless reply_markup is sent again."""
        user, message = self._editable(params)
        if message.text is None:
            raise bad("there is no text in the message to edit")
        text, entities_key = self._text_of(params, "text", MAX_TEXT)
        markup = validate_markup(params.get("reply_markup"), inline_only=True)
        _check_modified(message, (text, entities_key, markup))
        message.text, message.format_key, message.reply_markup = text, entities_key, markup
        return self._edited(user, message)

    async def _edit_message_reply_markup(self, params: Json) -> Json:
        """editMessageReplyMarkup."""
        user, message = self._editable(params)
        markup = validate_markup(params.get("reply_markup"), inline_only=True)
        _check_modified(message, (message.text, message.format_key, markup))
        message.reply_markup = markup
        return self._edited(user, message)

    async def _delete_message(self, params: Json) -> bool:
        """deleteMessage: either side's message in a private chat."""
        user = self.hub.target(params)
        message = user.find(require_int(params, "message_id"))
        if message is None:
            raise bad("message to delete not found")
        user.messages.remove(message)
        return True

    async def _answer_callback_query(self, params: Json) -> bool:
        """answerCallbackQuery: an existing query, at most once, text ≤ 200."""
        query_id = str(params.get("callback_query_id") or "")
        if self._queries.get(query_id) is not False:
            raise bad(QUERY_INVALID.removeprefix("Bad Request: "))
        text = params.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER:
            raise bad("MESSAGE_TOO_LONG")
        self._queries[query_id] = True
        self.callback_answers[query_id] = {"text": text, "show_alert": bool(params.get("show_alert"))}
        return True

    # ------------------------------------------------------------ helpers

    @staticmethod
    def _text_of(params: Json, name: str, limit: int) -> tuple[str, str | None]:
        """The visible text after parse_mode and stripping, with a key of its formatting."""
        raw = params.get(name)
        parse_mode = params.get("parse_mode")
        visible = plain_text(str(raw if raw is not None else ""), parse_mode).strip()
        if not visible:
            raise bad("message text is empty")
        if len(visible) > limit:
            raise bad("message is too long")
        entities = params.get("entities")
        return visible, (f"{parse_mode}:{raw}" if parse_mode else json.dumps(entities) if entities else None)

    def _editable(self, params: Json) -> tuple[SimulatedUser, ChatMessage]:
        """The bot message an edit refers to."""
        if params.get("inline_message_id"):
            raise bad("MESSAGE_ID_INVALID")
        user = self.hub.target(params)
        message = user.find(require_int(params, "message_id"))
        if message is None:
            raise bad("message to edit not found")
        if not message.from_bot:
            raise bad("message can't be edited")
        return user, message

    def deliver(self, user: SimulatedUser, message: ChatMessage) -> Json:
        """Add a bot message to the chat and tell waiters."""
        user.messages.append(message)
        user.events.append(message.snapshot("sent"))
        self.hub.touch()
        return self.message_json(message)

    def _edited(self, user: SimulatedUser, message: ChatMessage) -> Json:
        """Record an edit and tell waiters."""
        message.edit_date = now()
        user.events.append(message.snapshot("edited"))
        self.hub.touch()
        return self.message_json(message)

    def message_json(self, message: ChatMessage) -> Json:
        """The Message object for a chat message."""
        user = self.hub.users[message.chat_id]
        out: Json = {
            "message_id": message.message_id,
            "from": self.hub.bot_user() if message.from_bot else user.as_user(),
            "chat": user.as_chat(),
            "date": message.date,
        }
        if message.edit_date is not None:
            out["edit_date"] = message.edit_date
        if message.text is not None:
            out["text"] = message.text
        if message.entities:
            out["entities"] = message.entities
        out.update(_media_json(message))
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            out["reply_markup"] = {"inline_keyboard": message.reply_markup["inline_keyboard"]}
        return out


def check_reply(user: SimulatedUser, params: Json) -> None:
    """A reply must point at an existing message unless sending without it is allowed."""
    reply = params.get("reply_parameters") or {}
    target = reply.get("message_id") if isinstance(reply, dict) else None
    target = target or params.get("reply_to_message_id")
    allow = reply.get("allow_sending_without_reply") if isinstance(reply, dict) else False
    if target and user.find(int(target)) is None and not (allow or params.get("allow_sending_without_reply")):
        raise bad("message to be replied not found")


def _check_modified(message: ChatMessage, new: tuple[str | None, str | None, Json | None]) -> None:
    """Reject an edit that changes nothing, like the real server."""
    old = (message.text, message.format_key, message.reply_markup)
    if json.dumps(old, sort_keys=True) == json.dumps(new, sort_keys=True):
        raise ApiError(400, NOT_MODIFIED)


def _media_json(message: ChatMessage) -> Json:
    """Document, voice, audio, photo and caption fields of a Message."""
    file_id = message.file_id or ""
    ids: Json = {"file_id": file_id, "file_unique_id": f"AgAD{file_id[-8:]}"}
    out: Json = {}
    if message.document is not None:
        out["document"] = _document_json(message.document, message, ids)
    if message.voice is not None:
        voice = {"duration": message.duration or 0, "mime_type": "audio/ogg", "file_size": len(message.voice)}
        out["voice"] = {**ids, **voice}
    if message.audio is not None:
        out["audio"] = _audio_json(message.audio, message, ids)
    if message.photo is not None:
        out["photo"] = [{**ids, "width": 90, "height": 90, "file_size": len(message.photo)}]
    if message.caption:
        out["caption"] = message.caption
    return out


def _document_json(document: tuple[str, bytes], message: ChatMessage, ids: Json) -> Json:
    """The Document object: name, the size Telegram reports, and the MIME type when known."""
    name, data = document
    out: Json = {**ids, "file_name": name, "file_size": message.file_size or len(data)}
    if message.mime_type:
        out["mime_type"] = message.mime_type
    return out


def _audio_json(audio: tuple[str, bytes], message: ChatMessage, ids: Json) -> Json:
    """The Audio object of an audio file."""
    name, data = audio
    mime = message.mime_type or "audio/mpeg"
    return {**ids, "duration": message.duration or 0, "file_name": name, "mime_type": mime, "file_size": len(data)}
