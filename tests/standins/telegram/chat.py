"""The bot and its chats: getMe, logOut, close, sendChatAction, and the command menus per scope and language."""

from __future__ import annotations

import re
from typing import Any

from .errors import bad
from .hub import Hub
from .limits import MAX_COMMAND_DESCRIPTION, MAX_COMMANDS
from .model import Handler, Json
from .params import as_int

_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
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

CommandsKey = tuple[tuple[Any, ...], str]


class Chat:
    """The bot's account and the command menus it set, by scope and language."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.logged_out = False
        self._commands: dict[CommandsKey, list[tuple[str, str]]] = {}

    def methods(self) -> dict[str, Handler]:
        """The Bot API methods of this area, by lower-case name."""
        return {
            "getme": self._get_me,
            "logout": self._log_out,
            "close": self._close,
            "sendchataction": self._send_chat_action,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
        }

    def commands(self, scope: Any = None, language_code: str | None = None) -> list[tuple[str, str]]:
        """The (command, description) pairs setMyCommands stored for that scope and language."""
        return list(self._commands.get((scope_key(scope), language_code or ""), []))

    async def _get_me(self, params: Json) -> Json:
        """getMe."""
        return {
            **self.hub.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _log_out(self, params: Json) -> bool:
        """logOut: later calls are unauthorised, as after logging out of the cloud server."""
        self.logged_out = True
        return True

    async def _close(self, params: Json) -> bool:
        """close."""
        return True

    async def _send_chat_action(self, params: Json) -> bool:
        """sendChatAction."""
        self.hub.target(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise bad("wrong parameter action in request")
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

    def _commands_key(self, params: Json) -> CommandsKey:
        """Scope key plus language code; a chat scope must name a known chat."""
        key = scope_key(params.get("scope"))
        if key[0] in ("chat", "chat_administrators", "chat_member") and key[1] not in self.hub.users:
            raise bad("chat not found")
        language = str(params.get("language_code") or "")
        if language and not _LANGUAGE_RE.match(language):
            raise bad("invalid language code specified")
        return key, language


def _validate_commands(commands: Any) -> list[tuple[str, str]]:
    """setMyCommands' list: ≤ 100 commands of a-z0-9_ (1–32) with a description of 1–256."""
    if not isinstance(commands, list):
        raise bad("can't parse commands JSON object")
    if len(commands) > MAX_COMMANDS:
        raise bad("too many commands specified")
    out: list[tuple[str, str]] = []
    for item in commands:
        if not isinstance(item, dict) or "command" not in item or "description" not in item:
            raise bad('can\'t parse BotCommand: Can\'t find field "command" or "description"')
        name, description = str(item["command"]), str(item["description"]).strip()
        if not _COMMAND_RE.match(name):
            raise bad("BOT_COMMAND_INVALID")
        if not description:
            raise bad("command description must be non-empty")
        if len(description) > MAX_COMMAND_DESCRIPTION:
            raise bad("command description is too long")
        out.append((name, description))
    return out


def scope_key(scope: Any) -> tuple[Any, ...]:
    """A hashable key for a BotCommandScope (dict, type name or PTB object); validates it."""
    if scope is None:
        return ("default",)
    if isinstance(scope, str):
        scope = {"type": scope}
    elif hasattr(scope, "to_dict"):
        scope = scope.to_dict()
    if not isinstance(scope, dict) or scope.get("type") not in _SCOPE_TYPES:
        raise bad("unsupported bot command scope type")
    kind = scope["type"]
    if kind in ("chat", "chat_administrators", "chat_member") and "chat_id" not in scope:
        raise bad("chat_id is empty")
    if kind == "chat_member" and "user_id" not in scope:
        raise bad("user_id is empty")
    return (kind, as_int(scope.get("chat_id")), as_int(scope.get("user_id")))
