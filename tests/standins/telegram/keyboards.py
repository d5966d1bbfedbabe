"""Reply markup: inline and reply keyboards checked against the real limits (buttons, rows, callback data)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .errors import bad
from .limits import MAX_BUTTONS_PER_ROW, MAX_CALLBACK_DATA_BYTES, MAX_INLINE_BUTTONS
from .model import Json

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


def validate_markup(markup: Any, *, inline_only: bool) -> Json | None:
    """Check a reply_markup the way the real server does; return it normalised."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _validate_inline_keyboard(markup["inline_keyboard"])
    elif inline_only:
        raise bad("inline keyboard expected")
    elif "keyboard" in markup:
        _validate_reply_keyboard(markup["keyboard"])
    elif not markup.get("remove_keyboard") and not markup.get("force_reply"):
        raise bad("can't parse reply keyboard markup JSON object")
    return markup


def _validate_inline_keyboard(rows: Any) -> None:
    """Enforce the inline keyboard limits: ≤ 100 buttons, ≤ 8 per row, valid buttons."""
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    if sum(len(row) for row in rows) > MAX_INLINE_BUTTONS or any(len(r) > MAX_BUTTONS_PER_ROW for r in rows):
        raise bad("reply markup is too long")
    for row in rows:
        for button in row:
            _validate_inline_button(button)


def _validate_inline_button(button: Any) -> None:
    """One inline button: non-empty text, exactly one action, callback_data of 1–64 bytes."""
    if not isinstance(button, dict):
        raise bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    if not str(button.get("text", "")).strip():
        raise bad("BUTTON_TEXT_INVALID")
    actions = [key for key in button if key in _BUTTON_ACTIONS]
    if len(actions) != 1:
        raise bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
            raise bad("BUTTON_DATA_INVALID")
    if "url" in button and urlsplit(str(button["url"])).scheme not in ("http", "https", "tg"):
        raise bad("BUTTON_URL_INVALID")


def _validate_reply_keyboard(rows: Any) -> None:
    """A reply keyboard: rows of buttons with non-empty text."""
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad("can't parse reply keyboard markup JSON object")
    for row in rows:
        for button in row:
            label = button.get("text") if isinstance(button, dict) else button
            if not str(label or "").strip():
                raise bad("BUTTON_TEXT_INVALID")
