"""A local stand-in for the Telegram Bot API that python-telegram-bot talks to over HTTP, a module per API area."""

from .errors import NOT_MODIFIED, QUERY_INVALID, ApiError
from .limits import MAX_UPLOAD_BYTES
from .model import ChatMessage, Upload
from .server import BotApiStandIn
from .users import SimulatedUser

__all__ = [
    "MAX_UPLOAD_BYTES",
    "NOT_MODIFIED",
    "QUERY_INVALID",
    "ApiError",
    "BotApiStandIn",
    "ChatMessage",
    "SimulatedUser",
    "Upload",
]
