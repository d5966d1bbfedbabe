"""Drawing replies the Telegram way: inline keyboards within the Bot API's limits (long texts: pieces.py)."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.kit.contract import Choice

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
MAX_BUTTONS = 100
SHORT_LABEL = 18  # labels this short sit two to a row
CALLBACK_DATA_BYTES = 64


def keyboard(choices: tuple[Choice, ...]) -> InlineKeyboardMarkup | None:
    """Return an inline keyboard: long labels one per row, short ones in pairs."""
    rows = [[InlineKeyboardButton(c.label, callback_data=c.id) for c in line] for line in layout(choices)]
    return InlineKeyboardMarkup(rows) if rows else None


def keyboard_json(choices: tuple[Choice, ...]) -> dict[str, Any] | None:
    """Return the same keyboard as the Bot API's JSON, without building python-telegram-bot objects."""
    rows = [[{"text": c.label, "callback_data": c.id} for c in line] for line in layout(choices)]
    return {"inline_keyboard": rows} if rows else None


def layout(choices: tuple[Choice, ...]) -> list[list[Choice]]:
    """Arrange choices in rows: long labels one per row, short ones in pairs."""
    rows: list[list[Choice]] = []
    pending: list[Choice] = []
    for choice in choices[:MAX_BUTTONS]:
        if len(choice.id.encode()) > CALLBACK_DATA_BYTES:
            raise ValueError(f"callback data over {CALLBACK_DATA_BYTES} bytes: {choice.id!r}")
        if len(choice.label) > SHORT_LABEL:
            rows.extend([pending] if pending else [])
            rows.append([choice])
            pending = []
            continue
        pending.append(choice)
        if len(pending) == 2:
            rows.append(pending)
            pending = []
    if pending:
        rows.append(pending)
    return rows
