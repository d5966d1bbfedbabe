"""A local stand-in for the Telegram Bot API that python-telegram-bot can talk to over HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import dataclasses
import functools
import html
import json
import math
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

Json = dict[str, Any]
Handler = Callable[[Json], Awaitable[Any]]

# Limits of the real service (Bot API 10.x); see the project's platform-limits notes.
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_BUTTONS = 100
MAX_BUTTONS_PER_ROW = 8
MAX_CALLBACK_ANSWER = 200
MAX_COMMANDS = 100
MAX_COMMAND_DESCRIPTION = 256
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # getFile refuses larger files ("file is too big")
MAX_UPDATES_LIMIT = 100

_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
_LEADING_COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_PATH_RE = re.compile(r"^/bot([^/]+)/([A-Za-z]+)$")
_FILE_PATH_RE = re.compile(r"^/file/bot([^/]+)/(.+)$")

_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "commands",
        "scope",
        "entities",
        "caption_entities",
        "allowed_updates",
        "link_preview_options",
        "reply_parameters",
    }
)
_INT_FIELDS = frozenset(
    {"message_id", "offset", "limit", "timeout", "cache_time", "max_connections", "reply_to_message_id"}
)
_BOOL_FIELDS = frozenset(
    {
        "drop_pending_updates",
        "show_alert",
        "disable_notification",
        "protect_content",
        "disable_content_type_detection",
        "allow_sending_without_reply",
        "has_spoiler",
    }
)
_FLOOD_METHODS = frozenset(
    {"sendmessage", "senddocument", "sendphoto", "sendvoice", "sendaudio", "editmessagetext", "editmessagereplymarkup"}
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_SCOPE_TYPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
_BUTTON_ACTIONS = frozenset(
    {
        "callback_data",
        "url",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
_ERROR_PHRASES = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_WEBHOOK_ACTIVE = "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status, description and optional parameters."""

    def __init__(self, code: int, description: str, parameters: Json | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def body(self) -> Json:
        """The JSON body the real server sends for this error."""
        out: Json = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            out["parameters"] = self.parameters
        return out


def _bad(description: str) -> ApiError:
    """A 400 Bad Request error."""
    return ApiError(400, f"Bad Request: {description}")


def _too_many(retry_after: int) -> ApiError:
    """A 429 flood-control error."""
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})


# ---------------------------------------------------------------- formatted text


def _byte_offset(text: str, index: int) -> int:
    """UTF-8 byte offset of a character index, as Telegram reports it."""
    return len(text[:index].encode())


_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>")
_HTML_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


