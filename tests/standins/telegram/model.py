"""What the stand-in keeps: uploaded files and the messages of a private chat, as a user sees them."""

from __future__ import annotations

import copy
import dataclasses
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

Json = dict[str, Any]
Handler = Callable[[Json], Awaitable[Any]]  # one Bot API method: its decoded parameters to its result


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


def now() -> int:
    """Unix time in whole seconds, like Telegram's date fields."""
    return int(time.time())


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2