def _parse_html(text: str) -> str:
    """Plain text of a parse_mode=HTML message, or the error the real parser gives."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "<":
            i = _html_tag(text, i, stack)
            continue
        entity = _HTML_ENTITY_RE.match(text, i) if text[i] == "&" else None
        if entity:
            out.append(html.unescape(entity.group(0)))
            i = entity.end()
            continue
        out.append(text[i])
        i += 1
    if stack:
        raise _bad(f"can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\"")
    return "".join(out)


def _html_tag(text: str, i: int, stack: list[str]) -> int:
    """Check one tag starting at i against the tag stack; return the index after it."""
    match = _TAG_RE.match(text, i)
    if match is None:
        raise _bad(f"can't parse entities: Unclosed start tag at byte offset {_byte_offset(text, i)}")
    closing, name = match.group(1), match.group(2).lower()
    if name not in _HTML_TAGS:
        kind = "end" if closing else "start"
        raise _bad(f'can\'t parse entities: Unsupported {kind} tag "{name}" at byte offset {_byte_offset(text, i)}')
    if not closing:
        stack.append(name)
    elif not stack or stack[-1] != name:
        expected = f'"</{stack[-1]}>"' if stack else "nothing"
        raise _bad(
            f"can't parse entities: Unmatched end tag at byte offset {_byte_offset(text, i)}, "
            f'expected {expected}, found "</{name}>"'
        )
    else:
        stack.pop()
    return match.end()


_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!\\")
_MDV2_NAMES = {
    "*": "Bold",
    "_": "Italic",
    "__": "Underline",
    "~": "Strikethrough",
    "||": "Spoiler",
    "[": "TextUrl",
}


def _parse_markdown_v2(text: str) -> str:
    """Plain text of a parse_mode=MarkdownV2 message, or the error the real parser gives."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and 0 < ord(text[i + 1]) <= 126:
            out.append(text[i + 1])
            i += 2
        elif char == "`":
            i = _mdv2_code(text, i, out)
        elif char == ">" and (i == 0 or text[i - 1] == "\n"):
            i += 1  # a block quote runs to the end of the line and needs no closing marker
        elif char == "]" and stack and stack[-1][0] == "[":
            stack.pop()
            i = _mdv2_link_target(text, i + 1)
        elif char in "*_~|[" and not (char == "|" and text[i : i + 2] != "||"):
            i = _mdv2_marker(text, i, stack)
        elif char in _MDV2_RESERVED:
            raise _bad(
                f"can't parse entities: Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            out.append(char)
            i += 1
    if stack:
        marker, start = stack[-1]
        raise _bad(
            f"can't parse entities: Can't find end of {_MDV2_NAMES[marker]} entity at byte offset "
            f"{_byte_offset(text, start)}"
        )
    return "".join(out)


def _mdv2_marker(text: str, i: int, stack: list[tuple[str, int]]) -> int:
    """Open or close a MarkdownV2 entity marker at i; return the index after it."""
    marker = text[i : i + 2] if text[i : i + 2] in ("__", "||") else text[i]
    if stack and stack[-1][0] == marker and marker != "[":
        stack.pop()
    else:
        stack.append((marker, i))
    return i + len(marker)


def _mdv2_code(text: str, i: int, out: list[str]) -> int:
    """Skip a `code` or ```pre``` entity starting at i, keeping its text; return the index after it."""
    fence = "```" if text.startswith("```", i) else "`"
    j = i + len(fence)
    while j < len(text):
        if text[j] == "\\" and j + 1 < len(text):
            out.append(text[j + 1])
            j += 2
        elif text.startswith(fence, j):
            return j + len(fence)
        else:
            out.append(text[j])
            j += 1
    name = "Pre" if fence == "```" else "Code"
    raise _bad(f"can't parse entities: Can't find end of {name} entity at byte offset {_byte_offset(text, i)}")


def _mdv2_link_target(text: str, i: int) -> int:
    """Skip the (url) after a link's closing bracket; return the index after it."""
    if i >= len(text) or text[i] != "(":
        return i
    j = i + 1
    while j < len(text) and text[j] != ")":
        j += 2 if text[j] == "\\" else 1
    if j >= len(text):
        raise _bad(f"can't parse entities: Can't find end of a URL at byte offset {_byte_offset(text, i)}")
    return j + 1


def _parse_markdown(text: str) -> str:
    """Plain text of a legacy parse_mode=Markdown message, or the real parser's error."""
    out: list[str] = []
    open_at: tuple[str, int] | None = None
    for i, char in enumerate(text):
        if open_at is None and char in "*_`[":
            open_at = ("]" if char == "[" else char, i)
        elif open_at is not None and char == open_at[0]:
            open_at = None
        else:
            out.append(char)
    if open_at is not None:
        offset = _byte_offset(text, open_at[1])
        raise _bad(f"can't parse entities: Can't find end of the entity starting at byte offset {offset}")
    return "".join(out)


def _plain_text(text: str, parse_mode: str | None) -> str:
    """The text a user sees once the parse mode is applied."""
    if not parse_mode:
        return text
    parsers = {"html": _parse_html, "markdownv2": _parse_markdown_v2, "markdown": _parse_markdown}
    parser = parsers.get(parse_mode.lower())
    if parser is None:
        raise _bad(f"unsupported parse_mode {parse_mode}")
    return parser(text)


# ---------------------------------------------------------------- validation


def _validate_markup(markup: Any, *, inline_only: bool) -> Json | None:
    """Check a reply_markup the way the real server does; return it normalised."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise _bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _validate_inline_keyboard(markup["inline_keyboard"])
    elif inline_only:
        raise _bad("inline keyboard expected")
    elif "keyboard" in markup:
        _validate_reply_keyboard(markup["keyboard"])
    elif not markup.get("remove_keyboard") and not markup.get("force_reply"):
        raise _bad("can't parse reply keyboard markup JSON object")
    return markup


def _validate_inline_keyboard(rows: Any) -> None:
    """Enforce the inline keyboard limits: ≤ 100 buttons, ≤ 8 per row, valid buttons."""
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    if sum(len(row) for row in rows) > MAX_INLINE_BUTTONS or any(len(r) > MAX_BUTTONS_PER_ROW for r in rows):
        raise _bad("reply markup is too long")
    for row in rows:
        for button in row:
            _validate_inline_button(button)


def _validate_inline_button(button: Any) -> None:
    """One inline button: non-empty text, exactly one action, callback_data of 1–64 bytes."""
    if not isinstance(button, dict):
        raise _bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    if not str(button.get("text", "")).strip():
        raise _bad("BUTTON_TEXT_INVALID")
    actions = [key for key in button if key in _BUTTON_ACTIONS]
    if len(actions) != 1:
        raise _bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
            raise _bad("BUTTON_DATA_INVALID")
    if "url" in button and urlsplit(str(button["url"])).scheme not in ("http", "https", "tg"):
        raise _bad("BUTTON_URL_INVALID")


def _validate_reply_keyboard(rows: Any) -> None:
    """A reply keyboard: rows of buttons with non-empty text."""
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad("can't parse reply keyboard markup JSON object")
    for row in rows:
        for button in row:
            label = button.get("text") if isinstance(button, dict) else button
            if not str(label or "").strip():
                raise _bad("BUTTON_TEXT_INVALID")


def _validate_commands(commands: Any) -> list[tuple[str, str]]:
    """setMyCommands' list: ≤ 100 commands of a-z0-9_ (1–32) with a description of 1–256."""
    if not isinstance(commands, list):
        raise _bad("can't parse commands JSON object")
    if len(commands) > MAX_COMMANDS:
        raise _bad("too many commands specified")
    out: list[tuple[str, str]] = []
    for item in commands:
        if not isinstance(item, dict) or "command" not in item or "description" not in item:
            raise _bad('can\'t parse BotCommand: Can\'t find field "command" or "description"')
        name, description = str(item["command"]), str(item["description"]).strip()
        if not _COMMAND_RE.match(name):
            raise _bad("BOT_COMMAND_INVALID")
        if not description:
            raise _bad("command description must be non-empty")
        if len(description) > MAX_COMMAND_DESCRIPTION:
            raise _bad("command description is too long")
        out.append((name, description))
    return out


def _scope_key(scope: Any) -> tuple[Any, ...]:
    """A hashable key for a BotCommandScope (dict, type name or PTB object); validates it."""
    if scope is None:
        return ("default",)
    if isinstance(scope, str):
        scope = {"type": scope}
    elif hasattr(scope, "to_dict"):
        scope = scope.to_dict()
    if not isinstance(scope, dict) or scope.get("type") not in _SCOPE_TYPES:
        raise _bad("unsupported bot command scope type")
    kind = scope["type"]
    if kind in ("chat", "chat_administrators", "chat_member") and "chat_id" not in scope:
        raise _bad("chat_id is empty")
    if kind == "chat_member" and "user_id" not in scope:
        raise _bad("user_id is empty")
    return (kind, _as_int(scope.get("chat_id")), _as_int(scope.get("user_id")))


def _as_int(value: Any) -> Any:
    """An int when the value is an integer or an integer string, else the value unchanged."""
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return value


def _decode_params(raw: dict[str, Any]) -> Json:
    """Turn form values into typed values: JSON-encoded objects, integers and booleans."""
    out: Json = {}
    for key, value in raw.items():
        if not isinstance(value, str):
            out[key] = value
        elif key in _JSON_FIELDS:
            try:
                out[key] = json.loads(value)
            except ValueError as exc:
                raise _bad(f"can't parse {key} JSON object") from exc
        elif key in _INT_FIELDS:
            out[key] = _to_number(key, value)
        elif key in _BOOL_FIELDS:
            out[key] = value.strip().lower() in ("true", "1")
        elif key in ("chat_id", "user_id"):
            out[key] = _as_int(value)
        else:
            out[key] = value
    return out


def _to_number(key: str, value: str) -> int:
    """An integer form field; the real server rejects anything else."""
    try:
        return int(float(value))
    except ValueError as exc:
        raise _bad(f"wrong parameter {key} in request") from exc


# ---------------------------------------------------------------- data model


@dataclass(frozen=True)
class Upload:
    """An uploaded file: its name, bytes and content type (and, once stored, the kind its file_id is for)."""

    filename: str
    data: bytes
    content_type: str = "application/octet-stream"
    kind: str = "document"  # document, photo, voice, audio: a file_id is valid only for its own kind
    size: int | None = None  # what Telegram reports, when it differs from len(data) (a test's large file)


@dataclass
class ChatMessage:
    """A message in a simulated private chat, as the user sees it."""

    message_id: int
    chat_id: int
    date: int
    from_bot: bool
    text: str | None = None
    caption: str | None = None
    reply_markup: Json | None = None
    document: tuple[str, bytes] | None = None
    photo: bytes | None = None
    entities: list[Json] | None = None
    format_key: str | None = None
    edit_date: int | None = None
    event: str = "sent"
    file_id: str | None = None
    voice: bytes | None = None
    audio: tuple[str, bytes] | None = None
    duration: int | None = None
    mime_type: str | None = None
    file_size: int | None = None  # the size Telegram reports (by default the bytes' length)

    @property
    def buttons(self) -> list[list[tuple[str, str | None]]]:
        """The inline keyboard as rows of (label, callback_data); callback_data is None for URL buttons."""
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [[(str(b.get("text")), b.get("callback_data")) for b in row] for row in rows]

    @property
    def labels(self) -> list[str]:
        """Every inline button label, row by row."""
        return [label for row in self.buttons for label, _ in row]

    @property
    def reply_keyboard(self) -> list[list[str]]:
        """The labels of a reply (custom) keyboard sent with this message."""
        rows = (self.reply_markup or {}).get("keyboard") or []
        return [[b.get("text", "") if isinstance(b, dict) else str(b) for b in row] for row in rows]

    def snapshot(self, event: str) -> ChatMessage:
        """A frozen copy of the message as it is now, tagged "sent" or "edited"."""
        return dataclasses.replace(self, reply_markup=copy.deepcopy(self.reply_markup), event=event)


@dataclass
class _Entry:
    """An update waiting to be confirmed (polling) or acknowledged (webhook)."""

    update_id: int
    update: Json
    delivered: bool = False
    redelivery: bool = False


@dataclass
class _Fault:
    """An injected failure or delay for the next call of a method."""

    status: int = 0
    description: str = ""
    retry_after: int | None = None
    delay: float = 0.0


@dataclass
class _Webhook:
    """The active webhook and its delivery machinery."""

    url: str
    secret: str | None
    max_connections: int
    session: aiohttp.ClientSession
    task: asyncio.Task[None] | None = None
    last_error: tuple[int, str] | None = None


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
        message = ChatMessage(self.new_message_id(), self.id, _now(), from_bot=False, text=text)
        command = _LEADING_COMMAND_RE.match(text)
        if command:
            message.entities = [{"type": "bot_command", "offset": 0, "length": _utf16_len(command.group(0))}]
        self.messages.append(message)
        self.started = True
        return await self.api.enqueue({"message": self.api.message_json(message)})

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
        message = ChatMessage(self.new_message_id(), self.id, _now(), from_bot=False, caption=caption)
        message.file_id = self.api.store_file(upload)
        message.file_size = upload.size
        return message

    async def _post(self, message: ChatMessage) -> int:
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


def _now() -> int:
    """Unix time in whole seconds, like Telegram's date fields."""
    return int(time.time())


def _utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


# ---------------------------------------------------------------- the server


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
        self.token = token
        self.bot_username = bot_username
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_first_name = bot_first_name
        self.base_url = ""
        self.calls: list[tuple[str, Json]] = []
        self.callback_answers: dict[str, Json] = {}
        self.webhook_attempts: list[tuple[int, int | None]] = []
        self.blocked_users: set[int] = set()
        self.max_upload_bytes = MAX_UPLOAD_BYTES
        self.webhook_max_attempts = webhook_max_attempts
        self.webhook_retry_delay = webhook_retry_delay
        self._clock = clock
        self._users: dict[int, SimulatedUser] = {}
        self._history: dict[int, Json] = {}
        self._queue: list[_Entry] = []
        self._next_update_id = 850_000_001
        self._next_query_id = 4_000_000_000_000_000_001
        self._next_file = 1
        self._queries: dict[str, bool] = {}
        self._commands: dict[tuple[tuple[Any, ...], str], list[tuple[str, str]]] = {}
        self._files: dict[str, Upload] = {}
        self._file_paths: dict[str, str] = {}  # getFile's file_path -> file_id
        self._download_faults: deque[int] = deque()
        self._download_stalls = 0
        self.downloads: list[str] = []  # file_paths downloaded, in order
        self._faults: dict[str, deque[_Fault]] = {}
        self._overall_limit: int | None = None
        self._per_chat_rate: float | None = None
        self._per_chat_burst = 3.0
        self._sent_times: deque[float] = deque()
        self._buckets: dict[int, tuple[float, float]] = {}
        self._allowed_updates: set[str] | None = None
        self._webhook: _Webhook | None = None
        self._delivering = False
        self._in_flight = 0
        self._activity = 0
        self._poll_generation = 0
        self._logged_out = False
        self._closing = False
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._methods: dict[str, Handler] = self._method_table()

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
        self._closing = True
        self._notify()
        await self._stop_webhook()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------ test-facing API

    def user(
        self, user_id: int, first_name: str = "مستخدم", username: str | None = None, *, started: bool = False
    ) -> SimulatedUser:
        """The simulated user with that id (created on first use); the bot may write only once they started it."""
        if user_id not in self._users:
            self._users[user_id] = SimulatedUser(self, user_id, first_name, username, started=started)
        elif started:
            self._users[user_id].started = True
        return self._users[user_id]

    def block(self, user_id: int) -> None:
        """The user blocks the bot: every later call aimed at their chat gets 403."""
        self.blocked_users.add(user_id)

    def unblock(self, user_id: int) -> None:
        """The user unblocks the bot."""
        self.blocked_users.discard(user_id)

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
                else _ERROR_PHRASES.get(status, f"Error {status}")
            )
        fault = _Fault(status=status, description=description, retry_after=retry_after)
        self._faults.setdefault(method.lower(), deque()).extend(fault for _ in range(count))

    def delay_next(self, method: str, seconds: float, count: int = 1) -> None:
        """The next `count` calls of `method` are answered (and take effect) only after `seconds`."""
        self._faults.setdefault(method.lower(), deque()).extend(_Fault(delay=seconds) for _ in range(count))

    def hang_next(self, method: str, seconds: float, count: int = 1, status: int = 504) -> None:
        """The next `count` calls of `method` hang for `seconds`, then fail with no effect (lost on the way)."""
        fault = _Fault(status=status, description=_ERROR_PHRASES.get(status, f"Error {status}"), delay=seconds)
        self._faults.setdefault(method.lower(), deque()).extend(fault for _ in range(count))

    def fail_downloads(self, count: int, status: int = 502) -> None:
        """The next `count` file downloads (GET /file/bot<token>/...) fail with that status."""
        self._download_faults.extend([status] * count)

    def stall_downloads(self, count: int) -> None:
        """The next `count` file downloads never answer (until the stand-in stops)."""
        self._download_stalls += count

    def file_data(self, file_id: str) -> bytes:
        """The bytes stored under a file_id (sent by a user, or uploaded by the bot)."""
        return self._files[file_id].data

    def redeliver(self, update_id: int) -> None:
        """Queue an already-delivered update again, as Telegram does after a lost confirmation."""
        if update_id not in self._history:
            raise ValueError(f"unknown update_id {update_id}")
        if any(e.update_id == update_id and not e.delivered for e in self._queue):
            raise ValueError(f"update {update_id} has not been delivered yet")
        self._queue.append(_Entry(update_id, self._history[update_id], redelivery=True))
        self._queue.sort(key=lambda e: e.update_id)
        self._activity += 1
        self._notify()

    def unanswered_callback_queries(self) -> list[str]:
        """Ids of callback queries the bot has not answered yet."""
        return [query_id for query_id, answered in self._queries.items() if not answered]

    def commands(self, scope: Any = None, language_code: str | None = None) -> list[tuple[str, str]]:
        """The (command, description) pairs setMyCommands stored for that scope and language."""
        return list(self._commands.get((_scope_key(scope), language_code or ""), []))

    @property
    def pending_updates(self) -> int:
        """Updates not yet confirmed (polling) or acknowledged (webhook)."""
        return len(self._queue)

    async def wait_idle(self, timeout: float = 5.0, settle: float = 0.05) -> None:  # noqa: ASYNC109
        """Wait until all updates are confirmed, no request is in flight, and nothing moved for `settle`."""
        try:
            async with asyncio.timeout(timeout):
                while True:
                    await self.wait_for(self._is_idle, None)
                    activity = self._activity
                    with contextlib.suppress(TimeoutError):
                        await self.wait_for(functools.partial(self._moved_since, activity), settle)
                    if self._activity == activity and self._is_idle():
                        return
        except TimeoutError:
            state = f"{len(self._queue)} pending update(s), {self._in_flight} request(s) in flight"
            raise TimeoutError(f"stand-in not idle after {timeout}s: {state}") from None

    def _moved_since(self, activity: int) -> bool:
        """Whether anything happened since the activity counter had that value."""
        return self._activity != activity

    async def wait_for(self, predicate: Callable[[], bool], timeout: float | None) -> None:  # noqa: ASYNC109
        """Wait until predicate() holds, re-checking on every state change; TimeoutError otherwise."""
        async with asyncio.timeout(timeout):
            while True:
                changed = self._changed
                if predicate():
                    return
                await changed.wait()

    # ------------------------------------------------------------ updates

    async def enqueue(self, payload: Json) -> int:
        """Create an update from a simulated user's action; return its update_id."""
        update_id = self._next_update_id
        self._next_update_id += 1
        update = {"update_id": update_id, **payload}
        self._history[update_id] = update
        kind = next(iter(payload))
        if self._allowed_updates is None or kind in self._allowed_updates:
            self._queue.append(_Entry(update_id, update))
        self._activity += 1
        self._notify()
        return update_id

    def _is_idle(self) -> bool:
        """No pending update, no request being handled, no webhook post under way."""
        return not self._queue and self._in_flight == 0 and not self._delivering

    def _notify(self) -> None:
        """Wake every waiter (notify_all semantics, callable from synchronous code)."""
        self._changed.set()
        self._changed = asyncio.Event()

    def _confirm(self, offset: int | None) -> None:
        """Forget updates below offset (negative: keep only the last -offset)."""
        if offset is None:
            return
        if offset < 0:
            self._queue = self._queue[offset:]
            return
        self._queue = [e for e in self._queue if e.update_id >= offset or (e.redelivery and not e.delivered)]

    def new_callback_query_id(self) -> str:
        """A fresh, unanswered callback query id."""
        query_id = str(self._next_query_id)
        self._next_query_id += 1
        self._queries[query_id] = False
        return query_id

    # ------------------------------------------------------------ HTTP

    async def _handle(self, request: web.Request) -> web.Response:
        """Route /bot<token>/<method> to its handler and render the answer (and /file/bot<token>/<path>)."""
        if request.path.startswith("/file/"):
            return await self._download(request)
        match = _PATH_RE.match(request.path)
        if match is None:
            return _json(ApiError(404, "Not Found").body(), 404)
        if match.group(1) != self.token or self._logged_out:
            return _json(ApiError(401, "Unauthorized").body(), 401)
        name = match.group(2)
        try:
            params = await self._read_params(request)
        except ApiError as error:
            self.calls.append((name, {}))
            return _json(error.body(), error.code)
        self.calls.append((name, params))
        handler = self._methods.get(name.lower())
        if handler is None:
            return _json(ApiError(404, "Not Found").body(), 404)
        counted = name.lower() != "getupdates"
        self._track(counted, +1)
        try:
            result = await self._run(name.lower(), handler, params)
        except ApiError as error:
            return _json(error.body(), error.code)
        finally:
            self._track(counted, -1)
        return _json({"ok": True, "result": result}, 200)

    async def _download(self, request: web.Request) -> web.Response:
        """GET /file/bot<token>/<file_path>: the bytes of a file getFile pointed to."""
        match = _FILE_PATH_RE.match(request.path)
        if request.method != "GET" or match is None or match.group(1) != self.token:
            return web.Response(status=404, text="Not Found")
        file_id = self._file_paths.get(match.group(2))
        if file_id is None:
            return web.Response(status=404, text="Not Found")
        if self._download_faults:
            return web.Response(status=self._download_faults.popleft(), text="injected failure")
        if self._download_stalls:
            self._download_stalls -= 1
            await self.wait_for(lambda: self._closing, None)
            return web.Response(status=503, text="stopped")
        self.downloads.append(match.group(2))
        return web.Response(body=self._files[file_id].data, content_type="application/octet-stream")

    def _track(self, counted: bool, step: int) -> None:
        """Count in-flight requests (long polls excluded) and wake wait_idle."""
        if counted:
            self._in_flight += step
        self._activity += 1
        self._notify()

    async def _run(self, method: str, handler: Handler, params: Json) -> Any:
        """Apply injected faults and flood control, then the method itself."""
        queue = self._faults.get(method)
        fault = queue.popleft() if queue else None
        if fault and fault.delay:
            await self._pause(fault.delay)
        if fault and fault.status:
            extra = {"retry_after": fault.retry_after} if fault.retry_after is not None else None
            raise ApiError(fault.status, fault.description, extra)
        if method in _FLOOD_METHODS:
            self._check_flood(_as_int(params.get("chat_id")))
        return await handler(params)

    async def _read_params(self, request: web.Request) -> Json:
        """Query string plus a JSON, form-encoded or multipart body, decoded into typed values."""
        raw: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError as exc:
                    raise _bad("can't parse JSON object") from exc
                if not isinstance(body, dict):
                    raise _bad("can't parse JSON object")
                raw.update(body)
            elif request.content_type == "multipart/form-data":
                raw.update(await self._read_multipart(request))
            else:
                raw.update((k, v) for k, v in (await request.post()).items() if isinstance(v, str))
        return _decode_params(raw)

    async def _read_multipart(self, request: web.Request) -> dict[str, Any]:
        """Fields and files of a multipart body; files over the upload limit get 413."""
        out: dict[str, Any] = {}
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
                continue
            if part.filename is None:
                out[part.name] = await part.text()
                continue
            data = bytes(await part.read(decode=False))
            if len(data) > self.max_upload_bytes:
                raise ApiError(413, "Request Entity Too Large")
            content_type = part.headers.get("Content-Type", "application/octet-stream")
            out[part.name] = Upload(part.filename, data, content_type)
        return out

    async def _pause(self, seconds: float) -> None:
        """Sleep inside the stand-in, cut short when it stops."""
        with contextlib.suppress(TimeoutError):
            await self.wait_for(lambda: self._closing, seconds)

    def _check_flood(self, chat_id: Any) -> None:
        """Sliding one-second overall window and a per-chat token bucket; 429 when exceeded."""
        now = self._clock()
        if self._overall_limit is not None:
            while self._sent_times and now - self._sent_times[0] >= 1.0:
                self._sent_times.popleft()
            if len(self._sent_times) >= self._overall_limit:
                raise _too_many(max(1, math.ceil(1.0 - (now - self._sent_times[0]))))
        if self._per_chat_rate is not None and isinstance(chat_id, int):
            tokens, last = self._buckets.get(chat_id, (self._per_chat_burst, now))
            tokens = min(self._per_chat_burst, tokens + (now - last) * self._per_chat_rate)
            if tokens < 1.0:
                raise _too_many(max(1, math.ceil((1.0 - tokens) / self._per_chat_rate)))
            self._buckets[chat_id] = (tokens - 1.0, now)
        self._sent_times.append(now)

    # ------------------------------------------------------------ methods

    def _method_table(self) -> dict[str, Handler]:
        """Bot API method name (lower case, as the real server matches it) → handler."""
        return {
            "getme": self._get_me,
            "logout": self._log_out,
            "close": self._close,
            "getupdates": self._get_updates,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "deletemessage": self._delete_message,
            "answercallbackquery": self._answer_callback_query,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "senddocument": self._send_document,
            "sendphoto": self._send_photo,
            "sendvoice": self._send_voice,
            "sendaudio": self._send_audio,
            "getfile": self._get_file,
            "sendchataction": self._send_chat_action,
        }

    def bot_user(self) -> Json:
        """The bot's own User object."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    async def _get_me(self, params: Json) -> Json:
        """getMe."""
        return {
            **self.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _log_out(self, params: Json) -> bool:
        """logOut: later calls are unauthorised, as after logging out of the cloud server."""
        self._logged_out = True
        return True

    async def _close(self, params: Json) -> bool:
        """close."""
        return True

    async def _get_updates(self, params: Json) -> list[Json]:
        """Long polling: unconfirmed updates, waiting up to `timeout` seconds for the first one."""
        self._reject_if_webhook(_WEBHOOK_ACTIVE)
        self._poll_generation += 1
        generation = self._poll_generation
        self._confirm(params.get("offset"))
        self._set_allowed_updates(params.get("allowed_updates"))
        limit = min(max(int(params.get("limit") or MAX_UPDATES_LIMIT), 1), MAX_UPDATES_LIMIT)
        self._activity += 1
        self._notify()  # an older poll still waiting is now superseded
        with contextlib.suppress(TimeoutError):
            await self.wait_for(
                lambda: (
                    bool(self._queue)
                    or self._closing
                    or self._webhook is not None
                    or generation != self._poll_generation
                ),
                max(float(params.get("timeout") or 0), 0.0),
            )
        if generation != self._poll_generation:
            raise ApiError(409, _ERROR_PHRASES[409])
        self._reject_if_webhook("terminated by setWebhook request")
        batch = self._queue[:limit]
        for entry in batch:
            entry.delivered = True
        return [entry.update for entry in batch]

    def _set_allowed_updates(self, allowed: Any) -> None:
        """Remember allowed_updates; an empty list means the default kinds again."""
        if isinstance(allowed, list):
            self._allowed_updates = set(allowed) if allowed else None

    def _reject_if_webhook(self, reason: str) -> None:
        """getUpdates is refused while a webhook is set."""
        if self._webhook is not None:
            raise ApiError(409, f"Conflict: {reason}")

    async def _set_webhook(self, params: Json) -> bool:
        """setWebhook: validate, then push every update to the URL."""
        url = str(params.get("url") or "")
        if not url:
            return await self._delete_webhook(params)
        _validate_webhook_url(url)
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_RE.match(str(secret)):
            raise _bad("secret token contains unallowed characters")
        max_connections = int(params.get("max_connections") or 40)
        if not 1 <= max_connections <= 100:
            raise _bad("invalid max_connections specified")
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self._set_allowed_updates(params.get("allowed_updates"))
        await self._stop_webhook()
        timeout = aiohttp.ClientTimeout(total=10)
        hook = _Webhook(url, secret, max_connections, aiohttp.ClientSession(timeout=timeout))
        self._webhook = hook
        hook.task = asyncio.create_task(self._deliver_loop(hook))
        self._notify()
        return True

    async def _delete_webhook(self, params: Json) -> bool:
        """deleteWebhook: back to getUpdates."""
        await self._stop_webhook()
        if params.get("drop_pending_updates"):
            self._queue.clear()
        return True

    async def _get_webhook_info(self, params: Json) -> Json:
        """getWebhookInfo."""
        hook = self._webhook
        info: Json = {"url": hook.url if hook else "", "has_custom_certificate": False}
        info["pending_update_count"] = len(self._queue)
        if hook is not None:
            info["max_connections"] = hook.max_connections
            if self._allowed_updates is not None:
                info["allowed_updates"] = sorted(self._allowed_updates)
            if hook.last_error is not None:
                info["last_error_date"], info["last_error_message"] = hook.last_error
        return info

    async def _send_message(self, params: Json) -> Json:
        """sendMessage."""
        user = self._target(params)
        text, entities_key = self._text_of(params, "text", MAX_TEXT)
        markup = _validate_markup(params.get("reply_markup"), inline_only=False)
        self._check_reply(user, params)
        message = ChatMessage(user.new_message_id(), user.id, _now(), from_bot=True, text=text)
        message.reply_markup, message.format_key = markup, entities_key
        return self._deliver(user, message)

    async def _send_document(self, params: Json) -> Json:
        """sendDocument: an uploaded file, a known file_id or an HTTP URL."""
        user = self._target(params)
        upload = self._upload(params, "document")
        message = self._media_message(user, params)
        message.document = (upload.filename, upload.data)
        message.file_id = self._store_file(upload, "document")
        return self._deliver(user, message)

    async def _send_photo(self, params: Json) -> Json:
        """sendPhoto."""
        user = self._target(params)
        upload = self._upload(params, "photo")
        message = self._media_message(user, params)
        message.photo = upload.data
        message.file_id = self._store_file(upload, "photo")
        return self._deliver(user, message)

    async def _send_voice(self, params: Json) -> Json:
        """sendVoice: OGG/Opus (or MP3, M4A) by upload or the file_id of a voice note."""
        user = self._target(params)
        upload = self._upload(params, "voice")
        message = self._media_message(user, params)
        message.voice, message.duration = upload.data, 1
        message.file_id = self._store_file(upload, "voice")
        return self._deliver(user, message)

    async def _send_audio(self, params: Json) -> Json:
        """sendAudio."""
        user = self._target(params)
        upload = self._upload(params, "audio")
        message = self._media_message(user, params)
        message.audio, message.duration = (upload.filename, upload.data), 1
        message.file_id = self._store_file(upload, "audio")
        return self._deliver(user, message)

    async def _get_file(self, params: Json) -> Json:
        """getFile: a file_id's path for the file URL; files over 20 MB cannot be downloaded by bots."""
        file_id = params.get("file_id")
        if not isinstance(file_id, str) or not file_id:
            raise _bad("file_id is empty")
        upload = self._files.get(file_id)
        if upload is None:
            raise _bad("invalid file_id")
        size = upload.size if upload.size is not None else len(upload.data)
        if size > MAX_DOWNLOAD_BYTES:
            raise _bad("file is too big")
        folder = {"voice": "voice", "audio": "music", "photo": "photos"}.get(upload.kind, "documents")
        path = f"{folder}/file_{len(self._file_paths)}.{upload.filename.rsplit('.', 1)[-1] or 'bin'}"
        self._file_paths[path] = file_id
        return {"file_id": file_id, "file_unique_id": f"AgAD{file_id[-8:]}", "file_size": size, "file_path": path}

    async def _send_chat_action(self, params: Json) -> bool:
        """sendChatAction."""
        self._target(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    async def _edit_message_text(self, params: Json) -> Json:
        """editMessageText: the keyboard goes unless reply_markup is sent again."""
        user, message = self._editable(params)
        if message.text is None:
            raise _bad("there is no text in the message to edit")
        text, entities_key = self._text_of(params, "text", MAX_TEXT)
        markup = _validate_markup(params.get("reply_markup"), inline_only=True)
        self._check_modified(message, (text, entities_key, markup))
        message.text, message.format_key, message.reply_markup = text, entities_key, markup
        return self._edited(user, message)

    async def _edit_message_reply_markup(self, params: Json) -> Json:
        """editMessageReplyMarkup."""
        user, message = self._editable(params)
        markup = _validate_markup(params.get("reply_markup"), inline_only=True)
        self._check_modified(message, (message.text, message.format_key, markup))
        message.reply_markup = markup
        return self._edited(user, message)

    async def _delete_message(self, params: Json) -> bool:
        """deleteMessage: either side's message in a private chat."""
        user = self._target(params)
        message = user.find(_require_int(params, "message_id"))
        if message is None:
            raise _bad("message to delete not found")
        user.messages.remove(message)
        return True

    async def _answer_callback_query(self, params: Json) -> bool:
        """answerCallbackQuery: an existing query, at most once, text ≤ 200."""
        query_id = str(params.get("callback_query_id") or "")
        if self._queries.get(query_id) is not False:
            raise _bad(QUERY_INVALID.removeprefix("Bad Request: "))
        text = params.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER:
            raise _bad("MESSAGE_TOO_LONG")
        self._queries[query_id] = True
        self.callback_answers[query_id] = {"text": text, "show_alert": bool(params.get("show_alert"))}
        return True

    async def _set_my_commands(self, params: Json) -> bool:
        """setMyCommands, stored per scope and language."""
        key = self._commands_key(params)
        commands = _validate_commands(params.get("commands", []))
        if commands:
            self._commands[key] = commands
        else:
            self._commands.pop(key, None)
        return True

    async def _get_my_commands(self, params: Json) -> list[Json]:
        """getMyCommands for exactly that scope and language."""
        pairs = self._commands.get(self._commands_key(params), [])
        return [{"command": name, "description": text} for name, text in pairs]

    async def _delete_my_commands(self, params: Json) -> bool:
        """deleteMyCommands."""
        self._commands.pop(self._commands_key(params), None)
        return True

    # ------------------------------------------------------------ method helpers

    def _commands_key(self, params: Json) -> tuple[tuple[Any, ...], str]:
        """Scope key plus language code; a chat scope must name a known chat."""
        key = _scope_key(params.get("scope"))
        if key[0] in ("chat", "chat_administrators", "chat_member") and key[1] not in self._users:
            raise _bad("chat not found")
        language = str(params.get("language_code") or "")
        if language and not _LANGUAGE_RE.match(language):
            raise _bad("invalid language code specified")
        return key, language

    def _target(self, params: Json) -> SimulatedUser:
        """The private chat a call is aimed at: known, started and not blocked."""
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        user = self._users.get(chat_id) if isinstance(chat_id, int) else None
        if user is None or not user.started:
            raise _bad("chat not found")
        if user.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return user

    def _text_of(self, params: Json, name: str, limit: int) -> tuple[str, str | None]:
        """The visible text after parse_mode and stripping, with a key of its formatting."""
        raw = params.get(name)
        parse_mode = params.get("parse_mode")
        visible = _plain_text(str(raw if raw is not None else ""), parse_mode).strip()
        if not visible:
            raise _bad("message text is empty")
        if len(visible) > limit:
            raise _bad("message is too long")
        entities = params.get("entities")
        return visible, (f"{parse_mode}:{raw}" if parse_mode else json.dumps(entities) if entities else None)

    def _caption_of(self, params: Json) -> str | None:
        """An optional caption, ≤ 1024 characters after parsing."""
        raw = params.get("caption")
        if raw is None:
            return None
        visible = _plain_text(str(raw), params.get("parse_mode")).strip()
        if len(visible) > MAX_CAPTION:
            raise _bad("message caption is too long")
        return visible or None

    def _media_message(self, user: SimulatedUser, params: Json) -> ChatMessage:
        """A bot message carrying media: caption and keyboard checked."""
        caption = self._caption_of(params)
        markup = _validate_markup(params.get("reply_markup"), inline_only=False)
        self._check_reply(user, params)
        message = ChatMessage(user.new_message_id(), user.id, _now(), from_bot=True, caption=caption)
        message.reply_markup = markup
        return message

    def _upload(self, params: Json, name: str) -> Upload:
        """The file of a send method: multipart upload, attach:// reference, file_id (of the same kind) or URL."""
        value = params.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
        if isinstance(value, Upload):
            if not value.data:
                raise _bad("file must be non-empty")
            return value
        if isinstance(value, str) and value in self._files:
            known = self._files[value]
            if known.kind != name:
                raise _bad(f"can't use file of type {known.kind.title()} as {name.title()}")
            return known
        if isinstance(value, str) and urlsplit(value).scheme in ("http", "https"):
            return Upload(urlsplit(value).path.rsplit("/", 1)[-1] or "file", b"")
        if not value:
            raise _bad(f"there is no {name} in the request")
        raise _bad("wrong file identifier/HTTP URL specified")

    def _store_file(self, upload: Upload, kind: str) -> str:
        """Keep an upload under a new file_id (for its kind) so it can be sent again by id."""
        return self.store_file(dataclasses.replace(upload, kind=kind))

    def store_file(self, upload: Upload) -> str:
        """Keep a file under a new file_id, as Telegram does with what users and bots send."""
        file_id = f"BQACAgIAAxkBAAI{self._next_file:08d}"
        self._next_file += 1
        self._files[file_id] = upload
        return file_id

    def _check_reply(self, user: SimulatedUser, params: Json) -> None:
        """A reply must point at an existing message unless sending without it is allowed."""
        reply = params.get("reply_parameters") or {}
        target = reply.get("message_id") if isinstance(reply, dict) else None
        target = target or params.get("reply_to_message_id")
        allow = reply.get("allow_sending_without_reply") if isinstance(reply, dict) else False
        if target and user.find(int(target)) is None and not (allow or params.get("allow_sending_without_reply")):
            raise _bad("message to be replied not found")

    def _editable(self, params: Json) -> tuple[SimulatedUser, ChatMessage]:
        """The bot message an edit refers to."""
        if params.get("inline_message_id"):
            raise _bad("MESSAGE_ID_INVALID")
        user = self._target(params)
        message = user.find(_require_int(params, "message_id"))
        if message is None:
            raise _bad("message to edit not found")
        if not message.from_bot:
            raise _bad("message can't be edited")
        return user, message

    @staticmethod
    def _check_modified(message: ChatMessage, new: tuple[str | None, str | None, Json | None]) -> None:
        """Reject an edit that changes nothing, like the real server."""
        old = (message.text, message.format_key, message.reply_markup)
        if json.dumps(old, sort_keys=True) == json.dumps(new, sort_keys=True):
            raise ApiError(400, NOT_MODIFIED)

    def _deliver(self, user: SimulatedUser, message: ChatMessage) -> Json:
        """Add a bot message to the chat and tell waiters."""
        user.messages.append(message)
        user.events.append(message.snapshot("sent"))
        self._activity += 1
        self._notify()
        return self.message_json(message)

    def _edited(self, user: SimulatedUser, message: ChatMessage) -> Json:
        """Record an edit and tell waiters."""
        message.edit_date = _now()
        user.events.append(message.snapshot("edited"))
        self._activity += 1
        self._notify()
        return self.message_json(message)

    def message_json(self, message: ChatMessage) -> Json:
        """The Message object for a chat message."""
        user = self._users[message.chat_id]
        out: Json = {
            "message_id": message.message_id,
            "from": self.bot_user() if message.from_bot else user.as_user(),
            "chat": user.as_chat(),
            "date": message.date,
        }
        if message.edit_date is not None:
            out["edit_date"] = message.edit_date
        if message.text is not None:
            out["text"] = message.text
        if message.entities:
            out["entities"] = message.entities
        out.update(self._media_json(message))
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            out["reply_markup"] = {"inline_keyboard": message.reply_markup["inline_keyboard"]}
        return out

    @staticmethod
    def _media_json(message: ChatMessage) -> Json:
        """Document, photo and caption fields of a Message."""
        out: Json = {}
        file_id = message.file_id or ""
        unique = f"AgAD{file_id[-8:]}"
        if message.document is not None:
            name, data = message.document
            out["document"] = {
                "file_id": file_id,
                "file_unique_id": unique,
                "file_name": name,
                "file_size": message.file_size or len(data),
            }
            if message.mime_type:
                out["document"]["mime_type"] = message.mime_type
        if message.voice is not None:
            out["voice"] = {
                "file_id": file_id,
                "file_unique_id": unique,
                "duration": message.duration or 0,
                "mime_type": "audio/ogg",
                "file_size": len(message.voice),
            }
        if message.audio is not None:
            name, data = message.audio
            out["audio"] = {
                "file_id": file_id,
                "file_unique_id": unique,
                "duration": message.duration or 0,
                "file_name": name,
                "mime_type": message.mime_type or "audio/mpeg",
                "file_size": len(data),
            }
        if message.photo is not None:
            size = len(message.photo)
            out["photo"] = [
                {"file_id": file_id, "file_unique_id": unique, "width": 90, "height": 90, "file_size": size}
            ]
        if message.caption:
            out["caption"] = message.caption
        return out

    # ------------------------------------------------------------ webhook delivery

    async def _stop_webhook(self) -> None:
        """Stop pushing updates and close the webhook's HTTP session."""
        hook, self._webhook = self._webhook, None
        if hook is None:
            return
        if hook.task is not None:
            hook.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await hook.task
        self._delivering = False
        await hook.session.close()

    async def _deliver_loop(self, hook: _Webhook) -> None:
        """POST pending updates one by one, in order, retrying non-2xx answers a bounded number of times."""
        while True:
            await self.wait_for(lambda: bool(self._queue) or self._closing, None)
            if self._closing:
                return
            entry = self._queue[0]
            self._delivering = True
            await self._post_update(hook, entry)
            if entry in self._queue:
                self._queue.remove(entry)
            self._delivering = False
            self._activity += 1
            self._notify()

    async def _post_update(self, hook: _Webhook, entry: _Entry) -> bool:
        """One update to the webhook, with retries; True once it was acknowledged."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret} if hook.secret else {}
        for attempt in range(self.webhook_max_attempts):
            entry.delivered = True
            status, error = await self._post_once(hook, entry.update, headers)
            self.webhook_attempts.append((entry.update_id, status))
            if status is not None and 200 <= status < 300:
                return True
            hook.last_error = (_now(), error)
            self._notify()  # getWebhookInfo now reports it
            await self._pause(self.webhook_retry_delay * 2**attempt)
            if self._closing:
                break
        return False

    @staticmethod
    async def _post_once(hook: _Webhook, update: Json, headers: dict[str, str]) -> tuple[int | None, str]:
        """A single POST; the status (None on connection failure) and an error text."""
        try:
            async with hook.session.post(hook.url, json=update, headers=headers) as response:
                await response.read()
                return (
                    response.status,
                    f"Wrong response from the webhook: {response.status} {response.reason}",
                )
        except (aiohttp.ClientError, TimeoutError) as exc:
            return None, f"Connection failed: {exc}"


def _validate_webhook_url(url: str) -> None:
    """HTTPS is required, except for loopback URLs that a test's bot listens on."""
    parts = urlsplit(url)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _bad("bad webhook: Failed to resolve host: Name or service not known")
    if parts.scheme != "https" and not loopback:
        raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
    if not loopback and parts.port not in (None, 80, 88, 443, 8443):
        raise _bad("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")


def _require_int(params: Json, name: str) -> int:
    """A required integer parameter."""
    value = params.get(name)
    if value is None or value == "":
        raise _bad("message identifier is not specified" if name == "message_id" else f"{name} is empty")
    if not isinstance(value, int):
        raise _bad(f"wrong parameter {name} in request")
    return value


def _json(body: Json, status: int) -> web.Response:
    """A JSON response with Arabic left readable."""
    return web.json_response(body, status=status, dumps=lambda obj: json.dumps(obj, ensure_ascii=False))
